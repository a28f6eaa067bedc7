# Checks: list.sort in place (returns None), key, reverse, stability with equal keys, sorting strs and tuples.
a = [5, 3, 8, 1, 9, 2]
print(a.sort(), a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "apple", "Banana", "fig"]
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len)
print(words)
words.sort(key=len, reverse=True)
print(words)
people = [("ann", 30), ("bob", 25), ("cid", 30), ("dee", 25), ("eva", 35)]
people.sort(key=lambda p: p[1])
print(people)
people.sort(key=lambda p: p[1], reverse=True)
print(people)
people.sort()
print(people)
mixed = [3, 1.5, -2, 0, 2.25, True]
mixed.sort()
print(mixed)
empty = []
empty.sort()
print(empty)
big = [10 ** 20, -10 ** 20, 0, 10 ** 19]
big.sort()
print(big)
nested = [[3, "c"], [1, "z"], [1, "a"], [2]]
nested.sort()
print(nested)
try:
    [1, "x", 2].sort()
except TypeError as e:
    print(type(e).__name__, e)
