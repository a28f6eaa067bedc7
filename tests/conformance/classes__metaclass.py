# Checks: metaclasses: metaclass=, inheritance of the metaclass, __new__/__init__/__call__/__prepare__, class-level dunders, conflicts, three-argument type().
class Registry(type):
    classes = []
    def __new__(mcs, name, bases, ns, **kw):
        ns["registered_as"] = name.lower()
        cls = super().__new__(mcs, name, bases, ns)
        mcs.classes.append(name)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.init_kw = kw
    def __len__(cls):
        return len(cls.items)
    def __iter__(cls):
        return iter(cls.items)
    def __getitem__(cls, i):
        return cls.items[i]
    def __contains__(cls, x):
        return x in cls.items
    def __repr__(cls):
        return "<Registered %s>" % cls.__name__
    def describe(cls):
        return "class " + cls.__name__
class Thing(metaclass=Registry):
    items = ["a", "b"]
class Sub(Thing, flavour="x"):
    items = ["c"]
print(Registry.classes, Thing.registered_as, Sub.registered_as, Sub.init_kw)
print(type(Thing).__name__, type(Sub) is Registry, isinstance(Thing, Registry), isinstance(Thing, type))
print(len(Thing), list(Thing), Thing[1], "a" in Thing, "z" in Sub, repr(Sub), Sub.describe())
print(Thing(), Sub.__class__.__name__) if False else print(type(Thing()).__name__)

class Counting(type):
    def __call__(cls, *args, **kw):
        cls.made = getattr(cls, "made", 0) + 1
        return super().__call__(*args, **kw)
class Point(metaclass=Counting):
    def __init__(self, x, y=0):
        self.x, self.y = x, y
p = Point(1, y=2)
q = Point(3)
print(p.x, p.y, q.x, Point.made)

class Ordered(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        return {"prepared": True}
    def __new__(mcs, name, bases, ns):
        ns["order"] = [k for k in ns if not k.startswith("__")]
        return super().__new__(mcs, name, bases, ns)
class Form(metaclass=Ordered):
    b = 1
    a = 2
    def c(self):
        pass
print(Form.order, Form.prepared)

class M1(type): pass
class M2(type): pass
class A1(metaclass=M1): pass
class A2(metaclass=M2): pass
try:
    class Both(A1, A2): pass
except TypeError as e:
    print("TypeError:", e)
class M3(M1): pass
class A3(A1, metaclass=M3): pass
print(type(A3).__name__)
class A4(A3): pass
print(type(A4).__name__)

# type() with three arguments.
def hello(self):
    return "hello from " + type(self).__name__
Dyn = type("Dyn", (object,), {"hello": hello, "x": 5, "__module__": "dynmod"})
print(Dyn().hello(), Dyn.x, Dyn.__name__, Dyn.__module__, Dyn.__bases__)
Dyn2 = type("Dyn2", (Dyn,), {})
print(Dyn2().hello(), [c.__name__ for c in Dyn2.__mro__])
WithMeta = Registry("WithMeta", (), {"items": [9]})
print(type(WithMeta).__name__, list(WithMeta), WithMeta.registered_as)
for bad in [("X", [object], {}), (1, (), {}), ("X", (), [])]:
    try:
        type(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    type("X", (1,), {})
except TypeError as e:
    print("TypeError:", e)
print(type(5).__name__, type(type).__name__, type(Registry).__name__)
# type() with bases whose metaclass has its own __new__ hands the call to that metaclass.
Via = type("Via", (Thing,), {"items": []})
print(type(Via).__name__, Registry.classes[-1], Via.registered_as, Via.init_kw)
