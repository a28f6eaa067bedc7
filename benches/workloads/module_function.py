# module_function: N threads call a module-level function in a loop; the function does a
# little integer arithmetic. Measures the call path (global lookup of the function, frame set-up
# and return) with no shared data besides the function and the module's globals.
# Usage: module_function.py [CALLS] [THREADS]. Prints one JSON line: elapsed seconds of the
# work region, calls made, and a correctness flag (the sum of the results is known).
import sys
import threading
import time


def scale(value, factor):
    return value * factor + 1


def call(n):
    total = 0
    for i in range(n):
        total += scale(i & 7, 3)
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
    expected = 3 * masked_sum(share, 7) + share
    # On a process backend (threads run in worker processes) the results stay in the workers.
    ok = len(results) in (nthreads, 0 if nthreads > 1 else 1) and all(
        r == expected for r in results)
    print('{"workload": "module_function", "elapsed": %.6f, "ops": %d, "threads": %d, '
          '"correct": %s}' % (elapsed, share * nthreads, nthreads, "true" if ok else "false"))


if __name__ == "__main__":
    main()
