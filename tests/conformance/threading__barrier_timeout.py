# Checks: Barrier's constructor timeout and per-call timeout break the barrier (BrokenBarrierError) instead of waiting for ever; broken, n_waiting, parties, reset, abort and the action, from one thread.
import threading
import time


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, repr(e))


calls = []


def action():
    calls.append("action")


def bad_action():
    raise ValueError("action failed")


if __name__ == "__main__":
    print(issubclass(threading.BrokenBarrierError, RuntimeError))
    b = threading.Barrier(2, timeout=0.05)
    print(b.parties, b.n_waiting, b.broken)
    start = time.monotonic()
    attempt("constructor timeout", b.wait)
    print("waited at least the timeout", time.monotonic() - start >= 0.04)
    print(b.parties, b.n_waiting, b.broken)
    attempt("wait on broken", b.wait)
    b.reset()
    print("after reset", b.n_waiting, b.broken)
    attempt("per-call timeout=0", lambda: b.wait(0))
    b.reset()
    attempt("per-call timeout=-5", lambda: b.wait(timeout=-5))
    b.reset()
    attempt("timeout='x'", lambda: b.wait("x"))
    print("after TypeError", b.n_waiting, b.broken)

    long = threading.Barrier(2, timeout=100)
    attempt("per-call timeout overrides", lambda: long.wait(0.01))
    print(long.broken)

    one = threading.Barrier(1, action=action)
    attempt("one party", one.wait)
    attempt("one party again", one.wait)
    print(calls, one.n_waiting, one.broken)
    one.abort()
    print("aborted", one.broken)
    attempt("wait after abort", one.wait)
    one.reset()
    attempt("after reset", one.wait)

    failing = threading.Barrier(1, action=bad_action)
    attempt("action raises", failing.wait)
    print("broken by action", failing.broken)
    attempt("then", failing.wait)

    attempt("keyword parties", lambda: threading.Barrier(parties=3).parties)
