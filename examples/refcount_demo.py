# From: notes on Real Python's "What is the Python GIL?" (literature 001) and AlgoMaster (002).
# Shows: reference counting, the reason the GIL exists: every new reference to an object bumps
# its count. getrefcount reports one more than you expect because its own argument is a
# temporary reference (the article's `a = []; b = a; sys.getrefcount(a)` prints 3 on CPython).
import sys

a = []
b = a
print("sys.getrefcount(a) =", sys.getrefcount(a))
c = [a, a, a]
print("after 3 more references in a list:", sys.getrefcount(a))
del c
print("after deleting the list:", sys.getrefcount(a))
