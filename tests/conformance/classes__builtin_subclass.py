# Checks: subclassing list, dict, int, float, str, tuple, set; their methods, operators, __missing__, __new__/__init__.
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), s[0], s[1:], 2 in s, type(s).__name__, isinstance(s, list))
s += [4]
print(s, type(s).__name__)
print(s + [5], type(s + [5]).__name__, s * 2, sorted(s, reverse=True), list(reversed(s)))
s[0] = 10
del s[1]
print(s, s == [10, 3, 4], s != [1], s < [11], bool(Stack()), list(s), [x * 2 for x in s])
s.sort(reverse=True)
print(s, s.index(4), s.count(3), s.pop(), s)
class Sized(list):
    def __len__(self):
        return 99
    def __getitem__(self, i):
        return "item%d" % i
z = Sized([1])
print(len(z), z[5], list.__len__(z), list.__getitem__(z, 0))

class Default(dict):
    def __missing__(self, key):
        v = self[key] = key * 2
        return v
d = Default(a=1)
print(d["a"], d["bc"], d, len(d), "bc" in d, sorted(d), d.get("zz"), type(d).__name__)
class Logged(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
l = Logged()
l["x"] = 1
dict.__setitem__(l, "y", 2)
print(l, l == {"x": 1, "y": 2}, dict(l), {**l})
try:
    hash(l)
except TypeError as e:
    print("TypeError:", e)
class Plain(dict):
    pass
try:
    Plain()["nope"]
except KeyError as e:
    print("KeyError:", e)

class Money(int):
    def __repr__(self):
        return "Money(%d)" % int(self)
    def cents(self):
        return self * 100
m = Money(7)
print(m, repr(m), str(m), m.cents(), m + 1, 1 + m, -m, abs(Money(-3)), m * 2, m // 2, m % 4, 2 ** m)
print(m == 7, m < 8, hash(m) == hash(7), [0, 1, 2, 3, 4, 5, 6, 7][m], f"{m:04d}", "%d" % m, int(m), float(m), bool(Money(0)))
print({m: "x"}[7], isinstance(m, int), type(m).__name__, m.bit_length(), range(m)[-1])
class Temp(float):
    pass
t = Temp(1.5)
print(t, t + 1, t * 2, round(Temp(2.567), 2), t > 1, type(t).__name__)
class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("hey")
print(n, repr(n), n.shout(), n + "!", len(n), n[0], n == "hey", {n: 1}["hey"], "%s/%s" % (n, n), n.split("e"), f"<{n}>", "-".join([n, n]))
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
p = Pair(1, 2)
a, b = p
print(p, p.first, a, b, len(p), p == (1, 2), p + (3,), hash(p) == hash((1, 2)), type(p).__name__)
class Tags(set):
    pass
tg = Tags([3, 1])
tg.add(2)
tg |= {5}
print(sorted(tg), len(tg), 3 in tg, type(tg).__name__, sorted(tg & {1, 5, 9}), sorted(tg - {1}))

class WithInit(list):
    def __init__(self, n):
        super().__init__(range(n))
        self.n = n
w = WithInit(3)
print(w, w.n)
class Fancy(int):
    def __new__(cls, value, label):
        obj = super().__new__(cls, value)
        obj.label = label
        return obj
f = Fancy(5, "five")
print(f, f.label, f + 1)
try:
    class Bad(int, str): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class NoBool(bool): pass
except TypeError as e:
    print("TypeError:", e)
try:
    object.__new__(Stack)
except TypeError as e:
    print("TypeError:", e)
# frozenset subclass
class FS(frozenset):
    def tag(self): return "fs%d" % len(self)
f = FS([1, 2, 2])
print(sorted(f), f.tag(), len(f), 1 in f, f == frozenset({1, 2}), hash(f) == hash(frozenset({1, 2})), type(f).__name__, sorted(f | {3}), {f: 1}[frozenset({1,2})])
print(frozenset({1,2}) in {frozenset({1,2})}, {1,2} in {frozenset({1,2})}, frozenset())
