//! Sums and products: `fsum` (exact, Shewchuk's non-overlapping partials, correctly
//! rounded), `hypot` and `dist` (CPython's vector norm: power-of-two scaling, exact
//! squares, compensated summation and a corrected square root, so that results match
//! CPython's), and `prod`.

use super::real::{frexp_f64, ldexp_f64};
use super::{Args, add, to_f64, two_args};
use crate::PyRef;
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::Payload;
use crate::ops::arith::{BinOp, binary_op};
use crate::ops::{iter, seq};
use crate::vm::Vm;

pub(super) fn install<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>) {
    add(vm, ns, "fsum", fsum);
    add(vm, ns, "hypot", hypot);
    add(vm, ns, "dist", dist);
    add(vm, ns, "prod", prod);
}

// ---- fsum --------------------------------------------------------------------------------

/// Why an exact sum failed.
enum FsumError {
    /// A finite partial sum overflowed.
    Overflow,
    /// Both infinities were added.
    InfMinusInf,
}

/// The exact sum of the values `xs` yields, rounded once (ties to even); infinities and
/// NaNs are summed on the side, as CPython does.
struct Fsum {
    partials: Vec<f64>,
    special: f64,
    inf_sum: f64,
}

impl Fsum {
    fn new() -> Fsum {
        Fsum { partials: Vec::new(), special: 0.0, inf_sum: 0.0 }
    }

    fn add(&mut self, value: f64) -> Result<(), FsumError> {
        let mut x = value;
        let mut kept = 0;
        for i in 0..self.partials.len() {
            let mut y = self.partials[i];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                self.partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        self.partials.truncate(kept);
        if x != 0.0 {
            if !x.is_finite() {
                // An infinity or NaN: from the input (summed aside), or an overflow.
                if value.is_finite() {
                    return Err(FsumError::Overflow);
                }
                if value.is_infinite() {
                    self.inf_sum += value;
                }
                self.special += value;
                self.partials.clear();
            } else {
                self.partials.push(x);
            }
        }
        Ok(())
    }

    fn total(&self) -> Result<f64, FsumError> {
        if self.special != 0.0 {
            return if self.inf_sum.is_nan() {
                Err(FsumError::InfMinusInf)
            } else {
                Ok(self.special)
            };
        }
        let p = &self.partials;
        let Some((&top, rest)) = p.split_last() else { return Ok(0.0) };
        let mut hi = top;
        let mut lo = 0.0;
        let mut n = rest.len();
        // Add from the top until the sum becomes inexact.
        while n > 0 {
            let x = hi;
            let y = p[n - 1];
            n -= 1;
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Ties to even across partials: if the next partial has the sign of `lo`, the
        // true sum lies beyond the half-way point, so round `hi` that way.
        if n > 0 && (lo < 0.0 && p[n - 1] < 0.0 || lo > 0.0 && p[n - 1] > 0.0) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
        Ok(hi)
    }
}

fn fsum<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let it = super::one_arg(ctx, &args, "fsum")?;
    let it = iter::get_iter(ctx, it)?;
    let mut sum = Fsum::new();
    let fail = |ctx: &Ctx<'_, B>, e: FsumError| match e {
        FsumError::Overflow => ctx.overflow_error("intermediate overflow in fsum"),
        FsumError::InfMinusInf => ctx.value_error("-inf + inf in fsum"),
    };
    while let Some(v) = iter::next(ctx, &it)? {
        let x = to_f64(ctx, &v)?;
        sum.add(x).map_err(|e| fail(ctx, e))?;
    }
    let total = sum.total().map_err(|e| fail(ctx, e))?;
    Ok(ctx.vm.float(total))
}

// ---- hypot and dist ----------------------------------------------------------------------

/// `(hi, lo)` with `hi + lo == a + b` exactly, for `|a| >= |b|`.
fn fast_two_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    (x, (a - x) + b)
}

/// `(hi, lo)` with `hi + lo == x * y` exactly.
fn two_product(x: f64, y: f64) -> (f64, f64) {
    let z = x * y;
    (z, x.mul_add(y, -z))
}

/// `sqrt(sum(x*x for x in v))` for the non-negative values `v`, whose largest is `max`.
fn vector_norm(v: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp_f64(max);
    if max_e < -1023 {
        // Subnormal inputs: scale them up by DBL_MIN first, where 2**-max_e would overflow.
        for x in v.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(v, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp_f64(1.0, -i64::from(max_e));
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &x in v.iter() {
        let x = x * scale;
        let (sq, sq_lo) = two_product(x, x);
        let (s, s_lo) = fast_two_sum(csum, sq);
        csum = s;
        frac1 += sq_lo;
        frac2 += s_lo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    // One differential correction: h += (sum - h*h) / (2h), with sum - h*h exact.
    let (sq, sq_lo) = two_product(-h, h);
    let (s, s_lo) = fast_two_sum(csum, sq);
    csum = s;
    frac1 += sq_lo;
    frac2 += s_lo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn hypot<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("math.hypot() takes no keyword arguments"));
    }
    let mut v = Vec::with_capacity(args.args.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for a in args.args {
        let x = to_f64(ctx, a)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(ctx.vm.float(vector_norm(&mut v, max, found_nan)))
}

/// The items of a point: a tuple's own, else those of any iterable.
fn coordinates<B: Backend>(ctx: &mut Ctx<'_, B>, p: &PyRef<B>) -> PyResult<B, Vec<PyRef<B>>> {
    match &p.payload {
        Payload::Tuple(items) => Ok(items.to_vec()),
        _ => seq::to_vec(ctx, p),
    }
}

fn dist<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (p, q) = two_args(ctx, &args, "dist")?;
    let p = coordinates(ctx, p)?;
    let q = coordinates(ctx, q)?;
    if p.len() != q.len() {
        return Err(ctx.value_error("both points must have the same number of dimensions"));
    }
    let mut v = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (a, b) in p.iter().zip(&q) {
        let x = to_f64(ctx, a)?;
        let y = to_f64(ctx, b)?;
        let d = (x - y).abs();
        found_nan |= d.is_nan();
        if d > max {
            max = d;
        }
        v.push(d);
    }
    Ok(ctx.vm.float(vector_norm(&mut v, max, found_nan)))
}

// ---- prod --------------------------------------------------------------------------------

/// `prod(iterable, /, *, start=1)`: `start * x0 * x1 * ...`, with fast paths for ints
/// that fit 64 bits and for floats (the same results as `*`).
fn prod<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let pos = args.positional();
    if pos.len() != 1 {
        return Err(ctx.type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            pos.len()
        )));
    }
    let mut start = None;
    for (k, v) in args.kwargs() {
        if k != "start" {
            return Err(ctx.type_error(format!("'{k}' is an invalid keyword argument for prod()")));
        }
        start = Some(v.clone());
    }
    let vm = ctx.vm;
    let mut acc = start.unwrap_or_else(|| vm.int(1));
    let it = iter::get_iter(ctx, &pos[0])?;
    while let Some(x) = iter::next(ctx, &it)? {
        let fast = match (&acc.payload, &x.payload) {
            (Payload::Int(a), Payload::Int(b)) => a.checked_mul(*b).map(|r| vm.int(r)),
            (Payload::Float(a), Payload::Float(b)) => Some(vm.float(a * b)),
            _ => None,
        };
        acc = match fast {
            Some(r) => r,
            None => binary_op(ctx, &acc, &x, BinOp::Mul, false)?,
        };
    }
    Ok(acc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fsum_of(xs: &[f64]) -> f64 {
        let mut s = Fsum::new();
        for &x in xs {
            assert!(s.add(x).is_ok());
        }
        s.total().ok().unwrap_or(f64::NAN)
    }

    #[test]
    fn fsum_is_exact() {
        assert_eq!(fsum_of(&[0.1; 10]), 1.0);
        assert_eq!(fsum_of(&[1.0, 1e100, 1.0, -1e100]), 2.0);
        assert_eq!(fsum_of(&[1e16, 1.0, 1e-16]), 10_000_000_000_000_002.0);
        assert_eq!(fsum_of(&[-0.0]), 0.0);
    }

    #[test]
    fn norms() {
        assert_eq!(vector_norm(&mut [3.0, 4.0], 4.0, false), 5.0);
        assert_eq!(vector_norm(&mut [3.0, 4.0, 12.0], 12.0, false), 13.0);
        assert_eq!(vector_norm(&mut [1e-320, 1e-320], 1e-320, false), 1.414e-320);
    }
}
