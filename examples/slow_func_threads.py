# From: "The Python Global Interpreter Lock" (blog post, 2018; literature 000).
# Shows: really_really_slow_func() called 4 times in a loop, then on 4 threads. The article's
# snippet writes Thread(target=really_really_slow_func()) -- that *calls* the function in the
# main thread and gives the thread no target; this file runs the corrected
# Thread(target=really_really_slow_func) and times both versions.
# Usage: slow_func_threads.py [N]   (default N = 3,000,000 loop steps per call)
import sys
import threading
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 3_000_000


def really_really_slow_func():
    # Some code: a stand-in for "calculating a unique proof-of-work".
    h = 0
    for i in range(N):
        h = (h * 31 + i) % 1_000_003
    return h


start = time.perf_counter()
for _ in range(4):
    really_really_slow_func()
sequential = time.perf_counter() - start

start = time.perf_counter()
threads = []
for _ in range(4):
    t = threading.Thread(target=really_really_slow_func)
    threads.append(t)
    t.start()
for t in threads:
    t.join()
threaded = time.perf_counter() - start

print("sequential:", sequential, "seconds")
print("4 threads: ", threaded, "seconds")
