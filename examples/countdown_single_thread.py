# From: notes on Real Python's "What is the Python GIL?" (literature 001, single_threaded.py).
# Shows: a CPU-bound countdown run on one thread; the baseline for the two-thread and
# two-process versions (the article reports 6.6 s for COUNT = 100,000,000 on a Mac).
# Usage: countdown_single_thread.py [COUNT]   (default 100,000,000 as in the article)
import sys
import time

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000_000


def countdown(n):
    while n > 0:
        n -= 1


start = time.perf_counter()
countdown(COUNT)
end = time.perf_counter()

print("Time taken in seconds -", end - start)
