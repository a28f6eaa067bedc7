# multiprocessing.Manager: dict, list, Namespace and Lock proxies shared by processes and a
# Pool, the errors their referents raise, str() of a proxy, custom types registered on a
# BaseManager subclass, and values that cannot cross.
import multiprocessing as mp
import threading
from multiprocessing.managers import BaseManager


def work(d, l, ns, lock, i):
    with lock:
        d[i] = i * i
        l.append(i)
        ns.count += 1


def pool_task(args):
    d, i = args
    d["pool-%d" % i] = i
    return i


class Counter:
    def __init__(self, start):
        self.n = start

    def incr(self, k=1):
        self.n += k
        return self.n

    def get(self):
        return self.n


class MyManager(BaseManager):
    pass


MyManager.register("Counter", Counter)


if __name__ == "__main__":
    mp.set_start_method("spawn")
    with mp.Manager() as m:
        d = m.dict()
        l = m.list([10])
        ns = m.Namespace(count=0)
        lock = m.Lock()
        ps = [mp.Process(target=work, args=(d, l, ns, lock, i)) for i in range(4)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(sorted(d.items()), sorted(l), ns.count)
        print(type(d).__name__, type(l).__name__, type(ns).__name__, type(lock).__name__)
        with mp.Pool(2) as pool:
            print(sorted(pool.map(pool_task, [(d, i) for i in range(3)])))
        print(sorted(k for k in d.keys() if isinstance(k, str)))
        print(d.get(9, "none"), len(d), 3 in d, 99 in d, l[0], len(l))
        try:
            d["missing"]
        except KeyError as e:
            print("KeyError", e)
        try:
            l[100]
        except IndexError as e:
            print("IndexError", e)
        try:
            ns.nothing
        except AttributeError as e:
            print("AttributeError", e)
        try:
            lock.release()
        except RuntimeError as e:
            print("RuntimeError", e)
        print(lock.acquire(), lock.acquire(False), lock.acquire(timeout=0.05))
        lock.release()
        print(str(d) == str(dict(d)), d.copy() == dict(d), type(l[:]).__name__)
        l2 = m.list()
        l2.extend([3, 1, 2])
        l2.sort()
        l2 += [7]
        print(l2, l2 + [4], list(l2), list(reversed(l2)), l2.index(2), l2.count(7))
        dd = m.dict({"a": 1})
        dd.update(b=2)
        print(dd.keys(), dd.values(), dd.items(), dd.pop("a"), dd, list(dd))
        print(dd.setdefault("c", 3), dd.popitem(), len(dd))
        ns2 = m.Namespace(a=1, b=[1, 2])
        ns2.c = "x"
        del ns2.a
        print(str(ns2), ns2.b)
        try:
            m.dict()[[1]] = 2
        except TypeError as e:
            print("TypeError", e)
        try:
            d["lock"] = threading.Lock()
        except Exception as e:
            print("cannot cross:", type(e).__name__)
        print(repr(d).startswith("<DictProxy object, typeid 'dict' at 0x"))
    with MyManager() as mm:
        c = mm.Counter(5)
        print(c.incr(), c.incr(3), c.get(), type(c).__name__)
        try:
            c.n
        except AttributeError:
            print("AttributeError: only methods are exposed")
