# Checks: int(), float(), str(), bool(), list(), tuple() conversions incl. bases, whitespace, signs.
print(int("42"), int("-17"), int("  8  "), int("+5"), int("1_000"))
print(int(3.9), int(-3.9), int(True), int(0.0), int(-0.5))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("777", 8), int("1010", 2), int("z", 36))
print(int("0b101", 0), int("0o17", 0), int("0x1F", 0), int("99", 0))
print(int(), float(), str(), bool(), list(), tuple())
print(float("3.5"), float("-0.25"), float(" 1e3 "), float(7), float("inf"), float("-inf"), float("nan"))
print(float("Infinity"), float("1_000.5"), float(True))
print(str(12), str(-3.5), str(None), str(True), str([1, "a"]), str((1,)), str({"a": 1}))
print(bool(0), bool(7), bool(""), bool(" "), bool([]), bool([[]]), bool(None), bool(0.0), bool(-0.1))
print(list("abc"), list((1, 2)), list(range(3)), list({"x": 1, "y": 2}))
print(tuple([1, 2]), tuple("hi"), tuple(range(2)), tuple())
print(int("10", base=3), int(" -0x10 ", 16))
print(str(10**30), int(str(10**30)) == 10**30)
print(str(1.0), str(1e20), str(1e-5), str(0.1 + 0.2), str(-0.0))
for bad in ["", "1.5", "abc", "0x10", " ", "1 2"]:
    try:
        int(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int("12", 2)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    float("1.2.3")
except ValueError as e:
    print(type(e).__name__, e)
