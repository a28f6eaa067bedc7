# Checks: assignment expressions (:=) in if/while conditions, call arguments, displays, subscripts, lambdas, and their value and precedence.
data = [3, 1, 4, 1, 5, 9, 2, 6]
if (n := len(data)) > 5:
    print("long list", n)
print(n)

items = list(data)
total = 0
while (item := items.pop()) != 4:
    total += item
print(total, item, items)

print(max(m := 10, 3), m)
print([y := 5, y ** 2, y * 3])
print((a := 1, a + 1))
print({(s := "k"): s}, {s := "j"}, s)
print(data[i := 2], i)
print(f"{(w := 7) * 2} {w}")

f = lambda v: (t := v * 2) + t
print(f(4))

def g(x):
    if (half := x // 2) and half > 1:
        return half
    return -half
print(g(10), g(3), g(1))

def outer():
    if (z := 3):
        def inner():
            return z * 100
        return inner()
print(outer())

x = 0
print((x := x + 1), (x := x + 1), x)
print(not (b := 0), b)
print((c := 1 if data else 2), c)
print((d := [1, 2]) is d, d)

def counter():
    count = 0
    while (count := count + 1) < 5:
        pass
    return count
print(counter())

print(sorted(data, key=lambda e: (k := -e)))
