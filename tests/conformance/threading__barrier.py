# Checks: Barrier(n).wait() releases all parties together; each phase completes before the next; wait() indexes are 0..n-1.
import threading

N = 4
barrier = threading.Barrier(N)
lock = threading.Lock()
phase_log = []
indexes = []


def worker(i):
    for phase in range(3):
        with lock:
            phase_log.append(phase)
        idx = barrier.wait()
        with lock:
            indexes.append(idx)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(phase_log)
print(sorted(indexes))
print(barrier.parties, barrier.n_waiting, barrier.broken)
