# Threads call a method on instances of a class and read its class attributes while writers
# rebind the method and the attribute on the class, and add and delete many other class
# attributes (the class's table grows and shrinks under the readers). Every method returns
# ("m", version, version * 13) and every class attribute is ("t", version, version * 13): a
# reader can tell a whole, stored value from a torn or stale one. A method that is never
# rebound, a subclass's override and an instance attribute that shadows a class attribute
# must always resolve to the same thing.
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
WRITERS = 2
READERS = 2
EXTRA = 100


class Base:
    tag = ("t", 0, 0)

    def m(self):
        return ("m", 0, 0)

    def steady(self):
        return ("steady", self.n)

    def calls_m(self):
        return self.m()


class Child(Base):
    def steady(self):
        return ("child", self.n)


def make_method(version):
    def m(self):
        return ("m", version, version * 13)

    return m


def whole(kind, v):
    return type(v) is tuple and len(v) == 3 and v[0] == kind and type(v[1]) is int and v[2] == v[1] * 13


start = threading.Barrier(WRITERS + READERS)
finished = []
bad = []


def note(what, detail):
    if len(bad) < 10:
        bad.append((what, repr(detail)[:200]))


def writer(me):
    start.wait()
    for i in range(N):
        version = 2 * i + me
        try:
            Base.m = make_method(version)
            Base.tag = ("t", version, version * 13)
            if i % 4 == 1:
                for j in range(i % EXTRA, i % EXTRA + 20):
                    setattr(Base, "c%d_%d" % (me, j), ("t", j, j * 13))
            elif i % 4 == 3:
                for j in range((i - 2) % EXTRA, (i - 2) % EXTRA + 20):
                    delattr(Base, "c%d_%d" % (me, j))
        except Exception as e:
            note("writer", e)
    finished.append(me)


def check(i, b, c, shadow):
    for obj in (b, c):
        v = obj.m()
        if not whole("m", v):
            note("m", v)
        v = obj.calls_m()
        if not whole("m", v):
            note("calls_m", v)
        v = obj.tag
        if not whole("t", v):
            note("tag", v)
    v = Base.tag
    if not whole("t", v):
        note("Base.tag", v)
    v = Base.m(b)
    if not whole("m", v):
        note("Base.m", v)
    if b.steady() != ("steady", i) or c.steady() != ("child", i):
        note("steady", (b.steady(), c.steady()))
    if shadow.tag != ("t", -1, -13):
        note("shadow", shadow.tag)
    for me in range(WRITERS):
        v = getattr(c, "c%d_%d" % (me, i % EXTRA), None)
        if v is not None and not whole("t", v):
            note("extra", v)
    if hasattr(b, "never") or not isinstance(c, Base):
        note("never", "an attribute never set, or a lost base")


def reader(me):
    b = Base()
    c = Child()
    shadow = Base()
    shadow.tag = ("t", -1, -13)
    start.wait()
    i = 0
    while len(finished) < WRITERS or i < 20:
        b.n = i
        c.n = i
        try:
            check(i, b, c, shadow)
        except Exception as e:
            note("reader", e)
        i += 1


ts = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
ts += [threading.Thread(target=reader, args=(r,)) for r in range(READERS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
left = sum(1 for me in range(WRITERS) for j in range(EXTRA + 20) if hasattr(Base, "c%d_%d" % (me, j)))
Base.m = make_method(3)
Base.tag = ("t", 4, 52)
print(bad == [], left, Child().m(), Child().tag, bad[:3])
