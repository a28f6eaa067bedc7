# Checks: bytes case mapping (ASCII only) and the is* predicates, with their argument errors.
samples = [b"", b"hello World", b"aBc dEF 12x\xe9\xc9", b"hello_world-foo bar", b"they're bill's", b"1A"]
for b in samples:
    print([b.upper(), b.lower(), b.capitalize(), b.swapcase(), b.title()])
for b in samples + [b"ABC", b"Abc Def", b"123", b" \t\n\r\x0b\x0c", b"\x1c", b"a1", b"\x7f", b"A1B"]:
    print(b, [b.isalpha(), b.isalnum(), b.isdigit(), b.isspace(), b.isascii()], end=" ")
    print([b.isupper(), b.islower(), b.istitle()])
for bad in [lambda: b"a".upper(1), lambda: b"a".isalpha(1), lambda: b"a".title(x=1),
            lambda: bytes.lower("a"), lambda: bytes.isdigit()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
