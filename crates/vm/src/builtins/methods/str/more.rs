//! The `str` methods: predicates, padding, partitioning, translation and the rest.

#[allow(unused_imports)]
use super::*;
pub(super) fn predicate<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    f: fn(&str) -> bool,
) -> PyResult<B> {
    let (_, s) = recv(ctx, &args, name)?;
    parse(ctx, &args, "str", name, Sig::NoArgs)?;
    Ok(ctx.vm.bool(f(s)))
}

pub(super) fn all_of(s: &str, f: fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

pub(super) fn str_isdigit<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isdigit", |s| all_of(s, is_digit))
}

pub(super) fn str_isalpha<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isalpha", |s| all_of(s, is_alpha))
}

pub(super) fn str_isalnum<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isalnum", |s| all_of(s, |c| is_alpha(c) || is_numeric(c)))
}

pub(super) fn str_isspace<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isspace", |s| all_of(s, is_space))
}

pub(super) fn str_isdecimal<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isdecimal", |s| all_of(s, is_decimal))
}

pub(super) fn str_isnumeric<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isnumeric", |s| all_of(s, is_numeric))
}

pub(super) fn str_isascii<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isascii", |s| s.is_ascii())
}

pub(super) fn str_isprintable<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isprintable", |s| s.chars().all(crate::fmt::is_printable))
}

pub(super) fn str_isidentifier<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isidentifier", |s| {
        let mut cs = s.chars();
        cs.next().is_some_and(is_id_start) && cs.all(is_id_continue)
    })
}

pub(super) fn str_isupper<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "isupper", |s| {
        let mut cased = false;
        for c in s.chars() {
            if is_lower(c) || is_title_char(c) {
                return false;
            }
            cased |= is_upper(c);
        }
        cased
    })
}

pub(super) fn str_islower<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "islower", |s| {
        let mut cased = false;
        for c in s.chars() {
            if is_upper(c) || is_title_char(c) {
                return false;
            }
            cased |= is_lower(c);
        }
        cased
    })
}

pub(super) fn str_istitle<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    predicate(ctx, args, "istitle", |s| {
        let mut cased = false;
        let mut prev_cased = false;
        for c in s.chars() {
            if is_upper(c) || is_title_char(c) {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if is_lower(c) {
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

#[derive(Clone, Copy)]
pub(super) enum Pad {
    Left,
    Right,
    Center,
}

/// `s` padded with `fill` to `width` code points (`ljust`, `rjust`, `center`).
pub(super) fn padded<B: Backend>(
    ctx: &Ctx<'_, B>,
    s: &str,
    width: i64,
    fill: char,
    how: Pad,
) -> PyResult<B, Option<String>> {
    let len = cp_len(s) as i64;
    if width <= len {
        return Ok(None);
    }
    let marg = width - len;
    let left = match how {
        Pad::Left => 0,
        Pad::Right => marg,
        Pad::Center => marg / 2 + (marg & width & 1),
    };
    let right = marg - left;
    let bytes = (marg as u64)
        .checked_mul(fill.len_utf8() as u64)
        .and_then(|b| b.checked_add(s.len() as u64));
    let mut out = String::new();
    if bytes.is_none_or(|b| b > isize::MAX as u64 / 2)
        || out.try_reserve(bytes.unwrap_or(0) as usize).is_err()
    {
        return Err(too_long(ctx));
    }
    out.extend(std::iter::repeat_n(fill, left as usize));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right as usize));
    Ok(Some(out))
}

pub(super) fn pad_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    how: Pad,
) -> PyResult<B> {
    let (o, s) = recv(ctx, &args, name)?;
    let p = parse(ctx, &args, "str", name, Sig::Positional(1, 2))?;
    let width = index_arg(ctx, p.req(ctx, 0)?)?;
    let fill = match p.get(1) {
        None => ' ',
        Some(v) => match &v.payload {
            Payload::Str(f) => {
                let mut cs = f.as_str().chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => c,
                    _ => {
                        return Err(
                            ctx.type_error("The fill character must be exactly one character long")
                        );
                    }
                }
            }
            _ => {
                return Err(ctx.type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    type_name(ctx.vm, v)
                )));
            }
        },
    };
    match padded(ctx, s, width, fill, how)? {
        Some(out) => Ok(ctx.vm.str(out)),
        None => Ok(o.clone()),
    }
}

pub(super) fn str_center<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pad_impl(ctx, args, "center", Pad::Center)
}

pub(super) fn str_ljust<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pad_impl(ctx, args, "ljust", Pad::Left)
}

pub(super) fn str_rjust<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pad_impl(ctx, args, "rjust", Pad::Right)
}

pub(super) fn str_zfill<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, s) = recv(ctx, &args, "zfill")?;
    let p = parse(ctx, &args, "str", "zfill", Sig::One)?;
    let width = index_arg(ctx, p.req(ctx, 0)?)?;
    let Some(out) = padded(ctx, s, width, '0', Pad::Right)? else { return Ok(o.clone()) };
    // A sign that ended up after the zeros moves to the front.
    let fill = (width - cp_len(s) as i64) as usize;
    let out = match out.as_bytes().get(fill) {
        Some(&sign @ (b'+' | b'-')) => {
            let mut v = out.into_bytes();
            v[fill] = b'0';
            v[0] = sign;
            String::from_utf8(v).unwrap_or_default()
        }
        _ => out,
    };
    Ok(ctx.vm.str(out))
}

pub(super) fn partition_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    right: bool,
) -> PyResult<B> {
    let (o, s) = recv(ctx, &args, name)?;
    let p = parse(ctx, &args, "str", name, Sig::One)?;
    let sep_obj = p.req(ctx, 0)?;
    let sep = str_arg(ctx, sep_obj, "")?;
    if sep.is_empty() {
        return Err(ctx.value_error("empty separator"));
    }
    let vm = ctx.vm;
    let found = if right { s.rfind(sep) } else { s.find(sep) };
    let parts = match found {
        Some(i) => vec![
            vm.str(s.get(..i).unwrap_or("")),
            sep_obj.clone(),
            vm.str(s.get(i + sep.len()..).unwrap_or("")),
        ],
        None if right => vec![vm.str(""), vm.str(""), o.clone()],
        None => vec![o.clone(), vm.str(""), vm.str("")],
    };
    Ok(vm.tuple(parts))
}

pub(super) fn str_partition<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    partition_impl(ctx, args, "partition", false)
}

pub(super) fn str_rpartition<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    partition_impl(ctx, args, "rpartition", true)
}

pub(super) fn str_expandtabs<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, s) = recv(ctx, &args, "expandtabs")?;
    let p = parse(ctx, &args, "str", "expandtabs", Sig::Keywords(&["tabsize"]))?;
    let tabsize = match p.get(0) {
        Some(v) => c_int_arg(ctx, v)?,
        None => 8,
    };
    if !s.contains('\t') {
        return Ok(o.clone());
    }
    let mut out = String::with_capacity(s.len());
    let mut column: i64 = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let incr = tabsize - column % tabsize;
                column += incr;
                if out.len() as i64 + incr > isize::MAX as i64 / 2 {
                    return Err(too_long(ctx));
                }
                out.extend(std::iter::repeat_n(' ', incr as usize));
            }
        } else {
            column += 1;
            out.push(c);
            if c == '\n' || c == '\r' {
                column = 0;
            }
        }
    }
    Ok(ctx.vm.str(out))
}

pub(super) fn affix_remove<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    suffix: bool,
) -> PyResult<B> {
    let (o, s) = recv(ctx, &args, name)?;
    let p = parse(ctx, &args, "str", name, Sig::One)?;
    let a = p.req(ctx, 0)?;
    let Payload::Str(a) = &a.payload else {
        return Err(
            ctx.type_error(format!("{name}() argument must be str, not {}", type_name(ctx.vm, a)))
        );
    };
    let a = a.as_str();
    let r = if suffix { s.strip_suffix(a) } else { s.strip_prefix(a) };
    match r {
        Some(r) if !a.is_empty() => Ok(ctx.vm.str(r)),
        _ => Ok(o.clone()),
    }
}

pub(super) fn str_removeprefix<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    affix_remove(ctx, args, "removeprefix", false)
}

pub(super) fn str_removesuffix<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    affix_remove(ctx, args, "removesuffix", true)
}

pub(super) fn str_translate<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, s) = recv(ctx, &args, "translate")?;
    let p = parse(ctx, &args, "str", "translate", Sig::One)?;
    let table = p.req(ctx, 0)?;
    let vm = ctx.vm;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let key = vm.int(c as i64);
        let v = match seq::getitem(ctx, table, &key) {
            Ok(v) => v,
            Err(e) if isinstance(vm, &e.0, &vm.core.exc.lookup_error) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match &v.payload {
            Payload::None => {}
            Payload::Str(t) => out.push_str(t.as_str()),
            Payload::Int(_) | Payload::Bool(_) | Payload::BigInt(_) => {
                let n = match &v.payload {
                    Payload::Int(i) => *i,
                    Payload::Bool(b) => *b as i64,
                    _ => -1,
                };
                match u32::try_from(n).ok().and_then(char::from_u32) {
                    Some(m) => out.push(m),
                    None => {
                        return Err(ctx.value_error("character mapping must be in range(0x110000)"));
                    }
                }
            }
            _ => {
                return Err(ctx.type_error("character mapping must return integer, None or str"));
            }
        }
    }
    Ok(vm.str(out))
}

/// `str.maketrans(x[, y[, z]])` (a static method: no `self`).
pub(super) fn str_maketrans<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let pos = args.positional();
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("maketrans() takes no keyword arguments"));
    }
    if pos.is_empty() || pos.len() > 3 {
        let q = if pos.is_empty() { "at least 1 argument" } else { "at most 3 arguments" };
        return Err(ctx.type_error(format!("maketrans expected {q}, got {}", pos.len())));
    }
    let vm = ctx.vm;
    let d = vm.dict(crate::object::dict::Dict::new());
    if let [x] = pos {
        let Payload::Dict(cell) = &x.payload else {
            return Err(
                ctx.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        let entries: Vec<_> = x.read(cell, |t| t.iter().cloned().collect());
        for e in entries {
            let key = match &e.key.payload {
                Payload::Str(k) => {
                    let mut cs = k.as_str().chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) => vm.int(c as i64),
                        _ => {
                            return Err(ctx.value_error(
                                "string keys in translate table must be of length 1",
                            ));
                        }
                    }
                }
                Payload::Int(_) | Payload::BigInt(_) | Payload::Bool(_) => e.key.clone(),
                _ => {
                    return Err(
                        ctx.type_error("keys in translate table must be strings or integers")
                    );
                }
            };
            dicts::set(ctx, &d, key, Some(e.value.unwrap_or_else(|| vm.core.none.clone())))?;
        }
        return Ok(d);
    }
    let [x, y, rest @ ..] = pos else { return Ok(d) };
    let x = str_arg(ctx, x, "maketrans() argument 1")?;
    let y = str_arg(ctx, y, "maketrans() argument 2")?;
    if cp_len(x) != cp_len(y) {
        return Err(ctx.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.chars().zip(y.chars()) {
        dicts::set(ctx, &d, vm.int(a as i64), Some(vm.int(b as i64)))?;
    }
    if let Some(z) = rest.first() {
        let z = str_arg(ctx, z, "maketrans() argument 3")?;
        for c in z.chars() {
            dicts::set(ctx, &d, vm.int(c as i64), Some(vm.core.none.clone()))?;
        }
    }
    Ok(d)
}

// ---------------------------------------------------------------------------------------------
