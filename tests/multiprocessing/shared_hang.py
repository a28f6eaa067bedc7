# Creates a shared Value and a manager, says so, and waits to be killed (tests/multiprocessing.rs kills the
# whole run with SIGKILL, so nothing unlinks the segment; the next run must remove it).
import multiprocessing as mp
import os
import sys
import time

if __name__ == "__main__":
    v = mp.Value("i", 7)
    m = mp.Manager()
    m.dict()
    print("ready", os.getpid(), m._process.pid)
    sys.stdout.flush()
    time.sleep(60)
