# Checks: operators numbers do not support raise TypeError with CPython's message (@, bitwise on floats, unary ~ on float).
for f in (lambda: 1 @ 2, lambda: 1.5 @ 2, lambda: 1.5 & 1, lambda: 2 << 1.0, lambda: ~1.5, lambda: -"a", lambda: [1] @ [2]):
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
x = 3
try:
    x @= 4
except TypeError as e:
    print("TypeError", e)
print(True & False, True | False, True ^ True, 6 & 3, 6 | 3, 6 ^ 3, -7 // 2, -7 % 2)
