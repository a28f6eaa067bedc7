# Checks: "Grok the GIL" (003): n += 1 protected by threading.Lock from 100 threads, then 8 threads x 5000, gives exact totals.
import threading

n = 0
lock = threading.Lock()


def foo():
    global n
    with lock:
        n += 1


threads = []
for i in range(100):
    t = threading.Thread(target=foo)
    threads.append(t)
for t in threads:
    t.start()
for t in threads:
    t.join()
print(n)


def many(times):
    global n
    for _ in range(times):
        with lock:
            n += 1


threads = [threading.Thread(target=many, args=(5000,)) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(n)
