x = 1
del x
y, z = 1, 2
del y, z


class C:
    pass


o = C()
o.attr = 1
del o.attr
lst = [1, 2, 3]
del lst[0], lst[0:1]
d = {"k": 1}
del (d["k"])


def f():
    v = 1
    del v
    global G
    G = 1
    del G
