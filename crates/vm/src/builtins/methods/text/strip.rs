//! Trimming: `strip`, `lstrip`, `rstrip`, `removeprefix` and `removesuffix`. Each returns the
//! object itself when there is nothing to take off, as CPython does.

use super::Methods;
use super::args::{Sig, recv};
use super::kind::{Class, PyText, Role, Text, Unit, opt_text_arg, text_arg};
use crate::backend::Backend;
use crate::builtins::Args;
use crate::ctx::{Ctx, PyResult};

/// `s` without the leading (`left`) and trailing (`right`) units that `strip` selects.
fn trimmed<T: Text + ?Sized>(
    s: &T,
    left: bool,
    right: bool,
    strip: impl Fn(T::Unit) -> bool,
) -> &T {
    let start =
        if left { s.units().find(|&(_, u)| !strip(u)).map_or(s.size(), |(i, _)| i) } else { 0 };
    let end = if right {
        s.units().rfind(|&(_, u)| !strip(u)).map_or(0, |(i, u)| i + T::width(u))
    } else {
        s.size()
    };
    s.part(start.min(end), end)
}

impl<B: Backend, T: PyText + ?Sized> Methods<B, T> {
    /// `strip`, `lstrip` and `rstrip` (`name`): whitespace, or the units of `chars`, taken off
    /// both ends or one.
    pub(super) fn strip(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, name: &str) -> PyResult<B> {
        let (left, right) = (name != "rstrip", name != "lstrip");
        let (o, s, p) = recv::<B, T>(ctx, &args, name, Sig::Positional(0, 1))?;
        let chars = opt_text_arg::<B, T>(ctx, p.get(0), Role::Chars(name))?;
        let set: Option<Vec<T::Unit>> = chars.map(|c| c.units().map(|(_, u)| u).collect());
        let r = trimmed(s, left, right, |u| match &set {
            None => u.is(Class::Space),
            Some(set) => set.contains(&u),
        });
        if r.size() == s.size() {
            return Ok(o.clone());
        }
        Ok(T::wrap(ctx.vm, r))
    }

    /// `removeprefix` and `removesuffix` (`name`).
    pub(super) fn remove(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, name: &str) -> PyResult<B> {
        let suffix = name == "removesuffix";
        let (o, s, p) = recv::<B, T>(ctx, &args, name, Sig::One)?;
        let a = text_arg::<B, T>(ctx, p.req(ctx, 0)?, Role::Only(name))?;
        let r = if suffix { s.before_suffix(a) } else { s.after_prefix(a) };
        match r {
            Some(r) if a.size() > 0 => Ok(T::wrap(ctx.vm, r)),
            _ => Ok(o.clone()),
        }
    }
}
