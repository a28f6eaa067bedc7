# From: notes on Real Python's "What is the Python GIL?" (literature 001, multi_threaded.py).
# Shows: the same CPU-bound countdown split over two threads (COUNT // 2 each). Under a GIL
# this is no faster than one thread (article: 6.0 s vs 6.6 s); a GIL-free backend should
# approach half the single-thread time.
# Usage: countdown_two_threads.py [COUNT]   (default 100,000,000 as in the article)
import sys
import time
from threading import Thread

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000_000


def countdown(n):
    while n > 0:
        n -= 1


t1 = Thread(target=countdown, args=(COUNT // 2,))
t2 = Thread(target=countdown, args=(COUNT // 2,))

start = time.perf_counter()
t1.start()
t2.start()
t1.join()
t2.join()
end = time.perf_counter()

print("Time taken in seconds -", end - start)
