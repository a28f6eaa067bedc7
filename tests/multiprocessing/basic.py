from multiprocessing import Pool, Process, cpu_count
import os

def square(x):
    return x * x

def add(a, b):
    return a + b

def hello(name):
    print("hello from", name)

def boom(x):
    raise ValueError("bad value %d" % x)

def ident(v):
    return v

if __name__ == "__main__":
    with Pool(processes=2) as pool:
        print(pool.map(square, range(10)))
        print(pool.starmap(add, [(1, 2), (3, 4)]))
        print(pool.apply(add, (5, 6)))
        r = pool.apply_async(square, (7,))
        print(r.get(timeout=10))
        print(list(pool.imap(square, [1, 2, 3])))
        v = pool.apply(ident, ((1, [2, (3,)], {"a": b"xy", 2: None}, 2**80, 1.5, True),))
        print(v)
        try:
            pool.apply(boom, (3,))
        except ValueError as e:
            print("caught", repr(e))
            print("cause", type(e.__cause__).__name__)
    p = Process(target=hello, args=("child",))
    p.start()
    p.join()
    print("exitcode", p.exitcode, p.is_alive())
    print(cpu_count() >= 1)
