# Checks: traceback frames named <lambda> (lambda called from a function via map/sorted key).
def apply_all(fn, items):
    out = []
    for item in items:
        out.append(fn(item))
    return out


print(apply_all(lambda x: x * 2, [1, 2]))
inverse = lambda x: 1 / x
print(apply_all(inverse, [1, 2, 0]))
