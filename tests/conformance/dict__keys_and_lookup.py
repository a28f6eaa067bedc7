# Checks: keys of several hashable types (int, str, tuple, bool, None, float), in / not in, len, del, KeyError reprs, equality.
d = {1: "int", "1": "str", (1, 2): "tuple", None: "none", 2.5: "float", (): "empty tuple"}
print(d[1], d["1"], d[(1, 2)], d[None], d[2.5], d[()])
print(1 in d, "1" in d, (1, 2) in d, (2, 1) in d, 3 not in d, "int" in d)
print(len(d))
del d[None]
print(len(d), None in d)
for key in ["x", 5, (1, 3), 2.0]:
    try:
        d[key]
    except KeyError as e:
        print("KeyError", e, repr(e))
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 1.0}, {} == {})
print({"a": 1} != {"a": 2})
nested = {"outer": {"inner": {"deep": [1, 2]}}}
print(nested["outer"]["inner"]["deep"][1])
nested["outer"]["inner"]["new"] = True
print(nested)
try:
    d[[1]] = 0
except TypeError as e:
    print(type(e).__name__, e)
print(dict.fromkeys(["a", "b"], 0))
