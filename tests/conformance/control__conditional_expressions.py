# Checks: conditional expressions (x if c else y), nesting and laziness of the untaken branch.
def boom():
    raise RuntimeError("should not be evaluated")


for n in [-2, 0, 2]:
    print(n, "pos" if n > 0 else "zero" if n == 0 else "neg")
print(1 if [] else 2, 1 if [0] else 2)
print("taken" if True else boom())
print(boom() if False else "other branch")
x = 5
y = x * 2 if x > 3 else x / 2
print(y)
print([v if v % 2 else -v for v in range(5)])
label = ("big" if x > 100 else "small") + "!"
print(label)
f = (lambda a: a) if x else (lambda a: -a)
print(f(3))
print((1 if x else 0) + (10 if not x else 20))
