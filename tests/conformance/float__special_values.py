# Checks: inf and nan via float(), arithmetic with them, comparisons (nan != nan), float division by zero error.
inf = float("inf")
nan = float("nan")
ninf = float("-inf")
print(inf, ninf, nan, -inf, inf + 1, inf * 2, inf - inf, inf * 0, -nan)
print(inf > 1e308, ninf < -1e308, inf == inf, nan == nan, nan != nan, nan is nan)
print(1 / inf, -1 / inf, inf / inf, max(1.0, inf), min(1.0, ninf))
print(nan > 0, nan < 0, nan == 0, inf == float("Infinity"))
print(1e308 * 10, -1e308 * 10, 2.0 ** 1023 * 2)
print(float("INF"), float("-Inf"), float("NaN"), float("+inf"))
x = nan
print(x == x, x != x)
print([nan] == [nan], nan in [nan])
print(int(1e18), int(-2.5e3))
try:
    int(inf)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(nan)
except ValueError as e:
    print(type(e).__name__, e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    5.0 // 0.0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    5.0 % 0.0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
