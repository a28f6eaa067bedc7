# countdown: CPU-bound work on private data, split over N threads (the literature's example).
# Usage: countdown.py [COUNT] [THREADS]. Prints one JSON line with the elapsed seconds of the
# work region, the operations done and a correctness value, so that the same file measures
# gil-lab and CPython alike. Thread targets are module-level functions so that a process backend
# can send them to its workers.
import sys
import time
import threading


def countdown(n):
    while n > 0:
        n -= 1
    return n


def run(n, out):
    out.append(countdown(n))


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    share = count // nthreads
    results = []
    threads = [
        threading.Thread(target=run, args=(share, results)) for _ in range(nthreads)
    ]
    start = time.perf_counter()
    if nthreads == 1:
        results.append(countdown(share))
    else:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    elapsed = time.perf_counter() - start
    # On a process backend (threads run in worker processes) the results stay in the workers.
    ok = len(results) in (nthreads, 0 if nthreads > 1 else 1) and all(r == 0 for r in results)
    print('{"workload": "countdown", "elapsed": %.6f, "ops": %d, "threads": %d, "correct": %s}'
          % (elapsed, share * nthreads, nthreads, "true" if ok else "false"))


if __name__ == "__main__":
    main()
