# Checks: the two-thread countdown from Real Python's "What is the Python GIL?" (001): COUNT//2 per thread, results only.
from threading import Thread

COUNT = 1_000_000
results = [None, None]


def countdown(n, slot):
    steps = 0
    while n > 0:
        n -= 1
        steps += 1
    results[slot] = (n, steps)


t1 = Thread(target=countdown, args=(COUNT // 2, 0))
t2 = Thread(target=countdown, args=(COUNT // 2, 1))
t1.start()
t2.start()
t1.join()
t2.join()
print(results, results[0][1] + results[1][1] == COUNT)
