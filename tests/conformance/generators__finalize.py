# Checks: a suspended generator whose last reference goes is closed then: finally blocks and __exit__ run before the next statement, as CPython's deallocator does.
def g(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)


for x in g("loop"):
    break
print("after loop")
a = g("rebound")
next(a)
a = None
print("after rebind")


def ctxgen():
    class CM:
        def __enter__(self):
            print("enter")
        def __exit__(self, *e):
            print("exit", e[0].__name__ if e[0] else None)
    with CM():
        yield 1


c = ctxgen()
next(c)
del c
print("after del")


def plain():
    yield 1
    yield 2


p = plain()
next(p)
p = None
print("end")
