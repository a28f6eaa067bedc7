def simple():
    pass


def with_doc(a, b):
    """Add two things."""
    return a + b


def defaults(a, b=1, c="x"):
    return a, b, c


def dyn_defaults(a, b=[], c=simple()):
    return a


def star(*args, **kwargs):
    return args, kwargs


def kwonly(a, *, b, c=3):
    return a + b + c


def everything(a, b=2, *args, c, d=4, **kwargs):
    return a


def outer(x):
    y = 1

    def inner(z):
        return x + y + z

    return inner


def counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count

    return inc


G = 0


def set_global():
    global G
    G = 5
    return G


square = lambda v: v * v
adder = lambda a, b=1: a + b


def deco(fn):
    return fn


@deco
def decorated():
    return 1


@deco
@deco
def twice():
    return 2


def uses_builtin(seq):
    return len(seq)


def deletes(a):
    del a
    b = 1
    del b
