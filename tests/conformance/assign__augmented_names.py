# Checks: every augmented assignment operator on plain names (ints, floats, strs, lists).
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 5; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0b1110; print(x)
x |= 0b0001; print(x)
x ^= 0b1111; print(x)
x /= 4; print(x)
f = 1.5
f += 1; print(f)
f *= 2; print(f)
f //= 2; print(f)
f **= 2; print(f)
f -= 0.5; print(f)
s = "ab"
s += "cd"; print(s)
s *= 2; print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
lst *= 2
print(alias)
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias, t is t_alias)
n = -7
n //= 2; print(n)
n = -7
n %= 3; print(n)
big = 2
big **= 100; print(big)
big >>= 90; print(big)
