# Checks: str.format with {}, {0}, {name}, repeated indexes, format specs, attribute/index access, braces escaping.
print("{} and {}".format("a", "b"))
print("{1} before {0}; {0} again".format("zero", "one"))
print("{name} is {age}".format(name="Ann", age=30))
print("{0}{1}{0}".format("ab", "-"))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{:.2f} {:5d} {:05d} {:x} {:X} {:b} {:o} {:,}".format(3.14159, 42, 42, 255, 255, 5, 8, 1234567))
print("{:e} {:.1%} {:+d} {: d}".format(12345.678, 0.256, 5, 7))
print("{{literal}} {}".format("x"))
print("{0[1]} {1[k]}".format([10, 20], {"k": "v"}))


class P:
    x = 3


print("{0.x} {p.x}".format(P(), p=P()))
print("{!r} {!s}".format("q", "q"))
print("{:*^11}".format("mid"), "{:=+8}".format(-42), "{:#x} {:#b}".format(255, 5))
print("{:10.3f}|{:<10.1f}|".format(2.71828, 2.0))
print("{}".format(None), "{}".format([1, 2]), "{}".format(1.0))
try:
    "{} {}".format("only one")
except IndexError as e:
    print(type(e).__name__, e)
try:
    "{missing}".format(present=1)
except KeyError as e:
    print(type(e).__name__, e)
