# Checks: with a as x, b as y: enter in order, exit in reverse order; exit on exception for all entered managers.
class CM:
    def __init__(self, name, fail_enter=False):
        self.name = name
        self.fail_enter = fail_enter

    def __enter__(self):
        if self.fail_enter:
            print("enter", self.name, "fails")
            raise RuntimeError("cannot enter " + self.name)
        print("enter", self.name)
        return self.name + "-value"

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return False


with CM("a") as a, CM("b") as b:
    print("body", a, b)
print("---")
try:
    with CM("a") as a, CM("b") as b, CM("c"):
        raise ValueError("in body")
except ValueError as e:
    print("caught", e)
print("---")
try:
    with CM("a"), CM("b", fail_enter=True), CM("c"):
        print("never")
except RuntimeError as e:
    print("caught", e)
print("---")
with CM("outer") as o:
    with CM("inner") as i:
        print("nested body", o, i)
