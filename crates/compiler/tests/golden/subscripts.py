seq = list(range(10))
m = {"k": 1}
a = seq[0]
b = seq[-1]
c = seq[1:3]
d = seq[::2]
e = seq[1:]
f = seq[:2]
g = seq[1:8:3]
h = seq[:]
i = m["k"]
seq[0] = 5
seq[1:3] = [7, 8]
del seq[0]
del seq[::2]
grid = {(1, 2): 3}
j = grid[1, 2]
