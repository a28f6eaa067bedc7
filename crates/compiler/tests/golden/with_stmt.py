class Ctx:
    def __enter__(self):
        return self

    def __iter__(self):
        return iter((1, 2))

    def __exit__(self, *exc):
        return False


with Ctx():
    x = 1
with Ctx() as c:
    x = 2
with Ctx() as a, Ctx() as b:
    x = 3
with Ctx() as c.attr, Ctx() as [p, q]:
    pass


def in_function(m):
    with m as v:
        v.run()
    return v
