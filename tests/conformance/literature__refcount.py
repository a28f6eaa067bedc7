# Checks: the sys.getrefcount demo from "What is the Python GIL?" (001) and AlgoMaster (002), as differences only.
import sys

a = []
before = sys.getrefcount(a)
b = a
print(sys.getrefcount(a) - before)
c = [a, a]
print(sys.getrefcount(a) - before)
del b
print(sys.getrefcount(a) - before)
del c
print(sys.getrefcount(a) - before)


def takes(obj):
    return sys.getrefcount(obj) - before


print(takes(a) >= 1)
