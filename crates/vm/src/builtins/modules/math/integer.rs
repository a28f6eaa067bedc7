//! The integer functions: `factorial`, `gcd` and `lcm` (any number of arguments), `comb`,
//! `perm` and `isqrt`, on ints of any size (`__index__` accepted, floats refused), with
//! products of long ranges split in halves so that big results stay fast.

use super::{Args, Int, add, int_obj, one_arg, to_int};
use crate::PyRef;
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::vm::Vm;
use num_bigint::{BigInt, BigUint};
use num_integer::{Integer, Roots};
use num_traits::{One, Signed, ToPrimitive, Zero};

pub(super) fn install<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>) {
    add(vm, ns, "factorial", factorial);
    add(vm, ns, "gcd", gcd);
    add(vm, ns, "lcm", lcm);
    add(vm, ns, "comb", comb);
    add(vm, ns, "perm", perm);
    add(vm, ns, "isqrt", isqrt);
}

/// The product of the integers in `lo..hi` (1 when empty).
fn range_product(lo: u64, hi: u64) -> BigUint {
    if hi <= lo {
        return BigUint::one();
    }
    if hi - lo <= 16 {
        let mut acc = BigUint::one();
        let mut word: u64 = 1;
        for k in lo..hi {
            match word.checked_mul(k) {
                Some(w) => word = w,
                None => {
                    acc *= word;
                    word = k;
                }
            }
        }
        return acc * word;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

/// The product of the `k` integers ending at `n`: n * (n-1) * ... * (n-k+1).
fn falling(n: &BigInt, k: u64) -> BigInt {
    match n.to_u64().filter(|n| *n < u64::MAX) {
        Some(n) => BigInt::from(range_product(n - k + 1, n + 1)),
        None => falling_big(n, 0, k),
    }
}

/// The product of `n - i` for `i` in `from..to`, halving the range.
fn falling_big(n: &BigInt, from: u64, to: u64) -> BigInt {
    if to - from <= 8 {
        return (from..to).fold(BigInt::one(), |acc, i| acc * (n - i));
    }
    let mid = from + (to - from) / 2;
    falling_big(n, from, mid) * falling_big(n, mid, to)
}

/// `factorial(n)` for a non-negative `n` that fits 64 bits.
fn factorial_u64(n: u64) -> BigInt {
    BigInt::from(range_product(2, n + 1))
}

fn factorial_of<B: Backend>(ctx: &Ctx<'_, B>, n: &Int) -> PyResult<B> {
    if n.is_negative() {
        return Err(ctx.value_error("factorial() not defined for negative values"));
    }
    let Int::Small(n) = n else {
        return Err(
            ctx.overflow_error("factorial() argument should not exceed 9223372036854775807")
        );
    };
    Ok(ctx.vm.bigint(factorial_u64(*n as u64)))
}

fn factorial<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let n = to_int(ctx, one_arg(ctx, &args, "factorial")?)?;
    factorial_of(ctx, &n)
}

fn no_keywords<B: Backend>(ctx: &Ctx<'_, B>, args: &Args<'_, B>, name: &str) -> PyResult<B, ()> {
    if args.kwnames.is_empty() {
        Ok(())
    } else {
        Err(ctx.type_error(format!("math.{name}() takes no keyword arguments")))
    }
}

fn gcd<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    no_keywords(ctx, &args, "gcd")?;
    let mut small: Option<u64> = Some(0);
    let mut big = BigInt::zero();
    for a in args.args {
        let x = to_int(ctx, a)?;
        match (small, &x) {
            (Some(g), Int::Small(i)) => small = Some(g.gcd(&i.unsigned_abs())),
            _ => {
                if let Some(g) = small.take() {
                    big = BigInt::from(g);
                }
                big = big.gcd(&x.big());
            }
        }
    }
    Ok(match small {
        Some(g) => ctx.vm.bigint(BigInt::from(g)),
        None => ctx.vm.bigint(big),
    })
}

fn lcm<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    no_keywords(ctx, &args, "lcm")?;
    let mut acc = BigInt::one();
    for a in args.args {
        let x = to_int(ctx, a)?.big();
        if !acc.is_zero() {
            acc = if x.is_zero() { BigInt::zero() } else { acc.lcm(&x).abs() };
        }
    }
    Ok(ctx.vm.bigint(acc))
}

/// `n` and `k` of `comb`/`perm`, both non-negative.
fn n_k<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    n: &PyRef<B>,
    k: &PyRef<B>,
) -> PyResult<B, (BigInt, BigInt)> {
    let n = to_int(ctx, n)?;
    let k = to_int(ctx, k)?;
    if n.is_negative() {
        return Err(ctx.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(ctx.value_error("k must be a non-negative integer"));
    }
    Ok((n.big(), k.big()))
}

fn comb<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (n, k) = super::two_args(ctx, &args, "comb")?;
    let (n, k) = n_k(ctx, n, k)?;
    if k > n {
        return Ok(ctx.vm.int(0));
    }
    let k = (&n - &k).min(k);
    let Some(k) = k.to_i64() else {
        return Err(ctx.overflow_error("min(n - k, k) must not exceed 9223372036854775807"));
    };
    let k = k as u64;
    let r = falling(&n, k) / factorial_u64(k);
    Ok(ctx.vm.bigint(r))
}

fn perm<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("perm() takes no keyword arguments"));
    }
    let (n, k) = match args.args {
        [n] => (n, None),
        [n, k] => (n, Some(k)),
        [] => return Err(ctx.type_error("perm expected at least 1 argument, got 0")),
        more => {
            return Err(
                ctx.type_error(format!("perm expected at most 2 arguments, got {}", more.len()))
            );
        }
    };
    let Some(k) = k.filter(|k| !matches!(k.payload, crate::object::Payload::None)) else {
        let n = to_int(ctx, n)?;
        return factorial_of(ctx, &n);
    };
    let (n, k) = n_k(ctx, n, k)?;
    if k > n {
        return Ok(ctx.vm.int(0));
    }
    let Some(k) = k.to_i64() else {
        return Err(ctx.overflow_error("k must not exceed 9223372036854775807"));
    };
    Ok(ctx.vm.bigint(falling(&n, k as u64)))
}

fn isqrt<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let n = to_int(ctx, one_arg(ctx, &args, "isqrt")?)?;
    if n.is_negative() {
        return Err(ctx.value_error("isqrt() argument must be nonnegative"));
    }
    let r = match n {
        Int::Small(i) => Int::Small((i as u64).sqrt() as i64),
        Int::Big(b) => Int::Big(b.sqrt()),
    };
    Ok(int_obj(ctx.vm, r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products() {
        assert_eq!(factorial_u64(0), BigInt::one());
        assert_eq!(factorial_u64(20), BigInt::from(2_432_902_008_176_640_000u64));
        assert_eq!(factorial_u64(25).to_string(), "15511210043330985984000000");
        let big = BigInt::from(10u8).pow(30);
        assert_eq!(
            falling(&big, 3) / factorial_u64(3),
            "166666666666666666666666666666166666666666666666666666666667000000000000000000000000000000"
                .parse::<BigInt>()
                .unwrap_or_default()
        );
    }
}
