//! The writable attributes of Python functions: `f.x = 1` and `f.__dict__`, and assigning
//! `__name__`, `__qualname__`, `__module__`, `__doc__` and `__annotations__` (what
//! `functools.update_wrapper` and decorators do).
//!
//! They live in the function's [`FuncAttrs`], behind its cell (made on the first assignment
//! or on the first read of `__dict__`/`__annotations__`); the closures given to the cell only
//! move references in and out, and a replaced value is dropped after the cell is released.
//! An assigned `__name__`/`__qualname__` is what the attribute and the function's repr show
//! (tracebacks and argument errors keep the code object's names). `__defaults__`,
//! `__kwdefaults__`, `__code__`, `__globals__` and `__closure__` cannot be assigned.

use super::type_name;
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::dict::Dict;
use crate::object::{FuncAttrs, Function, Payload, PyRef};

/// `f.name` if it was assigned or lives in the function's `__dict__` (the names the function
/// computes itself, `__code__` and the rest, are not looked at here).
pub fn get<B: Backend>(
    ctx: &Ctx<'_, B>,
    obj: &PyRef<B>,
    f: &Function<B>,
    name: &str,
) -> Option<PyRef<B>> {
    let vm = ctx.vm;
    let (found, dict) = obj.read(&f.attrs, |a| {
        let Some(a) = a else { return (None, None) };
        let v = match name {
            "__name__" => a.name.clone(),
            "__qualname__" => a.qualname.clone(),
            "__module__" => a.module.clone(),
            "__doc__" => a.doc.clone(),
            "__annotations__" => a.annotations.clone(),
            "__dict__" => a.dict.clone(),
            _ => None,
        };
        (v, a.dict.clone())
    });
    if found.is_some() {
        return found;
    }
    match name {
        "__dict__" => Some(ensure(obj, f, |a| &mut a.dict, || vm.dict(Dict::new()))),
        "__annotations__" => Some(ensure(obj, f, |a| &mut a.annotations, || vm.dict(Dict::new()))),
        _ => dict.and_then(|d| super::dicts::get_text(&d, name)),
    }
}

/// Which field of [`FuncAttrs`] an assignment goes to.
type Slot<B> = fn(&mut FuncAttrs<B>) -> &mut Option<PyRef<B>>;

/// The value of slot `field`, stored by `make` if it was empty.
fn ensure<B: Backend>(
    obj: &PyRef<B>,
    f: &Function<B>,
    field: Slot<B>,
    make: impl FnOnce() -> PyRef<B>,
) -> PyRef<B> {
    let fresh = make();
    obj.write(&f.attrs, |a| {
        let slot = field(a.get_or_insert_with(Box::default));
        slot.get_or_insert(fresh).clone()
    })
}

/// The current `__qualname__` of a function (for its repr).
pub fn qualname<B: Backend>(obj: &PyRef<B>, f: &Function<B>) -> PyRef<B> {
    obj.read(&f.attrs, |a| a.as_ref().and_then(|a| a.qualname.clone()))
        .unwrap_or_else(|| f.qualname.clone())
}

/// `f.name = value` (`value` is `None` for `del f.name`).
pub fn set<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    f: &Function<B>,
    name: &PyRef<B>,
    value: Option<PyRef<B>>,
) -> PyResult<B, ()> {
    let text = super::as_str(name).unwrap_or_default();
    let is_str = value.as_ref().is_some_and(|v| matches!(v.payload, Payload::Str(_)));
    let is_dict = value.as_ref().is_some_and(|v| matches!(v.payload, Payload::Dict(_)));
    let slot: Option<Slot<B>> = match text {
        "__name__" | "__qualname__" if !is_str => {
            return Err(ctx.type_error(format!("{text} must be set to a string object")));
        }
        "__name__" => Some(|a| &mut a.name),
        "__qualname__" => Some(|a| &mut a.qualname),
        "__module__" => Some(|a| &mut a.module),
        "__doc__" => Some(|a| &mut a.doc),
        "__annotations__" if value.is_some() && !is_dict => {
            return Err(ctx.type_error("__annotations__ must be set to a dict object"));
        }
        "__annotations__" => Some(|a| &mut a.annotations),
        "__dict__" => match &value {
            None => return Err(ctx.type_error("cannot delete __dict__")),
            Some(v) if !is_dict => {
                return Err(ctx.type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    type_name(ctx.vm, v)
                )));
            }
            Some(_) => Some(|a| &mut a.dict),
        },
        "__defaults__" | "__kwdefaults__" | "__code__" | "__globals__" | "__closure__"
        | "__builtins__" => {
            return Err(ctx.attribute_error(format!(
                "gil-lab cannot assign or delete a function's '{text}'"
            )));
        }
        _ => None,
    };
    if let Some(field) = slot {
        let old = obj.write(&f.attrs, |a| {
            std::mem::replace(field(a.get_or_insert_with(Box::default)), value)
        });
        drop(old);
        return Ok(());
    }
    let dict = ensure(obj, f, |a| &mut a.dict, || ctx.vm.dict(Dict::new()));
    match value {
        Some(v) => {
            super::dicts::set_name(&dict, name.clone(), v);
            Ok(())
        }
        None => match super::dicts::del_name(&dict, text) {
            Some(_) => Ok(()),
            None => {
                Err(ctx.attribute_error(format!("'function' object has no attribute '{text}'")))
            }
        },
    }
}
