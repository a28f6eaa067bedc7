# From: A. Jesse Jiryu Davis, "Grok the GIL: How to write fast and thread-safe Python" (literature 003).
# Shows: the fix for lost updates: hold a threading.Lock around the read-modify-write of the
# shared counter. The total is always exact, whatever the backend.
# Usage: counter_locked.py [THREADS] [INCREMENTS_PER_THREAD]   (default 100 x 1, as in the article)
import sys
import threading

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 100
PER_THREAD = int(sys.argv[2]) if len(sys.argv) > 2 else 1

n = 0
lock = threading.Lock()


def foo():
    global n
    for _ in range(PER_THREAD):
        with lock:
            n += 1


threads = []
for i in range(THREADS):
    t = threading.Thread(target=foo)
    threads.append(t)

for t in threads:
    t.start()

for t in threads:
    t.join()

print(n)
