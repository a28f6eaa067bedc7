# Checks: sizes no allocation can satisfy raise MemoryError (never abort the process); other pathological inputs raise what CPython raises.
tests = [
    lambda: "a" * (2**62),
    lambda: [0] * (2**62),
    lambda: (1,) * (2**62),
    lambda: b"x" * (2**62),
    lambda: bytes(2**62),
    lambda: [1, 2] * (2**62),
    lambda: sorted([3, "a", 1]),
    lambda: [].pop(),
    lambda: int("9" * 5000),
    lambda: "%s" % (),
    lambda: "{0}{1}".format(1),
    lambda: list(range(10**18, 10**18 + 3)),
    lambda: "ab" * 3 + "c" * 0,
]
for t in tests:
    try:
        r = t()
        print("ok", type(r).__name__)
    except Exception as e:
        print(type(e).__name__, str(e)[:60])
