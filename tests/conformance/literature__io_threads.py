# Checks: AlgoMaster (002) I/O-bound demo: 4 threads each sleep 0.01 s; every thread finishes; results gathered in order.
import threading
import time

results = [None] * 4


def io_task(i):
    time.sleep(0.01)
    results[i] = "task %d done" % i


start = time.perf_counter()
threads = [threading.Thread(target=io_task, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print(results)
print(elapsed >= 0.009)
