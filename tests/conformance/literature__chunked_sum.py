# Checks: "Grok the GIL" (003) parallel-sum idea with threads instead of fork+pipes: 10 chunks summed by 10 threads.
import threading

nums = [1 for _ in range(100000)]
chunk_size = len(nums) // 10
subtotals = []
threads = []


def add_chunk(index, chunk):
    subtotal = 0
    for i in chunk:  # Intentionally slow code.
        subtotal += i
    subtotals[index] = subtotal


index = 0
while nums:
    chunk, nums = nums[:chunk_size], nums[chunk_size:]
    subtotals.append(None)
    t = threading.Thread(target=add_chunk, args=(index, chunk))
    threads.append(t)
    t.start()
    index += 1
for t in threads:
    t.join()
for s in subtotals:
    print("subtotal %d" % s)
total = 0
for s in subtotals:
    total += s
print("Total: %d" % total)
