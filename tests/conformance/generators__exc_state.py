# Checks: the exception a generator handles is its own: sys.exc_info inside and outside, bare raise after a yield, implicit exception context.
import sys


def handler():
    try:
        raise ValueError("inside")
    except ValueError:
        yield sys.exc_info()[1]
        yield sys.exc_info()[1]
        raise


g = handler()
print(repr(next(g)))
print("outside:", sys.exc_info())
try:
    raise KeyError("caller")
except KeyError:
    print(repr(next(g)))
    print("caller still:", repr(sys.exc_info()[1]))
try:
    next(g)
except ValueError as e:
    print("reraised", repr(e))


def sees_caller():
    yield repr(sys.exc_info()[1])


try:
    raise IndexError("outer")
except IndexError:
    print(next(sees_caller()))


def context():
    try:
        yield
    finally:
        pass
    raise TypeError("new")


c = context()
next(c)
try:
    raise OSError("handling")
except OSError:
    try:
        next(c)
    except TypeError as e:
        print(repr(e), repr(e.__context__))
