# Checks: float arithmetic, round with ndigits, int() truncation, float floor division/modulo signs, is_integer-free checks.
print(7.0 / 2, 7.0 // 2, 7.0 % 2, -7.0 // 2, -7.0 % 2, 7.0 % -2)
print(2.5 * 4, 1.5 + 1.5, 0.1 * 10, 3.3 - 1.1, 1e10 + 0.5)
print(round(3.14159, 2), round(2.71828, 3), round(-1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(1e15 + 0.5), round(-0.5), round(0.5000001), round(1234.5678, -2))
print(int(2.9), int(-2.9), int(1e10), float(int(3.7)))
print(abs(-0.0), abs(-2.5), -(-2.5), +2.5)
print(10 ** 0.5, 2 ** 0.5, 1.1 ** 2, 100 ** -0.5, 0.0 ** 0)
print(0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10) == 0.3, abs((0.1 + 0.2) - 0.3) < 1e-12)
vals = [1.5, 0.25, -3.75, 2.0]
print(sum(vals), max(vals), min(vals), sorted(vals))
print(3.0 == 3, 3.5 > 3, float(3) == 3.0)
print(divmod(-7.5, 2), divmod(7.5, -2))
