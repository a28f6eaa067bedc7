# Checks: __call__, __add__ (and __radd__), __hash__ consistent with __eq__ (dict/set keys), __bool__.
class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, times=1):
        return x + self.n * times


add3 = Adder(3)
print(add3(10), add3(10, times=2), callable(add3))
print(list(map(add3, [1, 2, 3])))


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __hash__(self):
        return hash(self.cents)

    def __bool__(self):
        return self.cents != 0

    def __repr__(self):
        return "Money(%d)" % self.cents


print(Money(5) + Money(7), Money(5) + 1, 1 + Money(5))
print(sum([Money(1), Money(2), Money(3)]))
total = Money(0)
total += Money(10)
print(total)
try:
    Money(1) + "x"
except TypeError as e:
    print(type(e).__name__, e)
d = {Money(1): "one"}
print(d[Money(1)], Money(1) in d, Money(2) in d)
s = {Money(1), Money(1), Money(2)}
print(len(s))
print(hash(Money(5)) == hash(Money(5)))
print(bool(Money(0)), bool(Money(3)))
if not Money(0):
    print("zero money is falsy")
print([m for m in [Money(0), Money(4), Money(0)] if m])


class NoHash:
    def __eq__(self, other):
        return True


try:
    {NoHash()}
except TypeError as e:
    print(type(e).__name__, e)
