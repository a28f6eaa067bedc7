a, b = [1, 2]
(c, d), e = (3, 4), 5
first, *rest = range(5)
*init, last = range(5)
head, *mid, tail = "abcde"
[x, [y, *z]] = [1, [2, 3, 4]]
for i, (j, k) in [(1, (2, 3))]:
    pass
m = [*rest, *init]
t = (*rest, 1)
s = {*rest, 2}
d = {**{"a": 1}, "b": 2}
