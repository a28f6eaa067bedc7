# Checks: tuple/list unpacking on the left, swaps, nested targets, unpacking strings and ranges.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d) = [3, 4]
print(c, d)
[e, f] = (5, 6)
print(e, f)
x, y, z = "xyz"
print(x, y, z)
i, j, k = range(3)
print(i, j, k)
(p, q), r = (1, 2), 3
print(p, q, r)
s, (t, (u, v)) = 1, (2, (3, 4))
print(s, t, u, v)
a, b, c = c, a, b
print(a, b, c)
pairs = [(1, "one"), (2, "two"), (3, "three")]
for num, name in pairs:
    print(num, name)
for idx, (n, w) in enumerate(pairs):
    print(idx, n, w)
lst = [0, 0, 0]
lst[0], lst[2] = 7, 9
print(lst)
one, = [42]
print(one)
(only,) = (43,)
print(only)
m, n = divmod(17, 5)
print(m, n)
try:
    a, b = 1, 2, 3
except ValueError as err:
    print(type(err).__name__, err)
try:
    a, b, c = 1, 2
except ValueError as err:
    print(type(err).__name__, err)
try:
    a, b = 5
except TypeError as err:
    print(type(err).__name__, err)
try:
    a, b = [1, 2, 3]
except ValueError as err:
    print(type(err).__name__, err)
try:
    a, b, c = [1, 2]
except ValueError as err:
    print(type(err).__name__, err)
class L(list):
    pass
a, b = L([5, 6])
print(a, b)
