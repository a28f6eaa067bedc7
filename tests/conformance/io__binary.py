# Checks: binary files: bytes read/write, read(n), readline, seek/tell with whence, class names and normalized modes, r+b, buffering=0.
import os

name = "io__tmp_binary_%d.bin" % os.getpid()
try:
    with open(name, "wb") as f:
        print(type(f).__name__, f.mode, f.write(b"abc\ndef\n"), f.write(bytes(range(250, 256))))
        print(f.tell())
    with open(name, "rb") as f:
        print(type(f).__name__, f.mode)
        print(f.read(2), f.read(2), f.tell())
        print(f.readline(), f.readline(2), f.readline())
        print(f.read(100), f.read(), f.read(5))
        print(f.seek(0), f.read(3), f.seek(2, 1), f.read(1), f.seek(-2, 2), list(f.read()))
    with open(name, "rb") as f:
        print(f.readlines())
    with open(name, "rb") as f:
        print([len(chunk) for chunk in f])
    with open(name, "r+b") as f:
        print(type(f).__name__, f.mode, f.read(2))
        f.write(b"XY")
        f.seek(0)
        print(f.read(8))
    with open(name, "ab") as f:
        print(type(f).__name__, f.mode, f.tell(), f.write(b"end"))
    for mode in ["w+b", "a+b", "xb"]:
        try:
            f = open(name, mode)
            print(mode, type(f).__name__, f.mode)
            f.close()
        except FileExistsError as e:
            print(mode, type(e).__name__, e.errno)
    with open(name, "wb", buffering=0) as f:
        print(type(f).__name__, f.mode, f.write(b"raw bytes"))
    with open(name, "rb", buffering=0) as f:
        print(type(f).__name__, f.read(3), f.read())
    print(os.path.getsize(name))
finally:
    if os.path.exists(name):
        os.remove(name)
