# Checks: multiprocessing.Process: start, join, exitcode (0, sys.exit codes, 1 after an
# uncaught exception, which the child reports on stderr), is_alive, names.
import sys
from multiprocessing import Process


def greet(name, punctuation="!"):
    print("hello, " + name + punctuation)


def leave(code):
    sys.exit(code)


def fail():
    raise ValueError("child failed")


if __name__ == "__main__":
    p = Process(target=greet, args=("world",), kwargs={"punctuation": "?"}, name="greeter")
    print(p.name, p.is_alive(), p.exitcode)
    p.start()
    p.join()
    print(p.name, p.is_alive(), p.exitcode)
    for code in [0, 3, None]:
        p = Process(target=leave, args=(code,))
        p.start()
        p.join()
        print("sys.exit(%r) ->" % (code,), p.exitcode)
    p = Process(target=fail, name="failing")
    p.start()
    p.join()
    print("exception ->", p.exitcode)
    p = Process()
    p.start()
    p.join()
    print("no target ->", p.exitcode)
