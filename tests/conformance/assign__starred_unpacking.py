# Checks: starred assignment targets in every position, empty star capture, nested star.
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = [1, 2, 3, 4]
print(a, b)
a, *b, c = range(6)
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
*a, = "abc"
print(a)
first, *rest = "hello"
print(first, rest)
head, *middle, tail = (10, 20, 30, 40, 50)
print(head, middle, tail, type(middle).__name__)
(x, *y), z = [1, 2, 3], 4
print(x, y, z)
for a, *b in [(1, 2, 3), (4,), (5, 6)]:
    print(a, b)
try:
    a, *b, c = [1]
except ValueError as err:
    print(type(err).__name__, err)
merged = [*range(3), *"ab", *(9,)]
print(merged)
t = (*[1, 2], 3)
print(t)
print(*[1, 2, 3])
print(*"xyz", sep="-")
