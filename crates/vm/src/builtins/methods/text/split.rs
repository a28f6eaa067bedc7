//! Splitting and joining: `split`, `rsplit`, `splitlines`, `partition`, `rpartition` and
//! `join`.

use super::Methods;
use super::args::{Sig, c_int_arg, index_arg, join_items, recv};
use super::kind::{Class, PyText, Role, Text, Unit, opt_text_arg, text_arg};
use crate::backend::Backend;
use crate::builtins::Args;
use crate::ctx::{Ctx, PyResult};
use crate::object::PyRef;
use crate::ops::type_name;
use crate::vm::Vm;

/// `s.split(None, max)`: the runs of non-space units, at most `max` splits (the rest, without
/// its leading spaces, is the last part).
fn split_whitespace<T: Text + ?Sized>(s: &T, max: usize) -> Vec<&T> {
    let mut out = Vec::new();
    let mut units = s.units().peekable();
    let mut left = max;
    loop {
        while units.next_if(|&(_, u)| u.is(Class::Space)).is_some() {}
        let Some(&(start, _)) = units.peek() else { break };
        if left == 0 {
            out.push(s.tail(start));
            break;
        }
        let end = units.find(|&(_, u)| u.is(Class::Space)).map_or(s.size(), |(i, _)| i);
        out.push(s.part(start, end));
        left -= 1;
    }
    out
}

/// `s.rsplit(None, max)`: as [`split_whitespace`], from the right.
fn rsplit_whitespace<T: Text + ?Sized>(s: &T, max: usize) -> Vec<&T> {
    let mut out = Vec::new();
    let mut units = s.units().rev().peekable();
    let mut left = max;
    loop {
        while units.next_if(|&(_, u)| u.is(Class::Space)).is_some() {}
        let Some(&(i, u)) = units.peek() else { break };
        let end = i + T::width(u);
        if left == 0 {
            out.push(s.part(0, end));
            break;
        }
        let start = units.find(|&(_, u)| u.is(Class::Space)).map_or(0, |(i, u)| i + T::width(u));
        out.push(s.part(start, end));
        left -= 1;
    }
    out.reverse();
    out
}

/// `s.split(sep, max)` for a non-empty `sep`.
fn split_sep<'s, T: Text + ?Sized>(s: &'s T, sep: &T, max: usize) -> Vec<&'s T> {
    let mut out = Vec::new();
    let mut pos = 0;
    while out.len() < max {
        let Some(i) = s.tail(pos).find(sep) else { break };
        out.push(s.part(pos, pos + i));
        pos += i + sep.size();
    }
    out.push(s.tail(pos));
    out
}

/// `s.rsplit(sep, max)` for a non-empty `sep`.
fn rsplit_sep<'s, T: Text + ?Sized>(s: &'s T, sep: &T, max: usize) -> Vec<&'s T> {
    let mut out = Vec::new();
    let mut end = s.size();
    while out.len() < max {
        let head = s.part(0, end);
        let Some(i) = head.rfind(sep) else { break };
        out.push(head.tail(i + sep.size()));
        end = i;
    }
    out.push(s.part(0, end));
    out.reverse();
    out
}

/// The lines of `s`, with their line boundaries when `keepends` (`\r\n` is one boundary).
fn lines<T: Text + ?Sized>(s: &T, keepends: bool) -> Vec<&T> {
    let (cr, lf) = (T::Unit::ascii(b'\r'), T::Unit::ascii(b'\n'));
    let mut out = Vec::new();
    let mut start = 0;
    let mut units = s.units().peekable();
    while let Some((i, u)) = units.next() {
        if !u.is(Class::Linebreak) {
            continue;
        }
        let mut after = i + T::width(u);
        if u == cr && units.next_if(|&(_, n)| n == lf).is_some() {
            after += T::width(lf);
        }
        out.push(s.part(start, if keepends { after } else { i }));
        start = after;
    }
    if start < s.size() {
        out.push(s.tail(start));
    }
    out
}

fn list_of<B: Backend, T: PyText + ?Sized>(vm: &Vm<B>, parts: Vec<&T>) -> PyRef<B> {
    vm.list(parts.into_iter().map(|p| T::wrap(vm, p)).collect())
}

impl<B: Backend, T: PyText + ?Sized> Methods<B, T> {
    /// `split` and `rsplit` (`name`): by a separator, or by runs of whitespace when there
    /// is none.
    pub(super) fn split(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, name: &str) -> PyResult<B> {
        let right = name == "rsplit";
        let (_, s, p) = recv::<B, T>(ctx, &args, name, Sig::Keywords(&["sep", "maxsplit"]))?;
        let sep = opt_text_arg::<B, T>(ctx, p.get(0), Role::Sep)?;
        let maxsplit = match p.get(1) {
            Some(v) => index_arg(ctx, v)?,
            None => -1,
        };
        let max = usize::try_from(maxsplit).unwrap_or(usize::MAX);
        let parts = match sep {
            None if right => rsplit_whitespace(s, max),
            None => split_whitespace(s, max),
            Some(sep) if sep.size() == 0 => return Err(ctx.value_error("empty separator")),
            Some(sep) if right => rsplit_sep(s, sep, max),
            Some(sep) => split_sep(s, sep, max),
        };
        Ok(list_of(ctx.vm, parts))
    }

    /// `splitlines`.
    pub(super) fn splitlines(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
        let (_, s, p) = recv::<B, T>(ctx, &args, "splitlines", Sig::Keywords(&["keepends"]))?;
        let keepends = match p.get(0) {
            Some(v) => c_int_arg(ctx, v)? != 0,
            None => false,
        };
        Ok(list_of(ctx.vm, lines(s, keepends)))
    }

    /// `partition` and `rpartition` (`name`): around the first (last) separator.
    pub(super) fn partition(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, name: &str) -> PyResult<B> {
        let right = name == "rpartition";
        let (o, s, p) = recv::<B, T>(ctx, &args, name, Sig::One)?;
        let sep_obj = p.req(ctx, 0)?;
        let sep = text_arg::<B, T>(ctx, sep_obj, Role::Sub)?;
        if sep.size() == 0 {
            return Err(ctx.value_error("empty separator"));
        }
        let vm = ctx.vm;
        let empty = || T::wrap_buf(vm, T::Buf::default());
        let found = if right { s.rfind(sep) } else { s.find(sep) };
        let parts = match found {
            Some(i) => {
                vec![
                    T::wrap(vm, s.part(0, i)),
                    sep_obj.clone(),
                    T::wrap(vm, s.tail(i + sep.size())),
                ]
            }
            None if right => vec![empty(), empty(), o.clone()],
            None => vec![o.clone(), empty(), empty()],
        };
        Ok(vm.tuple(parts))
    }

    /// `join`.
    pub(super) fn join(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
        let (_, sep, p) = recv::<B, T>(ctx, &args, "join", Sig::One)?;
        let items = join_items(ctx, p.req(ctx, 0)?)?;
        // CPython returns a lone item of the exact type itself.
        if let [only] = items.as_slice()
            && T::of(&only.payload).is_some()
        {
            return Ok(only.clone());
        }
        let mut out = T::Buf::default();
        for (i, it) in items.iter().enumerate() {
            let Some(t) = T::of(&crate::ops::value_of(it).payload) else {
                return Err(ctx.type_error(format!(
                    "sequence item {i}: expected {}, {} found",
                    T::JOIN_ITEM,
                    type_name(ctx.vm, it)
                )));
            };
            if i > 0 {
                T::push_text(&mut out, sep);
            }
            T::push_text(&mut out, t);
        }
        Ok(T::wrap_buf(ctx.vm, out))
    }
}
