# Checks: multiprocessing.Pool's API: map, starmap, apply, apply_async/get, imap, close/join,
# use in `with`, and which values cross the process boundary unchanged.
from multiprocessing import Pool, TimeoutError, cpu_count


def square(x):
    return x * x


def power(base, exp=2):
    return base ** exp


def describe(value):
    return (type(value).__name__, value)


if __name__ == "__main__":
    with Pool(processes=2) as pool:
        print(pool.map(square, range(12)))
        print(pool.map(square, [3, 4], chunksize=1))
        print(pool.map(square, []))
        print(pool.starmap(power, [(2, 3), (3, 2), (10, 0)]))
        print(pool.apply(power, (2,), {"exp": 10}))
        results = [pool.apply_async(square, (i,)) for i in range(5)]
        print([r.get(timeout=30) for r in results])
        r = pool.apply_async(power, (7, 3))
        r.wait()
        print(r.ready(), r.successful(), r.get())
        print(list(pool.imap(square, range(4))))
        print(sorted(pool.imap_unordered(square, range(4))))
        values = [None, True, 0, -5, 2 ** 100, 1.5, -0.0, "text", "", b"\x00\xff", [1, [2]],
                  (1, (2, 3)), (), {"a": 1, 2: [3]}, {}]
        for v in values:
            print(pool.apply(describe, (v,)))
    pool = Pool(2)
    print(sum(pool.map(square, range(100))))
    pool.close()
    pool.join()
    try:
        pool.apply(square, (1,))
    except ValueError as e:
        print("ValueError:", e)
    print(cpu_count() >= 1)
    print(issubclass(TimeoutError, Exception))
