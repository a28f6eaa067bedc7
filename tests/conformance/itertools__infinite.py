# Checks: itertools.count (ints, steps, floats, big ints, overflow past 64 bits, keywords, repr as it advances), cycle (saving the first pass, empty input, a generator source) and repeat (times, negative times, repr, __length_hint__), all lazily.
from itertools import count, cycle, repeat, islice

c = count()
print(next(c), next(c), next(c), repr(c))
print(list(islice(count(10), 4)))
print(list(islice(count(5, 3), 4)))
print(list(islice(count(-3, -2), 4)))
print(list(islice(count(start=1, step=10), 3)))
print(list(islice(count(0.5, 0.25), 4)))
print(list(islice(count(2 ** 70), 2)))
big = count(2 ** 63 - 2)
print(next(big), next(big), next(big), next(big), repr(big))
neg = count(-2 ** 63 + 1, -1)
print(next(neg), next(neg), next(neg), repr(neg))
c = count(1, 2)
next(c)
print(repr(c))
print(repr(count(1.5)), repr(count(0, 1.0)), repr(count(3, -1)))
print(type(count()).__name__, count.__module__, repr(count))
for i in count(100):
    if i > 102:
        break
    print("loop", i)

def letters():
    yield "a"
    yield "b"
    print("source done")

cy = cycle(letters())
print([next(cy) for _ in range(5)])
print(list(cycle([])))
print(list(islice(cycle(range(3)), 8)))
src = [1, 2]
cy = cycle(src)
print(next(cy), next(cy))
src.append(3)
print(next(cy), next(cy))

print(list(repeat("x", 3)))
print(list(repeat(None, 0)), list(repeat(7, -5)))
r = repeat([1], 2)
print(repr(r), r.__length_hint__())
a = next(r)
print(repr(r), r.__length_hint__(), a is next(r), repr(r))
print(repr(repeat("s")), list(islice(repeat("s"), 3)))
print(list(map(pow, range(5), repeat(2))))
print(list(zip("abc", repeat(0))))
try:
    repeat(1).__length_hint__()
except TypeError as e:
    print("TypeError:", e)
print(list(repeat(times=2, object="k")))
