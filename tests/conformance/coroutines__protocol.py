# Checks: coroutines driven by hand (no event loop): await on coroutines and on objects with __await__, send/throw/close, return values, async with, async for, async comprehensions, and their errors.
class Suspend:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield self.tag
        return got


async def leaf(x):
    got = await Suspend(("leaf", x))
    return x * 10 + got


async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return [a, b]


def drive(coro, replies):
    sent = None
    trace = []
    try:
        while True:
            trace.append(coro.send(sent))
            sent = replies.pop(0)
    except StopIteration as e:
        return trace, e.value


print(drive(middle(), [5, 7]))
c = middle()
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_suspended)
c.send(None)
print(c.cr_suspended)
try:
    c.throw(ValueError("into the leaf"))
except ValueError as e:
    print("propagated", e)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


async def catches():
    try:
        await Suspend("waiting")
    except KeyError as e:
        return "caught " + repr(e)


c = catches()
c.send(None)
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print(e.value)


async def cleans():
    try:
        await Suspend("x")
    finally:
        print("cleanup ran")


c = cleans()
c.send(None)
c.close()
print("closed")

w = leaf(3).__await__()
print(type(w).__name__, next(w))
try:
    w.send(4)
except StopIteration as e:
    print("wrapper result", e.value)


class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("enter", self.name)
        await Suspend("entering")
        return self.name.upper()

    async def __aexit__(self, typ, exc, tb):
        print("exit", self.name, typ.__name__ if typ else None)
        return typ is KeyError


async def uses():
    async with Resource("a") as x, Resource("b") as y:
        print("inside", x, y)
    async with Resource("c"):
        raise KeyError("swallowed")
    try:
        async with Resource("d"):
            raise ValueError("kept")
    except ValueError as e:
        print("outside got", e)
    for i in range(3):
        async with Resource("loop"):
            if i == 1:
                break
    return "done"


print(drive(uses(), [None] * 10))


class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Suspend("tick")
        return self.i


async def loops():
    out = []
    async for t in Ticker(3):
        out.append(t)
    else:
        out.append("else")
    async for t in Ticker(5):
        if t == 2:
            continue
        if t == 4:
            break
        out.append(t * 100)
    squares = [t * t async for t in Ticker(4) if t % 2 == 0]
    pairs = {t: [u async for u in Ticker(t)] for t in range(3)}
    awaited = [await leaf(i) for i in range(2)]
    return out, squares, pairs, awaited


trace, result = drive(loops(), [0] * 40)
print(len(trace), result)


async def bad_await():
    await 5


for coro in [bad_await()]:
    try:
        coro.send(None)
    except TypeError as e:
        print("TypeError:", e)


class NotIter:
    def __await__(self):
        return 5


async def bad_await2():
    await NotIter()


try:
    bad_await2().send(None)
except TypeError as e:
    print("TypeError:", e)


async def bad_with():
    async with 5:
        pass


try:
    bad_with().send(None)
except TypeError as e:
    print("TypeError:", e)


async def bad_for():
    async for x in [1, 2]:
        pass


try:
    bad_for().send(None)
except TypeError as e:
    print("TypeError:", e)


async def twice(c):
    await c


inner = leaf(1)
outer1 = twice(inner)
outer1.send(None)
try:
    twice(inner).send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
outer1.close()
done = leaf(0)
try:
    done.send(None)
    done.send(1)
except StopIteration as e:
    print("first run", e.value)
try:
    done.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
fresh = leaf(0)
try:
    iter(fresh)
except TypeError as e:
    print("TypeError:", e)
fresh.close()
