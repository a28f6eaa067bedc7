# Checks: list +, *, ==, <, in, nested lists, aliasing vs copying, list multiplication pitfalls, truthiness.
a = [1, 2]
b = [3]
print(a + b, a * 3, 2 * b, [] * 5, a * 0, a * -1)
print(a == [1, 2], a != [2, 1], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 100])
print(2 in a, 5 not in a, [1] in [[1], [2]])
grid = [[0] * 2] * 2
grid[0][0] = 1
print(grid)
grid2 = [[0] * 2 for _ in range(2)]
grid2[0][0] = 1
print(grid2)
x = [1, 2, 3]
y = x
y.append(4)
print(x, x is y)
z = x[:]
z.append(5)
print(x, z)
c = [1, [2, 3]]
d = c.copy()
d[1].append(4)
print(c)
print(bool([]), bool([None]), len([[], []]))
items = ["a", "b"]
items += "cd"
print(items)
print(list(range(3)) + list("ab"))
try:
    [1] + (2,)
except TypeError as e:
    print(type(e).__name__, e)
print([1, 2, 3] == [1, 2, 3.0], [[1]] == [[1]])
