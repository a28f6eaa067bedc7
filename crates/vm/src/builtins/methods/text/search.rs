//! Searching: `find`, `rfind`, `index`, `rindex`, `count`, `startswith` and `endswith`, with
//! the optional `start`/`end` bounds resolved as CPython does (negative, `None`, `__index__`).

use super::Methods;
use super::args::{Sig, adjust, recv, slice_index};
use super::kind::{PyText, Role, Text, text_arg};
use crate::backend::Backend;
use crate::builtins::Args;
use crate::ctx::{Ctx, PyResult};
use crate::object::Payload;
use crate::ops::type_name;

/// Where `sub` occurs in `s[start:end]` (the last place when `right`), as an index into `s`.
fn find_in<T: Text + ?Sized>(
    s: &T,
    sub: &T,
    start: Option<i64>,
    end: Option<i64>,
    right: bool,
) -> Option<usize> {
    let (a, b) = adjust(start, end, s.units_len())?;
    let w = s.window(a, b);
    let at = if right { w.rfind(sub) } else { w.find(sub) }?;
    Some(a + w.index_at(at))
}

/// How many times a non-empty `sub` occurs in `s` without overlapping, counting up to `limit`.
pub(super) fn count_sub<T: Text + ?Sized>(s: &T, sub: &T, limit: usize) -> usize {
    let mut count = 0;
    let mut pos = 0;
    while count < limit {
        let Some(i) = s.tail(pos).find(sub) else { break };
        count += 1;
        pos += i + sub.size();
    }
    count
}

/// Whether `s[start:end]` starts (or, `at_end`, ends) with `affix`.
fn tail_match<T: Text + ?Sized>(
    s: &T,
    affix: &T,
    start: Option<i64>,
    end: Option<i64>,
    at_end: bool,
) -> bool {
    let Some((a, b)) = adjust(start, end, s.units_len()) else { return false };
    let w = s.window(a, b);
    if at_end { w.before_suffix(affix).is_some() } else { w.after_prefix(affix).is_some() }
}

/// What `find`/`index`/`count` look for, and where.
struct Search<'a, T: ?Sized> {
    /// The text searched.
    s: &'a T,
    /// The text to find.
    sub: &'a T,
    /// The optional `start` and `end` bounds.
    start: Option<i64>,
    end: Option<i64>,
}

/// Parses the arguments of `find`/`index`/`count`: `(sub[, start[, end]])`.
fn search_args<'a, B: Backend, T: PyText + ?Sized>(
    ctx: &mut Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
) -> PyResult<B, Search<'a, T>> {
    let (_, s, p) = recv::<B, T>(ctx, args, name, Sig::Varargs(1, 3))?;
    let start = slice_index(ctx, p.get(1))?;
    let end = slice_index(ctx, p.get(2))?;
    let sub = T::needle(ctx, p.req(ctx, 0)?)?;
    Ok(Search { s, sub, start, end })
}

impl<B: Backend, T: PyText + ?Sized> Methods<B, T> {
    /// `find`, `rfind`, `index` and `rindex` (`name`): the `r` ones search from the right, the
    /// `index` ones raise `ValueError` instead of returning -1.
    pub(super) fn find(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, name: &str) -> PyResult<B> {
        let (right, raise) = (name.starts_with('r'), name.ends_with("index"));
        let Search { s, sub, start, end } = search_args::<B, T>(ctx, &args, name)?;
        match find_in(s, sub, start, end, right) {
            Some(i) => Ok(ctx.vm.int(i as i64)),
            None if raise => Err(ctx.value_error(T::NOT_FOUND)),
            None => Ok(ctx.vm.int(-1)),
        }
    }

    /// `count`.
    pub(super) fn count(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
        let Search { s, sub, start, end } = search_args::<B, T>(ctx, &args, "count")?;
        let n = match adjust(start, end, s.units_len()) {
            None => 0,
            Some((a, b)) if sub.size() == 0 => b - a + 1,
            Some((a, b)) => count_sub(s.window(a, b), sub, usize::MAX),
        };
        Ok(ctx.vm.int(n as i64))
    }

    /// `startswith` and `endswith` (`name`): the affix may be a tuple of affixes.
    pub(super) fn affix(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, name: &str) -> PyResult<B> {
        let at_end = name == "endswith";
        let (_, s, p) = recv::<B, T>(ctx, &args, name, Sig::Varargs(1, 3))?;
        let start = slice_index(ctx, p.get(1))?;
        let end = slice_index(ctx, p.get(2))?;
        let what = p.req(ctx, 0)?;
        if let Some(affix) = T::of(&crate::ops::value_of(what).payload) {
            return Ok(ctx.vm.bool(tail_match(s, affix, start, end, at_end)));
        }
        let Payload::Tuple(items) = &what.payload else {
            let cls = T::CLASS;
            return Err(ctx.type_error(format!(
                "{name} first arg must be {cls} or a tuple of {cls}, not {}",
                type_name(ctx.vm, what)
            )));
        };
        for it in items.iter() {
            let affix = text_arg::<B, T>(ctx, it, Role::AffixItem(name))?;
            if tail_match(s, affix, start, end, at_end) {
                return Ok(ctx.vm.bool(true));
            }
        }
        Ok(ctx.vm.bool(false))
    }
}
