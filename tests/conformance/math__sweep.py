# Checks: every one- and two-argument real function of math over a sweep of values (zeros of both signs, subnormals, huge, infinities, NaN, ints, big ints, bools) gives CPython's results or its exact errors; __float__/__index__/__floor__/__ceil__/__trunc__ objects, big ints, and the integer functions' edge cases.
import math
inf, nan = math.inf, math.nan
vals = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, 1e-300, 5e-324, 1e300, -1e300, 3.7, -3.7, 100.0, 710.0, -745.5, 1e16, inf, -inf, nan, 7, -3, 10**20, True]
one = ["acos","acosh","asin","asinh","atan","atanh","cbrt","ceil","cos","cosh","degrees","erf","erfc","exp","exp2","expm1","fabs","floor","frexp","gamma","isfinite","isinf","isnan","lgamma","log","log10","log1p","log2","modf","radians","sin","sinh","sqrt","tan","tanh","trunc","ulp"]
for name in one:
    f = getattr(math, name)
    row = []
    for v in vals:
        try:
            r = f(v)
            row.append(repr(r))
        except Exception as e:
            row.append(type(e).__name__ + ":" + str(e))
    print(name, row)
two = ["atan2","copysign","fmod","hypot","ldexp","log","nextafter","pow","remainder","dist_","isclose"]
pairs = [(a, b) for a in [0.0, -0.0, 1.5, -2.5, inf, -inf, nan, 1e308, 3] for b in [0.0, -0.0, 2.0, -0.5, inf, -inf, nan, 1e-308, 1000, -2]]
for name in two:
    if name == "dist_": continue
    f = getattr(math, name)
    row = []
    for a, b in pairs:
        try:
            if name == "ldexp": b = int(b) if b == b and abs(b) != inf else b
            r = f(a, b)
            row.append(repr(r))
        except Exception as e:
            row.append(type(e).__name__ + ":" + str(e))
    print(name, row)
class Fl:
    def __float__(self): return 2.25
class Ix:
    def __index__(self): return 6
class Fc:
    def __floor__(self): return "floor!"
    def __ceil__(self): return "ceil!"
    def __trunc__(self): return "trunc!"
cases = [
    ('math.sqrt(Fl())', lambda: math.sqrt(Fl())),
    ('math.factorial(Ix())', lambda: math.factorial(Ix())),
    ('math.floor(Fc())', lambda: math.floor(Fc())),
    ('math.ceil(Fc())', lambda: math.ceil(Fc())),
    ('math.trunc(Fc())', lambda: math.trunc(Fc())),
    ("math.sqrt('x')", lambda: math.sqrt('x')),
    ("math.floor('x')", lambda: math.floor('x')),
    ('math.trunc(2.5)', lambda: math.trunc(2.5)),
    ('math.gcd(Ix(), 4)', lambda: math.gcd(Ix(), 4)),
    ('math.comb(Ix(), 2)', lambda: math.comb(Ix(), 2)),
    ('math.perm(Ix())', lambda: math.perm(Ix())),
    ('math.isqrt(Ix())', lambda: math.isqrt(Ix())),
    ('math.factorial(2.0)', lambda: math.factorial(2.0)),
    ('math.factorial(-1)', lambda: math.factorial(-1)),
    ('math.log(10**400)', lambda: math.log(10**400)),
    ('math.log2(2**1000)', lambda: math.log2(2**1000)),
    ('math.log(0)', lambda: math.log(0)),
    ('math.sqrt(10**400)', lambda: math.sqrt(10**400)),
    ('math.exp(1000)', lambda: math.exp(1000)),
    ('math.lcm()', lambda: math.lcm()),
    ('math.gcd()', lambda: math.gcd()),
    ('math.lcm(4, 6, 10)', lambda: math.lcm(4, 6, 10)),
    ('math.prod([])', lambda: math.prod([])),
    ('math.prod([2, 3.5], start=2)', lambda: math.prod([2, 3.5], start=2)),
    ('math.fsum([0.1]*10)', lambda: math.fsum([0.1]*10)),
    ('math.fsum([1e308, 1e308])', lambda: math.fsum([1e308, 1e308])),
    ('math.fsum([inf, -inf])', lambda: math.fsum([inf, -inf])),
    ('math.dist([1, 2], [4, 6])', lambda: math.dist([1, 2], [4, 6])),
    ('math.dist([1], [1, 2])', lambda: math.dist([1], [1, 2])),
    ('math.hypot(3, 4, 12)', lambda: math.hypot(3, 4, 12)),
    ('math.hypot()', lambda: math.hypot()),
    ('math.isclose(1, 1.0000000001)', lambda: math.isclose(1, 1.0000000001)),
    ('math.isclose(1, 2, rel_tol=-1)', lambda: math.isclose(1, 2, rel_tol=-1)),
    ('math.comb(10**3, 500) % 1000007', lambda: math.comb(10**3, 500) % 1000007),
    ('math.perm(5, 7)', lambda: math.perm(5, 7)),
    ('math.comb(-1, 2)', lambda: math.comb(-1, 2)),
    ('math.pow(0, -1)', lambda: math.pow(0, -1)),
    ('math.pow(-8, 1/3)', lambda: math.pow(-8, 1/3)),
    ('math.fmod(inf, 1)', lambda: math.fmod(inf, 1)),
    ('math.ldexp(1.0, 10**30)', lambda: math.ldexp(1.0, 10**30)),
    ('math.ldexp(1.0, -10**30)', lambda: math.ldexp(1.0, -10**30)),
    ('math.factorial(30)', lambda: math.factorial(30)),
    ('math.isqrt(10**50)', lambda: math.isqrt(10**50)),
    ('math.isqrt(-1)', lambda: math.isqrt(-1)),
    ('math.floor(10**30 + 0.0)', lambda: math.floor(10**30 + 0.0)),
    ('math.ceil(-inf)', lambda: math.ceil(-inf)),
    ('math.floor(nan)', lambda: math.floor(nan)),
    ('math.gamma(-2.0)', lambda: math.gamma(-2.0)),
    ('math.lgamma(-2.0)', lambda: math.lgamma(-2.0)),
    ('math.gamma(171.7)', lambda: math.gamma(171.7)),
    ('math.ulp(-inf)', lambda: math.ulp(-inf)),
    ('math.nextafter(0.0, -1)', lambda: math.nextafter(0.0, -1)),
    ('math.cos(inf)', lambda: math.cos(inf)),
    ('math.atanh(1)', lambda: math.atanh(1)),
    ('math.frexp(0.0)', lambda: math.frexp(0.0)),
    ('math.modf(-inf)', lambda: math.modf(-inf)),
    ('math.log(8, 2)', lambda: math.log(8, 2)),
    ('math.log(8, 1)', lambda: math.log(8, 1)),
    ('math.log(-1, 2)', lambda: math.log(-1, 2)),
    ('math.log(2, 0.5)', lambda: math.log(2, 0.5)),
    ('math.copysign(1, -nan)', lambda: math.copysign(1, -nan)),
    ('math.sqrt(-0.0)', lambda: math.sqrt(-0.0)),
    ("math.degrees('a')", lambda: math.degrees('a')),
    ('math.fabs(-10**400)', lambda: math.fabs(-10**400)),
    ('math.isfinite(10**400)', lambda: math.isfinite(10**400)),
]
for expr, fn in cases:
    try:
        print(expr, repr(fn()))
    except Exception as e:
        print(expr, type(e).__name__ + ":", e)
