# Which objects are immortal: functions and classes made by the module body (with their
# methods), not a function made inside a function nor data. Two threads share them all; the
# Rust test reads the counts (CPython 3.11 has no immortal objects and prints true counts; the
# test checks gil-lab's own choice per backend) and the leak check frees them all at exit.
import sys
import threading


def f():
    return 1


class C:
    def m(self):
        return 2


def make():
    def inner():
        return 3
    return inner


g = make()
data = [1000, "text"]
t = (data, 7)


def work():
    n = 0
    for _ in range(2000):
        n += f() + C().m() + g() + len(data) + len(t)
    out.append(n)


out = []
if __name__ == "__main__":
    threads = [threading.Thread(target=work) for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    # On a process backend the threads run in worker processes, and `out` stays there.
    print(all(n == 2000 * 10 for n in out))
    for name, obj in [("f", f), ("C", C), ("C.m", C.m), ("g", g), ("data", data), ("t", t)]:
        print(name, sys.getrefcount(obj))
