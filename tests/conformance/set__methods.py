# Checks: set methods union/intersection/difference/issubset, pop from single-element set, clear, copy, update, iteration over sorted.
a = {1, 2, 3}
print(sorted(a.union({4}, [5])), sorted(a.intersection([2, 3, 9])), sorted(a.difference({1})))
print(sorted(a.symmetric_difference({3, 4})), a.issubset({1, 2, 3, 4}), a.issuperset({1}), a.isdisjoint({7}))
b = a.copy()
b.add(100)
print(sorted(a), sorted(b))
b.update([7, 8], {9})
print(sorted(b))
single = {"only"}
print(single.pop(), single)
b.clear()
print(b, len(b))
total = 0
for v in sorted({5, 3, 9}):
    total = total * 10 + v
print(total)
seen = set()
dups = []
for x in [4, 1, 4, 2, 1, 4]:
    if x in seen:
        dups.append(x)
    seen.add(x)
print(dups, sorted(seen))
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
