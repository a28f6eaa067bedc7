//! The special functions: `gamma` and `lgamma` computed as CPython computes them (a
//! Lanczos sum with N = 13 and g = 6.024680040776729583740234375, as in the Boost library,
//! and the reflection formula through an accurate `sin(pi*x)`), so that results match
//! CPython's bit for bit; `erf`, `erfc` and the inverse hyperbolic functions from the
//! platform C library, which CPython 3.11 also calls (Rust's own `asinh`/`acosh`/`atanh`
//! and `cbrt` are computed differently: Rust links its own `cbrt`, whose results differ
//! from glibc's in the last bit).

use super::{Args, domain, one_arg, range, to_f64};
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};

// SAFETY: these are the C99 <math.h> functions of the platform's libm, which the Rust
// standard library already links on every supported target; each takes and returns a
// plain `double`, has no preconditions, and touches no memory, so calling them is safe.
unsafe extern "C" {
    #[link_name = "erf"]
    safe fn c_erf(x: f64) -> f64;
    #[link_name = "erfc"]
    safe fn c_erfc(x: f64) -> f64;
    #[link_name = "asinh"]
    safe fn c_asinh(x: f64) -> f64;
    #[link_name = "acosh"]
    safe fn c_acosh(x: f64) -> f64;
    #[link_name = "atanh"]
    safe fn c_atanh(x: f64) -> f64;
}

/// The C library's `cbrt`. Rust's standard library carries its own `cbrt` and links it into
/// the program, where it takes the plain symbol, so on glibc the library's function is
/// looked up by name in `libm.so.6` once; elsewhere Rust's is used.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn c_cbrt(x: f64) -> f64 {
    use std::ffi::{c_char, c_int, c_void};
    use std::sync::OnceLock;
    // SAFETY: glibc's `dlopen` and `dlsym` with their C signatures (in libc since glibc
    // 2.34, in libdl before); they are only called in the block below.
    unsafe extern "C" {
        fn dlopen(filename: *const c_char, flags: c_int) -> *mut c_void;
        fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
    }
    const RTLD_NOW: c_int = 2;
    static CBRT: OnceLock<Option<extern "C" fn(f64) -> f64>> = OnceLock::new();
    let f = CBRT.get_or_init(|| {
        // SAFETY: both names are NUL-terminated C strings; dlopen of the already-loaded
        // libm only adds a reference to it (never released, so the function stays mapped);
        // dlsym returns the address of glibc's `double cbrt(double)`, a function with exactly
        // the signature it is transmuted to, or null, which is checked first.
        unsafe {
            let handle = dlopen(c"libm.so.6".as_ptr(), RTLD_NOW);
            if handle.is_null() {
                return None;
            }
            let p = dlsym(handle, c"cbrt".as_ptr());
            if p.is_null() {
                None
            } else {
                Some(std::mem::transmute::<*mut c_void, extern "C" fn(f64) -> f64>(p))
            }
        }
    });
    match f {
        Some(f) => f(x),
        None => x.cbrt(),
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn c_cbrt(x: f64) -> f64 {
    x.cbrt()
}

/// `log1p`, keeping the sign of a zero.
pub(super) fn log1p(x: f64) -> f64 {
    if x == 0.0 { x } else { x.ln_1p() }
}

macro_rules! libm_func {
    ($name:ident, $f:ident, $overflow:expr) => {
        pub(super) fn $name<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
            super::apply_1(ctx, &args, stringify!($name), |x| $f(x), $overflow)
        }
    };
}

libm_func!(erf, c_erf, false);
libm_func!(erfc, c_erfc, false);
libm_func!(asinh, c_asinh, false);
libm_func!(acosh, c_acosh, false);
libm_func!(atanh, c_atanh, false);
libm_func!(cbrt, c_cbrt, false);

/// How a special function failed: CPython's `EDOM` (a `ValueError`) or `ERANGE` (an
/// `OverflowError`).
enum Fail {
    Domain,
    Range,
}

pub(super) fn gamma<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let x = to_f64(ctx, one_arg(ctx, &args, "gamma")?)?;
    match tgamma(x) {
        Ok(r) => Ok(ctx.vm.float(r)),
        Err(Fail::Domain) => Err(domain(ctx)),
        Err(Fail::Range) => Err(range(ctx)),
    }
}

pub(super) fn lgamma<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let x = to_f64(ctx, one_arg(ctx, &args, "lgamma")?)?;
    match log_gamma(x) {
        Ok(r) => Ok(ctx.vm.float(r)),
        Err(Fail::Domain) => Err(domain(ctx)),
        Err(Fail::Range) => Err(range(ctx)),
    }
}

const PI: f64 = std::f64::consts::PI;
#[allow(clippy::excessive_precision)]
const LOG_PI: f64 = 1.144729885849400174143427351353058711647;
// g and g - 1/2 are exactly representable; their digits are kept in full.
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;

/// The numerator of the Lanczos sum as a rational function, lowest power first.
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];

/// The denominator: the coefficients of x*(x+1)*...*(x+11), lowest power first.
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// The Lanczos sum for `x > 0`; for large `x` both polynomials are divided by x^12 so
/// that they do not overflow.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for (n, d) in LANCZOS_NUM.iter().zip(&LANCZOS_DEN).rev() {
            num = num * x + n;
            den = den * x + d;
        }
    } else {
        for (n, d) in LANCZOS_NUM.iter().zip(&LANCZOS_DEN) {
            num = num / x + n;
            den = den / x + d;
        }
    }
    num / den
}

/// `sin(pi * x)` for finite `x`, exact at the integers and half-integers.
fn sin_pi(x: f64) -> f64 {
    let y = (x.abs()) % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        // sin(pi*(1-y)), not -sin(pi*(y-1)), which would give -0.0 at y == 1.
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1f64.copysign(x) * r
}

/// Gamma(n) for n = 1..=23, exactly.
fn gamma_of_integer(n: usize) -> f64 {
    let mut r = 1.0f64;
    for k in 2..n {
        r *= k as f64;
    }
    r
}

fn tgamma(x: f64) -> Result<f64, Fail> {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { Ok(x) } else { Err(Fail::Domain) };
    }
    if x == 0.0 {
        return Err(Fail::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(Fail::Domain);
        }
        if x <= 23.0 {
            return Ok(gamma_of_integer(x as usize));
        }
    }
    let ax = x.abs();
    if ax < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(Fail::Range) } else { Ok(r) };
    }
    if ax > 200.0 {
        return if x < 0.0 { Ok(0.0 / sin_pi(x)) } else { Err(Fail::Range) };
    }
    let y = ax + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, which pow and exp would magnify: corrected for below.
    let z = if ax > LANCZOS_G_MINUS_HALF {
        let q = y - ax;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - ax
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sin_pi(ax) / ax * y.exp() / lanczos_sum(ax);
        r -= z * r;
        if ax < 140.0 {
            r /= y.powf(ax - 0.5);
        } else {
            let half = y.powf(ax / 2.0 - 0.25);
            r /= half;
            r /= half;
        }
    } else {
        r = lanczos_sum(ax) / y.exp();
        r += z * r;
        if ax < 140.0 {
            r *= y.powf(ax - 0.5);
        } else {
            let half = y.powf(ax / 2.0 - 0.25);
            r *= half;
            r *= half;
        }
    }
    if r.is_infinite() { Err(Fail::Range) } else { Ok(r) }
}

fn log_gamma(x: f64) -> Result<f64, Fail> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { Err(Fail::Domain) } else { Ok(0.0) };
    }
    let ax = x.abs();
    if ax < 1e-20 {
        return Ok(-ax.ln());
    }
    let mut r = lanczos_sum(ax).ln() - LANCZOS_G;
    r += (ax - 0.5) * ((ax + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOG_PI - sin_pi(ax).abs().ln() - ax.ln() - r;
    }
    if r.is_infinite() { Err(Fail::Range) } else { Ok(r) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gamma_known_values() {
        assert_eq!(tgamma(5.0).ok(), Some(24.0));
        // CPython: math.gamma(0.5) == 1.7724538509055159, one ulp above sqrt(pi).
        assert_eq!(tgamma(0.5).ok(), Some(1.772_453_850_905_515_9));
        assert_eq!(log_gamma(0.5).ok(), Some(0.572_364_942_924_700_4));
        assert!(matches!(tgamma(-1.0), Err(Fail::Domain)));
        assert!(matches!(tgamma(171.7), Err(Fail::Range)));
    }

    #[test]
    fn gamma_table_is_factorials() {
        assert_eq!(gamma_of_integer(1), 1.0);
        assert_eq!(gamma_of_integer(23), 1_124_000_727_777_607_680_000.0);
    }
}
