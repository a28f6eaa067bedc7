# The type-attribute cache must never answer with a value older than one the reader already
# knows was stored. A writer rebinds a base class's attribute, method, `__getattr__` and
# `__setattr__` hooks to version i, then publishes i under a lock; readers take the lock, read
# the published version p, and then read every one of those through instances and a subclass
# of a subclass (whose cache entries are filled under other tags): each must be at least p.
# The lock orders the writer's class-dict writes before the readers' lookups, so a stale
# cache entry would show up as a value below p. A plain class starts without an attribute `q`
# that its instances hold in their dicts (so the LOAD_ATTR site caches "no class attribute");
# the writer then installs a property `q` of version i, which must win over the instance dict
# from the moment it is published.
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
READERS = 3


class Base:
    v = 0

    def m(self):
        return 0

    def __getattr__(self, name):
        return 0


class Mid(Base):
    pass


def version_method(i):
    def m(self):
        return i

    return m


def version_hook(i):
    def hook(self, name):
        return i

    return hook


def version_setattr(i):
    def setattr_hook(self, name, value):
        object.__setattr__(self, name, (i, value))

    return setattr_hook


class Leaf(Mid):
    __setattr__ = version_setattr(0)


class Plain:
    def __init__(self):
        self.q = -1


def version_property(i):
    return property(lambda self: i)


lock = threading.Lock()
published = [0]
bad = []
start = threading.Barrier(READERS + 1)


def writer():
    start.wait()
    for i in range(1, N + 1):
        Base.v = i
        Base.m = version_method(i)
        Mid.__getattr__ = version_hook(i)
        Leaf.__setattr__ = version_setattr(i)
        Plain.q = version_property(i)
        with lock:
            published[0] = i


def reader(k):
    obj = Leaf()
    plain = Plain()
    start.wait()
    while True:
        with lock:
            p = published[0]
        obj.w = k
        seen = (obj.v, obj.m(), obj.missing, Leaf.v, obj.w[0])
        if min(seen) < p:
            bad.append((p, seen))
        q = plain.q
        if p >= 1 and q < p:
            bad.append((p, "q", q))
        if p == N:
            return


threads = [threading.Thread(target=writer)]
threads += [threading.Thread(target=reader, args=(k,)) for k in range(READERS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
final = Leaf()
final.w = 1
print(bad[:3], (final.v, final.m(), final.missing, final.w), Plain.q.fget(None))
