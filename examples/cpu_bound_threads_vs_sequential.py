# From: AlgoMaster, "Global Interpreter Lock (GIL)" (literature 002), the CPU-bound benchmark;
# and the Python wiki (literature 004): "two threads calling a function may take twice as
# much time as a single thread calling the function twice".
# Shows: a pure-Python CPU-bound function called 4 times sequentially vs. on 4 threads. Under
# a GIL the threaded run is no faster (often slower); without one it should scale with cores.
# Usage: cpu_bound_threads_vs_sequential.py [THREADS] [N]   (default 4 threads, N = 5,000,000)
import sys
import threading
import time

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 4
N = int(sys.argv[2]) if len(sys.argv) > 2 else 5_000_000


def cpu_task():
    total = 0
    for i in range(N):
        total += i * i
    return total


start = time.perf_counter()
for _ in range(THREADS):
    cpu_task()
sequential = time.perf_counter() - start

start = time.perf_counter()
threads = [threading.Thread(target=cpu_task) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
threaded = time.perf_counter() - start

print("sequential:", sequential, "seconds")
print("threaded:  ", threaded, "seconds")
print("ratio threaded/sequential:", threaded / sequential)
