# Checks: functools.lru_cache and cache: @lru_cache and @lru_cache(maxsize=...) forms, hits/misses/currsize through cache_info(), LRU eviction order, maxsize=0 and None, negative maxsize, typed=True, keyword arguments in keys, cache_clear(), cache_parameters(), __wrapped__ and the copied name/doc, use on methods and recursive functions, unhashable arguments, and the decorator's errors.
import functools
from functools import lru_cache, cache


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


calls = []


@lru_cache
def square(x):
    "Square x."
    calls.append(x)
    return x * x


print([square(i) for i in (1, 2, 1, 3, 2, 1)], calls, square.cache_info())
print(square.__name__, square.__doc__, square.__wrapped__.__name__, square.__qualname__)
print(square.cache_parameters(), square.cache_info().hits, square.cache_info()._fields)
square.cache_clear()
print(square.cache_info(), square(4), square.cache_info())

seen = []


@lru_cache(maxsize=2)
def ident(x):
    seen.append(x)
    return x


for v in [1, 2, 1, 3, 2, 1, 1]:
    ident(v)
print(seen, ident.cache_info())


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())


@cache
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)


print(fact(30), fact.cache_info(), fact.cache_parameters())


@lru_cache(maxsize=0)
def nocache(x):
    return x


print(nocache(1), nocache(1), nocache.cache_info())


@lru_cache(maxsize=-5)
def negative(x):
    return x


print(negative(1), negative(1), negative.cache_info())
typed_calls = []


@lru_cache(typed=True)
def typed(x):
    typed_calls.append(type(x).__name__)
    return x


typed(1)
typed(1.0)
typed(1)
print(typed_calls, typed.cache_info(), typed.cache_parameters())
untyped_calls = []


@lru_cache()
def untyped(x):
    untyped_calls.append(x)
    return x


print(untyped(1), untyped(1.0), untyped(True), untyped_calls, untyped.cache_info())
kw_calls = []


@lru_cache(maxsize=8)
def kw(a, b=0, *, c=0):
    kw_calls.append((a, b, c))
    return a + b + c


print(kw(1), kw(1, 2), kw(1, b=2), kw(a=1, b=2), kw(1, c=3), kw(1, c=3), kw_calls, kw.cache_info().hits)


class Area:
    def __init__(self, side):
        self.side = side
        self.computed = 0

    @lru_cache(maxsize=4)
    def area(self, scale):
        self.computed += 1
        return self.side * self.side * scale

    def __hash__(self):
        return hash(self.side)

    def __eq__(self, other):
        return isinstance(other, Area) and self.side == other.side


a = Area(3)
print(a.area(1), a.area(1), a.area(2), a.computed, Area.area.cache_info())
print(a.area.cache_info() == Area.area.cache_info(), Area.area.__name__)
attempt("unhashable", lambda: square([1]))
attempt("bad maxsize", lambda: lru_cache("big"))
attempt("too many", lambda: lru_cache(1, 2, 3))
attempt("bad keyword", lambda: lru_cache(maxsize=1, x=1))
attempt("typed callable", lambda: lru_cache(len, 1))


@lru_cache(maxsize=3)
def fails(x):
    if x < 0:
        raise ValueError("negative")
    return x


attempt("raising", lambda: fails(-1))
print(fails(1), fails.cache_info())
wrapped = functools.lru_cache(maxsize=1)(len)
print(wrapped("abc"), wrapped("abc"), wrapped.cache_info(), wrapped.__wrapped__ is len, wrapped.__name__)
