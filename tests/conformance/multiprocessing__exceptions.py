# Checks: an exception raised in a worker is re-raised in the parent with the same type and
# args, with the worker's traceback text attached as its __cause__ (RemoteTraceback); and
# arguments that cannot be sent raise TypeError in the parent.
import threading
from multiprocessing import Pool


class Custom(Exception):
    pass


def fail(kind):
    if kind == "value":
        raise ValueError("bad value", 42)
    if kind == "key":
        return {}["missing"]
    if kind == "custom":
        raise Custom("mine")
    return 1 // 0


def identity(x):
    return x


if __name__ == "__main__":
    with Pool(2) as pool:
        for kind in ["value", "key", "custom", "zero"]:
            try:
                pool.apply(fail, (kind,))
            except Exception as e:
                tb = str(e.__cause__)
                print(type(e).__name__, e.args, type(e.__cause__).__name__)
                print("  traceback names fail():", "in fail" in tb)
        r = pool.map_async(fail, ["value"])
        r.wait()
        print("successful:", r.successful())
        try:
            pool.apply(identity, (threading.Lock(),))
        except TypeError as e:
            print("TypeError, cannot pickle:", "cannot pickle" in str(e))
        print("pool still works:", pool.apply(identity, ("yes",)))
