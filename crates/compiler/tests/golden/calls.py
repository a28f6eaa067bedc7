def f(*args, **kwargs):
    return args, kwargs


f()
f(1, 2)
f(1, key=2)
f(a=1, b=2)
args = (1, 2)
kw = {"z": 3}
f(*args)
f(0, *args)
f(*args, 3)
f(**kw)
f(1, **kw)
f(a=1, **kw)
f(*args, a=1, **kw, b=2)
f(*args, *args)
"x".join(["a", "b"])
"{a}".format(a=1)
print(*args, sep=",")
s = " a ".strip().upper()
