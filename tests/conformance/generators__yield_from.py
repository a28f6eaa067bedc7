# Checks: yield from: delegation to generators and iterables, return values, send/throw/close through the delegate, nested delegation.
def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner result"


def outer():
    r = yield from inner()
    print("outer got", r)
    yield from [10, 20]
    yield from range(2)
    yield from "ab"
    return "outer result"


g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(list(g))


def thrower():
    try:
        yield "a"
    except KeyError as e:
        print("inner caught", repr(e))
        yield "recovered"
    return "r"


def wrap():
    result = yield from thrower()
    print("wrap result", result)
    yield "after"


w = wrap()
print(next(w))
print(w.throw(KeyError("k")))
print(next(w))


def passes():
    yield 1
    yield 2


def wrap2():
    try:
        yield from passes()
    except ValueError as e:
        print("outer caught", repr(e))
        yield "outer handled"


w2 = wrap2()
next(w2)
print(w2.throw(ValueError("v")))


def cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("inner cleanup")


def wrap3():
    try:
        yield from cleanup()
    finally:
        print("outer cleanup")


w3 = wrap3()
next(w3)
w3.close()
print("closed")


class It:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration("custom done")
        return self.n


def from_custom():
    r = yield from It()
    print("custom returned", r)


print(list(from_custom()))


def deep(n):
    if n == 0:
        yield "leaf"
        return 0
    r = yield from deep(n - 1)
    return r + 1


d = deep(5)
print(list(d))


def depth(n):
    if n == 0:
        return 0
        yield
    return 1 + (yield from depth(n - 1))


try:
    next(depth(4))
except StopIteration as e:
    print("depth", e.value)


def tree(t):
    if isinstance(t, list):
        for sub in t:
            yield from tree(sub)
    else:
        yield t


print(list(tree([1, [2, [3, 4], 5], [[6]]])))


def send_through():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v


def relay():
    r = yield from send_through()
    yield "relay saw " + str(r)


rl = relay()
next(rl)
rl.send(3)
print(rl.send(4))
print(next(rl))
try:
    def bad():
        yield from 5
    next(bad())
except TypeError as e:
    print("TypeError:", e)
