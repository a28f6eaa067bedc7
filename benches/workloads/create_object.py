# create_object: each of N threads builds instances of a module-level class (two attributes set
# in __init__) in a loop and drops each one at the next iteration. Measures allocation, the
# __init__ call and freeing, on objects private to the thread that made them.
# Usage: create_object.py [OBJECTS] [THREADS]. Prints one JSON line: elapsed seconds of the
# work region, objects created, and a correctness flag (every object held what __init__ put
# there). Thread targets are module-level functions so that a process backend can send them
# to its workers.
import sys
import threading
import time


class Pair:
    def __init__(self, low, high):
        self.low = low
        self.high = high


def build(n):
    total = 0
    for i in range(n):
        p = Pair(i, i + 2)
        total += p.high - p.low
    return total


def run(n, out):
    out.append(build(n))


def main():
    objects = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    share = objects // nthreads
    results = []
    threads = [threading.Thread(target=run, args=(share, results)) for _ in range(nthreads)]
    start = time.perf_counter()
    if nthreads == 1:
        results.append(build(share))
    else:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    elapsed = time.perf_counter() - start
    # On a process backend (threads run in worker processes) the results stay in the workers.
    ok = len(results) in (nthreads, 0 if nthreads > 1 else 1) and all(
        r == 2 * share for r in results)
    print('{"workload": "create_object", "elapsed": %.6f, "ops": %d, "threads": %d, "correct": %s}'
          % (elapsed, share * nthreads, nthreads, "true" if ok else "false"))


if __name__ == "__main__":
    main()
