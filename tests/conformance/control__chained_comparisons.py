# Checks: chained comparisons incl. in / not in / is / is not, single evaluation of middle operands.
x = 5
print(1 < x < 10, 1 < x > 10, 10 > x >= 5, 5 <= x <= 5)
print(1 == 1 == 1, 1 == 1 != 2, 1 < 2 < 3 < 4 < 5, 1 < 2 < 3 > 4)
print(3 in [1, 2, 3], 4 not in [1, 2, 3], "a" in "abc", "ab" in "xaby", "" in "abc")
print(1 in {1: "a"}, "a" in {1: "a"}, 2 in (1, 2), 2 in range(3), 3 in range(3))
a = [1]
b = a
c = [1]
print(a is b, a is c, a is not c, a == c, None is None, None is not None)
print(1 < 2 in [2], 2 in [2] == True)
calls = []


def mid():
    calls.append("mid")
    return 5


print(1 < mid() < 10, calls)
calls.clear()
print(10 < mid() < 20, calls)
calls.clear()
print(0 > 1 < mid(), calls)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 2) == (1, 2), (2,) > (1, 9, 9))
print("abc" < "abd", "Z" < "a", "" < "a", "apple" < "apricot", "b" > "abc")
print(1 == 1.0, 2 < 2.5, 3.0 >= 3, -1 < -0.5, 10**20 > 1e19, 2**53 + 1 == 2.0**53)
print(True == 1, False == 0, True < 2)
print([1, [2, 3]] == [1, [2, 3]], {"a": 1} == {"a": 1}, {1, 2} == {2, 1})
print((1, "a") < (1, "b"), [] < [0], () == ())
