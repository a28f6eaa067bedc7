# Checks: __exit__ return value decides suppression; exception info passed to __exit__; return/break inside with.
class Suppress:
    def __init__(self, *types):
        self.types = types
        self.seen = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.seen = exc_type
        if exc_type is None:
            return False
        return issubclass(exc_type, self.types)


with Suppress(ZeroDivisionError) as s:
    1 / 0
    print("not reached")
print("suppressed", s.seen.__name__)
with Suppress(KeyError, IndexError) as s:
    [][1]
print("suppressed", s.seen.__name__)
try:
    with Suppress(KeyError) as s:
        int("x")
except ValueError as e:
    print("propagated", type(e).__name__, "seen", s.seen.__name__)
with Suppress(Exception) as s:
    pass
print("clean exit seen", s.seen)


class Logging:
    def __enter__(self):
        print("enter")

    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev)


def early_return():
    with Logging() as value:
        print("as value is", value)
        return "returned"
    print("not reached")


print(early_return())
for i in range(3):
    with Logging():
        if i == 1:
            break
        print("iteration", i)
try:
    with Logging():
        raise TypeError("bad type")
except TypeError:
    print("TypeError propagated after exit")


class Truthy:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return 1


with Truthy():
    raise ValueError("suppressed by truthy non-bool")
print("done")
