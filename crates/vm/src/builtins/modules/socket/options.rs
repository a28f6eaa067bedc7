//! `socket.socket`'s timeout methods, socket options, `repr` and read-only properties.

use super::addr;
use super::error::{EINVAL, ENOPROTOOPT, errno_error, sock_error};
use super::state::{Mode, int32, open, parse_timeout, raw_fd, receiver, set_mode};
use super::{
    IPPROTO_TCP, SO_BROADCAST, SO_ERROR, SO_KEEPALIVE, SO_RCVBUF, SO_REUSEADDR, SO_SNDBUF, SO_TYPE,
    SOL_SOCKET, TCP_NODELAY,
};
use crate::backend::Backend;
use crate::builtins::{Args, add, add_property};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Payload, PyRef};
use crate::ops::{is_true, repr, type_name, type_of};
use crate::vm::Vm;
use std::io;

fn sock_settimeout<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d, rest) = receiver(ctx, args, "settimeout")?;
    rest.check(ctx, "settimeout", 1, 1, &[])?;
    let mode = parse_timeout(ctx, &rest.args[0])?;
    set_mode(ctx, d, mode)?;
    Ok(ctx.vm.core.none.clone())
}

fn timeout_value<B: Backend>(vm: &Vm<B>, mode: Mode) -> PyRef<B> {
    match mode {
        Mode::Blocking => vm.core.none.clone(),
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
    Ok(ctx.vm.core.none.clone())
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
    Ok(ctx.vm.core.none.clone())
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
        return Err(ctx.err(&ctx.vm.core.exc.os_error, "getsockopt buflen out of range"));
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

/// Adds these methods and properties to the `socket.socket` class.
pub(super) fn fill_class<B: Backend>(vm: &Vm<B>, cls: &PyRef<B>) {
    add(vm, cls, "__repr__", sock_repr);
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
