# Checks: three-level nesting, reading enclosing vars, shadowing, closures over parameters and loops.
x = "global"


def level1():
    x = "level1"

    def level2():
        def level3():
            return x
        return level3()
    return level2()


print(level1(), x)


def shadowing():
    x = "outer"

    def inner():
        x = "inner"
        return x
    return inner(), x


print(shadowing())


def adder(n):
    return lambda m: n + m


add5 = adder(5)
print(add5(1), adder(-1)(1))


def make_ops(base):
    def plus(v):
        return base + v

    def times(v):
        return base * v
    return [plus, times]


print([f(3) for f in make_ops(4)])


def counter_in_list():
    state = [0]

    def inc():
        state[0] += 1
        return state[0]
    return inc


inc = counter_in_list()
inc()
inc()
print(inc())


def uses_later_def():
    def a():
        return b()

    def b():
        return "b found at call time"
    return a()


print(uses_later_def())


def param_closure(items):
    return [lambda: item for item in items], lambda: items


fs, whole = param_closure(["p", "q"])
print([f() for f in fs], whole())
