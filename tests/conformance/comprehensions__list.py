# Checks: list comprehensions with conditions, expressions, function calls, strings, tuples, nested data.
print([x * x for x in range(8)])
print([x for x in range(20) if x % 3 == 0])
print([x if x % 2 else -x for x in range(6)])
print([c.upper() for c in "abc"])
print([(i, c) for i, c in enumerate("xyz")])
print([len(w) for w in "the quick brown fox".split()])
print([w for w in ["apple", "bob", "kayak", "tree"] if w == w[::-1]])
print([x for x in range(30) if x % 2 if x % 3])
print([[0] * 3 for _ in range(2)])
print([a + b for a, b in zip([1, 2, 3], [10, 20, 30])])
print([str(n) for n in [1, 2.5, None]])
print([])
print([x for x in []])
data = [{"n": "a", "v": 3}, {"n": "b", "v": 0}, {"n": "c", "v": 7}]
print([d["n"] for d in data if d["v"]])
x = "outer"
squares = [x * 2 for x in range(3)]
print(x, squares)
print([i for i in range(10)][::3])
print(sum([i for i in range(101)]))
