"""The core of gil-lab's asyncio: futures, tasks and the event loop.

Written for gil-lab (not CPython's sources). The loop waits in the native
`_gillab_selector` (epoll/kqueue through the `polling` crate) with the VM released,
so a GIL backend runs other Python threads while the loop is idle."""

import _gillab_selector
import sys as _sys
import threading as _threading
import time as _time


class CancelledError(BaseException):
    """The task or future was cancelled."""


class InvalidStateError(Exception):
    """The operation is not allowed in this state of the future."""


TimeoutError = TimeoutError

_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"

# The running loop of each thread, by thread id, and the loop set by set_event_loop.
_running = {}
_event_loops = {}
# The task each running loop is stepping, by loop id.
_current = {}


def _heappush(heap, item):
    heap.append(item)
    i = len(heap) - 1
    while i > 0:
        parent = (i - 1) // 2
        if heap[i] < heap[parent]:
            heap[i], heap[parent] = heap[parent], heap[i]
            i = parent
        else:
            break


def _heappop(heap):
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    heap[0] = last
    i = 0
    n = len(heap)
    while True:
        left = 2 * i + 1
        smallest = i
        if left < n and heap[left] < heap[smallest]:
            smallest = left
        if left + 1 < n and heap[left + 1] < heap[smallest]:
            smallest = left + 1
        if smallest == i:
            return top
        heap[i], heap[smallest] = heap[smallest], heap[i]
        i = smallest


class Handle:
    """A callback scheduled on a loop."""

    def __init__(self, callback, args, loop):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def cancel(self):
        self._cancelled = True
        self._callback = None
        self._args = None

    def cancelled(self):
        return self._cancelled

    def get_loop(self):
        return self._loop

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                "message": "Exception in callback " + _callback_name(self._callback),
                "exception": exc,
                "handle": self,
            })


def _callback_name(cb):
    return getattr(cb, "__qualname__", None) or repr(cb)


class TimerHandle(Handle):
    """A callback scheduled for a time on the loop's clock."""

    def __init__(self, when, callback, args, loop):
        Handle.__init__(self, callback, args, loop)
        self._when = when

    def when(self):
        return self._when

    def __lt__(self, other):
        return self._when < other._when

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_cancelled()
        Handle.cancel(self)


class Future:
    """A result that will be set later, awaited by coroutines."""

    _asyncio_future_blocking = False

    def __init__(self, *, loop=None):
        self._loop = loop if loop is not None else get_event_loop()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._cancel_message = None

    def get_loop(self):
        return self._loop

    def done(self):
        return self._state != _PENDING

    def cancelled(self):
        return self._state == _CANCELLED

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Result is not ready.")
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Exception is not set.")
        return self._exception

    def _make_cancelled_error(self):
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError(self._state + ": " + repr(self))
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError(self._state + ": " + repr(self))
        if isinstance(exception, type):
            exception = exception()
        if isinstance(exception, StopIteration):
            raise TypeError("StopIteration interacts badly with generators "
                            "and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        kept = [cb for cb in self._callbacks if cb != fn]
        removed = len(self._callbacks) - len(kept)
        self._callbacks = kept
        return removed

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        self._callbacks = []
        for cb in callbacks:
            self._loop.call_soon(cb, self)

    def __repr__(self):
        state = self._state.lower()
        if self._state == _FINISHED:
            if self._exception is not None:
                state += " exception=" + repr(self._exception)
            else:
                state += " result=" + repr(self._result)
        return "<" + type(self).__name__ + " " + state + ">"

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def isfuture(obj):
    return getattr(type(obj), "_asyncio_future_blocking", None) is not None


_task_counter = [0]


class Task(Future):
    """Runs a coroutine on the loop, one step per callback."""

    def __init__(self, coro, *, loop=None, name=None):
        Future.__init__(self, loop=loop)
        if not iscoroutine(coro):
            raise TypeError("a coroutine was expected, got " + repr(coro))
        _task_counter[0] += 1
        self._name = str(name) if name is not None else "Task-" + str(_task_counter[0])
        self._coro = coro
        self._fut_waiter = None
        self._must_cancel = False
        self._num_cancels_requested = 0
        self._loop.call_soon(self.__step)
        # Each loop keeps its own tasks: only its thread changes the dict, so all_tasks()
        # never iterates one that another thread is changing.
        self._loop._tasks[id(self)] = self

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def get_coro(self):
        return self._coro

    def __repr__(self):
        state = self._state.lower()
        text = "<Task " + state + " name=" + repr(self._name) + " coro=" + repr(self._coro)
        if self._state == _FINISHED:
            if self._exception is not None:
                text += " exception=" + repr(self._exception)
            else:
                text += " result=" + repr(self._result)
        return text + ">"

    def cancel(self, msg=None):
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None and self._fut_waiter.cancel(msg=msg):
            return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _finish(self):
        self._loop._tasks.pop(id(self), None)

    def __step(self, exc=None):
        if self.done():
            return
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        loop = self._loop
        _current[id(loop)] = self
        try:
            if exc is None:
                result = self._coro.send(None)
            else:
                result = self._coro.throw(exc)
        except StopIteration as e:
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
            else:
                Future.set_result(self, e.value)
            self._finish()
        except CancelledError as e:
            self._cancel_message = e.args[0] if e.args else None
            Future.cancel(self, msg=self._cancel_message)
            self._finish()
        except (KeyboardInterrupt, SystemExit) as e:
            Future.set_exception(self, e)
            self._finish()
            raise
        except BaseException as e:
            Future.set_exception(self, e)
            self._finish()
        else:
            blocking = getattr(result, "_asyncio_future_blocking", None)
            if blocking is not None:
                if result.get_loop() is not loop:
                    err = RuntimeError("Task " + repr(self) + " got Future " + repr(result)
                                       + " attached to a different loop")
                    loop.call_soon(self.__step, err)
                elif blocking:
                    if result is self:
                        err = RuntimeError("Task cannot await on itself: " + repr(self))
                        loop.call_soon(self.__step, err)
                    else:
                        result._asyncio_future_blocking = False
                        result.add_done_callback(self.__wakeup)
                        self._fut_waiter = result
                        if self._must_cancel and self._fut_waiter.cancel(msg=self._cancel_message):
                            self._must_cancel = False
                else:
                    err = RuntimeError("yield was used instead of yield from in task "
                                       + repr(self) + " with " + repr(result))
                    loop.call_soon(self.__step, err)
            elif result is None:
                loop.call_soon(self.__step)
            else:
                loop.call_soon(self.__step, RuntimeError("Task got bad yield: " + repr(result)))
        finally:
            _current.pop(id(loop), None)

    def __wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self.__step(exc)
        else:
            self.__step()


async def _probe():
    pass


_probe_coro = _probe()
_coroutine_type = type(_probe_coro)
_probe_coro.close()
del _probe_coro


def iscoroutine(obj):
    # A coroutine, or any object that is one by its methods (collections.abc.Coroutine's
    # structural check: an async generator's asend/athrow/aclose awaitables, for example).
    if isinstance(obj, _coroutine_type):
        return True
    t = type(obj)
    return all(hasattr(t, m) for m in ("send", "throw", "close", "__await__"))


def iscoroutinefunction(func):
    code = getattr(func, "__code__", None)
    return code is not None and bool(code.co_flags & 0x80)


def ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        return coro_or_future
    if iscoroutine(coro_or_future):
        if loop is None:
            loop = get_event_loop()
        return loop.create_task(coro_or_future)
    if hasattr(coro_or_future, "__await__"):
        return ensure_future(_wrap_awaitable(coro_or_future), loop=loop)
    raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")


async def _wrap_awaitable(awaitable):
    return await awaitable


class BaseEventLoop:
    """A single-threaded event loop: ready callbacks, timers, and I/O readiness."""

    def __init__(self):
        self._ready = []
        self._scheduled = []
        self._cancelled_timers = 0
        self._stopping = False
        self._closed = False
        self._thread_id = None
        self._selector = _gillab_selector.Selector()
        self._readers = {}
        self._writers = {}
        self._threadsafe = []
        self._threadsafe_lock = _threading.Lock()
        self._exception_handler = None
        self._debug = False
        self._executor_threads = []
        self._tasks = {}
        self._asyncgen_closers = []

    def time(self):
        return _time.monotonic()

    def is_running(self):
        return self._thread_id is not None

    def is_closed(self):
        return self._closed

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = bool(enabled)

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        handle = Handle(callback, args, self)
        self._ready.append(handle)
        return handle

    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(self.time() + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        self._check_closed()
        timer = TimerHandle(when, callback, args, self)
        _heappush(self._scheduled, timer)
        return timer

    def _timer_cancelled(self):
        self._cancelled_timers += 1

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        handle = Handle(callback, args, self)
        if _threading.get_ident() == self._thread_id:
            # From the loop's own thread: in order with call_soon, as CPython's is.
            self._ready.append(handle)
            return handle
        with self._threadsafe_lock:
            self._threadsafe.append(handle)
        self._selector.notify()
        return handle

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        return Task(coro, loop=self, name=name)

    def stop(self):
        self._stopping = True

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready = []
        self._scheduled = []
        self._executor_threads = []
        self._readers = {}
        self._writers = {}

    def run_forever(self):
        self._check_closed()
        if self.is_running():
            raise RuntimeError("This event loop is already running")
        me = _threading.get_ident()
        if _running.get(me) is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")
        self._thread_id = me
        _running[me] = self
        old_hooks = _sys.get_asyncgen_hooks()
        _sys.set_asyncgen_hooks(finalizer=self._asyncgen_finalizer_hook)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._thread_id = None
            _running.pop(me, None)
            _sys.set_asyncgen_hooks(*old_hooks)

    def _asyncgen_finalizer_hook(self, agen):
        # An async generator dropped while suspended: close it in a task on this loop.
        if not self._closed:
            self.call_soon_threadsafe(self._start_aclose, agen)

    def _start_aclose(self, agen):
        task = self.create_task(agen.aclose())
        self._asyncgen_closers.append(task)

    def run_until_complete(self, future):
        self._check_closed()
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)

        def done(fut):
            fut.get_loop().stop()

        future.add_done_callback(done)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(done)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def _run_once(self):
        if self._cancelled_timers > len(self._scheduled) // 2 and self._cancelled_timers > 50:
            kept = [t for t in self._scheduled if not t._cancelled]
            self._scheduled = []
            for t in kept:
                _heappush(self._scheduled, t)
            self._cancelled_timers = 0
        while self._scheduled and self._scheduled[0]._cancelled:
            _heappop(self._scheduled)
            self._cancelled_timers -= 1
        if self._ready or self._stopping or self._threadsafe:
            timeout = 0
        elif self._scheduled:
            timeout = max(0, self._scheduled[0]._when - self.time())
        else:
            timeout = None
        for key, events in self._selector.select(timeout):
            if events & 1 and key in self._readers:
                self._ready.append(self._readers[key])
            if events & 2 and key in self._writers:
                self._ready.append(self._writers[key])
        if self._threadsafe:
            with self._threadsafe_lock:
                self._ready.extend(self._threadsafe)
                self._threadsafe = []
        end = self.time()
        while self._scheduled and self._scheduled[0]._when <= end:
            timer = _heappop(self._scheduled)
            if timer._cancelled:
                self._cancelled_timers -= 1
            else:
                self._ready.append(timer)
        ready = self._ready
        self._ready = []
        for handle in ready:
            if not handle._cancelled:
                handle._run()

    def _interest(self, fd):
        events = (1 if fd in self._readers else 0) | (2 if fd in self._writers else 0)
        return events

    def _update(self, fd, had):
        now = self._interest(fd)
        if had == 0 and now != 0:
            self._selector.register(fd, now, fd)
        elif had != 0 and now == 0:
            self._selector.unregister(fd)
        elif had != now:
            self._selector.modify(fd, now, fd)

    def add_reader(self, fd, callback, *args):
        self._check_closed()
        fd = _fileno(fd)
        had = self._interest(fd)
        self._readers[fd] = Handle(callback, args, self)
        self._update(fd, had)

    def remove_reader(self, fd):
        fd = _fileno(fd)
        had = self._interest(fd)
        found = self._readers.pop(fd, None) is not None
        self._update(fd, had)
        return found

    def add_writer(self, fd, callback, *args):
        self._check_closed()
        fd = _fileno(fd)
        had = self._interest(fd)
        self._writers[fd] = Handle(callback, args, self)
        self._update(fd, had)

    def remove_writer(self, fd):
        fd = _fileno(fd)
        had = self._interest(fd)
        found = self._writers.pop(fd, None) is not None
        self._update(fd, had)
        return found

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        future = self.create_future()
        if executor is not None:
            inner = executor.submit(func, *args)

            def relay(f):
                self.call_soon_threadsafe(_copy_outcome, f, future)

            inner.add_done_callback(relay)
            return future

        def work():
            try:
                value = func(*args)
            except BaseException as exc:
                self.call_soon_threadsafe(_set_exception_unless_cancelled, future, exc)
            else:
                self.call_soon_threadsafe(_set_result_unless_cancelled, future, value)

        thread = _threading.Thread(target=work, daemon=True)
        # The executor shares this loop's objects: it runs in this process even where
        # threading.Thread runs targets in worker processes (the shard backend).
        thread._gillab_local = True
        self._executor_threads = [t for t in self._executor_threads if t.is_alive()]
        self._executor_threads.append(thread)
        thread.start()
        return future

    async def shutdown_asyncgens(self):
        # Let the closings that finalized async generators scheduled start, then wait for
        # them (gil-lab has no weak references, so it cannot track live async generators
        # as CPython does; those still referenced are closed when they are dropped).
        await _YieldOnce()
        closers = [t for t in self._asyncgen_closers if not t.done()]
        self._asyncgen_closers = []
        for t in closers:
            try:
                await t
            except BaseException as exc:
                self.call_exception_handler({
                    "message": "an error occurred during closing of asynchronous generator",
                    "exception": exc,
                })

    async def shutdown_default_executor(self):
        threads = self._executor_threads
        self._executor_threads = []
        for t in threads:
            if t.is_alive():
                done = self.create_future()

                def join(t=t, done=done):
                    t.join()
                    self.call_soon_threadsafe(_set_result_unless_cancelled, done, None)

                # Not kept in `_executor_threads`: that list and the threads' targets would
                # make a reference cycle with the loop.
                joiner = _threading.Thread(target=join, daemon=True)
                joiner._gillab_local = True
                joiner.start()
                await done

    def set_exception_handler(self, handler):
        self._exception_handler = handler

    def get_exception_handler(self):
        return self._exception_handler

    def default_exception_handler(self, context):
        message = context.get("message") or "Unhandled exception in event loop"
        import sys
        exc = context.get("exception")
        lines = [message]
        for key in sorted(context):
            if key not in ("message", "exception"):
                lines.append(key + ": " + repr(context[key]))
        text = "\n".join(lines)
        if exc is not None:
            text += "\n" + type(exc).__name__ + ": " + str(exc)
        sys.stderr.write(text + "\n")

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            self.default_exception_handler(context)
        else:
            self._exception_handler(self, context)


class _YieldOnce:
    def __await__(self):
        yield


def _fileno(fd):
    if isinstance(fd, int):
        return fd
    return fd.fileno()


def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


def _set_exception_unless_cancelled(fut, exc):
    if not fut.cancelled():
        fut.set_exception(exc)


def _copy_outcome(source, dest):
    if dest.cancelled():
        return
    exc = source.exception()
    if exc is not None:
        dest.set_exception(exc)
    else:
        dest.set_result(source.result())


def new_event_loop():
    return BaseEventLoop()


def get_running_loop():
    loop = _running.get(_threading.get_ident())
    if loop is None:
        raise RuntimeError("no running event loop")
    return loop


def _get_running_loop():
    return _running.get(_threading.get_ident())


def get_event_loop():
    loop = _get_running_loop()
    if loop is not None:
        return loop
    me = _threading.get_ident()
    loop = _event_loops.get(me)
    if loop is None:
        if me != _main_thread_id:
            raise RuntimeError("There is no current event loop in thread "
                               + repr(_threading.current_thread().name) + ".")
        loop = new_event_loop()
        _event_loops[me] = loop
    return loop


def set_event_loop(loop):
    me = _threading.get_ident()
    if loop is None:
        _event_loops.pop(me, None)
    else:
        _event_loops[me] = loop


_main_thread_id = _threading.get_ident()


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _current.get(id(loop))


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    return {t for t in list(loop._tasks.values()) if not t.done()}


