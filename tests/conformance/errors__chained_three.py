# Checks: a three-level chain mixing implicit context and explicit cause in one traceback report.
def level1():
    raise KeyError("k")


def level2():
    try:
        level1()
    except KeyError:
        raise ValueError("level2 failed")


def level3():
    try:
        level2()
    except ValueError as e:
        raise RuntimeError("level3 failed") from e


level3()
