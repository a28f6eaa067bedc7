# Checks: the TypeError wordings of str and bytes methods for arguments of the wrong type (Argument Clinic names None as "None").
cases = [
    lambda: "a".replace(None, "b"),
    lambda: "a".replace("a", 1),
    lambda: "a".removeprefix(None),
    lambda: "a".removesuffix(1),
    lambda: "a".encode(None),
    lambda: "a".encode(errors=None),
    lambda: b"a".decode(None),
    lambda: bytes.fromhex(None),
    lambda: str.maketrans(None, "a"),
    lambda: str.maketrans("a", None),
    lambda: str.maketrans("a", "b", None),
    lambda: str.maketrans("ab", "c"),
    lambda: "a".center(3, None),
    lambda: "a".split(1),
    lambda: "a".strip(1),
    lambda: "a".find(None),
    lambda: "a".partition(None),
    lambda: "a".startswith((None,)),
    lambda: "a".endswith(1),
    lambda: b"a".startswith((b"x", 1)),
    lambda: b"a".endswith("a"),
    lambda: "".join(["a", None]),
    lambda: "a".splitlines(2**70),
    lambda: "a".splitlines(1.5),
    lambda: "a".expandtabs(2**70),
    lambda: "a".split(maxsplit=2**70),
    lambda: str.upper(b"a"),
    lambda: str.upper(),
    lambda: "a".upper(1),
    lambda: "a".strip("a", "b"),
    lambda: "a".replace("a"),
    lambda: "a".partition(),
]
for i, case in enumerate(cases):
    try:
        print(i, "no error:", case())
    except (TypeError, ValueError, OverflowError) as e:
        print(i, type(e).__name__, e)
