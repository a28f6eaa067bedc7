def risky(x):
    if x:
        raise ValueError("bad")
    raise ValueError


def handle(x):
    try:
        risky(x)
    except ValueError as e:
        print(e)
    except (TypeError, KeyError):
        print("type or key")
    except Exception:
        raise
    else:
        print("fine")
    finally:
        print("finally")


def bare():
    try:
        risky(1)
    except:
        pass


def only_finally():
    try:
        risky(0)
    finally:
        print("always")


def chained():
    try:
        risky(1)
    except ValueError as e:
        raise RuntimeError("wrapped") from e


def nested():
    try:
        try:
            risky(1)
        finally:
            print("inner")
    except ValueError:
        return 1
    return 0


def asserts(x):
    assert x
    assert x > 0, "must be positive"
    assert isinstance(x, int), f"got {x!r}"


try:
    handle(1)
except Exception:
    pass
