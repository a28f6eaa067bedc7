# Checks: raise instance, raise class, bare raise re-raise, re-raise after modification, raise in except.
def validate(n):
    if n < 0:
        raise ValueError("negative: " + str(n))
    if n == 0:
        raise ZeroDivisionError
    return 100 // n


for n in [5, -1, 0]:
    try:
        print(validate(n))
    except ValueError as e:
        print("ValueError", e, e.args)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", repr(str(e)), e.args)


def wrapper():
    try:
        validate(-5)
    except ValueError:
        print("logging then re-raising")
        raise


try:
    wrapper()
except ValueError as e:
    print("re-raised:", e)


def convert():
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("lookup failed") from e


try:
    convert()
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__, e.__cause__)
    print(e.__suppress_context__, type(e.__context__).__name__)


def implicit_chain():
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("during handling")


try:
    implicit_chain()
except TypeError as e:
    print(e, "| context:", type(e.__context__).__name__, e.__context__, "| cause:", e.__cause__)


def from_none():
    try:
        [][1]
    except IndexError:
        raise KeyError("clean") from None


try:
    from_none()
except KeyError as e:
    print(repr(e), e.__cause__, e.__suppress_context__)
try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e), e.args)
try:
    try:
        raise ValueError("inner")
    finally:
        print("finally during propagation")
except ValueError as e:
    print("outer got", e)
