# counter: N threads increment one global, first under a lock, then without one. The locked
# phase must count exactly; the unlocked phase shows whether `counter += 1` (a load, an add and
# a store: several bytecodes) loses updates when threads interleave between them.
# Usage: counter.py [INCREMENTS] [THREADS]. Prints one JSON line: elapsed seconds of both
# phases, increments done, each phase's time, the updates lost without the lock, and a
# correctness flag (the locked count is exact).
import sys
import threading
import time

locked_total = 0
racy_total = 0


def add_locked(lock, k):
    global locked_total
    for _ in range(k):
        with lock:
            locked_total += 1


def add_racy(k):
    global racy_total
    for _ in range(k):
        racy_total += 1


def run_threads(nthreads, target, args):
    threads = [threading.Thread(target=target, args=args) for _ in range(nthreads)]
    start = time.perf_counter()
    if nthreads == 1:
        target(*args)
    else:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    return time.perf_counter() - start


def main():
    increments = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    k = max(1, increments // nthreads)
    lock = threading.Lock()
    locked_s = run_threads(nthreads, add_locked, (lock, k))
    racy_s = run_threads(nthreads, add_racy, (k,))
    expected = k * nthreads
    lost = expected - racy_total
    ok = locked_total == expected and 0 <= lost < expected
    print('{"workload": "counter", "elapsed": %.6f, "ops": %d, "threads": %d, "locked_s": %.6f, '
          '"unlocked_s": %.6f, "lost_updates": %d, "correct": %s}'
          % (locked_s + racy_s, 2 * expected, nthreads, locked_s, racy_s, lost,
             "true" if ok else "false"))


if __name__ == "__main__":
    main()
