# Checks: from __future__ import annotations: module and class annotations stored as CPython's unparsed strings (precedence, repr of constants, subscripts, calls); complex targets not evaluated.
from __future__ import annotations

a: Tree | None = None
b: Dict[str,  List[int]]
c: x[(k,)]
d: "quoted"
e: a ** -b
f: (-1) ** 2
g: not (p and q)
h: f(x for x in y)
i: Callable[[int, str], None]
j: Literal[1, -2, 3.5, 1e400, b"x", ...]
k: lambda x, *r, kw=1, **more: x
m: {1: 2, **d}
n: a if b else (c if d else e)
o: (a + b) * c - d / e
p: x[1:2, ::3]
q: f"{name!r:>{width}} {{lit}}"
r: typing.Optional[undefined.thing]
s: 1 .real
t: [v async for v in w if v]
u: a < b <= c is not d
v: {*()}

for key, value in __annotations__.items():
    print(key, repr(value))


class Node:
    value: int
    next: Node | None = None
    children: list[Node]


print(Node.__annotations__, Node.next)

obj = Node()
obj.attr: not_evaluated = 5
print(obj.attr)
