# Checks: universal newlines on read, the newline= argument on read and write, f.newlines, encodings (latin-1, ascii) and a decode error.
import os

name = "io__tmp_newlines_%d.txt" % os.getpid()
try:
    with open(name, "wb") as f:
        f.write(b"unix\nwindows\r\nmac\rlast")
    with open(name) as f:
        print(repr(f.read()), f.newlines)
    for nl in [None, "", "\n", "\r", "\r\n"]:
        with open(name, newline=nl) as f:
            print(repr(nl), f.readlines())
        with open(name, newline=nl) as f:
            print(repr(nl), repr(f.read(8)), repr(f.readline()))
    with open(name) as f:
        print([line for line in f])
    for nl in [None, "", "\n", "\r", "\r\n"]:
        with open(name, "w", newline=nl) as f:
            f.write("a\nb\r\nc\r")
        with open(name, "rb") as f:
            print(repr(nl), f.read())
    with open(name, "w", encoding="latin-1") as f:
        print(f.encoding, f.write("caf\xe9 \xff\n"))
    with open(name, "rb") as f:
        print(f.read())
    with open(name, encoding="latin-1") as f:
        print(repr(f.read()))
    with open(name, "w") as f:
        f.write("na\xefve \u20ac\n")
    with open(name, "rb") as f:
        print(f.read())
    with open(name) as f:
        print(repr(f.read(3)), repr(f.read()))
    with open(name, encoding="ascii", errors="replace") as f:
        print(repr(f.read()))
    try:
        with open(name, encoding="ascii") as f:
            f.read()
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
    with open(name, "wb") as f:
        f.write(b"ok\xff\n")
    try:
        open(name).read()
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
finally:
    if os.path.exists(name):
        os.remove(name)
