# Checks: math's integer functions on small, big and __index__ arguments with CPython's errors: factorial, gcd and lcm (any number of arguments), comb, perm (with and without k), isqrt, and prod (ints, floats, mixed, start=, non-numbers).
import math


class I:
    def __index__(self):
        return 7


def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


print([math.factorial(n) for n in range(0, 25)])
print(math.factorial(100), math.factorial(2000).bit_length(), math.factorial(2000) % (10**9 + 7), math.factorial(True), math.factorial(I()))
for label, f in [("factorial(-1)", lambda: math.factorial(-1)),
                 ("factorial(2.0)", lambda: math.factorial(2.0)),
                 ("factorial(10**20)", lambda: math.factorial(10**20)),
                 ("factorial('5')", lambda: math.factorial('5'))]:
    t(label, f)

print(math.gcd(), math.gcd(12), math.gcd(-12), math.gcd(-12, 18, 27), math.gcd(0, 0), math.gcd(0, -5))
print(math.gcd(2**80, 2**70 * 3), math.gcd(3**50, 6**40, 9**30), math.gcd(I(), 21), math.gcd(True, 4))
print(math.lcm(), math.lcm(4), math.lcm(-4), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(-4, 6))
print(math.lcm(2**70, 3), math.lcm(10**20, 15**10), math.lcm(I(), 3), math.lcm(0, 2**100))
t("gcd(1.5)", lambda: math.gcd(1.5))
t("gcd(2, 'a')", lambda: math.gcd(2, 'a'))
t("lcm(2, 3.0)", lambda: math.lcm(2, 3.0))
t("lcm(0, 'a')", lambda: math.lcm(0, 'a'))
t("gcd(x=1)", lambda: math.gcd(x=1))

print([math.comb(10, k) for k in range(12)])
print([math.perm(6, k) for k in range(8)], math.perm(5), math.perm(5, None), math.perm(0))
print(math.comb(10**30, 3), math.comb(2**70, 2), math.perm(2**70, 2), math.comb(10**100, 10**100 - 2))
print(math.comb(200, 100), math.perm(30, 20), math.comb(10, 10**20), math.perm(10, 10**20))
print(math.comb(I(), 3), math.perm(I(), I()), math.comb(True, True))
for label, f in [("comb(-1, 2)", lambda: math.comb(-1, 2)), ("comb(5, -1)", lambda: math.comb(5, -1)),
                 ("comb(5.0, 2)", lambda: math.comb(5.0, 2)), ("comb(5, 2.0)", lambda: math.comb(5, 2.0)),
                 ("comb(10**100, 10**50)", lambda: math.comb(10**100, 10**50)),
                 ("comb(2**70, 2**65)", lambda: math.comb(2**70, 2**65)),
                 ("comb(1)", lambda: math.comb(1)),
                 ("perm(-1)", lambda: math.perm(-1)), ("perm(5, -2)", lambda: math.perm(5, -2)),
                 ("perm(-5, 2)", lambda: math.perm(-5, 2)),
                 ("perm(2**70, 2**65)", lambda: math.perm(2**70, 2**65)),
                 ("perm()", lambda: math.perm()), ("perm(1, 2, 3)", lambda: math.perm(1, 2, 3)),
                 ("perm(5.5)", lambda: math.perm(5.5))]:
    t(label, f)

print([math.isqrt(n) for n in range(0, 30)], math.isqrt(10**40 + 5), math.isqrt(2**200 - 1))
print(math.isqrt(I()), math.isqrt(True), math.isqrt((10**50 + 7) ** 2), math.isqrt((10**50 + 7) ** 2 - 1))
t("isqrt(-1)", lambda: math.isqrt(-1))
t("isqrt(2.0)", lambda: math.isqrt(2.0))

print(math.prod([1, 2, 3]), math.prod([]), math.prod([], start=5), math.prod([1.5, 2], start=2))
print(math.prod(range(1, 30)), math.prod([2**40, 2**40]), math.prod([2**62, 4]), math.prod([0.1] * 5))
print(math.prod([2, 2.5, 3]), math.prod([True, 3]), math.prod(iter([3, -2, 0.5])), math.prod([[1]], start=1))
print(math.prod(['a'], start=3), math.prod([3], start='ab'), math.prod(x for x in [1, 2, 3, 4]))
t("prod()", lambda: math.prod())
t("prod([1], [2])", lambda: math.prod([1], [2]))
t("prod([1], st=2)", lambda: math.prod([1], st=2))
t("prod(5)", lambda: math.prod(5))
t("prod(['a', 'b'])", lambda: math.prod(['a', 'b']))
