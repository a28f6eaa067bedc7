//! The `bytes` methods: decoding, hex, splitting, joining, stripping, searching.

#[allow(unused_imports)]
use super::*;

pub(super) fn bytes_hex<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
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
pub(super) fn bytes_fromhex<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
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

pub(super) fn split_impl<B: Backend>(
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

pub(super) fn bytes_split<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    split_impl(ctx, args, "split", false)
}

pub(super) fn bytes_rsplit<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    split_impl(ctx, args, "rsplit", true)
}

pub(super) fn bytes_splitlines<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
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

pub(super) fn bytes_join<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
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

pub(super) fn strip_impl<B: Backend>(
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

pub(super) fn bytes_strip<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    strip_impl(ctx, args, "strip", true, true)
}

pub(super) fn bytes_lstrip<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    strip_impl(ctx, args, "lstrip", true, false)
}

pub(super) fn bytes_rstrip<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    strip_impl(ctx, args, "rstrip", false, true)
}

pub(super) fn tail_match(
    data: &[u8],
    sub: &[u8],
    start: Option<i64>,
    end: Option<i64>,
    at_end: bool,
) -> bool {
    let Some((a, b)) = adjust(start, end, data.len()) else { return false };
    let w = data.get(a..b).unwrap_or(&[]);
    if at_end { w.ends_with(sub) } else { w.starts_with(sub) }
}

pub(super) fn affix_impl<B: Backend>(
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

pub(super) fn bytes_startswith<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    affix_impl(ctx, args, "startswith", false)
}

pub(super) fn bytes_endswith<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    affix_impl(ctx, args, "endswith", true)
}

/// What `find`/`index`/`count` look for, and where.
pub(super) struct Search {
    /// The bytes to find.
    sub: Vec<u8>,
    /// The `[start, end)` window, `None` when it is empty because `start > end`.
    range: Option<(usize, usize)>,
}

/// Parses the arguments of `find`/`index`/`count` against data of length `len`.
pub(super) fn search_args<B: Backend>(
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

pub(super) fn find_impl<B: Backend>(
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

pub(super) fn bytes_find<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    find_impl(ctx, args, "find", false, false)
}

pub(super) fn bytes_rfind<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    find_impl(ctx, args, "rfind", true, false)
}

pub(super) fn bytes_index<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    find_impl(ctx, args, "index", false, true)
}

pub(super) fn bytes_rindex<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    find_impl(ctx, args, "rindex", true, true)
}

pub(super) fn bytes_count<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, data) = recv(ctx, &args, "count")?;
    let Search { sub, range } = search_args(ctx, &args, "count", data.len())?;
    let n = match range {
        None => 0,
        Some((a, b)) if sub.is_empty() => b - a + 1,
        Some((a, b)) => count_sub(data.get(a..b).unwrap_or(&[]), &sub, usize::MAX),
    };
    Ok(ctx.vm.int(n as i64))
}

pub(super) fn bytes_replace<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
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
