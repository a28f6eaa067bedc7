# list(d), list(d.items()), list(d.values()), tuple(d.keys()) and sorted(d.items()) copy a dict
# of ints without running Python code in CPython, so they never switch threads: a racing insert
# or delete lands before or after the copy, never raises "dictionary changed size during
# iteration", and each copy holds only whole (k, "val", i) entries for their own keys.
import sys
import threading

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 100
d = {k: (k, "val", 0) for k in range(50)}
start = threading.Barrier(3)
finished = []
errors = {}
bad = []


def belongs(k, v):
    return type(v) is tuple and len(v) == 3 and v[0] == k and v[1] == "val"


def writer():
    # Keeps changing the size until both readers are done, so that every copy overlaps it.
    start.wait()
    i = 0
    while len(finished) < 2:
        k = 1000 + i % 100
        d[k] = (k, "val", i)
        d.pop(1000 + (i + 50) % 100, None)
        i += 1


def reader():
    start.wait()
    for _ in range(ROUNDS):
        for name, copy in (
            ("list(d)", lambda: [(k, d.get(k, (k, "val", 0))) for k in list(d)]),
            ("list(d.items())", lambda: list(d.items())),
            ("list(d.values())", lambda: [(v[0], v) for v in list(d.values())]),
            ("tuple(d.keys())", lambda: [(k, (k, "val", 0)) for k in tuple(d.keys())]),
            ("sorted(d.items())", lambda: sorted(d.items())),
        ):
            try:
                for k, v in copy():
                    if not belongs(k, v):
                        bad.append((name, k, v))
            except RuntimeError as e:
                errors[name] = str(e)
    finished.append(1)


ts = [threading.Thread(target=writer)] + [threading.Thread(target=reader) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(errors.items()), bad[:3])
