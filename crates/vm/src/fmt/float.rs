//! Float-to-text conversion matching CPython's `PyOS_double_to_string`.
//!
//! This is a port of `format_float_short` from CPython's `Python/pystrtod.c`.
//! The digit strings that CPython obtains from David Gay's `_Py_dg_dtoa` are
//! produced here with Rust's float formatting, which is correctly rounded
//! (round-half-even on the exact binary value) for fixed precisions and
//! yields the shortest round-tripping digits when no precision is given —
//! the same results as `_Py_dg_dtoa` modes 2, 3 and 0.

/// Options of [`double_to_string`], mirroring CPython's `Py_DTSF_*` flags.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct DtoaFlags {
    /// `Py_DTSF_SIGN`: always emit a sign.
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: add `.0` to results that look like integers.
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: alternate form (`#`): keep the decimal point and
    /// trailing zeros.
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: turn a negative zero result into positive zero.
    pub no_neg_0: bool,
}

/// Largest number of significant digits that ever needs computing: the
/// exact decimal expansion of any `f64` has at most 767 significant digits.
const MAX_SIG_DIGITS: usize = 800;
/// Largest number of fractional digits that ever needs computing: the exact
/// decimal expansion of any `f64` has at most 1074 digits after the point.
const MAX_FRAC_DIGITS: usize = 1100;

/// Decimal digits of a finite, non-negative value as `_Py_dg_dtoa` returns
/// them: the value is `0.DIGITS × 10^decpt`, with trailing zeros removed.
/// Zero (or a value that rounds to zero) is `("0", 1)`.
struct Digits {
    digits: Vec<u8>,
    decpt: i64,
}

impl Digits {
    fn zero() -> Self {
        Digits { digits: vec![b'0'], decpt: 1 }
    }

    /// Parses Rust's `{:e}` output (`d.ddde-7`) of a non-negative value.
    fn from_exp_str(s: &str) -> Self {
        let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
        let exp: i64 = exp.parse().unwrap_or(0);
        let mut digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
        Self::normalize(&mut digits, exp + 1)
    }

    /// Parses Rust's `{:.N}` output (`123.4560`) of a non-negative value.
    fn from_fixed_str(s: &str) -> Self {
        let int_len = s.find('.').unwrap_or(s.len());
        let mut digits: Vec<u8> = s.bytes().filter(u8::is_ascii_digit).collect();
        // Leading zeros only move the decimal point.
        let lead = digits.iter().take_while(|&&d| d == b'0').count();
        digits.drain(..lead);
        Self::normalize(&mut digits, int_len as i64 - lead as i64)
    }

    fn normalize(digits: &mut Vec<u8>, decpt: i64) -> Self {
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
        if digits.is_empty() {
            return Self::zero();
        }
        Digits { digits: std::mem::take(digits), decpt }
    }

    /// `_Py_dg_dtoa` mode 0: shortest digits that round-trip, and of
    /// those the closest to `x`, ties going to the even digit.
    fn shortest(x: f64) -> Self {
        if x == 0.0 {
            return Self::zero();
        }
        let s = format!("{x:e}");
        let n = s.split_once('e').map_or(s.len(), |(m, _)| m.len());
        let n = if n > 1 { n - 1 } else { n };
        // Rust breaks ties between two equally close shortest candidates
        // upwards; dtoa picks the correctly rounded (half-even) one.
        let rounded = format!("{:.*e}", n - 1, x);
        if rounded != s && rounded.parse::<f64>().ok() == Some(x) {
            return Self::from_exp_str(&rounded);
        }
        Self::from_exp_str(&s)
    }

    /// `_Py_dg_dtoa` mode 2: `n` (at least 1) significant digits.
    fn significant(x: f64, n: usize) -> Self {
        if x == 0.0 {
            return Self::zero();
        }
        let n = n.clamp(1, MAX_SIG_DIGITS);
        Self::from_exp_str(&format!("{:.*e}", n - 1, x))
    }

    /// `_Py_dg_dtoa` mode 3: `n` digits after the decimal point.
    fn fixed(x: f64, n: usize) -> Self {
        if x == 0.0 {
            return Self::zero();
        }
        Self::from_fixed_str(&format!("{:.*}", n.min(MAX_FRAC_DIGITS), x))
    }
}

/// Port of CPython's `PyOS_double_to_string`.
///
/// `code` is one of `e E f F g G r`; `precision` is the number of digits
/// (after the point for `e`/`f`, significant for `g`; must be 0 for `r`).
/// Infinities and NaNs become `inf`/`nan` (`INF`/`NAN` for upper-case
/// codes); the sign of a NaN is ignored.
pub(crate) fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let mut negative = x.is_sign_negative() && !x.is_nan();
    let mut out = String::new();
    if !x.is_finite() {
        if negative {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return out;
    }
    let ax = x.abs();
    // Map the format code to a dtoa mode and its digit count.
    let (d, precision) = match code {
        'e' => {
            let p = precision.saturating_add(1);
            (Digits::significant(ax, p), p)
        }
        'f' => (Digits::fixed(ax, precision), precision),
        'g' => {
            let p = precision.max(1);
            (Digits::significant(ax, p), p)
        }
        _ => (Digits::shortest(ax), 0),
    };
    let precision = i64::try_from(precision).unwrap_or(i64::MAX / 4);
    let digits = &d.digits;
    let digits_len = digits.len() as i64;
    let mut decpt = d.decpt;
    if flags.no_neg_0 && negative && digits.as_slice() == b"0" {
        negative = false;
    }

    // Work out the slice [vdigits_start, vdigits_end) of the digits padded
    // with infinitely many zeros on both sides that is to be printed.
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt.saturating_add(precision),
        'g' => {
            let limit = if flags.add_dot_0 { precision - 1 } else { precision };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }

    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let push_digits = |out: &mut String, ds: &[u8]| {
        out.extend(ds.iter().map(|&b| char::from(b)));
    };
    // Zero padding on the left of the digit string.
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    // Digits, with the decimal point if it falls inside them.
    if 0 < decpt && decpt <= digits_len {
        let split = decpt as usize;
        push_digits(&mut out, &digits[..split]);
        out.push('.');
        push_digits(&mut out, &digits[split..]);
    } else {
        push_digits(&mut out, digits);
    }
    // Zeros on the right.
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let mag = exp.unsigned_abs();
        if mag < 10 {
            out.push('0');
        }
        out.push_str(&mag.to_string());
    }
    out
}

/// Python's `repr(x)` (and `str(x)`) of a float: the shortest digits that
/// round-trip, in exponent notation when the decimal exponent is below -4
/// or at least 16, with `.0` added to integral values.
///
/// ```text
/// 1.0  0.1  1e+16  1.5e-07  123456789012345.0  -0.0  inf  -inf  nan
/// ```
pub fn float_repr(x: f64) -> String {
    let flags = DtoaFlags { add_dot_0: true, ..DtoaFlags::default() };
    double_to_string(x, 'r', 0, flags)
}
