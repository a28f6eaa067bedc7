# Checks: range with 1-3 args, negative steps, empty ranges, len, indexing, slicing, in, equality, repr.
print(list(range(5)))
print(list(range(2, 8)))
print(list(range(0, 20, 5)))
print(list(range(10, 0, -3)))
print(list(range(5, 5)), list(range(5, 0)), list(range(0, 5, -1)))
print(list(range(-5, -1)), list(range(-1, -10, -2)))
r = range(3, 30, 4)
print(len(r), r[0], r[1], r[-1], r[-2])
print(len(range(0)), len(range(10, 0, -1)), len(range(0, 10, 3)), len(range(-5, 5)))
print(7 in r, 8 in r, 31 in r, 27 in r, -1 in range(-5, 0))
print(r == range(3, 30, 4), range(0) == range(5, 5), range(0, 3) == range(0, 3, 1))
print(r, range(5), range(0, 10, 2))
print(list(r[1:3]), r[::-1], list(r[::-1]))
try:
    r[100]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(0, 10, 0)
except ValueError as e:
    print(type(e).__name__, e)
print(sum(range(101)), max(range(7)), min(range(3, 9)))
print(list(reversed(range(4))))
total = 0
for i in range(1, 11, 2):
    total += i
print(total)
big = range(10 ** 20)
print(len(range(0, 10 ** 10, 7)), big[-1], 10 ** 19 in big)
print(type(range(1)).__name__, bool(range(0)), bool(range(1)))
print(r.start, r.stop, r.step)
print(r.index(11), r.count(11))
