# closure_create: each iteration defines a nested function that closes over the loop variable
# and calls it once. Measures making a function object and its cell, and calling it; all of it
# private to the thread.
# Usage: closure_create.py [CLOSURES] [THREADS]. Prints one JSON line: elapsed seconds of the
# work region, closures made (and called), and a correctness flag (the sum of their results).
import sys
import threading
import time


def make_and_call(n):
    total = 0
    for i in range(n):
        def shifted(x):
            return x + i
        total += shifted(1)
    return total


def run(n, out):
    out.append(make_and_call(n))


def main():
    closures = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    share = closures // nthreads
    results = []
    threads = [threading.Thread(target=run, args=(share, results)) for _ in range(nthreads)]
    start = time.perf_counter()
    if nthreads == 1:
        results.append(make_and_call(share))
    else:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    elapsed = time.perf_counter() - start
    expected = share + share * (share - 1) // 2
    # On a process backend (threads run in worker processes) the results stay in the workers.
    ok = len(results) in (nthreads, 0 if nthreads > 1 else 1) and all(
        r == expected for r in results)
    print('{"workload": "closure_create", "elapsed": %.6f, "ops": %d, "threads": %d, '
          '"correct": %s}' % (elapsed, share * nthreads, nthreads, "true" if ok else "false"))


if __name__ == "__main__":
    main()
