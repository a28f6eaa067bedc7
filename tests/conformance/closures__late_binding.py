# Checks: closures capture variables not values (late binding in loops), default-arg workaround.
fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
i = 99
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
hs = [lambda: j for j in range(3)]
print([h() for h in hs])


def make_all():
    funcs = []
    for k in range(3):
        def f():
            return k * 10
        funcs.append(f)
    k = 7
    return funcs


print([f() for f in make_all()])


def make_fixed():
    funcs = []
    for k in range(3):
        def factory(v):
            def f():
                return v * 10
            return f
        funcs.append(factory(k))
    return funcs


print([f() for f in make_fixed()])


def rebinding():
    x = 1
    get = lambda: x
    x = 2
    return get()


print(rebinding())
