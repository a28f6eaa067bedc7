# Checks: min/max with iterables, several args, key=, default=, ties (first wins), errors on empty.
print(min([3, 1, 2]), max([3, 1, 2]))
print(min(3, 1, 2), max(3, 1, 2), max(1, 2.5), min(-1, -1.5))
print(min("hello"), max("hello"), min(["b", "a", "c"]))
print(max(["apple", "fig", "banana"], key=len), min(["apple", "fig", "banana"], key=len))
print(max([-5, 3, -7], key=abs), min([-5, 3, -7], key=abs))
print(max([], default="empty"), min([], default=None), max([4], default=0))
print(max(["aa", "bb", "cc"], key=len), min(["aa", "bb", "cc"], key=len))
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(max(pairs), min(pairs), max(pairs, key=lambda p: p[1]))
print(max(range(10), key=lambda x: x % 4))
print(max(3, 7, key=lambda v: -v), min(3, 7, key=lambda v: -v))
print(max((1, 2), (1, 2, 0)), min([[2], [1, 5]]))
print(max(True, 0), min(10**30, 10**29))
try:
    max([])
except ValueError as e:
    print(type(e).__name__, e)
try:
    min(1, "a")
except TypeError as e:
    print(type(e).__name__, e)
