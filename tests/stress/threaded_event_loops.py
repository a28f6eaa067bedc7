# Four threads each run their own asyncio event loop at once (tasks, sleeps, queues, a
# to_thread call back into a fifth thread), and a coroutine made on the main thread is driven
# to completion on another. Every loop must finish with the right totals and nothing may leak.
import asyncio
import threading


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        if i % 10 == 0:
            await asyncio.sleep(0)
    await q.put(None)


async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            return total
        total += item


async def one_loop(k):
    q = asyncio.Queue(maxsize=5)
    _, total = await asyncio.gather(producer(q, 200), consumer(q))
    doubled = await asyncio.to_thread(lambda: total * 2)
    sleepers = await asyncio.gather(*(asyncio.sleep(0.001 * (i % 3), i) for i in range(20)))
    return total, doubled, sum(sleepers), k


results = []


def run_loop(k):
    results.append(asyncio.run(one_loop(k)))


async def handed(x):
    await asyncio.sleep(0)
    return x + 1


coro = handed(41)
moved = []


def drive():
    moved.append(asyncio.run(coro))


threads = [threading.Thread(target=run_loop, args=(k,)) for k in range(4)]
threads.append(threading.Thread(target=drive))
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results), moved)
