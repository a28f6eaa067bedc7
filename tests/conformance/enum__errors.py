# Checks: enum errors: reused names, extending an enum with members, _sunder_ names, invalid names, _order_, ReprEnum and mixin order, bad values for IntEnum/StrEnum, _missing_ misbehaving, failing lookups, reassigning and deleting members, Flag boundaries (STRICT, CONFORM, EJECT, KEEP), unique and verify.
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, ReprEnum, auto, unique, verify
from enum import UNIQUE, CONTINUOUS, NAMED_FLAGS, STRICT, CONFORM, EJECT, KEEP, FlagBoundary


def attempt(label, fn):
    try:
        result = fn()
    except (TypeError, ValueError, AttributeError, KeyError) as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: ok {result!r}")


class Color(Enum):
    RED = 1
    GREEN = 2


try:
    class C1(Enum):
        A = 1
        A = 2
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"reuse key: {type(e).__name__}: {e}")
else:
    print(f"reuse key: ok {None!r}")


try:
    class C2(Enum):
        A = 1
        def A(self):
            pass
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"member then method: {type(e).__name__}: {e}")
else:
    print(f"member then method: ok {None!r}")


try:
    class More(Color):
        BLUE = 3
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"extend: {type(e).__name__}: {e}")
else:
    print(f"extend: ok {None!r}")


try:
    class C3(Enum):
        _secret_ = 1
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"_sunder_: {type(e).__name__}: {e}")
else:
    print(f"_sunder_: ok {None!r}")


try:
    class C4(Enum):
        mro = 1
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"member named mro: {type(e).__name__}: {e}")
else:
    print(f"member named mro: ok {None!r}")


try:
    class C5(Enum):
        A = auto()
        def _generate_next_value_(name, start, count, last_values):
            return 5
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"late _generate_next_value_: {type(e).__name__}: {e}")
else:
    print(f"late _generate_next_value_: ok {None!r}")


try:
    class C6(Enum):
        _order_ = "B A"
        A = 1
        B = 2
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"_order_ mismatch: {type(e).__name__}: {e}")
else:
    print(f"_order_ mismatch: ok {None!r}")


try:
    class C7(Enum):
        _order_ = "A B"
        A = 1
        B = 2
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"_order_ match: {type(e).__name__}: {e}")
else:
    print(f"_order_ match: ok {list(C7)!r}")


try:
    class C8(ReprEnum):
        A = 1
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"ReprEnum without data type: {type(e).__name__}: {e}")
else:
    print(f"ReprEnum without data type: ok {None!r}")


try:
    class C9(Enum, int):
        A = 1
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"mixin after Enum: {type(e).__name__}: {e}")
else:
    print(f"mixin after Enum: ok {None!r}")


try:
    class C10(IntEnum):
        A = "a"
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"IntEnum with str value: {type(e).__name__}: {e}")
else:
    print(f"IntEnum with str value: ok {None!r}")


try:
    class C11(StrEnum):
        A = 1
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"StrEnum with int value: {type(e).__name__}: {e}")
else:
    print(f"StrEnum with int value: ok {None!r}")


class BadMissing(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        return "not a member"


attempt("_missing_ returning junk", lambda: BadMissing(2))


class RaisingMissing(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        raise KeyError("nope")


attempt("_missing_ raising", lambda: RaisingMissing(2))
attempt("Color(5)", lambda: Color(5))
attempt("Color('RED')", lambda: Color("RED"))
attempt("Color['red']", lambda: Color["red"])
attempt("Color.PURPLE", lambda: Color.PURPLE)
attempt("Color()", lambda: Color())
attempt("reassign member", lambda: setattr(Color, "RED", 3))
attempt("delete member", lambda: delattr(Color, "GREEN"))
attempt("Color.RED.value", lambda: Color.RED.value)


class Perm(Flag):
    R = 4
    W = 2
    X = 1


attempt("Perm(8)", lambda: Perm(8))
attempt("Perm('r')", lambda: Perm("r"))
attempt("1 in Perm.R", lambda: 1 in Perm.R)
attempt("Perm.R | 1", lambda: Perm.R | 1)


class Conform(Flag, boundary=CONFORM):
    A = 1
    B = 2


class Eject(Flag, boundary=EJECT):
    A = 1
    B = 2


class Keep(Flag, boundary=KEEP):
    A = 1
    B = 2


print(repr(Conform(7)), Eject(7), type(Eject(7)).__name__, repr(Keep(7)), repr(Keep(4)), FlagBoundary.STRICT, repr(STRICT))


try:
    class F(Flag):
        A = 1
        C = 5
except (TypeError, ValueError, AttributeError, KeyError) as e:
    print(f"flag missing values: {type(e).__name__}: {e}")
else:
    print(f"flag missing values: ok {None!r}")


class C12(Enum):
    A = 1
    B = 1


class C13(Enum):
    A = 1
    B = 1


class C14(IntEnum):
    A = 1
    B = 2
    C = 5


class C15(Enum):
    A = 1
    B = 2


attempt("unique", lambda: unique(C12))
attempt("verify UNIQUE", lambda: verify(UNIQUE)(C13))
attempt("verify CONTINUOUS", lambda: verify(CONTINUOUS)(C14))
attempt("verify passes", lambda: list(verify(UNIQUE, CONTINUOUS)(C15)))
