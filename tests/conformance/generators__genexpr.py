# Checks: generator expressions are lazy: elements are computed on demand, the first iterable is evaluated at once, infinite sources work.
def noisy(n):
    for i in range(n):
        print("produce", i)
        yield i


g = (x * 10 for x in noisy(3))
print("made")
print(next(g))
print(next(g))
print(list(g))
print(type(g).__name__, g.__name__)


def naturals():
    n = 0
    while True:
        yield n
        n += 1


squares = (n * n for n in naturals())
for s in squares:
    if s > 50:
        break
    print(s, end=" ")
print()
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)
bad = (1 / x for x in [1, 0])
print(next(bad))
try:
    next(bad)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(sum(x for x in range(10) if x % 2))
print(any(x > 3 for x in naturals()))
print(all(x < 3 for x in naturals()))
pairs = ((a, b) for a in range(3) for b in range(a))
print(list(pairs))
k = 3
print(list(x + k for x in range(3)))
print(", ".join(str(i) for i in range(4)))
e = (i for i in [])
print(list(e), list(e))
h = (i for i in range(3))
print(next(h), list(h), next(h, "default"))
