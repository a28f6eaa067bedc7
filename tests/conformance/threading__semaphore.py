# Checks: Semaphore(n) limits concurrency (max observed <= n), acquire(blocking=False) on exhausted semaphore, BoundedSemaphore over-release.
import threading
import time

sem = threading.Semaphore(2)
lock = threading.Lock()
active = 0
peak = 0
done = []


def task(i):
    global active, peak
    with sem:
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.005)
        with lock:
            active -= 1
            done.append(i)


threads = [threading.Thread(target=task, args=(i,)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(done), peak <= 2, active)
s = threading.Semaphore(1)
print(s.acquire(), s.acquire(blocking=False), s.acquire(timeout=0.01))
s.release()
print(s.acquire(blocking=False))
b = threading.BoundedSemaphore(1)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print(type(e).__name__, e)
