# Checks: floor division and modulo with negative operands (Python semantics), true division gives float, divmod consistency.
for a in [7, -7]:
    for b in [2, -2, 3, -3]:
        print(a, b, a // b, a % b, a / b, divmod(a, b), (a // b) * b + a % b == a)
print(0 // 5, 0 % 5, -0 // 5, 5 // 1, 1 // 5, -1 // 5, -1 % 5)
print(10 / 2, 1 / 3, -1 / 3, 2 / -4, type(10 / 2).__name__)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, 7 // 2.0, -7 % 2.5)
print(10 ** 20 // 3, 10 ** 20 % 3, -(10 ** 20) // 3, -(10 ** 20) % 3)
print(6 // 3, 6 % 3, -6 // 3, -6 % 3)
print(1 % -1, -5 % 5, 5 % -5)
