# Checks: functools.cached_property (computed once per instance, stored as an attribute, deletable to recompute, class access, errors), partialmethod (on methods, classmethods and through the class), singledispatch (register by class, dispatch through the MRO and ABCs, registry, dispatch(), default) and singledispatchmethod.
import collections.abc
from functools import cached_property, partialmethod, singledispatch, singledispatchmethod


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class Circle:
    def __init__(self, r):
        self.r = r
        self.computed = 0

    @cached_property
    def area(self):
        "The area."
        self.computed += 1
        return 3 * self.r * self.r


c = Circle(2)
print(c.area, c.area, c.computed, "area" in vars(c) if False else c.__dict__["area"])
c.r = 10
print(c.area, c.computed)
del c.area
print(c.area, c.computed, Circle.area.attrname, Circle.area.__doc__, type(Circle.area).__name__)
c.area = "assigned"
print(c.area)


class Slotted:
    __slots__ = ("x",)

    @cached_property
    def value(self):
        return 1


attempt("no dict", lambda: Slotted().value)
loose = cached_property(lambda self: 1)
attempt("no set_name", lambda: loose.__get__(Circle(1), Circle))


def make_twice():
    prop = cached_property(lambda self: 1)

    class Twice:
        a = prop
        b = prop


attempt("two names", make_twice)


class Cell:
    def __init__(self):
        self.alive = False

    def set_state(self, state, note=""):
        self.alive = state
        return (state, note)

    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False, note="bye")

    @classmethod
    def make(cls, a, b):
        return (cls.__name__, a, b)

    make_one = partialmethod(make, 1)


cell = Cell()
print(cell.set_alive(), cell.alive, cell.set_dead(), cell.alive, cell.set_alive(note="hi"))
print(Cell.set_alive(cell), Cell.make_one(2), cell.make_one(3))
attempt("not callable", lambda: partialmethod(1))


@singledispatch
def describe(obj):
    return "object " + type(obj).__name__


@describe.register(int)
def _(obj):
    return "int %d" % obj


@describe.register(list)
def _(obj):
    return "list of %d" % len(obj)


def _seq(obj):
    return "sequence"


describe.register(collections.abc.Sequence, _seq)
print(describe(5), describe(True), describe([1, 2]), describe("ab"), describe((1,)), describe(2.5), describe(None))
print(describe.dispatch(bool) is describe.dispatch(int), describe.dispatch(float) is describe.registry[object])
print(sorted(k.__name__ for k in describe.registry), describe.__name__, describe.__wrapped__.__name__)
attempt("no args", lambda: describe())
attempt("bad register", lambda: describe.register(5))


class Formatter:
    @singledispatchmethod
    def fmt(self, arg):
        return "default %r" % (arg,)

    @fmt.register(int)
    def _(self, arg):
        return "int %d" % arg

    @fmt.register(str)
    def _(self, arg):
        return "str " + arg


f = Formatter()
print(f.fmt(3), f.fmt("x"), f.fmt(2.5), f.fmt(False))
