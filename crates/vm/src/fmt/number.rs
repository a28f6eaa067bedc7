//! `format()` for ints, floats and strs: the render half of the format-spec
//! mini-language.
//!
//! Port of `format_long_internal`, `format_float_internal`,
//! `format_string_internal`, `calc_number_widths`, `fill_number` and
//! `_PyUnicode_InsertThousandsGrouping` from CPython 3.11. The `n` type uses
//! the C locale (no grouping, `.` as decimal point), as CPython does unless a
//! program calls `locale.setlocale`.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

use super::float::{DtoaFlags, double_to_string};
use super::parse::int_to_str;
use super::spec::{FormatSpec, grouping_for, unknown_code};

/// Largest precision CPython accepts for floats (`INT_MAX`).
const MAX_FLOAT_PRECISION: usize = i32::MAX as usize;

/// Groups the ASCII digit string `digits` with `sep` = (separator, group
/// size), padding with leading zeros (and separators) to at least
/// `min_width` characters. With `sep == None` only the zero padding is done.
fn insert_grouping(digits: &str, min_width: i64, sep: Option<(char, usize)>) -> String {
    let bytes = digits.as_bytes();
    let mut remaining = bytes.len() as i64;
    let mut min_width = min_width;
    let mut end = bytes.len();
    // Chunks from right to left.
    let mut chunks: Vec<String> = Vec::new();
    let take = |l: i64, remaining: i64, end: &mut usize| {
        let n_zeros = (l - remaining).max(0);
        let n_chars = remaining.min(l).max(0) as usize;
        let mut chunk = "0".repeat(n_zeros as usize);
        chunk.push_str(&digits[*end - n_chars..*end]);
        *end -= n_chars;
        (chunk, n_chars as i64)
    };
    let mut broken = false;
    if let Some((_, size)) = sep {
        let size = size as i64;
        loop {
            let l = size.min(remaining.max(min_width).max(1));
            let (chunk, used) = take(l, remaining, &mut end);
            chunks.push(chunk);
            remaining -= used;
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broken {
        let l = remaining.max(min_width).max(1);
        let (chunk, _) = take(l, remaining, &mut end);
        chunks.push(chunk);
    }
    chunks.reverse();
    let sep = sep.map(|(c, _)| c.to_string()).unwrap_or_default();
    chunks.join(&sep)
}

/// The pieces of a formatted number, before padding.
struct Number<'a> {
    negative: bool,
    /// `0x`-style prefix (only with `#`).
    prefix: &'a str,
    /// The integer digits, grouped and zero-padded by [`fill_number`].
    digits: &'a str,
    has_decimal: bool,
    /// Everything after the decimal point (or after the digits): fraction,
    /// exponent, `%`, or the character for type `c`.
    remainder: &'a str,
    upper: bool,
}

/// Reserves room for `n` more bytes, failing with `MemoryError` instead of
/// aborting when the allocation is impossible.
fn reserve(out: &mut String, n: usize) -> Result<(), String> {
    out.try_reserve(n).map_err(|_| "MemoryError".to_string())
}

fn push_fill(out: &mut String, c: char, n: i64) -> Result<(), String> {
    if n <= 0 {
        return Ok(());
    }
    let n = usize::try_from(n).map_err(|_| "MemoryError".to_string())?;
    reserve(out, n.saturating_mul(c.len_utf8()))?;
    out.extend(std::iter::repeat_n(c, n));
    Ok(())
}

/// Lays out a number in its field (`calc_number_widths` + `fill_number`).
fn fill_number(
    n: &Number<'_>,
    spec: &FormatSpec,
    align: char,
    sep: Option<(char, usize)>,
) -> Result<String, String> {
    let sign = match (spec.sign, n.negative) {
        (_, true) => Some('-'),
        (Some('+'), false) => Some('+'),
        (Some(' '), false) => Some(' '),
        _ => None,
    };
    let width = spec.width.map_or(-1, |w| w as i64);
    let non_digit = i64::from(sign.is_some())
        + n.prefix.len() as i64
        + i64::from(n.has_decimal)
        + n.remainder.chars().count() as i64;
    let min_width = if spec.fill == '0' && align == '=' { width - non_digit } else { 0 };
    // The zero padding below is allocated in one piece; fail cleanly
    // (CPython: MemoryError) rather than abort on an absurd width.
    reserve(&mut String::new(), min_width.max(0) as usize)?;
    let mut grouped =
        if n.digits.is_empty() { String::new() } else { insert_grouping(n.digits, min_width, sep) };
    if n.upper {
        grouped.make_ascii_uppercase();
    }
    let padding = width - (non_digit + grouped.len() as i64);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if padding > 0 {
        match align {
            '<' => rpad = padding,
            '^' => {
                lpad = padding / 2;
                rpad = padding - lpad;
            }
            '=' => spad = padding,
            _ => lpad = padding,
        }
    }
    let mut out = String::new();
    reserve(&mut out, padding.max(0) as usize + grouped.len() + n.remainder.len() + 4)?;
    push_fill(&mut out, spec.fill, lpad)?;
    out.extend(sign);
    if n.upper {
        out.push_str(&n.prefix.to_ascii_uppercase());
    } else {
        out.push_str(n.prefix);
    }
    push_fill(&mut out, spec.fill, spad)?;
    out.push_str(&grouped);
    if n.has_decimal {
        out.push('.');
    }
    out.push_str(n.remainder);
    push_fill(&mut out, spec.fill, rpad)?;
    Ok(out)
}

/// Alignment for numbers: `=` after the `0` flag, else right.
fn number_align(spec: &FormatSpec) -> char {
    spec.align.unwrap_or(if spec.zero { '=' } else { '>' })
}

/// `format(v, spec)` for an int (CPython's `int.__format__` with a
/// non-empty spec; an empty spec means `str(v)`, which this also returns
/// for a default [`FormatSpec`]).
///
/// Types `b c d o x X n` and none format the integer; `e E f F g G %`
/// convert it to float first. Errors are CPython's messages; two of them
/// are `OverflowError`s in CPython (see [`super::format_error_kind`]):
/// `%c arg not in range(0x110000)`, `Python int too large to convert to C
/// long` (both for `c`) and `int too large to convert to float`.
/// Decimal output longer than 4300 digits fails like CPython's default
/// `sys.set_int_max_str_digits` limit. Error messages name the type `int`
/// (CPython names the actual type, e.g. `bool`, for unknown format codes).
pub fn format_int(v: &BigInt, spec: &FormatSpec) -> Result<String, String> {
    let ty = spec.ty.unwrap_or('d');
    let sep = grouping_for(spec, Some(ty))?;
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = v
                .to_f64()
                .filter(|x| x.is_finite())
                .ok_or_else(|| "int too large to convert to float".to_string())?;
            return format_float(x, spec);
        }
        _ => return Err(unknown_code(ty, "int")),
    }
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".to_string());
    }
    if spec.no_neg_zero {
        return Err(
            "Negative zero coercion (z) not allowed in integer format specifier".to_string()
        );
    }
    let align = number_align(spec);
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err("Sign not allowed with integer format specifier 'c'".to_string());
        }
        if spec.alternate {
            return Err(
                "Alternate form (#) not allowed with integer format specifier 'c'".to_string()
            );
        }
        let ch =
            v.to_i64().ok_or_else(|| "Python int too large to convert to C long".to_string())?;
        let ch = u32::try_from(ch)
            .ok()
            .filter(|&n| n <= 0x10ffff)
            .ok_or_else(|| "%c arg not in range(0x110000)".to_string())?;
        let ch = gillab_syntax::surrogate::from_code_point(ch)
            .ok_or_else(|| "U+FF800..U+FFFFF are not supported by gil-lab".to_string())?;
        let s = ch.to_string();
        let n = Number {
            negative: false,
            prefix: "",
            digits: "",
            has_decimal: false,
            remainder: &s,
            upper: false,
        };
        return fill_number(&n, spec, align, sep);
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    let digits =
        if radix == 10 { int_to_str(&v.abs())? } else { v.magnitude().to_str_radix(radix) };
    let n = Number {
        negative: v.sign() == Sign::Minus,
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
        upper: ty == 'X',
    };
    fill_number(&n, spec, align, sep)
}

/// `format(v, spec)` for a float (CPython's `float.__format__`).
///
/// Types `e E f F g G n %` and none. With no type and no precision the
/// result is `repr(v)`; with a precision but no type it behaves like `g`
/// but always keeps at least one digit after the point. Rounding is
/// correct (round-half-even on the exact binary value), as in CPython.
pub fn format_float(v: f64, spec: &FormatSpec) -> Result<String, String> {
    let sep = grouping_for(spec, spec.ty)?;
    let mut ty = match spec.ty {
        None => 'r',
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) => t,
        Some('n') => 'g',
        Some(t) => return Err(unknown_code(t, "float")),
    };
    if spec.precision.is_some_and(|p| p > MAX_FLOAT_PRECISION) {
        return Err("precision too big".to_string());
    }
    let mut flags =
        DtoaFlags { alt: spec.alternate, no_neg_0: spec.no_neg_zero, ..DtoaFlags::default() };
    let mut default_precision = 6;
    if ty == 'r' {
        flags.add_dot_0 = true;
        default_precision = 0;
    }
    let mut val = v;
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        add_pct = true;
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let mut buf = double_to_string(val, ty, precision, flags);
    if add_pct {
        buf.push('%');
    }
    let (negative, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf.as_str()),
    };
    let int_len = body.bytes().take_while(u8::is_ascii_digit).count();
    let has_decimal = body[int_len..].starts_with('.');
    let remainder = &body[int_len + usize::from(has_decimal)..];
    let n = Number {
        negative,
        prefix: "",
        digits: &body[..int_len],
        has_decimal,
        remainder,
        upper: false,
    };
    fill_number(&n, spec, number_align(spec), sep)
}

/// `format(s, spec)` for a str (CPython's `str.__format__`): type `s` or
/// none; the precision truncates; default alignment is left. Width,
/// precision and padding count characters (code points), not bytes.
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, String> {
    let ty = spec.ty.unwrap_or('s');
    grouping_for(spec, Some(ty))?;
    if ty != 's' {
        return Err(unknown_code(ty, "str"));
    }
    match spec.sign {
        Some(' ') => return Err("Space not allowed in string format specifier".to_string()),
        Some(_) => return Err("Sign not allowed in string format specifier".to_string()),
        None => {}
    }
    if spec.no_neg_zero {
        return Err("Negative zero coercion (z) not allowed in string format specifier".to_string());
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".to_string());
    }
    let align = spec.align.unwrap_or('<');
    if align == '=' {
        return Err("'=' alignment not allowed in string format specifier".to_string());
    }
    let mut len = s.chars().count();
    let mut body = s;
    if let Some(p) = spec.precision
        && len > p
    {
        len = p;
        let cut = s.char_indices().nth(p).map_or(s.len(), |(i, _)| i);
        body = &s[..cut];
    }
    let total = spec.width.unwrap_or(0).max(len);
    let pad = (total - len) as i64;
    let lpad = match align {
        '>' => pad,
        '^' => pad / 2,
        _ => 0,
    };
    let mut out = String::new();
    reserve(&mut out, body.len() + pad as usize)?;
    push_fill(&mut out, spec.fill, lpad)?;
    out.push_str(body);
    push_fill(&mut out, spec.fill, pad - lpad)?;
    Ok(out)
}
