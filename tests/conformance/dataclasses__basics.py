# Checks: dataclasses: generated __init__/__repr__/__eq__/order/__hash__/frozen methods, field() options and metadata, InitVar and __post_init__, KW_ONLY and kw_only, inheritance, asdict/astuple/replace/fields/is_dataclass, recursive repr, reprs and qualnames as CPython's.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass
from dataclasses import InitVar, KW_ONLY, MISSING, FrozenInstanceError, Field
import dataclasses


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, repr(p), p == Point(1, 2), p != Point(2, 1), p == (1, 2))
print(Point(3), Point(y=5, x=4), Point.__match_args__, Point.__doc__)
print(Point.__init__.__qualname__, Point.__repr__.__qualname__, Point.__eq__.__qualname__)
print(Point.__hash__, Point.__dataclass_params__)
print(fields(p)[1].default, is_dataclass(Point), is_dataclass(p), is_dataclass(3))


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tag: str = field(default="", compare=False)


v1, v2 = Version(1, 2), Version(1, 10, "rc")
print(v1 < v2, v1 <= v2, v1 > v2, v1 >= v2, sorted([v2, v1]), v1 == Version(1, 2, "x"))
print(hash(v1) == hash((1, 2)), {v1: "a"}[Version(1, 2)])
try:
    v1.major = 5
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del v1.minor
except FrozenInstanceError as e:
    print(type(e).__name__, e)
try:
    v1.new_attr = 1
except FrozenInstanceError as e:
    print(type(e).__name__, e)
try:
    v1 < (1, 2)
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    tags: dict = field(default_factory=dict, repr=False)
    count: int = field(default=0, init=False)
    secret: str = field(default="s", repr=False, compare=False, metadata={"unit": "none"})

    def __post_init__(self):
        self.count = len(self.items)


a, b = Inventory("a"), Inventory("b", [1, 2])
a.items.append(9)
print(a, b, b.count, Inventory("a", [9]) == a, a.tags is not b.tags)
f = fields(Inventory)[4]
print(f.metadata["unit"], dict(f.metadata), f.metadata, len(f.metadata))
print(Inventory.__doc__)


@dataclass
class WithInit:
    base: int
    scale: InitVar[int] = 2
    result: int = field(init=False)

    def __post_init__(self, scale):
        self.result = self.base * scale


w = WithInit(5)
print(w, WithInit(5, 10).result, [f.name for f in fields(WithInit)])
print(WithInit.__dataclass_fields__["scale"]._field_type, InitVar[int], InitVar[list])
print(replace(w, base=7, scale=3))
try:
    replace(w, result=1)
except ValueError as e:
    print("ValueError:", e)


@dataclass
class Options:
    path: str
    _: KW_ONLY
    verbose: bool = False
    level: int = 1


o = Options("/tmp", level=3)
print(o, Options.__match_args__, Options.__doc__)


@dataclass(kw_only=True)
class AllKw:
    a: int
    b: int = 2


print(AllKw(a=1), AllKw.__doc__, [f.kw_only for f in fields(AllKw)])


@dataclass
class Base:
    x: int = 1
    y: str = "base"


@dataclass
class Derived(Base):
    z: float = 3.0
    x: int = 10


print(Derived(), [f.name for f in fields(Derived)], Derived.__doc__)
print(asdict(Inventory("i", [Point(1, 2), (Point(3, 4),)], {"k": Point(0)})))
print(astuple(Version(2, 3, "t")), astuple(Inventory("t", [Point(1)])))
print(asdict(Point(1), dict_factory=lambda kv: sorted(kv, reverse=True)))


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)


n = Node(1)
n.children.append(n)
print(n)
n.children.clear()


@dataclass(eq=False)
class Ident:
    v: int


print(Ident(1) == Ident(1), Ident.__hash__ is object.__hash__)


@dataclass(unsafe_hash=True)
class Hashed:
    a: int
    b: list = field(default_factory=list, hash=False)


print(hash(Hashed(3)) == hash((3,)))


@dataclass
class Explicit:
    a: int

    def __repr__(self):
        return "custom"

    def __eq__(self, other):
        return True


print(Explicit(1), Explicit(1) == Explicit(2), Explicit.__hash__)


@dataclass(repr=False, init=False)
class Bare:
    a: int = 5


print(Bare().a, Bare.__doc__, "__repr__" in Bare.__dict__)
print(dataclasses.MISSING is MISSING, repr(dataclasses._HAS_DEFAULT_FACTORY))
print(Field.__name__, type(fields(Point)[0]).__name__)
