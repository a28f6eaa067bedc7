# Checks: dicts preserve insertion order through updates, deletes and re-inserts; iteration over keys/values/items.
d = {}
for k in ["zebra", "apple", "mango", "kiwi"]:
    d[k] = len(k)
print(d)
d["apple"] = 100
print(list(d))
del d["zebra"]
d["zebra"] = 0
print(list(d))
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "=>", v)
for v in d.values():
    print(v, end=" ")
print()
ints = {3: "c", 1: "a", 2: "b", -1: "z"}
print(ints, list(ints.keys()))
m = {1: "x", 1.0: "y", True: "z"}
print(m)
merged = {"a": 1, "b": 2}
merged.update({"c": 3, "a": 0})
print(merged)
inverted = {v: k for k, v in merged.items()}
print(inverted)
print(list(reversed(list(d))))
try:
    for k in d:
        d["new" + k] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
