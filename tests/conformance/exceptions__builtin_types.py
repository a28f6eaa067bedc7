# Checks: each common builtin exception raised by the runtime, printed as type name and message.
def show(fn):
    try:
        fn()
    except BaseException as e:
        print(type(e).__name__, e)


show(lambda: 1 / 0)
show(lambda: 1 // 0)
show(lambda: 1 % 0)
show(lambda: 1.0 / 0)
show(lambda: {"a": 1}["b"])
show(lambda: [1, 2][5])
show(lambda: (1, 2)[5])
show(lambda: "ab"[9])
show(lambda: undefined_thing)
show(lambda: (1).nope)
show(lambda: 1 + "a")
show(lambda: "a" + 1)
show(lambda: [] + ())
show(lambda: int("abc"))
show(lambda: int("12.5"))
show(lambda: float("xyz"))
show(lambda: [].pop())
show(lambda: [1].index(2))
show(lambda: len(5))
nothing = None
five = 5
show(lambda: nothing())
show(lambda: five[0])
show(lambda: {}.popitem())
show(lambda: next(iter([])))
show(lambda: float(10 ** 400))


class Foo:
    pass


show(lambda: Foo().bar)
show(lambda: Foo.bar)
show(lambda: "x" * "y")
show(lambda: -"x")
show(lambda: [1, 2] < "a")
show(lambda: {[]: 1})
show(lambda: chr(-1))
show(lambda: "abc".index("z"))
