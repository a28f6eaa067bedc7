# Checks: operator.itemgetter, attrgetter (dotted names, several names) and methodcaller (positional and keyword arguments): results, reprs, __reduce__, use as sort keys, and CPython's errors.
import operator
from operator import itemgetter, attrgetter, methodcaller


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class P:
    def __init__(self, name, age, inner=None):
        self.name = name
        self.age = age
        self.inner = inner

    def greet(self, greeting, punct="!"):
        return "%s, %s%s" % (greeting, self.name, punct)


g = itemgetter(1)
print(g([10, 20, 30]), g("xyz"), g({1: "one"}), itemgetter(-1)((1, 2, 3)))
print(itemgetter(0, 2)("abc"), itemgetter("a", "b")({"a": 1, "b": 2}), itemgetter(slice(1, None))([1, 2, 3]))
print(repr(g), repr(itemgetter("a", 1)), repr(itemgetter(slice(1, 2))), type(g), type(g).__name__)
print(g.__reduce__(), itemgetter(1, 2).__reduce__())
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(0)), max(rows, key=itemgetter(1)))
print(list(map(itemgetter(0), rows)))

people = [P("ann", 31, P("x", 1)), P("bob", 25, P("y", 2))]
a = attrgetter("name")
print(a(people[0]), attrgetter("inner.name")(people[1]), attrgetter("name", "age")(people[0]))
print(attrgetter("inner.age", "name")(people[0]), [p.name for p in sorted(people, key=attrgetter("age"))])
print(repr(a), repr(attrgetter("inner.name", "age")), a.__reduce__(), attrgetter("a.b", "c").__reduce__())
print(attrgetter("real", "imag")(3), attrgetter("__class__.__name__")(1.5))

m = methodcaller("greet", "hello")
print(m(people[0]), methodcaller("greet", "hi", punct="?")(people[1]), methodcaller("upper")("abc"))
print(methodcaller("split", ",", maxsplit=1)("a,b,c"), methodcaller("bit_length")(255))
print(repr(m), repr(methodcaller("greet", "x", punct=[1])), repr(methodcaller("f")))
print(m.__reduce__(), methodcaller("f").__reduce__())
r = methodcaller("split", ",", maxsplit=1).__reduce__()
print(r[1], r[0].args, r[0].keywords, r[0]("a,b,c") if False else r[0](*r[1])("a,b,c"))

attempt("itemgetter none", lambda: itemgetter())
attempt("itemgetter kw", lambda: itemgetter(a=1))
attempt("itemgetter call none", lambda: itemgetter(1)())
attempt("itemgetter call two", lambda: itemgetter(1)([1], 2))
attempt("itemgetter call kw", lambda: itemgetter(1)([1], k=2))
attempt("itemgetter range", lambda: itemgetter(5)([1]))
attempt("itemgetter key", lambda: itemgetter("k")({}))
attempt("itemgetter int", lambda: itemgetter(0)(5))
attempt("attrgetter none", lambda: attrgetter())
attempt("attrgetter int", lambda: attrgetter(1))
attempt("attrgetter second int", lambda: attrgetter("a", 1))
attempt("attrgetter kw", lambda: attrgetter("a", x=1))
attempt("attrgetter missing", lambda: attrgetter("a")(1))
attempt("attrgetter dotted missing", lambda: attrgetter("real.x")(1))
attempt("attrgetter empty part", lambda: attrgetter("name..x")(people[0]))
attempt("attrgetter call none", lambda: attrgetter("a")())
attempt("methodcaller none", lambda: methodcaller())
attempt("methodcaller int", lambda: methodcaller(1))
attempt("methodcaller missing", lambda: methodcaller("x")(1))
attempt("methodcaller call none", lambda: methodcaller("x")())
attempt("methodcaller bad args", lambda: methodcaller("greet")(people[0]))
print(repr(attrgetter("name..x")))
