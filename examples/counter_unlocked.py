# From: A. Jesse Jiryu Davis, "Grok the GIL: How to write fast and thread-safe Python" (literature 003).
# Shows: `n += 1` is several bytecodes (load, add, store), so threads can interleave between
# the load and the store and lose updates. The article's 100 threads x 1 increment usually
# prints 100; with more increments per thread lost updates can become visible. The result is
# NOT deterministic: that is the point of this example. (CPython 3.10+ only switches threads
# at a few points such as backward jumps and calls, so on CPython the loss is rare even with
# `8 200000`; backends without a GIL -- per-object locks, atomic or biased refcounts -- are
# where lost updates are expected to show.)
# Usage: counter_unlocked.py [THREADS] [INCREMENTS_PER_THREAD]   (default 100 x 1, as in the article)
import sys
import threading

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 100
PER_THREAD = int(sys.argv[2]) if len(sys.argv) > 2 else 1

n = 0


def foo():
    global n
    for _ in range(PER_THREAD):
        n += 1


threads = []
for i in range(THREADS):
    t = threading.Thread(target=foo)
    threads.append(t)

for t in threads:
    t.start()

for t in threads:
    t.join()

print(n, "of", THREADS * PER_THREAD, "increments survived")
