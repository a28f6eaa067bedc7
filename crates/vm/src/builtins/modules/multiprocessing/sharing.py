"""multiprocessing's sharing objects for gil-lab, run in the same module namespace after
multiprocessing.py: Lock and RLock, Value, Array and their raw forms, Queue, JoinableQueue,
SimpleQueue and Pipe, over shared-memory segments (see docs/multiprocessing.md)."""

import _multiprocessing as _mp
import os as _os


# Shared memory: Lock, RLock, Value, Array and the raw forms, over a POSIX shared-memory
# segment that every process maps by name (_multiprocessing.shm_*; docs/multiprocessing.md).
# A Value's lock is its segment's own lock, used recursively: an RLock, as CPython's default.

_CTYPE_NAMES = {
    "b": "c_byte", "B": "c_ubyte", "h": "c_short", "H": "c_ushort", "i": "c_int",
    "I": "c_uint", "l": "c_long", "L": "c_ulong", "q": "c_long", "Q": "c_ulong",
    "f": "c_float", "d": "c_double",
}


def _new_segment(typecode, count):
    width = _mp.shm_width(typecode)
    return _mp.shm_create(_mp.SharedSegment, width * count)


def _attach(name, length):
    return _mp.shm_attach(_mp.SharedSegment, name, length)


class Lock:
    """A lock shared by processes: the process-shared futex lock of a segment of its own
    (CPython's is a semaphore)."""

    _recursive = False

    def __init__(self, *, ctx=None):
        self._seg = _mp.shm_create(_mp.SharedSegment, 0)

    def acquire(self, block=True, timeout=None):
        return _mp.shm_acquire(self._seg, block, timeout, self._recursive)

    def release(self):
        try:
            _mp.shm_release(self._seg, False)
        except RuntimeError:
            raise ValueError("semaphore or lock released too many times") from None

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()

    def _owner_name(self, pid):
        if pid == 0:
            return "None"
        if pid == _os.getpid():
            return current_process().name
        return "SomeOtherProcess"

    def __repr__(self):
        pid, depth = _mp.shm_owner(self._seg)
        return "<Lock(owner=%s)>" % self._owner_name(pid)

    def __gillab_reduce__(self):
        return (type(self).__name__, (_mp.shm_name(self._seg), _mp.shm_len(self._seg)))


class RLock(Lock):
    _recursive = True

    def release(self):
        try:
            _mp.shm_release(self._seg, True)
        except RuntimeError:
            raise AssertionError("attempt to release recursive lock not owned by thread") from None

    def __repr__(self):
        pid, depth = _mp.shm_owner(self._seg)
        return "<RLock(%s, %d)>" % (self._owner_name(pid), depth)


def _lock_on(cls, seg):
    lock = cls.__new__(cls)
    lock._seg = seg
    return lock


class _ThreadLock(Lock):
    """What a shard worker's thread receives for a threading.Lock passed to it: the lock,
    moved into shared memory, with threading.Lock's methods."""

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout != -1 and timeout < 0:
            raise ValueError("timeout value must be a non-negative number")
        return _mp.shm_acquire(self._seg, blocking, None if timeout == -1 else timeout, False)

    def locked(self):
        return _mp.shm_locked(self._seg)

    def __gillab_reduce__(self):
        return ("ThreadLock", (_mp.shm_name(self._seg), _mp.shm_len(self._seg)))


def _rebuild_lock(cls, state):
    return _lock_on(cls, _attach(state[0], state[1]))


def _rebuild_Lock(state):
    return _rebuild_lock(Lock, state)


def _rebuild_RLock(state):
    return _rebuild_lock(RLock, state)


def _rebuild_ThreadLock(state):
    return _rebuild_lock(_ThreadLock, state)


def _slice_range(s, n):
    step = 1 if s.step is None else s.step
    if step == 0:
        raise ValueError("slice step cannot be zero")
    lo, hi = (0, n) if step > 0 else (-1, n - 1)

    def clamp(x, default):
        if x is None:
            return default
        if x < 0:
            x += n
        return max(lo, min(x, hi))

    start = clamp(s.start, 0 if step > 0 else n - 1)
    stop = clamp(s.stop, n if step > 0 else -1)
    return range(start, stop, step)


def _check_lock(lock):
    if lock is True or lock is False:
        return lock
    raise ValueError("gil-lab's shared values take lock=True or lock=False, "
                     "not a separate lock object (their lock lives in the shared segment)")


class _RawValue:
    def __init__(self, seg, typecode):
        self._seg = seg
        self._type_ = typecode

    @property
    def value(self):
        return _mp.shm_get(self._seg, self._type_, 0)

    @value.setter
    def value(self, v):
        _mp.shm_set(self._seg, self._type_, 0, v)

    def __repr__(self):
        return "%s(%r)" % (_CTYPE_NAMES[self._type_], self.value)

    def __gillab_reduce__(self):
        return ("RawValue", (_mp.shm_name(self._seg), _mp.shm_len(self._seg), self._type_))


class _RawArray:
    def __init__(self, seg, typecode, length):
        self._seg = seg
        self._type_ = typecode
        self._length_ = length

    def __len__(self):
        return self._length_

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [_mp.shm_get(self._seg, self._type_, j) for j in _slice_range(i, self._length_)]
        return _mp.arr_get(self._seg, self._type_, self._length_, i, False)

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            idx = _slice_range(i, self._length_)
            v = list(v)
            if len(v) != len(idx):
                raise ValueError("Can only assign sequence of same size")
            for j, x in zip(idx, v):
                _mp.shm_set(self._seg, self._type_, j, x)
            return
        _mp.arr_set(self._seg, self._type_, self._length_, i, v, False)

    def __iter__(self):
        for j in range(self._length_):
            yield _mp.shm_get(self._seg, self._type_, j)

    def __repr__(self):
        return "<%s_Array_%d object>" % (_CTYPE_NAMES[self._type_], self._length_)

    def __gillab_reduce__(self):
        return ("RawArray", (_mp.shm_name(self._seg), _mp.shm_len(self._seg), self._type_,
                             self._length_))


class Synchronized:
    def __init__(self, obj):
        self._obj = obj
        self._lock = _lock_on(RLock, obj._seg)
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def get_lock(self):
        return self._lock

    def get_obj(self):
        return self._obj

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v

    def __repr__(self):
        return "<Synchronized wrapper for %r>" % (self._obj,)

    def __gillab_reduce__(self):
        kind, state = self._obj.__gillab_reduce__()
        return ("Value", state)


class SynchronizedArray(Synchronized):
    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        o = self._obj
        if type(i) is int:
            return _mp.arr_get(o._seg, o._type_, o._length_, i, True)
        with self._lock:
            return o[i]

    def __setitem__(self, i, v):
        o = self._obj
        if type(i) is int:
            return _mp.arr_set(o._seg, o._type_, o._length_, i, v, True)
        with self._lock:
            o[i] = v

    def __repr__(self):
        return "<SynchronizedArray wrapper for %r>" % (self._obj,)

    def __gillab_reduce__(self):
        kind, state = self._obj.__gillab_reduce__()
        return ("Array", state)


def RawValue(typecode_or_type, *args):
    if len(args) > 1:
        raise TypeError("RawValue() takes at most 2 arguments")
    obj = _RawValue(_new_segment(typecode_or_type, 1), typecode_or_type)
    if args:
        obj.value = args[0]
    return obj


def RawArray(typecode_or_type, size_or_initializer):
    if isinstance(size_or_initializer, int):
        size, init = size_or_initializer, None
    else:
        init = list(size_or_initializer)
        size = len(init)
    if size < 0:
        raise ValueError("array size must be non-negative")
    obj = _RawArray(_new_segment(typecode_or_type, size), typecode_or_type, size)
    if init is not None:
        obj[:] = init
    return obj


def Value(typecode_or_type, *args, lock=True):
    obj = RawValue(typecode_or_type, *args)
    if not _check_lock(lock):
        return obj
    return Synchronized(obj)


def Array(typecode_or_type, size_or_initializer, *, lock=True):
    obj = RawArray(typecode_or_type, size_or_initializer)
    if not _check_lock(lock):
        return obj
    return SynchronizedArray(obj)


def _rebuild_RawValue(state):
    name, length, typecode = state
    return _RawValue(_attach(name, length), typecode)


def _rebuild_RawArray(state):
    name, length, typecode, n = state
    return _RawArray(_attach(name, length), typecode, n)


def _rebuild_Value(state):
    return Synchronized(_rebuild_RawValue(state))


def _rebuild_Array(state):
    return SynchronizedArray(_rebuild_RawArray(state))


# Queues: a message ring in a shared segment (_multiprocessing.chan_*; channel.rs). Items
# cross as the wire encoding, like a job's arguments; a put that cannot be encoded raises in
# the caller (CPython's feeder thread would print the error instead).

_CHANNEL_BYTES = 1 << 20


class Queue:
    def __init__(self, maxsize=0):
        if maxsize <= 0:
            maxsize = 0
        self._maxsize = maxsize
        self._seg = _mp.shm_create(_mp.SharedSegment, _CHANNEL_BYTES)
        self._closed = False

    def _check_closed(self):
        if self._closed:
            raise ValueError("Queue %r is closed" % self)

    def put(self, obj, block=True, timeout=None):
        self._check_closed()
        data = _mp.dumps(obj)
        if not _mp.chan_put(self._seg, data, self._maxsize, block, timeout):
            raise _queue_mod().Full

    def get(self, block=True, timeout=None):
        self._check_closed()
        data = _mp.chan_get(self._seg, block, timeout)
        if data is None:
            raise _queue_mod().Empty
        return _mp.loads(data)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return _mp.chan_qsize(self._seg)

    def empty(self):
        return self.qsize() == 0

    def full(self):
        return self._maxsize > 0 and self.qsize() >= self._maxsize

    def close(self):
        self._closed = True

    def join_thread(self):
        if not self._closed:
            raise AssertionError("Queue.join_thread() called before close()")

    def cancel_join_thread(self):
        pass

    def __repr__(self):
        return "<multiprocessing.queues.%s object at %s>" % (type(self).__name__, hex(id(self)))

    def __gillab_reduce__(self):
        return (type(self).__name__,
                (_mp.shm_name(self._seg), _mp.shm_len(self._seg), self._maxsize))


class JoinableQueue(Queue):
    def task_done(self):
        _mp.chan_task_done(self._seg)

    def join(self):
        _mp.chan_join(self._seg, None)


class SimpleQueue(Queue):
    def __init__(self):
        Queue.__init__(self, 0)

    def get(self):
        return Queue.get(self)

    def put(self, obj):
        return Queue.put(self, obj)


def _queue_mod():
    import queue
    return queue


def _rebuild_queue(cls, state):
    name, length, maxsize = state
    q = cls.__new__(cls)
    q._maxsize = maxsize
    q._seg = _attach(name, length)
    q._closed = False
    return q


def _rebuild_Queue(state):
    return _rebuild_queue(Queue, state)


def _rebuild_JoinableQueue(state):
    return _rebuild_queue(JoinableQueue, state)


def _rebuild_SimpleQueue(state):
    return _rebuild_queue(SimpleQueue, state)


# Pipes: each direction is a channel (channel.rs); each Connection holds counted ends, so a
# recv sees EOFError once every writing end is closed (or its process is gone) and a send
# raises BrokenPipeError once every reading end is.


class Connection:
    def __init__(self, rx_seg, tx_seg):
        self._rx_seg = rx_seg
        self._tx_seg = tx_seg
        self._rx = None if rx_seg is None else _mp.end_open(_mp.ConnectionEnd, rx_seg, 0)
        self._tx = None if tx_seg is None else _mp.end_open(_mp.ConnectionEnd, tx_seg, 1)
        self._readable = rx_seg is not None
        self._writable = tx_seg is not None
        self._closed = False

    @property
    def closed(self):
        return self._closed

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def _check_closed(self):
        if self._closed:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    def send(self, obj):
        self._check_closed()
        self._check_writable()
        _mp.conn_send(self._tx, obj, False)

    def send_bytes(self, buf, offset=0, size=None):
        self._check_closed()
        self._check_writable()
        buf = bytes(buf)
        n = len(buf)
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        _mp.conn_send(self._tx, buf[offset:offset + size], True)

    def _recv(self):
        self._check_closed()
        self._check_readable()
        return _mp.conn_recv(self._rx, None, False)

    def recv(self):
        kind, payload = self._recv()
        if kind == "b":
            raise ValueError("received bytes sent with send_bytes(); read them with recv_bytes()")
        return _mp.loads(payload)

    def recv_bytes(self, maxlength=None):
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        kind, payload = self._recv()
        data = payload if kind == "b" else payload.encode()
        if maxlength is not None and len(data) > maxlength:
            # CPython's _bad_message_length: a duplex end stops reading, a one-way one closes.
            if self._writable:
                self._readable = False
            else:
                self.close()
            raise OSError("bad message length")
        return data

    def poll(self, timeout=0.0):
        self._check_closed()
        self._check_readable()
        return _mp.conn_recv(self._rx, timeout, True) is not None

    def close(self):
        if not self._closed:
            self._closed = True
            if self._rx is not None:
                _mp.end_close(self._rx)
            if self._tx is not None:
                _mp.end_close(self._tx)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __gillab_reduce__(self):
        self._check_closed()

        # Each end is lent while it crosses (counted for this process until the receiver has
        # opened its own), so the peer never sees the stream end in between.
        def side(seg, role):
            if seg is None:
                return None
            return (_mp.shm_name(seg), _mp.shm_len(seg), _mp.end_lend(seg, role))

        return ("Connection", (side(self._rx_seg, 0), side(self._tx_seg, 1)))


def Pipe(duplex=True):
    if duplex:
        a = _mp.shm_create(_mp.SharedSegment, _CHANNEL_BYTES)
        b = _mp.shm_create(_mp.SharedSegment, _CHANNEL_BYTES)
        return Connection(a, b), Connection(b, a)
    s = _mp.shm_create(_mp.SharedSegment, _CHANNEL_BYTES)
    return Connection(s, None), Connection(None, s)


def _rebuild_Connection(state):
    rx, tx = state
    rx_seg = None if rx is None else _attach(rx[0], rx[1])
    tx_seg = None if tx is None else _attach(tx[0], tx[1])
    conn = Connection(rx_seg, tx_seg)
    if rx is not None:
        _mp.end_return(rx_seg, 0, rx[2])
    if tx is not None:
        _mp.end_return(tx_seg, 1, tx[2])
    return conn
