# From: A. Jesse Jiryu Davis, "Grok the GIL" (literature 003, the parallel sum), written with
# multiprocessing.Pool.map as the Real Python notes (001) and AlgoMaster (002) recommend.
# Shows: CPU-bound work split into chunks and summed in separate processes, each with its own
# interpreter, so the chunks run in parallel. The __main__ guard is required for process
# start methods that re-import this file (spawn).
# Usage: parallel_sum_pool.py [N] [PROCESSES]   (default N = 1,000,000 ones, 10 processes)
import sys
import time
from multiprocessing import Pool

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
PROCESSES = int(sys.argv[2]) if len(sys.argv) > 2 else 10


def subtotal(chunk):
    total = 0
    for i in chunk:  # Intentionally slow code.
        total += i
    return total


if __name__ == "__main__":
    nums = [1 for _ in range(N)]
    chunk_size = len(nums) // PROCESSES
    chunks = [nums[i:i + chunk_size] for i in range(0, len(nums), chunk_size)]
    start = time.perf_counter()
    with Pool(processes=PROCESSES) as pool:
        subtotals = pool.map(subtotal, chunks)
    elapsed = time.perf_counter() - start
    for s in subtotals:
        print("subtotal %d" % s)
    print("Total: %d" % sum(subtotals))
    print("Time taken in seconds -", elapsed)
