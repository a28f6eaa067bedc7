//! The `socket.socket` class and its calls that talk to the OS: construction, `bind`,
//! `listen`, `accept`, `connect`, `send`/`sendall`/`recv`, `shutdown`, the addresses and
//! `close` (timeouts, options and `repr` are in `options.rs`, the state in `state.rs`).
//!
//! A blocking call (`accept`, `connect`, `send`, `sendall`, `recv`, `close`) clones the
//! socket's `Arc` out while attached, then runs inside `Ctx::allow_threads` with only that
//! `Arc`, byte buffers and plain values in its closure (docs/safety.md, I1): data to send is
//! copied out of the `bytes` object before the VM is released, and received data becomes a
//! `bytes` object after.

use super::addr;
use super::error::{EAFNOSUPPORT, EAGAIN, EINVAL, errno_error, is_timeout, sock_error};
use super::state::{Mode, SocketData, arg, bytes_arg, int32, open, raw_fd, receiver, retry, wrap};
use crate::backend::Backend;
use crate::builtins::Args;
use crate::builtins::add;
use crate::ctx::{Ctx, PyResult};
use crate::object::{Payload, PyRef};
use crate::ops::{seq, type_of};
use crate::vm::Vm;
use socket2::{Domain, Protocol, SockAddr, Socket, Type};
use std::io::{self, Read};
use std::net::Shutdown;
use std::time::Instant;

/// The most bytes one `recv` reads (a larger `bufsize` may return less, as `recv` may anyway),
/// so that `recv(2**40)` does not try to allocate a buffer of that size.
const MAX_RECV: usize = 1 << 20;

/// `MSG_NOSIGNAL`: a write to a closed connection fails with `EPIPE` instead of raising
/// `SIGPIPE` (Rust programs ignore `SIGPIPE` anyway; the VM may be embedded).
#[cfg(any(target_os = "linux", target_os = "android"))]
const MSG_NOSIGNAL: i32 = 0x4000;
#[cfg(not(any(target_os = "linux", target_os = "android")))]
const MSG_NOSIGNAL: i32 = 0;

/// Closes the socket (the descriptor is closed with the VM released).
pub(super) fn close<B: Backend>(ctx: &mut Ctx<'_, B>, d: &SocketData) {
    let s = d.sock.lock().take();
    if let Some(s) = s {
        ctx.allow_threads(move || drop(s));
    }
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
        return Err(errno_error(ctx, EAFNOSUPPORT));
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
    Ok(ctx.vm.core.none.clone())
}

fn sock_close<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, rest) = receiver(ctx, args, "close")?;
    rest.check(ctx, "close", 0, 0, &[])?;
    close(ctx, d);
    Ok(ctx.vm.core.none.clone())
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
    Ok(ctx.vm.core.none.clone())
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
    Ok(ctx.vm.core.none.clone())
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
    Ok(ctx.vm.core.none.clone())
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
            return Ok(ctx.vm.core.none.clone());
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
        return Err(
            ctx.err(&ctx.vm.core.exc.not_implemented_error, "recv() flags are not supported")
        );
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
    Ok(ctx.vm.core.none.clone())
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

/// Adds the methods and properties of `socket.socket` to its class.
pub(super) fn fill_class<B: Backend>(vm: &Vm<B>, cls: &PyRef<B>) {
    add(vm, cls, "__new__", sock_new);
    add(vm, cls, "__enter__", sock_enter);
    add(vm, cls, "__exit__", sock_exit);
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
    super::options::fill_class(vm, cls);
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
