# Checks: collections.Counter: counting iterables, mappings and keywords, missing keys count zero, most_common (all, n, ties in first-seen order), elements, total, update/subtract, del, the multiset operators (+ - | & unary + -, in-place forms), comparisons (also with a dict), repr ordering (3.11: by count), copy/__reduce__, fromkeys error.
from collections import Counter
import copy


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


c = Counter("abracadabra")
print(c, len(c), c["a"], c["z"], "z" in c, c.total())
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(99)[-1])
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1, d=1).elements()))
print(Counter(), Counter({"x": 3, "y": 1}), Counter(a=1, b=2), Counter(["x", "y", "x"]), Counter(c))
c.update("aaz")
c.update({"b": 10})
c.update(q=4)
print(c)
c.subtract("ab")
c.subtract({"z": 5})
c.subtract(q=10)
print(c)
print(+c, -c)
del c["a"]
del c["not there"]
print(c, isinstance(c, dict))
x = Counter(a=3, b=1, e=-2)
y = Counter(a=1, b=2, d=4)
print(x + y, x - y, x | y, x & y, y - x)
z = Counter(a=3, b=1, e=-2)
z += y
print(z)
z -= Counter(a=10)
print(z)
z |= Counter(d=9, f=1)
print(z)
z &= Counter(d=5, b=1)
print(z)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(a=2), Counter(a=1) <= Counter(a=2, b=1),
      Counter(a=1) < Counter(a=1), Counter(a=2) >= Counter(a=1), Counter(a=2) > Counter(a=2))
print(Counter(a=1) == {"a": 1}, {"a": 1} == Counter(a=1), Counter(a=1) == [1], Counter() == Counter())
words = "the quick brown fox jumps over the lazy dog the fox".split()
wc = Counter(words)
print(wc.most_common(3), wc)
print(Counter("mississippi").most_common(), Counter({"a": 1, "b": "x"}))
print(wc.copy() == wc, type(wc.copy()).__name__, copy.copy(wc), copy.deepcopy(Counter(a=[1])))
print(Counter(a=2).__reduce__(), Counter(a=1, b=2).keys(), sorted(Counter(a=1, b=2).values()))
attempt("fromkeys", lambda: Counter.fromkeys("ab"))
attempt("two args", lambda: Counter("a", "b"))
attempt("add list", lambda: Counter() + [1])
attempt("unhashable", lambda: Counter([[1]]))
attempt("le dict", lambda: Counter() <= {})


class Tally(Counter):
    pass


t = Tally("aab")
print(t, type(t + t).__name__, t.most_common(1), repr(Tally()))
