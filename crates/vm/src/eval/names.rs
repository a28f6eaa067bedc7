//! Loads and stores of names: fast locals, cells and free variables, globals and builtins, and
//! the `LOAD_NAME` namespace of module and class bodies.

use super::Frame;
use crate::backend::Backend;
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{Payload, PyRef};
use crate::ops::dicts;

/// `UnboundLocalError` for local slot `i`.
#[cold]
pub fn unbound_local<B: Backend>(ctx: &Ctx<'_, B>, f: &Frame<'_, B>, i: u32) -> PyErr<B> {
    let name = &f.code.code.varnames[i as usize];
    ctx.err(
        &ctx.vm.core.exc.unbound_local_error,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

fn name_text<'a, B: Backend>(f: &'a Frame<'_, B>, i: u32) -> &'a str {
    f.code.code.names[i as usize].as_str()
}

/// `LOAD_GLOBAL`: globals, then builtins.
#[inline]
pub fn load_global<B: Backend>(ctx: &mut Ctx<'_, B>, f: &Frame<'_, B>, i: u32) -> PyResult<B> {
    let name = &f.code.names[i as usize];
    if let Some(v) = dicts::get_name(f.globals, name) {
        return Ok(v);
    }
    if let Some(v) = dicts::get_name(&ctx.vm.core.builtins, name) {
        return Ok(v);
    }
    Err(ctx.name_error(name_text(f, i)))
}

/// `LOAD_GLOBAL` at instruction `at`: through its site (`ops::globalsite`).
#[inline(always)]
pub fn load_global_at<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    f: &Frame<'_, B>,
    i: u32,
    at: usize,
) -> PyResult<B> {
    match crate::ops::globalsite::load(ctx, f.code, at, f.globals, &f.code.names[i as usize])? {
        Some(v) => Ok(v),
        None => Err(ctx.name_error(name_text(f, i))),
    }
}

/// `DELETE_GLOBAL`.
pub fn delete_global<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    f: &Frame<'_, B>,
    i: u32,
) -> PyResult<B, ()> {
    match dicts::del_name(f.globals, name_text(f, i)) {
        Some(_) => Ok(()),
        None => Err(ctx.name_error(name_text(f, i))),
    }
}

/// The frame's local namespace when it is a mapping object rather than a plain dict (a
/// class body run over what a metaclass's `__prepare__` returned, a `dict` subclass): its
/// `__getitem__`/`__setitem__`/`__delitem__` are used, as CPython does for any namespace that
/// is not exactly a dict.
fn mapping_locals<'a, B: Backend>(f: &'a Frame<'_, B>) -> Option<&'a PyRef<B>> {
    f.locals.as_ref().filter(|l| matches!(l.payload, Payload::Instance(_)))
}

/// `locals[name]` of a mapping namespace; `None` for a `KeyError`.
fn mapping_get<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    locals: &PyRef<B>,
    name: &PyRef<B>,
) -> PyResult<B, Option<PyRef<B>>> {
    match crate::ops::seq::getitem(ctx, locals, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if crate::ops::isinstance(ctx.vm, &e.0, &ctx.vm.core.exc.key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `LOAD_NAME`: the local namespace, then globals, then builtins.
pub fn load_name<B: Backend>(ctx: &mut Ctx<'_, B>, f: &Frame<'_, B>, i: u32) -> PyResult<B> {
    let name = &f.code.names[i as usize];
    if let Some(locals) = mapping_locals(f) {
        if let Some(v) = mapping_get(ctx, locals, name)? {
            return Ok(v);
        }
    } else if let Some(locals) = &f.locals
        && !locals.is(f.globals)
        && let Some(v) = dicts::get_name(locals, name)
    {
        return Ok(v);
    }
    load_global(ctx, f, i)
}

/// `STORE_NAME`.
pub fn store_name<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    f: &Frame<'_, B>,
    i: u32,
    v: PyRef<B>,
) -> PyResult<B, ()> {
    if let Some(locals) = mapping_locals(f) {
        return crate::ops::seq::setitem(ctx, locals, &f.code.names[i as usize], v);
    }
    let target = f.locals.as_ref().unwrap_or(f.globals);
    dicts::set_name(target, f.code.names[i as usize].clone(), v);
    Ok(())
}

/// `SETUP_ANNOTATIONS`: an empty `__annotations__` dict in the frame's namespace unless one
/// is already there (CPython 3.11 checks only presence, not type).
pub fn setup_annotations<B: Backend>(ctx: &mut Ctx<'_, B>, f: &Frame<'_, B>) -> PyResult<B, ()> {
    let d = ctx.vm.dict(crate::object::dict::Dict::new());
    let key = ctx.vm.intern("__annotations__");
    if let Some(locals) = mapping_locals(f) {
        if mapping_get(ctx, locals, &key)?.is_none() {
            crate::ops::seq::setitem(ctx, locals, &key, d)?;
        }
        return Ok(());
    }
    let target = f.locals.as_ref().unwrap_or(f.globals);
    if dicts::get_text(target, "__annotations__").is_none() {
        dicts::set_name(target, key, d);
    }
    Ok(())
}

/// `DELETE_NAME`.
pub fn delete_name<B: Backend>(ctx: &mut Ctx<'_, B>, f: &Frame<'_, B>, i: u32) -> PyResult<B, ()> {
    if let Some(locals) = mapping_locals(f) {
        return match crate::ops::seq::delitem(ctx, locals, &f.code.names[i as usize]) {
            Err(e) if crate::ops::isinstance(ctx.vm, &e.0, &ctx.vm.core.exc.key_error) => {
                Err(ctx.name_error(name_text(f, i)))
            }
            r => r,
        };
    }
    let target = f.locals.as_ref().unwrap_or(f.globals);
    match dicts::del_name(target, name_text(f, i)) {
        Some(_) => Ok(()),
        None => Err(ctx.name_error(name_text(f, i))),
    }
}

/// `MAKE_CELL`: wraps slot `i` in a new cell.
pub fn make_cell<B: Backend>(f: &mut Frame<'_, B>, i: u32) {
    let v = f.fast[i as usize].take();
    f.fast[i as usize] = Some(PyRef::new(Payload::Cell(B::cell_new(v))));
}

/// `COPY_FREE_VARS`: the closure's cells into the last `n` slots.
pub fn copy_free_vars<B: Backend>(f: &mut Frame<'_, B>, n: u32) {
    let Some(func) = f.func else { return };
    let Some(closure) = &func.closure else { return };
    let Payload::Tuple(cells) = &closure.payload else { return };
    let start = f.fast.len() - n as usize;
    for (k, c) in cells.iter().enumerate().take(n as usize) {
        f.fast[start + k] = Some(c.clone());
    }
}

fn cell_get<B: Backend>(cell: &PyRef<B>) -> Option<PyRef<B>> {
    match &cell.payload {
        Payload::Cell(c) => cell.read(c, |v| v.clone()),
        _ => None,
    }
}

fn deref_error<B: Backend>(ctx: &Ctx<'_, B>, f: &Frame<'_, B>, i: u32) -> PyErr<B> {
    let co = &f.code.code;
    let name = &co.varnames[i as usize];
    if (i as usize) >= co.varnames.len() - co.nfreevars as usize {
        ctx.err(
            &ctx.vm.core.exc.name_error,
            format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            ),
        )
    } else {
        unbound_local(ctx, f, i)
    }
}

/// `LOAD_DEREF`.
pub fn load_deref<B: Backend>(ctx: &mut Ctx<'_, B>, f: &Frame<'_, B>, i: u32) -> PyResult<B> {
    match f.fast[i as usize].as_ref().and_then(cell_get) {
        Some(v) => Ok(v),
        None => Err(deref_error(ctx, f, i)),
    }
}

/// `LOAD_CLASSDEREF`: the class namespace first, then the cell.
pub fn load_classderef<B: Backend>(ctx: &mut Ctx<'_, B>, f: &Frame<'_, B>, i: u32) -> PyResult<B> {
    let name = &f.code.code.varnames[i as usize];
    if let Some(locals) = mapping_locals(f) {
        let key = ctx.vm.str(name.as_str());
        if let Some(v) = mapping_get(ctx, locals, &key)? {
            return Ok(v);
        }
    } else if let Some(locals) = &f.locals
        && let Some(v) = dicts::get_text(locals, name)
    {
        return Ok(v);
    }
    load_deref(ctx, f, i)
}

/// `STORE_DEREF` (`None` empties the cell).
pub fn store_deref<B: Backend>(f: &Frame<'_, B>, i: u32, v: Option<PyRef<B>>) {
    if let Some(cell) = &f.fast[i as usize]
        && let Payload::Cell(c) = &cell.payload
    {
        let old = cell.write(c, |slot| std::mem::replace(slot, v));
        drop(old);
    }
}

/// `DELETE_DEREF`.
pub fn delete_deref<B: Backend>(ctx: &mut Ctx<'_, B>, f: &Frame<'_, B>, i: u32) -> PyResult<B, ()> {
    if f.fast[i as usize].as_ref().and_then(cell_get).is_none() {
        return Err(deref_error(ctx, f, i));
    }
    store_deref(f, i, None);
    Ok(())
}
