# A shared list of shared dicts, and a shared dict of shared lists, mutated at both levels
# while readers walk them: writers replace and append dicts in the list, pop them, and insert,
# delete, update and clear keys inside whichever dict is at an index now; they append to the
# lists in the dict, which are never shrunk, so their total length is known at the end.
# Every dict value is (k, "n", i) for its own key k and every list item is ("l", i, i * 3),
# so a reader can tell a whole, stored value from a torn, stale or misplaced one; indexing may
# raise only IndexError and key lookup only KeyError.
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
WRITERS = 2
READERS = 2
SLOTS = 8


def fresh(i):
    return {k: (k, "n", i) for k in range(i % 5, i % 5 + 12)}


table = [fresh(i) for i in range(SLOTS)]
hub = {"a": [], "b": [], "c": []}
start = threading.Barrier(WRITERS + READERS)
finished = []
bad = []


def note(what, detail):
    if len(bad) < 10:
        bad.append((what, repr(detail)[:200]))


def belongs(k, v):
    return type(v) is tuple and len(v) == 3 and v[0] == k and v[1] == "n" and type(v[2]) is int


def item_ok(x):
    return type(x) is tuple and len(x) == 3 and x[0] == "l" and x[2] == x[1] * 3


def writer(me):
    start.wait()
    for i in range(N):
        try:
            step = i % 6
            if step == 0:
                table[(i + me) % SLOTS] = fresh(i)
            elif step == 1:
                try:
                    d = table[i % 11]
                except IndexError:
                    d = table[0]
                for k in range(20, 60):
                    d[k] = (k, "n", i)
            elif step == 2:
                try:
                    d = table[-1]
                except IndexError:
                    d = {}
                for k in range(20, 60):
                    d.pop(k, None)
                d.update({3: (3, "n", i), 4: (4, "n", i)})
            elif step == 3:
                table.append(fresh(i))
                if i % 60 == 3:
                    table[i % SLOTS].clear()
            elif step == 4:
                # Two writers may both see the length before either pops: the margin keeps at
                # least SLOTS dicts, so the writes by index above never miss.
                if len(table) > SLOTS + 2:
                    table.pop()
            else:
                table[1:3] = [fresh(i), fresh(i + 1)]
            name = "abc"[i % 3]
            hub[name].append(("l", i, i * 3))
        except Exception as e:
            note("writer", e)
    finished.append(me)


def check(i):
    for j in (i % SLOTS, -1, i % 13):
        try:
            d = table[j]
        except IndexError:
            continue
        for k in (i % 60, 3, 30):
            v = d.get(k)
            if v is not None and not belongs(k, v):
                note("get", (k, v))
            try:
                v = d[k]
                if not belongs(k, v):
                    note("getitem", (k, v))
            except KeyError:
                pass
        if "x" in d or d.get(-1) is not None:
            note("never", d)
    for d in table:
        n = len(d)
        if type(n) is not int or n < 0:
            note("len", n)
        for k, v in d.copy().items():
            if not belongs(k, v):
                note("items", (k, v))
    for d in list(table):
        if type(d) is not dict:
            note("table", d)
    for name in "abc":
        lst = hub[name]
        try:
            if not item_ok(lst[-1]):
                note("hub last", lst[-1])
        except IndexError:
            pass
        for x in lst[-50:]:
            if not item_ok(x):
                note("hub", x)
    for name, lst in hub.copy().items():
        if type(lst) is not list:
            note("hub value", (name, lst))


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
appended = sum(len(lst) for lst in hub.values())
whole = all(belongs(k, v) for d in table for k, v in d.items())
items = all(item_ok(x) for lst in hub.values() for x in lst)
print(bad == [], appended == WRITERS * N, whole, items, len(table) >= SLOTS, bad[:3])
