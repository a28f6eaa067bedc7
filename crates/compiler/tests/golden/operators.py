a, b, c = 5, 3, 2
r1 = a + b - c * a / b // c % a ** b
r2 = a << 1 >> 1 & b | c ^ a
r3 = a @ b if False else 0
r4 = -a, +a, ~a, not a
r5 = a < b, a <= b, a == b, a != b, a > b, a >= b
r6 = a is b, a is not b, a in [b], a not in (b, c)
r7 = a < b < c
r8 = a < b <= c != a
r9 = a and b
r10 = a or b or c
r11 = a and (b or c)
r12 = a if b else c
r13 = not (a is None)
r14 = not (a in [1, 2])
if a < b < c:
    pass
if not (a and b):
    pass
if a if b else c:
    pass
