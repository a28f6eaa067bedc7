# Checks: dict get, items, keys, values, pop (with default), setdefault, update, popitem, copy, clear.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d["b"])
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("a"), d, d.pop("zz", "dflt"), d.pop("zz", None))
print(d.setdefault("b", 100), d.setdefault("c", 3), d.setdefault("list", []), d)
d.setdefault("list", []).append("x")
print(d)
d.update({"b": 20, "d": 4})
d.update(e=5)
d.update([("f", 6)])
print(d)
print(d.popitem(), d)
cp = d.copy()
cp["b"] = "changed"
print(d["b"], cp["b"])
cp.clear()
print(cp, len(cp))
try:
    d.pop("missing")
except KeyError as e:
    print(type(e).__name__, e)
try:
    d["missing"]
except KeyError as e:
    print(type(e).__name__, e)
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
print(sorted(d.keys()), len(d.values()))
print(sorted(d.items(), key=lambda kv: str(kv[1])))
