# Checks: collections.OrderedDict: insertion order, move_to_end (both ends), popitem(last=), order-sensitive equality between OrderedDicts but not with dicts, reversed(), keys/values/items views and their reprs, pop/setdefault/update/fromkeys/copy, | |= with dicts, recursive repr, __reduce__, errors.
from collections import OrderedDict
import copy


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


od = OrderedDict([("a", 1), ("b", 2), ("c", 3)])
print(od, list(od), len(od), od["b"], isinstance(od, dict))
od.move_to_end("a")
print(od)
od.move_to_end("c", last=False)
print(od)
od.move_to_end("c")
od.move_to_end("a", False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
od["x"] = 10
od["y"] = 20
od["b"] = 0
print(od, list(reversed(od)))
o1 = OrderedDict(x=1, y=2)
o2 = OrderedDict(y=2, x=1)
print(o1 == o2, o1 != o2, o1 == {"y": 2, "x": 1}, {"y": 2, "x": 1} == o1, o1 == dict(o2))
print(o1.keys(), o1.values(), o1.items(), list(reversed(o1.keys())), list(reversed(o1.items())))
print("x" in o1.keys(), ("x", 1) in o1.items(), 2 in o1.values(), len(o1.items()))
print(OrderedDict(), OrderedDict.fromkeys("abc"), OrderedDict.fromkeys("ab", 0), o1.copy())
print(o1 | {"z": 3}, {"z": 3} | o1, type(o1 | {}).__name__)
o1 |= {"w": 0}
print(o1, o1.pop("x"), o1.pop("nope", "dflt"), o1.setdefault("q", 7), o1.setdefault("y"), o1)
o1.update({"k": 1}, m=2)
o1.update([("n", 3)])
print(o1)
del o1["k"]
print(o1, copy.copy(o1), copy.deepcopy(OrderedDict(a=[1])), type(copy.copy(o1)).__name__)
print(o1.__reduce__()[:3], list(o1.__reduce__()[4]))
r = OrderedDict(a=1)
r["self"] = r
print(r)
del r["self"]
print(OrderedDict(b=1, a=2) == OrderedDict(a=2, b=1), sorted(OrderedDict(b=1, a=2)))
attempt("popitem empty", lambda: OrderedDict().popitem())
attempt("popitem first empty", lambda: OrderedDict().popitem(last=False))
attempt("move missing", lambda: OrderedDict().move_to_end("x"))
attempt("pop missing", lambda: OrderedDict().pop("x"))
attempt("two args", lambda: OrderedDict({}, {}))
attempt("missing key", lambda: OrderedDict()["k"])
