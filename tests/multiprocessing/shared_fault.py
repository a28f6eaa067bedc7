# Faults around shared memory: a child killed while it holds a Value's lock (the parent's
# acquire reports it instead of hanging), and a child killed while it holds a segment it
# created (the parent removes it from /dev/shm when it reaps the child).
import multiprocessing as mp
import os
import time

KEEP = []


def hold(v):
    v.get_lock().acquire()
    v.get_obj().value = 1
    time.sleep(60)


def make(flag):
    KEEP.append(mp.Array("d", 4))
    flag.value = 1
    time.sleep(60)


def mine(pid):
    return sorted(n for n in os.listdir("/dev/shm") if n.startswith("gillab-%d-%d-" % (os.getpid(), pid)))


if __name__ == "__main__":
    v = mp.Value("i", 0)
    p = mp.Process(target=hold, args=(v,))
    p.start()
    while v.get_obj().value != 1:
        time.sleep(0.01)
    p.kill()
    p.join()
    start = time.time()
    try:
        with v.get_lock():
            print("acquired a lock whose holder died")
    except RuntimeError as e:
        print("RuntimeError:", str(e).replace(str(p.pid), "PID"))
    print("noticed within 5 s:", time.time() - start < 5)
    flag = mp.RawValue("i", 0)
    c = mp.Process(target=make, args=(flag,))
    c.start()
    while flag.value != 1:
        time.sleep(0.01)
    print("child's segment exists:", mine(c.pid) != [])
    c.kill()
    c.join()
    print("after reaping it:", mine(c.pid))
    print("root", os.getpid())
