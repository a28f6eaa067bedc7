# Checks: text files: write/append/read/readline/readlines, iteration, with, name/mode/closed, print(file=), tell/seek.
import os

name = "io__tmp_text_%d.txt" % os.getpid()
try:
    f = open(name, "w")
    print(type(f).__name__, f.name == name, f.mode, f.closed, f.encoding)
    print(f.write("first line\n"), f.write("second line\n"), f.write(""))
    f.writelines(["third\n", "fourth"])
    print("x", 42, sep="-", file=f)
    f.close()
    print(f.closed)
    f.close()
    with open(name) as f:
        print(repr(f.read()))
    with open(name, "a") as f:
        print(f.mode, f.write("appended\n"))
    with open(name, "r") as f:
        print(repr(f.readline()), repr(f.readline(3)), repr(f.readline()))
        print(f.readlines())
        print(repr(f.readline()), repr(f.read()))
    with open(name) as f:
        for i, line in enumerate(f):
            print(i, repr(line))
    with open(name) as f:
        print(repr(f.read(5)), f.tell(), repr(f.read(0)))
        f.seek(0)
        print(repr(f.read(5)), f.seek(0, 2), repr(f.read()))
        f.seek(6)
        print(repr(f.readline()))
    with open(name, "w+") as f:
        f.write("one\ntwo\n")
        f.seek(0)
        print([line.upper() for line in f])
    with open(name) as f:
        print(list(f), f.closed)
    print(f.closed)
    print(sum(1 for _ in open(name)), len(open(name).read()))
finally:
    if os.path.exists(name):
        os.remove(name)
print(os.path.exists(name))
