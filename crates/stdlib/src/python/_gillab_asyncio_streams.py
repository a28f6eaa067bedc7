"""asyncio's streams for gil-lab: StreamReader, StreamWriter, open_connection and
start_server over non-blocking TCP sockets, driven by the event loop's add_reader /
add_writer. Written for gil-lab, not taken from CPython's sources."""

import socket as _socket

from _gillab_asyncio_core import CancelledError, get_running_loop

_LIMIT = 2 ** 16
_EINPROGRESS = 115


class IncompleteReadError(EOFError):
    """The stream ended before the expected number of bytes arrived."""

    def __init__(self, partial, expected):
        r_expected = "undefined" if expected is None else repr(expected)
        EOFError.__init__(self, str(len(partial)) + " bytes read on a total of "
                          + r_expected + " expected bytes")
        self.partial = partial
        self.expected = expected


class LimitOverrunError(Exception):
    """The buffer limit was reached while looking for a separator."""

    def __init__(self, message, consumed):
        Exception.__init__(self, message)
        self.consumed = consumed


class StreamReader:
    """Bytes received from a connection, read by coroutines."""

    def __init__(self, limit=_LIMIT, loop=None):
        if limit <= 0:
            raise ValueError("Limit cannot be <= 0")
        self._limit = limit
        self._loop = loop if loop is not None else get_running_loop()
        self._buffer = b""
        self._eof = False
        self._waiter = None
        self._exception = None

    def __repr__(self):
        info = ["StreamReader"]
        if self._buffer:
            info.append(str(len(self._buffer)) + " bytes")
        if self._eof:
            info.append("eof")
        return "<" + " ".join(info) + ">"

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        self._wake()

    def _wake(self):
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.done():
                waiter.set_result(None)

    def feed_data(self, data):
        if data:
            self._buffer += data
            self._wake()

    def feed_eof(self):
        self._eof = True
        self._wake()

    def at_eof(self):
        return self._eof and not self._buffer

    async def _wait_for_data(self, func_name):
        if self._waiter is not None:
            raise RuntimeError(func_name + "() called while another coroutine is "
                               "already waiting for incoming data")
        self._waiter = self._loop.create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    async def read(self, n=-1):
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b""
        if n < 0:
            chunks = []
            while True:
                block = await self.read(self._limit)
                if not block:
                    break
                chunks.append(block)
            return b"".join(chunks)
        if not self._buffer and not self._eof:
            await self._wait_for_data("read")
        data = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return data

    async def readexactly(self, n):
        if n < 0:
            raise ValueError("readexactly size can not be less than zero")
        if self._exception is not None:
            raise self._exception
        while len(self._buffer) < n:
            if self._eof:
                partial = self._buffer
                self._buffer = b""
                raise IncompleteReadError(partial, n)
            await self._wait_for_data("readexactly")
        data = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return data

    async def readuntil(self, separator=b"\n"):
        if not separator:
            raise ValueError("Separator should be at least one-byte string")
        if self._exception is not None:
            raise self._exception
        while True:
            i = self._buffer.find(separator)
            if i >= 0:
                end = i + len(separator)
                if end > self._limit:
                    raise LimitOverrunError("Separator is found, but chunk is longer than limit", i)
                data = self._buffer[:end]
                self._buffer = self._buffer[end:]
                return data
            if len(self._buffer) > self._limit:
                raise LimitOverrunError("Separator is not found, and chunk exceed the limit",
                                        len(self._buffer))
            if self._eof:
                partial = self._buffer
                self._buffer = b""
                raise IncompleteReadError(partial, None)
            await self._wait_for_data("readuntil")

    async def readline(self):
        try:
            return await self.readuntil(b"\n")
        except IncompleteReadError as e:
            return e.partial

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if line == b"":
            raise StopAsyncIteration
        return line


class _Connection:
    """One non-blocking socket: fills its reader when readable, drains writes when writable."""

    def __init__(self, loop, sock, reader):
        self._loop = loop
        self._sock = sock
        self._reader = reader
        self._out = b""
        self._closing = False
        self._closed = loop.create_future()
        self._drain_waiters = []
        sock.setblocking(False)
        loop.add_reader(sock.fileno(), self._on_readable)

    def _on_readable(self):
        try:
            data = self._sock.recv(_LIMIT)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._loop.remove_reader(self._sock.fileno())
            self._reader.set_exception(exc)
            return
        if data:
            self._reader.feed_data(data)
        else:
            self._loop.remove_reader(self._sock.fileno())
            self._reader.feed_eof()

    def write(self, data):
        if self._closing:
            return
        if not self._out:
            try:
                sent = self._sock.send(data)
            except (BlockingIOError, InterruptedError):
                sent = 0
            data = data[sent:]
            if not data:
                return
            self._loop.add_writer(self._sock.fileno(), self._on_writable)
        self._out += data

    def _on_writable(self):
        try:
            sent = self._sock.send(self._out)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._out = b""
            self._loop.remove_writer(self._sock.fileno())
            self._release_drainers(exc)
            return
        self._out = self._out[sent:]
        if not self._out:
            self._loop.remove_writer(self._sock.fileno())
            self._release_drainers(None)
            if self._closing:
                self._finish_close()

    def _release_drainers(self, exc):
        waiters = self._drain_waiters
        self._drain_waiters = []
        for w in waiters:
            if not w.done():
                if exc is None:
                    w.set_result(None)
                else:
                    w.set_exception(exc)

    async def drain(self):
        if not self._out:
            await _yield_once()
            return
        w = self._loop.create_future()
        self._drain_waiters.append(w)
        await w

    def close(self):
        if self._closing:
            return
        self._closing = True
        if not self._out:
            self._finish_close()

    def _finish_close(self):
        fd = self._sock.fileno()
        if fd >= 0:
            self._loop.remove_reader(fd)
            self._loop.remove_writer(fd)
        self._sock.close()
        if not self._closed.done():
            self._closed.set_result(None)


class _YieldOnce:
    def __await__(self):
        yield


async def _yield_once():
    await _YieldOnce()


class StreamWriter:
    """Writes to a connection; drain() waits until the buffered bytes are sent."""

    def __init__(self, conn, reader, loop):
        self._conn = conn
        self._reader = reader
        self._loop = loop

    def __repr__(self):
        return "<StreamWriter>"

    @property
    def transport(self):
        return self._conn

    def write(self, data):
        self._conn.write(bytes(data))

    def writelines(self, data):
        for d in data:
            self.write(d)

    def can_write_eof(self):
        return True

    def write_eof(self):
        self._conn._sock.shutdown(_socket.SHUT_WR)

    async def drain(self):
        exc = self._reader.exception()
        if exc is not None:
            raise exc
        await self._conn.drain()

    def close(self):
        self._conn.close()

    def is_closing(self):
        return self._conn._closing

    async def wait_closed(self):
        await self._conn._closed

    def get_extra_info(self, name, default=None):
        sock = self._conn._sock
        if name == "socket":
            return sock
        if sock.fileno() < 0:
            return default
        if name == "peername":
            return sock.getpeername()
        if name == "sockname":
            return sock.getsockname()
        return default


def _streams(loop, sock, limit):
    reader = StreamReader(limit=limit, loop=loop)
    conn = _Connection(loop, sock, reader)
    return reader, StreamWriter(conn, reader, loop)


async def open_connection(host=None, port=None, *, limit=_LIMIT, **kwds):
    loop = get_running_loop()
    sock = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
    sock.setblocking(False)
    try:
        try:
            sock.connect((host, port))
        except BlockingIOError:
            done = loop.create_future()
            fd = sock.fileno()
            loop.add_writer(fd, _set_done, done)
            try:
                await done
            finally:
                loop.remove_writer(fd)
            err = sock.getsockopt(_socket.SOL_SOCKET, _socket.SO_ERROR)
            if err != 0:
                cls = _CONNECT_ERRORS.get(err, OSError)
                raise cls(err, "Connect call failed " + repr((host, port)))
    except BaseException:
        sock.close()
        raise
    return _streams(loop, sock, limit)


# The OSError subclasses CPython picks for these errno values.
_CONNECT_ERRORS = {111: ConnectionRefusedError, 104: ConnectionResetError,
                   110: TimeoutError, 113: OSError}


def _set_done(fut):
    if not fut.done():
        fut.set_result(None)


class Server:
    """A listening socket whose connections each run client_connected_cb in a task."""

    def __init__(self, loop, sock, callback, limit):
        self._loop = loop
        self._sock = sock
        self._callback = callback
        self._limit = limit
        self._serving = False
        self._closed = loop.create_future()
        self._tasks = []
        self.sockets = [sock]

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    async def start_serving(self):
        self._start()

    def _start(self):
        if self._serving:
            return
        self._serving = True
        self._loop.add_reader(self._sock.fileno(), self._accept)

    def _accept(self):
        for _ in range(64):
            try:
                conn, addr = self._sock.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                self._loop.call_exception_handler({"message": "socket.accept() failed",
                                                   "exception": exc})
                return
            reader, writer = _streams(self._loop, conn, self._limit)
            result = self._callback(reader, writer)
            if result is not None and hasattr(result, "__await__"):
                task = self._loop.create_task(result)
                self._tasks = [t for t in self._tasks if not t.done()]
                self._tasks.append(task)

    def close(self):
        if self._sock is None:
            return
        if self._serving:
            self._loop.remove_reader(self._sock.fileno())
        self._serving = False
        self._sock.close()
        self._sock = None
        self.sockets = []
        if not self._closed.done():
            self._closed.set_result(None)

    async def wait_closed(self):
        await self._closed

    async def serve_forever(self):
        self._start()
        waiter = self._loop.create_future()
        try:
            await waiter
        except CancelledError:
            self.close()
            raise

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


async def start_server(client_connected_cb, host=None, port=None, *, limit=_LIMIT,
                       backlog=100, start_serving=True, **kwds):
    loop = get_running_loop()
    sock = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
    try:
        sock.setsockopt(_socket.SOL_SOCKET, _socket.SO_REUSEADDR, 1)
        sock.bind((host if host is not None else "0.0.0.0", port or 0))
        sock.listen(backlog)
        sock.setblocking(False)
    except BaseException:
        sock.close()
        raise
    server = Server(loop, sock, client_connected_cb, limit)
    if start_serving:
        server._start()
    return server
