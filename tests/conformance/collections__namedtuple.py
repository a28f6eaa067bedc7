# Checks: collections.namedtuple: field names as a string or list, defaults, rename, module; instances as tuples (indexing, unpacking, equality, hashing, sorting, + and *); _make, _asdict, _replace, _fields, _field_defaults, __getnewargs__, __match_args__, the field descriptors; repr; subclassing; and CPython's errors (argument binding, bad names, read-only fields).
from collections import namedtuple
import copy


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], p[:1], len(p), list(p), isinstance(p, tuple))
print(p == (1, 2), p == Point(1, 2), hash(p) == hash((1, 2)), p + (3,), p * 2, tuple(p))
x, y = p
print(x, y, sorted([Point(2, 1), Point(1, 2), Point(1, 1)]), max(Point(1, 5), Point(2, 0)))
print(Point._fields, Point._field_defaults, Point.__name__, Point.__doc__, Point.__module__)
print(Point._make([3, 4]), Point._make(range(2)), p._asdict(), p._replace(x=9), p._replace())
print(p.__getnewargs__(), Point.__match_args__, Point.__slots__, Point.x.__doc__, Point.y.__doc__)
print(type(Point.x).__name__, Point.x.__get__(p, Point), Point.__new__.__doc__)
print(copy.copy(p), copy.deepcopy(Point([1], [2])), p.count(1), p.index(2))
Q = namedtuple("Q", ["a", "b", "c"], defaults=[5, 6])
print(Q(1), Q(1, 2), Q(a=1, c=3), Q(1, 2, 3), Q._field_defaults, Q(c=0, b=0, a=0))
R = namedtuple("R", "a def a _x 1y", rename=True)
print(R._fields, R(1, 2, 3, 4, 5))
S = namedtuple("S", "a,b  c")
print(S._fields, S(1, 2, 3), namedtuple("E", "")(), namedtuple("M", "a", module="mymod").__module__)
T = namedtuple("T", ("one",), defaults=(None,))
print(T(), T(1), repr(T(T(2))))


class Vec(namedtuple("Vec", "x y")):
    __slots__ = ()

    @property
    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)


v = Vec(3, 4) + Vec(1, 1)
print(v, v.norm2, type(v).__name__, Vec._fields, isinstance(v, tuple))

attempt("missing one", lambda: Point(1))
attempt("missing three", lambda: namedtuple("Q3", "a b c")())
attempt("missing two", lambda: namedtuple("Q3", "a b c")(1))
attempt("missing default", lambda: Q())
attempt("too many", lambda: Point(1, 2, 3))
attempt("too many defaults", lambda: Q(1, 2, 3, 4))
attempt("unexpected keyword", lambda: Point(1, z=2))
attempt("multiple values", lambda: Point(1, x=2))
attempt("bad type name", lambda: namedtuple("1x", "a"))
attempt("keyword field", lambda: namedtuple("X", "a class"))
attempt("keyword type", lambda: namedtuple("def", "a"))
attempt("underscore field", lambda: namedtuple("X", "_a"))
attempt("duplicate field", lambda: namedtuple("X", "a b a"))
attempt("bad field", lambda: namedtuple("X", ["a", "b-c"]))
attempt("too many defaults", lambda: namedtuple("X", "a", defaults=[1, 2]))
attempt("make short", lambda: Point._make([1]))
attempt("replace unknown", lambda: p._replace(z=1))
attempt("set field", lambda: setattr(p, "x", 5))
attempt("delete field", lambda: delattr(p, "x"))
attempt("new attribute", lambda: setattr(p, "z", 5))
attempt("descriptor on list", lambda: Point.x.__get__([1], list))
