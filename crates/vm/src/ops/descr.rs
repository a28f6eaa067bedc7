//! The descriptor protocol for instances of Python classes, as CPython's
//! `PyObject_GenericGetAttr`/`PyObject_GenericSetAttr` and `type_getattro` run it:
//!
//! - a class attribute whose class defines `__get__` is a *descriptor*: reading it through an
//!   instance calls `__get__(obj, type(obj))`, through the class `__get__(None, cls)`;
//! - one whose class also defines `__set__` or `__delete__` is a *data* descriptor: it wins over
//!   the instance dict for reads, and assignment/deletion call `__set__(obj, value)` /
//!   `__delete__(obj)` (the missing one raises `AttributeError` naming it); a non-data
//!   descriptor is shadowed by the instance dict;
//! - at class creation `__set_name__(cls, name)` is called on every attribute whose class
//!   defines it.
//!
//! `property` (a built-in [`Wrapper`]) is a data descriptor too; it keeps its own fast path in
//! `attr.rs`, and the functions here treat it as one so that the lookup order is the same.

use super::attr::lookup_in_type;
use super::{call, type_name};
use crate::backend::Backend;
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::str::hash_str;
use crate::object::{Payload, PyRef, Wrapper};

/// `type(attr).name` when `attr` is an instance of a Python class that defines `name`.
fn slot<B: Backend>(attr: &PyRef<B>, name: &str) -> Option<PyRef<B>> {
    match &attr.payload {
        Payload::Instance(i) => lookup_in_type(&i.class, name, hash_str(name)),
        // A native class may define descriptors too (`collections`'s `_tuplegetter`).
        Payload::Native(n) => lookup_in_type(&n.class, name, hash_str(name)),
        _ => None,
    }
}

/// `type(attr).__get__`, if `attr` is a descriptor of a Python class.
pub fn getter<B: Backend>(attr: &PyRef<B>) -> Option<PyRef<B>> {
    slot(attr, "__get__")
}

/// Whether `attr` is a data descriptor (a `property`, or an instance of a class defining
/// `__set__` or `__delete__`).
pub fn is_data<B: Backend>(attr: &PyRef<B>) -> bool {
    match &attr.payload {
        Payload::Wrapper(w) => matches!(**w, Wrapper::Property { .. }),
        Payload::Instance(_) | Payload::Native(_) => {
            slot(attr, "__set__").is_some() || slot(attr, "__delete__").is_some()
        }
        _ => false,
    }
}

/// Calls `get(attr, obj, cls)` (`obj` is `None` for a read through the class).
pub fn call_get<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    get: &PyRef<B>,
    attr: &PyRef<B>,
    obj: Option<&PyRef<B>>,
    cls: &PyRef<B>,
) -> PyResult<B> {
    let obj = obj.cloned().unwrap_or_else(|| ctx.vm.core.none.clone());
    call::call(ctx, get, &[attr.clone(), obj, cls.clone()], &[])
}

/// `Cls.attr` for an attribute found in the class: a descriptor's `__get__(None, Cls)`, else
/// the attribute itself.
pub fn get_from_class<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    attr: PyRef<B>,
    cls: &PyRef<B>,
) -> PyResult<B> {
    match getter(&attr) {
        Some(get) => call_get(ctx, &get, &attr, None, cls),
        None => Ok(attr),
    }
}

/// Assignment (`value` is `Some`) or deletion through a data descriptor of a Python class:
/// `None` when `attr` is not one, so the caller uses the instance dict.
pub fn set<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    attr: &PyRef<B>,
    obj: &PyRef<B>,
    value: Option<PyRef<B>>,
) -> Option<PyResult<B, ()>> {
    if !matches!(attr.payload, Payload::Instance(_) | Payload::Native(_)) || !is_data(attr) {
        return None;
    }
    let (name, args) = match value {
        Some(v) => ("__set__", vec![obj.clone(), v]),
        None => ("__delete__", vec![obj.clone()]),
    };
    Some(match super::attr::call_dunder(ctx, attr, name, &args) {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(ctx.attribute_error(name)),
        Err(e) => Err(e),
    })
}

/// Calls `__set_name__(cls, name)` on every attribute of the new class `cls` whose class
/// defines it, in definition order, over a copy of the class dict (CPython's
/// `type_new_set_names`). A failure becomes CPython 3.11's `RuntimeError`, caused by it.
pub fn set_names<B: Backend>(ctx: &mut Ctx<'_, B>, cls: &PyRef<B>) -> PyResult<B, ()> {
    let Payload::Type(t) = &cls.payload else { return Ok(()) };
    let entries: Vec<(PyRef<B>, PyRef<B>)> = cls.read(&t.dict, |d| {
        d.iter().filter_map(|e| Some((e.key.clone(), e.value.clone()?))).collect()
    });
    for (name, value) in entries {
        if slot(&value, "__set_name__").is_none() {
            continue;
        }
        if let Err(e) =
            super::attr::call_dunder(ctx, &value, "__set_name__", &[cls.clone(), name.clone()])
        {
            let msg = format!(
                "Error calling __set_name__ on '{}' instance {} in '{}'",
                type_name(ctx.vm, &value),
                super::repr::repr(ctx, &name)?,
                t.name
            );
            return Err(caused_by(ctx.runtime_error(msg), e));
        }
    }
    Ok(())
}

/// `new` with `cause` as its `__cause__` and `__context__` (`_PyErr_FormatFromCause`).
fn caused_by<B: Backend>(new: PyErr<B>, cause: PyErr<B>) -> PyErr<B> {
    if let Payload::Instance(i) = &new.0.payload
        && let Some(s) = &i.exc
    {
        let old = new.0.write(s, |s| {
            s.suppress_context = true;
            (s.cause.replace(cause.0.clone()), s.context.replace(cause.0))
        });
        drop(old);
    }
    new
}
