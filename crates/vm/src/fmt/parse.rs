//! Integer and float text conversions: `hex()`/`oct()`/`bin()`, `str(int)`,
//! `int(str, base)` and `float(str)`.
//!
//! Ports of `PyLong_FromUnicodeObject`/`PyLong_FromString` and
//! `PyFloat_FromString` from CPython 3.11, including the conversion of
//! non-ASCII Unicode decimal digits and whitespace to ASCII
//! (`_PyUnicode_TransformDecimalAndSpaceToASCII`) and the default
//! 4300-digit limit on decimal int/str conversions (CVE-2020-10735).

use num_bigint::{BigInt, Sign};
use num_traits::{Num, Zero};

use super::str_repr;
use super::unicode_tables::{DECIMAL_ZEROS, NON_ASCII_SPACES};

/// CPython's default `sys.get_int_max_str_digits()`: decimal conversions
/// between int and str of more digits than this raise `ValueError`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// `hex()`, `oct()`, `bin()` and base-10 rendering: `-0x1f`, `0o17`,
/// `0b0`, `-31`. Bases 2, 8 and 16 get their Python prefix; other bases in
/// `2..=36` get none; a base outside `2..=36` is treated as 10. Not subject
/// to the digit limit (use [`int_to_str`] for `str(int)`).
pub fn int_to_base(v: &BigInt, base: u32) -> String {
    let base = if (2..=36).contains(&base) { base } else { 10 };
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    };
    let sign = if v.sign() == Sign::Minus { "-" } else { "" };
    format!("{sign}{prefix}{}", v.magnitude().to_str_radix(base))
}

/// The `ValueError` message of `str(int)` beyond [`INT_MAX_STR_DIGITS`].
pub(crate) fn to_str_limit_error() -> String {
    format!(
        "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    )
}

/// `str(v)` / `repr(v)` of an int, failing like CPython when the result
/// would have more than [`INT_MAX_STR_DIGITS`] digits (the sign not counted).
pub fn int_to_str(v: &BigInt) -> Result<String, String> {
    // A number of more than 14300 bits has more than 4304 decimal digits;
    // reject it without the (quadratic) conversion.
    if v.bits() > 14300 {
        return Err(to_str_limit_error());
    }
    let s = v.to_string();
    let digits = s.len() - usize::from(v.sign() == Sign::Minus);
    if digits > INT_MAX_STR_DIGITS {
        return Err(to_str_limit_error());
    }
    Ok(s)
}

/// Python's `Py_ISSPACE` (ASCII whitespace only).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// The decimal value of a Unicode decimal digit (category `Nd`).
fn unicode_decimal(c: char) -> Option<u8> {
    let n = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= n);
    let zero = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    u8::try_from(n - zero).ok().filter(|&d| d < 10)
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: non-ASCII whitespace
/// becomes a space, non-ASCII decimal digits become ASCII digits, and the
/// string is cut after a `?` at the first other non-ASCII character.
fn to_ascii_digits(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 127 {
            out.push(n as u8);
        } else if NON_ASCII_SPACES.contains(&n) {
            out.push(b' ');
        } else if let Some(d) = unicode_decimal(c) {
            out.push(b'0' + d);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

/// The first `n` characters of `s`.
fn truncate_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'a'..=b'z' => u32::from(b - b'a') + 10,
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => 37,
    }
}

/// `int(s, base)` for a str `s`.
///
/// Leading and trailing whitespace is ignored, a sign is allowed, single
/// underscores may separate digits, base 0 takes the base from a
/// `0x`/`0o`/`0b` prefix (and rejects other leading zeros), and a matching
/// prefix is also accepted with base 16, 8 or 2. Errors are CPython's
/// `ValueError` messages: `invalid literal for int() with base 10: 'abc'`
/// (with the repr of `s`, cut to 200 characters), `int() base must be >= 2
/// and <= 36, or 0`, and the 4300-digit limit message.
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, String> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err("int() base must be >= 2 and <= 36, or 0".to_string());
    }
    let invalid = || {
        format!("invalid literal for int() with base {base}: {}", truncate_chars(&str_repr(s), 200))
    };
    let buf = to_ascii_digits(s);
    let at = |i: usize| buf.get(i).copied().unwrap_or(0);
    let mut p = 0;
    while is_ascii_space(at(p)) {
        p += 1;
    }
    let mut negative = false;
    if at(p) == b'+' {
        p += 1;
    } else if at(p) == b'-' {
        negative = true;
        p += 1;
    }
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = match (at(p), at(p + 1)) {
            (b'0', b'x' | b'X') => 16,
            (b'0', b'o' | b'O') => 8,
            (b'0', b'b' | b'B') => 2,
            (b'0', _) => {
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    let has_prefix = at(p) == b'0'
        && matches!((base, at(p + 1)), (16, b'x' | b'X') | (8, b'o' | b'O') | (2, b'b' | b'B'));
    if has_prefix {
        p += 2;
        if at(p) == b'_' {
            p += 1;
        }
    }
    if at(p) == b'_' {
        return Err(invalid());
    }
    // Scan the digits, allowing single underscores between them.
    let mut digits: Vec<u8> = Vec::new();
    let mut prev = 0u8;
    while p < buf.len() && (digit_value(at(p)) < base || at(p) == b'_') {
        if at(p) == b'_' {
            if prev == b'_' {
                return Err(invalid());
            }
        } else {
            digits.push(at(p));
        }
        prev = at(p);
        p += 1;
    }
    if prev == b'_' {
        return Err(invalid());
    }
    if !base.is_power_of_two() && digits.len() > INT_MAX_STR_DIGITS {
        return Err(format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        ));
    }
    if digits.is_empty() {
        return Err(invalid());
    }
    let text = std::str::from_utf8(&digits).map_err(|_| invalid())?;
    let mut value = BigInt::from_str_radix(text, base).map_err(|_| invalid())?;
    if error_if_nonzero && !value.is_zero() {
        return Err(invalid());
    }
    while is_ascii_space(at(p)) {
        p += 1;
    }
    if p != buf.len() {
        return Err(invalid());
    }
    if negative {
        value = -value;
    }
    Ok(value)
}

/// Removes underscores from a float literal, checking CPython's rule that
/// each one sits between two ASCII digits.
fn strip_float_underscores(buf: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(buf.len());
    let mut prev = 0u8;
    for &b in buf {
        if b == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !b.is_ascii_digit() {
                return None;
            }
            out.push(b);
        }
        prev = b;
    }
    (prev != b'_').then_some(out)
}

/// Whether `s` (without surrounding whitespace) is a float literal that
/// CPython's `PyOS_string_to_double` accepts in full.
fn is_float_literal(s: &[u8]) -> bool {
    let s = s.strip_prefix(b"+").or_else(|| s.strip_prefix(b"-")).unwrap_or(s);
    let lower = s.to_ascii_lowercase();
    if matches!(lower.as_slice(), b"inf" | b"infinity" | b"nan") {
        return true;
    }
    let digits = |s: &[u8], i: &mut usize| {
        let start = *i;
        while s.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let mut i = 0;
    let mut n = digits(s, &mut i);
    if s.get(i) == Some(&b'.') {
        i += 1;
        n += digits(s, &mut i);
    }
    if n == 0 {
        return false;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(s, &mut i) == 0 {
            return false;
        }
    }
    i == s.len()
}

/// `float(s)` for a str `s`: decimal literals with optional exponent,
/// `inf`/`infinity`/`nan` in any case with an optional sign, surrounding
/// whitespace, underscores between digits, and non-ASCII decimal digits.
/// Out-of-range values become `±inf` or `±0.0`. The error is CPython's
/// `could not convert string to float: 'x'` (with the repr of `s`).
pub fn parse_float(s: &str) -> Result<f64, String> {
    let invalid = || format!("could not convert string to float: {}", str_repr(s));
    let buf = to_ascii_digits(s);
    let buf =
        if buf.contains(&b'_') { strip_float_underscores(&buf).ok_or_else(invalid)? } else { buf };
    let start = buf.iter().position(|&b| !is_ascii_space(b)).ok_or_else(invalid)?;
    let end = buf.iter().rposition(|&b| !is_ascii_space(b)).map_or(start, |e| e + 1);
    let lit = &buf[start..end];
    if !is_float_literal(lit) {
        return Err(invalid());
    }
    std::str::from_utf8(lit).ok().and_then(|t| t.parse::<f64>().ok()).ok_or_else(invalid)
}
