# Checks: slice reads, assignment and deletion with every step sign and out-of-range bounds, size mismatches of extended-slice assignment, and __index__ bounds.
class I:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


base = list(range(12))
bounds = [None, -20, -5, -1, 0, 1, 3, 7, 11, 12, 30]
steps = [None, 1, 2, 3, -1, -2, -4, 5]
for step in steps:
    for start in bounds:
        for stop in bounds:
            L = base[:]
            sel = L[start:stop:step]
            d = base[:]
            del d[start:stop:step]
            a = base[:]
            try:
                a[start:stop:step] = [100 + i for i in range(len(sel))]
                ok = a
            except ValueError as e:
                ok = str(e)
            print(step, start, stop, sel, d, ok)
L = list(range(10))
try:
    L[::2] = [1, 2]
except ValueError as e:
    print(e)
L[2:5] = "ab"
print(L)
L[I(1):I(3)] = [9]
print(L, L[I(-3):], L[::I(-3)])
del L[I(0)::I(2)]
print(L)
try:
    L[1.5:2] = []
except TypeError as e:
    print(e)
try:
    L[::0] = []
except ValueError as e:
    print(e)
try:
    L[1:2] = 5
except TypeError as e:
    print(e)
L[:] = L
print(L)
L[::-1] = L
print(L)
