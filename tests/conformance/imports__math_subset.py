# Checks: the math subset gil-lab supports: math.sqrt, math.floor, math.pi (import math and from-import forms).
import math
from math import sqrt, floor as fl, pi

print(math.sqrt(16), math.sqrt(2), sqrt(0.25), type(math.sqrt(4)).__name__)
print(math.floor(3.7), math.floor(-3.2), fl(5), fl(-0.5), type(math.floor(2.5)).__name__)
print(math.pi, pi, round(pi, 4), pi == math.pi)
print(math.floor(10 ** 20 / 3), math.sqrt(10 ** 10))
print(f"{math.pi:.5f}", 2 * pi * 3)
try:
    math.sqrt(-1)
except ValueError as e:
    print(type(e).__name__, e)
