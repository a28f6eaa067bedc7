# Found by gillab-threadfuzz (dictqueue). CPython and gil print `True True`; objlock, atomic
# and biased print `True False` in most runs: `del d[k]` / d.pop(k) removed another key.
# Three threads insert their own keys into one dict; A and B remove theirs with `del d[k]`
# and d.pop(k), C takes any with popitem(). Every key inserted is removed exactly once or is
# left in the dict.
import threading

N = 20000
d = {}
got = {"A": [], "B": [], "C": []}


def a(name, base):
    for i in range(N):
        k = base + i
        d[k] = -k
        try:
            if name == "A":
                del d[k]
            else:
                d.pop(k)
            got[name].append(k)
        except KeyError:
            pass


def c():
    for i in range(N):
        k = 3000000 + i
        d[k] = -k
        for _ in range(2):
            try:
                got["C"].append(d.popitem()[0])
            except KeyError:
                pass


if __name__ == "__main__":
    ts = [threading.Thread(target=a, args=("A", 1000000)), threading.Thread(target=a, args=("B", 2000000)), threading.Thread(target=c)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    everything = got["A"] + got["B"] + got["C"] + list(d)
    print(len(everything) == 3 * N, len(set(everything)) == 3 * N)
