//! The real functions beyond the one-argument table: logarithms (of ints of any size),
//! `pow`, the two-argument functions with CPython's `math_2` rules (`atan2`, `copysign`,
//! `remainder`) and `fmod`, the float decompositions (`frexp`, `ldexp`, `modf`),
//! `nextafter`, `ulp`, `isclose`, and `floor`/`ceil`/`trunc` (with `__floor__`,
//! `__ceil__`, `__trunc__`).

use super::{Args, add, domain, one_arg, range, to_f64, two_args};
use crate::PyRef;
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::Payload;
use crate::ops::{attr, type_name};
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};
use num_traits::{FromPrimitive, ToPrimitive};

pub(super) fn install<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>) {
    add(vm, ns, "log", log);
    add(vm, ns, "log2", log2);
    add(vm, ns, "log10", log10);
    add(vm, ns, "pow", pow);
    add(vm, ns, "atan2", atan2);
    add(vm, ns, "copysign", copysign);
    add(vm, ns, "remainder", remainder);
    add(vm, ns, "fmod", fmod);
    add(vm, ns, "frexp", frexp);
    add(vm, ns, "ldexp", ldexp);
    add(vm, ns, "modf", modf);
    add(vm, ns, "nextafter", nextafter);
    add(vm, ns, "isclose", isclose);
    add(vm, ns, "floor", floor);
    add(vm, ns, "ceil", ceil);
    add(vm, ns, "trunc", trunc);
}

// ---- logarithms --------------------------------------------------------------------------

/// `log`-like `f` of `v`: an int of any size (`log(m * 2**e) = log(m) + e*log(2)` when it
/// does not fit a float), or anything `float()` accepts with `math_1`'s rules.
fn log_of<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>, f: fn(f64) -> f64) -> PyResult<B, f64> {
    let big = match &v.payload {
        Payload::Int(i) => Some(BigInt::from(*i)),
        Payload::Bool(b) => Some(BigInt::from(*b as i64)),
        Payload::BigInt(b) => Some((**b).clone()),
        _ => None,
    };
    if let Some(n) = big {
        if n.sign() != Sign::Plus {
            return Err(domain(ctx));
        }
        return Ok(match n.to_f64().filter(|x| x.is_finite()) {
            Some(x) => f(x),
            None => {
                let (m, e) = frexp_big(&n);
                f(m) + f(2.0) * e as f64
            }
        });
    }
    let x = to_f64(ctx, v)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() || r.is_infinite() && x.is_finite() {
        return Err(domain(ctx));
    }
    Ok(r)
}

/// `(m, e)` with `n == m * 2**e` (m correctly rounded to 53 bits, `0.5 <= m < 1`), for a
/// positive `n`.
fn frexp_big(n: &BigInt) -> (f64, u64) {
    let bits = n.bits();
    let top = if bits > 64 {
        let shifted: BigInt = n >> (bits - 64);
        let low_lost = n.trailing_zeros().is_some_and(|z| z < bits - 64);
        shifted.to_u64().unwrap_or(u64::MAX) | low_lost as u64
    } else {
        n.to_u64().unwrap_or(0) << (64 - bits)
    };
    // u64 -> f64 rounds to nearest even; the sticky bit makes that the right rounding.
    let m = top as f64 / 18_446_744_073_709_551_616.0;
    if m >= 1.0 { (0.5, bits + 1) } else { (m, bits) }
}

fn log<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("log() takes no keyword arguments"));
    }
    let (x, base) = match args.args {
        [x] => (x, None),
        [x, b] => (x, Some(b)),
        _ => return Err(ctx.type_error("math.log requires 1 to 2 arguments")),
    };
    let num = log_of(ctx, x, f64::ln)?;
    let Some(base) = base else { return Ok(ctx.vm.float(num)) };
    let den = log_of(ctx, base, f64::ln)?;
    if den == 0.0 {
        return Err(ctx.zero_division("float division by zero"));
    }
    Ok(ctx.vm.float(num / den))
}

fn log2<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let r = log_of(ctx, one_arg(ctx, &args, "log2")?, f64::log2)?;
    Ok(ctx.vm.float(r))
}

fn log10<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let r = log_of(ctx, one_arg(ctx, &args, "log10")?, f64::log10)?;
    Ok(ctx.vm.float(r))
}

// ---- two-argument functions --------------------------------------------------------------

/// CPython's `math_2`: a NaN from non-NaNs is a domain error, an infinity from finite
/// values a range error.
fn math_2<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: &Args<'_, B>,
    name: &str,
    f: fn(f64, f64) -> f64,
) -> PyResult<B> {
    let (a, b) = two_args(ctx, args, name)?;
    let x = to_f64(ctx, a)?;
    let y = to_f64(ctx, b)?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(ctx));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range(ctx));
    }
    Ok(ctx.vm.float(r))
}

fn atan2<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    math_2(ctx, &args, "atan2", f64::atan2)
}

fn copysign<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    math_2(ctx, &args, "copysign", f64::copysign)
}

/// IEEE 754 remainder: `x - n*y` with `n` the integer nearest `x/y` (ties to even), exact.
fn ieee_remainder(x: f64, y: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() || y == 0.0 {
        return f64::NAN;
    }
    if y.is_infinite() {
        return x;
    }
    let (ax, ay) = (x.abs(), y.abs());
    let m = ax % ay;
    let c = ay - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        // Half way: pick the even multiple.
        m - 2.0 * ((0.5 * (ax - m)) % ay)
    };
    1f64.copysign(x) * r
}

fn remainder<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    math_2(ctx, &args, "remainder", ieee_remainder)
}

fn fmod<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (a, b) = two_args(ctx, &args, "fmod")?;
    let x = to_f64(ctx, a)?;
    let y = to_f64(ctx, b)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(ctx.vm.float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(ctx));
    }
    Ok(ctx.vm.float(r))
}

/// `x ** y` with C99's special values decided here, as CPython does.
fn pow<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (a, b) = two_args(ctx, &args, "pow")?;
    let x = to_f64(ctx, a)?;
    let y = to_f64(ctx, b)?;
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 || y < 0.0 && x.abs() < 1.0 {
            f64::INFINITY
        } else {
            0.0
        }
    } else {
        let r = x.powf(y);
        if r.is_nan() || r.is_infinite() && x == 0.0 {
            return Err(domain(ctx));
        }
        if r.is_infinite() {
            return Err(range(ctx));
        }
        r
    };
    Ok(ctx.vm.float(r))
}

// ---- decompositions ----------------------------------------------------------------------

/// `(m, e)` with `x == m * 2**e` and `0.5 <= |m| < 1`; `(x, 0)` for zeros, infinities and
/// NaNs.
pub(super) fn frexp_f64(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first (exact).
        let (m, e) = frexp_f64(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `x * 2**n` rounded once (the C library's `scalbn`).
pub(super) fn ldexp_f64(mut x: f64, mut n: i64) -> f64 {
    let two_1023 = f64::from_bits(0x7fe0_0000_0000_0000);
    // 2**-1022 * 2**53: stepping down by it keeps the value normal until the last product,
    // so a subnormal result is rounded only once.
    let down = f64::from_bits(0x0010_0000_0000_0000) * f64::from_bits(0x4340_0000_0000_0000);
    if n > 1023 {
        x *= two_1023;
        n -= 1023;
        if n > 1023 {
            x *= two_1023;
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        x *= down;
        n += 1022 - 53;
        if n < -1022 {
            x *= down;
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    x * f64::from_bits(((0x3ff + n) as u64) << 52)
}

fn frexp<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let x = to_f64(ctx, one_arg(ctx, &args, "frexp")?)?;
    let (m, e) = frexp_f64(x);
    let vm = ctx.vm;
    Ok(vm.tuple(vec![vm.float(m), vm.int(e as i64)]))
}

fn ldexp<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (a, b) = two_args(ctx, &args, "ldexp")?;
    let x = to_f64(ctx, a)?;
    let n = match &b.payload {
        Payload::Int(i) => *i,
        Payload::Bool(v) => *v as i64,
        Payload::BigInt(big) => {
            if big.sign() == Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        _ => return Err(ctx.type_error("Expected an int as second argument to ldexp.")),
    };
    let r = if x == 0.0 || !x.is_finite() {
        x
    } else if n > i64::from(i32::MAX) {
        return Err(range(ctx));
    } else if n < i64::from(i32::MIN) {
        0f64.copysign(x)
    } else {
        let r = ldexp_f64(x, n);
        if r.is_infinite() {
            return Err(range(ctx));
        }
        r
    };
    Ok(ctx.vm.float(r))
}

fn modf<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let x = to_f64(ctx, one_arg(ctx, &args, "modf")?)?;
    let (frac, whole) = if x.is_infinite() {
        (0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let whole = x.trunc();
        ((x - whole).copysign(x), whole)
    };
    let vm = ctx.vm;
    Ok(vm.tuple(vec![vm.float(frac), vm.float(whole)]))
}

/// The next float after `x` towards `y` (`y` itself when they are equal).
pub(super) fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let away = (y > x) == (x > 0.0);
    f64::from_bits(if away { bits + 1 } else { bits - 1 })
}

fn nextafter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (a, b) = two_args(ctx, &args, "nextafter")?;
    let x = to_f64(ctx, a)?;
    let y = to_f64(ctx, b)?;
    Ok(ctx.vm.float(next_after(x, y)))
}

pub(super) fn ulp<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let x = to_f64(ctx, one_arg(ctx, &args, "ulp")?)?;
    let ax = x.abs();
    let r = if !ax.is_finite() {
        ax
    } else {
        let up = next_after(ax, f64::INFINITY);
        if up.is_infinite() { ax - next_after(ax, f64::NEG_INFINITY) } else { up - ax }
    };
    Ok(ctx.vm.float(r))
}

// ---- isclose -----------------------------------------------------------------------------

fn isclose<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let pos = args.positional();
    if pos.len() > 2 {
        return Err(ctx.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            pos.len()
        )));
    }
    let names = ["a", "b", "rel_tol", "abs_tol"];
    let mut slots: [Option<&PyRef<B>>; 4] = [pos.first(), pos.get(1), None, None];
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if slots[i].is_some() && i < pos.len() => {
                return Err(ctx.type_error(format!(
                    "argument for isclose() given by name ('{k}') and position ({})",
                    i + 1
                )));
            }
            Some(i) => slots[i] = Some(v),
            None => {
                return Err(
                    ctx.type_error(format!("'{k}' is an invalid keyword argument for isclose()"))
                );
            }
        }
    }
    let mut vals = [0.0f64; 4];
    for (i, slot) in slots.iter().enumerate() {
        vals[i] = match (slot, i) {
            (Some(v), _) => to_f64(ctx, v)?,
            (None, 0 | 1) => {
                return Err(ctx.type_error(format!(
                    "isclose() missing required argument '{}' (pos {})",
                    names[i],
                    i + 1
                )));
            }
            (None, 2) => 1e-9,
            (None, _) => 0.0,
        };
    }
    let [a, b, rel_tol, abs_tol] = vals;
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(ctx.value_error("tolerances must be non-negative"));
    }
    let close = if a == b {
        true
    } else if a.is_infinite() || b.is_infinite() {
        false
    } else {
        let diff = (b - a).abs();
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol
    };
    Ok(ctx.vm.bool(close))
}

// ---- floor, ceil, trunc ------------------------------------------------------------------

/// The int equal to the integral float `x`, with CPython's errors for NaN and infinities.
pub(super) fn int_of_float<B: Backend>(ctx: &Ctx<'_, B>, x: f64) -> PyResult<B> {
    if x.is_nan() {
        return Err(ctx.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(ctx.overflow_error("cannot convert float infinity to integer"));
    }
    if x.abs() < 9.2e18 {
        return Ok(ctx.vm.int(x as i64));
    }
    Ok(ctx.vm.bigint(BigInt::from_f64(x).unwrap_or_default()))
}

/// `floor`/`ceil`: a float rounded, an int itself, `__floor__`/`__ceil__` when the class
/// has it, else the value as a float, rounded.
fn rounding<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: &Args<'_, B>,
    name: &str,
    dunder: &str,
    f: fn(f64) -> f64,
) -> PyResult<B> {
    let v = one_arg(ctx, args, name)?;
    let x = match &v.payload {
        Payload::Float(x) => *x,
        Payload::Int(_) | Payload::BigInt(_) => return Ok(v.clone()),
        Payload::Bool(b) => return Ok(ctx.vm.int(*b as i64)),
        _ => {
            if crate::ops::has_dunders(v)
                && let Some(r) = attr::call_dunder(ctx, v, dunder, &[])?
            {
                return Ok(r);
            }
            to_f64(ctx, v)?
        }
    };
    int_of_float(ctx, f(x))
}

fn floor<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    rounding(ctx, &args, "floor", "__floor__", f64::floor)
}

fn ceil<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    rounding(ctx, &args, "ceil", "__ceil__", f64::ceil)
}

fn trunc<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let v = one_arg(ctx, &args, "trunc")?;
    match &v.payload {
        Payload::Float(x) => return int_of_float(ctx, x.trunc()),
        Payload::Int(_) | Payload::BigInt(_) => return Ok(v.clone()),
        Payload::Bool(b) => return Ok(ctx.vm.int(*b as i64)),
        _ => {}
    }
    if crate::ops::has_dunders(v)
        && let Some(r) = attr::call_dunder(ctx, v, "__trunc__", &[])?
    {
        return Ok(r);
    }
    Err(ctx.type_error(format!("type {} doesn't define __trunc__ method", type_name(ctx.vm, v))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ldexp_rounds_once_into_subnormals() {
        assert_eq!(ldexp_f64(1.0, -1074), f64::from_bits(1));
        assert_eq!(ldexp_f64(1.5, -1074), f64::from_bits(2));
        assert_eq!(ldexp_f64(1.0, 1024), f64::INFINITY);
        assert_eq!(ldexp_f64(0.75, 1024), 1.5 * 2f64.powi(1023));
    }

    #[test]
    fn remainder_ties_to_even() {
        assert_eq!(ieee_remainder(7.0, 2.0), -1.0);
        assert_eq!(ieee_remainder(5.0, 2.0), 1.0);
        assert_eq!(ieee_remainder(-5.0, 2.0), -1.0);
    }

    #[test]
    fn frexp_of_big_ints() {
        let n = BigInt::from(1u8) << 2000u32;
        assert_eq!(frexp_big(&n), (0.5, 2001));
        let n3 = BigInt::from(3u8) << 1500u32;
        assert_eq!(frexp_big(&n3), (0.75, 1502));
    }
}
