# Checks: __enter__/__exit__ on a user class: return value bound by as, exit args, suppression via True.
class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("open", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type is None:
            print("close", self.name, "cleanly")
        else:
            print("close", self.name, "after", exc_type.__name__, exc_value)
        return self.suppress


with Resource("a") as handle:
    print("using", handle)
with Resource("b", suppress=True) as h:
    raise ValueError("swallowed")
print("after b")
try:
    with Resource("c") as h:
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
with Resource("d"):
    print("no as clause")


class Timer:
    depth = 0

    def __enter__(self):
        Timer.depth += 1
        return self

    def __exit__(self, *args):
        Timer.depth -= 1


with Timer() as t1:
    with Timer() as t2:
        print("depth", Timer.depth, t1 is t2)
print("depth", Timer.depth)
