# Checks: __exit__ receives the live exception object; an exception raised in __exit__ replaces the body's (with context).
class Inspect:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit got", exc_type.__name__, repr(exc), isinstance(exc, exc_type), tb is not None)
        self.exc = exc
        return True


with Inspect() as i:
    raise KeyError("the key")
print("stored", repr(i.exc), i.exc.args)


class Explode:
    def __enter__(self):
        return "entered"

    def __exit__(self, exc_type, exc, tb):
        raise RuntimeError("exit exploded")


try:
    with Explode() as v:
        print("body with", v)
        raise ValueError("body error")
except RuntimeError as e:
    print("caught", e, "| context:", repr(e.__context__))
try:
    with Explode():
        print("clean body")
except RuntimeError as e:
    print("caught", e, "| context:", e.__context__)
