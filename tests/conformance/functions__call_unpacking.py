# Checks: calls with *iterable and **mapping unpacking, mixing positional/keyword, multiple unpackings.
def f(a, b, c=0, d=0):
    return [a, b, c, d]


args = [1, 2]
kwargs = {"c": 3, "d": 4}
print(f(*args))
print(f(*args, **kwargs))
print(f(*(1, 2, 3)))
print(f(*"xy"))
print(f(*range(4)))
print(f(1, *[2], d=5))
print(f(**{"a": 1, "b": 2}))
print(f(*[1], *[2], **{"c": 3}, **{"d": 4}))
print(f(1, b=2, **{"d": 9}))


def g(*args, **kwargs):
    return args, kwargs


print(g(*[1, 2], 3, *[4], x=1, **{"y": 2}))
print(g(*[], **{}))
try:
    f(1, **{"a": 2, "b": 3})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(*[1, 2, 3, 4, 5])
except TypeError as e:
    print(type(e).__name__, e)
print(max(*[3, 9, 2]))
print("%s-%s" % tuple(["a", "b"]))
