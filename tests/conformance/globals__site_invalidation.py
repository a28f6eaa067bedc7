# LOAD_GLOBAL through its cached position: rebinding, shadowing and deleting globals and
# builtins, growing the module's table, and one code object run with different globals.
import builtins

real_len = builtins.len


def f():
    return len("abc")


print(f())
len = lambda s: 99
print(f())
del len
print(f())
builtins.len = lambda s: -1
print(f())
del builtins.len
try:
    print(f())
except NameError as e:
    print("NameError:", e)
exec("def len(x): return 42", builtins.__dict__)
print(f())
builtins.len = real_len
print(f())

X = 1


def g():
    return X


print(g())
X = 2
print(g())
for i in range(40):
    globals()["v%d" % i] = i
print(g())
for i in range(0, 40, 2):
    del globals()["v%d" % i]
print(g(), v39)
del X
try:
    g()
except NameError as e:
    print("NameError:", e)
X = 3
print(g())

code = compile("def h():\n    return Y, abs(-2)\n", "<h>", "exec")
outs = []
for y in range(3):
    ns = {"Y": y}
    exec(code, ns)
    outs.append(ns["h"]())
    ns["Y"] = -y
    outs.append(ns["h"]())
print(outs)
print(eval("Z", {"Z": 7}), eval("Z", {"Z": 8}))


def loop():
    t = 0
    for i in range(5):
        t += K
        if i == 2:
            globals()["K"] = 10
    return t


K = 1
print(loop())
