# Readers read a global, call a module-level function, call one that reads the global and a
# builtin, and read a global that is never rebound, while writers rebind the global, redefine
# the function (`global f; def f(...)`), and add and delete hundreds of other globals (through
# the module object, so the module's table grows and shrinks under the readers). Every value
# is ("g", version, version * 5) and every f returns ("f", version, version * 11 + x): a reader
# can tell a whole, stored value from a torn or stale one, and a name that exists never fails
# to resolve (NameError) however the table is resized.
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
WRITERS = 2
READERS = 2
EXTRA = 150

G = ("g", 0, 0)
STEADY = ("steady", 1, 5)
here = sys.modules[__name__]


def f(x):
    return ("f", 0, x)


def reads_g():
    return (G, len(G), STEADY)


def whole_g(v):
    return type(v) is tuple and len(v) == 3 and v[0] == "g" and type(v[1]) is int and v[2] == v[1] * 5


def whole_f(v, x):
    return type(v) is tuple and len(v) == 3 and v[0] == "f" and v[2] == v[1] * 11 + x


start = threading.Barrier(WRITERS + READERS)
finished = []
bad = []


def note(what, detail):
    if len(bad) < 10:
        bad.append((what, repr(detail)[:200]))


def writer(me):
    global G, f
    start.wait()
    for i in range(N):
        version = 2 * i + me
        try:
            G = ("g", version, version * 5)
            if i % 3 == 0:

                def f(x, version=version):
                    return ("f", version, version * 11 + x)

            if i % 4 == 1:
                for j in range(i % EXTRA, i % EXTRA + 25):
                    setattr(here, "extra%d_%d" % (me, j), ("g", j, j * 5))
            elif i % 4 == 3:
                for j in range((i - 2) % EXTRA, (i - 2) % EXTRA + 25):
                    delattr(here, "extra%d_%d" % (me, j))
        except Exception as e:
            note("writer", e)
    finished.append(me)


def check(i):
    v = G
    if not whole_g(v):
        note("G", v)
    x = i % 50
    r = f(x)
    if not whole_f(r, x):
        note("f", r)
    g, n, s = reads_g()
    if not whole_g(g) or n != 3 or s is not STEADY:
        note("reads_g", (g, n, s))
    if STEADY != ("steady", 1, 5):
        note("STEADY", STEADY)
    for me in range(WRITERS):
        v = getattr(here, "extra%d_%d" % (me, i % EXTRA), None)
        if v is not None and not whole_g(v):
            note("extra", v)
    if hasattr(here, "never_bound"):
        note("never", "found a global never bound")


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
left = sum(1 for me in range(WRITERS) for j in range(EXTRA + 25) if hasattr(here, "extra%d_%d" % (me, j)))
G = ("g", 1, 5)


def f(x):
    return ("f", 2, 22 + x)


print(bad == [], left, reads_g(), f(1), bad[:3])
