# Checks: Barrier with waiting threads: reset() and abort() wake them with BrokenBarrierError, one party's timeout breaks the others, an action that raises breaks the barrier (the exception goes to the last party), the action runs once per cycle, and the barrier is reusable after reset.
import threading
import time

results = []
lock = threading.Lock()


def record(*item):
    with lock:
        results.append(item)


def party(b, name, timeout=None):
    try:
        record(name, b.wait(timeout))
    except threading.BrokenBarrierError as e:
        record(name, type(e).__name__)


def until_waiting(b, n):
    # Not an ordering sleep: polls until n threads are inside wait().
    while b.n_waiting != n:
        time.sleep(0.001)


def start(*args):
    t = threading.Thread(target=party, args=args)
    t.start()
    return t


def show(label):
    print(label, sorted(results))
    del results[:]


if __name__ == "__main__":
    b = threading.Barrier(3)
    t1, t2 = start(b, "a"), start(b, "b")
    until_waiting(b, 2)
    print("waiting", b.n_waiting, b.broken)
    b.reset()
    t1.join()
    t2.join()
    show("reset")
    print("after reset", b.n_waiting, b.broken)

    t1, t2 = start(b, "a"), start(b, "b")
    until_waiting(b, 2)
    b.abort()
    t1.join()
    t2.join()
    show("abort")
    print("after abort", b.n_waiting, b.broken)
    b.reset()
    print("reset again", b.broken)

    t1 = start(b, "a")
    until_waiting(b, 1)
    party(b, "main-timeout", 0.05)
    t1.join()
    show("timeout")
    print(b.broken)
    b.reset()

    cycles = []
    c = threading.Barrier(3, action=lambda: cycles.append(len(cycles)))
    for n in range(2):
        t1, t2 = start(c, "x"), start(c, "y")
        until_waiting(c, 2)
        party(c, "main")
        t1.join()
        t2.join()
    print("cycles", cycles, sorted(i for _, i in results))
    del results[:]

    def bad():
        raise ValueError("in action")

    d = threading.Barrier(2, action=bad)
    t1 = start(d, "waiter")
    until_waiting(d, 1)
    try:
        d.wait()
    except ValueError as e:
        print("last party got", repr(e))
    t1.join()
    show("bad action")
    print(d.broken, d.n_waiting)
