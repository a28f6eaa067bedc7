# Checks: RLock re-entrant acquisition by the same thread, nested with, other thread cannot acquire while held.
import threading

rlock = threading.RLock()
print(rlock.acquire(), rlock.acquire(), rlock.acquire(blocking=False))
rlock.release()
rlock.release()
rlock.release()
try:
    rlock.release()
except RuntimeError as e:
    print(type(e).__name__, e)
log = []


def recursive(n):
    with rlock:
        log.append(n)
        if n > 0:
            recursive(n - 1)


recursive(3)
print(log)
got = []


def other():
    ok = rlock.acquire(blocking=False)
    got.append(ok)
    if ok:
        rlock.release()


with rlock:
    with rlock:
        t = threading.Thread(target=other)
        t.start()
        t.join()
t = threading.Thread(target=other)
t.start()
t.join()
print(got)
counter = 0


def bump(times):
    global counter
    for _ in range(times):
        with rlock:
            with rlock:
                counter += 1


threads = [threading.Thread(target=bump, args=(1000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
