# Checks: subclasses of random.Random: one overriding random() draws integers from random() alone, one overriding getrandbits() draws through it (chosen by __init_subclass__), a plain subclass and one extending __init__ keep the MT19937 core's sequences; __reduce__.
import random
class MyRandom(random.Random):
    def random(self):
        return 0.5
class Bits(random.Random):
    def getrandbits(self, k):
        return 1 if k < 3 else 3
class Plain(random.Random):
    pass
m = MyRandom(1)
print(m.randrange(10), m.choice("abcd"), m.uniform(0, 4))
b = Bits(1)
print(b.randrange(3), b.randrange(100))
p = Plain(7)
print(p.randrange(1000), p.random(), random.Random(7).randrange(1000))
print(MyRandom._randbelow is MyRandom._randbelow_without_getrandbits, Bits._randbelow is Bits._randbelow_with_getrandbits)
class Sub(random.Random):
    def __init__(self, x):
        super().__init__(x)
        self.extra = 1
s = Sub(3); print(s.random(), s.extra, random.Random(3).random())
r = random.Random(5); print(r.__reduce__()[0].__name__, len(r.__reduce__()[2][1]))
