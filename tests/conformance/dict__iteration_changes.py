# Checks: the RuntimeErrors of changing a dict or set while iterating it: size changed, keys replaced at the same size, set size changed; list(d), sorted(d) and tuple(s) copy at once.
d = {i: i for i in range(5)}
try:
    for k in d:
        d[k + 100] = 0
except RuntimeError as e:
    print("add:", e)
d = {i: i for i in range(5)}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("del:", e)
d = {i: i for i in range(5)}
seen = []
try:
    for k in d:
        seen.append(k)
        del d[k]
        d[k + 100] = 0
except RuntimeError as e:
    print("replace:", e, len(seen))
d = {i: i for i in range(3)}
for k in d:
    d[k] = -k
print(d)
for kind in (d.keys, d.values, d.items):
    try:
        for x in kind():
            d["new"] = 1
    except RuntimeError as e:
        print(kind.__name__, e)
    d.pop("new", None)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("set add:", e)
s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print("set discard:", e)
s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
        s.add(x + 10)
    print("set replace: no error")
except RuntimeError as e:
    print("set replace:", e)
d = {i: str(i) for i in range(6)}
print(list(d), sorted(d, reverse=True), tuple(d.items())[:2], sorted({3, 1, 2}))
