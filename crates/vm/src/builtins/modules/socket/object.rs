//! The `socket.socket` class: a native object holding a `socket2::Socket`.
//!
//! The socket sits in an `Arc` behind a mutex that is locked only for a moment, while
//! attached: a method clones the `Arc` out, and a blocking call (`accept`, `connect`, `send`,
//! `recv`, `close`) then runs inside `Ctx::allow_threads` with only that `Arc` and byte
//! buffers in its closure (docs/safety.md, I1): data to send is copied out of the `bytes`
//! object before the VM is released, and received data becomes a `bytes` object after.
//! `close` takes the `Arc` out, so a thread still blocked on the socket keeps the descriptor
//! open until its call returns (as the kernel does for CPython); dropping the object closes it.
//!
//! Timeouts (`settimeout`) are the OS's `SO_RCVTIMEO`/`SO_SNDTIMEO` on a blocking descriptor
//! (and `connect_timeout` for `connect`); an expired wait raises `TimeoutError("timed out")`.
//! `settimeout(0)`/`setblocking(False)` make the descriptor non-blocking, so a call that would
//! block raises `BlockingIOError` (`[Errno 11]`), as in CPython.

use super::addr;
use super::error::{EAGAIN, EBADF, EINVAL, ENOPROTOOPT, errno_error, is_timeout, sock_error};
use super::{
    IPPROTO_TCP, SO_BROADCAST, SO_ERROR, SO_KEEPALIVE, SO_RCVBUF, SO_REUSEADDR, SO_SNDBUF, SO_TYPE,
    SOL_SOCKET, TCP_NODELAY,
};
use crate::backend::Backend;
use crate::builtins::modules::sync::data;
use crate::builtins::{Args, add, add_property};
use crate::ctx::{Ctx, PyResult};
use crate::object::{NativeObj, Payload, PyRef};
use crate::ops::{is_true, repr, seq, type_name, type_of};
use crate::vm::Vm;
use parking_lot::Mutex;
use socket2::{Domain, Protocol, SockAddr, Socket, Type};
use std::io::{self, Read};
use std::net::Shutdown;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The most bytes one `recv` reads (a larger `bufsize` may return less, as `recv` may anyway),
/// so that `recv(2**40)` does not try to allocate a buffer of that size.
const MAX_RECV: usize = 1 << 20;

/// `MSG_NOSIGNAL`: a write to a closed connection fails with `EPIPE` instead of raising
/// `SIGPIPE` (Rust programs ignore `SIGPIPE` anyway; the VM may be embedded).
#[cfg(any(target_os = "linux", target_os = "android"))]
const MSG_NOSIGNAL: i32 = 0x4000;
#[cfg(not(any(target_os = "linux", target_os = "android")))]
const MSG_NOSIGNAL: i32 = 0;

/// How blocking calls wait (CPython's `sock_timeout`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Mode {
    /// `settimeout(None)`: wait forever.
    Blocking,
    /// `settimeout(0)`: never wait.
    NonBlocking,
    /// `settimeout(t)` with `t > 0` seconds.
    Timeout(f64),
}

impl Mode {
    fn has_timeout(self) -> bool {
        matches!(self, Mode::Timeout(_))
    }

    /// The OS-level timeout (at least a microsecond: a zero `timeval` means none).
    fn duration(self) -> Option<Duration> {
        match self {
            Mode::Timeout(s) => Some(
                Duration::try_from_secs_f64(s)
                    .unwrap_or(Duration::from_secs(u64::from(u32::MAX)))
                    .max(Duration::from_micros(1)),
            ),
            _ => None,
        }
    }

    /// Puts the descriptor in this mode.
    fn apply(self, s: &Socket) -> io::Result<()> {
        match self {
            Mode::NonBlocking => s.set_nonblocking(true),
            Mode::Blocking | Mode::Timeout(_) => {
                s.set_nonblocking(false)?;
                s.set_read_timeout(self.duration())?;
                s.set_write_timeout(self.duration())
            }
        }
    }
}

/// The Rust state of a `socket.socket` object.
pub(crate) struct SocketData {
    /// The open socket; `None` once closed.
    sock: Mutex<Option<Arc<Socket>>>,
    /// The timeout mode (kept after `close`, as CPython keeps it).
    mode: Mutex<Mode>,
    family: i32,
    kind: i32,
    proto: i32,
}

impl SocketData {
    fn new(sock: Socket, family: i32, kind: i32, proto: i32) -> SocketData {
        SocketData {
            sock: Mutex::new(Some(Arc::new(sock))),
            mode: Mutex::new(Mode::Blocking),
            family,
            kind,
            proto,
        }
    }

    fn socket(&self) -> Option<Arc<Socket>> {
        self.sock.lock().clone()
    }

    fn mode(&self) -> Mode {
        *self.mode.lock()
    }
}

/// The descriptor number of an open socket.
fn raw_fd(s: &Socket) -> i64 {
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        i64::from(s.as_raw_fd())
    }
    #[cfg(windows)]
    {
        use std::os::windows::io::AsRawSocket;
        s.as_raw_socket() as i64
    }
}

/// Repeats `f` while a signal interrupts it (PEP 475).
fn retry<R>(mut f: impl FnMut() -> io::Result<R>) -> io::Result<R> {
    loop {
        match f() {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            r => return r,
        }
    }
}

/// The receiving socket object, its state, and the remaining arguments.
fn receiver<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: Args<'a, B>,
    name: &str,
) -> PyResult<B, (&'a PyRef<B>, &'a SocketData, Args<'a, B>)> {
    let Some(this) = args.positional().first() else {
        return Err(
            ctx.type_error(format!("descriptor '{name}' of 'socket' object needs an argument"))
        );
    };
    let Some(d) = data::<B, SocketData>(this) else {
        return Err(ctx.type_error(format!(
            "descriptor '{name}' for 'socket' objects doesn't apply to a '{}' object",
            type_name(ctx.vm, this)
        )));
    };
    Ok((this, d, Args { args: &args.args[1..], kwnames: args.kwnames }))
}

/// Positional argument `i` or keyword `name`.
fn arg<'a, B: Backend>(args: &Args<'a, B>, i: usize, name: &str) -> Option<&'a PyRef<B>> {
    args.positional().get(i).or_else(|| args.kwarg(name))
}

/// A C `int` argument.
fn int32<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, i32> {
    let n = match &v.payload {
        Payload::BigInt(b) if b.sign() == num_bigint::Sign::Minus => i64::MIN,
        Payload::BigInt(_) => i64::MAX,
        _ => seq::index_value(ctx, v)?,
    };
    i32::try_from(n).map_err(|_| {
        ctx.overflow_error(if n < 0 {
            "signed integer is less than minimum"
        } else {
            "signed integer is greater than maximum"
        })
    })
}

/// The bytes of a `bytes` argument.
fn bytes_arg<'a, B: Backend>(ctx: &Ctx<'_, B>, v: &'a PyRef<B>) -> PyResult<B, &'a [u8]> {
    match &v.payload {
        Payload::Bytes(b) => Ok(b),
        _ => Err(ctx.type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(ctx.vm, v)
        ))),
    }
}

/// The open socket and its mode, or `OSError: [Errno 9] Bad file descriptor`.
fn open<B: Backend>(ctx: &mut Ctx<'_, B>, d: &SocketData) -> PyResult<B, (Arc<Socket>, Mode)> {
    match d.socket() {
        Some(s) => Ok((s, d.mode())),
        None => Err(errno_error(ctx, EBADF)),
    }
}

/// A new socket object of class `cls`.
fn wrap<B: Backend>(cls: PyRef<B>, d: SocketData) -> PyRef<B> {
    PyRef::new(Payload::Native(Box::new(NativeObj { class: cls, data: Box::new(d) })))
}

/// Closes the socket (the descriptor is closed with the VM released).
pub(super) fn close<B: Backend>(ctx: &mut Ctx<'_, B>, d: &SocketData) {
    let s = d.sock.lock().take();
    if let Some(s) = s {
        ctx.allow_threads(move || drop(s));
    }
}

/// Parses a timeout value (`None`, or seconds as an int or float) with CPython's errors.
pub(super) fn parse_timeout<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, Mode> {
    let secs = match &v.payload {
        Payload::None => return Ok(Mode::Blocking),
        Payload::Int(i) => *i as f64,
        Payload::Bool(b) => f64::from(u8::from(*b)),
        Payload::Float(f) => *f,
        Payload::BigInt(b) if b.sign() == num_bigint::Sign::Minus => -1.0,
        Payload::BigInt(_) => f64::INFINITY,
        _ => {
            return Err(ctx.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(ctx.vm, v)
            )));
        }
    };
    if secs.is_nan() {
        return Err(ctx.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(ctx.value_error("Timeout value out of range"));
    }
    // CPython keeps timeouts as i64 nanoseconds.
    if secs > 9.2e9 {
        return Err(ctx.overflow_error("timestamp too large to convert to C _PyTime_t"));
    }
    Ok(if secs == 0.0 { Mode::NonBlocking } else { Mode::Timeout(secs) })
}

/// Sets the timeout mode: stored first, then applied to the descriptor (`EBADF` if closed,
/// the mode still stored, as in CPython).
pub(super) fn set_mode<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    d: &SocketData,
    mode: Mode,
) -> PyResult<B, ()> {
    *d.mode.lock() = mode;
    let (s, _) = open(ctx, d)?;
    mode.apply(&s).map_err(|e| sock_error(ctx, &e, false))
}

/// Binds to an address argument.
pub(super) fn bind<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    d: &SocketData,
    address: &PyRef<B>,
) -> PyResult<B, ()> {
    let addr = addr::parse(ctx, address, "bind")?;
    let (s, _) = open(ctx, d)?;
    s.bind(&addr).map_err(|e| sock_error(ctx, &e, false))
}

/// Connects (with the VM released); the error is returned unraised for `connect_ex`.
fn connect_raw<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    d: &SocketData,
    address: &PyRef<B>,
    method: &str,
) -> PyResult<B, (io::Result<()>, Mode)> {
    let addr: SockAddr = addr::parse(ctx, address, method)?;
    let (s, mode) = open(ctx, d)?;
    let r = ctx.allow_threads(move || match mode.duration() {
        Some(t) => s.connect_timeout(&addr, t),
        None => s.connect(&addr),
    });
    Ok((r, mode))
}

/// Connects to an address argument, raising on failure.
pub(super) fn connect<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    d: &SocketData,
    address: &PyRef<B>,
) -> PyResult<B, ()> {
    let (r, mode) = connect_raw(ctx, d, address, "connect")?;
    r.map_err(|e| sock_error(ctx, &e, mode.has_timeout()))
}

/// `socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)`.
fn sock_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let Some(cls) = args.args.first() else {
        return Err(ctx.type_error("socket.__new__(): not enough arguments"));
    };
    let rest = Args { args: &args.args[1..], kwnames: args.kwnames };
    rest.check(ctx, "socket", 0, 4, &["family", "type", "proto", "fileno"])?;
    let int_or = |ctx: &Ctx<'_, B>, i: usize, name: &str, default: i32| match arg(&rest, i, name) {
        Some(v) => int32(ctx, v).map(|n| if n == -1 { default } else { n }),
        None => Ok(default),
    };
    let family = int_or(ctx, 0, "family", super::AF_INET)?;
    let kind = int_or(ctx, 1, "type", super::SOCK_STREAM)?;
    let proto = int_or(ctx, 2, "proto", 0)?;
    if arg(&rest, 3, "fileno").is_some_and(|f| !matches!(f.payload, Payload::None)) {
        return Err(ctx.value_error("socket(): fileno is not supported"));
    }
    if family != super::AF_INET {
        return Err(errno_error(ctx, super::error::EAFNOSUPPORT));
    }
    let protocol = (proto != 0).then(|| Protocol::from(proto));
    let sock = Socket::new(Domain::IPV4, Type::from(kind), protocol)
        .map_err(|e| sock_error(ctx, &e, false))?;
    Ok(wrap(cls.clone(), SocketData::new(sock, family, kind, proto)))
}

fn sock_enter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (this, _, rest) = receiver(ctx, args, "__enter__")?;
    rest.check(ctx, "__enter__", 0, 0, &[])?;
    Ok(this.clone())
}

fn sock_exit<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, _) = receiver(ctx, args, "__exit__")?;
    close(ctx, d);
    Ok(ctx.vm.none.clone())
}

fn sock_close<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, rest) = receiver(ctx, args, "close")?;
    rest.check(ctx, "close", 0, 0, &[])?;
    close(ctx, d);
    Ok(ctx.vm.none.clone())
}

fn sock_fileno<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, rest) = receiver(ctx, args, "fileno")?;
    rest.check(ctx, "fileno", 0, 0, &[])?;
    let fd = d.sock.lock().as_deref().map_or(-1, raw_fd);
    Ok(ctx.vm.int(fd))
}

fn sock_bind<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, rest) = receiver(ctx, args, "bind")?;
    rest.check(ctx, "bind", 1, 1, &[])?;
    bind(ctx, d, &rest.args[0])?;
    Ok(ctx.vm.none.clone())
}

fn sock_listen<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, rest) = receiver(ctx, args, "listen")?;
    rest.check(ctx, "listen", 0, 1, &[])?;
    let backlog = match rest.args.first() {
        Some(v) => int32(ctx, v)?.max(0),
        None => super::SOMAXCONN.min(128),
    };
    let (s, _) = open(ctx, d)?;
    s.listen(backlog).map_err(|e| sock_error(ctx, &e, false))?;
    Ok(ctx.vm.none.clone())
}

/// `accept() -> (socket, (host, port))`; the new socket is blocking (the default timeout).
fn sock_accept<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (this, d, rest) = receiver(ctx, args, "accept")?;
    rest.check(ctx, "accept", 0, 0, &[])?;
    let (s, mode) = open(ctx, d)?;
    let r = ctx.allow_threads(move || retry(|| s.accept()));
    let (conn, peer) = r.map_err(|e| sock_error(ctx, &e, mode.has_timeout()))?;
    // Linux copies the listener's SO_RCVTIMEO/SO_SNDTIMEO to the new socket (and BSDs its
    // O_NONBLOCK); CPython's accepted socket blocks without a timeout.
    if mode != Mode::Blocking {
        Mode::Blocking.apply(&conn).map_err(|e| sock_error(ctx, &e, false))?;
    }
    let obj = wrap(type_of(ctx.vm, this), SocketData::new(conn, d.family, d.kind, d.proto));
    let peer = addr::to_tuple(ctx, &peer);
    Ok(ctx.vm.tuple(vec![obj, peer]))
}

fn sock_connect<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, rest) = receiver(ctx, args, "connect")?;
    rest.check(ctx, "connect", 1, 1, &[])?;
    connect(ctx, d, &rest.args[0])?;
    Ok(ctx.vm.none.clone())
}

/// `connect_ex(address) -> errno` (0 on success, `EAGAIN` on a timeout).
fn sock_connect_ex<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, rest) = receiver(ctx, args, "connect_ex")?;
    rest.check(ctx, "connect_ex", 1, 1, &[])?;
    let (r, mode) = connect_raw(ctx, d, &rest.args[0], "connect_ex")?;
    let code = match r {
        Ok(()) => 0,
        Err(e) if is_timeout(&e, mode.has_timeout()) => EAGAIN,
        Err(e) => match e.raw_os_error() {
            Some(code) => code,
            None => return Err(sock_error(ctx, &e, false)),
        },
    };
    Ok(ctx.vm.int(i64::from(code)))
}

/// The `flags` argument of `send`/`sendall`/`recv`.
fn flags_arg<B: Backend>(ctx: &Ctx<'_, B>, rest: &Args<'_, B>) -> PyResult<B, i32> {
    match rest.args.get(1) {
        Some(v) => int32(ctx, v),
        None => Ok(0),
    }
}

fn sock_send<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, rest) = receiver(ctx, args, "send")?;
    rest.check(ctx, "send", 1, 2, &[])?;
    let buf = bytes_arg(ctx, &rest.args[0])?.to_vec();
    let flags = flags_arg(ctx, &rest)? | MSG_NOSIGNAL;
    let (s, mode) = open(ctx, d)?;
    let r = ctx.allow_threads(move || retry(|| s.send_with_flags(&buf, flags)));
    let n = r.map_err(|e| sock_error(ctx, &e, mode.has_timeout()))?;
    Ok(ctx.vm.int(n as i64))
}

/// `sendall(data)`: one `send` per VM release, like CPython; with a timeout, raises
/// `TimeoutError` once the timeout has passed with data left to send.
fn sock_sendall<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, rest) = receiver(ctx, args, "sendall")?;
    rest.check(ctx, "sendall", 1, 2, &[])?;
    let buf = bytes_arg(ctx, &rest.args[0])?.to_vec();
    let flags = flags_arg(ctx, &rest)? | MSG_NOSIGNAL;
    let (s, mode) = open(ctx, d)?;
    let start = Instant::now();
    let mut sent = 0;
    loop {
        let chunk = &buf[sent..];
        let r = ctx.allow_threads(|| retry(|| s.send_with_flags(chunk, flags)));
        sent += r.map_err(|e| sock_error(ctx, &e, mode.has_timeout()))?;
        if sent >= buf.len() {
            return Ok(ctx.vm.none.clone());
        }
        if mode.duration().is_some_and(|t| start.elapsed() >= t) {
            return Err(super::error::timed_out(ctx));
        }
    }
}

/// `recv(bufsize) -> bytes` (`b''` at end of stream).
fn sock_recv<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, rest) = receiver(ctx, args, "recv")?;
    rest.check(ctx, "recv", 1, 2, &[])?;
    let size = seq::index_value(ctx, &rest.args[0])?;
    if size < 0 {
        return Err(ctx.value_error("negative buffersize in recv"));
    }
    if flags_arg(ctx, &rest)? != 0 {
        return Err(ctx.err(&ctx.vm.exc.not_implemented_error, "recv() flags are not supported"));
    }
    if size == 0 {
        // CPython answers without a system call, even on a closed socket.
        return Ok(PyRef::new(Payload::Bytes(Box::default())));
    }
    let (s, mode) = open(ctx, d)?;
    let cap = usize::try_from(size).unwrap_or(MAX_RECV).min(MAX_RECV);
    let r = ctx.allow_threads(move || {
        let mut buf = vec![0u8; cap];
        let mut reader: &Socket = &s;
        retry(|| reader.read(&mut buf)).map(|n| {
            buf.truncate(n);
            buf
        })
    });
    let buf = r.map_err(|e| sock_error(ctx, &e, mode.has_timeout()))?;
    Ok(PyRef::new(Payload::Bytes(buf.into_boxed_slice())))
}

fn sock_shutdown<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, rest) = receiver(ctx, args, "shutdown")?;
    rest.check(ctx, "shutdown", 1, 1, &[])?;
    let how = match int32(ctx, &rest.args[0])? {
        0 => Some(Shutdown::Read),
        1 => Some(Shutdown::Write),
        2 => Some(Shutdown::Both),
        _ => None,
    };
    let (s, _) = open(ctx, d)?;
    let Some(how) = how else { return Err(errno_error(ctx, EINVAL)) };
    s.shutdown(how).map_err(|e| sock_error(ctx, &e, false))?;
    Ok(ctx.vm.none.clone())
}

fn sock_getsockname<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, rest) = receiver(ctx, args, "getsockname")?;
    rest.check(ctx, "getsockname", 0, 0, &[])?;
    let (s, _) = open(ctx, d)?;
    let a = s.local_addr().map_err(|e| sock_error(ctx, &e, false))?;
    Ok(addr::to_tuple(ctx, &a))
}

fn sock_getpeername<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, rest) = receiver(ctx, args, "getpeername")?;
    rest.check(ctx, "getpeername", 0, 0, &[])?;
    let (s, _) = open(ctx, d)?;
    let a = s.peer_addr().map_err(|e| sock_error(ctx, &e, false))?;
    Ok(addr::to_tuple(ctx, &a))
}

fn sock_settimeout<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, rest) = receiver(ctx, args, "settimeout")?;
    rest.check(ctx, "settimeout", 1, 1, &[])?;
    let mode = parse_timeout(ctx, &rest.args[0])?;
    set_mode(ctx, d, mode)?;
    Ok(ctx.vm.none.clone())
}

fn timeout_value<B: Backend>(vm: &Vm<B>, mode: Mode) -> PyRef<B> {
    match mode {
        Mode::Blocking => vm.none.clone(),
        Mode::NonBlocking => vm.float(0.0),
        Mode::Timeout(s) => vm.float(s),
    }
}

fn sock_gettimeout<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, rest) = receiver(ctx, args, "gettimeout")?;
    rest.check(ctx, "gettimeout", 0, 0, &[])?;
    Ok(timeout_value(ctx.vm, d.mode()))
}

fn sock_setblocking<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, rest) = receiver(ctx, args, "setblocking")?;
    rest.check(ctx, "setblocking", 1, 1, &[])?;
    let mode = if is_true(ctx, &rest.args[0])? { Mode::Blocking } else { Mode::NonBlocking };
    set_mode(ctx, d, mode)?;
    Ok(ctx.vm.none.clone())
}

fn sock_getblocking<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, rest) = receiver(ctx, args, "getblocking")?;
    rest.check(ctx, "getblocking", 0, 0, &[])?;
    Ok(ctx.vm.bool(d.mode() != Mode::NonBlocking))
}

/// `setsockopt(level, option, value)` for the options this module knows (see `fill`);
/// others fail with `ENOPROTOOPT`. `value` is an int or 4 bytes holding a C `int`.
fn sock_setsockopt<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, rest) = receiver(ctx, args, "setsockopt")?;
    rest.check(ctx, "setsockopt", 3, 4, &[])?;
    let level = int32(ctx, &rest.args[0])?;
    let option = int32(ctx, &rest.args[1])?;
    let v = &rest.args[2];
    let not_bytes = |ctx: &Ctx<'_, B>| {
        ctx.type_error(format!("a bytes-like object is required, not '{}'", type_name(ctx.vm, v)))
    };
    let value = match &v.payload {
        Payload::Int(i) => Some(i32::try_from(*i).map_err(|_| not_bytes(ctx))?),
        Payload::Bool(b) => Some(i32::from(*b)),
        Payload::Bytes(b) => <[u8; 4]>::try_from(&b[..]).ok().map(i32::from_ne_bytes),
        _ => return Err(not_bytes(ctx)),
    };
    let (s, _) = open(ctx, d)?;
    let Some(value) = value else { return Err(errno_error(ctx, EINVAL)) };
    let on = value != 0;
    let size = usize::try_from(value).unwrap_or(0);
    let r = match (level, option) {
        (SOL_SOCKET, SO_REUSEADDR) => s.set_reuse_address(on),
        (SOL_SOCKET, SO_KEEPALIVE) => s.set_keepalive(on),
        (SOL_SOCKET, SO_BROADCAST) => s.set_broadcast(on),
        (SOL_SOCKET, SO_RCVBUF) => s.set_recv_buffer_size(size),
        (SOL_SOCKET, SO_SNDBUF) => s.set_send_buffer_size(size),
        (IPPROTO_TCP, TCP_NODELAY) => s.set_nodelay(on),
        _ => Err(io::Error::from_raw_os_error(ENOPROTOOPT)),
    };
    r.map_err(|e| sock_error(ctx, &e, false))?;
    Ok(ctx.vm.none.clone())
}

/// `getsockopt(level, option[, buflen])` for the options `setsockopt` knows plus `SO_ERROR`
/// and `SO_TYPE`; with `buflen`, the C `int` as bytes.
fn sock_getsockopt<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, rest) = receiver(ctx, args, "getsockopt")?;
    rest.check(ctx, "getsockopt", 2, 3, &[])?;
    let level = int32(ctx, &rest.args[0])?;
    let option = int32(ctx, &rest.args[1])?;
    let buflen = match rest.args.get(2) {
        Some(v) => Some(int32(ctx, v)?),
        None => None,
    };
    if buflen.is_some_and(|n| !(1..=1024).contains(&n)) {
        return Err(ctx.err(&ctx.vm.exc.os_error, "getsockopt buflen out of range"));
    }
    let (s, _) = open(ctx, d)?;
    let flag = |r: io::Result<bool>| r.map(i32::from);
    let size = |r: io::Result<usize>| r.map(|n| i32::try_from(n).unwrap_or(i32::MAX));
    let r = match (level, option) {
        (SOL_SOCKET, SO_REUSEADDR) => flag(s.reuse_address()),
        (SOL_SOCKET, SO_KEEPALIVE) => flag(s.keepalive()),
        (SOL_SOCKET, SO_BROADCAST) => flag(s.broadcast()),
        (SOL_SOCKET, SO_RCVBUF) => size(s.recv_buffer_size()),
        (SOL_SOCKET, SO_SNDBUF) => size(s.send_buffer_size()),
        (SOL_SOCKET, SO_ERROR) => {
            s.take_error().map(|e| e.and_then(|e| e.raw_os_error()).unwrap_or(0))
        }
        (SOL_SOCKET, SO_TYPE) => s.r#type().map(i32::from),
        (IPPROTO_TCP, TCP_NODELAY) => flag(s.nodelay()),
        _ => Err(io::Error::from_raw_os_error(ENOPROTOOPT)),
    };
    let value = r.map_err(|e| sock_error(ctx, &e, false))?;
    Ok(match buflen {
        None => ctx.vm.int(i64::from(value)),
        Some(n) => {
            let bytes = value.to_ne_bytes();
            let n = usize::try_from(n).unwrap_or(0).min(bytes.len());
            PyRef::new(Payload::Bytes(bytes[..n].into()))
        }
    })
}

/// `<socket.socket fd=3, family=2, type=1, proto=0, laddr=('127.0.0.1', 5000)>`.
fn sock_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (this, d, _) = receiver(ctx, args, "__repr__")?;
    let cls = type_of(ctx.vm, this);
    let (module, qualname) = match &cls.payload {
        Payload::Type(t) => (t.module.clone(), t.qualname.clone()),
        _ => ("socket".into(), "socket".into()),
    };
    let s = d.socket();
    let mut text = format!(
        "<{module}.{qualname}{} fd={}, family={}, type={}, proto={}",
        if s.is_none() { " [closed]" } else { "" },
        s.as_deref().map_or(-1, raw_fd),
        d.family,
        d.kind,
        d.proto
    );
    if let Some(s) = s {
        for (name, a) in [("laddr", s.local_addr()), ("raddr", s.peer_addr())] {
            if let Ok(a) = a {
                let t = addr::to_tuple(ctx, &a);
                text.push_str(&format!(", {name}={}", repr::repr(ctx, &t)?));
            }
        }
    }
    text.push('>');
    Ok(ctx.vm.str(text))
}

fn sock_family<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, _) = receiver(ctx, args, "family")?;
    Ok(ctx.vm.int(i64::from(d.family)))
}

fn sock_type<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, _) = receiver(ctx, args, "type")?;
    Ok(ctx.vm.int(i64::from(d.kind)))
}

fn sock_proto<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, _) = receiver(ctx, args, "proto")?;
    Ok(ctx.vm.int(i64::from(d.proto)))
}

fn sock_timeout<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, _) = receiver(ctx, args, "timeout")?;
    Ok(timeout_value(ctx.vm, d.mode()))
}

/// Adds the methods and properties of `socket.socket` to its class.
pub(super) fn fill_class<B: Backend>(vm: &Vm<B>, cls: &PyRef<B>) {
    add(vm, cls, "__new__", sock_new);
    add(vm, cls, "__enter__", sock_enter);
    add(vm, cls, "__exit__", sock_exit);
    add(vm, cls, "__repr__", sock_repr);
    add(vm, cls, "close", sock_close);
    add(vm, cls, "fileno", sock_fileno);
    add(vm, cls, "bind", sock_bind);
    add(vm, cls, "listen", sock_listen);
    add(vm, cls, "accept", sock_accept);
    add(vm, cls, "connect", sock_connect);
    add(vm, cls, "connect_ex", sock_connect_ex);
    add(vm, cls, "send", sock_send);
    add(vm, cls, "sendall", sock_sendall);
    add(vm, cls, "recv", sock_recv);
    add(vm, cls, "shutdown", sock_shutdown);
    add(vm, cls, "getsockname", sock_getsockname);
    add(vm, cls, "getpeername", sock_getpeername);
    add(vm, cls, "settimeout", sock_settimeout);
    add(vm, cls, "gettimeout", sock_gettimeout);
    add(vm, cls, "setblocking", sock_setblocking);
    add(vm, cls, "getblocking", sock_getblocking);
    add(vm, cls, "setsockopt", sock_setsockopt);
    add(vm, cls, "getsockopt", sock_getsockopt);
    add_property(vm, cls, "family", sock_family);
    add_property(vm, cls, "type", sock_type);
    add_property(vm, cls, "proto", sock_proto);
    add_property(vm, cls, "timeout", sock_timeout);
}

/// `socketpair()`: two connected sockets. Made like CPython's fallback for systems without
/// `AF_UNIX` pairs: a TCP connection over 127.0.0.1 through a temporary listener, so both
/// sockets are `AF_INET`.
pub(super) fn socketpair<B: Backend>(ctx: &mut Ctx<'_, B>, cls: &PyRef<B>) -> PyResult<B> {
    let pair = ctx.allow_threads(|| -> io::Result<(Socket, Socket)> {
        let listener = Socket::new(Domain::IPV4, Type::STREAM, None)?;
        listener
            .bind(&SockAddr::from(std::net::SocketAddrV4::new(std::net::Ipv4Addr::LOCALHOST, 0)))?;
        listener.listen(1)?;
        let a = Socket::new(Domain::IPV4, Type::STREAM, None)?;
        a.connect(&listener.local_addr()?)?;
        let (b, peer) = retry(|| listener.accept())?;
        // Only the socket just connected may be the other end.
        if peer.as_socket() != a.local_addr()?.as_socket() {
            return Err(io::Error::new(io::ErrorKind::ConnectionAborted, "unexpected peer"));
        }
        Ok((a, b))
    });
    let (a, b) = pair.map_err(|e| sock_error(ctx, &e, false))?;
    let wrap_one = |s| wrap(cls.clone(), SocketData::new(s, super::AF_INET, super::SOCK_STREAM, 0));
    let (a, b) = (wrap_one(a), wrap_one(b));
    Ok(ctx.vm.tuple(vec![a, b]))
}

/// The state of a socket object, if it is one.
pub(super) fn socket_data<B: Backend>(o: &PyRef<B>) -> Option<&SocketData> {
    data::<B, SocketData>(o)
}
