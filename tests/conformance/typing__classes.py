# Checks: typing's classes at run time: Generic subclasses (parameters, subscription, __orig_bases__, __orig_class__, errors), Protocol with runtime_checkable (structural isinstance/issubclass, non-method members, instantiation error), TypedDict (plain dicts, required/optional keys, inheritance, errors), NewType, overload, final, get_type_hints of classes and modules, Supports* protocols.
import typing
from typing import (Generic, TypeVar, Protocol, runtime_checkable, TypedDict, NewType, List,
                    Dict, Optional, ClassVar, overload, final, get_type_hints, Iterator,
                    Annotated, Required, NotRequired, SupportsInt, SupportsFloat, SupportsAbs)

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")


def attempt(label, fn):
    try:
        print(label, "->", fn())
    except (TypeError, NotImplementedError, AttributeError) as e:
        print(label, "->", type(e).__name__ + ":", e)


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item


class Pair(Generic[K, V]):
    pass


class IntBox(Box[int]):
    pass


class Tagged(Box[T], Generic[T]):
    pass


class Mapper(Dict[K, V]):
    pass


print(Box, Box[int], Box[List[T]], Box[List[T]][str], Pair[str, int], Pair[K, List[V]][int, str])
print(Box.__parameters__, Pair.__parameters__, IntBox.__parameters__, Tagged.__parameters__, Mapper.__parameters__)
print(Box.__orig_bases__, IntBox.__orig_bases__, IntBox.__mro__, Mapper.__mro__[:3])
b = Box[int](5)
print(b.get(), b.__orig_class__, type(b).__name__, Box(3).get(), isinstance(b, Box), Box[int] == Box[int])
print(Generic[T], typing.Generic, IntBox(1).item, Mapper(a=1), issubclass(Mapper, dict))
attempt("Box[int, str]", lambda: Box[int, str])
attempt("IntBox[int]", lambda: IntBox[int])
attempt("Generic[int]", lambda: Generic[int])
attempt("Generic[T, T]", lambda: Generic[T, T])
attempt("Generic[()]", lambda: Generic[()])


def plain_generic():
    class Bad(Generic):
        pass
attempt("class Bad(Generic)", plain_generic)


def unlisted():
    class Bad(Box[T], Generic[K]):
        pass
attempt("unlisted type variable", unlisted)


def double_generic():
    class Bad(Generic[T], Generic[K]):
        pass
attempt("Generic twice", double_generic)


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...


@runtime_checkable
class Named(Protocol):
    name: str


class Sized2(Protocol):
    def __len__(self) -> int: ...


class File:
    def close(self):
        return "closed"


class Person:
    def __init__(self):
        self.name = "x"


class Nothing:
    pass


print(isinstance(File(), Closable), isinstance(Nothing(), Closable), issubclass(File, Closable), issubclass(int, Closable))
print(isinstance(Person(), Named), isinstance(Nothing(), Named), isinstance(3, SupportsInt), isinstance("3", SupportsInt))
print(isinstance(3.5, SupportsFloat), isinstance(-2, SupportsAbs), Closable._is_protocol, File.__name__)
attempt("issubclass(Person, Named)", lambda: issubclass(Person, Named))
attempt("isinstance(x, Sized2)", lambda: isinstance([], Sized2))
attempt("Closable()", lambda: Closable())
attempt("runtime_checkable(File)", lambda: runtime_checkable(File))


class Impl(Closable):
    def __init__(self, tag):
        self.tag = tag


print(Impl("t").tag, isinstance(Impl("t"), Closable), Impl._is_protocol, Impl("t").close())


def bad_protocol():
    class Bad(Protocol, File):
        pass
attempt("protocol with concrete base", bad_protocol)


class Movie(TypedDict):
    title: str
    year: int


class Extended(Movie, total=False):
    rating: float


class Mixed(TypedDict):
    a: Required[int]
    b: NotRequired[str]


m = Movie(title="Alien", year=1979)
print(m, type(m), Movie.__annotations__, sorted(Movie.__required_keys__), Movie.__total__)
print(sorted(Extended.__required_keys__), sorted(Extended.__optional_keys__), Extended.__total__, Extended(title="x"))
print(sorted(Mixed.__required_keys__), sorted(Mixed.__optional_keys__), typing.is_typeddict(Movie), typing.is_typeddict(dict))
Point = TypedDict("Point", {"x": int, "y": int})
print(Point(x=1, y=2), Point.__annotations__, Point.__name__)
attempt("isinstance(m, Movie)", lambda: isinstance(m, Movie))


def typeddict_base():
    class Bad(Movie, dict):
        pass
attempt("TypedDict and dict", typeddict_base)

UserId = NewType("UserId", int)
print(UserId(5), UserId.__name__, UserId.__supertype__ is int, type(UserId(5)))


def subclass_newtype():
    class Admin(UserId):
        pass
attempt("subclass NewType", subclass_newtype)


@overload
def parse(x: int) -> int: ...
@overload
def parse(x: str) -> str: ...
def parse(x):
    return x


print(parse(3), len(typing.get_overloads(parse)))
attempt("calling an overload", lambda: typing.get_overloads(parse)[0](1))


@final
class Leaf:
    @final
    def method(self):
        pass


print(Leaf.__final__, Leaf.method.__final__)


class Annotated1:
    count: int
    names: List[str]
    label: Optional[str] = None
    shared: ClassVar[int] = 0
    extra: Annotated[int, "meta"]


class Annotated2(Annotated1):
    more: Dict[str, int]


print(get_type_hints(Annotated1))
print(get_type_hints(Annotated2))
print(get_type_hints(Annotated1, include_extras=True)["extra"])
module_level: Iterator[int]
print(get_type_hints(__import__(__name__)), get_type_hints(len) if False else "")
