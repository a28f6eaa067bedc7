# Checks: functools.partial: calling with extra positional and keyword arguments (keywords overridden at call time), func/args/keywords (read-only), nested partials flattened, repr (also of subclasses), __reduce__/__setstate__, use with map/sorted and builtins, instance attributes, and CPython's errors; functools.reduce with and without initial, and its errors.
import functools
from functools import partial, reduce


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


def f(a, b=2, *args, c=3, **kw):
    return (a, b, args, c, kw)


p = partial(f, 1, c=5)
print(p(), p(7), p(7, 8, 9), p(c=0), p(d=4), p.func is f, p.args, p.keywords)
q = partial(p, 2, d=1)
print(q(), q.func is f, q.args, q.keywords, partial(q, c=9).keywords)
print(partial(f)(0), partial(f, b=1)(0), partial(max, 5)(3), partial(int, base=2)("101"))
print(list(map(partial(pow, 2), range(5))), sorted([3, 1, 2], key=partial(lambda k, x: -x, None)))
print(repr(partial(len, [1], x=[2])), repr(partial(max)), repr(partial(partial(max, 1), 2)))


class Tagged(partial):
    pass


t = Tagged(max, 1)
print(repr(t), t(5), type(t).__name__, isinstance(t, partial))
print(repr(partial(sorted, key=len, reverse=True)), partial(sorted, key=len, reverse=True)(["aa", "b", "ccc"]))
r = partial(max, 1, 2)
print(r.__reduce__()[1], r.__reduce__()[2][1:], type(r.__reduce__()[0]).__name__)
s = partial(min)
s.__setstate__((max, (-10,), {"key": abs}, None))
print(s.func is max, s.args, s.keywords, s(3), s(30))
u = partial(f, 1)
u.note = "hello"
print(u.note, partial(u, 2).args, partial(u, 2).func is u)
attempt("no args", lambda: partial())
attempt("not callable", lambda: partial(1))
attempt("set func", lambda: setattr(p, "func", max))
attempt("set args", lambda: setattr(p, "args", ()))
attempt("set keywords", lambda: setattr(p, "keywords", {}))
attempt("call error", lambda: partial(f, e=1, a=2)(1))
attempt("setstate bad", lambda: partial(min).__setstate__(1))
attempt("setstate short", lambda: partial(min).__setstate__((max, ())))

print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 7), reduce(max, [3], 9))
print(reduce(lambda a, b: a + [b], "abc", []), reduce(lambda a, b: a + b, ["x", "y", "z"]))
print(reduce(lambda a, b: a * 10 + b, iter([1, 2, 3])), functools.reduce(pow, [2, 3, 2]))
attempt("empty", lambda: reduce(lambda a, b: a + b, []))
attempt("not iterable", lambda: reduce(lambda a, b: a + b, 5))
attempt("one arg", lambda: reduce(lambda a, b: a + b))
attempt("four args", lambda: reduce(lambda a, b: a + b, [1], 2, 3))
attempt("keyword", lambda: reduce(lambda a, b: a + b, [1], initial=2))
attempt("raising", lambda: reduce(lambda a, b: a / b, [1, 0]))
