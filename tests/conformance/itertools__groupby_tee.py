# Checks: itertools.groupby (key function, consecutive runs only, groups sharing the source so an abandoned group is empty, key compared with ==, lazy on infinite input) and tee (independent copies, n=0/1/3, copies of copies via __copy__, a tee of a tee, laziness, buffering while one copy lags, exceptions from the source).
from itertools import count, groupby, islice, tee

print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6, 7], key=lambda x: x // 3)])
print([(k, "".join(g)) for k, g in groupby(["apple", "avocado", "banana", "blueberry", "cherry"], lambda s: s[0])])
print(list(groupby([])), [(k, list(g)) for k, g in groupby([1], key=None)])
print([(k, list(g)) for k, g in groupby([1, 1.0, True, 2, 2.0])])

groups = list(groupby("AABBC"))
print([(k, list(g)) for k, g in groups])

gb = groupby("xxyyz")
k1, g1 = next(gb)
print(k1, next(g1))
k2, g2 = next(gb)
print(k2, list(g1), list(g2))
k3, g3 = next(gb)
print(k3, list(g3), list(g3))

inf = groupby(count(), key=lambda n: n // 4)
for key, grp in islice(inf, 3):
    print(key, list(grp))
print(type(next(gb, ("end", None))[0]))

def source(n):
    for i in range(n):
        print("  produce", i)
        yield i

a, b = tee(source(3))
print(next(a), next(a))
print(next(b))
print(list(a), list(b))
print(tee([1, 2], 0), len(tee("ab", 1)), [list(t) for t in tee("abc", 3)])
x, y = tee(range(4))
z = x.__copy__()
print(next(x), next(x), list(z), list(y), list(x))
p, q = tee(iter([1, 2, 3]))
r, s = tee(p)
print(next(r), list(s), list(q), list(p))
c1, c2 = tee(count())
print([next(c1) for _ in range(5)], next(c2), list(islice(c2, 3)))
print(type(c1).__name__, type(c1).__module__)

def failing():
    yield 1
    raise ValueError("source failed")

f1, f2 = tee(failing())
print(next(f1))
try:
    next(f1)
except ValueError as e:
    print("ValueError:", e)
print(next(f2))
