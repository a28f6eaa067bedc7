"""multiprocessing for gil-lab: Pool, Process, AsyncResult and cpu_count over worker
processes started by the gillab binary (the `spawn` start method: each worker imports the
main program as __mp_main__). Calls and values cross as JSON; see docs/multiprocessing.md."""

import _multiprocessing as _mp


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


def cpu_count():
    return _mp.cpu_count()


def current_process():
    return _MainProcess()


def freeze_support():
    pass


def set_start_method(method, force=False):
    if method != "spawn":
        raise ValueError("gil-lab supports only the 'spawn' start method")


def get_start_method(allow_none=False):
    return "spawn"


def _unwrap(res):
    if res[0] == 0:
        return res[1]
    if res[0] == 1:
        exc = res[1]
        raise exc from RemoteTraceback('\n"""\n' + res[2] + '"""')
    raise ProcessError(res[1])


class AsyncResult:
    def __init__(self, jobs, combine):
        self._jobs = jobs
        self._combine = combine
        self._results = []
        self._done = False

    def _fetch(self, timeout):
        while len(self._results) < len(self._jobs):
            r = _mp.wait(self._jobs[len(self._results)], timeout)
            if r is None:
                return False
            self._results.append(r)
        self._done = True
        return True

    def ready(self):
        return self._fetch(0)

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        for r in self._results:
            if r[0] != 0:
                return False
        return True

    def wait(self, timeout=None):
        self._fetch(timeout)

    def get(self, timeout=None):
        if not self._fetch(timeout):
            raise TimeoutError
        values = []
        for r in self._results:
            values.append(_unwrap(r))
        return self._combine(values)


def _single(values):
    return values[0]


def _concat(values):
    out = []
    for v in values:
        out.extend(v)
    return out


class Pool:
    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        if processes is None:
            processes = cpu_count()
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None:
            raise ValueError("Pool(initializer=...) is not supported by gil-lab")
        self._processes = processes
        self._state = "RUN"
        self._id = _mp.pool_new(processes)

    def _check_running(self):
        if self._state != "RUN":
            raise ValueError("Pool not running")

    def apply_async(self, func, args=(), kwds={}):
        self._check_running()
        return AsyncResult([_mp.submit(self._id, func, tuple(args), dict(kwds), 0)], _single)

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def _chunked(self, func, iterable, chunksize, mode):
        self._check_running()
        items = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(items), self._processes * 4)
            if extra:
                chunksize += 1
        if chunksize < 1:
            chunksize = 1
        jobs = []
        i = 0
        while i < len(items):
            jobs.append(_mp.submit(self._id, func, (items[i:i + chunksize],), {}, mode))
            i += chunksize
        return AsyncResult(jobs, _concat)

    def map_async(self, func, iterable, chunksize=None):
        return self._chunked(func, iterable, chunksize, 1)

    def map(self, func, iterable, chunksize=None):
        return self.map_async(func, iterable, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None):
        return self._chunked(func, iterable, chunksize, 2)

    def starmap(self, func, iterable, chunksize=None):
        return self.starmap_async(func, iterable, chunksize).get()

    def imap(self, func, iterable, chunksize=1):
        return iter(self.map(func, iterable, chunksize))

    def imap_unordered(self, func, iterable, chunksize=1):
        return iter(self.map(func, iterable, chunksize))

    def close(self):
        if self._state == "RUN":
            self._state = "CLOSE"
            _mp.pool_close(self._id)

    def terminate(self):
        self._state = "TERMINATE"
        _mp.pool_terminate(self._id)

    def join(self):
        if self._state == "RUN":
            raise ValueError("Pool is still running")
        _mp.pool_join(self._id)

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.terminate()


class Process:
    _count = 0

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, daemon=None):
        if group is not None:
            raise AssertionError("group argument must be None for now")
        Process._count += 1
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        if name is None:
            name = "Process-" + str(Process._count)
        self.name = name
        self._id = None
        self._daemonic = False
        if daemon is not None:
            self.daemon = daemon

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        # CPython: a daemonic child is terminated when the parent exits, and the flag is
        # fixed once the process has started.
        if self._id is not None:
            raise AssertionError("process has already started")
        self._daemonic = daemonic

    def start(self):
        if self._id is not None:
            raise AssertionError("cannot start a process twice")
        self._id = _mp.process_start(
            self._target, self._args, self._kwargs, self.name, self._daemonic
        )

    def join(self, timeout=None):
        if self._id is None:
            raise AssertionError("can only join a started process")
        _mp.process_wait(self._id, timeout)

    def is_alive(self):
        if self._id is None:
            return False
        return _mp.process_wait(self._id, 0) is None

    def terminate(self):
        if self._id is not None:
            _mp.process_kill(self._id)

    def kill(self):
        self.terminate()

    @property
    def exitcode(self):
        if self._id is None:
            return None
        return _mp.process_wait(self._id, 0)

    @property
    def pid(self):
        if self._id is None:
            return None
        return _mp.process_pid(self._id)

    def __repr__(self):
        code = self.exitcode
        if self._id is None:
            status = "initial"
        elif code is None:
            status = "started"
        else:
            status = "stopped exitcode=" + str(code)
        return "<Process name='" + self.name + "' " + status + ">"


class _MainProcess:
    name = "MainProcess"
    daemon = False
    exitcode = None


# Shared memory: Value, Array and their raw forms, over a POSIX shared-memory segment that
# every process maps by name (_multiprocessing.shm_*; docs/multiprocessing.md). The lock is
# the segment's own recursive process-shared lock, as CPython's default RLock.

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


class _SharedLock:
    """The segment's recursive lock (what get_lock() returns)."""

    def __init__(self, seg):
        self._seg = seg

    def acquire(self, block=True, timeout=None):
        return _mp.shm_acquire(self._seg, block, timeout)

    def release(self):
        _mp.shm_release(self._seg)

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()

    def __repr__(self):
        return "<RLock(SharedSegment %s)>" % _mp.shm_name(self._seg)


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

    def _index(self, i):
        if i < 0:
            i += self._length_
        if i < 0 or i >= self._length_:
            raise IndexError("invalid index")
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [_mp.shm_get(self._seg, self._type_, j) for j in _slice_range(i, self._length_)]
        return _mp.shm_get(self._seg, self._type_, self._index(i))

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            idx = _slice_range(i, self._length_)
            v = list(v)
            if len(v) != len(idx):
                raise ValueError("Can only assign sequence of same size")
            for j, x in zip(idx, v):
                _mp.shm_set(self._seg, self._type_, j, x)
            return
        _mp.shm_set(self._seg, self._type_, self._index(i), v)

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
        self._lock = _SharedLock(obj._seg)
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
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, v):
        with self._lock:
            self._obj[i] = v

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
