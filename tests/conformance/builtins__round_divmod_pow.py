# Checks: round (banker's rounding, ndigits incl. negative), divmod with negatives/floats, pow incl. 3-arg and negative exponent.
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.7), round(-3.7))
print(round(2.675, 2), round(1.25, 1), round(1.35, 1), round(3.14159, 3), round(10.0, 0))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(7, 0))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7, 1)).__name__)
print(round(123.456, -1), round(0.1 + 0.2, 10))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5), divmod(0, 3))
print(divmod(7.5, 2), divmod(-7.5, 2))
print(divmod(10 ** 20 + 3, 10 ** 10))
print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(-2, 3), pow(4, 0.5), pow(0, 0))
print(pow(3, 4, 5), pow(2, 100, 1000), pow(7, 0, 13), pow(-3, 3, 7))
print(pow(3, -1, 7), pow(10, 2, 1))
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-10 ** 30), abs(True))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
