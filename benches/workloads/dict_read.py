# dict_read: N threads look up keys in ONE shared dict (module-level, bound to a local before
# the loop): a small-int key that changes every iteration and a short string key. Nothing
# writes the dict; every lookup takes references to the shared dict and its values.
# Usage: dict_read.py [ROUNDS] [THREADS]. Prints one JSON line: elapsed seconds of the work
# region, rounds done (two lookups each), and a correctness flag.
# On a process backend each worker imports this file and has its own copy of the dict.
import sys
import threading
import time

TABLE = {0: 10, 1: 11, 2: 12, 3: 13, 4: 14, 5: 15, 6: 16, 7: 17, "bonus": 2, "other": 99}


def lookup(n):
    table = TABLE
    total = 0
    for i in range(n):
        total += table[i & 7] + table["bonus"]
    return total


def run(n, out):
    out.append(lookup(n))


def masked_sum(n, mask):
    """Sum of i & mask for i in range(n), mask = 2**k - 1."""
    period = mask + 1
    rest = n % period
    return (n // period) * (mask * period // 2) + rest * (rest - 1) // 2


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    share = rounds // nthreads
    results = []
    threads = [threading.Thread(target=run, args=(share, results)) for _ in range(nthreads)]
    start = time.perf_counter()
    if nthreads == 1:
        results.append(lookup(share))
    else:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    elapsed = time.perf_counter() - start
    expected = 12 * share + masked_sum(share, 7)
    # On a process backend (threads run in worker processes) the results stay in the workers.
    ok = len(results) in (nthreads, 0 if nthreads > 1 else 1) and all(
        r == expected for r in results)
    print('{"workload": "dict_read", "elapsed": %.6f, "ops": %d, "threads": %d, "correct": %s}'
          % (elapsed, share * nthreads, nthreads, "true" if ok else "false"))


if __name__ == "__main__":
    main()
