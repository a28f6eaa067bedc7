# Checks: random gives CPython's exact sequences for int (negative, big), float, bool, str and bytes seeds (version 2, and version 1): random, getrandbits, randrange/randint (small, 32/64-bit boundaries, big ranges, steps), choice, shuffle, sample (pool and set paths, counts), choices (plain, weights, cum_weights), uniform, triangular, gauss, normalvariate, lognormvariate, expovariate, vonmisesvariate, gammavariate, betavariate, paretovariate, weibullvariate, randbytes.
import random

SEEDS = [0, 1, -1, 7, 2**31, 2**32, 2**32 + 1, -2**40, 2**64 - 1, 2**64, 3**100, -(5**80),
         0.5, -2.25, 1e300, True, "", "a", "hello world", "h\u00e9llo \u2603", b"", b"\x00\xff",
         b"bytes seed", 12345678901234567890]

for s in SEEDS:
    r = random.Random(s)
    print("seed", repr(s)[:40])
    print(" random", [r.random() for i in range(3)])
    print(" bits", [r.getrandbits(k) for k in (0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 200)])
    print(" below", [r.randrange(n) for n in (1, 2, 3, 10, 1000, 2**31, 2**32 - 1, 2**32, 2**33,
                                              2**53, 2**64 + 3, 10**30)])
    print(" ranges", r.randrange(-50, 50, 3), r.randrange(100, 0, -7), r.randint(-5, 5),
          r.randrange(5, 2**70), r.randrange(-2**65, -2**64, 2**20))
    print(" choice", r.choice(range(1000)), r.choice("xyz"), r.choice([None, 1, 2.5]), r.choice((1,)))
    items = list(range(30))
    r.shuffle(items)
    print(" shuffle", items)
    print(" sample", r.sample(range(10000), 20), r.sample("abcdefghij", 10), r.sample(range(50), 40))
    print(" sample counts", r.sample(['a', 'b'], counts=[3, 2], k=4), r.sample(range(3), k=0))
    print(" choices", r.choices(range(10), k=5), r.choices("ab", [1, 3], k=6),
          r.choices("abc", cum_weights=[1, 1, 5], k=3), r.choices([1, 2]))
    print(" uniform", r.uniform(-3, 7), r.uniform(5, 5), r.triangular(), r.triangular(0, 10, 2),
          r.triangular(1, 1))
    print(" normal", r.gauss(), r.gauss(), r.gauss(5, 2), r.normalvariate(), r.normalvariate(3, 0.5),
          r.lognormvariate(0, 1), r.expovariate(2.0))
    print(" circular", r.vonmisesvariate(1.0, 4.0), r.vonmisesvariate(0.0, 0.0),
          r.vonmisesvariate(2.0, 1e-7))
    print(" gamma", r.gammavariate(0.5, 1.0), r.gammavariate(1.0, 2.0), r.gammavariate(3.0, 1.5),
          r.betavariate(2.0, 5.0), r.betavariate(0.3, 0.3))
    print(" other", r.paretovariate(3.0), r.weibullvariate(1.0, 1.5), r.randbytes(5), r.randbytes(0))

for s in ("x", b"x", "", "long text seed " * 5):
    r = random.Random()
    r.seed(s, version=1)
    print("version 1", repr(s)[:20], r.random(), r.randrange(10**6))

r = random.Random(99)
print([r.random() for i in range(700)][-3:])
print(r.getrandbits(19937) % 1000003, r.getrandbits(1000).bit_length() <= 1000)
