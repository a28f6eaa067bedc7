# Checks: array.array slicing: reading with every step sign, assignment of same-kind arrays (resizing with step 1, exact sizes with extended steps), deletion of simple and extended slices, and deletion and assignment by index with negative indexes.
import array

a = array.array("h", range(10))
print(a[2:5], a[::3], a[::-2], a[-3:], a[5:1], a[100:], a[-100:2])
a[1:3] = array.array("h", [7, 7, 7])
print(a)
a[::2] = array.array("h", [0] * 6)
print(a)
del a[::3]
print(a)
del a[1:4]
print(a)
a[::-1] = array.array("h", range(len(a)))
print(a)
a[5:1] = array.array("h", [42])
print(a)
a[2:2] = array.array("h", [1, 1])
print(a)
a[:] = array.array("h", [3, 2, 1])
print(a)
a[1:] = a
print(a)
del a[0]
del a[-1]
print(a)
a[-1] = 99
a[0] = -5
print(a, a[-1], a[-len(a)])
a[::2] = array.array("h")
print(a)
d = array.array("d", [0.5, 1.5, 2.5, 3.5])
del d[::-2]
print(d, type(d[:1]).__name__)
