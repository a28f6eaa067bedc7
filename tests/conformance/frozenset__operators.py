# Checks: frozenset operators |&-^ and comparisons mixed with set (the result has the left operand's type), non-mutating methods (results are frozensets), in-place operators making new frozensets, and the errors (unhashable elements, mutation attempts, bad arguments, descriptor misuse).
f = frozenset([1, 2, 3])
s = {3, 4}
for r in (f | s, f & s, f - s, f ^ s, s | f, s & f, s - f, s ^ f, f | f, f & frozenset()):
    print(type(r).__name__, sorted(r))
print(f == {1, 2, 3}, {1, 2, 3} == f, f != {1, 2}, f == frozenset([3, 2, 1]), f == [1, 2, 3])
print(f < {1, 2, 3, 4}, f <= f, f > frozenset([1]), f >= {1, 2, 3}, f < f, {1} < f, s > f)
print(frozenset() < f, frozenset([9]) <= f, frozenset() == set())
for r in (f.union([7], (8,)), f.intersection({1, 2}, [2]), f.difference([1]), f.symmetric_difference([3, 9])):
    print(type(r).__name__, sorted(r))
print(type(f.union()).__name__, f.union() == f)
print(type({1}.union(f)).__name__, type(set().intersection(f)).__name__)
print(f.issubset(range(10)), f.issuperset([1, 2]), f.isdisjoint("abc"), f.isdisjoint(s))
print(set(f) == f, sorted(set(f)), list(sorted(frozenset("hello"))))
g = f
g |= {10}
print(sorted(g), sorted(f), g is f, type(g).__name__)
g = f
g -= {1}
print(sorted(g), g is f)
t = {1, 2}
t |= frozenset([5])
t &= frozenset([1, 5])
t ^= frozenset([1, 6])
t -= frozenset([6])
print(type(t).__name__, sorted(t))
print(sorted([frozenset([1, 2]), frozenset([1]), frozenset()], key=len))
print(max(frozenset([4, 8, 1])), min(frozenset("xyz")), sum(frozenset([1, 2, 3])))


def show(thunk):
    try:
        thunk()
    except (TypeError, AttributeError, KeyError) as e:
        print(type(e).__name__ + ":", e)


show(lambda: frozenset(5))
show(lambda: frozenset([[1]]))
show(lambda: frozenset([1], [2]))
show(lambda: frozenset(iterable=[1]))
show(lambda: hash(frozenset([{}])))
show(lambda: f.add(4))
show(lambda: f.remove(1))
show(lambda: f | [1])
show(lambda: f < [1])
show(lambda: [] in f)
show(lambda: frozenset.union({1}))
show(lambda: set.union(f))
show(lambda: f.copy(1))
show(lambda: f.issubset())
show(lambda: f.union(5))
show(lambda: {f: 1}[frozenset([0])])
show(lambda: reversed(f))
