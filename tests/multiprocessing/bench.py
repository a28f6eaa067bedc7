# Measures process sharding (docs/multiprocessing.md): the cost of starting one worker, of one
# empty job round trip, and a countdown of COUNT steps split over N workers or N threads.
# Usage: gillab run --backend B bench.py startup|roundtrip|pool|threads [N] [COUNT]
# Prints one line: what was measured and the seconds it took (not a timed test).
import sys
import threading
import time
from multiprocessing import Pool, Process


def nothing():
    pass


def countdown(n):
    while n > 0:
        n -= 1


def main():
    mode = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 32_000_000
    if mode == "startup":
        start = time.perf_counter()
        for _ in range(n):
            p = Process(target=nothing)
            p.start()
            p.join()
        per = (time.perf_counter() - start) / n
        print("startup: %.2f ms per worker (start, run the module body, one job, exit; %d runs)" % (per * 1000, n))
    elif mode == "roundtrip":
        with Pool(1) as pool:
            pool.apply(nothing)
            start = time.perf_counter()
            for _ in range(n):
                pool.apply(nothing)
            per = (time.perf_counter() - start) / n
        print("roundtrip: %.1f us per empty apply() (%d calls)" % (per * 1e6, n))
    elif mode == "pool":
        start = time.perf_counter()
        with Pool(n) as pool:
            pool.map(countdown, [count // n] * n, chunksize=1)
        print("pool: %d workers, countdown %d: %.3f s (including start-up)" % (n, count, time.perf_counter() - start))
    else:
        start = time.perf_counter()
        threads = [threading.Thread(target=countdown, args=(count // n,)) for _ in range(n)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print("threads: %d threads, countdown %d: %.3f s" % (n, count, time.perf_counter() - start))


if __name__ == "__main__":
    main()
