# Checks: key-less sort of numbers only (int, bool, big int, float), strings only (code-point order) and mixed or NaN lists, stable, reversed, as CPython.
random_state = 12345
def rnd():
    global random_state
    random_state = (random_state * 1103515245 + 12345) % 2**31
    return random_state
L=[rnd()%100 for _ in range(200)] + [1.5, True, False, 2**70, -2**70, 3.0, 3]
M=L[:]; M.sort(); print(M)
M=L[:]; M.sort(reverse=True); print(M)
S=[str(rnd()%50)+"é" for _ in range(50)]+["", "a", "Z", "\U0001f600", "ÿ"]
S.sort(); print(S); S.sort(reverse=True); print(S)
F=[1.0, float('nan'), 0.5]; F.sort(); print(F)
X=[3, "a"]
try: X.sort()
except TypeError as e: print(e)
E=[(1,"b"),(1,"a")]; E.sort(); print(E)
