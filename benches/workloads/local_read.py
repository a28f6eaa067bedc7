# local_read: each of N threads reads an attribute of an object of its own in a loop. It stands
# in for ftscalingbench's threading.local read: this VM has no `threading.local` yet, so each
# thread makes its own instance (thread-local state, made by the thread that uses it) and keeps
# it in a module-level table under its thread number, then reads it through the table: the
# shared part is the table lookup, the object read is private. Compare with attr_read, where
# the object itself is shared.
# Usage: local_read.py [READS] [THREADS]. Prints one JSON line: elapsed seconds of the work
# region, reads done, and a correctness flag (each thread read only its own object).
import sys
import threading
import time


class Slot:
    def __init__(self, owner):
        self.owner = owner
        self.step = owner + 1


# Per-thread state, by thread number; each thread fills its own entry.
SLOTS = {}


def read_own(index, n):
    SLOTS[index] = Slot(index)
    slots = SLOTS
    total = 0
    for _ in range(n):
        total += slots[index].step
    return total


def run(index, n, out):
    out.append((index, read_own(index, n)))


def main():
    reads = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    share = reads // nthreads
    results = []
    threads = [threading.Thread(target=run, args=(i, share, results)) for i in range(nthreads)]
    start = time.perf_counter()
    if nthreads == 1:
        run(0, share, results)
    else:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    elapsed = time.perf_counter() - start
    # On a process backend (threads run in worker processes) the results stay in the workers.
    ok = len(results) in (nthreads, 0 if nthreads > 1 else 1) and all(
        total == share * (index + 1) for index, total in results)
    print('{"workload": "local_read", "elapsed": %.6f, "ops": %d, "threads": %d, "correct": %s}'
          % (elapsed, share * nthreads, nthreads, "true" if ok else "false"))


if __name__ == "__main__":
    main()
