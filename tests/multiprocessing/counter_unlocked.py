# examples/counter_unlocked.py ("Grok the GIL", 003) with the __main__ guard, which the shard
# backend needs, and each thread printing the counter it saw. On shard every thread runs in a
# worker process with its own copy of `n`: the threads print what their worker saw (a worker
# reused for a later thread keeps its copy), and the main thread's `n` stays 0, not a total.
# Usage: counter_unlocked.py [THREADS] [INCREMENTS_PER_THREAD]   (default 4 x 100000)
import sys
import threading

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 4
PER_THREAD = int(sys.argv[2]) if len(sys.argv) > 2 else 100000

n = 0


def foo(k):
    global n
    for _ in range(PER_THREAD):
        n += 1
    print("thread", k, "saw n =", n)


if __name__ == "__main__":
    threads = [threading.Thread(target=foo, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(n, "of", THREADS * PER_THREAD, "increments survived in the main thread")
