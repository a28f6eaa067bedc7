# Checks: copy.copy on built-in values (immutables returned as they are, list/dict/set copied one level deep), on instances (attributes copied, class kept, __init__ not run), with __copy__, __reduce__ and __reduce_ex__ (state, __setstate__, list and dict items), __getstate__, __slots__, subclasses of built-in types, functions and classes, and copy.Error.
import copy


class Plain:
    inits = 0

    def __init__(self, x):
        Plain.inits += 1
        self.x = x
        self.items = [1, 2]


p = Plain(5)
q = copy.copy(p)
print(type(q).__name__, q.x, q.items is p.items, q is p, Plain.inits, vars(q) if False else sorted(q.__dict__))
for v in [1, 2.5, "s", b"b", (1, [2]), None, True, frozenset([1]), range(3), len, Plain, ..., NotImplemented]:
    print(repr(v)[:20], copy.copy(v) is v)
lst = [[1], 2]
dct = {"k": [1]}
st = {1, 2}
for orig in (lst, dct, st):
    c = copy.copy(orig)
    print(c == orig, c is orig, type(c).__name__)
print(copy.copy(lst)[0] is lst[0], copy.copy(dct)["k"] is dct["k"])


class WithCopy:
    def __init__(self):
        self.n = 1

    def __copy__(self):
        c = WithCopy()
        c.n = self.n + 100
        return c


print(copy.copy(WithCopy()).n)


class Reduced:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Reduced, (self.a, self.b))


r = copy.copy(Reduced(1, [2]))
print(type(r).__name__, r.a, r.b)


class WithState:
    def __init__(self):
        self.public = 1
        self.secret = "s"

    def __getstate__(self):
        return {"public": self.public}

    def __setstate__(self, state):
        self.restored = state


w = copy.copy(WithState())
print(sorted(w.__dict__), w.restored)


class ReduceEx:
    def __reduce_ex__(self, protocol):
        return (dict, (), None, None, iter([("proto", protocol)]))


print(copy.copy(ReduceEx()))


class AsString:
    def __reduce__(self):
        return "AsString"


a = AsString()
print(copy.copy(a) is a)


class Slots:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = 1


s = copy.copy(Slots())
print(s.x, hasattr(s, "y"))


class MyList(list):
    pass


class MyDict(dict):
    pass


class MyInt(int):
    pass


ml = MyList([1, 2])
ml.tag = "t"
md = MyDict(a=1)
print(copy.copy(ml), type(copy.copy(ml)).__name__, copy.copy(ml).tag, copy.copy(md), type(copy.copy(md)).__name__)
print(copy.copy(MyInt(7)), type(copy.copy(MyInt(7))).__name__)
e = copy.copy(ValueError("boom", 2))
print(type(e).__name__, e.args)
print(copy.Error.__mro__[1].__name__, copy.error is copy.Error, copy.__all__)
try:
    raise copy.Error("x")
except copy.Error as err:
    print("caught", err)
