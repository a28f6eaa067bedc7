# Checks: __iter__/__next__ iterator protocol with for, list(), sum(), iter()/next(), StopIteration, exhaustion.
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


for n in Countdown(3):
    print("tick", n)
print(list(Countdown(5)))
print(sum(Countdown(4)))
it = Countdown(2)
print(iter(it) is it)
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e.args))
print(list(it))


class Range2:
    def __init__(self, lo, hi):
        self.lo = lo
        self.hi = hi

    def __iter__(self):
        return Range2Iter(self.lo, self.hi)


class Range2Iter:
    def __init__(self, lo, hi):
        self.i = lo
        self.hi = hi

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.hi:
            raise StopIteration
        v = self.i
        self.i += 1
        return v


r = Range2(1, 4)
print(list(r), list(r))
print([a * b for a in r for b in r])
print(sorted(Range2(0, 5), reverse=True), max(r), 2 in r, 7 in r)
x, y, z = Range2(7, 10)
print(x, y, z)
print(dict(zip(Range2(0, 3), "abc")))
