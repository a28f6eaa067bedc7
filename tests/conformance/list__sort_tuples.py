# Checks: key-less sort and sorted() of tuples (strs, ints, floats, bools, bytes, None, nested), stable and reversed, NaN equal to itself inside tuples, unorderable pairs raising TypeError with the list unchanged.
state = 7
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2**31
    return (state >> 8) % n
rows = [("k" + str(rnd(4)), rnd(5), rnd(3) / 2) for _ in range(40)]
A = rows[:]; A.sort(); print(A)
A = rows[:]; A.sort(reverse=True); print(A)
print(sorted(rows, reverse=True) == A, sorted(rows) == sorted(rows[::-1]))
pairs = [(rnd(3), "x"), (rnd(3), "y"), (True, "a"), (1.0, "b"), (1, "c"), (2**65, "d")] * 2
pairs.sort(); print(pairs)
nested = [((rnd(2), "b"), rnd(3)) for _ in range(8)] + [((0,), 9), ((), 1), ((0, "a", 0), 0)]
nested.sort(); print(nested)
nested.sort(reverse=True); print(nested)
misc = [(b"b", None), (b"a", None), (b"a",), (None,), (None, 1)][:3] + [(), (b"",)]
misc.sort(); print(misc)
nan = float("nan")
same = [(nan, 2), (nan, 1), (0.5, 0)]; same.sort(); print(same)
other = [(nan, 2), (float("nan"), 1), (0.5, 0)]; other.sort(); print(other)
deep = (1,)
for _ in range(30):
    deep = (deep, "d")
shallow = (0,)
for _ in range(30):
    shallow = (shallow, "d")
D = [deep, shallow]; D.sort(); print(D[0] is shallow, D[1] is deep)
for bad in ([(1, "a"), (1, 2)], [(2, "x"), (1, "y"), (1, 3)], [("a", None), ("a", None)],
            [(1, None), (1, 0)], [(b"x",), ("x",)], [None, None], [(1,), 1]):
    for rev in (False, True):
        L = list(bad)
        try:
            L.sort(reverse=rev)
            print("sorted", L)
        except TypeError as e:
            print("TypeError:", e, L == bad)
try:
    sorted([(0, "a"), (0, 1)])
except TypeError as e:
    print("sorted TypeError:", e)
