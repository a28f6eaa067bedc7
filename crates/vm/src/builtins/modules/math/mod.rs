//! `math`, every function and constant of CPython 3.11's module, with CPython's results
//! and messages (`math domain error` as `ValueError`, `math range error` as
//! `OverflowError`, the argument `TypeError`s).
//!
//! Split by responsibility: this file holds the module table, argument conversion and the
//! one-argument real functions with CPython's `math_1` error rules; [`special`] the
//! functions CPython computes itself (`gamma`, `lgamma`) or takes from the C library
//! (`erf`, `erfc`, the inverse hyperbolics); [`real`] the other real functions (`log`
//! with big ints, `pow`, `atan2`, `fmod`, `remainder`, `frexp`, `ldexp`, `modf`,
//! `nextafter`, `ulp`, `isclose`, `floor`/`ceil`/`trunc`); [`sums`] `fsum`, `hypot`,
//! `dist` and `prod`; [`integer`] `factorial`, `gcd`, `lcm`, `comb`, `perm`, `isqrt`.
//!
//! The elementary functions are the platform C library's, as in CPython, so results agree
//! bit for bit with CPython built against the same library.

mod integer;
mod real;
mod special;
mod sums;

use crate::PyRef;
use crate::backend::Backend;
use crate::builtins::{Args, NativeFn, add};
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::Payload;
use crate::ops::{attr, type_name};
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

pub(super) fn fill<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>) {
    let put = |name: &str, v: f64| crate::ops::dicts::set_name(ns, vm.intern(name), vm.float(v));
    put("pi", std::f64::consts::PI);
    put("e", std::f64::consts::E);
    put("tau", std::f64::consts::TAU);
    put("inf", f64::INFINITY);
    put("nan", f64::NAN);
    let one: [(&'static str, NativeFn<B>); 29] = [
        ("sqrt", sqrt),
        ("exp", exp),
        ("exp2", exp2),
        ("expm1", expm1),
        ("log1p", log1p),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("asinh", special::asinh),
        ("acosh", special::acosh),
        ("atanh", special::atanh),
        ("erf", special::erf),
        ("erfc", special::erfc),
        ("gamma", special::gamma),
        ("lgamma", special::lgamma),
        ("cbrt", special::cbrt),
        ("fabs", fabs),
        ("degrees", degrees),
        ("radians", radians),
        ("isnan", isnan),
        ("isinf", isinf),
        ("isfinite", isfinite),
        ("ulp", real::ulp),
    ];
    for (name, f) in one {
        add(vm, ns, name, f);
    }
    real::install(vm, ns);
    sums::install(vm, ns);
    integer::install(vm, ns);
}

// ---- argument conversion -----------------------------------------------------------------

/// `PyFloat_AsDouble`: a float, an int (which must fit), or an object with `__float__`
/// (or, lacking it, `__index__`); CPython's `TypeError` otherwise.
pub(crate) fn to_f64<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, f64> {
    match &v.payload {
        Payload::Float(f) => return Ok(*f),
        Payload::Int(i) => return Ok(*i as f64),
        Payload::Bool(b) => return Ok(*b as i64 as f64),
        Payload::BigInt(b) => return big_to_f64(ctx, b),
        _ => {}
    }
    if crate::ops::has_dunders(v) {
        if let Some(r) = attr::call_dunder(ctx, v, "__float__", &[])? {
            return match &r.payload {
                Payload::Float(f) => Ok(*f),
                _ => Err(ctx.type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    type_name(ctx.vm, v),
                    type_name(ctx.vm, &r)
                ))),
            };
        }
        if attr::lookup_special(ctx, v, "__index__").is_some() {
            let i = to_int(ctx, v)?;
            return match &i {
                Int::Small(i) => Ok(*i as f64),
                Int::Big(b) => big_to_f64(ctx, b),
            };
        }
    }
    Err(ctx.type_error(format!("must be real number, not {}", type_name(ctx.vm, v))))
}

/// A big int as a float, correctly rounded; `OverflowError` when it is too large.
pub(crate) fn big_to_f64<B: Backend>(ctx: &Ctx<'_, B>, b: &BigInt) -> PyResult<B, f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(ctx.overflow_error("int too large to convert to float")),
    }
}

/// An integer argument: `__index__` semantics.
pub(crate) enum Int {
    Small(i64),
    Big(BigInt),
}

impl Int {
    pub(crate) fn big(&self) -> BigInt {
        match self {
            Int::Small(i) => BigInt::from(*i),
            Int::Big(b) => b.clone(),
        }
    }

    pub(crate) fn is_negative(&self) -> bool {
        match self {
            Int::Small(i) => *i < 0,
            Int::Big(b) => b.sign() == num_bigint::Sign::Minus,
        }
    }
}

/// `operator.index(v)`: an int, a bool, or an object whose `__index__` returns an int.
pub(crate) fn to_int<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, Int> {
    let direct = |p: &Payload<B>| match p {
        Payload::Int(i) => Some(Int::Small(*i)),
        Payload::Bool(b) => Some(Int::Small(*b as i64)),
        Payload::BigInt(b) => Some(Int::Big((**b).clone())),
        _ => None,
    };
    if let Some(i) = direct(&v.payload) {
        return Ok(i);
    }
    if crate::ops::has_dunders(v)
        && let Some(r) = attr::call_dunder(ctx, v, "__index__", &[])?
    {
        return direct(&r.payload).ok_or_else(|| {
            ctx.type_error(format!("__index__ returned non-int (type {})", type_name(ctx.vm, &r)))
        });
    }
    Err(ctx.type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        type_name(ctx.vm, v)
    )))
}

/// An int object from a big integer.
pub(crate) fn int_obj<B: Backend>(vm: &Vm<B>, i: Int) -> PyRef<B> {
    match i {
        Int::Small(i) => vm.int(i),
        Int::Big(b) => vm.bigint(b),
    }
}

/// The single argument of a `METH_O` function, with CPython's messages.
pub(crate) fn one_arg<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
) -> PyResult<B, &'a PyRef<B>> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error(format!("math.{name}() takes no keyword arguments")));
    }
    match args.args {
        [x] => Ok(x),
        _ => Err(ctx.type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            args.args.len()
        ))),
    }
}

/// The two arguments of a positional-only two-argument function.
pub(crate) fn two_args<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
) -> PyResult<B, (&'a PyRef<B>, &'a PyRef<B>)> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error(format!("{name}() takes no keyword arguments")));
    }
    match args.args {
        [x, y] => Ok((x, y)),
        _ => Err(ctx.type_error(format!("{name} expected 2 arguments, got {}", args.args.len()))),
    }
}

/// `ValueError: math domain error`.
pub(crate) fn domain<B: Backend>(ctx: &Ctx<'_, B>) -> PyErr<B> {
    ctx.value_error("math domain error")
}

/// `OverflowError: math range error`.
pub(crate) fn range<B: Backend>(ctx: &Ctx<'_, B>) -> PyErr<B> {
    ctx.overflow_error("math range error")
}

// ---- one-argument real functions ---------------------------------------------------------

/// CPython's `math_1`: `f(x)`, where a NaN from a non-NaN is a domain error, and an
/// infinity from a finite value is a range error (`can_overflow`) or a domain error (a
/// pole).
fn math_1<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: &Args<'_, B>,
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<B> {
    let x = to_f64(ctx, one_arg(ctx, args, name)?)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(ctx));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range(ctx) } else { domain(ctx) });
    }
    Ok(ctx.vm.float(r))
}

macro_rules! func1 {
    ($name:ident, $f:expr, $overflow:expr) => {
        fn $name<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
            math_1(ctx, &args, stringify!($name), $f, $overflow)
        }
    };
}

func1!(sqrt, f64::sqrt, false);
func1!(exp, f64::exp, true);
func1!(exp2, f64::exp2, true);
func1!(expm1, f64::exp_m1, true);
func1!(log1p, special::log1p, false);
func1!(sin, f64::sin, false);
func1!(cos, f64::cos, false);
func1!(tan, f64::tan, false);
func1!(asin, f64::asin, false);
func1!(acos, f64::acos, false);
func1!(atan, f64::atan, false);
func1!(sinh, f64::sinh, true);
func1!(cosh, f64::cosh, true);
func1!(tanh, f64::tanh, false);
func1!(fabs, f64::abs, false);

/// The one-argument function `f` with `math_1`'s rules, for the other files.
pub(crate) fn apply_1<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: &Args<'_, B>,
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<B> {
    math_1(ctx, args, name, f, can_overflow)
}

const RAD_TO_DEG: f64 = 180.0 / std::f64::consts::PI;
const DEG_TO_RAD: f64 = std::f64::consts::PI / 180.0;

fn degrees<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let x = to_f64(ctx, one_arg(ctx, &args, "degrees")?)?;
    Ok(ctx.vm.float(x * RAD_TO_DEG))
}

fn radians<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let x = to_f64(ctx, one_arg(ctx, &args, "radians")?)?;
    Ok(ctx.vm.float(x * DEG_TO_RAD))
}

fn isnan<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let x = to_f64(ctx, one_arg(ctx, &args, "isnan")?)?;
    Ok(ctx.vm.bool(x.is_nan()))
}

fn isinf<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let x = to_f64(ctx, one_arg(ctx, &args, "isinf")?)?;
    Ok(ctx.vm.bool(x.is_infinite()))
}

fn isfinite<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let x = to_f64(ctx, one_arg(ctx, &args, "isfinite")?)?;
    Ok(ctx.vm.bool(x.is_finite()))
}
