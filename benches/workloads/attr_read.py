# attr_read: N threads read three attributes of ONE shared instance (module-level, bound to a
# local before the loop) and add them up. Nothing writes the instance; every read takes a
# reference to a shared object, so a free-threaded runtime pays reference-count traffic on a
# contended cache line where a GIL serialises the threads instead.
# Usage: attr_read.py [ROUNDS] [THREADS]. Prints one JSON line: elapsed seconds of the work
# region, rounds done (three attribute reads each), and a correctness flag.
# On a process backend each worker imports this file and has its own copy of the instance.
import sys
import threading
import time


class Box:
    def __init__(self):
        self.width = 3
        self.height = 4
        self.depth = 5


BOX = Box()


def read(n):
    box = BOX
    total = 0
    for _ in range(n):
        total += box.width + box.height + box.depth
    return total


def run(n, out):
    out.append(read(n))


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    share = rounds // nthreads
    results = []
    threads = [threading.Thread(target=run, args=(share, results)) for _ in range(nthreads)]
    start = time.perf_counter()
    if nthreads == 1:
        results.append(read(share))
    else:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    elapsed = time.perf_counter() - start
    # On a process backend (threads run in worker processes) the results stay in the workers.
    ok = len(results) in (nthreads, 0 if nthreads > 1 else 1) and all(
        r == 12 * share for r in results)
    print('{"workload": "attr_read", "elapsed": %.6f, "ops": %d, "threads": %d, "correct": %s}'
          % (elapsed, share * nthreads, nthreads, "true" if ok else "false"))


if __name__ == "__main__":
    main()
