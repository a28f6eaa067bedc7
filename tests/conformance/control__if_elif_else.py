# Checks: if/elif/else chains, truthiness of many values, nested ifs.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"


for n in [-5, 0, 3, 42, 1000]:
    print(n, classify(n))
for v in [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (0,), {}, {"k": 0}, None, True, False, range(0), range(1)]:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
x = 15
if x > 10:
    if x > 20:
        print("gt 20")
    else:
        print("10 < x <= 20")
if x % 3 == 0 and x % 5 == 0:
    print("fizzbuzz")
if not x:
    print("never")
elif x:
    print("elif taken")
if None is None:
    print("None is None")
