# From: AlgoMaster, "Global Interpreter Lock (GIL)" (literature 002), the I/O-bound benchmark;
# also the Python wiki's point (literature 004) that blocking calls happen outside the GIL.
# Shows: time.sleep releases the GIL, so 4 threads that each sleep 1 s finish in about 1 s
# total instead of 4 s ("near-perfect speedup for I/O-bound work").
# Usage: threaded_sleepers.py [THREADS] [SECONDS]   (default 4 threads, 1 s each)
import sys
import threading
import time

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 4
SECONDS = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0


def io_task():
    time.sleep(SECONDS)


start = time.perf_counter()
for _ in range(THREADS):
    io_task()
sequential = time.perf_counter() - start

start = time.perf_counter()
threads = [threading.Thread(target=io_task) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
threaded = time.perf_counter() - start

print("sequential:", sequential, "seconds")
print("threaded:  ", threaded, "seconds")
print("speedup:   ", sequential / threaded)
