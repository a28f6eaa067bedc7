//! Helpers of the `bytes` methods: receivers, byte arguments, ASCII classes, splitting.

#[allow(unused_imports)]
use super::*;
// ---------------------------------------------------------------------------------------------

pub(super) fn new_bytes<B: Backend>(data: impl Into<Box<[u8]>>) -> PyRef<B> {
    PyRef::new(Payload::Bytes(data.into()))
}

/// `self` of a `bytes` method and its data, with CPython's descriptor errors.
pub(super) fn recv<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
) -> PyResult<B, (&'a PyRef<B>, &'a [u8])> {
    let pos: &'a [PyRef<B>] = args.positional();
    match pos.first() {
        Some(o) => match &o.payload {
            Payload::Bytes(b) => Ok((o, &b[..])),
            _ => Err(ctx.type_error(format!(
                "descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object",
                type_name(ctx.vm, o)
            ))),
        },
        None => Err(ctx.type_error(format!("unbound method bytes.{name}() needs an argument"))),
    }
}

pub(super) fn args_of<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
    sig: Sig,
) -> PyResult<B, Parsed<'a, B>> {
    parse(ctx, args, "bytes", name, sig)
}

/// A bytes-like argument, or `TypeError: a bytes-like object is required, not 'T'`.
pub(super) fn bytes_arg<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    v: &'a PyRef<B>,
) -> PyResult<B, &'a [u8]> {
    match &v.payload {
        Payload::Bytes(b) => Ok(&b[..]),
        _ => Err(ctx.type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(ctx.vm, v)
        ))),
    }
}

/// The needle of `find`/`count`/`index`: a bytes object or one byte given as an int.
pub(super) fn needle<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, Vec<u8>> {
    let byte = |n: Option<i64>| match n.and_then(|n| u8::try_from(n).ok()) {
        Some(b) => Ok(vec![b]),
        None => Err(ctx.value_error("byte must be in range(0, 256)")),
    };
    match &v.payload {
        Payload::Bytes(b) => Ok(b.to_vec()),
        Payload::Int(i) => byte(Some(*i)),
        Payload::Bool(b) => byte(Some(*b as i64)),
        Payload::BigInt(_) => byte(None),
        _ => Err(ctx.type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            type_name(ctx.vm, v)
        ))),
    }
}

pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

pub(super) fn find_sub(h: &[u8], n: &[u8]) -> Option<usize> {
    match n {
        [] => Some(0),
        [b] => h.iter().position(|x| x == b),
        _ if n.len() > h.len() => None,
        _ => h.windows(n.len()).position(|w| w == n),
    }
}

pub(super) fn rfind_sub(h: &[u8], n: &[u8]) -> Option<usize> {
    match n {
        [] => Some(h.len()),
        [b] => h.iter().rposition(|x| x == b),
        _ if n.len() > h.len() => None,
        _ => h.windows(n.len()).rposition(|w| w == n),
    }
}

/// Non-overlapping occurrences of a non-empty `n` in `h`, left to right.
pub(super) fn count_sub(h: &[u8], n: &[u8], limit: usize) -> usize {
    let mut count = 0;
    let mut pos = 0;
    while count < limit {
        match h.get(pos..).and_then(|rest| find_sub(rest, n)) {
            Some(i) => {
                count += 1;
                pos += i + n.len();
            }
            None => break,
        }
    }
    count
}

pub(super) fn split_sub<'h>(h: &'h [u8], sep: &[u8], max: usize) -> Vec<&'h [u8]> {
    let mut out = Vec::new();
    let mut pos = 0;
    while out.len() < max {
        let Some(rest) = h.get(pos..) else { break };
        let Some(i) = find_sub(rest, sep) else { break };
        out.push(&rest[..i]);
        pos += i + sep.len();
    }
    out.push(h.get(pos..).unwrap_or(&[]));
    out
}

pub(super) fn rsplit_sub<'h>(h: &'h [u8], sep: &[u8], max: usize) -> Vec<&'h [u8]> {
    let mut out = Vec::new();
    let mut end = h.len();
    while out.len() < max {
        let Some(head) = h.get(..end) else { break };
        let Some(i) = rfind_sub(head, sep) else { break };
        out.push(head.get(i + sep.len()..).unwrap_or(&[]));
        end = i;
    }
    out.push(h.get(..end).unwrap_or(&[]));
    out.reverse();
    out
}

pub(super) fn split_whitespace(h: &[u8], max: usize) -> Vec<&[u8]> {
    let len = h.len();
    let mut out = Vec::new();
    let mut i = 0;
    let mut left = max;
    while left > 0 {
        while i < len && h.get(i).is_some_and(|&b| is_space(b)) {
            i += 1;
        }
        if i == len {
            break;
        }
        let j = i;
        while i < len && h.get(i).is_some_and(|&b| !is_space(b)) {
            i += 1;
        }
        out.push(h.get(j..i).unwrap_or(&[]));
        left -= 1;
    }
    if i < len {
        while i < len && h.get(i).is_some_and(|&b| is_space(b)) {
            i += 1;
        }
        if i < len {
            out.push(h.get(i..).unwrap_or(&[]));
        }
    }
    out
}

pub(super) fn rsplit_whitespace(h: &[u8], max: usize) -> Vec<&[u8]> {
    let mut out = Vec::new();
    // `end` is exclusive: the bytes before it are still to be split.
    let mut end = h.len();
    let mut left = max;
    let space_before = |end: usize| end > 0 && h.get(end - 1).is_some_and(|&b| is_space(b));
    let word_before = |end: usize| end > 0 && h.get(end - 1).is_some_and(|&b| !is_space(b));
    while left > 0 {
        while space_before(end) {
            end -= 1;
        }
        if end == 0 {
            break;
        }
        let j = end;
        while word_before(end) {
            end -= 1;
        }
        out.push(h.get(end..j).unwrap_or(&[]));
        left -= 1;
    }
    if end > 0 {
        while space_before(end) {
            end -= 1;
        }
        if end > 0 {
            out.push(h.get(..end).unwrap_or(&[]));
        }
    }
    out.reverse();
    out
}

pub(super) fn bytes_list<B: Backend>(vm: &Vm<B>, parts: Vec<&[u8]>) -> PyRef<B> {
    vm.list(parts.into_iter().map(|p| new_bytes::<B>(p)).collect())
}

// ---------------------------------------------------------------------------------------------
