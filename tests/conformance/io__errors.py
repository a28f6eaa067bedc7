# Checks: open() errors: FileNotFoundError/FileExistsError/IsADirectoryError messages and attributes, closed-file ValueError, io.UnsupportedOperation, invalid modes and arguments.
import io
import os

name = "io__tmp_errors_%d.txt" % os.getpid()
folder = "io__tmp_errors_dir_%d" % os.getpid()


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


try:
    try:
        open("io__no_such_file.txt")
    except FileNotFoundError as e:
        print(e)
        print(e.errno, e.strerror, e.filename, e.args, isinstance(e, OSError))
    attempt("missing rb", lambda: open("io__no_such_file.txt", "rb"))
    with open(name, "w") as f:
        f.write("data\n")
    for target, mode in [(name, "x"), (folder, "r"), (folder, "w")]:
        if target == folder and not os.path.isdir(folder):
            os.mkdir(folder)
        try:
            open(target, mode)
        except OSError as e:
            print(mode, type(e).__name__, e.args, e.filename == target, str(e).endswith(repr(target)))
    f = open(name)
    f.close()
    attempt("read closed", lambda: f.read())
    attempt("readline closed", lambda: f.readline())
    attempt("iter closed", lambda: iter(f))
    attempt("with closed", lambda: f.__enter__())
    b = open(name, "rb")
    b.close()
    attempt("read closed rb", lambda: b.read())
    with open(name) as r:
        attempt("write on r", lambda: r.write("x"))
        try:
            r.write("x")
        except io.UnsupportedOperation as e:
            print(type(e).__name__, isinstance(e, OSError), e.args)
        attempt("write bytes on r", lambda: r.write(b"x"))
    with open(name, "w") as w:
        attempt("read on w", lambda: w.read())
        attempt("write int", lambda: w.write(5))
    with open(name, "rb") as rb:
        attempt("write on rb", lambda: rb.write(b"x"))
    with open(name, "wb") as wb:
        attempt("read on wb", lambda: wb.read())
        attempt("write str", lambda: wb.write("text"))
    for mode in ["q", "rr", "rw", "rtb", "", "b"]:
        attempt("mode " + repr(mode), lambda: open(name, mode))
    attempt("binary encoding", lambda: open(name, "rb", encoding="utf-8"))
    attempt("newline value", lambda: open(name, newline="x"))
    attempt("unknown encoding", lambda: open(name, encoding="no-such-codec"))
    attempt("unbuffered text", lambda: open(name, buffering=0))
    attempt("file type", lambda: open(3.5))
    attempt("mode type", lambda: open(name, 1))
    attempt("null byte", lambda: open("a\0b"))
    attempt("bad keyword", lambda: open(name, color="red"))
finally:
    if os.path.exists(name):
        os.remove(name)
    if os.path.isdir(folder):
        os.rmdir(folder)
