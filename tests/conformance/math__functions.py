# Checks: math's real functions and constants at ordinary points and special values (zeros, infinities, NaN, poles), with CPython's math domain/range errors: sqrt, cbrt, exp, exp2, expm1, log (with base, and of ints beyond float range), log2, log10, log1p, trig, inverse trig, hyperbolics and their inverses, erf, erfc, gamma, lgamma, pow, atan2, copysign, fmod, remainder, fabs, frexp, ldexp, modf, nextafter, ulp, degrees, radians, isfinite/isinf/isnan, isclose, floor/ceil/trunc (with __floor__, __ceil__, __trunc__, __float__, __index__).
import math

inf, nan = math.inf, math.nan


class F:
    def __float__(self):
        return 2.5


class I:
    def __index__(self):
        return 7


class R:
    def __floor__(self):
        return "floor!"

    def __ceil__(self):
        return "ceil!"

    def __trunc__(self):
        return "trunc!"


def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
one = ["sqrt", "cbrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos",
       "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "erf",
       "erfc", "gamma", "lgamma", "fabs", "degrees", "radians", "isfinite", "isinf", "isnan",
       "ulp", "floor", "ceil", "trunc"]
points = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -2.5, 3.0, 10.0, 27.0, -27.0, 100.5, 1e-300,
          5e-324, 1e300, -1e300, 710.0, inf, -inf, nan, 7, -3, True]
for name in one:
    f = getattr(math, name)
    results = []
    for x in points:
        try:
            results.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            results.append(type(e).__name__[:5] + ":" + str(e))
    print(name, " ".join(results))

for big in (10**400, 2**1024, 2**1023 * 3 + 1, 10**5000 + 1, True, 1):
    print("log big", math.log(big), math.log2(big), math.log10(big), math.log(big, 10),
          math.log(big, 2.5))
t("log(10**400, 10)", lambda: math.log(10**400, 10))
t("log(8, 2)", lambda: math.log(8, 2))
t("log(2, 1)", lambda: math.log(2, 1))
t("log(0, 2)", lambda: math.log(0, 2))
t("log(2, 0)", lambda: math.log(2, 0))
t("log(2, -1.5)", lambda: math.log(2, -1.5))
t("log(-10**400)", lambda: math.log(-10**400))
t("log(0.5, 2**2000)", lambda: math.log(0.5, 2**2000))
t("log(F())", lambda: math.log(F()))
t("log(I())", lambda: math.log(I()))
t("sqrt(10**400)", lambda: math.sqrt(10**400))
t("exp(10**400)", lambda: math.exp(10**400))

pairs = [(2.0, 3.0), (2.0, 0.5), (-2.0, 3.0), (-2.0, 0.5), (-8.0, 1 / 3), (0.0, -1.0),
         (-0.0, -3.0), (0.0, 0.0), (10.0, 400.0), (2.0, -1100.0), (nan, 0.0), (1.0, nan),
         (-1.0, inf), (0.5, -inf), (2.0, inf), (0.0, -inf), (inf, -3.0), (-inf, 3.0),
         (-inf, -3.0), (-inf, 2.0), (7.0, 2.0), (5.0, 2.0), (-5.0, 2.0), (1.0, 0.0),
         (inf, 1.0), (1.0, inf), (-7.0, 3.0), (-0.0, 1.0), (0.0, -0.0), (1e308, 1e-308)]
for name in ["pow", "atan2", "copysign", "fmod", "remainder", "nextafter"]:
    f = getattr(math, name)
    results = []
    for x, y in pairs:
        try:
            results.append(repr(f(x, y)))
        except (ValueError, OverflowError) as e:
            results.append(type(e).__name__[:5] + ":" + str(e))
    print(name, " ".join(results))

for x in [0, 8, -8.5, 1e-310, -1e-310, 1e308, inf, -inf, nan, 0.1, 2**60]:
    print("frexp", x, math.frexp(x), "modf", math.modf(x))
for x, i in [(1, 2000), (1, -2000), (1, 10**100), (0, 10**100), (1, -10**100), (0.5, 1025),
             (0.75, 1024), (1.5, -1074), (1.0, -1075), (inf, -10**100), (-3.0, 4), (nan, 1), (2, True)]:
    t("ldexp(%r, %r)" % (x, i), lambda: math.ldexp(x, i))
t("ldexp(1.5, 2.0)", lambda: math.ldexp(1.5, 2.0))
t("ldexp('a', 1)", lambda: math.ldexp('a', 1))
print(math.ulp(1e308), math.ulp(-2.5), math.ulp(1.7976931348623157e308), math.nextafter(0, -1))

t("isclose(1, 1.0000000001)", lambda: math.isclose(1, 1.0000000001))
t("isclose(1, 1.1, rel_tol=0.2)", lambda: math.isclose(1, 1.1, rel_tol=0.2))
t("isclose(0, 1e-10, abs_tol=1e-9)", lambda: math.isclose(0, 1e-10, abs_tol=1e-9))
t("isclose(0, 1e-10)", lambda: math.isclose(0, 1e-10))
t("isclose(inf, inf)", lambda: math.isclose(inf, inf))
t("isclose(inf, -inf, abs_tol=inf)", lambda: math.isclose(inf, -inf, abs_tol=inf))
t("isclose(nan, nan)", lambda: math.isclose(nan, nan))
t("isclose(a=1, b=1)", lambda: math.isclose(a=1, b=1))
t("isclose(1, 1, rel_tol=-1)", lambda: math.isclose(1, 1, rel_tol=-1))

for x in [2.7, -2.7, -0.5, 1e300, 2**70, True, F(), I(), R(), 2.0000001, -1e-300]:
    t("floor/ceil/trunc %s" % type(x).__name__, lambda: (math.floor(x), math.ceil(x), math.trunc(x)))
for x in [nan, inf, -inf, "a", None]:
    t("floor(%r)" % (x,), lambda: math.floor(x))
    t("ceil(%r)" % (x,), lambda: math.ceil(x))
    t("trunc(%r)" % (x,), lambda: math.trunc(x))
print(math.sqrt(F()), math.sqrt(I()), math.fabs(-2**70), math.exp(F()), math.hypot(F(), I()))
