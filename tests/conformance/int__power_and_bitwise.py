# Checks: ** with negative exponents giving floats, 0**0, negative bases; bitwise & | ^ ~ << >> incl. negatives.
print(2 ** 10, 2 ** -1, 2 ** -2, 10 ** -3, (-2) ** 3, (-2) ** -1, 0 ** 0, 1 ** -5)
print(type(2 ** 3).__name__, type(2 ** -3).__name__, 4 ** 0.5, 8 ** (1 / 3), (-8) ** 2)
print(12 & 10, 12 | 10, 12 ^ 10, ~12, ~0, ~-1)
print(-12 & 10, -12 | 10, -12 ^ 10, -1 & 255)
print(1 << 0, 1 << 10, 5 << 3, 1024 >> 3, 1023 >> 20, -16 >> 2, -1 >> 5, -17 >> 1)
print(0b1010 & 0b0110, bin(0b1010 | 0b0110), bin(0b1010 ^ 0b0110))
print(True & False, True | False, True ^ True, type(True & True).__name__, ~True)
flags = 0
for bit in [0, 3, 5]:
    flags |= 1 << bit
print(flags, bin(flags), bool(flags & (1 << 3)), bool(flags & (1 << 4)))
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1.5 & 1
except TypeError as e:
    print(type(e).__name__, e)
