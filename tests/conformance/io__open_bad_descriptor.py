# Checks: open() of a bad file descriptor or a non-path: negative -> ValueError, not open -> OSError EBADF (also with other arguments), beyond a C int or not a path -> TypeError, checked in CPython's order.


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


attempt("open(-1)", lambda: open(-1))
attempt("open(-5, 'rb')", lambda: open(-5, "rb"))
attempt("open(-1, 'q')", lambda: open(-1, "q"))
attempt("open(-1, closefd=False)", lambda: open(-1, "r", closefd=False))
attempt("open(-1, 'rb', encoding)", lambda: open(-1, "rb", encoding="utf-8"))
for fd in [10**6, 2**31 - 1]:
    attempt("open(%d)" % fd, lambda: open(fd))
    attempt("open(%d, 'w')" % fd, lambda: open(fd, "w"))
    attempt("open(%d, buffering=0)" % fd, lambda: open(fd, "r", buffering=0))
    attempt("open(%d, closefd=False)" % fd, lambda: open(fd, "rb", closefd=False))
    try:
        open(fd)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename, e.args)
attempt("open(2**31)", lambda: open(2**31))
attempt("open(2**70)", lambda: open(2**70))
attempt("open(-2**70)", lambda: open(-2**70))
attempt("open(3.5)", lambda: open(3.5))
attempt("open(None)", lambda: open(None))
attempt("open([])", lambda: open([]))
