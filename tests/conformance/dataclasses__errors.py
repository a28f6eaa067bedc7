# Checks: dataclasses errors: field order, mutable defaults, frozen inheritance, KW_ONLY twice, unannotated field, order/eq/hash/frozen conflicts, InitVar factory, the generated __init__'s argument errors (CPython's messages), fields/asdict/replace misuse, make_dataclass, slots=True.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, make_dataclass
from dataclasses import InitVar, KW_ONLY, FrozenInstanceError
import dataclasses


def attempt(label, fn):
    try:
        result = fn()
    except (TypeError, ValueError, AttributeError) as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: ok {result!r}")


try:
    @dataclass
    class C:
        x: int = 0
        y: int
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"non-default: {type(e).__name__}: {e}")
else:
    print(f"non-default: ok {None!r}")


def mutable(kind):
    def make():
        @dataclass
        class C:
            x: kind = kind()
    return make
for kind in (list, dict, set):
    attempt(f"mutable {kind.__name__}", mutable(kind))


try:
    @dataclass
    class Inner:
        a: int = 1
    @dataclass
    class Outer:
        inner: Inner = Inner()
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"mutable dataclass default: {type(e).__name__}: {e}")
else:
    print(f"mutable dataclass default: ok {None!r}")


try:
    @dataclass
    class A:
        x: int = 0
    @dataclass(frozen=True)
    class B(A):
        y: int = 0
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"frozen from non-frozen: {type(e).__name__}: {e}")
else:
    print(f"frozen from non-frozen: ok {None!r}")


try:
    @dataclass(frozen=True)
    class A:
        x: int = 0
    @dataclass
    class B(A):
        y: int = 0
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"non-frozen from frozen: {type(e).__name__}: {e}")
else:
    print(f"non-frozen from frozen: ok {None!r}")


try:
    @dataclass
    class C:
        a: int
        _: KW_ONLY
        b: int
        __: KW_ONLY
        c: int
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"KW_ONLY twice: {type(e).__name__}: {e}")
else:
    print(f"KW_ONLY twice: ok {None!r}")


try:
    @dataclass
    class C:
        x: int
        y = field(default=1)
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"field without annotation: {type(e).__name__}: {e}")
else:
    print(f"field without annotation: ok {None!r}")
attempt("default and factory", lambda: field(default=1, default_factory=list))


try:
    @dataclass(order=True, eq=False)
    class C:
        x: int
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"order without eq: {type(e).__name__}: {e}")
else:
    print(f"order without eq: ok {None!r}")


try:
    @dataclass(order=True)
    class C:
        x: int
        def __lt__(self, other):
            return False
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"order with own __lt__: {type(e).__name__}: {e}")
else:
    print(f"order with own __lt__: ok {None!r}")


try:
    @dataclass(frozen=True)
    class C:
        x: int
        def __setattr__(self, name, value):
            pass
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"frozen with own __setattr__: {type(e).__name__}: {e}")
else:
    print(f"frozen with own __setattr__: ok {None!r}")


try:
    @dataclass(unsafe_hash=True)
    class C:
        x: int
        def __hash__(self):
            return 1
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"unsafe_hash with own __hash__: {type(e).__name__}: {e}")
else:
    print(f"unsafe_hash with own __hash__: ok {None!r}")


try:
    @dataclass
    class C:
        x: InitVar[list] = field(default_factory=list)
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"InitVar with factory: {type(e).__name__}: {e}")
else:
    print(f"InitVar with factory: ok {None!r}")
attempt("weakref_slot without slots", lambda: dataclass(weakref_slot=True)(type("W", (), {})))


@dataclass
class P:
    x: int
    y: int = 0
    _: KW_ONLY
    z: int = 5


@dataclass
class Q:
    a: int
    b: int
    c: int


@dataclass
class K:
    _: KW_ONLY
    a: int
    b: int


@dataclass
class E:
    pass


for label, fn in [
    ("P()", lambda: P()), ("P(1, 2, 3)", lambda: P(1, 2, 3)), ("P(1, q=1)", lambda: P(1, q=1)),
    ("P(1, x=1)", lambda: P(1, x=1)), ("P(1, z=2, w=3)", lambda: P(1, z=2, w=3)),
    ("Q()", lambda: Q()), ("Q(1)", lambda: Q(1)), ("Q(1, 2, 3, 4)", lambda: Q(1, 2, 3, 4)),
    ("K()", lambda: K()), ("K(1)", lambda: K(1)), ("K(1, 2, b=3)", lambda: K(1, 2, b=3)),
    ("K(a=1)", lambda: K(a=1)), ("E(1)", lambda: E(1)), ("E(1, 2)", lambda: E(1, 2)),
    ("E(k=1)", lambda: E(k=1)), ("E()", lambda: E()),
]:
    attempt(label, fn)

attempt("fields(int)", lambda: fields(int))
attempt("fields(1)", lambda: fields(1))
attempt("asdict(P)", lambda: asdict(P))
attempt("astuple(3)", lambda: astuple(3))
attempt("replace(3)", lambda: replace(3))


@dataclass
class WithIV:
    a: int
    iv: InitVar[int]

    def __post_init__(self, iv):
        self.seen = iv


attempt("replace without InitVar", lambda: replace(WithIV(1, 2), a=3))
attempt("replace with InitVar", lambda: replace(WithIV(1, 2), iv=9).seen)
attempt("replace unknown", lambda: replace(P(1), nope=1))
attempt("make_dataclass bad name", lambda: make_dataclass("M", ["1x"]))
attempt("make_dataclass keyword", lambda: make_dataclass("M", ["class"]))
attempt("make_dataclass duplicate", lambda: make_dataclass("M", ["a", ("a", int)]))
attempt("make_dataclass bad item", lambda: make_dataclass("M", [("a", int, 1, 2)]))
M = make_dataclass("M", ["x", ("y", int), ("z", int, field(default=3))],
                   namespace={"total": lambda self: self.y + self.z}, frozen=True)
m = M("a", 2)
print(m, m.total(), M.__doc__, M.__module__, M.__qualname__)
attempt("frozen make_dataclass", lambda: setattr(m, "y", 1))
attempt("frozen delete", lambda: delattr(m, "y"))


@dataclass(slots=True)
class Slotted:
    a: int
    b: str = "b"


s = Slotted(1)
print(s, Slotted.__slots__, "__dict__" in dir(s) if False else Slotted.__qualname__)
attempt("slots new attribute", lambda: setattr(s, "c", 1))
