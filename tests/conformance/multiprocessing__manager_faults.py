# A manager's lifetime: proxies used after the manager was killed or shut down raise
# BrokenPipeError, creating objects after shutdown raises AssertionError, a manager cannot be
# started twice, and a manager whose process was killed is seen as dead.
import multiprocessing as mp
import time
from multiprocessing.managers import SyncManager


if __name__ == "__main__":
    mp.set_start_method("spawn")
    m = mp.Manager()
    d = m.dict()
    d[1] = 2
    print(d[1], m._process.is_alive())
    try:
        m.start()
    except mp.ProcessError as e:
        print("ProcessError", e)
    m._process.kill()
    m._process.join()
    print("alive", m._process.is_alive())
    for i in range(2):
        try:
            d[1]
        except OSError as e:
            print(type(e).__name__, e)
    try:
        m.dict()
    except OSError as e:
        print("create after the kill: OSError")
    m2 = SyncManager()
    try:
        m2.dict()
    except AssertionError as e:
        print("AssertionError", e)
    m2.start()
    x = m2.list([1])
    x.append(2)
    print(x)
    m2.shutdown()
    try:
        x.append(3)
    except OSError as e:
        print("after shutdown: OSError")
    try:
        m2.list()
    except AssertionError as e:
        print("AssertionError", e)
    try:
        m2.start()
    except mp.ProcessError as e:
        print("ProcessError", e)
    try:
        with m2:
            pass
    except mp.ProcessError as e:
        print("ProcessError", e)
    m2.shutdown()
    print("done")
