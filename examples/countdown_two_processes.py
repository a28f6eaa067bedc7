# From: notes on Real Python's "What is the Python GIL?" (literature 001, the multiprocessing Pool example).
# Shows: the countdown run as two apply_async jobs in a 2-process Pool; each process has its
# own interpreter (and GIL), so the halves run in parallel (article: 4.3 s).
# Note: the article's own code uses COUNT = 50,000,000 here (half of the thread examples).
# Usage: countdown_two_processes.py [COUNT]   (default 50,000,000 as in the article)
import sys
import time
from multiprocessing import Pool

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000_000


def countdown(n):
    while n > 0:
        n -= 1


if __name__ == "__main__":
    pool = Pool(processes=2)
    start = time.perf_counter()
    r1 = pool.apply_async(countdown, [COUNT // 2])
    r2 = pool.apply_async(countdown, [COUNT // 2])
    pool.close()
    pool.join()
    end = time.perf_counter()
    print("Time taken in seconds -", end - start)
