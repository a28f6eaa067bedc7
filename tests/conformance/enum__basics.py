# Checks: enum: Enum, IntEnum, StrEnum, Flag, IntFlag members (repr/str/format as 3.11), aliases, lookups by value and name, iteration, __members__, auto and _generate_next_value_, custom __new__/__init__ members, _missing_, member/nonmember, _ignore_, unique, the functional API, flag combination, inversion and boundaries.
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, member, nonmember
import enum


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return f"{self.name}={self.value}"

    @property
    def lower(self):
        return self.name.lower()

    @classmethod
    def default(cls):
        return cls.GREEN


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, type(Color.RED))
print(list(Color), len(Color), Color["BLUE"], Color(2), Color(Color.RED))
print(Color.CRIMSON is Color.RED, Color.CRIMSON, Color.__members__)
print(Color.RED in Color, Color.RED.describe(), Color.BLUE.lower, Color.default())
print(f"{Color.RED}", format(Color.RED, ">12"), str(Color.GREEN), "%s" % Color.BLUE)
print(repr(Color), Color.__name__, isinstance(Color.RED, Color), issubclass(Color, Enum))
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.GREEN, hash(Color.RED) == hash("RED"))
print({Color.RED: "r"}[Color.CRIMSON], sorted(Color, key=lambda c: c.value)[0], list(reversed(Color)))
print(Color.RED.__class__.__name__, type(Color).__name__, enum.EnumMeta is enum.EnumType)
for bad in (4, "RED"):
    try:
        Color(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError:", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del Color.RED
except AttributeError as e:
    print("AttributeError:", e)
try:
    Color.RED.value = 5
except AttributeError as e:
    print("AttributeError:", e)


class Num(IntEnum):
    ONE = 1
    TWO = 2
    THREE = auto()


print(Num.ONE, repr(Num.TWO), Num.THREE + 1, Num.ONE < Num.TWO, Num.TWO == 2, Num(3), int(Num.TWO))
print(f"{Num.ONE:03d}", str(Num.TWO), sorted([Num.THREE, Num.ONE]), {1: "a"}[Num.ONE], isinstance(Num.ONE, int))
print(Num.TWO * 3, list(Num), Num.__members__)


class Shape(StrEnum):
    CIRCLE = auto()
    SQUARE = "sq"


print(Shape.CIRCLE, repr(Shape.CIRCLE), Shape.SQUARE.upper(), Shape("circle"), Shape.CIRCLE == "circle", f"{Shape.SQUARE}")


class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()


print(list(Auto), [m.value for m in Auto])


class Lowered(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)
    X = auto()
    Y = auto()


print(list(Lowered), Lowered.Y.value)


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7


print(Perm.R | Perm.W, repr(Perm.R | Perm.W), repr(Perm(0)), str(Perm(0)), repr(~Perm.R))
print(list(Perm), list(Perm.R | Perm.X), Perm.RWX, repr(Perm(7)), len(Perm.R | Perm.W), bool(Perm(0)))
print(Perm.R in (Perm.R | Perm.W), Perm.X in Perm.R, Perm.R & Perm.W, (Perm.R | Perm.W) & Perm.W, Perm.R ^ Perm.RWX)
try:
    Perm(8)
except ValueError as e:
    print("ValueError:", e)


class Bits(IntFlag):
    A = auto()
    B = auto()
    C = auto()
    AB = A | B


print(repr(Bits.A | Bits.B), Bits.A | Bits.B, repr(Bits.A | 8), Bits.A | 8, repr(~Bits.A), repr(Bits(0)), repr(Bits(9)))
print(Bits.AB, repr(Bits.AB), list(Bits), Bits.A + 1, isinstance(Bits.A | Bits.C, Bits), Bits.__members__)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.gravity, 2), Planet((3.303e+23, 2.4397e6)))


class Coord(bytes, Enum):
    def __new__(cls, value, label):
        obj = bytes.__new__(cls, [value])
        obj._value_ = value
        obj.label = label
        return obj
    PX = (0, "P.X")
    PY = (1, "P.Y")


print(Coord.PY, Coord.PY.label, Coord(1), Coord.PX.value)


class Missing(Enum):
    A = "a"
    B = "b"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls.__members__.get(value.upper())
        return None


print(Missing("a"), Missing("B"))
try:
    Missing(3)
except ValueError as e:
    print("ValueError:", e)


class WithMembers(Enum):
    a = 1
    helper = nonmember(lambda: 0)
    f = member(len)


print(list(WithMembers), WithMembers.helper(), WithMembers.f.value is len)


class Ignored(Enum):
    _ignore_ = "tmp"
    tmp = 3
    A = 1


print(list(Ignored), hasattr(Ignored, "tmp"))
class Dup(Enum):
    A = 1
    B = 1
    C = 2
    D = 2


try:
    unique(Dup)
except ValueError as e:
    print("ValueError:", e)
print(unique(Num) is Num)

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, repr(Animal))
Pet = Enum("Pet", [("DOG", 5), ("FISH", 7)])
print(list(Pet), Pet(7))
Size = IntEnum("Size", ["S", "M"], start=10)
print(list(Size), Size.M + 0)
Word = StrEnum("Word", "ALPHA BETA")
print(list(Word))
