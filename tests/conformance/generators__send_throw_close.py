# Checks: generator send/throw/close: sent values, throwing classes and instances, handlers inside the generator, GeneratorExit, finally blocks, error messages.
def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
            print("got", v)
    finally:
        print("finally", received)


g = echo()
print(g.send(None))
print(g.send("a"))
print(g.send("b"))
print(g.close())
print(g.close())
try:
    next(g)
except StopIteration:
    print("closed gen is exhausted")

g = echo()
try:
    g.send(1)
except TypeError as e:
    print("TypeError:", e)


def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", repr(e))
            yield "handled"


c = catcher()
next(c)
print(c.throw(ValueError("x")))
print(next(c))
print(c.throw(ValueError))
next(c)
print(c.throw(ValueError, "y"))
next(c)
print(c.throw(ValueError, ValueError("z")))
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
try:
    next(c)
except StopIteration:
    print("dead after propagation")


def fresh():
    print("never runs")
    yield 1


f = fresh()
try:
    f.throw(IndexError("early"))
except IndexError as e:
    print("thrown before start:", e)
print(list(f))


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("ignoring exit")
    yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(s.gi_suspended)
s.close()
print("second close", s.gi_suspended)


def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        print("exit seen")
        return 5


r = returns_on_exit()
next(r)
print(r.close())


def raises_on_exit():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("from close")


x = raises_on_exit()
next(x)
try:
    x.close()
except ValueError as e:
    print("close raised", e)

for bad in [1, "s", None]:
    try:
        catcher().throw(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    catcher().throw(ValueError("a"), 1)
except TypeError as e:
    print("TypeError:", e)


def self_next():
    yield next(me)


me = self_next()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


def counter():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


acc = counter()
next(acc)
for i in range(5):
    acc.send(i)
try:
    next(acc)
except StopIteration as e:
    print("total", e.value)
