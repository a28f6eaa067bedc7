# Checks: multiple inheritance with C3 MRO, super() through the MRO, __mro__/__bases__/mro(), MRO errors.
class A:
    def who(self):
        return ["A"]
    def hello(self):
        return "A.hello"
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
    def hello(self):
        return "C.hello"
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print(D().who())
print(D().hello())
print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in D.mro()])
print(D.__bases__, D.__base__.__name__)
print(object.__bases__, A.__bases__)
print(issubclass(D, C), issubclass(C, B), isinstance(D(), A))

# The classic C3 example.
class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class Cc(Dd, F): pass
class Bb(Dd, E): pass
class Aa(Bb, Cc, E): pass
print([k.__name__ for k in Aa.__mro__])

for bases in [(A, B), (B, B)]:
    try:
        type("X", bases, {})
    except TypeError as e:
        print("TypeError:", e)
try:
    class Bad(A, D): pass
except TypeError as e:
    print("TypeError:", e)

# super() with explicit arguments and in a classmethod.
class P:
    @classmethod
    def make(cls):
        return "P.make for " + cls.__name__
class Q(P):
    @classmethod
    def make(cls):
        return "Q+" + super().make()
class R(Q):
    pass
print(R.make())
print(super(B, D()).who())

# Mixins with __init__ cooperation.
class Base:
    def __init__(self, **kw):
        self.log = ["Base"]
class M1(Base):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.log.append("M1")
class M2(Base):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.log.append("M2")
class Both(M1, M2):
    def __init__(self):
        super().__init__(x=1)
        self.log.append("Both")
print(Both().log)
class Attr1:
    x = 1
class Attr2:
    x = 2
    y = 3
class Attr3(Attr1, Attr2):
    pass
print(Attr3.x, Attr3.y, Attr3().x)
