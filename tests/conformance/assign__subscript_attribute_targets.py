# Checks: assignment to list/dict subscripts, negative indexes, nested subscripts and attributes.
lst = [1, 2, 3]
lst[0] = 10
lst[-1] = 30
print(lst)
d = {}
d["a"] = 1
d["b"] = [0, 0]
d["b"][1] = 5
d[(1, 2)] = "tuple key"
d[3] = "int key"
print(d)
grid = [[0] * 3 for _ in range(3)]
grid[1][2] = 7
grid[-1][0] = 9
print(grid)


class Box:
    pass


b = Box()
b.value = 1
b.items = []
b.items.append("x")
b.inner = Box()
b.inner.value = "deep"
print(b.value, b.items, b.inner.value)
b.value = b.value + 1
print(b.value)
boxes = [Box(), Box()]
boxes[0].n = 0
boxes[1].n = 1
boxes[0].n, boxes[1].n = boxes[1].n, boxes[0].n
print(boxes[0].n, boxes[1].n)
d["list"] = lst
d["list"][1] = 200
print(lst)
x = [0, 0]
i = 0
i, x[i] = 1, 5
print(i, x)
try:
    lst[10] = 1
except IndexError as e:
    print(type(e).__name__, e)
t = (1, 2)
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
