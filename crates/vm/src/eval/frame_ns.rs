//! The namespaces a frame shows to `globals()`, `locals()`, `vars()`, `exec` and `eval`.
//!
//! Built-ins run without a frame of their own and cannot see their caller's, so the eval loop
//! hands the caller's namespaces over when it calls one that reads them
//! ([`crate::object::BuiltinFn::reads_frame`], [`Ctx::caller`]): the frame's globals, and its
//! local namespace. For a function that is a dict of its bound locals, cells and free variables,
//! kept with the frame and refreshed at each such call, as CPython 3.11's `f_locals`: writing
//! to it changes no variable, and what `exec` stored in it stays until the next refresh
//! overwrites a variable of the same name.

use super::Frame;
use crate::backend::Backend;
use crate::ctx::{CallerFrame, Ctx};
use crate::object::dict::Dict;
use crate::object::{Payload, PyRef};
use crate::ops::dicts;
use gillab_compiler::CodeFlags;

/// Whether `callable` is a built-in that reads its caller's namespaces.
#[inline]
pub fn reads_frame<B: Backend>(callable: &PyRef<B>) -> bool {
    matches!(&callable.payload, Payload::Builtin(b) if b.reads_frame)
}

/// Stores the namespaces of `f` in [`Ctx::caller`] for a built-in about to be called from it
/// that reads them (the caller clears it after the call).
pub fn hand_over<B: Backend>(ctx: &mut Ctx<'_, B>, f: &mut Frame<'_, B>) {
    let locals = if f.code.code.flags.0 & CodeFlags::OPTIMIZED.0 != 0 {
        // A function: one dict per frame, refreshed at each call (CPython 3.11's `f_locals`),
        // so what `exec` stored in it is still there for a later `locals()`.
        let d = f.locals.get_or_insert_with(|| ctx.vm.dict(Dict::new())).clone();
        refresh(ctx, f, &d);
        d
    } else {
        f.locals.clone().unwrap_or_else(|| f.globals.clone())
    };
    ctx.caller = Some(CallerFrame { globals: f.globals.clone(), locals });
}

/// Stores in `d` the bound variables of function frame `f` in slot order (parameters and
/// locals, then cells, then free variables; the cells' contents in place of the cells), and
/// removes the names of the unbound ones.
fn refresh<B: Backend>(ctx: &Ctx<'_, B>, f: &Frame<'_, B>, d: &PyRef<B>) {
    let co = &f.code.code;
    let free_from = co.varnames.len().saturating_sub(co.nfreevars as usize);
    for (i, (name, slot)) in co.varnames.iter().zip(&f.fast).enumerate() {
        let is_cell = i >= free_from || co.cells.contains(&(i as u32));
        let value = match slot.as_ref().map(|v| (v, &v.payload)) {
            Some((v, Payload::Cell(c))) if is_cell => v.read(c, |x| x.clone()),
            Some((v, _)) => Some(v.clone()),
            None => None,
        };
        match value {
            Some(v) => dicts::set_name(d, ctx.vm.intern(name), v),
            None => drop(dicts::del_name(d, name)),
        }
    }
}
