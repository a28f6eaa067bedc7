# method_call: N threads call a method on ONE shared instance (module-level, bound to a local
# before the loop). The method reads two attributes and returns a value; nothing writes the
# instance. Every call takes references to the shared object and its bound method, so a
# free-threaded runtime pays reference-count traffic on a contended object.
# Usage: method_call.py [CALLS] [THREADS]. Prints one JSON line: elapsed seconds of the work
# region, calls made, and a correctness flag (the sum of the returned values is known).
# On a process backend each worker imports this file and has its own copy of the instance.
import sys
import threading
import time


class Tariff:
    def __init__(self, base, rate):
        self.base = base
        self.rate = rate

    def price(self, units):
        return self.base + self.rate * units


TARIFF = Tariff(5, 3)


def call(n):
    tariff = TARIFF
    total = 0
    for i in range(n):
        total += tariff.price(i & 3)
    return total


def run(n, out):
    out.append(call(n))


def masked_sum(n, mask):
    """Sum of i & mask for i in range(n), mask = 2**k - 1."""
    period = mask + 1
    rest = n % period
    return (n // period) * (mask * period // 2) + rest * (rest - 1) // 2


def main():
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    share = calls // nthreads
    results = []
    threads = [threading.Thread(target=run, args=(share, results)) for _ in range(nthreads)]
    start = time.perf_counter()
    if nthreads == 1:
        results.append(call(share))
    else:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    elapsed = time.perf_counter() - start
    expected = 5 * share + 3 * masked_sum(share, 3)
    # On a process backend (threads run in worker processes) the results stay in the workers.
    ok = len(results) in (nthreads, 0 if nthreads > 1 else 1) and all(
        r == expected for r in results)
    print('{"workload": "method_call", "elapsed": %.6f, "ops": %d, "threads": %d, "correct": %s}'
          % (elapsed, share * nthreads, nthreads, "true" if ok else "false"))


if __name__ == "__main__":
    main()
