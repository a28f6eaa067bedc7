# Checks: dict and set comprehensions incl. conditions, key collisions (last wins), inverting dicts.
print({x: x * x for x in range(5)})
print({k: v for k, v in [("a", 1), ("b", 2), ("a", 3)]})
print({w: len(w) for w in "to be or not to be".split()})
d = {"x": 1, "y": 2, "z": 3}
print({v: k for k, v in d.items()})
print({k: v for k, v in d.items() if v != 2})
print({k.upper(): v * 10 for k, v in d.items()})
print(sorted({x % 4 for x in range(20)}))
print(sorted({c for c in "mississippi"}))
print(sorted({len(w) for w in ["a", "bb", "cc", "ddd"]}))
print({i: [j for j in range(i)] for i in range(4)})
print({(a, b): a * b for a in range(2) for b in range(2)})
print(type({x for x in ""}).__name__, type({x: 1 for x in ""}).__name__, {x: 1 for x in ""})
