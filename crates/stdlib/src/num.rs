//! Number conversions shared by `array` and `struct`: an object's integer value by
//! `__index__` and its float value by `__float__`, as the C converters CPython's modules use.

use gillab_vm::Backend;
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::{Payload, PyRef};
use gillab_vm::ops::{attr, type_name};
use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// An integer: its value when it fits 128 bits, or just its sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum IntVal {
    /// The value.
    Fits(i128),
    /// Too large for 128 bits: negative or not.
    Huge(bool),
}

fn big_val(b: &BigInt) -> IntVal {
    match b.to_i128() {
        Some(v) => IntVal::Fits(v),
        None => IntVal::Huge(b.sign() == Sign::Minus),
    }
}

/// The integer value of `v` directly (an `int` or `bool`), without calling anything.
pub(crate) fn direct_int<B: Backend>(v: &PyRef<B>) -> Option<IntVal> {
    match &v.payload {
        Payload::Int(i) => Some(IntVal::Fits(*i as i128)),
        Payload::Bool(b) => Some(IntVal::Fits(*b as i128)),
        Payload::BigInt(b) => Some(big_val(b)),
        _ => None,
    }
}

/// `v.__index__()` as an [`IntVal`]; `None` if `v` is neither an int nor has `__index__`.
pub(crate) fn index_of<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    v: &PyRef<B>,
) -> PyResult<B, Option<IntVal>> {
    if let Some(i) = direct_int(v) {
        return Ok(Some(i));
    }
    if !matches!(v.payload, Payload::Instance(_) | Payload::Native(_)) {
        return Ok(None);
    }
    let Some(r) = attr::call_dunder(ctx, v, "__index__", &[])? else { return Ok(None) };
    match direct_int(&r) {
        Some(i) => Ok(Some(i)),
        None => {
            Err(ctx
                .type_error(format!("__index__ returned non-int (type {})", type_name(ctx.vm, &r))))
        }
    }
}

/// `v.__index__()`, or CPython's "'T' object cannot be interpreted as an integer".
pub(crate) fn index_or_error<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    v: &PyRef<B>,
) -> PyResult<B, IntVal> {
    match index_of(ctx, v)? {
        Some(i) => Ok(i),
        None => Err(ctx.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(ctx.vm, v)
        ))),
    }
}

/// A `Py_ssize_t` argument: `OverflowError` past 64 bits.
pub(crate) fn ssize_of<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, i64> {
    match index_or_error(ctx, v)? {
        IntVal::Fits(i) if i64::try_from(i).is_ok() => Ok(i as i64),
        _ => Err(ctx.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// The float value of `v` as `PyFloat_AsDouble` computes it (`__float__`, else
/// `__index__`); `None` if it has neither. An int too large is an `OverflowError`.
pub(crate) fn float_of<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, Option<f64>> {
    match &v.payload {
        Payload::Float(f) => return Ok(Some(*f)),
        Payload::Int(i) => return Ok(Some(*i as f64)),
        Payload::Bool(b) => return Ok(Some(*b as i64 as f64)),
        Payload::BigInt(b) => {
            return match b.to_f64() {
                Some(f) if f.is_finite() => Ok(Some(f)),
                _ => Err(ctx.overflow_error("int too large to convert to float")),
            };
        }
        Payload::Instance(_) | Payload::Native(_) => {}
        _ => return Ok(None),
    }
    if let Some(r) = attr::call_dunder(ctx, v, "__float__", &[])? {
        return match &r.payload {
            Payload::Float(f) => Ok(Some(*f)),
            _ => Err(ctx.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                type_name(ctx.vm, v),
                type_name(ctx.vm, &r)
            ))),
        };
    }
    match index_of(ctx, v)? {
        Some(IntVal::Fits(i)) => Ok(Some(i as f64)),
        Some(IntVal::Huge(_)) => Err(ctx.overflow_error("int too large to convert to float")),
        None => Ok(None),
    }
}

/// An int object for `v`.
pub(crate) fn int_obj<B: Backend>(ctx: &Ctx<'_, B>, v: i128) -> PyRef<B> {
    match i64::try_from(v) {
        Ok(i) => ctx.vm.int(i),
        Err(_) => ctx.vm.bigint(BigInt::from(v)),
    }
}
