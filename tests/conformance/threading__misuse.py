# Checks: CPython's errors for misusing threads and locks: daemon set after start, start twice, join before start / of the current thread, Thread.__init__ not called, group argument, positional Thread arguments; notify/wait on an un-acquired Condition, release of an un-acquired Lock/RLock.
import threading


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


def work(*args):
    print("work", args)


def quiet(*args):
    return args


def set_daemon(thread, value):
    thread.daemon = value


class NoInit(threading.Thread):
    def __init__(self):
        pass


if __name__ == "__main__":
    t = threading.Thread(target=quiet, args=(1,))
    attempt("join before start", t.join)
    attempt("daemon before start", lambda: t.daemon)
    t.daemon = 1
    attempt("daemon set before start", lambda: t.daemon)
    t.daemon = False
    t.start()
    attempt("set daemon after start", lambda: set_daemon(t, True))
    attempt("start twice", t.start)
    t.join()
    attempt("set daemon after join", lambda: set_daemon(t, True))
    attempt("start after join", t.start)
    print("daemon", t.daemon, t.is_alive())
    attempt("join current", threading.current_thread().join)
    attempt("main daemon", lambda: set_daemon(threading.main_thread(), True))
    print("main daemon", threading.main_thread().daemon)

    p = threading.Thread(None, work, "positional", (2, 3))
    print(p.name)
    p.start()
    p.join()
    attempt("group", lambda: threading.Thread("g", work))
    attempt("daemon keyword", lambda: threading.Thread(target=work, daemon=True).daemon)

    n = NoInit()
    attempt("no init start", n.start)
    attempt("no init join", n.join)
    attempt("no init is_alive", n.is_alive)
    attempt("no init daemon", lambda: n.daemon)
    attempt("no init set daemon", lambda: set_daemon(n, True))

    for label, lock in (("Lock", threading.Lock()), ("RLock", threading.RLock())):
        cond = threading.Condition(lock)
        attempt(label + " notify", cond.notify)
        attempt(label + " notify_all", cond.notify_all)
        attempt(label + " wait", cond.wait)
        attempt(label + " wait(0)", lambda: cond.wait(0))
        attempt(label + " wait_for", lambda: cond.wait_for(lambda: False))
        attempt(label + " wait_for true", lambda: cond.wait_for(lambda: "ready"))
        attempt(label + " release", cond.release)
        attempt(label + " release lock", lock.release)
        attempt(label + " exit", lambda: lock.__exit__(None, None, None))
        with cond:
            cond.notify()
            cond.notify(2)
            cond.notify_all()
            print(label, "notify while held ok")
        attempt(label + " release after with", lock.release)
    default = threading.Condition()
    attempt("default Condition notify", default.notify)
