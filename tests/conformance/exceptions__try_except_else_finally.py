# Checks: try/except/else/finally ordering for success, handled failure, and unhandled-inside-function paths.
def attempt(x):
    log = []
    try:
        log.append("try")
        r = 10 // x
        log.append("computed")
    except ZeroDivisionError as e:
        log.append("except " + str(e))
        r = None
    else:
        log.append("else")
    finally:
        log.append("finally")
    return r, log


print(attempt(2))
print(attempt(0))


def unhandled(x):
    try:
        return int(x)
    except ZeroDivisionError:
        return "wrong handler"
    finally:
        print("finally runs for", repr(x))


print(unhandled("12"))
try:
    unhandled("zz")
except ValueError as e:
    print("outer caught", type(e).__name__, e)
try:
    print("try without except")
finally:
    print("finally without except")


def finally_overrides():
    try:
        return "from try"
    finally:
        print("finally before return value is used")


print(finally_overrides())


def return_in_finally():
    try:
        raise ValueError("lost")
    finally:
        return "finally return swallows exception"


print(return_in_finally())
e = "before"
try:
    raise KeyError("x")
except KeyError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)
