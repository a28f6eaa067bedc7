# multiprocessing.Manager's synchronisation and queue proxies across processes: Lock held by
# another process, RLock, Semaphore and BoundedSemaphore, Event, Queue with Empty/Full and
# timeouts, JoinableQueue with task_done/join, Value; the errors CPython gives for each.
import multiprocessing as mp
import queue


def holder(lock, ev, started):
    lock.acquire()
    started.set()
    ev.wait()
    lock.release()


def producer(q, n):
    for i in range(n):
        q.put(i)
    q.put(None)


def worker(jq, results):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        results.append(item * 2)
        jq.task_done()


if __name__ == "__main__":
    mp.set_start_method("spawn")
    with mp.Manager() as m:
        lock, ev, started = m.Lock(), m.Event(), m.Event()
        p = mp.Process(target=holder, args=(lock, ev, started))
        p.start()
        print("started", started.wait(30))
        print("held elsewhere", lock.acquire(False), lock.acquire(timeout=0.05))
        ev.set()
        print("acquired after release", lock.acquire(timeout=30))
        lock.release()
        p.join()
        r = m.RLock()
        print("rlock", r.acquire(), r.acquire(), r.release(), r.release())
        try:
            r.release()
        except RuntimeError as e:
            print("RuntimeError", e)
        s = m.Semaphore(2)
        print("sem", s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.01))
        s.release(); s.release()
        b = m.BoundedSemaphore(1)
        try:
            b.release()
        except ValueError as e:
            print("ValueError", e)
        e2 = m.Event()
        print("event", e2.is_set(), e2.wait(0.01), e2.set(), e2.is_set(), e2.wait(), e2.clear(), e2.is_set())
        q = m.Queue()
        p = mp.Process(target=producer, args=(q, 5))
        p.start()
        got = []
        while True:
            item = q.get(timeout=30)
            if item is None:
                break
            got.append(item)
        p.join()
        print("queue", got, q.empty(), q.qsize())
        try:
            q.get(False)
        except queue.Empty:
            print("Empty")
        try:
            q.get(timeout=0.01)
        except queue.Empty:
            print("Empty after timeout")
        bq = m.Queue(1)
        bq.put(1)
        try:
            bq.put(2, timeout=0.01)
        except queue.Full:
            print("Full")
        print(bq.full(), bq.get_nowait())
        jq = m.JoinableQueue()
        results = m.list()
        ws = [mp.Process(target=worker, args=(jq, results)) for _ in range(2)]
        for w in ws:
            w.start()
        for i in range(10):
            jq.put(i)
        for w in ws:
            jq.put(None)
        jq.join()
        for w in ws:
            w.join()
        print("joinable", sorted(results))
        try:
            jq.task_done()
        except ValueError as e:
            print("ValueError", e)
        v = m.Value('i', 7)
        v.value += 1
        print("value", v.value, v.get(), str(v))
        ns = m.Namespace(a=1, b=[1, 2])
        ns.c = "x"
        del ns.a
        print(str(ns))
        try:
            m.dict()[0] = __import__("threading").Lock()
        except TypeError as e:
            print("TypeError on a value that cannot cross")
