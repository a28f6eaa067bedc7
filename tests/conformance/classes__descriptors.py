# Checks: the descriptor protocol for user classes: __get__ through instances and classes, data descriptors (__set__/__delete__) over the instance dict, non-data ones under it, and what is missing.


class Verbose:
    def __init__(self, default):
        self.default = default

    def __get__(self, obj, owner):
        print("  get", None if obj is None else type(obj).__name__, owner.__name__)
        if obj is None:
            return self
        return obj._v if hasattr(obj, "_v") else self.default

    def __set__(self, obj, value):
        print("  set", type(obj).__name__, value)
        obj._v = value

    def __delete__(self, obj):
        print("  delete", type(obj).__name__)
        del obj._v


class Lazy:
    """A non-data descriptor: computes once, then the instance dict shadows it."""

    def __get__(self, obj, owner):
        if obj is None:
            return "Lazy on " + owner.__name__
        print("  computing")
        obj.lazy = 42
        return 42


class OnlySet:
    def __set__(self, obj, value):
        print("  OnlySet.__set__", value)


class OnlyDelete:
    def __delete__(self, obj):
        print("  OnlyDelete.__delete__")


class C:
    v = Verbose(0)
    s = OnlySet()
    d = OnlyDelete()

    def method(self):
        return "method"


c = C()
print("read default:", c.v)
c.v = 5
print("read:", c.v)
del c.v
print("after delete:", c.v)
print("class access is Verbose:", type(C.v).__name__)
C.lazy = Lazy()
print("lazy 1:", c.lazy)
print("lazy 2:", c.lazy)
print("class lazy:", C.lazy)
c.lazy = "assigned"
print("assigned:", c.lazy, C.lazy)
del c.lazy
print("deleted:", c.lazy)
print("no __get__ returns the descriptor:", type(c.s).__name__, type(C.d).__name__)
c.s = 1
try:
    del c.s
except AttributeError as e:
    print("AttributeError:", e)
try:
    c.d = 1
except AttributeError as e:
    print("AttributeError:", e)
del c.d
print(c.method())


class E:
    pass


e = E()
e.x = "instance value"
E.x = Verbose("descriptor value")
print("data descriptor over the instance dict:", e.x)
E.x = Lazy()
print("instance dict over a non-data descriptor:", e.x)
del E.x
print("plain:", e.x)


class Sub(C):
    pass


sc = Sub()
sc.v = 7
print("inherited:", sc.v, type(Sub.v).__name__)


class Bound:
    """__get__ that returns a bound callable, like a function."""

    def __init__(self, f):
        self.f = f

    def __get__(self, obj, owner):
        if obj is None:
            return self
        return lambda *a: self.f(obj, *a)


class D:
    def __init__(self, n):
        self.n = n

    @Bound
    def add(self, k):
        return self.n + k


print("decorator descriptor:", D(10).add(5), type(D.add).__name__)


class Raiser:
    def __get__(self, obj, owner):
        raise AttributeError("from __get__")


class WithGetattr:
    r = Raiser()

    def __getattr__(self, name):
        return "__getattr__ " + name


print(WithGetattr().r)
print(hasattr(WithGetattr(), "r"), getattr(WithGetattr(), "r"))


class NoFallback:
    r = Raiser()


try:
    NoFallback().r
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(NoFallback(), "r"))
