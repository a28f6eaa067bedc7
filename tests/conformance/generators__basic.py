# Checks: generator functions: lazy start, yield, next(), for loops, list(), exhaustion, return values as StopIteration.value, attributes.
def count(n):
    print("start")
    i = 0
    while i < n:
        yield i
        i += 1
    print("end")
    return "done"


g = count(3)
print(type(g).__name__, g.__name__, g.__qualname__)
print("created")
print(next(g))
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", repr(e.value), e.args)
try:
    next(g)
except StopIteration as e:
    print("again", repr(e.value), e.args)

print(list(count(4)))
for x in count(2):
    print("for", x)
print(sum(count(5)), max(count(3)), sorted(count(3), reverse=True))
print(iter(g) is g, g.gi_running, g.gi_suspended)


def plain():
    return 1
    yield


p = plain()
try:
    next(p)
except StopIteration as e:
    print("plain", e.value)


def noret():
    yield 1


n = noret()
next(n)
try:
    next(n)
except StopIteration as e:
    print("no value", e.value, e.args)


class Box:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        for it in self.items:
            yield it * 2


print(list(Box([1, 2, 3])))
a, b, *rest = count(5)
print(a, b, rest)
print(dict(zip("abc", count(3))))
print(tuple(x for x in count(3)))


def nested():
    def inner():
        yield 1
    return inner


print(nested()().__qualname__)


def args(a, b=2, *c, d, **e):
    yield a, b, c, d, e


print(next(args(1, d=4)))
print(next(args(1, 3, 5, 6, d=4, z=9)))


def closure(k):
    def gen():
        for i in range(3):
            yield i * k
    return gen()


print(list(closure(10)))


def locals_survive():
    data = [1, 2]
    yield len(data)
    data.append(3)
    yield len(data)


print(list(locals_survive()))
