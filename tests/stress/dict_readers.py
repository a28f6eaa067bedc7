# Readers look keys up (d[k], d.get(k), k in d), take snapshots (d.copy(), dict(d), list(d),
# each one read, as in CPython) and measure a shared dict while writers insert hundreds of keys (the table
# resizes), delete them, replace values, update() and clear(). Every value is (k, "val", i) for
# its own key k, so a reader can tell that what it finds belongs to the key it asked for. Each
# writer also owns a range of keys in a second dict that both writers grow and shrink: after
# storing or deleting one of its own keys it must read back exactly what it did, however the
# other writer's inserts resize the table in between. (list(d.items()) and the other view
# snapshots are `dict_view_snapshot.py`.)
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1200
WRITERS = 2
READERS = 2
SPREAD = 300

d = {}
for k in range(64):
    d["k%d" % k] = ("k%d" % k, "val", 0)
    d[k] = (k, "val", 0)
own = {}
start = threading.Barrier(WRITERS + READERS)
finished = []
bad = []
NEVER = "never stored"


def note(what, detail):
    if len(bad) < 10:
        bad.append((what, repr(detail)[:200]))


def belongs(k, v):
    return type(v) is tuple and len(v) == 3 and v[0] == k and v[1] == "val" and type(v[2]) is int


def writer(me):
    start.wait()
    base = 10000 * (me + 1)
    mine = None
    for i in range(N):
        try:
            step = i % 6
            if step == 0:
                # A burst of new keys: the table grows through several resizes.
                for j in range(i % SPREAD, i % SPREAD + 40):
                    k = base + j
                    d[k] = (k, "val", i)
            elif step == 1:
                for j in range(i % SPREAD, i % SPREAD + 40):
                    d.pop(base + j, None)
                d["k%d" % (i % 64)] = ("k%d" % (i % 64), "val", i)
            elif step == 2:
                d.update({i % 64: (i % 64, "val", i), "k%d" % (i % 7): ("k%d" % (i % 7), "val", i)})
                d.setdefault(base + i, (base + i, "val", i))
            elif step == 3:
                if i % 120 == 3 + 60 * me:
                    d.clear()
                else:
                    try:
                        del d[i % 64]
                    except KeyError:
                        pass
                    d[i % 64] = (i % 64, "val", i)
            elif step == 4:
                d.update([(base + i + j, (base + i + j, "val", i)) for j in range(20)])
            else:
                for j in range(20):
                    d.pop(base + i - 1 + j, None)
                if len(d) > 200:
                    try:
                        d.popitem()
                    except KeyError:
                        pass  # the other writer emptied it after len() looked
            # Read-your-writes on keys only this writer touches: store one, then (mostly) take
            # it back out; what comes out must be the very value stored.
            j = (i // 2) % SPREAD
            k = base + j
            if i % 2 == 0:
                mine = (k, "val", i)
                own[k] = mine
                if own.get(k) is not mine or k not in own:
                    note("own store", (k, own.get(k)))
            elif j % 5:
                got = own.pop(k, None)
                if got is not mine or k in own:
                    note("own pop", (k, got))
        except Exception as e:
            note("writer", e)
    finished.append(me)


def check(i):
    for k in (i % 64, "k%d" % (i % 64), 10000 + i % 400, 20000 + i % 400):
        v = d.get(k)
        if v is not None and not belongs(k, v):
            note("get", (k, v))
        try:
            v = d[k]
            if not belongs(k, v):
                note("getitem", (k, v))
        except KeyError:
            pass
        found = k in d
        if found is not True and found is not False:
            note("in", found)
    if NEVER in d or d.get(NEVER) is not None or d.get(-1, 5) != 5:
        note("never", "found a key never stored")
    snapshot = dict(d)
    for k in snapshot:
        if not belongs(k, snapshot[k]):
            note("dict(d)", (k, snapshot[k]))
    for k in list(d):
        if type(k) is not int and type(k) is not str:
            note("keys", k)
    n = len(d)
    if type(n) is not int or n < 0:
        note("len", n)
    for k, v in d.copy().items():
        if not belongs(k, v):
            note("copy", (k, v))
    for k, v in own.copy().items():
        if not belongs(k, v):
            note("own items", (k, v))


def reader(me):
    start.wait()
    i = 0
    while len(finished) < WRITERS or i < 20:
        try:
            check(i)
        except Exception as e:
            note("reader", e)
        i += 1


ts = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
ts += [threading.Thread(target=reader, args=(r,)) for r in range(READERS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
left = all(belongs(k, v) for k, v in d.items())
kept = sorted(own) == [b + j for b in (10000, 20000) for j in range(0, SPREAD, 5)]
print(bad == [], left, all(belongs(k, v) for k, v in own.items()), kept, len(own), bad[:3])
