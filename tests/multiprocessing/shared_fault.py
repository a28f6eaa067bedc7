# Faults around shared memory: a child killed while it holds a Value's lock (the parent's
# acquire reports it instead of hanging), a child killed while it holds a segment it created
# (the parent removes it from /dev/shm when it reaps the child), a pipe whose only writer is
# killed (EOFError, not a hang), and a child killed while blocked in a queue's get (the queue
# keeps working).
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


def hold_writer(w, flag):
    flag.value = 1
    time.sleep(60)


def blocked_get(q, flag):
    flag.value = 1
    q.get()


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
    # The holder would sleep for 60 s: a waiter that noticed only when it woke, or never,
    # takes at least that. Noticing is a liveness check every 50 ms, so the bound is a
    # fraction of the holder's sleep, not a latency target (docs/testing.md).
    print("noticed long before the holder's sleep would end:", time.time() - start < 20)
    flag = mp.RawValue("i", 0)
    c = mp.Process(target=make, args=(flag,))
    c.start()
    while flag.value != 1:
        time.sleep(0.01)
    print("child's segment exists:", mine(c.pid) != [])
    c.kill()
    c.join()
    print("after reaping it:", mine(c.pid))
    r, w = mp.Pipe(duplex=False)
    flag = mp.RawValue("i", 0)
    c = mp.Process(target=hold_writer, args=(w, flag))
    c.start()
    w.close()
    while flag.value != 1:
        time.sleep(0.01)
    c.kill()
    c.join()
    try:
        r.recv()
    except EOFError:
        print("EOFError once the only writer was killed")
    q = mp.Queue()
    flag.value = 0
    c = mp.Process(target=blocked_get, args=(q, flag))
    c.start()
    while flag.value != 1:
        time.sleep(0.01)
    time.sleep(0.1)
    c.kill()
    c.join()
    q.put("still works")
    print(q.get(timeout=5))
    print("root", os.getpid())
