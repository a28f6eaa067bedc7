# Checks: variable annotations: module and class __annotations__ (evaluated, in order, mangled), SETUP_ANNOTATIONS only where needed, function bodies evaluate none, complex targets evaluated and dropped, own-class __annotations__.
"""Module docstring."""
import sys

log = []


def note(v):
    log.append(v)
    return v


x: note(int) = note(5)
y: "forward"
print(__annotations__)
print(x, log)
log.clear()


class Point:
    """A point."""
    a: int
    b: list = []
    __secret: note("hidden") = 3
    (c): note("paren") = 4
    if True:
        d: float
    for _ in range(1):
        e: str
    try:
        f: bytes
    except Exception:
        pass
    def method(self) -> int:
        inner: undefined_name = 1
        return inner


print(Point.__annotations__)
print(Point.__doc__, Point.b, Point._Point__secret, Point.c, Point().method())
print(log)
log.clear()


class Child(Point):
    g: bool


print(Child.__annotations__)


class Plain:
    pass


print(Plain.__annotations__, "__annotations__" in Plain.__dict__)
print(hasattr(int, "__annotations__"))


def f():
    z: int = 3
    w: undefined_name
    return z


print(f())

obj = Plain()
obj.attr: note("attr annotation") = note(7)
print(obj.attr, log)
log.clear()

items = [0, 0]
note(items)[note(1)]: note("sub")
print(log)
log.clear()

try:
    q: undefined_in_module = 1
except NameError as e:
    print("NameError", e, q)

print(sorted(__annotations__))
print(type(sys.modules[__name__].__annotations__).__name__)
