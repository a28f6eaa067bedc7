//! `replace`: every (or the first `count`) non-overlapping occurrence of `old` replaced by
//! `new`; an empty `old` matches before every unit and at the end.

use super::Methods;
use super::args::{Sig, index_arg, recv, too_long};
use super::kind::{PyText, Role, Text, text_arg};
use super::search::count_sub;
use crate::backend::Backend;
use crate::builtins::Args;
use crate::ctx::{Ctx, PyResult};

/// `s` with the first `hits` occurrences of `old` replaced by `new` (there are that many).
fn replaced<T: Text + ?Sized>(s: &T, old: &T, new: &T, hits: usize) -> T::Buf {
    let mut out = T::Buf::default();
    // A hint only: the caller checked that the result fits.
    T::try_reserve(&mut out, s.size().saturating_add(new.size().saturating_mul(hits)));
    if old.size() == 0 {
        let mut done = 0;
        for (_, u) in s.units() {
            if done < hits {
                T::push_text(&mut out, new);
                done += 1;
            }
            T::push(&mut out, u);
        }
        if done < hits {
            T::push_text(&mut out, new);
        }
        return out;
    }
    let mut pos = 0;
    for _ in 0..hits {
        let Some(i) = s.tail(pos).find(old) else { break };
        T::push_text(&mut out, s.part(pos, pos + i));
        T::push_text(&mut out, new);
        pos += i + old.size();
    }
    T::push_text(&mut out, s.tail(pos));
    out
}

impl<B: Backend, T: PyText + ?Sized> Methods<B, T> {
    /// `replace(old, new[, count])`.
    pub(super) fn replace(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
        let (o, s, p) = recv::<B, T>(ctx, &args, "replace", Sig::Positional(2, 3))?;
        let old = text_arg::<B, T>(ctx, p.req(ctx, 0)?, Role::Nth("replace", 1))?;
        let new = text_arg::<B, T>(ctx, p.req(ctx, 1)?, Role::Nth("replace", 2))?;
        let count = match p.get(2) {
            Some(v) => index_arg(ctx, v)?,
            None => -1,
        };
        let limit = usize::try_from(count).unwrap_or(usize::MAX);
        let hits =
            if old.size() == 0 { (s.units_len() + 1).min(limit) } else { count_sub(s, old, limit) };
        if hits == 0 {
            return Ok(o.clone());
        }
        // Refuse results that cannot be allocated before building them.
        let grow = new.size().saturating_sub(old.size()).checked_mul(hits);
        if grow.and_then(|g| g.checked_add(s.size())).is_none_or(|n| n > isize::MAX as usize / 2) {
            return Err(too_long(ctx));
        }
        Ok(T::wrap_buf(ctx.vm, replaced(s, old, new, hits)))
    }
}
