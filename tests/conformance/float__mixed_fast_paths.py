# Checks: float + - * / with floats and ints in either order, in place and not (the eval loop's
# float fast path), against CPython: large ints rounded to nearest-even, signed zeros, inf and
# nan, division by zero raising, and float subclasses keeping their own operators.
big = 2**53 + 1
vals = [0.0, -0.0, 1.5, -2.25, 1e308, float("inf"), float("nan"), 3, -7, big, 2**62 + 3]


def show(x):
    return repr(x) if not isinstance(x, float) or x == x else "nan"


for a in vals:
    for b in vals:
        if not (isinstance(a, float) or isinstance(b, float)):
            continue
        row = [show(a + b), show(a - b), show(a * b)]
        try:
            row.append(show(a / b))
        except ZeroDivisionError as e:
            row.append("ZeroDivisionError: " + str(e))
        print(show(a), show(b), *row)

x = 1.0
for i in range(5):
    x += i
    x *= 1.5
    x -= 0.25
    x /= 2
print(x)
try:
    x /= 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(big + 0.0, float(big), (2**62 + 3) * 1.0)


class F(float):
    def __add__(self, other):
        return "F.__add__"

    def __rmul__(self, other):
        return "F.__rmul__"


print(F(1.0) + 2.0, 2.0 * F(3.0), F(2.0) - 1.0, type(F(2.0) - 1.0).__name__)
