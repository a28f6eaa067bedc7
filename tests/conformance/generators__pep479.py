# Checks: PEP 479: StopIteration raised inside a generator becomes RuntimeError with the original as __cause__.
def leaks():
    yield 1
    raise StopIteration("oops")


g = leaks()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", repr(e.__cause__))
    print("context is cause:", e.__context__ is e.__cause__)


def via_next():
    it = iter([])
    yield next(it)


try:
    list(via_next())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


def subclass():
    class MyStop(StopIteration):
        pass
    yield 0
    raise MyStop


try:
    list(subclass())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


def fine():
    try:
        next(iter([]))
    except StopIteration:
        yield "caught inside"


print(list(fine()))
