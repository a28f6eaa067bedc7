"""The manager process of multiprocessing.managers (run in the same module namespace as
multiprocessing_managers.py): the request loop and the server-side shared types.

The loop is one thread. A request that would block (acquiring a held lock, waiting for an
event, getting from an empty queue) is parked with its deadline, and every parked request is
tried again, in arrival order, after each request the manager handles and at least every
50 ms; one that reaches its deadline gets the answer CPython gives on a timeout (False, or
queue.Empty/queue.Full). A lock whose holder's process has died is reported to its waiters as
a RuntimeError instead of blocking them forever.

Objects live until the manager shuts down: gil-lab has no finalizers, so a proxy cannot tell
the manager when it is freed (CPython counts proxies and frees an object with its last one).
"""

import time as _time

# Answer from a shared type's method when the request must wait.
_BLOCKED = ("#BLOCKED",)

# The dunder methods a proxy may call (public methods are always allowed, subject to exposed).
_DUNDERS = frozenset((
    "__add__", "__contains__", "__delitem__", "__getitem__", "__len__", "__mul__",
    "__rmul__", "__setitem__", "__imul__", "__repr__", "__str__", "__next__",
    "__getattribute__", "__setattr__", "__delattr__",
))


def _timeout_arg(timeout):
    if timeout is None:
        return None
    if timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")
    return timeout


class Namespace(object):
    def __init__(self, /, **kwds):
        # gil-lab's instance __dict__ is a snapshot, so the attributes are set one by one.
        for name, value in kwds.items():
            setattr(self, name, value)

    def __repr__(self):
        items = list(self.__dict__.items())
        temp = []
        for name, value in items:
            if not name.startswith("_"):
                temp.append("%s=%r" % (name, value))
        temp.sort()
        return "%s(%s)" % (self.__class__.__name__, ", ".join(temp))


class Value(object):
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    def get(self):
        return self._value

    def set(self, value):
        self._value = value

    def __repr__(self):
        return "%s(%r, %r)" % (type(self).__name__, self._typecode, self._value)

    value = property(get, set)


class _Waitable:
    """A shared type some of whose methods may wait. `_call` answers a request or returns
    _BLOCKED; `_timeout` gives the request's timeout; `_expired` answers it at its deadline."""

    def _call(self, who, name, args, kwds):
        return getattr(self, "_m_" + name)(who, *args, **kwds)

    def _timeout(self, name, args, kwds):
        if "timeout" in kwds:
            return kwds["timeout"]
        i = self._TIMEOUT_AT.get(name)
        if i is not None and len(args) > i:
            return args[i]
        return None

    def _expired(self, name):
        return False

    def _undo(self, who, name, result):
        """Takes back what a parked request did when its client turned out to be dead."""


class _Lock(_Waitable):
    """threading.Lock in the manager: anyone may release it."""

    _TIMEOUT_AT = {"acquire": 1}

    def __init__(self):
        self._owner = None
        self._depth = 0

    def _holder_died(self):
        if self._owner is not None and not _mp.pid_alive(self._owner[1]):
            raise RuntimeError("the holder of this manager %s (process %d) died without "
                               "releasing it" % (type(self).__name__[1:], self._owner[1]))

    def _free_for(self, who):
        return self._owner is None

    def _m_acquire(self, who, blocking=True, timeout=-1):
        if not blocking and timeout not in (-1, None):
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout not in (-1, None) and timeout < 0:
            raise ValueError("timeout value must be a non-negative number")
        if self._free_for(who):
            self._owner = who
            self._depth += 1
            return True
        if not blocking:
            return False
        self._holder_died()
        return _BLOCKED

    def _timeout(self, name, args, kwds):
        t = _Waitable._timeout(self, name, args, kwds)
        return None if t == -1 else t

    def _m_release(self, who):
        if self._owner is None:
            raise RuntimeError("release unlocked lock")
        self._owner = None
        self._depth = 0

    def _undo(self, who, name, result):
        self._owner = None
        self._depth = 0

    def __repr__(self):
        return "<%s %s>" % ("locked" if self._owner else "unlocked", type(self).__name__[1:])


class _RLock(_Lock):
    """threading.RLock in the manager: its owner is the client thread that acquired it."""

    def _free_for(self, who):
        return self._owner is None or self._owner == who

    def _m_release(self, who):
        if self._owner != who:
            raise RuntimeError("cannot release un-acquired lock")
        self._depth -= 1
        if self._depth == 0:
            self._owner = None


class _Semaphore(_Waitable):
    _TIMEOUT_AT = {"acquire": 1}

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._value = value

    def _m_acquire(self, who, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        if self._value > 0:
            self._value -= 1
            return True
        return _BLOCKED if blocking else False

    def _m_release(self, who, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        self._value += n

    def _undo(self, who, name, result):
        self._value += 1


class _BoundedSemaphore(_Semaphore):
    def __init__(self, value=1):
        _Semaphore.__init__(self, value)
        self._initial = value

    def _m_release(self, who, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        if self._value + n > self._initial:
            raise ValueError("Semaphore released too many times")
        self._value += n


class _Event(_Waitable):
    _TIMEOUT_AT = {"wait": 0}

    def __init__(self):
        self._flag = False

    def _m_is_set(self, who):
        return self._flag

    def _m_set(self, who):
        self._flag = True

    def _m_clear(self, who):
        self._flag = False

    def _m_wait(self, who, timeout=None):
        _timeout_arg(timeout)
        return True if self._flag else _BLOCKED


class _Queue(_Waitable):
    _TIMEOUT_AT = {"put": 2, "get": 1}

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._items = []
        self._head = 0
        self._unfinished = 0

    def _size(self):
        return len(self._items) - self._head

    def _m_qsize(self, who):
        return self._size()

    def _m_empty(self, who):
        return self._size() == 0

    def _m_full(self, who):
        return 0 < self._maxsize <= self._size()

    def _m_put(self, who, item, block=True, timeout=None):
        _timeout_arg(timeout)
        if 0 < self._maxsize <= self._size():
            if not block:
                raise _queue.Full
            return _BLOCKED
        self._items.append(item)
        self._unfinished += 1

    def _m_put_nowait(self, who, item):
        return self._m_put(who, item, False)

    def _m_get(self, who, block=True, timeout=None):
        _timeout_arg(timeout)
        if self._size() == 0:
            if not block:
                raise _queue.Empty
            return _BLOCKED
        item = self._items[self._head]
        self._items[self._head] = None
        self._head += 1
        if self._head > 64 and self._head * 2 > len(self._items):
            del self._items[:self._head]
            self._head = 0
        return item

    def _m_get_nowait(self, who):
        return self._m_get(who, False)

    def _m_task_done(self, who):
        if self._unfinished <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished -= 1

    def _m_join(self, who):
        return None if self._unfinished == 0 else _BLOCKED

    def _undo(self, who, name, result):
        if name == "get" and self._head > 0:
            self._head -= 1
            self._items[self._head] = result
        elif name == "get":
            self._items.insert(0, result)
        elif name == "put":
            self._items.pop()
            self._unfinished -= 1

    def _expired(self, name):
        if name == "get":
            raise _queue.Empty
        raise _queue.Full


_BUILTIN_TYPES = {
    "dict": dict,
    "list": list,
    "Namespace": Namespace,
    "Value": Value,
    "Lock": _Lock,
    "RLock": _RLock,
    "Semaphore": _Semaphore,
    "BoundedSemaphore": _BoundedSemaphore,
    "Event": _Event,
    "Queue": _Queue,
    "JoinableQueue": _Queue,
}

for _typeid in _BUILTIN_TYPES:
    SyncManager.register(_typeid, _BUILTIN_TYPES[_typeid], _PROXY_TYPES[_typeid])
del _typeid


def public_methods(obj):
    """The names of `obj`'s public methods, from its class and the classes it extends."""
    names = []
    for cls in type(obj).__mro__:
        for n in cls.__dict__:
            if n[0] != "_" and n not in names and callable(getattr(obj, n, None)):
                names.append(n)
    names.sort()
    return names


def _plain(value):
    """A method's result as it crosses: views and iterators become lists."""
    if isinstance(value, (type({}.keys()), type({}.values()), type({}.items()))):
        return list(value)
    return value


class _Server:
    def __init__(self, requests, owner, registry):
        self.seg = requests._seg
        self.requests = requests
        self.owner = owner
        self.registry = registry
        self.objects = {}
        self.next_id = 0
        self.clients = {}
        self.parked = []
        self.running = True

    # Requests

    def run(self):
        while self.running:
            timeout = _CHECK_EVERY
            if self.parked:
                timeout = 0.05
                now = _time.monotonic()
                for p in self.parked:
                    if p[5] is not None:
                        timeout = min(timeout, max(0.0, p[5] - now))
            data = _mp.chan_get(self.seg, True, timeout)
            if data is None:
                if not _mp.pid_alive(self.owner):
                    return
                self.prune()
            else:
                self.handle(data)
            if self.parked:
                self.retry()

    def handle(self, data):
        header, _, body = data.partition("\n")
        parts = header.split(" ")
        if len(parts) != 3:
            return
        name, length, pid = parts
        client = self.clients.get(name)
        if client is None:
            client = (_mp.shm_attach(_mp.SharedSegment, name, int(length)), int(pid))
            self.clients[name] = client
        who = (name, client[1])
        try:
            msg = _mp.loads(body)
            op = msg[0]
            if op == "call":
                value = self.call(who, msg[1], msg[2], msg[3], msg[4])
                if value is _BLOCKED:
                    obj = self.objects[msg[1]][0]
                    t = obj._timeout(msg[2], msg[3], msg[4])
                    deadline = None if t is None else _time.monotonic() + max(0, t)
                    self.parked.append((who, msg[1], msg[2], msg[3], msg[4], deadline))
                    return
            else:
                value = self.other(op, msg)
        except BaseException as e:
            self.reply(who, "#ERROR", e)
            return
        self.reply(who, "#RETURN", value)

    def other(self, op, msg):
        if op == "create":
            return self.create(msg[1], msg[2], msg[3])
        if op == "getvalue":
            return self.objects[msg[1]][0]
        if op == "shutdown":
            self.running = False
            return None
        raise ValueError("unknown manager request %r" % (op,))

    def direct(self, op, args):
        """A request from a proxy held by the manager process itself."""
        if op == "call":
            value = self.call(("#manager", _os.getpid()), *args)
            if value is _BLOCKED:
                raise RuntimeError("the manager process cannot wait for one of its own objects")
            return value
        return self.other(op, (op,) + tuple(args))

    def reply(self, who, kind, value):
        try:
            text = _mp.dumps((kind, _plain(value)))
        except BaseException as e:
            text = _mp.dumps(("#ERROR", e))
        seg = self.clients[who[0]][0]
        _mp.chan_put(seg, text, 0, True, None)

    # Objects

    def create(self, typeid, args, kwds):
        entry = self.registry.get(typeid)
        if entry is None or entry[0] is None:
            raise ValueError("the manager has no callable for typeid %r" % (typeid,))
        obj = entry[0](*args, **kwds)
        exposed = entry[1]
        if exposed is None:
            exposed = public_methods(obj)
        self.next_id += 1
        self.objects[self.next_id] = (obj, tuple(exposed))
        return (self.next_id, list(exposed))

    def call(self, who, oid, name, args, kwds):
        try:
            obj, exposed = self.objects[oid]
        except KeyError:
            raise KeyError("the manager has no object %r (it was created by a manager that "
                           "has since shut down?)" % (oid,))
        if name == "__repr__" or name == "__str__":
            # CPython's fallbacks: a proxy's str() shows its referent whatever is exposed.
            return repr(obj) if name == "__repr__" else str(obj)
        if name not in exposed or (name[0] == "_" and name not in _DUNDERS):
            raise AttributeError("method %r of %r object is not in exposed=%r"
                                 % (name, type(obj), exposed))
        if isinstance(obj, _Waitable):
            return obj._call(who, name, args, kwds)
        if name == "__getattribute__":
            return getattr(obj, *args)
        if name == "__setattr__":
            return setattr(obj, *args)
        if name == "__delattr__":
            return delattr(obj, *args)
        return getattr(obj, name)(*args, **kwds)

    # Parked requests

    def retry(self):
        now = _time.monotonic()
        still = []
        for p in self.parked:
            who, oid, name, args, kwds, deadline = p
            try:
                value = self.call(who, oid, name, args, kwds)
                if value is _BLOCKED:
                    if deadline is None or now < deadline:
                        still.append(p)
                        continue
                    value = self.objects[oid][0]._expired(name)
                elif not _mp.pid_alive(who[1]):
                    # Its client died while it waited: the item or lock goes to the next.
                    self.objects[oid][0]._undo(who, name, value)
                    continue
            except BaseException as e:
                self.reply(who, "#ERROR", e)
                continue
            self.reply(who, "#RETURN", value)
        self.parked = still

    def prune(self):
        """Forgets clients whose process has died, and their parked requests."""
        dead = [n for n, c in self.clients.items() if not _mp.pid_alive(c[1])]
        for n in dead:
            del self.clients[n]
        if dead:
            self.parked = [p for p in self.parked if p[0][0] in self.clients]


def _serve(requests, owner, registry, initializer, initargs):
    if initializer is not None:
        initializer(*initargs)
    server = _Server(requests, owner, registry)
    seg = requests._seg
    me = _Client((_mp.shm_name(seg), _mp.shm_len(seg), _os.getpid()), requests)
    me.server = server
    _clients[me.address[0]] = me
    server.run()
