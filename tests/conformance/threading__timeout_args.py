# Checks: timeout and blocking arguments of Lock, RLock, Semaphore, Event, Condition and queue.Queue are validated as CPython does (errors and their messages), and negative/zero timeouts never block.
import queue
import threading


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


if __name__ == "__main__":
    for name, lock in (("Lock", threading.Lock()), ("RLock", threading.RLock())):
        attempt(name + " timeout=-5", lambda: lock.acquire(timeout=-5))
        attempt(name + " timeout=-0.5", lambda: lock.acquire(timeout=-0.5))
        attempt(name + " blocking=False, timeout=0", lambda: lock.acquire(False, 0))
        attempt(name + " blocking=False, timeout=1", lambda: lock.acquire(blocking=False, timeout=1))
        attempt(name + " timeout=None", lambda: lock.acquire(timeout=None))
        attempt(name + " timeout='1'", lambda: lock.acquire(True, "1"))
        attempt(name + " timeout=nan", lambda: lock.acquire(timeout=float("nan")))
        attempt(name + " timeout=1e10", lambda: lock.acquire(timeout=1e10))
        attempt(name + " timeout=2**70", lambda: lock.acquire(timeout=2 ** 70))
        attempt(name + " blocking=1.5", lambda: lock.acquire(1.5))
        attempt(name + " blocking=None", lambda: lock.acquire(None))
        attempt(name + " timeout=-1", lambda: lock.acquire(timeout=-1))
        attempt(name + " blocking=False, timeout=-1", lambda: lock.acquire(False, -1))
        lock.release()
        if name == "RLock":
            lock.release()
        print(name, "free again", lock.acquire(False))
        lock.release()

    held = threading.Lock()
    held.acquire()
    attempt("held Lock timeout=0", lambda: held.acquire(timeout=0))
    attempt("held Lock timeout=0.01", lambda: held.acquire(timeout=0.01))

    empty = threading.Semaphore(0)
    attempt("Semaphore(0) timeout=-5", lambda: empty.acquire(timeout=-5))
    attempt("Semaphore(0) timeout=0", lambda: empty.acquire(timeout=0))
    attempt("Semaphore(0) timeout=0.01", lambda: empty.acquire(timeout=0.01))
    attempt("Semaphore(0) timeout='x'", lambda: empty.acquire(timeout="x"))
    attempt("Semaphore(0) blocking=False", lambda: empty.acquire(False))
    attempt("Semaphore blocking=False, timeout=0", lambda: empty.acquire(False, 0))
    attempt("Semaphore blocking=False, timeout=None", lambda: empty.acquire(False, None))
    one = threading.Semaphore(1)
    attempt("Semaphore(1) timeout=-5", lambda: one.acquire(timeout=-5))
    one.release()
    attempt("Semaphore(1) timeout='x'", lambda: one.acquire(timeout="x"))

    ev = threading.Event()
    attempt("Event wait(-5)", lambda: ev.wait(-5))
    attempt("Event wait(0)", lambda: ev.wait(0))
    attempt("Event wait(nan)", lambda: ev.wait(float("nan")))
    attempt("Event wait(0.01)", lambda: ev.wait(0.01))
    attempt("Event wait('x')", lambda: ev.wait("x"))
    ev.set()
    attempt("set Event wait('x')", lambda: ev.wait("x"))
    attempt("set Event wait(-5)", lambda: ev.wait(-5))

    for label, kind in (("Lock", threading.Lock), ("RLock", threading.RLock)):
        cond = threading.Condition(kind())
        with cond:
            attempt(label + " Condition wait(-5)", lambda: cond.wait(-5))
            attempt(label + " Condition wait(0)", lambda: cond.wait(0))
            attempt(label + " Condition wait(nan)", lambda: cond.wait(float("nan")))
            attempt(label + " Condition wait(0.01)", lambda: cond.wait(0.01))
            attempt(label + " Condition wait('x')", lambda: cond.wait("x"))
            attempt(label + " Condition wait_for(-5)", lambda: cond.wait_for(lambda: 0, -5))
            attempt(label + " Condition wait_for(0.01)", lambda: cond.wait_for(lambda: [], 0.01))
            attempt(label + " Condition wait_for('x')", lambda: cond.wait_for(lambda: 0, "x"))
            attempt(label + " Condition wait_for true", lambda: cond.wait_for(lambda: 7, "x"))
            print(label, "still held", not cond.acquire(False) if kind is threading.Lock else True)

    q = queue.Queue()
    attempt("get timeout=-5", lambda: q.get(timeout=-5))
    attempt("get block=False, timeout=-5", lambda: q.get(False, -5))
    attempt("get timeout=0", lambda: q.get(timeout=0))
    attempt("get timeout=0.01", lambda: q.get(timeout=0.01))
    attempt("get timeout='x'", lambda: q.get(timeout="x"))
    attempt("put unbounded timeout=-5", lambda: q.put(1, timeout=-5))
    attempt("get item timeout=-5", lambda: q.get(timeout=-5))
    attempt("get item", lambda: q.get(timeout=0))
    full = queue.Queue(1)
    full.put("a")
    attempt("put full timeout=-5", lambda: full.put("b", timeout=-5))
    attempt("put full block=False, timeout=-5", lambda: full.put("b", False, -5))
    attempt("put full timeout=0", lambda: full.put("b", timeout=0))
    attempt("put full timeout=0.01", lambda: full.put("b", timeout=0.01))
    attempt("put full timeout='x'", lambda: full.put("b", timeout="x"))
    print(full.qsize(), full.get_nowait())
