# Checks: the countdown loop from Real Python's "What is the Python GIL?" (notes, 001), run single-threaded for 1_000_000 steps.
COUNT = 1_000_000


def countdown(n):
    while n > 0:
        n -= 1
    return n


print(countdown(COUNT))
steps = 0
n = COUNT // 10
while n > 0:
    n -= 1
    steps += 1
print(steps, n)
