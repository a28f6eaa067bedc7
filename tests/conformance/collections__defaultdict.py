# Checks: collections.defaultdict: default_factory (types, lambdas, None), __missing__ only through [], get/in untouched, dict behaviour and equality, constructor arguments, copy/__copy__/copy.deepcopy, __reduce__, | and |=, repr (also of subclasses), and its errors.
from collections import defaultdict
import copy


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


d = defaultdict(list)
d["a"].append(1)
d["a"].append(2)
d["b"]
print(d, d.default_factory, isinstance(d, dict), type(d).__name__, len(d))
print(d == {"a": [1, 2], "b": []}, {"a": [1, 2], "b": []} == d, d.get("zz"), "zz" in d, len(d))
counts = defaultdict(int)
for w in "the cat and the hat and the bat".split():
    counts[w] += 1
print(sorted(counts.items()), counts["missing"], len(counts))
nested = defaultdict(lambda: defaultdict(set))
nested["x"]["y"].add(1)
nested["x"]["z"].add(2)
print(sorted((k, sorted(v.items())) for k, v in nested.items()))
print(defaultdict(int, {"a": 1}, b=2), defaultdict(None, [("k", "v")]), defaultdict())
print(defaultdict(str)["q"] == "", defaultdict(tuple)[0], defaultdict(float)[1])
attempt("no factory", lambda: defaultdict()["x"])
attempt("none factory", lambda: defaultdict(None)["x"])
attempt("bad factory", lambda: defaultdict(1))
attempt("bad factory str", lambda: defaultdict("abc"))
c = d.copy()
c["a"].append(3)
c["new"]
print(type(c).__name__, c.default_factory is list, sorted(c), d["a"])
s = copy.copy(d)
dc = copy.deepcopy(d)
dc["a"].append(99)
print(s == d, s is d, dc["a"], d["a"], dc.default_factory)
print(defaultdict(int).__reduce__()[:2], defaultdict().__reduce__()[:2], list(defaultdict(int, a=1).__reduce__()[4]))
m = defaultdict(int, a=1) | {"b": 2}
print(m, type(m).__name__, m.default_factory)
r = {"b": 2} | defaultdict(int, a=1)
print(r, type(r).__name__)
m |= {"c": 3}
print(m)
print(d.pop("b"), d.setdefault("c", 5), sorted(d.items()), d.keys())


class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)


t = Tree()
t["a"]["b"]["c"] = 1
print(t["a"]["b"]["c"], type(t["a"]).__name__)
print(repr(defaultdict(int, x=1)).startswith("defaultdict(<class 'int'>"), repr(Tree()))
