# Checks: pprint lays out a dataclass whose __repr__ is the generated one field by field (name=value, nested values indented under their field, fields with repr=False left out, a field referring back to its object shown as ...), and leaves dataclasses with their own __repr__ or repr=False, and dataclass classes themselves, to repr().
import pprint
from dataclasses import dataclass, field


@dataclass
class Point:
    x: int
    y: int


@dataclass
class Shape:
    name: str
    points: list = field(default_factory=list)
    secret: str = field(default="hidden", repr=False)
    parent: object = None


@dataclass
class Custom:
    value: list

    def __repr__(self):
        return "Custom(<" + str(len(self.value)) + " values>)"


@dataclass(repr=False)
class NoRepr:
    value: int


shape = Shape("polygon with a fairly long name", [Point(i, i * i) for i in range(8)])
print(pprint.pformat(shape))
print(pprint.pformat(shape, width=40, indent=2))
print(pprint.pformat(Point(1, 2)), pprint.pformat([Point(1, 2)] * 2, width=20))
child = Shape("child", [Point(0, 0)])
child.parent = child
print(pprint.pformat(child, width=30))
child.parent = None
print(pprint.pformat(Custom(list(range(50)))), pprint.pformat(Shape, width=10))
print(pprint.pformat({"shape": Shape("s" * 40, [Point(1, 1)] * 3)}, width=50))
print(pprint.pformat([NoRepr(1)], width=5).startswith("[<"), pprint.saferepr(Point(3, 4)))
