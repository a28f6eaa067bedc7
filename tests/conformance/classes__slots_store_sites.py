# Stores to slotted instances through one STORE_ATTR instruction, which the attribute sites
# specialize per class: listed slots, unlisted names, inherited slots, a subclass that gets a
# __dict__, and a __setattr__ hook, in every order.


class A:
    __slots__ = ("x",)


class B:
    __slots__ = ("y",)


class C:
    pass


class D(A):
    __slots__ = ("z",)


class E(A):
    pass


class H:
    __slots__ = ("x",)

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 10)


def store(o, v):
    o.x = v
    return o.x


def try_store(o, v):
    try:
        return store(o, v)
    except AttributeError as e:
        return "AttributeError: %s" % e


for cls in [A, A, B, C, A, D, E, B, H, A, H]:
    o = cls()
    print(cls.__name__, [try_store(o, v) for v in range(3)])

d = D()
for v in range(3):
    d.x = v
    d.z = v * 2
print(d.x, d.z)
try:
    d.w = 1
except AttributeError as e:
    print("AttributeError:", e)
e = E()
e.w = 5
print(e.w, e.__dict__)
a = A()
try:
    a.x
except AttributeError as e:
    print("AttributeError:", e)
del A.__slots__
print(store(A(), 7))
