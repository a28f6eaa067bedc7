//! Widening: `ljust`, `rjust`, `center` and `zfill` pad to a width in units; `expandtabs`
//! replaces tabs by spaces up to the next tab stop.

use super::Methods;
use super::args::{Sig, c_int_arg, index_arg, recv, too_long};
use super::kind::{PyText, Text, Unit};
use crate::backend::Backend;
use crate::builtins::Args;
use crate::ctx::{Ctx, PyResult};

/// Where the padding goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pad {
    /// After the text (`ljust`).
    Left,
    /// Before the text (`rjust`).
    Right,
    /// Around the text, the odd unit on the left when `width` is odd (`center`).
    Center,
    /// Before the text but after its sign (`zfill`).
    Zeros,
}

/// `s` padded with `fill` to `width` units, or `None` when it is already that wide.
fn padded<B: Backend, T: Text + ?Sized>(
    ctx: &Ctx<'_, B>,
    s: &T,
    width: i64,
    fill: T::Unit,
    how: Pad,
) -> PyResult<B, Option<T::Buf>> {
    let len = s.units_len() as i64;
    if width <= len {
        return Ok(None);
    }
    let marg = width - len;
    let left = match how {
        Pad::Left => 0,
        Pad::Right | Pad::Zeros => marg,
        Pad::Center => marg / 2 + (marg & width & 1),
    };
    let right = marg - left;
    let size = (marg as u64)
        .checked_mul(T::width(fill) as u64)
        .and_then(|b| b.checked_add(s.size() as u64))
        .filter(|&b| b <= isize::MAX as u64 / 2);
    let mut out = T::Buf::default();
    if !size.is_some_and(|b| T::try_reserve(&mut out, b as usize)) {
        return Err(too_long(ctx));
    }
    let mut body = s;
    if how == Pad::Zeros
        && let Some(sign) = s.first_unit()
        && (sign == T::Unit::ascii(b'+') || sign == T::Unit::ascii(b'-'))
    {
        T::push(&mut out, sign);
        body = s.tail(T::width(sign));
    }
    (0..left).for_each(|_| T::push(&mut out, fill));
    T::push_text(&mut out, body);
    (0..right).for_each(|_| T::push(&mut out, fill));
    Ok(Some(out))
}

impl<B: Backend, T: PyText + ?Sized> Methods<B, T> {
    /// `ljust`, `rjust` and `center` (`name`), with an optional fill character.
    pub(super) fn pad(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, name: &str) -> PyResult<B> {
        let how = match name {
            "ljust" => Pad::Left,
            "rjust" => Pad::Right,
            _ => Pad::Center,
        };
        let (o, s, p) = recv::<B, T>(ctx, &args, name, Sig::Positional(1, 2))?;
        let width = index_arg(ctx, p.req(ctx, 0)?)?;
        let fill = match p.get(1) {
            None => T::Unit::ascii(b' '),
            Some(v) => T::fill_char(ctx, v, name)?,
        };
        match padded(ctx, s, width, fill, how)? {
            Some(out) => Ok(T::wrap_buf(ctx.vm, out)),
            None => Ok(o.clone()),
        }
    }

    /// `zfill`.
    pub(super) fn zfill(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
        let (o, s, p) = recv::<B, T>(ctx, &args, "zfill", Sig::One)?;
        let width = index_arg(ctx, p.req(ctx, 0)?)?;
        match padded(ctx, s, width, T::Unit::ascii(b'0'), Pad::Zeros)? {
            Some(out) => Ok(T::wrap_buf(ctx.vm, out)),
            None => Ok(o.clone()),
        }
    }

    /// `expandtabs`.
    pub(super) fn expandtabs(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
        let (o, s, p) = recv::<B, T>(ctx, &args, "expandtabs", Sig::Keywords(&["tabsize"]))?;
        let tabsize = match p.get(0) {
            Some(v) => c_int_arg(ctx, v)?,
            None => 8,
        };
        let [tab, space, cr, lf] = [b'\t', b' ', b'\r', b'\n'].map(T::Unit::ascii);
        if T::EXPANDTABS_KEEPS_SELF && !s.units().any(|(_, u)| u == tab) {
            return Ok(o.clone());
        }
        let mut out = T::Buf::default();
        T::try_reserve(&mut out, s.size());
        let mut size: i64 = 0;
        let mut column: i64 = 0;
        for (_, u) in s.units() {
            if u == tab {
                if tabsize > 0 {
                    let incr = tabsize - column % tabsize;
                    column += incr;
                    size += incr;
                    if size > isize::MAX as i64 / 2 {
                        return Err(too_long(ctx));
                    }
                    (0..incr).for_each(|_| T::push(&mut out, space));
                }
            } else {
                column += 1;
                size += T::width(u) as i64;
                T::push(&mut out, u);
                if u == lf || u == cr {
                    column = 0;
                }
            }
        }
        Ok(T::wrap_buf(ctx.vm, out))
    }
}
