# Checks: sorted with key/reverse and stability, sorting strs/tuples/mixed numbers, reversed on list/str/range/tuple.
print(sorted([5, 2, 9, 1]), sorted("banana"), sorted((3, 1, 2)))
print(sorted([5, 2, 9, 1], reverse=True))
print(sorted({"b": 1, "a": 2, "c": 0}))
words = ["pear", "Fig", "apple", "kiwi", "date", "banana", "Cherry"]
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: w.lower()))
records = [("bob", 3), ("amy", 1), ("cat", 3), ("dan", 1), ("eve", 2)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: (-r[1], r[0])))
print(sorted([3, 1.5, 2, -0.5, True]))
print(sorted([[2, 1], [1, 9], [1, 2, 3], [1, 2]]))
original = [3, 1, 2]
result = sorted(original)
print(original, result, result is original)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
print("".join(reversed("stressed")))
print(sorted([]), list(reversed([])))
try:
    sorted([1, "a"])
except TypeError as e:
    print(type(e).__name__, e)
print(type(reversed([1])).__name__ != "list")
