"""multiprocessing.managers for gil-lab: BaseManager and SyncManager, whose shared objects
live in a manager process and are used from every other process through proxies.

The manager process is a daemonic multiprocessing.Process running _serve (in
multiprocessing_manager_server.py, the same module). Requests travel on one shared-memory
queue that every client writes; each client thread has its own reply queue, whose segment
name is its identity (the manager maps it when it first hears from it). A client checks
that the manager is alive before each request and while it waits, so a proxy whose manager
died raises BrokenPipeError (before the request) or EOFError (during it) instead of hanging,
as CPython's connections do. See docs/multiprocessing.md for what differs from CPython.
"""

import _multiprocessing as _mp
import multiprocessing as _mpm
import os as _os
import queue as _queue
import threading as _threading


class State:
    INITIAL = 0
    STARTED = 1
    SHUTDOWN = 2


# How often a client waiting for a reply checks that the manager is still alive (seconds).
_CHECK_EVERY = 0.5
_REPLY_BYTES = 1 << 20

# This process's links to managers, by request-queue segment name.
_clients = {}


class _Client:
    """This process's link to one manager: the request queue, and a reply queue per thread."""

    def __init__(self, address, requests=None):
        name, length, pid = address
        self.address = address
        self.pid = pid
        if requests is None:
            requests = _mpm._rebuild_Queue((name, length, 0))
        self.requests = requests
        self.replies = {}
        # Set in the manager's own process: its proxies call the server directly.
        self.server = None

    def _reply_segment(self):
        """This thread's reply queue, and the header that names it in each request."""
        tid = _threading.get_ident()
        r = self.replies.get(tid)
        if r is None:
            seg = _mp.shm_create(_mp.SharedSegment, _REPLY_BYTES)
            header = "%s %d %d\n" % (_mp.shm_name(seg), _mp.shm_len(seg), _os.getpid())
            r = (seg, header)
            self.replies[tid] = r
        return r

    def call(self, op, *args):
        if self.server is not None:
            return self.server.direct(op, args)
        seg, header = self._reply_segment()
        body = _mp.dumps((op,) + args)
        # One kill(pid, 0): a manager killed and already reaped. (A zombie not yet reaped is
        # caught by the full check while waiting.)
        if not _mp.pid_alive(self.pid, False):
            raise BrokenPipeError(32, "Broken pipe")
        _mp.chan_put(self.requests._seg, header + body, 0, True, None)
        while True:
            data = _mp.chan_get(seg, True, _CHECK_EVERY)
            if data is not None:
                break
            if not _mp.pid_alive(self.pid):
                raise EOFError
        kind, value = _mp.loads(data)
        if kind == "#ERROR":
            raise value
        return value


def _client_for(address):
    c = _clients.get(address[0])
    if c is None:
        c = _Client(address)
        _clients[address[0]] = c
    return c


# Proxies


class BaseProxy:
    """A reference to an object that lives in a manager process."""

    _exposed_ = None

    def __init__(self, client, typeid, oid, exposed=None):
        object.__setattr__(self, "_client", client)
        object.__setattr__(self, "_typeid", typeid)
        object.__setattr__(self, "_id", oid)
        if exposed is not None:
            object.__setattr__(self, "_exposed_", tuple(exposed))

    def _callmethod(self, methodname, args=(), kwds={}):
        return self._client.call("call", self._id, methodname, tuple(args), dict(kwds))

    def _getvalue(self):
        return self._client.call("getvalue", self._id)

    def __repr__(self):
        return "<%s object, typeid %r at %s>" % (type(self).__name__, self._typeid, hex(id(self)))

    def __str__(self):
        try:
            return self._callmethod("__repr__")
        except Exception:
            return repr(self)[:-1] + "; '__str__()' failed>"

    def __gillab_reduce__(self):
        return ("Proxy", (list(self._client.address), self._typeid, self._id,
                          None if self._exposed_ is None else list(self._exposed_)))


def _proxy_method(name):
    def method(self, *args, **kwds):
        return self._callmethod(name, args, kwds)
    method.__name__ = name
    return method


def MakeProxyType(name, exposed, _cache={}):
    """A BaseProxy subclass with one forwarding method per name in `exposed`."""
    exposed = tuple(exposed)
    try:
        return _cache[(name, exposed)]
    except KeyError:
        pass
    dic = {}
    for meth in exposed:
        dic[meth] = _proxy_method(meth)
    proxytype = type(name, (BaseProxy,), dic)
    proxytype._exposed_ = exposed
    _cache[(name, exposed)] = proxytype
    return proxytype


def AutoProxy(client, typeid, oid, exposed=None):
    """A proxy whose methods are the referent's public methods (what the manager reports)."""
    proxytype = MakeProxyType("AutoProxy[%s]" % typeid, exposed or ())
    return proxytype(client, typeid, oid, exposed)


class IteratorProxy(BaseProxy):
    _exposed_ = ("__next__",)

    def __iter__(self):
        return self

    def __next__(self):
        return self._callmethod("__next__")


class AcquirerProxy(BaseProxy):
    _exposed_ = ("acquire", "release")

    def acquire(self, blocking=True, timeout=None):
        args = (blocking,) if timeout is None else (blocking, timeout)
        return self._callmethod("acquire", args)

    def release(self):
        return self._callmethod("release")

    def __enter__(self):
        return self._callmethod("acquire")

    def __exit__(self, exc_type, exc_val, exc_tb):
        return self._callmethod("release")


class EventProxy(BaseProxy):
    _exposed_ = ("is_set", "set", "clear", "wait")

    def is_set(self):
        return self._callmethod("is_set")

    def set(self):
        return self._callmethod("set")

    def clear(self):
        return self._callmethod("clear")

    def wait(self, timeout=None):
        return self._callmethod("wait", (timeout,))


class NamespaceProxy(BaseProxy):
    _exposed_ = ("__getattribute__", "__setattr__", "__delattr__")

    def __getattr__(self, key):
        if key[0] == "_":
            return object.__getattribute__(self, key)
        callmethod = object.__getattribute__(self, "_callmethod")
        return callmethod("__getattribute__", (key,))

    def __setattr__(self, key, value):
        if key[0] == "_":
            return object.__setattr__(self, key, value)
        callmethod = object.__getattribute__(self, "_callmethod")
        return callmethod("__setattr__", (key, value))

    def __delattr__(self, key):
        if key[0] == "_":
            return object.__delattr__(self, key)
        callmethod = object.__getattribute__(self, "_callmethod")
        return callmethod("__delattr__", (key,))


class ValueProxy(BaseProxy):
    _exposed_ = ("get", "set")

    def get(self):
        return self._callmethod("get")

    def set(self, value):
        return self._callmethod("set", (value,))

    value = property(get, set)


BaseListProxy = MakeProxyType("BaseListProxy", (
    "__add__", "__contains__", "__delitem__", "__getitem__", "__len__",
    "__mul__", "__reversed__", "__rmul__", "__setitem__",
    "append", "count", "extend", "index", "insert", "pop", "remove",
    "reverse", "sort", "__imul__",
))


class ListProxy(BaseListProxy):
    def __iadd__(self, value):
        self._callmethod("extend", (value,))
        return self

    def __imul__(self, value):
        self._callmethod("__imul__", (value,))
        return self

    def __reversed__(self):
        return iter(self._getvalue()[::-1])

    def __iter__(self):
        return iter(self._getvalue())


_DictProxyBase = MakeProxyType("DictProxy", (
    "__contains__", "__delitem__", "__getitem__", "__len__",
    "__setitem__", "clear", "copy", "get", "items",
    "keys", "pop", "popitem", "setdefault", "update", "values",
))


class DictProxy(_DictProxyBase):
    def __iter__(self):
        return iter(self._callmethod("keys"))


_QueueProxyBase = MakeProxyType("AutoProxy[Queue]", (
    "empty", "full", "get", "get_nowait", "join", "put", "put_nowait", "qsize", "task_done",
))


def _rebuild_proxy(state):
    address, typeid, oid, exposed = state
    client = _client_for(tuple(address))
    proxytype = _PROXY_TYPES.get(typeid)
    if proxytype is None:
        return AutoProxy(client, typeid, oid, exposed)
    return proxytype(client, typeid, oid, exposed)


# Managers


class BaseManager:
    """Starts a manager process and makes proxies to the objects it creates there."""

    _registry = {}

    def __init__(self, address=None, authkey=None, serializer="pickle", ctx=None, *,
                 shutdown_timeout=1.0):
        if address is not None:
            raise ValueError("gil-lab's managers serve the processes of one run: a manager "
                             "at a network address (address=...) is not supported")
        self._state = State.INITIAL
        self._process = None
        self._client = None
        self._requests = None
        self._shutdown_timeout = shutdown_timeout

    @property
    def address(self):
        return None if self._client is None else self._client.address[0]

    def start(self, initializer=None, initargs=()):
        if self._state != State.INITIAL:
            if self._state == State.STARTED:
                raise _mpm.ProcessError("Already started server")
            raise _mpm.ProcessError("Manager has shut down")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        registry = {}
        for typeid, (func, exposed, proxytype) in type(self)._registry.items():
            registry[typeid] = (func, None if exposed is None else list(exposed))
        self._requests = _mpm.Queue()
        self._process = _mpm.Process(
            target=_serve,
            args=(self._requests, _os.getpid(), registry, initializer, tuple(initargs)),
            name=type(self).__name__ + "-1",
            daemon=True,
        )
        self._process.start()
        seg = self._requests._seg
        address = (_mp.shm_name(seg), _mp.shm_len(seg), self._process.pid)
        self._client = _Client(address, self._requests)
        _clients[address[0]] = self._client
        self._state = State.STARTED

    def _create(self, typeid, *args, **kwds):
        if self._state != State.STARTED:
            raise AssertionError("server not yet started")
        return self._client.call("create", typeid, args, kwds)

    def join(self, timeout=None):
        if self._process is not None:
            self._process.join(timeout)

    def shutdown(self):
        if self._state != State.STARTED:
            return
        self._state = State.SHUTDOWN
        try:
            self._client.call("shutdown")
        except (EOFError, BrokenPipeError):
            pass
        self._process.join(self._shutdown_timeout)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(self._shutdown_timeout)

    def __enter__(self):
        if self._state == State.INITIAL:
            self.start()
        if self._state != State.STARTED:
            raise _mpm.ProcessError("Manager has shut down")
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None,
                 method_to_typeid=None, create_method=True):
        if "_registry" not in cls.__dict__:
            cls._registry = dict(cls._registry)
        if proxytype is None:
            proxytype = AutoProxy
        if exposed is None:
            exposed = getattr(proxytype, "_exposed_", None)
        cls._registry[typeid] = (callable, exposed, proxytype)
        if create_method:
            def create(self, *args, **kwds):
                oid, exp = self._create(typeid, *args, **kwds)
                return proxytype(self._client, typeid, oid, exp)
            create.__name__ = typeid
            setattr(cls, typeid, create)


class SyncManager(BaseManager):
    pass


_PROXY_TYPES = {
    "dict": DictProxy,
    "list": ListProxy,
    "Namespace": NamespaceProxy,
    "Lock": AcquirerProxy,
    "RLock": AcquirerProxy,
    "Semaphore": AcquirerProxy,
    "BoundedSemaphore": AcquirerProxy,
    "Event": EventProxy,
    "Value": ValueProxy,
    "Queue": _QueueProxyBase,
    "JoinableQueue": _QueueProxyBase,
}
