# Checks: Thread.join with a negative, zero or small timeout returns at once (or after the timeout) while the thread still runs; join('x') raises CPython's error (join(nan) too, once the thread has ended); a thread started by a daemon thread is a daemon by default.
import threading

found = []


def blocker(started, release):
    started.set()
    release.wait()


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


def spawn_child():
    child = threading.Thread(target=lambda: None)
    found.append(child.daemon)
    explicit = threading.Thread(target=lambda: None, daemon=False)
    found.append(explicit.daemon)


if __name__ == "__main__":
    # The events are arguments: on shard, where they cannot be sent to a worker, start()
    # fails at once instead of leaving the main thread waiting for ever.
    release = threading.Event()
    started = threading.Event()
    t = threading.Thread(target=blocker, args=(started, release))
    t.start()
    started.wait()
    attempt("join(-5)", lambda: t.join(-5))
    attempt("join(0)", lambda: t.join(0))
    attempt("join(timeout=0.01)", lambda: t.join(timeout=0.01))
    attempt("join('x')", lambda: t.join("x"))
    print("alive", t.is_alive())
    release.set()
    t.join()
    print("alive", t.is_alive())
    attempt("joined join(-5)", lambda: t.join(-5))
    attempt("joined join(nan)", lambda: t.join(float("nan")))
    attempt("joined join('x')", lambda: t.join("x"))

    d = threading.Thread(target=spawn_child, daemon=True)
    d.start()
    d.join()
    print("child of daemon", found)
