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


def Manager():
    """A started SyncManager (multiprocessing.managers)."""
    from multiprocessing.managers import SyncManager
    m = SyncManager()
    m.start()
    return m


def _rebuild_Proxy(state):
    from multiprocessing.managers import _rebuild_proxy
    return _rebuild_proxy(state)
