# Checks: globals() is the module dict (writes create globals), locals() at module level is globals(), in a function a dict of the bound locals/cells/free variables refreshed at each call (CPython 3.11: the same dict, writes do not change variables, exec() writes stay visible), in a class body the class namespace, in comprehensions and generators their own frame; vars() with and without an argument.
counter = 1
g = globals()
print(g is globals(), locals() is g, g["counter"], "g" in g, g["__name__"])
g["made_here"] = 42
print(made_here)
print(vars() is g, sorted(k for k in vars() if not k.startswith("__")))


def outer(a, b=2, *rest, **kw):
    c = a + b
    unbound_yet = None
    del unbound_yet
    def inner():
        return c
    first = locals()
    print(sorted(first), first["a"], first["c"], first["rest"], first["kw"])
    c = 50
    print(first["c"], locals() is first, first["c"])
    first["a"] = 999
    print(a, first["a"] == 999)
    exec("extra = 7")
    print("extra" in locals(), sorted(locals()))
    first.clear()  # it holds itself (as in CPython, a cycle: break it)
    return inner


f = outer(1, 3, 4, k=5)
print(f())


def closure_view():
    x = 1
    def read():
        return sorted(locals()), x
    return read()


print(closure_view())


def shadows():
    global counter
    counter += 1
    return "counter" in locals(), globals()["counter"]


print(shadows())


class Body:
    attr = 1
    seen = sorted(k for k in locals() if not k.startswith("__"))
    locals()["injected"] = "yes"
    module_name = globals()["__name__"]


print(Body.seen, Body.injected, Body.module_name)
print([sorted(locals()) for _ in range(1)], {k: 0 for k in ["a"] if locals()})


def gen():
    n = 0
    yield sorted(locals())
    n += 1
    m = 2
    yield sorted(locals()), n


it = gen()
print(next(it), next(it))


class Obj:
    def __init__(self):
        self.p = 1
        self.q = [2]


print(vars(Obj()), vars(Obj)["__init__"].__name__)
try:
    vars(5)
except TypeError as e:
    print(e)
fn = globals
print(fn() is g, (lambda: locals())(), (lambda v=3: locals())())
