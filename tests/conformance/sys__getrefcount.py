# Checks: sys.getrefcount differences only: new references (names, containers, attributes) raise it by one each.
import sys


class Holder:
    pass


x = ["some", "object"]
base = sys.getrefcount(x)
y = x
print(sys.getrefcount(x) - base)
lst = [x, x]
print(sys.getrefcount(x) - base)
d = {"k": x}
print(sys.getrefcount(x) - base)
h = Holder()
h.attr = x
print(sys.getrefcount(x) - base)
del y
print(sys.getrefcount(x) - base)
lst.pop()
print(sys.getrefcount(x) - base)
del lst, d, h
print(sys.getrefcount(x) - base)


def f(arg):
    return sys.getrefcount(arg) - base


print(f(x) > 0)
t = (x,)
print(sys.getrefcount(x) - base)
t = None
print(sys.getrefcount(x) - base)
print(type(base).__name__)
