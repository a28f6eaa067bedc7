# Found while checking dicts::get, which has the shape of the remove race gillab-threadfuzz
# found (dictqueue): CPython and gil print `0 []`; objlock, atomic and biased return another
# key's value from d.get(k) in some runs: the position found for k held another key by the
# time the value was read.
# Two threads store their own keys and read them back with d.get(k) while a third inserts
# and pops items: d.get(k) is k's own value or None.
import threading

N = 30000
d = {}
wrong = []


def a(base):
    for i in range(N):
        k = base + i
        d[k] = -k
        v = d.get(k)
        if v is not None and v != -k:
            wrong.append((k, v))
        d.pop(k, None)


def c():
    for i in range(N):
        d[3000000 + i] = 0
        try:
            d.popitem()
            d.popitem()
        except KeyError:
            pass


if __name__ == "__main__":
    ts = [threading.Thread(target=a, args=(1000000,)), threading.Thread(target=a, args=(2000000,)), threading.Thread(target=c)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(len(wrong), wrong[:3])
