# Checks: repr and comparison of very deeply nested containers (lists, dicts), and isinstance/issubclass with deeply nested tuples, raise RecursionError (as CPython), never crash.
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
t = int
for _ in range(100000):
    t = (t,)
for check in (lambda: isinstance(1, t), lambda: issubclass(bool, t)):
    try:
        print(check())
    except RecursionError as e:
        print("RecursionError", e)
print(isinstance(1, (str, (float, (int,)))), issubclass(bool, ((str,), int)))
a = {}
b = {}
for _ in range(100000):
    a = {"k": a}
    b = {"k": b}
try:
    print(a == b)
except RecursionError as e:
    print("RecursionError", e)
print({"k": {"j": [1]}} == {"k": {"j": [1]}}, {"k": {"j": 1}} != {"k": {"j": 2}})
