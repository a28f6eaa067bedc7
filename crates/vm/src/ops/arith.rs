//! Binary and unary arithmetic: Python's numeric tower (int with arbitrary precision, float,
//! bool), sequence concatenation and repetition, set algebra, `%` formatting, and dispatch to
//! user `__add__`/`__radd__`/`__iadd__`.

use super::attr::call_dunder;
use super::compare::{Num, as_num};
use super::type_name;
use crate::backend::Backend;
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{Payload, PyRef};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

/// Binary operators, numbered as `BINARY_OP`'s argument (CPython 3.11's `NB_*`); in-place
/// variants are these plus 13.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOp {
    /// `+`
    Add = 0,
    /// `&`
    And = 1,
    /// `//`
    FloorDiv = 2,
    /// `<<`
    LShift = 3,
    /// `@`
    MatMul = 4,
    /// `*`
    Mul = 5,
    /// `%`
    Mod = 6,
    /// `|`
    Or = 7,
    /// `**`
    Pow = 8,
    /// `>>`
    RShift = 9,
    /// `-`
    Sub = 10,
    /// `/`
    TrueDiv = 11,
    /// `^`
    Xor = 12,
}

const ALL: [BinOp; 13] = [
    BinOp::Add,
    BinOp::And,
    BinOp::FloorDiv,
    BinOp::LShift,
    BinOp::MatMul,
    BinOp::Mul,
    BinOp::Mod,
    BinOp::Or,
    BinOp::Pow,
    BinOp::RShift,
    BinOp::Sub,
    BinOp::TrueDiv,
    BinOp::Xor,
];

impl BinOp {
    /// Decodes `BINARY_OP`'s argument into the operator and whether it is in-place.
    pub fn from_arg(arg: u32) -> (BinOp, bool) {
        let op = ALL.get((arg % 13) as usize).copied().unwrap_or(BinOp::Add);
        (op, arg >= 13)
    }

    /// The operator text (`+`).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::And => "&",
            BinOp::FloorDiv => "//",
            BinOp::LShift => "<<",
            BinOp::MatMul => "@",
            BinOp::Mul => "*",
            BinOp::Mod => "%",
            BinOp::Or => "|",
            BinOp::Pow => "**",
            BinOp::RShift => ">>",
            BinOp::Sub => "-",
            BinOp::TrueDiv => "/",
            BinOp::Xor => "^",
        }
    }

    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

/// `a op b` (or `a op= b` when `inplace`).
pub fn binary_op<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    a: &PyRef<B>,
    b: &PyRef<B>,
    op: BinOp,
    inplace: bool,
) -> PyResult<B> {
    if let (Payload::Bool(x), Payload::Bool(y)) = (&a.payload, &b.payload) {
        match op {
            BinOp::And => return Ok(ctx.vm.bool(x & y)),
            BinOp::Or => return Ok(ctx.vm.bool(x | y)),
            BinOp::Xor => return Ok(ctx.vm.bool(x ^ y)),
            _ => {}
        }
    }
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        if op == BinOp::MatMul {
            return Err(unsupported(ctx, a, b, op, inplace));
        }
        return numeric(ctx, x, y, op);
    }
    let a_user = super::has_dunders(a);
    let b_user = super::has_dunders(b);
    if !a_user
        && b_user
        && let Some(r) = super::seq::sequence_op(ctx, a, b, op, inplace)?
    {
        // A built-in left operand that handles the right one itself (`"%s" % obj`).
        return Ok(r);
    }
    if a_user || b_user {
        let (name, rname, iname) = op.names();
        if inplace
            && a_user
            && let Some(r) = call_dunder(ctx, a, iname, std::slice::from_ref(b))?
            && !matches!(r.payload, Payload::NotImplemented)
        {
            return Ok(r);
        }
        if a_user
            && let Some(r) = call_dunder(ctx, a, name, std::slice::from_ref(b))?
            && !matches!(r.payload, Payload::NotImplemented)
        {
            return Ok(r);
        }
        if b_user
            && let Some(r) = call_dunder(ctx, b, rname, std::slice::from_ref(a))?
            && !matches!(r.payload, Payload::NotImplemented)
        {
            return Ok(r);
        }
        return Err(unsupported(ctx, a, b, op, inplace));
    }
    if let Some(r) = super::seq::sequence_op(ctx, a, b, op, inplace)? {
        return Ok(r);
    }
    Err(unsupported(ctx, a, b, op, inplace))
}

/// The `TypeError` for operand types an operator does not support.
pub fn unsupported<B: Backend>(
    ctx: &Ctx<'_, B>,
    a: &PyRef<B>,
    b: &PyRef<B>,
    op: BinOp,
    inplace: bool,
) -> PyErr<B> {
    let (ta, tb) = (type_name(ctx.vm, a), type_name(ctx.vm, b));
    if op == BinOp::Add {
        match &a.payload {
            Payload::Bytes(_) => {
                return ctx.type_error(format!("can't concat {tb} to bytes"));
            }
            Payload::Str(_) => {
                return ctx.type_error(format!("can only concatenate str (not \"{tb}\") to str"));
            }
            Payload::List(_) => {
                return ctx.type_error(format!("can only concatenate list (not \"{tb}\") to list"));
            }
            Payload::Tuple(_) => {
                return ctx
                    .type_error(format!("can only concatenate tuple (not \"{tb}\") to tuple"));
            }
            _ => {}
        }
    }
    if op == BinOp::Mul
        && matches!(
            a.payload,
            Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_)
        )
    {
        return ctx.type_error(format!("can't multiply sequence by non-int of type '{tb}'"));
    }
    let sym = if inplace { format!("{}=", op.symbol()) } else { op.symbol().to_string() };
    ctx.type_error(format!("unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"))
}

fn big_ref<'a>(n: &Num<'a>) -> std::borrow::Cow<'a, BigInt> {
    match n {
        Num::Big(b) => std::borrow::Cow::Borrowed(*b),
        Num::Int(i) => std::borrow::Cow::Owned(BigInt::from(*i)),
        Num::Float(_) => std::borrow::Cow::Owned(BigInt::zero()),
    }
}

fn to_big(n: &Num<'_>) -> BigInt {
    match n {
        Num::Int(i) => BigInt::from(*i),
        Num::Big(b) => (*b).clone(),
        Num::Float(_) => BigInt::zero(),
    }
}

/// A number as a float, raising `OverflowError` for ints too large.
pub fn num_to_f64<B: Backend>(ctx: &Ctx<'_, B>, n: &Num<'_>) -> PyResult<B, f64> {
    match n {
        Num::Int(i) => Ok(*i as f64),
        Num::Float(f) => Ok(*f),
        Num::Big(b) => match b.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(ctx.overflow_error("int too large to convert to float")),
        },
    }
}

fn numeric<B: Backend>(ctx: &mut Ctx<'_, B>, x: Num<'_>, y: Num<'_>, op: BinOp) -> PyResult<B> {
    let vm = ctx.vm;
    if let (Num::Int(a), Num::Int(b)) = (&x, &y) {
        let (a, b) = (*a, *b);
        let small = match op {
            BinOp::Add => a.checked_add(b),
            BinOp::Sub => a.checked_sub(b),
            BinOp::Mul => a.checked_mul(b),
            BinOp::And => Some(a & b),
            BinOp::Or => Some(a | b),
            BinOp::Xor => Some(a ^ b),
            BinOp::FloorDiv => {
                if b == 0 {
                    return Err(ctx.zero_division("integer division or modulo by zero"));
                }
                a.checked_div_euclid(b).map(|_| Integer::div_floor(&a, &b))
            }
            BinOp::Mod => {
                if b == 0 {
                    return Err(ctx.zero_division("integer modulo by zero"));
                }
                a.checked_rem(b).map(|_| Integer::mod_floor(&a, &b))
            }
            BinOp::RShift => {
                if b < 0 {
                    return Err(ctx.value_error("negative shift count"));
                }
                Some(if b >= 64 { if a < 0 { -1 } else { 0 } } else { a >> b })
            }
            BinOp::LShift => {
                if b < 0 {
                    return Err(ctx.value_error("negative shift count"));
                }
                if b < 63 && (a << b) >> b == a { Some(a << b) } else { None }
            }
            BinOp::Pow if b >= 0 => u32::try_from(b).ok().and_then(|e| a.checked_pow(e)),
            _ => None,
        };
        if let Some(v) = small {
            return Ok(vm.int(v));
        }
    }
    let is_float = matches!(x, Num::Float(_)) || matches!(y, Num::Float(_));
    if is_float || op == BinOp::TrueDiv {
        return float_op(ctx, &x, &y, op);
    }
    // Borrow big operands instead of copying them (only a small operand is converted).
    let (a, b) = (big_ref(&x), big_ref(&y));
    let (a, b) = (&*a, &*b);
    let r = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::And => a & b,
        BinOp::Or => a | b,
        BinOp::Xor => a ^ b,
        BinOp::FloorDiv => {
            if b.is_zero() {
                return Err(ctx.zero_division("integer division or modulo by zero"));
            }
            a.div_floor(b)
        }
        BinOp::Mod => {
            if b.is_zero() {
                return Err(ctx.zero_division("integer modulo by zero"));
            }
            a.mod_floor(b)
        }
        BinOp::LShift | BinOp::RShift => {
            if b.is_negative() {
                return Err(ctx.value_error("negative shift count"));
            }
            let Some(n) = b.to_usize() else {
                return Err(ctx.overflow_error("too many digits in integer"));
            };
            if op == BinOp::LShift { a << n } else { a >> n }
        }
        BinOp::Pow => {
            if b.is_negative() {
                return float_op(ctx, &x, &y, op);
            }
            let Some(e) = b.to_u32() else {
                return Err(ctx.overflow_error("exponent too large"));
            };
            num_traits::pow(a.clone(), e as usize)
        }
        // `@` on numbers is rejected by `binary_op`, and `/` always goes to `float_op`.
        BinOp::MatMul | BinOp::TrueDiv => return float_op(ctx, &x, &y, op),
    };
    Ok(vm.bigint(r))
}

fn float_op<B: Backend>(ctx: &mut Ctx<'_, B>, x: &Num<'_>, y: &Num<'_>, op: BinOp) -> PyResult<B> {
    if op == BinOp::TrueDiv
        && let (Num::Big(_) | Num::Int(_), Num::Big(_) | Num::Int(_)) = (x, y)
    {
        let (a, b) = (to_big(x), to_big(y));
        if b.is_zero() {
            return Err(ctx.zero_division("division by zero"));
        }
        if let (Some(fa), Some(fb)) = (a.to_f64(), b.to_f64())
            && fa.abs() < 9e15
            && fb.abs() < 9e15
        {
            return Ok(ctx.vm.float(fa / fb));
        }
        return Ok(ctx.vm.float(big_true_div(&a, &b)));
    }
    if matches!(op, BinOp::MatMul) {
        return Err(ctx.type_error("unsupported operand type(s) for @"));
    }
    let a = num_to_f64(ctx, x)?;
    let b = num_to_f64(ctx, y)?;
    let r = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::TrueDiv => {
            if b == 0.0 {
                return Err(ctx.zero_division("float division by zero"));
            }
            a / b
        }
        BinOp::FloorDiv => {
            if b == 0.0 {
                return Err(ctx.zero_division("float floor division by zero"));
            }
            float_divmod(a, b).0
        }
        BinOp::Mod => {
            if b == 0.0 {
                return Err(ctx.zero_division("float modulo"));
            }
            float_divmod(a, b).1
        }
        BinOp::Pow => return float_pow(ctx, a, b),
        BinOp::And | BinOp::Or | BinOp::Xor | BinOp::LShift | BinOp::RShift => {
            let tn = |n: &Num<'_>| if matches!(n, Num::Float(_)) { "float" } else { "int" };
            return Err(ctx.type_error(format!(
                "unsupported operand type(s) for {}: '{}' and '{}'",
                op.symbol(),
                tn(x),
                tn(y)
            )));
        }
        BinOp::MatMul => 0.0,
    };
    Ok(ctx.vm.float(r))
}

fn big_true_div(a: &BigInt, b: &BigInt) -> f64 {
    // Scale so the quotient keeps 64 significant bits, then divide exactly.
    let shift = (a.bits() as i64 - b.bits() as i64 - 64).max(0) as usize;
    let q = (a.abs() << 64usize) / (b.abs() << shift);
    let f = q.to_f64().unwrap_or(f64::INFINITY) * 2f64.powi(shift as i32 - 64);
    if a.is_negative() != b.is_negative() { -f } else { f }
}

/// Python's float `divmod`: floor quotient and a remainder with the divisor's sign.
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

fn float_pow<B: Backend>(ctx: &Ctx<'_, B>, a: f64, b: f64) -> PyResult<B> {
    if a == 0.0 && b < 0.0 {
        return Err(ctx.zero_division("0.0 cannot be raised to a negative power"));
    }
    if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
        return Err(ctx.value_error("complex numbers are not supported by gil-lab"));
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(ctx.overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(ctx.vm.float(r))
}

/// Unary operators (`UNARY_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `~x`
    Invert,
}

/// `-x`, `+x`, `~x`.
pub fn unary_op<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>, op: UnaryOp) -> PyResult<B> {
    let vm = ctx.vm;
    match (&v.payload, op) {
        (Payload::Int(i), UnaryOp::Neg) => {
            Ok(i.checked_neg().map_or_else(|| vm.bigint(-BigInt::from(*i)), |n| vm.int(n)))
        }
        (Payload::Int(i), UnaryOp::Pos) => Ok(vm.int(*i)),
        (Payload::Int(i), UnaryOp::Invert) => Ok(vm.int(!*i)),
        (Payload::Bool(b), _) => unary_op(ctx, &vm.int(*b as i64), op),
        (Payload::BigInt(b), UnaryOp::Neg) => Ok(vm.bigint(-(**b).clone())),
        (Payload::BigInt(_), UnaryOp::Pos) => Ok(v.clone()),
        (Payload::BigInt(b), UnaryOp::Invert) => Ok(vm.bigint(-(**b).clone() - 1)),
        (Payload::Float(f), UnaryOp::Neg) => Ok(vm.float(-f)),
        (Payload::Float(f), UnaryOp::Pos) => Ok(vm.float(*f)),
        (Payload::Instance(_) | Payload::Native(_), _) => {
            let name = match op {
                UnaryOp::Neg => "__neg__",
                UnaryOp::Pos => "__pos__",
                UnaryOp::Invert => "__invert__",
            };
            match call_dunder(ctx, v, name, &[])? {
                Some(r) => Ok(r),
                None => Err(bad_unary(ctx, v, op)),
            }
        }
        _ => Err(bad_unary(ctx, v, op)),
    }
}

fn bad_unary<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>, op: UnaryOp) -> PyErr<B> {
    let sym = match op {
        UnaryOp::Neg => "-",
        UnaryOp::Pos => "+",
        UnaryOp::Invert => "~",
    };
    ctx.type_error(format!("bad operand type for unary {sym}: '{}'", type_name(ctx.vm, v)))
}
