# Checks: recursion that runs no Python frame (slots, calls of non-functions, callbacks of built-ins) raises RecursionError with CPython's message, also in threads; the program goes on.
import threading


def check(name, f, *args):
    try:
        f(*args)
        print(name, "returned")
    except RecursionError as e:
        print(name, "RecursionError:", e)


class Foo:
    pass


Foo.__repr__ = Foo.__str__


class Caller:
    pass


caller = Caller()
Caller.__call__ = caller


class Init:
    pass


Init.__init__ = Init


def check_selfish(name, f):
    e = Exception()
    e.args = (e,)
    check(name, f, e)
    e.args = ()  # no cycle collector: break the cycle


class Slots:
    pass


Slots.__len__ = Slots.__bool__ = Slots.__iter__ = Slots.__next__ = caller
Slots.__contains__ = Slots.__eq__ = Slots.__lt__ = Slots.__hash__ = caller
Slots.__getattr__ = Slots.__setattr__ = Slots.__getitem__ = caller
Slots.__format__ = Slots.__index__ = Slots.__add__ = Slots.__neg__ = caller
Slots.prop = property(caller)


class Getter:
    pass


Getter.__get__ = caller
Slots.descr = Getter()


def set_attr(o):
    o.a = 1


def loop(o):
    for x in o:
        pass


def deep(n):
    return deep(n + 1)


def main_checks():
    check("str", str, Foo())
    check("repr", repr, Foo())
    check("print", print, Foo())
    check("f-string", lambda: f"{Foo()}")
    check("percent", lambda: "%s" % Foo())
    check("call", caller)
    check("call args", caller, 1, 2)
    check("init", Init)
    check_selfish("exc str", str)
    check_selfish("exc repr", repr)
    o = Slots()
    check("len", len, o)
    check("bool", bool, o)
    check("if", lambda: 1 if o else 0)
    check("iter", iter, o)
    check("for", loop, o)
    check("next", next, o)
    check("in", lambda: 1 in o)
    check("eq", lambda: o == 1)
    check("lt", lambda: o < 1)
    check("hash", hash, o)
    check("getattr", lambda: o.missing)
    check("setattr", set_attr, o)
    check("getitem", lambda: o[0])
    check("format", format, o, "")
    check("index", lambda: [1, 2].pop(o))
    check("add", lambda: o + 1)
    check("neg", lambda: -o)
    check("property", lambda: o.prop)
    check("descriptor", lambda: o.descr)
    check("map", lambda: list(map(caller, [1])))
    check("filter", lambda: list(filter(caller, [1])))
    check("sorted key", lambda: sorted([2, 1], key=caller))
    check("sort key", lambda: [2, 1].sort(key=caller))
    check("min key", lambda: min([2, 1], key=caller))
    check("max key", lambda: max([2, 1], key=caller))
    check("python", deep, 0)


def thread_checks():
    check("thread str", str, Foo())
    check("thread call", caller)
    check_selfish("thread exc str", str)
    check("thread len", len, Slots())
    check("thread python", deep, 0)


if __name__ == "__main__":
    main_checks()
    t = threading.Thread(target=thread_checks)
    t.start()
    t.join()
    print("still running:", [str(x) for x in [1, 2]])
