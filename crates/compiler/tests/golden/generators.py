def gen(n):
    x = yield n
    yield from range(x)
    return x


async def coro(a, lock):
    async with lock:
        await a
    async for item in a:
        yield item
