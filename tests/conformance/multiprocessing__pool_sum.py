# Checks: "Grok the GIL" (003) chunked parallel sum (fork + pipes in the article) written with
# multiprocessing.Pool.map, on every backend: 10 chunks summed in worker processes.
from multiprocessing import Pool


def subtotal(chunk):
    total = 0
    for i in chunk:  # Intentionally slow code.
        total += i
    return total


if __name__ == "__main__":
    nums = [1 for _ in range(100000)]
    chunk_size = len(nums) // 10
    chunks = [nums[i:i + chunk_size] for i in range(0, len(nums), chunk_size)]
    with Pool(processes=4) as pool:
        subtotals = pool.map(subtotal, chunks)
    for s in subtotals:
        print("subtotal %d" % s)
    print("Total: %d" % sum(subtotals))
