# Checks: BaseException vs Exception, StopIteration, AssertionError, OverflowError, RecursionError, NotImplementedError.
class Halt(BaseException):
    pass


try:
    try:
        raise Halt("stop everything")
    except Exception:
        print("Exception does not catch BaseException subclasses")
except BaseException as e:
    print(type(e).__name__, e, isinstance(e, Exception))
try:
    next(iter(()))
except StopIteration as e:
    print("StopIteration", e.args)
try:
    raise StopIteration(7)
except StopIteration as e:
    print("StopIteration value", e.value, e.args)
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print(type(e).__name__, e)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert False
except AssertionError as e:
    print(type(e).__name__, repr(str(e)), e.args)
assert True, "not raised"
assert 1, "not raised either"
try:
    2.0 ** 10000
except OverflowError as e:
    print(type(e).__name__)
try:
    float(2 ** 1024)
except OverflowError as e:
    print(type(e).__name__, e)


def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError:
    print("RecursionError caught")
print("still running after recursion")


class Shape:
    def area(self):
        raise NotImplementedError("subclasses must implement area")


try:
    Shape().area()
except NotImplementedError as e:
    print(type(e).__name__, e, isinstance(e, RuntimeError))
try:
    raise NotImplementedError
except RuntimeError as e:
    print("caught as RuntimeError:", type(e).__name__)
try:
    raise RuntimeError("generic runtime failure")
except RuntimeError as e:
    print(type(e).__name__, e)
print(issubclass(RecursionError, RuntimeError), issubclass(OverflowError, ArithmeticError))
print(issubclass(StopIteration, Exception), issubclass(AssertionError, Exception))
