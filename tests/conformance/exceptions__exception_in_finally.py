# Checks: an exception raised in finally replaces the original; context links; nested try in handlers.
def replace():
    try:
        raise ValueError("original")
    finally:
        raise KeyError("from finally")


try:
    replace()
except KeyError as e:
    print("caught", repr(e), "context:", repr(e.__context__))
except ValueError:
    print("not reached")


def handler_raises():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError as inner:
            print("inner handled", inner, "context", repr(inner.__context__))
        return "handled both"


print(handler_raises())


def finally_runs_on_return_from_except():
    try:
        raise IndexError("x")
    except IndexError:
        return "from except"
    finally:
        print("finally after except-return")


print(finally_runs_on_return_from_except())
depth = []
try:
    try:
        try:
            raise ValueError("deep")
        finally:
            depth.append(1)
    finally:
        depth.append(2)
except ValueError as e:
    depth.append(3)
    print(e, depth)
