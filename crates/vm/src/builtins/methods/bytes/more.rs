//! The `bytes` methods: case, predicates, padding, partitioning, translation.

#[allow(unused_imports)]
use super::*;
pub(super) fn map_bytes<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    f: fn(&[u8]) -> Vec<u8>,
) -> PyResult<B> {
    let (_, data) = recv(ctx, &args, name)?;
    args_of(ctx, &args, name, Sig::NoArgs)?;
    Ok(new_bytes::<B>(f(data)))
}

pub(super) fn bytes_upper<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_bytes(ctx, args, "upper", |d| d.to_ascii_uppercase())
}

pub(super) fn bytes_lower<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_bytes(ctx, args, "lower", |d| d.to_ascii_lowercase())
}

pub(super) fn bytes_capitalize<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_bytes(ctx, args, "capitalize", |d| {
        d.iter()
            .enumerate()
            .map(|(i, b)| if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() })
            .collect()
    })
}

pub(super) fn bytes_swapcase<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_bytes(ctx, args, "swapcase", |d| {
        d.iter()
            .map(|b| {
                if b.is_ascii_uppercase() { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() }
            })
            .collect()
    })
}

pub(super) fn bytes_title<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
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

pub(super) fn predicate<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    f: fn(&[u8]) -> bool,
) -> PyResult<B> {
    let (_, data) = recv(ctx, &args, name)?;
    args_of(ctx, &args, name, Sig::NoArgs)?;
    Ok(ctx.vm.bool(f(data)))
}

pub(super) fn bytes_isdigit<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isdigit", |d| !d.is_empty() && d.iter().all(u8::is_ascii_digit))
}

pub(super) fn bytes_isalpha<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isalpha", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic))
}

pub(super) fn bytes_isalnum<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isalnum", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric))
}

pub(super) fn bytes_isspace<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isspace", |d| !d.is_empty() && d.iter().all(|&b| is_space(b)))
}

pub(super) fn bytes_isascii<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isascii", |d| d.is_ascii())
}

pub(super) fn bytes_isupper<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isupper", |d| {
        d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
    })
}

pub(super) fn bytes_islower<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "islower", |d| {
        d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
    })
}

pub(super) fn bytes_istitle<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
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

pub(super) fn partition_impl<B: Backend>(
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

pub(super) fn bytes_partition<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    partition_impl(ctx, args, "partition", false)
}

pub(super) fn bytes_rpartition<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    partition_impl(ctx, args, "rpartition", true)
}

pub(super) fn affix_remove<B: Backend>(
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

pub(super) fn bytes_removeprefix<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
) -> PyResult<B> {
    affix_remove(ctx, args, "removeprefix", false)
}

pub(super) fn bytes_removesuffix<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
) -> PyResult<B> {
    affix_remove(ctx, args, "removesuffix", true)
}

/// `data` padded with `fill` to `width` bytes; `left` of the padding goes before it.
pub(super) fn pad<B: Backend>(
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
pub(super) enum Pad {
    Left,
    Right,
    Center,
}

pub(super) fn pad_impl<B: Backend>(
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

pub(super) fn bytes_center<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pad_impl(ctx, args, "center", Pad::Center)
}

pub(super) fn bytes_ljust<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pad_impl(ctx, args, "ljust", Pad::Left)
}

pub(super) fn bytes_rjust<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pad_impl(ctx, args, "rjust", Pad::Right)
}

pub(super) fn bytes_zfill<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
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

pub(super) fn bytes_expandtabs<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
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

pub(super) fn bytes_translate<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
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
pub(super) fn bytes_maketrans<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
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
