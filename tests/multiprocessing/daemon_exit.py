# A daemonic Process that never ends is killed when the program exits (CPython's
# multiprocessing.util._exit_function terminates daemonic children), while a non-daemonic one
# is still waited for. tests/multiprocessing.rs times the run and checks that the daemon's pid
# is gone afterwards. argv[1]: a file the daemon creates once it runs its target, so that it
# is busy (not still starting up) when the program exits.
import os
import sys
import time
from multiprocessing import Process


def forever(flag):
    with open(flag, "w") as f:
        f.write("running")
    while True:
        time.sleep(0.05)


def quick(x):
    time.sleep(0.3)
    print("non-daemon done", x)


if __name__ == "__main__":
    flag = sys.argv[1]
    d = Process(target=forever, args=(flag,), daemon=True)
    d.start()
    n = Process(target=quick, args=(1,))
    n.start()
    print("daemon", d.daemon, n.daemon)
    try:
        d.daemon = False
    except AssertionError as e:
        print("AssertionError:", e)
    for _ in range(2000):
        if os.path.exists(flag):
            break
        time.sleep(0.01)
    print("daemon running", os.path.exists(flag), d.is_alive())
    print("daemon pid", d.pid)
    sys.stdout.flush()
    print("exiting")
