# Checks: arbitrary-precision ints beyond 2**64: arithmetic, comparison, conversion to str, negative bigints, factorial.
a = 2 ** 64
print(a, a - 1, a + 1, -a, a * a)
print(2 ** 100, 3 ** 50, 10 ** 30 + 1)
b = 123456789012345678901234567890
print(b * 987654321, b // 12345, b % 12345, b - b, b + b)
print(-b // 7, -b % 7, b // -7, divmod(b, 10 ** 10))
print(2 ** 64 == 18446744073709551616, 2 ** 63 - 1 < 2 ** 63, -(2 ** 63) > -(2 ** 64))
fact = 1
for i in range(1, 31):
    fact *= i
print(fact, len(str(fact)))
print(int("9" * 40) + 1)
print(2 ** 200 // 2 ** 199, (2 ** 200) >> 198, 1 << 100)
print((2 ** 100) & (2 ** 100 - 1), (2 ** 100) | 1, (2 ** 65) ^ (2 ** 64))
print(abs(-(10 ** 25)), -(-(10 ** 25)), +(10 ** 25))
print(10 ** 25 / 10 ** 5, type(10 ** 25 / 10 ** 5).__name__)
print(2 ** 64 * 0, 2 ** 64 // 2 ** 64, (2 ** 64) ** 0)
print(sum(range(10 ** 6, 10 ** 6 + 10)) * 10 ** 15)
x = 1
for _ in range(70):
    x = x * 2
print(x, x == 2 ** 70, hex(x))
print(max(2 ** 70, 2 ** 69), min(-(2 ** 70), 0), sorted([2 ** 65, -1, 2 ** 64]))
