# Checks: iter() on list/str/tuple/dict/range, next() with and without default, StopIteration, iterator independence.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")
s = iter("hi")
print(next(s), next(s), next(s, "end"))
d = iter({"a": 1, "b": 2})
print(next(d), next(d))
r = iter(range(10, 13))
print(list(r), list(r))
t = iter((7, 8))
print(next(t), list(t))
lst = [1, 2, 3]
i1 = iter(lst)
i2 = iter(lst)
next(i1)
print(next(i1), next(i2))
it = iter([5, 6, 7])
for v in it:
    print("first", v)
    break
for v in it:
    print("rest", v)
print(iter(it) is it)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
