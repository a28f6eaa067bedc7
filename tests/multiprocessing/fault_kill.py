import os
import sys
import time
from multiprocessing import Pool, ProcessError

def report_pid_and_hang(path):
    f = open(path + ".tmp", "w")
    f.write(str(os.getpid()))
    f.close()
    os.rename(path + ".tmp", path)
    time.sleep(60)
    return "not killed"

def ident(x):
    return x

if __name__ == "__main__":
    pool = Pool(2)
    done = pool.apply_async(ident, ("kept",))
    print("first", done.get(timeout=10))
    start = time.time()
    try:
        pool.apply(report_pid_and_hang, (sys.argv[1],))
    except ProcessError as e:
        print("ProcessError:", e)
    print("again", done.get(timeout=1) if done.ready() else "kept")
    pool.terminate()
