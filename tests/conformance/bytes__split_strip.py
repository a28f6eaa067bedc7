# Checks: bytes split/rsplit (maxsplit, whitespace), splitlines(keepends), strip family, partition, removeprefix/suffix, replace and join.
def show(label, f):
    try:
        result = f()
    except (TypeError, ValueError, OverflowError) as e:
        result = type(e).__name__ + ": " + str(e)
    print(label, result)


b = b"  a\tb\nc\x0bd\x0ce \x1cf  "
show(1, lambda: [b.split(), b.split(None, 2), b.rsplit(None, 2), b.split(maxsplit=0), b.rsplit(None, 0)])
show(2, lambda: [b"a,b,,c,".split(b","), b"a,b,,c,".rsplit(b",", 2), b"aXXXb".rsplit(b"XX"), b"".split(b",")])
show(3, lambda: [b"a,b".split(sep=b",", maxsplit=-5), b"".split(), b"   ".rsplit(), b"abc".split(b"abc")])
show(4, lambda: b"a".split(b""))
show(5, lambda: b"a".split(","))
show(6, lambda: b"a".split(b",", 1.5))
show(7, lambda: b"a".split(x=1))
t = b"one\ntwo\r\nthree\rfour\x0bfive\x1csix\n\n"
show(8, lambda: [t.splitlines(), t.splitlines(True), t.splitlines(keepends=2), b"".splitlines(True)])
show(9, lambda: b"x".splitlines(2**70))
show(10, lambda: [b.strip(), b.lstrip(), b.rstrip(), b"xxaxx".strip(b"x"), b"xyaxy".rstrip(b"yx")])
show(11, lambda: [b"abc".strip(None), b"abc".strip(b""), b"\x1cab\x1c".strip(), b"".lstrip(b"a")])
show(12, lambda: b"abc".strip(1))
show(13, lambda: b"abc".lstrip("a"))
show(14, lambda: [b"a=b=c".partition(b"="), b"a=b=c".rpartition(b"="), b"abc".partition(b"x")])
show(15, lambda: [b"abc".rpartition(b"x"), b"".partition(b"=")])
show(16, lambda: b"abc".partition(b""))
show(17, lambda: b"abc".rpartition(None))
show(18, lambda: [b"abcab".removeprefix(b"ab"), b"abcab".removesuffix(b"ab"), b"ab".removeprefix(b"")])
show(19, lambda: b"ab".removesuffix("b"))
show(20, lambda: [b"banana".replace(b"a", b"o"), b"banana".replace(b"a", b"o", 2), b"ab".replace(b"", b"-")])
show(21, lambda: [b"ab".replace(b"", b"-", 2), b"aaa".replace(b"a", b""), b"ab".replace(b"x", b"y", -1)])
show(22, lambda: b"ab".replace("a", "b"))
show(23, lambda: b"ab".replace(b"a", b"b", None))
show(24, lambda: [b", ".join([b"a", b"b"]), b"".join([]), b"-".join((b"x",)), b"-".join(iter([b"p", b"q"]))])
show(25, lambda: b"-".join([b"a", "b"]))
show(26, lambda: b"-".join(1))
one = b"solo"
print(b"".join([one]) is one, b",".join((one,)) is one, one.strip() is one, one.replace(b"x", b"y") is one)
