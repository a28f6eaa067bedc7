# Checks: sum over lists, ranges, floats, generator expressions, start argument, lists concatenation via start.
print(sum([1, 2, 3]), sum([]), sum(range(10)), sum([1, 2, 3], 10))
print(sum([0.1] * 10), sum([0.5, 0.25]), sum([1, 2.5]))
print(sum(x * x for x in range(5)))
print(sum([[1], [2, 3], []], []))
print(sum([True, True, False]), sum([10 ** 20, 10 ** 20]))
print(sum((1, 2, 3), start=100))
print(sum([-1, -2, 3]))
try:
    sum(["a", "b"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
