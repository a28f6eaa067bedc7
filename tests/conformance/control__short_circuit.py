# Checks: and/or return operands (not bools) and short-circuit evaluation; not returns bool.
calls = []


def t(v):
    calls.append(v)
    return v


print(1 and 2, 0 and 2, 1 or 2, 0 or 2)
print("" or "default", "value" or "default")
print(None and 1, None or 0, [] or {} or "last")
print([] and 1, [1] and [2])
print(0 or 0.0 or "" or None)
print(1 and 2 and 3, 1 and 0 and 3)
print(not 0, not 1, not "", not "a", not None)
calls.clear()
r = t(0) and t(1)
print(r, calls)
calls.clear()
r = t(1) or t(2)
print(r, calls)
calls.clear()
r = t(1) and t(0) and t(3)
print(r, calls)
calls.clear()
r = t(0) or t("") or t("x") or t("y")
print(repr(r), calls)
calls.clear()
r = t(1) and t(2) or t(3)
print(r, calls)
calls.clear()
r = t(0) and t(2) or t(3)
print(r, calls)
x = None
name = x or "anonymous"
print(name)
d = {}
print(d and d["missing"])
print(type(1 and 2).__name__, type(1 == 1).__name__)
