//! The Rust state of a `socket.socket` object and the helpers its methods share.
//!
//! The socket sits in an `Arc` behind a mutex that is locked only for a moment, while
//! attached: a method clones the `Arc` out before releasing the VM. `close` takes the `Arc`
//! out, so a thread still blocked on the socket keeps the descriptor open until its call
//! returns (as the kernel keeps it for CPython); dropping the object closes it.
//!
//! Timeouts (`settimeout`) are the OS's `SO_RCVTIMEO`/`SO_SNDTIMEO` on a blocking descriptor
//! (and `connect_timeout` for `connect`); an expired wait raises `TimeoutError("timed out")`.
//! `settimeout(0)`/`setblocking(False)` make the descriptor non-blocking, so a call that would
//! block raises `BlockingIOError` (`[Errno 11]`), as in CPython.

use super::error::{EBADF, errno_error, sock_error};
use crate::backend::Backend;
use crate::builtins::Args;
use crate::builtins::modules::sync::data;
use crate::ctx::{Ctx, PyResult};
use crate::object::{NativeObj, Payload, PyRef};
use crate::ops::{seq, type_name};
use parking_lot::Mutex;
use socket2::Socket;
use std::io;
use std::sync::Arc;
use std::time::Duration;

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
    pub(super) fn has_timeout(self) -> bool {
        matches!(self, Mode::Timeout(_))
    }

    /// The OS-level timeout (at least a microsecond: a zero `timeval` means none).
    pub(super) fn duration(self) -> Option<Duration> {
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
    pub(super) fn apply(self, s: &Socket) -> io::Result<()> {
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
    pub(super) sock: Mutex<Option<Arc<Socket>>>,
    /// The timeout mode (kept after `close`, as CPython keeps it).
    pub(super) mode: Mutex<Mode>,
    /// `family` (always `AF_INET`).
    pub(super) family: i32,
    /// `type` (`SOCK_STREAM`, ...).
    pub(super) kind: i32,
    /// `proto` as given.
    pub(super) proto: i32,
}

impl SocketData {
    pub(super) fn new(sock: Socket, family: i32, kind: i32, proto: i32) -> SocketData {
        SocketData {
            sock: Mutex::new(Some(Arc::new(sock))),
            mode: Mutex::new(Mode::Blocking),
            family,
            kind,
            proto,
        }
    }

    pub(super) fn socket(&self) -> Option<Arc<Socket>> {
        self.sock.lock().clone()
    }

    pub(super) fn mode(&self) -> Mode {
        *self.mode.lock()
    }
}

/// The descriptor number of an open socket.
pub(super) fn raw_fd(s: &Socket) -> i64 {
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
pub(super) fn retry<R>(mut f: impl FnMut() -> io::Result<R>) -> io::Result<R> {
    loop {
        match f() {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            r => return r,
        }
    }
}

/// The receiving socket object, its state, and the remaining arguments.
pub(super) fn receiver<'a, B: Backend>(
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
            "descriptor '{name}' for '_socket.socket' objects doesn't apply to a '{}' object",
            type_name(ctx.vm, this)
        )));
    };
    Ok((this, d, Args { args: &args.args[1..], kwnames: args.kwnames }))
}

/// Positional argument `i` or keyword `name`.
pub(super) fn arg<'a, B: Backend>(
    args: &Args<'a, B>,
    i: usize,
    name: &str,
) -> Option<&'a PyRef<B>> {
    args.positional().get(i).or_else(|| args.kwarg(name))
}

/// A C `int` argument.
pub(super) fn int32<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, i32> {
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
pub(super) fn bytes_arg<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    v: &'a PyRef<B>,
) -> PyResult<B, &'a [u8]> {
    match &v.payload {
        Payload::Bytes(b) => Ok(b),
        _ => Err(ctx.type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(ctx.vm, v)
        ))),
    }
}

/// The open socket and its mode, or `OSError: [Errno 9] Bad file descriptor`.
pub(super) fn open<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    d: &SocketData,
) -> PyResult<B, (Arc<Socket>, Mode)> {
    match d.socket() {
        Some(s) => Ok((s, d.mode())),
        None => Err(errno_error(ctx, EBADF)),
    }
}

/// A new socket object of class `cls`.
pub(super) fn wrap<B: Backend>(cls: PyRef<B>, d: SocketData) -> PyRef<B> {
    PyRef::new(Payload::Native(Box::new(NativeObj { class: cls, data: Box::new(d) })))
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

/// The state of a socket object, if it is one.
pub(super) fn socket_data<B: Backend>(o: &PyRef<B>) -> Option<&SocketData> {
    data::<B, SocketData>(o)
}
