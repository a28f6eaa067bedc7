//! Methods of `bytes`, with CPython 3.11's semantics and error messages, and the decoders
//! behind `bytes.decode` (UTF-8, ASCII, Latin-1, UTF-16 and UTF-32).
//!
//! Character classes and case conversions of `bytes` are ASCII-only, as in CPython; whitespace is
//! `b' \t\n\r\x0b\x0c'`. Argument parsing is shared with `str` (see [`super::str::parse`]).

use super::str::{
    Codec, Parsed, Sig, adjust, c_int_arg, index_arg, join_items, lookup_codec, parse, slice_index,
    text_param, too_long, unknown_encoding, unknown_handler,
};
use crate::backend::Backend;
use crate::builtins::{Args, add, native};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Payload, PyRef, Wrapper};
use crate::ops::{dicts, type_name};
use crate::vm::Vm;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let t = &vm.types.bytes;
    add(vm, t, "decode", bytes_decode);
    add(vm, t, "hex", bytes_hex);
    add(vm, t, "split", bytes_split);
    add(vm, t, "rsplit", bytes_rsplit);
    add(vm, t, "splitlines", bytes_splitlines);
    add(vm, t, "join", bytes_join);
    add(vm, t, "strip", bytes_strip);
    add(vm, t, "lstrip", bytes_lstrip);
    add(vm, t, "rstrip", bytes_rstrip);
    add(vm, t, "startswith", bytes_startswith);
    add(vm, t, "endswith", bytes_endswith);
    add(vm, t, "find", bytes_find);
    add(vm, t, "rfind", bytes_rfind);
    add(vm, t, "index", bytes_index);
    add(vm, t, "rindex", bytes_rindex);
    add(vm, t, "count", bytes_count);
    add(vm, t, "replace", bytes_replace);
    add(vm, t, "upper", bytes_upper);
    add(vm, t, "lower", bytes_lower);
    add(vm, t, "capitalize", bytes_capitalize);
    add(vm, t, "swapcase", bytes_swapcase);
    add(vm, t, "title", bytes_title);
    add(vm, t, "isdigit", bytes_isdigit);
    add(vm, t, "isalpha", bytes_isalpha);
    add(vm, t, "isalnum", bytes_isalnum);
    add(vm, t, "isspace", bytes_isspace);
    add(vm, t, "isupper", bytes_isupper);
    add(vm, t, "islower", bytes_islower);
    add(vm, t, "istitle", bytes_istitle);
    add(vm, t, "isascii", bytes_isascii);
    add(vm, t, "partition", bytes_partition);
    add(vm, t, "rpartition", bytes_rpartition);
    add(vm, t, "removeprefix", bytes_removeprefix);
    add(vm, t, "removesuffix", bytes_removesuffix);
    add(vm, t, "center", bytes_center);
    add(vm, t, "ljust", bytes_ljust);
    add(vm, t, "rjust", bytes_rjust);
    add(vm, t, "zfill", bytes_zfill);
    add(vm, t, "expandtabs", bytes_expandtabs);
    add(vm, t, "translate", bytes_translate);
    let maketrans = native("maketrans", bytes_maketrans::<B>);
    let wrapped = PyRef::new(Payload::Wrapper(Box::new(Wrapper::StaticMethod(maketrans))));
    dicts::set_name(t, vm.intern("maketrans"), wrapped);
    let fromhex = native("fromhex", bytes_fromhex::<B>);
    let wrapped = PyRef::new(Payload::Wrapper(Box::new(Wrapper::ClassMethod(fromhex))));
    dicts::set_name(t, vm.intern("fromhex"), wrapped);
}

// ---------------------------------------------------------------------------------------------
// Helpers.
// ---------------------------------------------------------------------------------------------

fn new_bytes<B: Backend>(data: impl Into<Box<[u8]>>) -> PyRef<B> {
    PyRef::new(Payload::Bytes(data.into()))
}

/// `self` of a `bytes` method and its data, with CPython's descriptor errors.
fn recv<'a, B: Backend>(
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

fn args_of<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
    sig: Sig,
) -> PyResult<B, Parsed<'a, B>> {
    parse(ctx, args, "bytes", name, sig)
}

/// A bytes-like argument, or `TypeError: a bytes-like object is required, not 'T'`.
fn bytes_arg<'a, B: Backend>(ctx: &Ctx<'_, B>, v: &'a PyRef<B>) -> PyResult<B, &'a [u8]> {
    match &v.payload {
        Payload::Bytes(b) => Ok(&b[..]),
        _ => Err(ctx.type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(ctx.vm, v)
        ))),
    }
}

/// The needle of `find`/`count`/`index`: a bytes object or one byte given as an int.
fn needle<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, Vec<u8>> {
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

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn find_sub(h: &[u8], n: &[u8]) -> Option<usize> {
    match n {
        [] => Some(0),
        [b] => h.iter().position(|x| x == b),
        _ if n.len() > h.len() => None,
        _ => h.windows(n.len()).position(|w| w == n),
    }
}

fn rfind_sub(h: &[u8], n: &[u8]) -> Option<usize> {
    match n {
        [] => Some(h.len()),
        [b] => h.iter().rposition(|x| x == b),
        _ if n.len() > h.len() => None,
        _ => h.windows(n.len()).rposition(|w| w == n),
    }
}

/// Non-overlapping occurrences of a non-empty `n` in `h`, left to right.
fn count_sub(h: &[u8], n: &[u8], limit: usize) -> usize {
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

fn split_sub<'h>(h: &'h [u8], sep: &[u8], max: usize) -> Vec<&'h [u8]> {
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

fn rsplit_sub<'h>(h: &'h [u8], sep: &[u8], max: usize) -> Vec<&'h [u8]> {
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

fn split_whitespace(h: &[u8], max: usize) -> Vec<&[u8]> {
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

fn rsplit_whitespace(h: &[u8], max: usize) -> Vec<&[u8]> {
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

fn bytes_list<B: Backend>(vm: &Vm<B>, parts: Vec<&[u8]>) -> PyRef<B> {
    vm.list(parts.into_iter().map(|p| new_bytes::<B>(p)).collect())
}

// ---------------------------------------------------------------------------------------------
// Decoding.
// ---------------------------------------------------------------------------------------------

/// Applies error handler `errors` to the undecodable bytes `data[start..end]`: appends the
/// replacement to `out`, or raises `UnicodeDecodeError` (strict) or `LookupError`.
#[allow(clippy::too_many_arguments)]
fn decode_error<B: Backend>(
    ctx: &Ctx<'_, B>,
    codec: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    errors: &str,
    out: &mut String,
) -> PyResult<B, ()> {
    let bad = data.get(start..end).unwrap_or(&[]);
    match errors {
        "strict" | "surrogateescape" | "surrogatepass" => {
            let msg = match bad {
                [one] => format!(
                    "'{codec}' codec can't decode byte 0x{one:02x} in position {start}: {reason}"
                ),
                _ => format!(
                    "'{codec}' codec can't decode bytes in position {start}-{}: {reason}",
                    end.saturating_sub(1)
                ),
            };
            Err(ctx.err(&ctx.vm.exc.unicode_decode_error, msg))
        }
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for b in bad {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
        _ => Err(unknown_handler(ctx, errors)),
    }
}

fn decode_utf8<B: Backend>(ctx: &Ctx<'_, B>, data: &[u8], errors: &str) -> PyResult<B, String> {
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    while let Some(rest) = data.get(pos..) {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                if let Some(Ok(s)) = rest.get(..good).map(std::str::from_utf8) {
                    out.push_str(s);
                }
                let start = pos + good;
                let (end, reason) = match e.error_len() {
                    None => (data.len(), "unexpected end of data"),
                    Some(n) => {
                        let lead = data.get(start).copied().unwrap_or(0);
                        let valid_start = matches!(lead, 0x00..=0x7f | 0xc2..=0xf4);
                        let reason = if n == 1 && !valid_start {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        (start + n, reason)
                    }
                };
                decode_error(ctx, "utf-8", data, start, end, reason, errors, &mut out)?;
                pos = end;
            }
        }
    }
    Ok(out)
}

fn decode_utf16<B: Backend>(
    ctx: &Ctx<'_, B>,
    data: &[u8],
    order: Option<bool>,
    errors: &str,
) -> PyResult<B, String> {
    let (big, mut pos) = match (order, data) {
        (Some(big), _) => (big, 0),
        (None, [0xff, 0xfe, ..]) => (false, 2),
        (None, [0xfe, 0xff, ..]) => (true, 2),
        (None, _) => (false, 0),
    };
    let name = if big { "utf-16-be" } else { "utf-16-le" };
    let unit = |i: usize| -> Option<u32> {
        let b = data.get(i..i + 2)?;
        let pair = [*b.first()?, *b.get(1)?];
        Some(if big { u16::from_be_bytes(pair) } else { u16::from_le_bytes(pair) } as u32)
    };
    let mut out = String::with_capacity(data.len() / 2);
    let len = data.len();
    while pos < len {
        let Some(u) = unit(pos) else {
            decode_error(ctx, name, data, pos, len, "truncated data", errors, &mut out)?;
            break;
        };
        if !(0xd800..0xe000).contains(&u) {
            out.extend(char::from_u32(u));
            pos += 2;
            continue;
        }
        if u >= 0xdc00 {
            decode_error(ctx, name, data, pos, pos + 2, "illegal encoding", errors, &mut out)?;
            pos += 2;
            continue;
        }
        let Some(low) = unit(pos + 2) else {
            decode_error(ctx, name, data, pos, len, "unexpected end of data", errors, &mut out)?;
            break;
        };
        if !(0xdc00..0xe000).contains(&low) {
            let reason = "illegal UTF-16 surrogate";
            decode_error(ctx, name, data, pos, pos + 2, reason, errors, &mut out)?;
            pos += 2;
            continue;
        }
        out.extend(char::from_u32(0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00)));
        pos += 4;
    }
    Ok(out)
}

fn decode_utf32<B: Backend>(
    ctx: &Ctx<'_, B>,
    data: &[u8],
    order: Option<bool>,
    errors: &str,
) -> PyResult<B, String> {
    let (big, mut pos) = match (order, data) {
        (Some(big), _) => (big, 0),
        (None, [0xff, 0xfe, 0, 0, ..]) => (false, 4),
        (None, [0, 0, 0xfe, 0xff, ..]) => (true, 4),
        (None, _) => (false, 0),
    };
    let name = if big { "utf-32-be" } else { "utf-32-le" };
    let mut out = String::with_capacity(data.len() / 4);
    let len = data.len();
    while pos < len {
        let Some(&[a, b, c, d]) = data.get(pos..pos + 4) else {
            decode_error(ctx, name, data, pos, len, "truncated data", errors, &mut out)?;
            break;
        };
        let u =
            if big { u32::from_be_bytes([a, b, c, d]) } else { u32::from_le_bytes([a, b, c, d]) };
        match char::from_u32(u) {
            Some(ch) => out.push(ch),
            None => {
                let reason = if u > 0x10ffff {
                    "code point not in range(0x110000)"
                } else {
                    "code point in surrogate code point range(0xd800, 0xe000)"
                };
                decode_error(ctx, name, data, pos, pos + 4, reason, errors, &mut out)?;
            }
        }
        pos += 4;
    }
    Ok(out)
}

/// `data.decode(codec, errors)`.
pub fn decode<B: Backend>(
    ctx: &Ctx<'_, B>,
    data: &[u8],
    codec: Codec,
    errors: &str,
) -> PyResult<B, String> {
    match codec {
        Codec::Utf8 => decode_utf8(ctx, data, errors),
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            if data.is_ascii() {
                return Ok(data.iter().map(|&b| b as char).collect());
            }
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b.is_ascii() {
                    out.push(b as char);
                } else {
                    let reason = "ordinal not in range(128)";
                    decode_error(ctx, "ascii", data, i, i + 1, reason, errors, &mut out)?;
                }
            }
            Ok(out)
        }
        Codec::Utf16(order) => decode_utf16(ctx, data, order, errors),
        Codec::Utf32(order) => decode_utf32(ctx, data, order, errors),
    }
}

/// `data.decode(encoding, errors)` by encoding name, raising `LookupError` for an unknown one
/// (for `str(b, encoding)` and `bytes.decode`).
pub fn decode_named<B: Backend>(
    ctx: &Ctx<'_, B>,
    data: &[u8],
    encoding: &str,
    errors: &str,
) -> PyResult<B, String> {
    let codec = lookup_codec(encoding).ok_or_else(|| unknown_encoding(ctx, encoding))?;
    decode(ctx, data, codec, errors)
}

fn bytes_decode<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, data) = recv(ctx, &args, "decode")?;
    let p = args_of(ctx, &args, "decode", Sig::Keywords(&["encoding", "errors"]))?;
    let encoding = text_param(ctx, p.get(0), "decode", "encoding")?.unwrap_or("utf-8");
    let errors = text_param(ctx, p.get(1), "decode", "errors")?.unwrap_or("strict");
    let s = decode_named(ctx, data, encoding, errors)?;
    Ok(ctx.vm.str(s))
}

// ---------------------------------------------------------------------------------------------
// The methods.
// ---------------------------------------------------------------------------------------------

fn bytes_hex<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, data) = recv(ctx, &args, "hex")?;
    let p = args_of(ctx, &args, "hex", Sig::Keywords(&["sep", "bytes_per_sep"]))?;
    let sep = match p.get(0) {
        None => None,
        Some(v) => {
            let c = match &v.payload {
                Payload::Str(s) => {
                    let mut cs = s.as_str().chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) => c as u32,
                        _ => return Err(ctx.value_error("sep must be length 1.")),
                    }
                }
                Payload::Bytes(b) => match &b[..] {
                    [c] => *c as u32,
                    _ => return Err(ctx.value_error("sep must be length 1.")),
                },
                _ => {
                    return Err(ctx.type_error(format!(
                        "object of type '{}' has no len()",
                        type_name(ctx.vm, v)
                    )));
                }
            };
            match u8::try_from(c) {
                Ok(c) if c.is_ascii() => Some(c as char),
                _ => return Err(ctx.value_error("sep must be ASCII.")),
            }
        }
    };
    let per = match p.get(1) {
        Some(v) => c_int_arg(ctx, v)?,
        None => 1,
    };
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(data.len() * 3);
    let group = per.unsigned_abs() as usize;
    // Bytes before the first separator: groups are counted from the right when `per > 0`.
    let first = match sep {
        Some(_) if group > 0 && per > 0 => match data.len() % group {
            0 => group,
            r => r,
        },
        _ => group,
    };
    for (i, &b) in data.iter().enumerate() {
        if let Some(s) = sep
            && group > 0
            && i > 0
            && i >= first
            && (i - first) % group == 0
        {
            out.push(s);
        }
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    Ok(ctx.vm.str(out))
}

/// `bytes.fromhex(string)` (a class method: the first argument is the class).
fn bytes_fromhex<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let p = args_of(ctx, &args, "fromhex", Sig::One)?;
    let v = p.req(ctx, 0)?;
    let Payload::Str(s) = &v.payload else {
        return Err(
            ctx.type_error(format!("fromhex() argument must be str, not {}", type_name(ctx.vm, v)))
        );
    };
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    let bad = |i: usize| {
        ctx.value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}"))
    };
    let is_ws = |c: char| c.is_ascii() && is_space(c as u8);
    while i < chars.len() {
        if chars.get(i).is_some_and(|&c| is_ws(c)) {
            while chars.get(i).is_some_and(|&c| is_ws(c)) {
                i += 1;
            }
            if i >= chars.len() {
                break;
            }
        }
        let Some(hi) = chars.get(i).and_then(|c| c.to_digit(16)) else { return Err(bad(i)) };
        i += 1;
        let Some(lo) = chars.get(i).and_then(|c| c.to_digit(16)) else { return Err(bad(i)) };
        i += 1;
        out.push((hi * 16 + lo) as u8);
    }
    Ok(new_bytes::<B>(out))
}

fn split_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    right: bool,
) -> PyResult<B> {
    let (_, data) = recv(ctx, &args, name)?;
    let p = args_of(ctx, &args, name, Sig::Keywords(&["sep", "maxsplit"]))?;
    let sep = match p.get(0) {
        Some(v) if !matches!(v.payload, Payload::None) => Some(bytes_arg(ctx, v)?),
        _ => None,
    };
    let maxsplit = match p.get(1) {
        Some(v) => index_arg(ctx, v)?,
        None => -1,
    };
    let max = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let parts = match sep {
        None if right => rsplit_whitespace(data, max),
        None => split_whitespace(data, max),
        Some([]) => return Err(ctx.value_error("empty separator")),
        Some(sep) if right => rsplit_sub(data, sep, max),
        Some(sep) => split_sub(data, sep, max),
    };
    Ok(bytes_list(ctx.vm, parts))
}

fn bytes_split<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    split_impl(ctx, args, "split", false)
}

fn bytes_rsplit<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    split_impl(ctx, args, "rsplit", true)
}

fn bytes_splitlines<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, data) = recv(ctx, &args, "splitlines")?;
    let p = args_of(ctx, &args, "splitlines", Sig::Keywords(&["keepends"]))?;
    let keepends = match p.get(0) {
        Some(v) => index_arg(ctx, v)? != 0,
        None => false,
    };
    let mut parts = Vec::new();
    let (mut start, mut i) = (0, 0);
    while let Some(&b) = data.get(i) {
        if b != b'\n' && b != b'\r' {
            i += 1;
            continue;
        }
        let mut after = i + 1;
        if b == b'\r' && data.get(after) == Some(&b'\n') {
            after += 1;
        }
        parts.push(data.get(start..if keepends { after } else { i }).unwrap_or(&[]));
        start = after;
        i = after;
    }
    if start < data.len() {
        parts.push(data.get(start..).unwrap_or(&[]));
    }
    Ok(bytes_list(ctx.vm, parts))
}

fn bytes_join<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, sep) = recv(ctx, &args, "join")?;
    let p = args_of(ctx, &args, "join", Sig::One)?;
    let items = join_items(ctx, p.req(ctx, 0)?)?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Payload::Bytes(b) = &it.payload else {
            return Err(ctx.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                type_name(ctx.vm, it)
            )));
        };
        if i > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(b);
    }
    Ok(new_bytes::<B>(out))
}

fn strip_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    left: bool,
    right: bool,
) -> PyResult<B> {
    let (o, data) = recv(ctx, &args, name)?;
    let p = args_of(ctx, &args, name, Sig::Positional(0, 1))?;
    let set = match p.get(0) {
        Some(v) if !matches!(v.payload, Payload::None) => Some(bytes_arg(ctx, v)?),
        _ => None,
    };
    let strip = |b: &u8| match set {
        None => is_space(*b),
        Some(set) => set.contains(b),
    };
    let mut r = data;
    if left {
        let n = r.iter().take_while(|b| strip(b)).count();
        r = r.get(n..).unwrap_or(&[]);
    }
    if right {
        let n = r.iter().rev().take_while(|b| strip(b)).count();
        r = r.get(..r.len() - n).unwrap_or(&[]);
    }
    if r.len() == data.len() {
        return Ok(o.clone());
    }
    Ok(new_bytes::<B>(r))
}

fn bytes_strip<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    strip_impl(ctx, args, "strip", true, true)
}

fn bytes_lstrip<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    strip_impl(ctx, args, "lstrip", true, false)
}

fn bytes_rstrip<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    strip_impl(ctx, args, "rstrip", false, true)
}

fn tail_match(data: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    let Some((a, b)) = adjust(start, end, data.len()) else { return false };
    let w = data.get(a..b).unwrap_or(&[]);
    if at_end { w.ends_with(sub) } else { w.starts_with(sub) }
}

fn affix_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    at_end: bool,
) -> PyResult<B> {
    let (_, data) = recv(ctx, &args, name)?;
    let p = args_of(ctx, &args, name, Sig::Varargs(1, 3))?;
    let start = slice_index(ctx, p.get(1))?;
    let end = slice_index(ctx, p.get(2))?;
    let what = p.req(ctx, 0)?;
    let r = match &what.payload {
        Payload::Bytes(sub) => tail_match(data, sub, start, end, at_end),
        Payload::Tuple(items) => {
            let mut found = false;
            for it in items.iter() {
                if tail_match(data, bytes_arg(ctx, it)?, start, end, at_end) {
                    found = true;
                    break;
                }
            }
            found
        }
        _ => {
            return Err(ctx.type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                type_name(ctx.vm, what)
            )));
        }
    };
    Ok(ctx.vm.bool(r))
}

fn bytes_startswith<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    affix_impl(ctx, args, "startswith", false)
}

fn bytes_endswith<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    affix_impl(ctx, args, "endswith", true)
}

/// What `find`/`index`/`count` look for, and where.
struct Search {
    /// The bytes to find.
    sub: Vec<u8>,
    /// The `[start, end)` window, `None` when it is empty because `start > end`.
    range: Option<(usize, usize)>,
}

/// Parses the arguments of `find`/`index`/`count` against data of length `len`.
fn search_args<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: &Args<'_, B>,
    name: &str,
    len: usize,
) -> PyResult<B, Search> {
    let p = args_of(ctx, args, name, Sig::Varargs(1, 3))?;
    let start = slice_index(ctx, p.get(1))?;
    let end = slice_index(ctx, p.get(2))?;
    let sub = needle(ctx, p.req(ctx, 0)?)?;
    Ok(Search { sub, range: adjust(start, end, len) })
}

fn find_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    right: bool,
    raise: bool,
) -> PyResult<B> {
    let (_, data) = recv(ctx, &args, name)?;
    let Search { sub, range } = search_args(ctx, &args, name, data.len())?;
    let found = range.and_then(|(a, b)| {
        let w = data.get(a..b)?;
        let i = if right { rfind_sub(w, &sub) } else { find_sub(w, &sub) }?;
        Some(a + i)
    });
    match found {
        Some(i) => Ok(ctx.vm.int(i as i64)),
        None if raise => Err(ctx.value_error("subsection not found")),
        None => Ok(ctx.vm.int(-1)),
    }
}

fn bytes_find<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    find_impl(ctx, args, "find", false, false)
}

fn bytes_rfind<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    find_impl(ctx, args, "rfind", true, false)
}

fn bytes_index<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    find_impl(ctx, args, "index", false, true)
}

fn bytes_rindex<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    find_impl(ctx, args, "rindex", true, true)
}

fn bytes_count<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, data) = recv(ctx, &args, "count")?;
    let Search { sub, range } = search_args(ctx, &args, "count", data.len())?;
    let n = match range {
        None => 0,
        Some((a, b)) if sub.is_empty() => b - a + 1,
        Some((a, b)) => count_sub(data.get(a..b).unwrap_or(&[]), &sub, usize::MAX),
    };
    Ok(ctx.vm.int(n as i64))
}

fn bytes_replace<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, data) = recv(ctx, &args, "replace")?;
    let p = args_of(ctx, &args, "replace", Sig::Positional(2, 3))?;
    let old = bytes_arg(ctx, p.req(ctx, 0)?)?;
    let new = bytes_arg(ctx, p.req(ctx, 1)?)?;
    let count = match p.get(2) {
        Some(v) => index_arg(ctx, v)?,
        None => -1,
    };
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    let hits =
        if old.is_empty() { (data.len() + 1).min(limit) } else { count_sub(data, old, limit) };
    if hits == 0 {
        return Ok(o.clone());
    }
    let size = new
        .len()
        .checked_mul(hits)
        .and_then(|n| n.checked_add(data.len()))
        .filter(|&n| n <= isize::MAX as usize / 2);
    let Some(size) = size else { return Err(too_long(ctx)) };
    let mut out = Vec::with_capacity(size);
    if old.is_empty() {
        for (i, &b) in data.iter().enumerate() {
            if i < hits {
                out.extend_from_slice(new);
            }
            out.push(b);
        }
        if hits > data.len() {
            out.extend_from_slice(new);
        }
    } else {
        let mut pos = 0;
        for _ in 0..hits {
            let Some(i) = data.get(pos..).and_then(|rest| find_sub(rest, old)) else { break };
            out.extend_from_slice(data.get(pos..pos + i).unwrap_or(&[]));
            out.extend_from_slice(new);
            pos += i + old.len();
        }
        out.extend_from_slice(data.get(pos..).unwrap_or(&[]));
    }
    Ok(new_bytes::<B>(out))
}

fn map_bytes<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    f: fn(&[u8]) -> Vec<u8>,
) -> PyResult<B> {
    let (_, data) = recv(ctx, &args, name)?;
    args_of(ctx, &args, name, Sig::NoArgs)?;
    Ok(new_bytes::<B>(f(data)))
}

fn bytes_upper<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_bytes(ctx, args, "upper", |d| d.to_ascii_uppercase())
}

fn bytes_lower<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_bytes(ctx, args, "lower", |d| d.to_ascii_lowercase())
}

fn bytes_capitalize<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_bytes(ctx, args, "capitalize", |d| {
        d.iter()
            .enumerate()
            .map(|(i, b)| if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() })
            .collect()
    })
}

fn bytes_swapcase<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_bytes(ctx, args, "swapcase", |d| {
        d.iter()
            .map(|b| {
                if b.is_ascii_uppercase() { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() }
            })
            .collect()
    })
}

fn bytes_title<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_bytes(ctx, args, "title", |d| {
        let mut prev_cased = false;
        d.iter()
            .map(|&b| {
                let r = if prev_cased { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
                prev_cased = b.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn predicate<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    f: fn(&[u8]) -> bool,
) -> PyResult<B> {
    let (_, data) = recv(ctx, &args, name)?;
    args_of(ctx, &args, name, Sig::NoArgs)?;
    Ok(ctx.vm.bool(f(data)))
}

fn bytes_isdigit<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isdigit", |d| !d.is_empty() && d.iter().all(u8::is_ascii_digit))
}

fn bytes_isalpha<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isalpha", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic))
}

fn bytes_isalnum<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isalnum", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric))
}

fn bytes_isspace<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isspace", |d| !d.is_empty() && d.iter().all(|&b| is_space(b)))
}

fn bytes_isascii<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isascii", |d| d.is_ascii())
}

fn bytes_isupper<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isupper", |d| {
        d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
    })
}

fn bytes_islower<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "islower", |d| {
        d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
    })
}

fn bytes_istitle<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "istitle", |d| {
        let (mut cased, mut prev_cased) = (false, false);
        for b in d {
            if b.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if b.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

fn partition_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    right: bool,
) -> PyResult<B> {
    let (o, data) = recv(ctx, &args, name)?;
    let p = args_of(ctx, &args, name, Sig::One)?;
    let sep_obj = p.req(ctx, 0)?;
    let sep = bytes_arg(ctx, sep_obj)?;
    if sep.is_empty() {
        return Err(ctx.value_error("empty separator"));
    }
    let vm = ctx.vm;
    let empty = || new_bytes::<B>(Vec::new());
    let found = if right { rfind_sub(data, sep) } else { find_sub(data, sep) };
    let parts = match found {
        Some(i) => vec![
            new_bytes::<B>(data.get(..i).unwrap_or(&[])),
            sep_obj.clone(),
            new_bytes::<B>(data.get(i + sep.len()..).unwrap_or(&[])),
        ],
        None if right => vec![empty(), empty(), o.clone()],
        None => vec![o.clone(), empty(), empty()],
    };
    Ok(vm.tuple(parts))
}

fn bytes_partition<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    partition_impl(ctx, args, "partition", false)
}

fn bytes_rpartition<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    partition_impl(ctx, args, "rpartition", true)
}

fn affix_remove<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    suffix: bool,
) -> PyResult<B> {
    let (o, data) = recv(ctx, &args, name)?;
    let p = args_of(ctx, &args, name, Sig::One)?;
    let a = bytes_arg(ctx, p.req(ctx, 0)?)?;
    let r = if suffix { data.strip_suffix(a) } else { data.strip_prefix(a) };
    match r {
        Some(r) if !a.is_empty() => Ok(new_bytes::<B>(r)),
        _ => Ok(o.clone()),
    }
}

fn bytes_removeprefix<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    affix_remove(ctx, args, "removeprefix", false)
}

fn bytes_removesuffix<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    affix_remove(ctx, args, "removesuffix", true)
}

/// `data` padded with `fill` to `width` bytes; `left` of the padding goes before it.
fn pad<B: Backend>(
    ctx: &Ctx<'_, B>,
    data: &[u8],
    width: i64,
    fill: u8,
    left: impl FnOnce(usize) -> usize,
) -> PyResult<B, Option<Vec<u8>>> {
    let len = data.len() as i64;
    if width <= len {
        return Ok(None);
    }
    let marg = (width - len) as usize;
    let mut out = Vec::new();
    if width as u64 > isize::MAX as u64 / 2 || out.try_reserve(width as usize).is_err() {
        return Err(too_long(ctx));
    }
    let l = left(marg);
    out.extend(std::iter::repeat_n(fill, l));
    out.extend_from_slice(data);
    out.extend(std::iter::repeat_n(fill, marg - l));
    Ok(Some(out))
}

#[derive(Clone, Copy)]
enum Pad {
    Left,
    Right,
    Center,
}

fn pad_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    how: Pad,
) -> PyResult<B> {
    let (o, data) = recv(ctx, &args, name)?;
    let p = args_of(ctx, &args, name, Sig::Positional(1, 2))?;
    let width = index_arg(ctx, p.req(ctx, 0)?)?;
    let fill = match p.get(1) {
        None => b' ',
        Some(v) => match &v.payload {
            Payload::Bytes(f) if f.len() == 1 => f.first().copied().unwrap_or(b' '),
            _ => {
                return Err(ctx.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    type_name(ctx.vm, v)
                )));
            }
        },
    };
    let left = |marg: usize| match how {
        Pad::Left => 0,
        Pad::Right => marg,
        Pad::Center => marg / 2 + (marg & (width as usize) & 1),
    };
    match pad(ctx, data, width, fill, left)? {
        Some(out) => Ok(new_bytes::<B>(out)),
        None => Ok(o.clone()),
    }
}

fn bytes_center<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pad_impl(ctx, args, "center", Pad::Center)
}

fn bytes_ljust<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pad_impl(ctx, args, "ljust", Pad::Left)
}

fn bytes_rjust<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pad_impl(ctx, args, "rjust", Pad::Right)
}

fn bytes_zfill<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, data) = recv(ctx, &args, "zfill")?;
    let p = args_of(ctx, &args, "zfill", Sig::One)?;
    let width = index_arg(ctx, p.req(ctx, 0)?)?;
    let Some(mut out) = pad(ctx, data, width, b'0', |m| m)? else { return Ok(o.clone()) };
    let fill = (width - data.len() as i64) as usize;
    if let Some(&sign @ (b'+' | b'-')) = out.get(fill) {
        if let Some(x) = out.get_mut(fill) {
            *x = b'0';
        }
        if let Some(x) = out.first_mut() {
            *x = sign;
        }
    }
    Ok(new_bytes::<B>(out))
}

fn bytes_expandtabs<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, data) = recv(ctx, &args, "expandtabs")?;
    let p = args_of(ctx, &args, "expandtabs", Sig::Keywords(&["tabsize"]))?;
    let tabsize = match p.get(0) {
        Some(v) => c_int_arg(ctx, v)?,
        None => 8,
    };
    let mut out = Vec::with_capacity(data.len());
    let mut column: i64 = 0;
    for &b in data {
        if b == b'\t' {
            if tabsize > 0 {
                let incr = tabsize - column % tabsize;
                column += incr;
                if out.len() as i64 + incr > isize::MAX as i64 / 2 {
                    return Err(too_long(ctx));
                }
                out.extend(std::iter::repeat_n(b' ', incr as usize));
            }
        } else {
            column += 1;
            out.push(b);
            if b == b'\n' || b == b'\r' {
                column = 0;
            }
        }
    }
    Ok(new_bytes::<B>(out))
}

fn bytes_translate<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, data) = recv(ctx, &args, "translate")?;
    let p = args_of(ctx, &args, "translate", Sig::Keywords(&["table", "delete"]))?;
    let table = match p.get(0) {
        Some(v) if !matches!(v.payload, Payload::None) => {
            let t = bytes_arg(ctx, v)?;
            if t.len() != 256 {
                return Err(ctx.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
        _ => None,
    };
    let delete = match p.get(1) {
        Some(v) => bytes_arg(ctx, v)?,
        None => &[],
    };
    if table.is_none() && delete.is_empty() {
        return Ok(o.clone());
    }
    let out: Vec<u8> = data
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.and_then(|t| t.get(b as usize).copied()).unwrap_or(b))
        .collect();
    Ok(new_bytes::<B>(out))
}

/// `bytes.maketrans(from, to)` (a static method: no `self`).
fn bytes_maketrans<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("maketrans() takes no keyword arguments"));
    }
    let [from, to] = args.positional() else {
        let n = args.positional().len();
        return Err(ctx.type_error(format!("maketrans expected 2 arguments, got {n}")));
    };
    let from = bytes_arg(ctx, from)?;
    let to = bytes_arg(ctx, to)?;
    if from.len() != to.len() {
        return Err(ctx.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in from.iter().zip(to) {
        if let Some(slot) = table.get_mut(f as usize) {
            *slot = t;
        }
    }
    Ok(new_bytes::<B>(table))
}
