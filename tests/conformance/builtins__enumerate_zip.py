# Checks: enumerate with and without start, zip with 1-3 iterables, uneven lengths, dict(zip), unzip with *.
for i, ch in enumerate("abc"):
    print(i, ch)
print(list(enumerate(["x", "y"], start=1)))
print(list(enumerate("ab", 10)), list(enumerate([])))
print(list(zip([1, 2, 3], "abc")))
print(list(zip([1, 2, 3], ["a", "b"])))
print(list(zip(range(5), "ab", [True, False, None])))
print(list(zip([1, 2])), list(zip()))
print(dict(zip(["k1", "k2"], [10, 20])))
pairs = [(1, "one"), (2, "two"), (3, "three")]
nums, names = zip(*pairs)
print(nums, names)
for (i, (a, b)) in enumerate(zip("xy", "XY")):
    print(i, a, b)
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)))
print([list(col) for col in zip(*matrix)])
total = 0
for a, b in zip([1, 2, 3], [10, 20, 30]):
    total += a * b
print(total)
