# Checks: calls with positional arguments only, the missing ones filled from the defaults (the
# eval loop's and the call binder's fast path), against CPython: which default each parameter
# gets, a mutable default shared between calls, methods, __init__, generators, closures,
# recursion, and the errors for too few and too many arguments.


def f(a, b=2, c=[]):
    c.append(a)
    return a, b, len(c)


print(f(1), f(1, 5), f(1, 5, [9]), f(3))


class P:
    def __init__(self, x, y=0.5, tag="p"):
        self.x, self.y, self.tag = x, y, tag

    def scaled(self, k=2, off=0):
        return self.x * k + off, self.y * k + off


p = P(4)
print(p.x, p.y, p.tag, P(1, 2).tag, p.scaled(), p.scaled(3), p.scaled(3, 1))


def gen(n, step=1):
    i = 0
    while i < n:
        yield i
        i += step


print(list(gen(5)), list(gen(5, 2)))


def outer(k):
    def inner(v, w=k):
        return v + w + k

    return inner


print(outer(10)(1), outer(10)(1, 2))


def depth(n, acc=0):
    return acc if n == 0 else depth(n - 1, acc + n)


print(depth(100))

for bad in [lambda: f(), lambda: f(1, 2, 3, 4), lambda: p.scaled(1, 2, 3), lambda: P()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
