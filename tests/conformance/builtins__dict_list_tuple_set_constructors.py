# Checks: dict() from kwargs, pairs, another dict, mixed; list/tuple/set from iterables; copying semantics.
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict([["p", 0]]))
print(dict({"a": 1}, b=2), dict([("a", 1)], a=9), dict(zip("abc", range(3))))
src = {"k": [1]}
cp = dict(src)
cp["k"].append(2)
cp["new"] = 0
print(src, cp)
print(list((1, 2)), list({"a": 0, "b": 1}), list("xy"), list(range(2, 5)))
print(tuple([3, 4]), tuple({"z": 1}), tuple(x for x in "ab"))
print(sorted(set([3, 1, 3, 2])), sorted(set("mississippi")), len(set()))
lst = [1, 2]
copy = list(lst)
copy.append(3)
print(lst, copy, copy is lst)
try:
    dict([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(5)
except TypeError as e:
    print(type(e).__name__, e)
