# Checks: asyncio.run with gather, create_task, wait_for timeouts, a producer/consumer Queue, Lock, Event, to_thread, cancellation and wait.
import asyncio

async def worker(name, delay, out):
    await asyncio.sleep(delay)
    out.append(name)
    return name.upper()

async def main():
    out = []
    r = await asyncio.gather(worker("b", 0.02, out), worker("a", 0.01, out), worker("c", 0.0, out))
    print(r, out)
    t = asyncio.create_task(worker("t", 0.01, out))
    print(await t, t.done(), t.result())
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except asyncio.TimeoutError:
        print("timeout")
    q = asyncio.Queue()
    async def prod():
        for i in range(3):
            await q.put(i)
        await q.put(None)
    async def cons():
        got = []
        while True:
            x = await q.get()
            if x is None:
                return got
            got.append(x)
    _, got = await asyncio.gather(prod(), cons())
    print(got)
    lock = asyncio.Lock()
    async with lock:
        print("locked", lock.locked())
    ev = asyncio.Event()
    async def setter():
        await asyncio.sleep(0.01)
        ev.set()
    asyncio.create_task(setter())
    print(await ev.wait())
    print(await asyncio.to_thread(sum, [1, 2, 3]))
    t2 = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("cancelled", t2.cancelled())
    done, pending = await asyncio.wait([asyncio.create_task(worker("w", 0.01, out))])
    print(len(done), len(pending))
    return "main done"

print(asyncio.run(main()))
