import sys
import threading
from multiprocessing import Pool, Process

def ident(x):
    return x

def fail():
    raise KeyError("k")

def leave(code):
    sys.exit(code)

def nested():
    def inner():
        return 1
    return inner

if __name__ == "__main__":
    with Pool(2) as pool:
        for bad in [lambda: 1, nested()]:
            try:
                pool.apply(bad)
            except Exception as e:
                print(type(e).__name__, e)
        for arg in [threading.Lock(), {1, 2}, object()]:
            try:
                pool.apply(ident, (arg,))
            except TypeError as e:
                print("TypeError", e)
        try:
            pool.apply(ident, ({(1, 2): 3},))
        except TypeError as e:
            print("TypeError", e)
    for target, args in [(fail, ()), (leave, (3,)), (leave, (0,)), (ident, (1,)), (None, ())]:
        p = Process(target=target, args=args)
        p.start()
        p.join()
        print(p.name, p.exitcode)
