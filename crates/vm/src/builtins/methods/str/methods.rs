//! The `str` methods: joining, splitting, stripping, prefixes, replacing, case, searching.

#[allow(unused_imports)]
use super::*;

pub(super) fn str_join<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, sep) = recv(ctx, &args, "join")?;
    let p = parse(ctx, &args, "str", "join", Sig::One)?;
    let items = join_items(ctx, p.req(ctx, 0)?)?;
    if let [only] = items.as_slice()
        && matches!(only.payload, Payload::Str(_))
    {
        return Ok(only.clone());
    }
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        let Payload::Str(s) = &it.payload else {
            return Err(ctx.type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                type_name(ctx.vm, it)
            )));
        };
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(s.as_str());
    }
    Ok(ctx.vm.str(out))
}

pub(super) fn split_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    right: bool,
) -> PyResult<B> {
    let (_, s) = recv(ctx, &args, name)?;
    let p = parse(ctx, &args, "str", name, Sig::Keywords(&["sep", "maxsplit"]))?;
    let sep = match p.get(0) {
        None => None,
        Some(v) => match &v.payload {
            Payload::None => None,
            Payload::Str(t) => Some(t.as_str()),
            _ => {
                return Err(
                    ctx.type_error(format!("must be str or None, not {}", type_name(ctx.vm, v)))
                );
            }
        },
    };
    let maxsplit = match p.get(1) {
        Some(v) => index_arg(ctx, v)?,
        None => -1,
    };
    let max = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let parts = match sep {
        None if right => rsplit_whitespace(s, max),
        None => split_whitespace(s, max),
        Some("") => return Err(ctx.value_error("empty separator")),
        Some(sep) if right => {
            let mut v: Vec<&str> = s.rsplitn(max.saturating_add(1), sep).collect();
            v.reverse();
            v
        }
        Some(sep) => s.splitn(max.saturating_add(1), sep).collect(),
    };
    Ok(str_list(ctx.vm, parts))
}

pub(super) fn str_split<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    split_impl(ctx, args, "split", false)
}

pub(super) fn str_rsplit<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    split_impl(ctx, args, "rsplit", true)
}

pub(super) fn str_splitlines<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, s) = recv(ctx, &args, "splitlines")?;
    let p = parse(ctx, &args, "str", "splitlines", Sig::Keywords(&["keepends"]))?;
    let keepends = match p.get(0) {
        Some(v) => index_arg(ctx, v)? != 0,
        None => false,
    };
    let mut parts = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_linebreak(c) {
            continue;
        }
        let mut after = i + c.len_utf8();
        if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
            chars.next();
            after += 1;
        }
        parts.push(s.get(start..if keepends { after } else { i }).unwrap_or(""));
        start = after;
    }
    if start < s.len() {
        parts.push(s.get(start..).unwrap_or(""));
    }
    Ok(str_list(ctx.vm, parts))
}

pub(super) fn strip_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    left: bool,
    right: bool,
) -> PyResult<B> {
    let (o, s) = recv(ctx, &args, name)?;
    let p = parse(ctx, &args, "str", name, Sig::Positional(0, 1))?;
    let chars: Option<Vec<char>> = match p.get(0) {
        None => None,
        Some(v) => match &v.payload {
            Payload::None => None,
            Payload::Str(t) => Some(t.as_str().chars().collect()),
            _ => return Err(ctx.type_error(format!("{name} arg must be None or str"))),
        },
    };
    let strip = |c: char| match &chars {
        None => is_space(c),
        Some(set) => set.contains(&c),
    };
    let mut r = s;
    if left {
        r = r.trim_start_matches(strip);
    }
    if right {
        r = r.trim_end_matches(strip);
    }
    if r.len() == s.len() {
        return Ok(o.clone());
    }
    Ok(ctx.vm.str(r))
}

pub(super) fn str_strip<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    strip_impl(ctx, args, "strip", true, true)
}

pub(super) fn str_lstrip<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    strip_impl(ctx, args, "lstrip", true, false)
}

pub(super) fn str_rstrip<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    strip_impl(ctx, args, "rstrip", false, true)
}

pub(super) fn tail_match(
    s: &str,
    sub: &str,
    start: Option<i64>,
    end: Option<i64>,
    at_end: bool,
) -> bool {
    let Some((a, b)) = adjust(start, end, cp_len(s)) else { return false };
    let w = window(s, a, b);
    if at_end { w.ends_with(sub) } else { w.starts_with(sub) }
}

pub(super) fn affix_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    at_end: bool,
) -> PyResult<B> {
    let (_, s) = recv(ctx, &args, name)?;
    let p = parse(ctx, &args, "str", name, Sig::Varargs(1, 3))?;
    let start = slice_index(ctx, p.get(1))?;
    let end = slice_index(ctx, p.get(2))?;
    let what = p.req(ctx, 0)?;
    let r = match &what.payload {
        Payload::Str(sub) => tail_match(s, sub.as_str(), start, end, at_end),
        Payload::Tuple(items) => {
            let mut found = false;
            for it in items.iter() {
                let Payload::Str(sub) = &it.payload else {
                    return Err(ctx.type_error(format!(
                        "tuple for {name} must only contain str, not {}",
                        type_name(ctx.vm, it)
                    )));
                };
                if tail_match(s, sub.as_str(), start, end, at_end) {
                    found = true;
                    break;
                }
            }
            found
        }
        _ => {
            return Err(ctx.type_error(format!(
                "{name} first arg must be str or a tuple of str, not {}",
                type_name(ctx.vm, what)
            )));
        }
    };
    Ok(ctx.vm.bool(r))
}

pub(super) fn str_startswith<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    affix_impl(ctx, args, "startswith", false)
}

pub(super) fn str_endswith<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    affix_impl(ctx, args, "endswith", true)
}

/// A `str` argument, or `TypeError: {what} must be str, not T` (`must be str, not T` when
/// `what` is empty).
pub(super) fn str_arg<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    v: &'a PyRef<B>,
    what: &str,
) -> PyResult<B, &'a str> {
    match &v.payload {
        Payload::Str(s) => Ok(s.as_str()),
        _ => {
            let sp = if what.is_empty() { "" } else { " " };
            Err(ctx.type_error(format!("{what}{sp}must be str, not {}", type_name(ctx.vm, v))))
        }
    }
}

pub(super) fn str_replace<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, s) = recv(ctx, &args, "replace")?;
    let p = parse(ctx, &args, "str", "replace", Sig::Positional(2, 3))?;
    let old = str_arg(ctx, p.req(ctx, 0)?, "replace() argument 1")?;
    let new = str_arg(ctx, p.req(ctx, 1)?, "replace() argument 2")?;
    let count = match p.get(2) {
        Some(v) => index_arg(ctx, v)?,
        None => -1,
    };
    if count == 0 || (!old.is_empty() && !s.contains(old)) {
        return Ok(o.clone());
    }
    // Refuse results that cannot be allocated before building them.
    let hits = if old.is_empty() { cp_len(s) + 1 } else { s.matches(old).count() };
    let hits = usize::try_from(count).map_or(hits, |c| c.min(hits));
    let grow = new.len().saturating_sub(old.len()).checked_mul(hits);
    if grow.and_then(|g| g.checked_add(s.len())).is_none_or(|n| n > isize::MAX as usize / 2) {
        return Err(too_long(ctx));
    }
    let out = match usize::try_from(count) {
        Ok(n) => s.replacen(old, new, n),
        Err(_) => s.replace(old, new),
    };
    Ok(ctx.vm.str(out))
}

pub(super) fn map_text<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    f: fn(&str) -> String,
) -> PyResult<B> {
    let (_, s) = recv(ctx, &args, name)?;
    parse(ctx, &args, "str", name, Sig::NoArgs)?;
    Ok(ctx.vm.str(f(s)))
}

pub(super) fn str_upper<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_text(ctx, args, "upper", |s| {
        if s.is_ascii() {
            s.to_ascii_uppercase()
        } else if s.chars().any(uncased_in_14) {
            let mut out = String::with_capacity(s.len());
            s.chars().for_each(|c| push_upper(c, &mut out));
            out
        } else {
            s.to_uppercase()
        }
    })
}

pub(super) fn str_lower<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_text(ctx, args, "lower", |s| {
        if s.is_ascii() {
            s.to_ascii_lowercase()
        } else if s.chars().any(uncased_in_14) {
            let chars: Vec<char> = s.chars().collect();
            let mut out = String::with_capacity(s.len());
            (0..chars.len()).for_each(|i| push_lower(&chars, i, &mut out));
            out
        } else {
            s.to_lowercase()
        }
    })
}

pub(super) fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_fold(c, &mut out);
    }
    out
}

pub(super) fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            push_lower(&chars, i, &mut out);
        } else {
            push_title(c, &mut out);
        }
        prev_cased = is_cased(c);
    }
    out
}

pub(super) fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_title(c, &mut out);
        } else {
            push_lower(&chars, i, &mut out);
        }
    }
    out
}

pub(super) fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_upper(c) {
            push_lower(&chars, i, &mut out);
        } else if is_lower(c) {
            push_upper(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

pub(super) fn str_casefold<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_text(ctx, args, "casefold", casefold)
}

pub(super) fn str_title<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_text(ctx, args, "title", title)
}

pub(super) fn str_capitalize<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_text(ctx, args, "capitalize", capitalize)
}

pub(super) fn str_swapcase<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    map_text(ctx, args, "swapcase", swapcase)
}

/// Where `sub` occurs in `s[start:end]`, as a code-point index into `s`.
pub(super) fn find_in(
    s: &str,
    sub: &str,
    start: Option<i64>,
    end: Option<i64>,
    right: bool,
) -> Option<usize> {
    let (a, b) = adjust(start, end, cp_len(s))?;
    let w = window(s, a, b);
    let pos = if right { w.rfind(sub) } else { w.find(sub) }?;
    Some(a + cp_len(w.get(..pos).unwrap_or("")))
}

pub(super) fn find_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &'static str,
    right: bool,
    raise: bool,
) -> PyResult<B> {
    let (_, s) = recv(ctx, &args, name)?;
    let p = parse(ctx, &args, "str", name, Sig::Varargs(1, 3))?;
    let start = slice_index(ctx, p.get(1))?;
    let end = slice_index(ctx, p.get(2))?;
    let sub = str_arg(ctx, p.req(ctx, 0)?, "")?;
    match find_in(s, sub, start, end, right) {
        Some(i) => Ok(ctx.vm.int(i as i64)),
        None if raise => Err(ctx.value_error("substring not found")),
        None => Ok(ctx.vm.int(-1)),
    }
}

pub(super) fn str_find<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    find_impl(ctx, args, "find", false, false)
}

pub(super) fn str_rfind<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    find_impl(ctx, args, "rfind", true, false)
}

pub(super) fn str_index<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    find_impl(ctx, args, "index", false, true)
}

pub(super) fn str_rindex<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    find_impl(ctx, args, "rindex", true, true)
}

pub(super) fn str_count<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, s) = recv(ctx, &args, "count")?;
    let p = parse(ctx, &args, "str", "count", Sig::Varargs(1, 3))?;
    let start = slice_index(ctx, p.get(1))?;
    let end = slice_index(ctx, p.get(2))?;
    let sub = str_arg(ctx, p.req(ctx, 0)?, "")?;
    let n = match adjust(start, end, cp_len(s)) {
        None => 0,
        Some((a, b)) if sub.is_empty() => b - a + 1,
        Some((a, b)) => window(s, a, b).matches(sub).count(),
    };
    Ok(ctx.vm.int(n as i64))
}
