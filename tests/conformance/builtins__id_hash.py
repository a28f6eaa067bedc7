# Checks: id() identity comparisons and hash() of ints/tuples of ints; equal numbers hash equal.
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), id(a) != id(c))
x = None
print(id(x) == id(None), id(True) == id(1 == 1))
print(hash(0), hash(1), hash(42), hash(-5), hash(True), hash(False))
print(hash(-1), hash(-2))
print(hash(1) == hash(1.0), hash(0) == hash(0.0) == hash(False))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)))
print(hash(()) == hash(()), hash((1, (2, 3))) == hash((1, (2, 3))))
print(hash(10 ** 30) == hash(10 ** 30), hash(2 ** 61 - 1), hash(2 ** 61))
print(type(hash(5)).__name__)
try:
    hash([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash({})
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
d = {1: "int one"}
print(d[1.0], d[True])
