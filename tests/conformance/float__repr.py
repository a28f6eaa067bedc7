# Checks: float repr is the shortest round-trip string: 0.1+0.2, 1e16, 1e-7, integral floats, exponents.
print(0.1 + 0.2, 0.1 + 0.7, 1.1 * 3, 1 / 3, 2 / 3, 10 / 3)
print(1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 1e-7, 0.00001234)
print(1.0, 100.0, 1e22, 1.5e300, 5e-324, 1.7976931348623157e308)
print(3.0 * 1.1, 0.3 - 0.1, 2.675, 1.005, 9.95)
print(float(10 ** 15), float(10 ** 16), float(2 ** 53), float(2 ** 53 + 1))
print(-0.0, 0.0 == -0.0, 1 / 3 * 3)
print(str(0.1), repr(0.1), str(1e100), [0.1, 1e-10, 2.5])
print(100.0 / 3, 12345.6789 * 100, 0.5 ** 10, 2.0 ** 60, 2.0 ** -20)
print(1e16 + 1, 1e16 + 2, 9007199254740993.0)
total = 0.0
for _ in range(10):
    total += 0.1
print(total, total == 1.0)
print(float("0.1"), float("1e-7"), float("1E16"), float(".5"), float("5."))
