# Checks: functools.wraps/update_wrapper (the assigned and updated attributes, __wrapped__, custom assigned/updated, wrapping objects without some attributes), WRAPPER_ASSIGNMENTS/UPDATES, total_ordering from each root operation (with NotImplemented passed through) and its error, cmp_to_key (sorting, comparisons, errors).
import functools
from functools import wraps, update_wrapper, total_ordering, cmp_to_key


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        "wrapper doc"
        return ("logged", func(*args, **kwargs))
    return wrapper


@logged
def add(a, b):
    "Add two numbers."
    return a + b


add.__dict__["tag"] = "t"
print(add(1, 2), add.__name__, add.__qualname__, add.__doc__, add.__module__, add.__wrapped__(1, 2))
print(sorted(add.__dict__), functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)


def original():
    "original doc"


original.attr = 1
original.__wrapped__ = "inner"


def shell():
    pass


result = update_wrapper(shell, original)
print(result is shell, shell.__name__, shell.__doc__, shell.attr, shell.__wrapped__ is original)


def shell2():
    pass


update_wrapper(shell2, original, assigned=("__doc__",), updated=())
print(shell2.__name__, shell2.__doc__, hasattr(shell2, "attr"), shell2.__wrapped__ is original)


class Holder:
    pass


h = Holder()
update_wrapper(h, len)
print(h.__name__, h.__wrapped__ is len)


def bare():
    pass


update_wrapper(bare, Holder())
print(bare.__name__, bare.__wrapped__.__class__.__name__)
attempt("update bad", lambda: update_wrapper(bare, original, updated=("nothing",)))


@total_ordering
class ByLt:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __lt__(self, other):
        if not isinstance(other, ByLt):
            return NotImplemented
        return self.v < other.v


@total_ordering
class ByGe:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __ge__(self, other):
        return self.v >= other.v


@total_ordering
class ByLe:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __le__(self, other):
        return self.v <= other.v


@total_ordering
class ByGt:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __gt__(self, other):
        return self.v > other.v


for cls in (ByLt, ByGe, ByLe, ByGt):
    a, b = cls(1), cls(2)
    print(cls.__name__, a < b, a <= b, a > b, a >= b, b < a, b <= a, b > a, b >= a, a <= cls(1), a >= cls(1),
          sorted(x.v for x in sorted([cls(3), cls(1), cls(2)])))
print(ByLt.__gt__.__name__, ByLt.__le__.__doc__)
print(ByLt(1).__gt__(5), ByLt(1).__le__(5))
attempt("compare other", lambda: ByLt(1) > 5)
attempt("no ordering", lambda: total_ordering(Holder))


def cmp(a, b):
    return (a > b) - (a < b)


words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words, key=cmp_to_key(lambda a, b: cmp(a.lower(), b.lower()))))
print(sorted([5, 2, 9, 1], key=cmp_to_key(lambda a, b: b - a)), max([3, 7, 5], key=cmp_to_key(cmp)))
K = cmp_to_key(cmp)
k1, k2 = K(1), K(2)
print(k1 < k2, k1 > k2, k1 == K(1), k1 != k2, k1 <= k2, k1 >= k2, k1.obj, type(k1).__name__, type(K).__name__)
attempt("hash", lambda: hash(k1))
attempt("compare other", lambda: k1 < 5)
attempt("no obj", lambda: K())
attempt("no cmp", lambda: cmp_to_key())
attempt("bad cmp", lambda: cmp_to_key(None)(1) < cmp_to_key(None)(2))
