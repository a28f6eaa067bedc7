# spawn: the cost of starting and joining N threads (worker processes on a process backend),
# repeated for a number of rounds. Each thread does a trivial amount of work. The first round is
# also timed alone: a process backend may start its workers there and reuse them afterwards.
# Usage: spawn.py [ROUNDS] [THREADS]. Prints one JSON line: elapsed seconds of the work
# region, threads started and joined, the first round's seconds, and a correctness flag.
import sys
import threading
import time


def work(i, out):
    out.append(i)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    done = []
    first = 0.0
    start = time.perf_counter()
    for r in range(rounds):
        threads = [threading.Thread(target=work, args=(r, done)) for _ in range(nthreads)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if r == 0:
            first = time.perf_counter() - start
    elapsed = time.perf_counter() - start
    # On a process backend (threads run in worker processes) `done` stays in the workers.
    ok = len(done) == 0 or (len(done) == rounds * nthreads
                            and sum(done) == nthreads * rounds * (rounds - 1) // 2)
    print('{"workload": "spawn", "elapsed": %.6f, "ops": %d, "threads": %d, "first_round_s": %.6f, '
          '"correct": %s}' % (elapsed, rounds * nthreads, nthreads, first, "true" if ok else "false"))


if __name__ == "__main__":
    main()
