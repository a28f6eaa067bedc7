# Checks: math.fsum is exact and correctly rounded (cancellation, ties, iterators, special values, overflow), math.hypot and math.dist give CPython's correctly rounded norms in any dimension (subnormal and huge inputs, infinities and NaNs), with CPython's errors.
import math

inf, nan = math.inf, math.nan


def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


for xs in [[0.1] * 10, [1, 1e100, 1, -1e100], [1e16, 1.0, 1e-16], [2**53, 1, 2**-53], [-0.0],
           [], [0.1, 0.2, 0.3], [1e308, -1e308, 1e308 / 2], [1.0, 2.0**-53, 2.0**-106],
           [1.0, -2.0**-54, -2.0**-107], [3, 0.5, True], [1e-320] * 7, [inf, 1], [-inf, -inf, 5],
           [nan, 1], [inf, nan], [1.7976931348623157e308, -1e292, 1e292]]:
    t("fsum(%r)" % (xs,), lambda: math.fsum(xs))
t("fsum(iter)", lambda: math.fsum(iter([0.1, 0.2, 0.3])))
t("fsum(generator)", lambda: math.fsum(x / 10 for x in range(1, 11)))
t("fsum([1e308, 1e308])", lambda: math.fsum([1e308, 1e308]))
t("fsum([1e308, 1e308, -1e308])", lambda: math.fsum([1e308, 1e308, -1e308]))
t("fsum([inf, -inf])", lambda: math.fsum([inf, -inf]))
t("fsum(['a'])", lambda: math.fsum(['a']))
t("fsum([2**1100])", lambda: math.fsum([2**1100]))
t("fsum(1)", lambda: math.fsum(1))

# Pseudo-random sums (a fixed linear congruential sequence): each must be exactly CPython's.
state = 12345


def rand():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state


for i in range(40):
    n = rand() % 12 + 1
    xs = [((rand() % 2**53) / 2**53 - 0.5) * 10.0 ** (rand() % 40 - 20) for j in range(n)]
    print(math.fsum(xs).hex(), math.hypot(*xs).hex(), math.dist(xs, xs[::-1]).hex())

print(math.hypot(), math.hypot(3), math.hypot(-3), math.hypot(3, 4), math.hypot(3, 4, 12))
print(math.hypot(1e308, 1e308), math.hypot(1e-320, 1e-320), math.hypot(5e-324, 5e-324, 5e-324))
print(math.hypot(inf, nan), math.hypot(nan, 1), math.hypot(-inf, 3), math.hypot(0.0, -0.0))
print(math.hypot(*range(100)), math.hypot(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17))
print(math.dist((1, 2), (4, 6)), math.dist([1, 2], [4, 6]), math.dist((), ()), math.dist((1.5,), (-2,)))
print(math.dist(range(5), [0] * 5), math.dist((inf, 0), (1, 0)), math.dist((nan,), (1,)))
t("hypot('a')", lambda: math.hypot('a'))
t("hypot(x=1)", lambda: math.hypot(x=1))
t("dist((1,), (1, 2))", lambda: math.dist((1,), (1, 2)))
t("dist(1, 2)", lambda: math.dist(1, 2))
t("dist((1,), ('a',))", lambda: math.dist((1,), ('a',)))
t("dist((1,))", lambda: math.dist((1,)))
