# Checks: del of names, list items, slices, dict keys, attributes, and errors after deletion.
x = 1
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
lst = list(range(10))
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[2:4]
print(lst)
del lst[::2]
print(lst)
del lst[:]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__, e)


class Obj:
    pass


o = Obj()
o.attr = 5
o.other = 6
del o.attr
print(hasattr(o, "attr"), hasattr(o, "other"))
try:
    del o.attr
except AttributeError as e:
    print(type(e).__name__, e)
a, b, c = 1, 2, 3
del a, b
print(c)
items = [1, 2, 3]
del items[0], items[0]
print(items)
try:
    del items[5]
except IndexError as e:
    print(type(e).__name__, e)


def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return type(e).__name__


print(f())
