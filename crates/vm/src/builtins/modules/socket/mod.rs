//! The `socket` module: TCP (and UDP) sockets over IPv4, enough for an echo server thread and
//! its clients on loopback.
//!
//! `socket.socket` (`object.rs`, `options.rs`, `state.rs`) wraps a `socket2::Socket`; every call that can block
//! (`accept`, `connect`, `send`, `sendall`, `recv`, `close`, `create_connection`) runs with the
//! VM released (`Ctx::allow_threads`), its closure holding only Rust data (docs/safety.md, I1),
//! so other Python threads run meanwhile — the I/O side of the GIL convoy effect.
//! Failures raise `OSError` and its subclasses with CPython's `[Errno N] message` text
//! (`error.rs`); host names are resolved without the network (`addr.rs`).
//!
//! The constants have their Linux values.

mod addr;
mod error;
mod object;
mod options;
mod state;

use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Layout, Payload, PyRef};
use crate::ops::{call, dicts, seq};
use crate::types::new_class;
use crate::vm::Vm;

/// `AF_INET`: IPv4, the only family `socket()` accepts.
pub const AF_INET: i32 = 2;
/// `SOCK_STREAM`: TCP.
pub const SOCK_STREAM: i32 = 1;
/// `SOL_SOCKET`: the socket level of `setsockopt`.
pub const SOL_SOCKET: i32 = 1;
/// `SO_REUSEADDR`.
pub const SO_REUSEADDR: i32 = 2;
/// `SO_TYPE` (`getsockopt` only).
pub const SO_TYPE: i32 = 3;
/// `SO_ERROR` (`getsockopt` only).
pub const SO_ERROR: i32 = 4;
/// `SO_BROADCAST`.
pub const SO_BROADCAST: i32 = 6;
/// `SO_SNDBUF`.
pub const SO_SNDBUF: i32 = 7;
/// `SO_RCVBUF`.
pub const SO_RCVBUF: i32 = 8;
/// `SO_KEEPALIVE`.
pub const SO_KEEPALIVE: i32 = 9;
/// `IPPROTO_TCP`: the TCP level of `setsockopt`.
pub const IPPROTO_TCP: i32 = 6;
/// `TCP_NODELAY`.
pub const TCP_NODELAY: i32 = 1;
/// `SOMAXCONN`: `listen()`'s default backlog is `min(SOMAXCONN, 128)`.
pub const SOMAXCONN: i32 = 4096;

/// The integer constants of the module.
const CONSTANTS: &[(&str, i32)] = &[
    ("AF_UNSPEC", 0),
    ("AF_UNIX", 1),
    ("AF_INET", AF_INET),
    ("AF_INET6", 10),
    ("SOCK_STREAM", SOCK_STREAM),
    ("SOCK_DGRAM", 2),
    ("SOCK_RAW", 3),
    ("SOL_SOCKET", SOL_SOCKET),
    ("SO_REUSEADDR", SO_REUSEADDR),
    ("SO_TYPE", SO_TYPE),
    ("SO_ERROR", SO_ERROR),
    ("SO_BROADCAST", SO_BROADCAST),
    ("SO_SNDBUF", SO_SNDBUF),
    ("SO_RCVBUF", SO_RCVBUF),
    ("SO_KEEPALIVE", SO_KEEPALIVE),
    ("IPPROTO_IP", 0),
    ("IPPROTO_TCP", IPPROTO_TCP),
    ("IPPROTO_UDP", 17),
    ("TCP_NODELAY", TCP_NODELAY),
    ("SHUT_RD", 0),
    ("SHUT_WR", 1),
    ("SHUT_RDWR", 2),
    ("SOMAXCONN", SOMAXCONN),
    ("INADDR_ANY", 0),
    ("INADDR_LOOPBACK", 0x7f00_0001),
];

/// Fills the module namespace.
pub(super) fn fill<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>) {
    let put = |key: &str, v: PyRef<B>| dicts::set_name(ns, vm.intern(key), v);
    for &(name, value) in CONSTANTS {
        put(name, vm.int(i64::from(value)));
    }
    let cls = new_class::<B>("socket", "socket", vm.core.object_type.clone(), Layout::Builtin);
    object::fill_class(vm, &cls);
    put("socket", cls.clone());
    put("SocketType", cls);
    put("error", vm.core.exc.os_error.clone());
    put("timeout", vm.core.exc.timeout_error.clone());
    for name in ["herror", "gaierror"] {
        put(name, new_class::<B>(name, "socket", vm.core.exc.os_error.clone(), Layout::Exception));
    }
    put("has_ipv6", vm.bool(false));
    add(vm, ns, "create_connection", create_connection);
    add(vm, ns, "socketpair", socketpair);
    add(vm, ns, "gethostbyname", gethostbyname);
    add(vm, ns, "getdefaulttimeout", getdefaulttimeout);
}

/// `create_connection((host, port), timeout=None, source_address=None)`: a connected TCP
/// socket. The socket is made by calling the module's `socket` class, as CPython does; on
/// failure it is closed and the error raised.
fn create_connection<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(
        ctx,
        "create_connection",
        1,
        3,
        &["address", "timeout", "source_address", "all_errors"],
    )?;
    let get = |i: usize, name: &str| args.positional().get(i).or_else(|| args.kwarg(name));
    let Some(address) = get(0, "address") else {
        return Err(
            ctx.type_error("create_connection() missing 1 required positional argument: 'address'")
        );
    };
    let items = seq::to_vec(ctx, address)?;
    let [host, port] = &items[..] else {
        return Err(ctx.value_error(if items.len() > 2 {
            "too many values to unpack (expected 2)".to_string()
        } else {
            format!("not enough values to unpack (expected 2, got {})", items.len())
        }));
    };
    let ip = addr::resolve(ctx, host)?;
    let port = match crate::ops::as_str(port) {
        Some(text) => match text.parse::<u16>() {
            Ok(p) => p,
            Err(_) => {
                return Err(error::gai_error(ctx, -8, "Servname not supported for ai_socktype"));
            }
        },
        None => addr::port(ctx, port, "getaddrinfo")?,
    };
    let mode = match get(1, "timeout") {
        Some(t) => Some(state::parse_timeout(ctx, t)?),
        None => None,
    };
    let source = get(2, "source_address").filter(|s| !matches!(s.payload, Payload::None)).cloned();
    let target = ctx.vm.tuple(vec![ctx.vm.str(ip.to_string()), ctx.vm.int(i64::from(port))]);
    let cls = module_socket_class(ctx)?;
    let sock = call::call(ctx, &cls, &[], &[])?;
    let Some(d) = state::socket_data(&sock) else {
        return Err(ctx.type_error("socket.socket() did not return a socket"));
    };
    let result = (|| {
        if let Some(mode) = mode {
            state::set_mode(ctx, d, mode)?;
        }
        if let Some(src) = &source {
            object::bind(ctx, d, src)?;
        }
        object::connect(ctx, d, &target)
    })();
    match result {
        Ok(()) => Ok(sock),
        Err(e) => {
            object::close(ctx, d);
            Err(e)
        }
    }
}

/// `socketpair()`: two connected `AF_INET` stream sockets over loopback (CPython's are
/// `AF_UNIX`); the `family`, `type` and `proto` arguments are accepted and ignored.
fn socketpair<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "socketpair", 0, 3, &["family", "type", "proto"])?;
    let cls = module_socket_class(ctx)?;
    object::socketpair(ctx, &cls)
}

/// The module's `socket` class (looked up at call time, as CPython's Python code does).
fn module_socket_class<B: Backend>(ctx: &Ctx<'_, B>) -> PyResult<B> {
    dicts::get_text(&ctx.vm.core.modules, "socket")
        .and_then(|m| match &m.payload {
            Payload::Module(mo) => dicts::get_text(&mo.dict, "socket"),
            _ => None,
        })
        .ok_or_else(|| ctx.runtime_error("socket.socket is missing"))
}

/// `gethostbyname(name) -> str`: the IPv4 address of an address literal or `localhost`.
fn gethostbyname<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "gethostbyname", 1, 1, &[])?;
    let ip = addr::resolve(ctx, &args.args[0])?;
    Ok(ctx.vm.str(ip.to_string()))
}

/// `getdefaulttimeout()`: always `None` (there is no `setdefaulttimeout`).
fn getdefaulttimeout<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "getdefaulttimeout", 0, 0, &[])?;
    Ok(ctx.vm.core.none.clone())
}
