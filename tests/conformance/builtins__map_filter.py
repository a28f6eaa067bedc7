# Checks: map with one and two iterables (shortest wins), filter with None and a function, with builtins as functions.
print(list(map(str, [1, 2, 3])))
print(list(map(lambda x: x * 2, range(4))))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])))
print(list(map(pow, [2, 3, 4], [3, 2, 1])))
print(list(map(int, "1 22 333".split())))
print(list(map(len, ["", "a", "abc"])))
print(list(map(str.upper, ["a", "b"])))
print(list(filter(None, [0, 1, "", "a", None, [], [0], False, True])))
print(list(filter(lambda x: x % 3 == 0, range(10))))
print(list(filter(str.isdigit, ["1", "a", "23", "4b"])))
print(list(filter(lambda s: s, ["", "x"])))


def is_long(w):
    return len(w) > 3


print(list(filter(is_long, ["tree", "a", "house", "cat"])))
print(sorted(map(abs, [-3, 1, -2])))
print(sum(map(int, ["1", "2", "3"])))
print(tuple(map(lambda p: p[0], [("a", 1), ("b", 2)])))
print(list(map(max, [1, 5], [4, 2], [3, 3])))
