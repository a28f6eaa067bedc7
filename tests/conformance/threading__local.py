# Checks: threading.local in one thread: attributes, __dict__ (live, read-only), class attributes and methods, properties, a subclass __init__ with arguments, a __setattr__ override, "Initialization arguments are not supported", deleting, AttributeErrors.
import threading

loc = threading.local()
print(type(loc).__name__, type(loc).__module__, type(loc).__qualname__)
print(threading.local is type(loc), isinstance(loc, threading.local))
print(loc.__dict__)
loc.x = 1
loc.y = [1, 2]
print(loc.x, loc.y, sorted(loc.__dict__.items()))
loc.__dict__["z"] = "via dict"
print(loc.z, getattr(loc, "missing", "default"), hasattr(loc, "x"))
del loc.x
print(hasattr(loc, "x"), sorted(loc.__dict__))
for args, kwargs in [((1,), {}), ((), {"a": 1})]:
    try:
        threading.local(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)


class Settings(threading.local):
    default_level = 3
    instances = 0

    def __init__(self, name, *, level=1):
        Settings.instances += 1
        self.name = name
        self.level = level

    def describe(self):
        return f"{self.name}@{self.level}/{self.default_level}"

    @property
    def shout(self):
        return self.name.upper()


s = Settings("app", level=2)
print(s.describe(), s.shout, Settings.instances, sorted(s.__dict__.items()))
s.default_level = 9
print(s.default_level, Settings.default_level, s.describe())
try:
    s.shout = "x"
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
try:
    del s.__dict__
except AttributeError as e:
    print("AttributeError:", e)
del s.level
try:
    s.level
except AttributeError as e:
    print("AttributeError:", e)
try:
    del s.level
except AttributeError as e:
    print("AttributeError:", e)


class NoInit(threading.local):
    tag = "plain"


n = NoInit()
print(n.tag, n.__dict__)
try:
    NoInit(1)
except TypeError as e:
    print("TypeError:", e)


class Guarded(threading.local):
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value.upper() if isinstance(value, str) else value)


g = Guarded()
g.word = "quiet"
print(g.word, g.__dict__)
a, b = threading.local(), threading.local()
a.v = "a"
b.v = "b"
print(a.v, b.v, a == a, a == b, hash(a) == hash(a))
