# Checks: pprint's functions and PrettyPrinter: pprint/pp to sys.stdout and to a stream, pformat, saferepr/isreadable/isrecursive (module functions and methods), recursion markers in reprs and layouts, _safe_repr's (repr, readable, recursive) as pyperformance calls it, a subclass overriding format(), the collections types' layouts, constructor errors.
import pprint
import sys
from collections import OrderedDict, defaultdict, Counter, ChainMap, deque, UserDict, UserList, UserString


class Stream:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


pprint.pprint({"b": [1] * 30, "a": 1})
pprint.pprint({"b": 1, "a": 2}, width=10)
pprint.pp({"b": 1, "a": 2})
pprint.pp({"b": 1, "a": 2}, sort_dicts=True)
out = Stream()
pprint.pprint(list(range(40)), stream=out, width=30)
print(repr("".join(out.parts)))
printer = pprint.PrettyPrinter(indent=2, width=30, depth=3, stream=out, compact=True)
out.parts = []
printer.pprint([[[[1]]], list(range(20))])
print("".join(out.parts))
print(printer.pformat({"x": [1, 2]}), printer.isreadable([1]), printer.isrecursive([1]))

l = [1, 2]
l.append(l)
d = {"x": l, "n": 1}
d["self"] = d


def hide(s):
    return s.replace(str(id(l)), "ID_L").replace(str(id(d)), "ID_D")


print(hide(pprint.saferepr(l)), pprint.isrecursive(l), pprint.isreadable(l))
print(hide(pprint.saferepr(d)), pprint.isrecursive(d), pprint.isreadable(d))
print(hide(pprint.pformat(d, width=20)))
l.pop()
del d["self"]
print(pprint.isreadable([1, "a", (2.5, None)]), pprint.isreadable(object()), pprint.isreadable({1: len}),
      pprint.isrecursive([[1]]), pprint.saferepr([1, "a", {"k": (2,)}]))
p = pprint.PrettyPrinter()
printable = [("string", (1, 2), [3, 4], {5: 6, 7: 8})] * 3
print(p._safe_repr(printable, {}, None, 0))
print(p._safe_repr(printable, {}, 1, 0), p._safe_repr({}, {}, None, 0), p._safe_repr(5, {}, None, 0))
print(p.format([1, 2], {}, 0, 0), p.format("s", {}, 0, 0))


class Upper(pprint.PrettyPrinter):
    def format(self, object, context, maxlevels, level):
        if isinstance(object, str):
            return repr(object.upper()), True, False
        return super().format(object, context, maxlevels, level)


print(Upper().pformat({"key": ["value", "other", 1]}), Upper(width=20).pformat(["abc " * 5, "def"]))
class MyDict(dict):
    pass


class MyList(list):
    pass


class Shown(list):
    def __repr__(self):
        return "Shown!"


class Big(int):
    pass


mixed = {"d": MyDict(b=[1, 2], a=MyList([3, (4,)])), "s": Shown([1]), "n": Big(10**7), "t": (MyList(),)}
print(pprint.saferepr(mixed), pprint.isreadable(mixed), pprint.pformat(mixed, width=20, underscore_numbers=True))
print(p._safe_repr(mixed, {}, 2, 0), Upper()._safe_repr(mixed, {}, None, 0))
words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho".split()
collections_values = [
    OrderedDict((w, i) for i, w in enumerate(words)),
    defaultdict(list, {w: [i] * 3 for i, w in enumerate(words[:6])}),
    Counter("the quick brown fox jumps over the lazy dog and keeps running far away"),
    ChainMap({w: 1 for w in words[:5]}, {w: 2 for w in words[5:10]}),
    deque(words, maxlen=20), deque(range(30)), UserDict({w: 0 for w in words[:8]}), UserList(words),
    UserString(" ".join(words) * 2), OrderedDict(), defaultdict(int), Counter(), deque(), ChainMap(),
]
for value in collections_values:
    for width in (80, 30):
        print(pprint.pformat(value, width=width))


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("indent", lambda: pprint.PrettyPrinter(indent=-1))
attempt("depth", lambda: pprint.PrettyPrinter(depth=0))
attempt("width", lambda: pprint.PrettyPrinter(width=0))
attempt("positional", lambda: pprint.PrettyPrinter(1, 2, 3, 4, 5))
print(pprint.__all__, pprint.PrettyPrinter()._stream is sys.stdout)
