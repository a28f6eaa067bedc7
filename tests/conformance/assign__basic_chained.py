# Checks: simple assignment, rebinding, chained assignment a = b = c sharing one object.
a = 1
print(a)
a = "now a string"
print(a)
a = b = c = 0
print(a, b, c)
a = 5
print(a, b, c)
x = y = []
x.append(1)
print(x, y, x is y)
p = q = [1, 2]
p = p + [3]
print(p, q, p is q)
first = second = "shared"
print(first is second)
n = 10
m = n
n = n + 1
print(n, m)
t = (1, 2)
u = t
print(u is t, u == t)
big = 2 ** 70
alias = big
print(alias == big, alias)
a = b = c = d = "x"
print(a + b + c + d)
