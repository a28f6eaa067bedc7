# ---- gillab-threadfuzz prelude: shared state, value tags, checks, the report ----------------
#
# Every value a thread stores is a tagged int: (space * 16 + writer) * 1000000 + seq, where
# `writer` is 0 for the main thread's initial values and k for thread k, and `seq` counts that
# writer's stores in that space (NEXT[space][writer], bumped before the value is stored, by
# that writer only). A value read back that does not decode to a stored one was never stored.
# Spaces: 1 = chaos containers (L0, L1, D's values, box, globals), 2 = the queue list Q,
# 3 = the keys of DQ, 4 = the set SQ, 5 = the chaos set S (seq < 16, any writer's tag).

KEYS = ("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "k10", "k11")
NAMES = ("a0", "a1", "a2", "a3")
REPORTS = []


class Box:
    c = None


def _new(sp, k):
    n = NEXT[sp][k]
    NEXT[sp][k] = n + 1
    return (sp * 16 + k) * 1000000 + n


def _news(sp, k, n):
    out = []
    for _ in range(n):
        out.append(_new(sp, k))
    return out


def _small(w, j):
    return (5 * 16 + w) * 1000000 + j


def _ok(v, sp):
    if type(v) is not int:
        return False
    hi = v // 1000000
    if hi // 16 != sp or hi % 16 > NTHREADS:
        return False
    if sp == 5:
        return v % 1000000 < 16
    return v % 1000000 < NEXT[sp][hi % 16]


def _chk(v, sp, bad):
    if not _ok(v, sp) and len(bad) < 20:
        bad.append("space %d: %s" % (sp, repr(v)))


def _chkdq(kk, vv, bad):
    if not _ok(kk, 3) or type(vv) is not str or vv != "v" + str(kk):
        if len(bad) < 20:
            bad.append("DQ entry: %s: %s" % (repr(kk), repr(vv)))


def _chkkey(kk, bad):
    if kk not in KEYS and len(bad) < 20:
        bad.append("D key: " + repr(kk))


def _chkpair(t, bad):
    if type(t) is not tuple or len(t) != 2 or t[0] != t[1] or not _ok(t[0], 1):
        if len(bad) < 20:
            bad.append("G2: " + repr(t))


def _kneg(x):
    return -x


def _kmod(x):
    return x % 7


def _rec(ex, op, e):
    key = type(e).__name__ + ": " + str(e)
    m = ex.get(op)
    if m is None:
        m = {}
        ex[op] = m
    m[key] = m.get(key, 0) + 1


def _setup():
    global NEXT, L0, L1, Q, D, DQ, S, SQ, box, G, G2
    NEXT = []
    for _ in range(6):
        NEXT.append([0] * (NTHREADS + 1))
    L0 = _news(1, 0, 8)
    L1 = _news(1, 0, 8)
    Q = _news(2, 0, 8)
    D = {}
    for i in range(6):
        D[KEYS[i]] = _new(1, 0)
    DQ = {}
    for kk in _news(3, 0, 6):
        DQ[kk] = "v" + str(kk)
    S = set()
    for j in range(8):
        S.add(_small(0, j))
    SQ = set(_news(4, 0, 6))
    box = Box()
    box.items = _news(1, 0, 4)
    box.a0 = _new(1, 0)
    Box.c = _new(1, 0)
    G = _new(1, 0)
    v = _new(1, 0)
    G2 = (v, v)


def _json(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if type(v) is int:
        return str(v)
    if type(v) is str:
        out = []
        for ch in v:
            if ch == '"' or ch == "\\":
                out.append("\\" + ch)
            elif ord(ch) < 32 or ord(ch) > 126:
                out.append("\\u%04x" % (ord(ch) & 0xFFFF))
            else:
                out.append(ch)
        return '"' + "".join(out) + '"'
    if type(v) is list or type(v) is tuple:
        return "[" + ",".join([_json(x) for x in v]) + "]"
    if type(v) is dict:
        return "{" + ",".join([_json(str(kk)) + ":" + _json(x) for kk, x in v.items()]) + "}"
    return _json("<%s> %s" % (type(v).__name__, repr(v)))


def _state():
    st = {}
    st["L0"] = list(L0)
    st["L1"] = list(L1)
    st["Q"] = list(Q)
    st["D"] = [[kk, vv] for kk, vv in D.items()]
    st["DQ"] = [[kk, vv] for kk, vv in DQ.items()]
    st["S"] = list(S)
    st["SQ"] = list(SQ)
    st["box"] = [[n, getattr(box, n)] for n in NAMES if hasattr(box, n)]
    st["box_items"] = list(box.items)
    st["cls"] = [Box.c] if hasattr(Box, "c") else []
    try:
        st["G"] = [G]
    except NameError:
        st["G"] = []
    st["G2"] = list(G2)
    return st


def _counts(k):
    return [NEXT[sp][k] for sp in range(6)]


def _finish(k, local, ex, bad, got):
    rep = {"k": k, "local": local, "next": _counts(k), "exc": ex, "bad": bad}
    rep["qgot"] = got[0]
    rep["dqgot"] = got[1]
    rep["sqgot"] = got[2]
    if local:
        rep["next0"] = _counts(0)
        rep["state"] = _state()
        print("TF-THREAD " + _json(rep))
    else:
        REPORTS.append(rep)


def _main(targets):
    if len(sys.argv) > 1:
        # The switch interval to run under (the fuzzer passes a tiny one to CPython, so that
        # its threads interleave as often as gil-lab's do).
        sys.setswitchinterval(float(sys.argv[1]))
    _setup()
    pid = os.getpid()
    ts = []
    for i in range(len(targets)):
        ts.append(threading.Thread(target=targets[i], args=(i + 1, pid)))
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    reps = sorted(REPORTS, key=lambda r: r["k"])
    out = {"threads": NTHREADS, "next0": _counts(0), "reports": reps, "state": _state()}
    print("TF-MAIN " + _json(out))


# ---- generated threads ----------------------------------------------------------------------
