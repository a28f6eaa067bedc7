# Found by gillab-threadfuzz (setqueue: "removed twice ... lost"). CPython and gil print
# `True True`; objlock, atomic and biased print `True False` in some runs: s.remove(v) found v's
# position, another thread's pop and add changed what is there, and remove took that instead.
# Two threads add their own values to one set and take them out again: A with remove(v),
# B with pop(). Every value added is removed exactly once or is left in the set.
import threading

N = 20000
s = set()
got = {"A": [], "B": []}


def a():
    for i in range(N):
        v = 1000000 + i
        s.add(v)
        try:
            s.remove(v)
            got["A"].append(v)
        except KeyError:
            pass


def b():
    for i in range(N):
        s.add(2000000 + i)
        try:
            got["B"].append(s.pop())
        except KeyError:
            pass


if __name__ == "__main__":
    ts = [threading.Thread(target=a), threading.Thread(target=b)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    everything = got["A"] + got["B"] + list(s)
    print(len(everything) == 2 * N, len(set(everything)) == 2 * N)
