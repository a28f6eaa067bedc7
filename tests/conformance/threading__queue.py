# Checks: queue.Queue put/get FIFO, task_done/join, empty/qsize, get(timeout=...) raising queue.Empty, get_nowait, maxsize/put_nowait Full.
import queue
import threading

q = queue.Queue()
print(q.empty(), q.qsize())
for i in range(3):
    q.put(i)
print(q.empty(), q.qsize(), q.get(), q.get(), q.get())
try:
    q.get(timeout=0.01)
except queue.Empty as e:
    print("queue.Empty raised", type(e).__name__, repr(str(e)))
try:
    q.get_nowait()
except queue.Empty:
    print("get_nowait Empty")
small = queue.Queue(maxsize=1)
small.put("x")
print(small.full())
try:
    small.put_nowait("y")
except queue.Full:
    print("queue.Full raised")
work = queue.Queue()
results = []
lock = threading.Lock()


def worker():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            break
        with lock:
            results.append(item * 2)
        work.task_done()


threads = [threading.Thread(target=worker) for _ in range(3)]
for t in threads:
    t.start()
for i in range(20):
    work.put(i)
work.join()
print(sorted(results))
for _ in threads:
    work.put(None)
for t in threads:
    t.join()
print(work.empty(), len(results))
