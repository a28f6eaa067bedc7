# tuple_const: each iteration unpacks the constant tuple (1, 2, 3) and compares a tuple built
# from its parts with the constant (1, 2). Constants live in the code object that every thread
# runs, so each use takes a reference to an object all threads share.
# Usage: tuple_const.py [ROUNDS] [THREADS]. Prints one JSON line: elapsed seconds of the work
# region, rounds done, and a correctness flag.
import sys
import threading
import time


def unpack(n):
    total = 0
    for i in range(n):
        a, b, c = (1, 2, 3)
        if (a, b) == (1, 2):
            total += c if i & 1 else a
    return total


def run(n, out):
    out.append(unpack(n))


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    share = rounds // nthreads
    results = []
    threads = [threading.Thread(target=run, args=(share, results)) for _ in range(nthreads)]
    start = time.perf_counter()
    if nthreads == 1:
        results.append(unpack(share))
    else:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    elapsed = time.perf_counter() - start
    odd = share // 2
    expected = 3 * odd + (share - odd)
    # On a process backend (threads run in worker processes) the results stay in the workers.
    ok = len(results) in (nthreads, 0 if nthreads > 1 else 1) and all(
        r == expected for r in results)
    print('{"workload": "tuple_const", "elapsed": %.6f, "ops": %d, "threads": %d, "correct": %s}'
          % (elapsed, share * nthreads, nthreads, "true" if ok else "false"))


if __name__ == "__main__":
    main()
