# Readers read attributes of one shared instance and call its methods while writers rebind
# them, delete and re-add one, and add and remove hundreds of others (the instance's table
# grows and shrinks under the readers). Every stored value is (name, version, version * 3):
# a reader can tell a whole, stored value of the attribute it asked for from a torn, stale or
# misplaced one. `b` is never deleted, so reading it never raises; `a` may be missing
# (AttributeError) and nothing else. Each writer also owns an attribute and must read back what
# it stored.
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
WRITERS = 2
READERS = 2
EXTRA = 120


def val(name, version):
    return (name, version, version * 3)


def whole(name, v):
    return type(v) is tuple and len(v) == 3 and v[0] == name and type(v[1]) is int and v[2] == v[1] * 3


class Shared:
    def __init__(self):
        self.a = val("a", 0)
        self.b = val("b", 0)

    def both(self):
        return (self.a, self.b)

    def get_b(self):
        return self.b


obj = Shared()
start = threading.Barrier(WRITERS + READERS)
finished = []
bad = []


def note(what, detail):
    if len(bad) < 10:
        bad.append((what, repr(detail)[:200]))


def writer(me):
    mine = "own%d" % me
    start.wait()
    for i in range(N):
        version = 2 * i + me
        try:
            step = i % 5
            if step == 0:
                obj.a = val("a", version)
                obj.b = val("b", version)
            elif step == 1:
                try:
                    del obj.a
                except AttributeError:
                    pass  # the other writer deleted it first
                obj.b = val("b", version)
            elif step == 2:
                setattr(obj, "a", val("a", version))
                for j in range(i % EXTRA, i % EXTRA + 30):
                    name = "x%d_%d" % (me, j)
                    setattr(obj, name, val(name, version))
            elif step == 3:
                for j in range(i % EXTRA - 1, i % EXTRA + 29):
                    name = "x%d_%d" % (me, j)
                    if hasattr(obj, name):
                        delattr(obj, name)
            else:
                obj.b = val("b", version)
            v = val(mine, version)
            setattr(obj, mine, v)
            if getattr(obj, mine) is not v:
                note("own", getattr(obj, mine, None))
        except Exception as e:
            note("writer", e)
    finished.append(me)


def check(i):
    v = obj.b
    if not whole("b", v):
        note("b", v)
    if not whole("b", obj.get_b()):
        note("get_b", obj.get_b())
    try:
        v = obj.a
        if not whole("a", v):
            note("a", v)
    except AttributeError:
        pass
    try:
        a, b = obj.both()
        if not whole("a", a) or not whole("b", b):
            note("both", (a, b))
    except AttributeError:
        pass  # `a` was deleted
    v = getattr(obj, "a", None)
    if v is not None and not whole("a", v):
        note("getattr a", v)
    for me in range(WRITERS):
        name = "x%d_%d" % (me, i % EXTRA)
        v = getattr(obj, name, None)
        if v is not None and not whole(name, v):
            note("extra", (name, v))
        name = "own%d" % me
        v = getattr(obj, name, None)
        if v is not None and not whole(name, v):
            note("own read", (name, v))
    if hasattr(obj, "never") or getattr(obj, "never", 7) != 7:
        note("never", "found an attribute never set")
    for name, v in obj.__dict__.copy().items():
        if not whole(name, v):
            note("__dict__", (name, v))


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
for name in list(obj.__dict__):
    if name.startswith("x"):
        delattr(obj, name)
obj.a = val("a", 1)
obj.b = val("b", 2)
print(bad == [], sorted(obj.__dict__), obj.both(), bad[:3])
