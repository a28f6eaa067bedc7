# Checks: comprehension variables don't leak, comprehensions read enclosing/closure/class-free scopes, outermost iterable evaluated first.
x = 10
result = [x for x in range(3)]
print(x, result)
i = "keep"
_ = [i for i in "abc"]
print(i)


def f(n):
    factor = 3
    return [v * factor + n for v in range(n)]


print(f(4))


def g():
    items = [1, 2, 3]
    return {k: [k * m for m in items] for k in items}


print(g())
funcs = [lambda: k for k in range(3)]
print([fn() for fn in funcs])
y = 5
print([y + z for z in range(3)])
print([[y for y in range(2)] for _ in range(2)], y)
data = [[1, 2], [3, 4]]
print([v for data in data for v in data])
print(data)
