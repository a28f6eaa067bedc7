# Checks: __set_name__ at class creation (and its error), descriptors through super() and as special methods (slots bind as CPython's do), __setattr__/__delattr__ hooks, property without deleter.


class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
        self.slot = "_" + name

    def __get__(self, obj, owner):
        if obj is None:
            return "Field " + self.name
        return getattr(obj, self.slot, None)

    def __set__(self, obj, value):
        setattr(obj, self.slot, value)


print("defining Point")


class Point:
    x = Field()
    y = Field()
    other = 3


p = Point()
p.x = 1
p.y = 2
print(p.x, p.y, Point.x, p._x)
late = Field()
Point.z = late
print("no __set_name__ on assignment:", hasattr(late, "name"))


class Boom:
    def __set_name__(self, owner, name):
        raise ValueError("boom " + name)


try:

    class Broken:
        a = 1
        b = Boom()

except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)


class Base:
    f = Field()


class Derived(Base):
    def read(self):
        return super().f


d = Derived()
d.f = "via base"
print(d.read(), d.f)


class Double:
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return lambda: obj.n * 2


class Callable:
    def __call__(self, *args):
        return ("called with", len(args))


class Special:
    __len__ = Double()
    __call__ = Callable()
    __repr__ = staticmethod(lambda: "static repr")

    @classmethod
    def __bool__(cls):
        return cls.__name__ == "Special"

    def __init__(self, n):
        self.n = n


s = Special(21)
print(len(s), s(1, 2), repr(s), bool(s))


class Logged:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        super().__setattr__(name, value)

    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)


lg = Logged()
lg.a = 1
print(lg.a)
del lg.a
print(hasattr(lg, "a"))
try:
    del lg.a
except AttributeError as e:
    print("AttributeError:", e)


class Prop:
    @property
    def value(self):
        return 1


pr = Prop()
try:
    del pr.value
except AttributeError as e:
    print("AttributeError:", e)
try:
    pr.value = 2
except AttributeError as e:
    print("AttributeError:", e)
