# Checks: os.mkdir/listdir/rename/remove/unlink/rmdir/makedirs on a directory the fixture creates, and their OSError subclasses and messages.
import os

top = "os__tmp_listdir_%d" % os.getpid()


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except OSError as e:
        print(label, "->", type(e).__name__, e.errno, e.strerror == os.strerror(e.errno))


try:
    os.mkdir(top)
    print(os.listdir(top))
    for n in ["b.txt", "a.txt", "c.log"]:
        with open(os.path.join(top, n), "w") as f:
            f.write(n)
    os.mkdir(os.path.join(top, "sub"))
    print(sorted(os.listdir(top)))
    os.rename(os.path.join(top, "c.log"), os.path.join(top, "d.log"))
    print(sorted(os.listdir(top)))
    os.remove(os.path.join(top, "a.txt"))
    os.unlink(os.path.join(top, "b.txt"))
    print(sorted(os.listdir(top)), sorted(os.listdir(top.encode())))
    os.makedirs(os.path.join(top, "x", "y", "z"))
    os.makedirs(os.path.join(top, "x", "y"), exist_ok=True)
    print(sorted(os.listdir(os.path.join(top, "x"))), os.path.isdir(os.path.join(top, "x", "y", "z")))
    attempt("mkdir existing", lambda: os.mkdir(top))
    attempt("makedirs existing", lambda: os.makedirs(top))
    attempt("listdir missing", lambda: os.listdir(os.path.join(top, "nope")))
    attempt("listdir file", lambda: os.listdir(os.path.join(top, "d.log")))
    attempt("rmdir non-empty", lambda: os.rmdir(top))
    attempt("remove missing", lambda: os.remove(os.path.join(top, "nope")))
    attempt("remove directory", lambda: os.remove(os.path.join(top, "sub")))
    attempt("rename missing", lambda: os.rename(os.path.join(top, "nope"), os.path.join(top, "n2")))
    try:
        os.remove("os__no_such_file.txt")
    except FileNotFoundError as e:
        print(e, e.filename)
    try:
        os.rename("os__no_such_a.txt", "os__no_such_b.txt")
    except FileNotFoundError as e:
        print(e, e.filename, e.filename2)
    try:
        os.listdir("os__no_such_dir")
    except OSError as e:
        print(type(e).__name__, e)
finally:
    for d in [os.path.join(top, "x", "y", "z"), os.path.join(top, "x", "y"), os.path.join(top, "x")]:
        if os.path.isdir(d):
            os.rmdir(d)
    if os.path.isdir(top):
        for n in os.listdir(top):
            p = os.path.join(top, n)
            if os.path.isdir(p):
                os.rmdir(p)
            else:
                os.remove(p)
        os.rmdir(top)
print(os.path.exists(top))
