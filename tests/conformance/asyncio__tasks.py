# Checks: asyncio task semantics: ordering of ready callbacks, gather with exceptions and return_exceptions, cancellation inside awaits and finally blocks, wait() modes, Semaphore and BoundedSemaphore, Queue.join/task_done, and the errors of run() and get_running_loop().
import asyncio

log = []


async def step(name, n):
    for i in range(n):
        log.append(name + str(i))
        await asyncio.sleep(0)
    return name


async def fails(delay, exc):
    await asyncio.sleep(delay)
    raise exc


async def guarded():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log.append("cancel seen")
        raise
    finally:
        log.append("finally ran")


async def main():
    print(await asyncio.gather(step("a", 3), step("b", 2)))
    print(log)
    log.clear()
    try:
        await asyncio.gather(fails(0.01, ValueError("boom")), step("c", 1))
    except ValueError as e:
        print("gather raised", e)
    print(await asyncio.gather(fails(0, KeyError("k")), asyncio.sleep(0, "ok"), return_exceptions=True))
    t = asyncio.create_task(guarded(), name="guard")
    await asyncio.sleep(0.01)
    print(t.get_name(), t.done(), t.cancel(), t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting it raised CancelledError", t.cancelled())
    print(log)
    quick = asyncio.create_task(asyncio.sleep(0.01, "quick"))
    slow = asyncio.create_task(asyncio.sleep(1, "slow"))
    done, pending = await asyncio.wait({quick, slow}, return_when=asyncio.FIRST_COMPLETED)
    print([d.result() for d in done], len(pending))
    slow.cancel()
    done, pending = await asyncio.wait({asyncio.create_task(asyncio.sleep(1))}, timeout=0.01)
    print(len(done), len(pending))
    for p in pending:
        p.cancel()
    sem = asyncio.Semaphore(2)
    active = []
    peak = [0]

    async def limited(i):
        async with sem:
            active.append(i)
            peak[0] = max(peak[0], len(active))
            await asyncio.sleep(0.005)
            active.remove(i)

    await asyncio.gather(*(limited(i) for i in range(6)))
    print("peak", peak[0])
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    q = asyncio.Queue(maxsize=2)
    results = []

    async def worker():
        while True:
            item = await q.get()
            results.append(item * 2)
            q.task_done()

    workers = [asyncio.create_task(worker()) for _ in range(2)]
    for i in range(5):
        await q.put(i)
    await q.join()
    for w in workers:
        w.cancel()
    print(sorted(results), q.empty(), q.qsize())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    inner = asyncio.sleep(0)
    try:
        asyncio.run(inner)
    except RuntimeError as e:
        print("RuntimeError:", e)
    inner.close()
    print(asyncio.current_task().get_name().startswith("Task-"))
    return asyncio.current_task() in asyncio.all_tasks()


print(asyncio.run(main()))
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.run(5)
except ValueError as e:
    print("ValueError:", e)
