# Checks: Event set/clear/is_set/wait (with and without timeout); workers released together by one set().
import threading

ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
ev.set()
print(ev.is_set(), ev.wait(), ev.wait(0.01))
ev.clear()
print(ev.is_set())
start = threading.Event()
ready = []
finished = []
lock = threading.Lock()
arrived = threading.Semaphore(0)


def worker(i):
    with lock:
        ready.append(i)
    arrived.release()
    start.wait()
    with lock:
        finished.append(i * 10)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for _ in threads:
    arrived.acquire()
print("finished before set:", finished)
start.set()
for t in threads:
    t.join()
print(sorted(ready), sorted(finished))
