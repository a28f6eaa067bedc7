import sys
from multiprocessing import Pool, ProcessError

def ident(x):
    return x

def leave(code):
    sys.exit(code)

if __name__ == "__main__":
    pool = Pool(1)
    first = pool.apply_async(ident, (41,))
    print("first", first.get(timeout=10))
    try:
        pool.apply(leave, (7,))
    except ProcessError as e:
        print("ProcessError:", e)
    print("kept", first.get(timeout=1))
    try:
        pool.apply(ident, (1,))
    except ProcessError as e:
        print("ProcessError:", e)
    pool.terminate()
    pool.join()
