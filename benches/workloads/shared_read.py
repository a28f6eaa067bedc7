# shared_read: N threads iterate over one shared list of objects (one-element lists) and read
# the value inside each.
# Every element fetched is a reference taken and dropped on an object all threads share, so a
# free-threaded runtime pays reference-count traffic on contended cache lines (where
# free-threaded runtimes lose scaling) while a GIL serialises the threads instead.
# Usage: shared_read.py [VISITS] [THREADS]. Prints one JSON line: elapsed seconds of the work
# region, element visits done, and a correctness flag.
import sys
import threading
import time

ITEMS = 1000


def scan(items, rounds, out):
    total = 0
    for _ in range(rounds):
        for it in items:
            total += it[0]
    out.append(total)


def main():
    visits = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    items = [[i] for i in range(ITEMS)]
    rounds = max(1, visits // (nthreads * ITEMS))
    results = []
    threads = [threading.Thread(target=scan, args=(items, rounds, results)) for _ in range(nthreads)]
    start = time.perf_counter()
    if nthreads == 1:
        scan(items, rounds, results)
    else:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    elapsed = time.perf_counter() - start
    expected = rounds * (ITEMS * (ITEMS - 1) // 2)
    # On a process backend (threads run in worker processes) the results stay in the workers.
    ok = len(results) in (nthreads, 0 if nthreads > 1 else 1) and all(r == expected for r in results)
    print('{"workload": "shared_read", "elapsed": %.6f, "ops": %d, "threads": %d, "correct": %s}'
          % (elapsed, rounds * ITEMS * nthreads, nthreads, "true" if ok else "false"))


if __name__ == "__main__":
    main()
