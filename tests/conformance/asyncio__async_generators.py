# Checks: async generators under asyncio: async for, async comprehensions and generator expressions, __anext__/asend/athrow/aclose, finalization of abandoned ones through the loop's asyncgen hooks, PEP 479's StopAsyncIteration rule, and the already-running error.
import asyncio


async def ticker(n, delay):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            got = yield i
            if got is not None:
                print("ticker got", got)
    finally:
        print("ticker finally")


async def main():
    out = [x async for x in ticker(3, 0)]
    print(out)
    async for x in ticker(5, 0):
        if x == 2:
            break
    g = ticker(3, 0)
    print(await g.__anext__(), await g.asend("hello"))
    try:
        await g.athrow(ValueError("boom"))
    except ValueError as e:
        print("athrow propagated", e)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")
    g2 = ticker(3, 0)
    await g2.__anext__()
    await g2.aclose()
    print(g2.ag_running, type(g2).__name__, g2.__name__)
    gen = (x * 2 async for x in ticker(3, 0))
    print([y async for y in gen])
    print(type(gen).__name__)

    async def stubborn():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    s = stubborn()
    await s.__anext__()
    try:
        await s.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)

    async def leak():
        yield 1
        raise StopAsyncIteration
    try:
        async for _ in leak():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)
    a = ticker(2, 0.01)
    n1 = a.__anext__()
    n2 = a.__anext__()
    t = asyncio.ensure_future(n1)
    await asyncio.sleep(0)
    try:
        await n2
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await t)
    await a.aclose()


asyncio.run(main())
