# From: A. Jesse Jiryu Davis, "Grok the GIL: How to write fast and thread-safe Python" (literature 003).
# Shows: the article's original parallel sum: fork 10 children, each sums a chunk and writes
# its subtotal through a pipe to the parent. POSIX only (os.fork); kept close to the article.
import os
import sys

nums = [1 for _ in range(1000000)]
chunk_size = len(nums) // 10
readers = []

while nums:
    chunk, nums = nums[:chunk_size], nums[chunk_size:]
    reader, writer = os.pipe()
    if os.fork():
        readers.append(reader)  # Parent.
    else:
        subtotal = 0
        for i in chunk:  # Intentionally slow code.
            subtotal += i

        print('subtotal %d' % subtotal)
        os.write(writer, str(subtotal).encode())
        sys.exit(0)

# Parent.
total = 0
for reader in readers:
    subtotal = int(os.read(reader, 1000).decode())
    total += subtotal

print("Total: %d" % total)
