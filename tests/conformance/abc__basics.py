# Checks: abc: ABCMeta and ABC, abstract methods (plain, property, classmethod, staticmethod) enforced with 3.11's message, register() as call and decorator, __subclasshook__, the caches and get_cache_token, update_abstractmethods, metaclasses derived from ABCMeta, class keywords, errors.
import abc
from abc import ABC, ABCMeta, abstractmethod, get_cache_token

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
    def describe(self):
        return f"{self.name()} of area {self.area()}"

print(type(Shape).__name__, sorted(Shape.__abstractmethods__))
for cls in (Shape,):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)

class Half(Shape):
    def area(self): return 1
try:
    Half()
except TypeError as e:
    print("TypeError:", e)

class Square(Half):
    def __init__(self, side): self.side = side
    def area(self): return self.side ** 2
    def name(self): return "square"

s = Square(3)
print(s.describe(), Square.__abstractmethods__, isinstance(s, Shape), issubclass(Square, Shape))

class WithProps(ABC):
    @property
    @abstractmethod
    def size(self): ...
    @classmethod
    @abstractmethod
    def make(cls): ...
    @staticmethod
    @abstractmethod
    def helper(): ...
print(sorted(WithProps.__abstractmethods__))
class Impl(WithProps):
    size = 3
    @classmethod
    def make(cls): return cls()
    @staticmethod
    def helper(): return "h"
print(Impl.make().size, Impl.helper(), Impl.__abstractmethods__)

class Sized(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return any("__len__" in B.__dict__ for B in C.__mro__)
        return NotImplemented

class HasLen:
    def __len__(self): return 0
print(issubclass(HasLen, Sized), isinstance(HasLen(), Sized), issubclass(int, Sized), isinstance([], Sized))

class Drawable(ABC):
    pass

t0 = get_cache_token()
class Circle: pass
print(issubclass(Circle, Drawable), isinstance(Circle(), Drawable))
Drawable.register(Circle)
print(get_cache_token() != t0, issubclass(Circle, Drawable), isinstance(Circle(), Drawable))
print(Drawable.register(Circle) is Circle)
@Drawable.register
class Line: pass
print(isinstance(Line(), Drawable), Line.__name__)
class Sub(Circle): pass
print(issubclass(Sub, Drawable))
print(issubclass(int, Drawable), isinstance(3, Drawable))
Drawable.register(int)
print(issubclass(int, Drawable), isinstance(True, Drawable), issubclass(bool, Drawable))
try:
    Drawable.register(3)
except TypeError as e:
    print("TypeError:", e)
class Child(Drawable): pass
try:
    Child.register(Drawable)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    issubclass(3, Drawable)
except TypeError as e:
    print("TypeError:", e)

class BadHook(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1
try:
    issubclass(int, BadHook)
except AssertionError as e:
    print("AssertionError:", e)

class Base(ABC):
    @abstractmethod
    def f(self): ...
class Derived(Base):
    pass
print(sorted(Derived.__abstractmethods__))
Derived.f = lambda self: 1
abc.update_abstractmethods(Derived)
print(Derived.__abstractmethods__, Derived().f())
print(isinstance(Derived(), Base), issubclass(Derived, ABC))

class Meta2(ABCMeta):
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        cls.tag = name.lower()
        return cls
class Tagged(metaclass=Meta2):
    @abstractmethod
    def go(self): ...
class Go(Tagged):
    def go(self): return "went"
print(Go.tag, Go().go(), type(Go).__name__, isinstance(Go(), Tagged))
class KW(ABC):
    def __init_subclass__(cls, flavor=None, **kw):
        super().__init_subclass__(**kw)
        cls.flavor = flavor
class Vanilla(KW, flavor="vanilla"): pass
print(Vanilla.flavor, Vanilla())  if False else print(Vanilla.flavor)
print(ABC.__slots__, abc.ABCMeta.__name__, abstractmethod(lambda: 0).__isabstractmethod__)
ap = abc.abstractproperty(lambda self: 1)
print(ap.__isabstractmethod__, abc.abstractclassmethod(lambda cls: 1).__isabstractmethod__)
class Multi(Square, Drawable): pass
print(Multi(2).describe(), isinstance(Multi(2), Drawable), Multi.__abstractmethods__)
