# Checks: lambda expressions with defaults, *args, closures, immediate calls, as sort keys.
square = lambda x: x * x
print(square(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print((lambda: "no args")())
print((lambda *a, **k: (a, k))(1, 2, z=3))
print((lambda x, *, y: x - y)(10, y=3))
pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: -p[0]))
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print(list(map(lambda x: x ** 2, range(5))))
print(list(filter(lambda s: len(s) > 2, ["a", "abc", "de", "fghi"])))
print(square.__name__)
nested = lambda x: (lambda y: x + y)
print(nested(1)(2))
cond = lambda n: "even" if n % 2 == 0 else "odd"
print(cond(4), cond(5))
