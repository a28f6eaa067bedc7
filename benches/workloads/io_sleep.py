# io_sleep: N threads each sleep many short times. Sleeping releases the interpreter (the GIL's
# cooperative release around blocking calls), so the total time should fall as 1/N.
# Usage: io_sleep.py [SLEEPS] [THREADS] [SECONDS_PER_SLEEP]. Prints one JSON line: elapsed
# seconds of the work region, sleeps done, and a correctness flag.
import sys
import threading
import time


def sleeper(k, pause, out):
    for _ in range(k):
        time.sleep(pause)
    out.append(k)


def main():
    sleeps = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    nthreads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    pause = float(sys.argv[3]) if len(sys.argv) > 3 else 0.001
    k = max(1, sleeps // nthreads)
    done = []
    threads = [threading.Thread(target=sleeper, args=(k, pause, done)) for _ in range(nthreads)]
    start = time.perf_counter()
    if nthreads == 1:
        sleeper(k, pause, done)
    else:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    elapsed = time.perf_counter() - start
    # On a process backend (threads run in worker processes) `done` stays in the workers.
    ok = sum(done) in (k * nthreads, 0 if nthreads > 1 else k) and elapsed >= k * pause
    print('{"workload": "io_sleep", "elapsed": %.6f, "ops": %d, "threads": %d, "correct": %s}'
          % (elapsed, k * nthreads, nthreads, "true" if ok else "false"))


if __name__ == "__main__":
    main()
