# Checks: operator's functions (arithmetic, bitwise, comparisons, truth, identity, containers, in-place, index, length_hint, countOf/indexOf, concat, call) and their dunder aliases, with CPython's errors.
import operator


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class V:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "V(%r)" % self.v

    def __add__(self, o):
        return V(self.v + (o.v if isinstance(o, V) else o))

    def __radd__(self, o):
        return V(o + self.v)

    def __iadd__(self, o):
        self.v += o
        return self

    def __neg__(self):
        return V(-self.v)

    def __pos__(self):
        return V(+self.v)

    def __invert__(self):
        return V(~self.v)

    def __abs__(self):
        return V(abs(self.v))

    def __lt__(self, o):
        return self.v < o.v

    def __eq__(self, o):
        return isinstance(o, V) and self.v == o.v

    def __matmul__(self, o):
        return "matmul(%r, %r)" % (self, o)

    def __imatmul__(self, o):
        return "imatmul(%r, %r)" % (self, o)

    def __index__(self):
        return self.v

    def __bool__(self):
        return self.v != 0


for name in ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift",
             "rshift", "and_", "or_", "xor"]:
    f = getattr(operator, name)
    print(name, f(13, 3), f(2, 5), getattr(operator, "__%s__" % name.rstrip("_")) is f)
print(operator.truediv(7, 2), operator.mod(-7, 3), operator.floordiv(-7.5, 2))
print(operator.add("ab", "cd"), operator.mul([1], 3), operator.mul(2, "xy"))
print(operator.and_({1, 2}, {2, 3}), operator.or_({1}, {2}), operator.xor(True, False))
print(operator.add(V(1), 2), operator.add(2, V(1)), operator.matmul(V(1), V(2)))
for name in ["neg", "pos", "invert", "inv", "abs"]:
    f = getattr(operator, name)
    print(name, f(5), f(-2), f(V(3)), getattr(operator, "__%s__" % name) is f)
print(operator.neg(2.5), operator.abs(-2**70), operator.invert(True))
print(operator.not_(0), operator.not_([1]), operator.truth([]), operator.truth(V(2)))
print(operator.__not__ is operator.not_, operator._abs is abs)
a, b = [1], [1]
print(operator.is_(a, a), operator.is_(a, b), operator.is_not(a, b), operator.is_not(None, None))
for name in ["lt", "le", "eq", "ne", "gt", "ge"]:
    f = getattr(operator, name)
    print(name, f(1, 2), f(2, 2), f("b", "a"), f((1, 2), (1, 3)), getattr(operator, "__%s__" % name) is f)
print(operator.lt(V(1), V(2)), operator.eq(V(1), V(1)), operator.ne(V(1), V(1)))
print(operator.contains([1, 2], 2), operator.contains("abc", "bc"), operator.contains({1: 2}, 2))
d = {"a": 1}
l = [1, 2, 3, 4]
print(operator.getitem(d, "a"), operator.getitem(l, -1), operator.getitem(l, slice(1, 3)))
print(operator.setitem(d, "b", 2), d, operator.setitem(l, slice(0, 2), ["x"]), l)
print(operator.delitem(d, "a"), d, operator.delitem(l, 0), l)
print(operator.concat([1], [2]), operator.concat("a", "b"), operator.concat((1,), (2,)))
x = [1]
y = operator.iconcat(x, (2, 3))
print(x, y is x)
x = [1]
print(operator.iadd(x, [2]) is x, x, operator.iadd(3, 4), operator.iadd("a", "b"))
v = V(1)
print(operator.iadd(v, 5) is v, v, operator.imatmul(V(1), V(2)))
for name in ["isub", "imul", "itruediv", "ifloordiv", "imod", "ipow", "ilshift",
             "irshift", "iand", "ior", "ixor"]:
    f = getattr(operator, name)
    print(name, f(13, 3), getattr(operator, "__%s__" % name) is f)
s = {1, 2}
print(operator.ior(s, {3}) is s, s, operator.iand(s, {1, 3}) is s, s)
print(operator.index(5), operator.index(True), operator.index(2**70), operator.index(V(7)))
print(operator.countOf([1, 2, 1, 1.0, True], 1), operator.countOf("banana", "a"))
print(operator.indexOf([3, 4, 5], 5), operator.indexOf((x for x in "abc"), "b"))
n = float("nan")
print(operator.countOf([n, n], n), operator.indexOf([0, n], n))
print(operator.length_hint([1, 2]), operator.length_hint(iter([1, 2, 3])),
      operator.length_hint(iter(range(10))), operator.length_hint(5), operator.length_hint(5, 9))


class Hint:
    def __init__(self, r):
        self.r = r

    def __length_hint__(self):
        return self.r


class Sized:
    def __len__(self):
        return 4

    def __length_hint__(self):
        return 99


print(operator.length_hint(Hint(3)), operator.length_hint(Hint(NotImplemented), 7),
      operator.length_hint(Sized()))
it = iter([1, 2, 3])
next(it)
print(operator.length_hint(it), operator.length_hint(iter("héllo")), operator.length_hint(iter({1: 2})))
print(operator.call(max, 1, 5, 3), operator.call(sorted, [3, 1], reverse=True),
      operator.__call__ is operator.call)
print(sorted(n for n in operator.__all__)[:5], len(operator.__all__))
print(repr(operator.add), repr(operator.__add__))

attempt("add one", lambda: operator.add(1))
attempt("add three", lambda: operator.add(1, 2, 3))
attempt("add kw", lambda: operator.add(1, b=2))
attempt("neg none", lambda: operator.neg())
attempt("neg two", lambda: operator.neg(1, 2))
attempt("truth kw", lambda: operator.truth(x=1))
attempt("add types", lambda: operator.add(1, "a"))
attempt("iadd types", lambda: operator.iadd(1, "a"))
attempt("neg str", lambda: operator.neg("a"))
attempt("abs str", lambda: operator.abs("a"))
attempt("lt types", lambda: operator.lt(1, "a"))
attempt("truediv zero", lambda: operator.truediv(1, 0))
attempt("index str", lambda: operator.index("a"))
attempt("index float", lambda: operator.index(1.5))
attempt("concat int", lambda: operator.concat(1, 2))
attempt("concat mixed", lambda: operator.concat([1], (2,)))
attempt("concat str int", lambda: operator.concat("a", 2))
attempt("iconcat int", lambda: operator.iconcat(1, [2]))
attempt("concat dict", lambda: operator.concat({}, {}))
attempt("indexOf missing", lambda: operator.indexOf([1, 2], 3))
attempt("indexOf int", lambda: operator.indexOf(5, 3))
attempt("countOf int", lambda: operator.countOf(5, 3))
attempt("contains int", lambda: operator.contains(1, 2))
attempt("getitem range", lambda: operator.getitem([1], 5))
attempt("getitem key", lambda: operator.getitem({}, "k"))
attempt("delitem key", lambda: operator.delitem({}, "k"))
attempt("setitem tuple", lambda: operator.setitem((1,), 0, 2))
attempt("length_hint str default", lambda: operator.length_hint(5, "a"))
attempt("length_hint big default", lambda: operator.length_hint(5, 2**70))
attempt("length_hint none", lambda: operator.length_hint())
attempt("length_hint bad", lambda: operator.length_hint(Hint("x")))
attempt("length_hint negative", lambda: operator.length_hint(Hint(-1)))
attempt("call none", lambda: operator.call())
attempt("is_ one", lambda: operator.is_(1))
