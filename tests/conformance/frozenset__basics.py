# Checks: frozenset construction (empty, from iterables, from a frozenset: itself), repr, len, in, iteration, truth, hashing equal to CPython's for ints, as dict keys and set members, and copy() returning itself.
empty = frozenset()
print(empty, repr(empty), len(empty), bool(empty), type(empty).__name__)
f = frozenset([1, 2, 3, 3, 1])
print(f, len(f), bool(f), 1 in f, 9 in f, 9 not in f)
print(sorted(f), sorted(iter(f)), sorted(frozenset("aab")))
print(frozenset(range(4)), frozenset((5,)), sorted(frozenset({7: "x", 8: "y"})), frozenset({4, 5}))
print(frozenset(f) is f, f.copy() is f, empty.copy() is empty, frozenset(empty) is empty)
print(frozenset(x for x in range(6) if x % 2))
print(isinstance(f, frozenset), isinstance(f, set), type(f) is frozenset, frozenset.__name__)
print(frozenset, type(frozenset()))

# hash() is CPython's algorithm: order-independent and equal for equal frozensets.
print(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset([-1, -2])))
print(hash(frozenset([frozenset([1]), frozenset([2, 3])])), hash(frozenset(range(100))))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(f) == hash(frozenset(sorted(f))))
print(hash(frozenset(["a", "b"])) == hash(frozenset(["b", "a"])))
print(hash((frozenset([1]), 2)) == hash((frozenset([1]), 2)))

# As dict keys and set members.
d = {frozenset([1, 2]): "one-two", frozenset(): "empty"}
print(d[frozenset([2, 1])], d[frozenset()], frozenset([1, 2]) in d, len(d))
d[frozenset((2, 1))] = "replaced"
print(len(d), d[frozenset([1, 2])])
groups = {frozenset("abc"), frozenset("cba"), frozenset("ab"), frozenset()}
print(len(groups), sorted(len(g) for g in groups))
print(frozenset([1]) in groups, frozenset("bca") in groups)
nested = frozenset([frozenset([1, 2]), frozenset([2, 1]), frozenset([3])])
print(len(nested), frozenset([3]) in nested)

# A set as the needle of `in`, remove and discard is looked up as a frozenset.
s = {frozenset([1, 2]), frozenset()}
print({1, 2} in s, set() in s, {9} in s, {1, 2} not in s)
print({1, 2} in frozenset([frozenset([1, 2])]))
s.remove({2, 1})
s.discard(set())
s.discard({5})
print(s)
try:
    s.remove({42})
except KeyError as e:
    print("KeyError", e)
print(set() in {1, 2}, [1] in frozenset() if False else "skip")
