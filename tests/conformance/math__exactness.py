# Checks: math's functions agree bit for bit with CPython over pseudo-random arguments of every magnitude (a fixed linear congruential sequence, printed as float.hex): the elementary functions, erf/erfc, gamma/lgamma (CPython's own Lanczos method), cbrt, pow, atan2, fmod, remainder, hypot, dist, fsum and log of big ints.
import math

state = 2024


def rand():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state >> 11


def uniform(a, b):
    return a + (b - a) * (rand() / 2**53)


def anywhere():
    return math.ldexp(rand() / 2**53, rand() % 2094 - 1070) * (1 if rand() % 2 else -1)


def show(r):
    return r.hex() if isinstance(r, float) else str(r)


def run(name, f, args):
    out = []
    for a in args:
        try:
            out.append(show(f(*a)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, " ".join(out))


def ones(n=48):
    return [(uniform(-5, 5),) for i in range(n // 3)] + [(uniform(-200, 200),) for i in range(n // 3)] + \
           [(anywhere(),) for i in range(n // 3)]


for name in ["sqrt", "cbrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos",
             "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
             "erf", "erfc", "gamma", "lgamma"]:
    run(name, getattr(math, name), ones())
run("gamma small", math.gamma, [(uniform(-30, 30),) for i in range(60)])
run("lgamma small", math.lgamma, [(uniform(-30, 30),) for i in range(60)])


def twos(n=48):
    return [(uniform(-5, 5), uniform(-5, 5)) for i in range(n // 3)] + \
           [(uniform(-300, 300), uniform(-30, 30)) for i in range(n // 3)] + \
           [(anywhere(), anywhere()) for i in range(n // 3)]


for name in ["pow", "atan2", "fmod", "remainder", "hypot", "copysign"]:
    run(name, getattr(math, name), twos())
run("hypot3", math.hypot, [(anywhere() / 1e10, uniform(-1, 1), uniform(-9, 9)) for i in range(30)])
run("dist", math.dist, [((uniform(-9, 9), uniform(-9, 9)), (uniform(-9, 9), uniform(-9, 9))) for i in range(30)])
run("fsum", lambda *xs: math.fsum(xs), [[anywhere() for j in range(rand() % 9 + 1)] for i in range(30)])
run("log int", math.log, [(rand() ** (rand() % 60 + 1),) for i in range(30)])
run("log2 int", math.log2, [(rand() ** (rand() % 60 + 1) + 1,) for i in range(30)])
