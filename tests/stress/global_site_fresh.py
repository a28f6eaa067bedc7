# The global sites (`LOAD_GLOBAL` through a cached position) never answer with a stale value.
# A writer, holding `lock`, changes one thing and publishes what it did: rebinds a global,
# shadows the builtin `len` with a module global and removes the shadow again, replaces the
# builtin `abs` in the builtins module and restores it, and adds and deletes other globals so
# that the module's table is rebuilt and positions move. Readers take the lock, note the
# published state, release it, run the cached loads, and take the lock again: when nothing
# was published in between, every load must match the state exactly.
import builtins
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
READERS = 2
EXTRA = 40

lock = threading.Lock()
state = (0, False, False)  # (version, len shadowed, abs replaced)
VAL = 0
real_abs = builtins.abs
here = sys.modules[__name__]
done = []
bad = []


def note(what, detail):
    if builtins.len(bad) < 10:
        bad.append((what, repr(detail)[:200]))


def shadow_len(x):
    return -7


def fake_abs(x):
    return "fake"


def writer():
    global VAL, state, len
    shadowed = replaced = False
    for v in range(1, N + 1):
        with lock:
            VAL = v
            step = v % 6
            if step == 1:
                len = shadow_len
                shadowed = True
            elif step == 3 and shadowed:
                del len
                shadowed = False
            elif step == 4:
                builtins.abs = fake_abs
                replaced = True
            elif step == 5 and replaced:
                builtins.abs = real_abs
                replaced = False
            if v % 10 == 0:
                for j in range(EXTRA):
                    setattr(here, "extra_%d" % j, j)
            elif v % 10 == 5 and v > 10:
                for j in range(EXTRA):
                    delattr(here, "extra_%d" % j)
            state = (v, shadowed, replaced)
    with lock:
        builtins.abs = real_abs
        if shadowed:
            del len
        state = (N + 1, False, False)
    done.append(1)


def loads():
    return VAL, len("ab"), abs(-3)


def reader():
    seen = 0
    while not done or seen < 20:
        with lock:
            before = state
        got = loads()
        with lock:
            after = state
        if before == after:
            v, shadowed, replaced = before
            want = (v if v <= N else N, -7 if shadowed else 2, "fake" if replaced else 3)
            if got != want:
                note("stale", (before, got))
        seen += 1


ts = [threading.Thread(target=writer)]
ts += [threading.Thread(target=reader) for _ in range(READERS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(bad, loads(), state, builtins.abs is real_abs)
