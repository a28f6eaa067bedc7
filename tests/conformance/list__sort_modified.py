# Checks: list.sort empties the list while it runs: key functions and comparisons see [], and any change (even an append then a pop, or an append then a later clear) is "ValueError: list modified during sort"; no-op mutations and a key error are not.
def attempt(name, L, **kw):
    try:
        L.sort(**kw)
        print(name, "ok", L)
    except ValueError as e:
        print(name, "ValueError:", e, L)

L = [3, 1, 2]
def append_pop(x):
    L.append(x); L.pop()
    return x
attempt("append+pop", L, key=append_pop)

L2 = [3, 1, 2]
def seen(x):
    print("  sees", L2, len(L2))
    return x
attempt("reads", L2, key=seen)

L3 = [3, 1, 2]
def clear(x):
    L3.clear()
    return x
attempt("clear only", L3, key=clear)

L4 = [3, 1, 2]
n = [0]
def append_then_clear_later(x):
    n[0] += 1
    if n[0] == 1: L4.append(9)
    else: L4.clear()
    return x
attempt("append, later clear", L4, key=append_then_clear_later)

L5 = [3, 1, 2]
def extend_empty(x):
    L5.extend([]); L5.reverse(); L5[:] = []
    return x
attempt("no-op mutations", L5, key=extend_empty)

L6 = [3, 1, 2]
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        L6.insert(0, 5); del L6[0]
        return self.v < o.v
attempt("in comparison", L6, key=K)

L7 = [3, 1, 2]
def boom(x):
    L7.append(1)
    raise KeyError(x)
try:
    L7.sort(key=boom)
except KeyError as e:
    print("key error wins", e, L7)
L8 = [3, 1, 2]
def append_one(x):
    L8.append(x)
    return x
attempt("append", L8, key=append_one)
L9 = [3, 1, 2]
def nested(x):
    L9.sort()
    return x
attempt("nested sort", L9, key=nested)
