# Checks: collections.deque's errors with CPython's messages: bad constructor arguments, popping an empty deque, missing items for index/remove, full deque insert, bad indexes, concatenation with a non-deque, argument counts, and "deque mutated during iteration" from iterators, count, index, remove and in.
from collections import deque


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("not iterable", lambda: deque(1))
attempt("negative maxlen", lambda: deque([], -1))
attempt("str maxlen", lambda: deque([], "a"))
attempt("huge maxlen", lambda: deque([], 2**70))
attempt("three args", lambda: deque([1], 2, 3))
attempt("bad keyword", lambda: deque(x=1))
attempt("keywords", lambda: deque(iterable=[1, 2], maxlen=1))
attempt("pop empty", lambda: deque().pop())
attempt("popleft empty", lambda: deque().popleft())
attempt("remove missing", lambda: deque([1]).remove(2))
attempt("index missing", lambda: deque([1]).index(2))
attempt("index range", lambda: deque([1, 2, 3]).index(3, 0, 2))
attempt("index bad start", lambda: deque([1]).index(1, "a"))
attempt("index no args", lambda: deque([1]).index())
attempt("index many args", lambda: deque([1]).index(1, 2, 3, 4))
attempt("insert full", lambda: deque([1], 1).insert(0, 5))
attempt("insert one arg", lambda: deque([1]).insert(1))
attempt("insert bad index", lambda: deque([1]).insert("a", 1))
attempt("getitem range", lambda: deque([1])[5])
attempt("getitem str", lambda: deque([1])["a"])
attempt("getitem slice", lambda: deque([1])[0:1])
attempt("getitem big", lambda: deque([1])[2**70])
attempt("setitem range", lambda: deque([1]).__setitem__(3, 1))
attempt("delitem range", lambda: deque([1]).__delitem__(-3))
attempt("concat list", lambda: deque([1]) + [2])
attempt("repeat str", lambda: deque([1]) * "a")
attempt("rotate str", lambda: deque([1, 2]).rotate("a"))
attempt("rotate two", lambda: deque([1, 2]).rotate(1, 2))
attempt("rotate keyword", lambda: deque([1, 2]).rotate(n=1))
attempt("append none", lambda: deque().append())
attempt("append two", lambda: deque().append(1, 2))
attempt("append keyword", lambda: deque().append(x=1))
attempt("pop arg", lambda: deque([1]).pop(0))
attempt("extend int", lambda: deque().extend(1))
attempt("unbound", lambda: deque.append(1, 2))


def mutate_while_iterating():
    d = deque([1, 2, 3])
    for x in d:
        d.append(x)


attempt("iterate", mutate_while_iterating)


def mutate_reversed():
    d = deque([1, 2, 3])
    for x in reversed(d):
        d.pop()


attempt("reversed", mutate_reversed)


class Meddler:
    def __eq__(self, other):
        victim.append(0)
        return False


victim = deque([Meddler(), Meddler()])
attempt("count", lambda: victim.count(1))
victim = deque([Meddler(), Meddler()])
attempt("index", lambda: victim.index(1))
victim = deque([Meddler(), Meddler()])
attempt("remove", lambda: victim.remove(1))
victim = deque([Meddler(), Meddler()])
attempt("contains", lambda: 1 in victim)
it = iter(deque([1, 2]))
attempt("length hint", lambda: it.__length_hint__())
