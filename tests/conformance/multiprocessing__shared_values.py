# multiprocessing.Value and Array in shared memory: children update them under their lock,
# the parent sees every update; typecodes, wrapping, slices and errors as CPython has them.
import multiprocessing as mp


def add(v, a, n):
    for _ in range(n):
        with v.get_lock():
            v.value += 1
    with a.get_lock():
        for i in range(len(a)):
            a[i] = a[i] + i


def raw(r, ra):
    r.value = r.value * 2
    ra[0] = -1


if __name__ == "__main__":
    v = mp.Value("i", 0)
    a = mp.Array("d", [0.5, 1.5, 2.5])
    ps = [mp.Process(target=add, args=(v, a, 200)) for _ in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(v.value, a[:], [p.exitcode for p in ps])
    r = mp.RawValue("q", 21)
    ra = mp.RawArray("b", 3)
    p = mp.Process(target=raw, args=(r, ra))
    p.start()
    p.join()
    print(r.value, ra[:], p.exitcode)
    print(mp.Value("i", 2**31).value, mp.Value("B", 300).value, mp.Value("h", -32769).value)
    print(mp.Value("d", 1).value, mp.Value("f", 0.1).value, mp.Value("Q", -1).value)
    print(mp.Value("i").value, mp.Array("H", 2)[:], mp.Value("l", True).value)
    print(repr(mp.RawValue("i", 5)), repr(mp.Value("d", 2.5)), repr(mp.RawValue("B", 7)))
    bad = [
        lambda: mp.Value("i", 1.5),
        lambda: mp.Value("d", "x"),
        lambda: mp.Value("i", "x"),
        lambda: mp.Array("i", 3)[3],
        lambda: mp.Array("i", 3).__setitem__(-4, 0),
        lambda: mp.Array("i", [1, 2]).__setitem__(slice(0, 2), [1]),
    ]
    for f in bad:
        try:
            f()
        except Exception as e:
            print(type(e).__name__, e)
    x = mp.Array("i", range(5))
    x[1:3] = [10, 20]
    print(len(x), x[-1], x[::2], x[::-1], x[3:1:-1], x[-2:], list(x.get_obj()))
    x[::2] = [7, 8, 9]
    print(x[:], x.get_obj()[1:4])
    l = x.get_lock()
    print(l.acquire(), l.acquire(False), l.acquire(timeout=0.1))
    l.release()
    l.release()
    l.release()
    with x:
        x[0] = 100
    print(x[0], v.get_obj().value)
