//! The exceptions the `socket` module raises: `OSError` and its subclasses for failed OS calls
//! (built by the `os` module's [`os_error`], so they carry `errno`/`strerror` and print as
//! `[Errno 111] Connection refused`), `TimeoutError("timed out")` for an expired socket
//! timeout, and `socket.gaierror` for names the module cannot resolve.

use super::super::os::os_error;
use crate::backend::Backend;
use crate::ctx::{Ctx, PyErr};
use crate::object::PyRef;
use crate::ops::{call, dicts};
use std::io;

/// `EBADF`: the socket is closed.
pub(super) const EBADF: i32 = 9;
/// `EAGAIN`/`EWOULDBLOCK`: what `connect_ex` reports for a connection that timed out.
pub(super) const EAGAIN: i32 = 11;
/// `EINVAL`.
pub(super) const EINVAL: i32 = 22;
/// `ENOPROTOOPT`: a socket option this module does not support.
pub(super) const ENOPROTOOPT: i32 = 92;
/// `EAFNOSUPPORT`: an address family other than `AF_INET`.
pub(super) const EAFNOSUPPORT: i32 = 97;
/// `EAI_NONAME`, the `getaddrinfo` error for an unknown host name.
pub(super) const EAI_NONAME: i64 = -2;

/// Whether a failed call should raise `TimeoutError("timed out")`: the socket has a timeout
/// and the OS gave up waiting (`EAGAIN` from `SO_RCVTIMEO`/`SO_SNDTIMEO`, or socket2's own
/// `TimedOut` for `connect_timeout`, which carries no OS code).
pub(super) fn is_timeout(e: &io::Error, has_timeout: bool) -> bool {
    has_timeout
        && (e.kind() == io::ErrorKind::WouldBlock
            || (e.kind() == io::ErrorKind::TimedOut && e.raw_os_error().is_none()))
}

/// The exception for a failed socket call; `has_timeout` says whether the socket has a
/// (positive) timeout, which turns "would block" into `TimeoutError("timed out")`.
pub(super) fn sock_error<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    e: &io::Error,
    has_timeout: bool,
) -> PyErr<B> {
    if is_timeout(e, has_timeout) {
        return timed_out(ctx);
    }
    os_error(ctx, e, None, None)
}

/// `OSError` (or the subclass for the code) for the OS error code `code`.
pub(super) fn errno_error<B: Backend>(ctx: &mut Ctx<'_, B>, code: i32) -> PyErr<B> {
    os_error(ctx, &io::Error::from_raw_os_error(code), None, None)
}

/// `TimeoutError('timed out')` (`socket.timeout` is `TimeoutError`), built by calling the
/// class so that it has the attributes (`errno` is `None`) of one raised by Python code.
pub(super) fn timed_out<B: Backend>(ctx: &mut Ctx<'_, B>) -> PyErr<B> {
    let cls = ctx.vm.core.exc.timeout_error.clone();
    let msg = ctx.vm.str("timed out");
    instantiate(ctx, &cls, vec![msg])
}

/// `socket.gaierror(code, message)`, for a host name that does not resolve.
pub(super) fn gai_error<B: Backend>(ctx: &mut Ctx<'_, B>, code: i64, message: &str) -> PyErr<B> {
    let cls = module_class(ctx, "gaierror");
    let args = vec![ctx.vm.int(code), ctx.vm.str(message)];
    instantiate(ctx, &cls, args)
}

/// Calls an exception class; if that raises, the raised exception is the error.
fn instantiate<B: Backend>(ctx: &mut Ctx<'_, B>, cls: &PyRef<B>, args: Vec<PyRef<B>>) -> PyErr<B> {
    match call::call(ctx, cls, &args, &[]) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

/// A class defined by the `socket` module (`gaierror`), or `OSError` if it is gone.
fn module_class<B: Backend>(ctx: &mut Ctx<'_, B>, name: &str) -> PyRef<B> {
    let found = dicts::get_text(&ctx.vm.core.modules, "socket")
        .and_then(|m| match &m.payload {
            crate::object::Payload::Module(mo) => dicts::get_text(&mo.dict, name),
            _ => None,
        })
        .filter(|c| matches!(c.payload, crate::object::Payload::Type(_)));
    found.unwrap_or_else(|| ctx.vm.core.exc.os_error.clone())
}
