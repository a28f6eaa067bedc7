# Checks: the argument errors of math's functions with CPython's messages: argument counts, keywords, non-number arguments (including __float__ returning a non-float).
import math


class BadFloat:
    def __float__(self):
        return "no"


def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


cases = [
    ("sqrt()", lambda: math.sqrt()), ("sqrt(1, 2)", lambda: math.sqrt(1, 2)),
    ("sqrt(x=1)", lambda: math.sqrt(x=1)), ("sqrt('a')", lambda: math.sqrt('a')),
    ("sqrt(None)", lambda: math.sqrt(None)), ("sqrt([])", lambda: math.sqrt([])),
    ("sqrt(BadFloat())", lambda: math.sqrt(BadFloat())), ("exp('x')", lambda: math.exp('x')),
    ("atan2(1)", lambda: math.atan2(1)), ("copysign(1)", lambda: math.copysign(1)),
    ("copysign(1, 2, 3)", lambda: math.copysign(1, 2, 3)), ("pow(2)", lambda: math.pow(2)),
    ("pow(1, 2, 3)", lambda: math.pow(1, 2, 3)), ("fmod(1)", lambda: math.fmod(1)),
    ("remainder(1)", lambda: math.remainder(1)), ("ldexp(1)", lambda: math.ldexp(1)),
    ("nextafter(1)", lambda: math.nextafter(1)), ("nextafter('a', 1)", lambda: math.nextafter('a', 1)),
    ("atan2('a', 1)", lambda: math.atan2('a', 1)), ("frexp()", lambda: math.frexp()),
    ("frexp('a')", lambda: math.frexp('a')), ("modf()", lambda: math.modf()),
    ("floor(1, 2)", lambda: math.floor(1, 2)), ("ceil()", lambda: math.ceil()),
    ("trunc()", lambda: math.trunc()), ("isnan()", lambda: math.isnan()),
    ("isinf('a')", lambda: math.isinf('a')), ("degrees()", lambda: math.degrees()),
    ("log()", lambda: math.log()), ("log(1, 2, 3)", lambda: math.log(1, 2, 3)),
    ("log(x=1)", lambda: math.log(x=1)), ("log('a')", lambda: math.log('a')),
    ("log2('a')", lambda: math.log2('a')), ("log(2, 'a')", lambda: math.log(2, 'a')),
    ("factorial()", lambda: math.factorial()), ("isqrt()", lambda: math.isqrt()),
    ("ulp()", lambda: math.ulp()), ("fsum()", lambda: math.fsum()),
    ("isclose(1)", lambda: math.isclose(1)), ("isclose(1, 2, 3)", lambda: math.isclose(1, 2, 3)),
    ("isclose(1, 2, foo=3)", lambda: math.isclose(1, 2, foo=3)),
    ("isclose(1, b=2, a=3)", lambda: math.isclose(1, b=2, a=3)),
    ("isclose('a', 1)", lambda: math.isclose('a', 1)),
    ("isclose(1, 1, abs_tol='a')", lambda: math.isclose(1, 1, abs_tol='a')),
    ("gamma('a')", lambda: math.gamma('a')), ("erf(None)", lambda: math.erf(None)),
    ("comb(1, 2, 3)", lambda: math.comb(1, 2, 3)), ("dist(1)", lambda: math.dist(1)),
    ("lcm(x=1)", lambda: math.lcm(x=1)),
]
for label, f in cases:
    t(label, f)
NAMES = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'cbrt', 'ceil', 'comb',
         'copysign', 'cos', 'cosh', 'degrees', 'dist', 'e', 'erf', 'erfc', 'exp', 'exp2', 'expm1',
         'fabs', 'factorial', 'floor', 'fmod', 'frexp', 'fsum', 'gamma', 'gcd', 'hypot', 'inf',
         'isclose', 'isfinite', 'isinf', 'isnan', 'isqrt', 'lcm', 'ldexp', 'lgamma', 'log', 'log10',
         'log1p', 'log2', 'modf', 'nan', 'nextafter', 'perm', 'pi', 'pow', 'prod', 'radians',
         'remainder', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'tau', 'trunc', 'ulp']
print(math.__name__, len(NAMES), [n for n in NAMES if not hasattr(math, n)])
