# Checks: seq * n with huge n: OverflowError for str/bytes results longer than sys.maxsize, MemoryError for list/tuple, OverflowError for n beyond a Py_ssize_t, empty results at once for empty sequences or n <= 0.
import sys

M = sys.maxsize
cases = [("str", "ab"), ("str1", "a"), ("nonascii", "\u00e9"), ("bytes", b"ab"), ("bytes1", b"a"),
         ("list", [1, 2]), ("list1", [1]), ("tuple", (1, 2)), ("tuple1", (1,)),
         ("empty str", ""), ("empty bytes", b""), ("empty list", []), ("empty tuple", ())]
for n in [2**62, M, M + 1, 2**100, -2**100, -1, 0]:
    for name, v in cases:
        for order in ("seq * n", "n * seq"):
            try:
                r = v * n if order == "seq * n" else n * v
                print(name, order, n, "->", repr(r))
            except (OverflowError, MemoryError) as e:
                print(name, order, n, "->", type(e).__name__, e)
for name, v in [("list", [1, 2]), ("str", "ab"), ("empty list", [])]:
    try:
        v *= 2**62
        print("inplace", name, repr(v))
    except (OverflowError, MemoryError) as e:
        print("inplace", name, type(e).__name__, e)
for what, f in [("bytes(2**62)", lambda: bytes(2**62)), ("bytes(2**63)", lambda: bytes(2**63)),
                ("bytes(-2**63 - 1)", lambda: bytes(-2**63 - 1)),
                ("list(range(2**62))", lambda: list(range(2**62))),
                ("tuple(range(M))", lambda: tuple(range(M))),
                ("[None] * 2**62", lambda: [None] * 2**62)]:
    try:
        f()
        print(what, "ok")
    except (OverflowError, MemoryError) as e:
        print(what, type(e).__name__, e)
print("True * 'ab':", True * "ab", "and", "ab" * False)
