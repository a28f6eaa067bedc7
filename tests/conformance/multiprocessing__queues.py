# multiprocessing.Queue and JoinableQueue between processes: producers and consumers, every
# item once, Empty/Full with timeouts, task_done/join, values that cannot cross.
import multiprocessing as mp
import queue


def produce(q, start, n):
    for i in range(start, start + n):
        q.put(("item", i, [i] * (i % 3), {"k": i}))
    q.put(None)


def consume(q, out, n_producers):
    seen = 0
    total = 0
    while seen < n_producers:
        x = q.get(timeout=30)
        if x is None:
            seen += 1
            continue
        total += x[1]
    out.put(total)


def worker(jq, results):
    while True:
        x = jq.get()
        if x is None:
            jq.task_done()
            break
        results.put(x * x)
        jq.task_done()


if __name__ == "__main__":
    q = mp.Queue()
    out = mp.Queue()
    ps = [mp.Process(target=produce, args=(q, k * 1000, 500)) for k in range(2)]
    c = mp.Process(target=consume, args=(q, out, 2))
    for p in ps + [c]:
        p.start()
    print("total", out.get(timeout=30), sum(range(0, 500)) + sum(range(1000, 1500)))
    for p in ps + [c]:
        p.join()
    print([p.exitcode for p in ps + [c]])

    small = mp.Queue(maxsize=2)
    small.put(1)
    small.put_nowait("two")
    print(small.full(), small.qsize())
    try:
        small.put(3, timeout=0.05)
    except queue.Full:
        print("Full after timeout")
    try:
        small.put_nowait(3)
    except queue.Full:
        print("Full at once")
    print(small.get(), small.get_nowait())
    try:
        small.get(timeout=0.05)
    except queue.Empty:
        print("Empty after timeout")
    try:
        small.get(False)
    except queue.Empty:
        print("Empty at once")

    big = mp.Queue()
    payload = "x" * 600000
    big.put(payload)
    big.put([payload, 1])
    print(len(big.get()), len(big.get()[0]))

    jq = mp.JoinableQueue()
    results = mp.Queue()
    w = mp.Process(target=worker, args=(jq, results))
    w.start()
    for i in range(10):
        jq.put(i)
    jq.put(None)
    jq.join()
    print("joined", sorted(results.get() for _ in range(10)))
    w.join()
    try:
        jq.task_done()
    except ValueError as e:
        print("ValueError:", e)
    q.close()
    try:
        q.put(1)
    except ValueError as e:
        print("ValueError:", str(e).split(" <")[0])
