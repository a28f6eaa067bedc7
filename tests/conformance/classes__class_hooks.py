# Checks: __init_subclass__ (with keywords), __class_getitem__, __new__ of Python classes, __slots__, __set_name__ with __init_subclass__.
class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry[name or cls.__name__] = cls
class Alpha(Plugin, name="alpha"):
    pass
class Beta(Plugin):
    pass
class Gamma(Beta, name="gamma"):
    pass
print(sorted(Plugin.registry), Plugin.registry["alpha"] is Alpha)
try:
    class Bad(Alpha, unknown=1, other=2):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Plain(object, flag=True):
        pass
except TypeError as e:
    print("TypeError:", e)

class Box:
    def __class_getitem__(cls, item):
        return "%s[%s]" % (cls.__name__, item.__name__ if isinstance(item, type) else item)
class SubBox(Box):
    pass
print(Box[int], SubBox[str], Box["x"])

class Singleton:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        self.v = v
a = Singleton(1)
b = Singleton(2)
print(a is b, a.v)
class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NotMine())
class Tagged:
    def __new__(cls, tag):
        obj = object.__new__(cls)
        obj.tag = tag
        return obj
print(Tagged("t").tag)
try:
    object.__new__(Tagged, 1)
except TypeError as e:
    print("TypeError:", e)
class NoArgs:
    pass
try:
    NoArgs(1)
except TypeError as e:
    print("TypeError:", e)

class Slotted:
    __slots__ = ("x", "y")
    def __init__(self):
        self.x = 1
s = Slotted()
s.y = 2
print(s.x, s.y, Slotted.__slots__)
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.__dict__
except AttributeError as e:
    print("AttributeError:", e)
class MoreSlots(Slotted):
    __slots__ = ("z",)
m = MoreSlots()
m.z = 5
m.x = 6
print(m.z, m.x)
try:
    m.w = 1
except AttributeError as e:
    print("AttributeError:", e)
class Open(Slotted):
    pass
o = Open()
o.anything = 1
print(o.anything)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.b = 2
print(w.b)
for bad in [(1,), ("a", "a b")]:
    try:
        type("S", (), {"__slots__": bad})
    except TypeError as e:
        print("TypeError:", e)
try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print("ValueError:", e)

class Field:
    def __set_name__(self, owner, name):
        self.name = name
        owner.fields = getattr(owner, "fields", []) + [name]
class Model:
    def __init_subclass__(cls):
        cls.seen = list(getattr(cls, "fields", []))
class User(Model):
    id = Field()
    email = Field()
print(User.seen, User.id.name)
