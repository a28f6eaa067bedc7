//! Operations on objects that the eval loop and the builtins share: type queries, truth,
//! attribute access, calls, iteration, arithmetic, comparison, hashing, `repr`/`str`, `%`.
//!
//! These modules act on objects other threads may be changing, so they index nothing: a length
//! read under one guard is stale under the next (`docs/safety.md`, rule G1), and an index
//! that is out of range must be a Python `IndexError`, never a Rust panic. The compiler holds
//! them to it (`clippy::indexing_slicing`, `unwrap_used` and `expect_used` are denied here);
//! `call`, which binds arguments into a frame only its own thread can see, is the one
//! exception.
//!
//! They take a [`Ctx`] because any of them may run Python code (a user `__eq__`, `__len__`,
//! `__iter__`) or raise.
#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]

pub mod arith;
pub mod attr;
pub mod attrsite;
pub mod call;
pub mod compare;
pub mod descr;
pub mod dicts;
pub mod funcattrs;
pub mod globalsite;
pub mod iter;
pub mod local;
pub mod percent;
pub mod repr;
pub mod seq;
pub mod sets;

use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::{Layout, Payload, PyRef};
use crate::vm::Vm;

/// `type(obj)`.
pub fn type_of<B: Backend>(vm: &Vm<B>, obj: &PyRef<B>) -> PyRef<B> {
    let t = &vm.core.types;
    match &obj.payload {
        Payload::None => t.none.clone(),
        Payload::NotImplemented => t.not_implemented.clone(),
        Payload::Ellipsis => t.ellipsis.clone(),
        Payload::Bool(_) => t.bool_.clone(),
        Payload::Int(_) | Payload::BigInt(_) => t.int.clone(),
        Payload::Float(_) => t.float.clone(),
        Payload::Str(_) => t.str_.clone(),
        Payload::Bytes(_) => t.bytes.clone(),
        Payload::Tuple(_) => t.tuple.clone(),
        Payload::List(_) => t.list.clone(),
        Payload::Dict(_) => t.dict.clone(),
        Payload::Set(_) => t.set.clone(),
        Payload::FrozenSet(_) => t.frozenset.clone(),
        Payload::Range(_) => t.range.clone(),
        Payload::Slice(_) => t.slice.clone(),
        Payload::Code(_) => t.code.clone(),
        Payload::Function(_) => t.function.clone(),
        Payload::Builtin(_) => t.builtin_function.clone(),
        Payload::Method(_) => t.method.clone(),
        Payload::Cell(_) => t.cell.clone(),
        Payload::Type(c) => c.metaclass.clone().unwrap_or_else(|| t.type_.clone()),
        Payload::Instance(i) => i.class.clone(),
        Payload::Module(_) => t.module.clone(),
        Payload::Iter(i) => iter::iter_class(vm, i.kind).clone(),
        Payload::Wrapper(w) => match **w {
            crate::object::Wrapper::StaticMethod(_) => t.staticmethod.clone(),
            crate::object::Wrapper::ClassMethod(_) => t.classmethod.clone(),
            crate::object::Wrapper::Property { .. } => t.property.clone(),
        },
        Payload::Super(_) => t.super_.clone(),
        Payload::Native(n) => n.class.clone(),
    }
}

/// The `__name__` of a class object (`"?"` for a non-class).
pub fn class_name<B: Backend>(cls: &PyRef<B>) -> &str {
    match &cls.payload {
        Payload::Type(t) => &t.name,
        _ => "?",
    }
}

/// `type(obj).__name__`.
pub fn type_name<B: Backend>(vm: &Vm<B>, obj: &PyRef<B>) -> String {
    match &obj.payload {
        Payload::Instance(i) => class_name(&i.class).to_string(),
        Payload::Native(n) => class_name(&n.class).to_string(),
        _ => class_name(&type_of(vm, obj)).to_string(),
    }
}

/// Whether class `cls` is `base` or derives from it.
pub fn is_subclass<B: Backend>(cls: &PyRef<B>, base: &PyRef<B>) -> bool {
    if cls.is(base) {
        return true;
    }
    match &cls.payload {
        Payload::Type(t) => t.mro.iter().any(|c| c.is(base)),
        _ => false,
    }
}

/// `isinstance(obj, cls)` for a single class (`bool` counts as an `int`).
pub fn isinstance<B: Backend>(vm: &Vm<B>, obj: &PyRef<B>, cls: &PyRef<B>) -> bool {
    if cls.is(&vm.core.object_type) {
        return true;
    }
    let t = type_of(vm, obj);
    is_subclass(&t, cls) || (cls.is(&vm.core.types.int) && matches!(obj.payload, Payload::Bool(_)))
}

/// Whether `cls` is a class of Python-level instances (user classes and exceptions).
pub fn layout<B: Backend>(cls: &PyRef<B>) -> Option<Layout> {
    match &cls.payload {
        Payload::Type(t) => Some(t.layout),
        _ => None,
    }
}

/// Python truthiness (`bool(obj)`).
pub fn is_true<B: Backend>(ctx: &mut Ctx<'_, B>, obj: &PyRef<B>) -> PyResult<B, bool> {
    Ok(match &obj.payload {
        Payload::Bool(b) => *b,
        Payload::None => false,
        Payload::Int(i) => *i != 0,
        Payload::BigInt(_) => true,
        Payload::Float(f) => *f != 0.0,
        Payload::Str(s) => !s.as_str().is_empty(),
        Payload::Bytes(b) => !b.is_empty(),
        Payload::Tuple(t) => !t.is_empty(),
        Payload::List(l) => obj.read(l, |v| !v.is_empty()),
        Payload::Dict(d) | Payload::Set(d) => obj.read(d, |d| !d.is_empty()),
        Payload::FrozenSet(f) => !f.table.is_empty(),
        Payload::Range(r) => !r.is_empty(),
        Payload::Instance(_) | Payload::Native(_) => return instance_truth(ctx, obj),
        _ => true,
    })
}

fn instance_truth<B: Backend>(ctx: &mut Ctx<'_, B>, obj: &PyRef<B>) -> PyResult<B, bool> {
    if let Some(r) = attr::call_dunder(ctx, obj, "__bool__", &[])? {
        return match r.payload {
            Payload::Bool(b) => Ok(b),
            _ => Err(ctx.type_error(format!(
                "__bool__ should return bool, returned {}",
                type_name(ctx.vm, &r)
            ))),
        };
    }
    if let Some(r) = attr::call_dunder(ctx, obj, "__len__", &[])? {
        return Ok(seq::index_value(ctx, &r)? != 0);
    }
    Ok(true)
}

/// Extracts an `i64` from an int or bool, or raises `TypeError` naming `what`.
pub fn expect_int<B: Backend>(ctx: &Ctx<'_, B>, obj: &PyRef<B>, what: &str) -> PyResult<B, i64> {
    match &obj.payload {
        Payload::Int(i) => Ok(*i),
        Payload::Bool(b) => Ok(*b as i64),
        Payload::BigInt(_) => {
            Err(ctx.overflow_error("Python int too large to convert to C ssize_t"))
        }
        _ => {
            Err(ctx
                .type_error(format!("{what} must be an integer, not {}", type_name(ctx.vm, obj))))
        }
    }
}

/// Whether an object's behaviour comes from its class dict (Python classes and native objects
/// such as dict views), so operators dispatch to its dunder methods.
#[inline]
pub fn has_dunders<B: Backend>(obj: &PyRef<B>) -> bool {
    match &obj.payload {
        Payload::Instance(_) | Payload::Native(_) => true,
        Payload::Type(t) => t.metaclass.is_some(),
        _ => false,
    }
}

/// The built-in object an instance of a subclass of a built-in type extends (`obj` itself
/// for every other object): what built-in methods and operators act on.
pub fn value_of<B: Backend>(obj: &PyRef<B>) -> &PyRef<B> {
    match &obj.payload {
        Payload::Instance(i) => i.value.as_ref().unwrap_or(obj),
        _ => obj,
    }
}

/// The text of a `str` object (or of an instance of a subclass of `str`), or `None` for
/// other objects.
pub fn as_str<B: Backend>(obj: &PyRef<B>) -> Option<&str> {
    // An instance of a subclass of `str` counts, as `PyUnicode_Check` accepts one.
    match &value_of(obj).payload {
        Payload::Str(s) => Some(s.as_str()),
        _ => None,
    }
}
