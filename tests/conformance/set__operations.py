# Checks: set literals, add/discard/remove, | & - ^ operators, in, subset/superset comparisons, len, dedup.
s = {3, 1, 2, 3, 1}
print(sorted(s), len(s))
s.add(10)
s.add(1)
print(sorted(s))
s.discard(2)
s.discard(999)
print(sorted(s))
s.remove(10)
print(sorted(s))
try:
    s.remove(999)
except KeyError as e:
    print(type(e).__name__, e)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(3 in a, 5 in a, 5 not in a)
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, {9} <= a)
print(set() == set(), {1, 2} == {2, 1}, len(set()))
words = ["b", "a", "c", "a", "b"]
print(sorted(set(words)), len(set(words)))
c = {1, 2}
c |= {5}
c &= {1, 5, 7}
print(sorted(c))
c -= {1}
c ^= {5, 6}
print(sorted(c))
empty = set()
print(type(empty).__name__, type({}).__name__, bool(empty))
print(sorted({(1, 2), (1, 2), (0, 1)}))
try:
    {[1, 2]}
except TypeError as e:
    print(type(e).__name__, e)
