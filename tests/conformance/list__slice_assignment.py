# Checks: slice assignment growing/shrinking lists, extended-slice assignment length rules, slice deletion.
a = list(range(6))
a[1:3] = ["x", "y", "z"]
print(a)
a[1:4] = []
print(a)
a[:0] = [-2, -1]
print(a)
a[len(a):] = [100]
print(a)
a[2:2] = "ab"
print(a)
b = list(range(10))
b[::2] = ["e"] * 5
print(b)
b[1::2] = range(5)
print(b)
b[::-3] = [7, 7, 7, 7]
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
c = list(range(10))
del c[1:3]
print(c)
del c[::3]
print(c)
del c[-2:]
print(c)
del c[100:]
print(c)
d = [1, 2, 3]
d[:] = [9]
print(d)
e = [1, 2, 3, 4]
e[-1:] = [40, 50]
print(e)
e[10:20] = ["far"]
print(e)
f = [0, 1, 2]
alias = f
f[:] = []
print(alias)
try:
    f[0:1] = 5
except TypeError as e:
    print(type(e).__name__, e)
