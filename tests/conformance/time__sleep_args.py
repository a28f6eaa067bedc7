# Checks: time.sleep's argument errors as CPython reports them (negative, NaN, too large for a timestamp, not a number); huge values raise instead of sleeping or crashing.
import time


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("-1", lambda: time.sleep(-1))
attempt("-0.5", lambda: time.sleep(-0.5))
attempt("nan", lambda: time.sleep(float("nan")))
attempt("inf", lambda: time.sleep(float("inf")))
attempt("1e300", lambda: time.sleep(1e300))
attempt("1e10", lambda: time.sleep(1e10))
attempt("2**70", lambda: time.sleep(2 ** 70))
attempt("'x'", lambda: time.sleep("x"))
attempt("None", lambda: time.sleep(None))
attempt("0", lambda: time.sleep(0))
attempt("0.001", lambda: time.sleep(0.001))
attempt("False", lambda: time.sleep(False))
