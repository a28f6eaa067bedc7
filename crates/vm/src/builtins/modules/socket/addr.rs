//! `AF_INET` addresses: `(host, port)` tuples in, `SockAddr` out, and back.
//!
//! Host names are resolved without the network: an IPv4 literal, `""` (`INADDR_ANY`),
//! `"<broadcast>"` and `"localhost"` (127.0.0.1). Any other name raises `socket.gaierror`
//! `[Errno -2] Name or service not known`, as CPython does for a name that does not resolve.

use super::error::{EAI_NONAME, gai_error};
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::{Payload, PyRef};
use crate::ops::{seq, type_name};
use socket2::SockAddr;
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4};

/// Resolves a host name to an IPv4 address, or `None` for a name this module cannot resolve.
fn lookup(host: &str) -> Option<Ipv4Addr> {
    match host {
        "" => Some(Ipv4Addr::UNSPECIFIED),
        "<broadcast>" => Some(Ipv4Addr::BROADCAST),
        h if h.eq_ignore_ascii_case("localhost") => Some(Ipv4Addr::LOCALHOST),
        h => h.parse().ok(),
    }
}

/// The text of a host argument (`str` or `bytes`), as CPython's `str, bytes or bytearray`.
fn host_text<'a, B: Backend>(ctx: &Ctx<'_, B>, host: &'a PyRef<B>) -> PyResult<B, &'a str> {
    match &host.payload {
        Payload::Str(s) => Ok(s.as_str()),
        Payload::Bytes(b) => std::str::from_utf8(b)
            .map_err(|_| ctx.err(&ctx.vm.core.exc.unicode_decode_error, "host name is not ASCII")),
        _ => Err(ctx.type_error(format!(
            "str, bytes or bytearray expected, not {}",
            type_name(ctx.vm, host)
        ))),
    }
}

/// Resolves a host argument, raising `socket.gaierror` for an unknown name.
pub(super) fn resolve<B: Backend>(ctx: &mut Ctx<'_, B>, host: &PyRef<B>) -> PyResult<B, Ipv4Addr> {
    let text = host_text(ctx, host)?;
    match lookup(text) {
        Some(ip) => Ok(ip),
        None => Err(gai_error(ctx, EAI_NONAME, "Name or service not known")),
    }
}

/// A port number, range-checked with CPython's message (`bind(): port must be 0-65535.`).
pub(super) fn port<B: Backend>(
    ctx: &Ctx<'_, B>,
    port: &PyRef<B>,
    method: &str,
) -> PyResult<B, u16> {
    let out_of_range = || ctx.overflow_error(format!("{method}(): port must be 0-65535."));
    let n = match &port.payload {
        Payload::BigInt(_) => return Err(out_of_range()),
        _ => seq::index_value(ctx, port)?,
    };
    u16::try_from(n).map_err(|_| out_of_range())
}

/// Parses an `AF_INET` address argument `(host, port)` for `method` (`bind`, `connect`, ...).
pub(super) fn parse<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    addr: &PyRef<B>,
    method: &str,
) -> PyResult<B, SockAddr> {
    let Payload::Tuple(items) = &addr.payload else {
        return Err(ctx.type_error(format!(
            "{method}(): AF_INET address must be tuple, not {}",
            type_name(ctx.vm, addr)
        )));
    };
    let [host, p] = &items[..] else {
        return Err(ctx.type_error("AF_INET address must be a pair (host, port)"));
    };
    let ip = resolve(ctx, host)?;
    let port = port(ctx, p, method)?;
    Ok(SockAddr::from(SocketAddrV4::new(ip, port)))
}

/// `(host, port)` for an IPv4 address (`(host, port, flowinfo, scope_id)` for IPv6), or
/// `None` for an address of another family.
pub(super) fn to_tuple<B: Backend>(ctx: &Ctx<'_, B>, addr: &SockAddr) -> PyRef<B> {
    let vm = ctx.vm;
    match addr.as_socket() {
        Some(SocketAddr::V4(a)) => {
            vm.tuple(vec![vm.str(a.ip().to_string()), vm.int(i64::from(a.port()))])
        }
        Some(SocketAddr::V6(a)) => vm.tuple(vec![
            vm.str(a.ip().to_string()),
            vm.int(i64::from(a.port())),
            vm.int(i64::from(a.flowinfo())),
            vm.int(i64::from(a.scope_id())),
        ]),
        None => vm.core.none.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::lookup;
    use std::net::Ipv4Addr;

    #[test]
    fn lookup_names() {
        assert_eq!(lookup(""), Some(Ipv4Addr::UNSPECIFIED));
        assert_eq!(lookup("LocalHost"), Some(Ipv4Addr::LOCALHOST));
        assert_eq!(lookup("127.0.0.1"), Some(Ipv4Addr::LOCALHOST));
        assert_eq!(lookup("10.1.2.3"), Some(Ipv4Addr::new(10, 1, 2, 3)));
        assert_eq!(lookup("example.invalid"), None);
        assert_eq!(lookup("1.2.3.256"), None);
    }
}
