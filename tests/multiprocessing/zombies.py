import os
import sys
import threading
import time
from multiprocessing import Manager, Pool, Process


def square(x):
    return x * x


def wait_for(path):
    # The test creates `path` once it has looked at this process's children: an event, not a
    # sleep, so a slow or loaded machine cannot make the test look too early or too late.
    deadline = time.monotonic() + 120
    while not os.path.exists(path) and time.monotonic() < deadline:
        time.sleep(0.01)


def spin():
    while True:
        pass


if __name__ == "__main__":
    with Pool(2) as pool:
        print(pool.map(square, range(5)))
    pool = Pool(2)
    print(pool.apply(square, (3,)))
    pool.close()
    pool.join()
    p = Process(target=square, args=(2,))
    p.start()
    p.join()
    with Manager() as m:
        d = m.dict()
        d[1] = square(4)
    print("finished, scan now")
    sys.stdout.flush()
    wait_for(sys.argv[1] + ".scanned")
    # Left running on purpose: a pool never closed and a process-backed daemon thread.
    left = Pool(2)
    left.apply(square, (1,))  # a worker is ready: the next job starts at once
    left.apply_async(spin)
    # A manager never shut down: its process is killed and reaped at exit like a daemon's.
    kept = Manager()
    kept.list([1])
    t = threading.Thread(target=spin, daemon=True)
    t.start()
    print("exiting")
    sys.stdout.flush()
    wait_for(sys.argv[1] + ".seen")
