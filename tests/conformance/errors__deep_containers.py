# Checks: repr and comparison of very deeply nested containers raise RecursionError (as CPython), never crash.
l = []
for _ in range(100000):
    l = [l]
try:
    repr(l)
except RecursionError as e:
    print("RecursionError", e)
a = []
b = []
for _ in range(100000):
    a = [a]
    b = [b]
try:
    print(a == b)
except RecursionError as e:
    print("RecursionError", e)
print(repr([[1, [2, (3, {4: 5})]]]), [[1, (2,)]] == [[1, (2,)]], [[1]] < [[2]])
