data = range(10)
squares = [x * x for x in data]
evens = {x for x in data if x % 2 == 0}
table = {x: x * x for x in data if x if x > 1}
pairs = [(x, y) for x in range(3) for y in range(x) if y]
total = sum(x for x in data)
nested = [[y for y in range(x)] for x in range(3)]
tmp = [y for x in data for y in [x * 2]]


def closure_comp(n):
    return [i * n for i in range(n)]


class InClass:
    base = 3
    vals = [v for v in range(base)]
