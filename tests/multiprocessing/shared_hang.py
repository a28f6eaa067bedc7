# Creates a shared Value, says so, and waits to be killed (tests/multiprocessing.rs kills the
# whole run with SIGKILL, so nothing unlinks the segment; the next run must remove it).
import multiprocessing as mp
import os
import sys
import time

if __name__ == "__main__":
    v = mp.Value("i", 7)
    print("ready", os.getpid())
    sys.stdout.flush()
    time.sleep(60)
