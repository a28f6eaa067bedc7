//! printf-style `%` formatting of strs (`"%5.2f" % x`).
//!
//! Port of `PyUnicode_Format` from CPython 3.11's `Objects/unicodeobject.c`
//! (`unicode_format_arg_parse`, `unicode_format_arg_format`,
//! `unicode_format_arg_output`, `mainformatlong`, `_PyUnicode_FormatLong`,
//! `formatfloat`, `formatchar`). Mapping keys (`%(name)s`) are not
//! supported: they fail with `TypeError: format requires a mapping`, which
//! is what CPython says when the right operand is not a mapping.

use num_bigint::{BigInt, Sign};
use num_traits::{FromPrimitive, Signed, ToPrimitive};

use super::ascii_escape;
use super::float::{DtoaFlags, double_to_string};
use super::parse::int_to_str;

/// One argument of a `%` format, as seen by [`percent_format`].
///
/// Contract: [`as_int`](Self::as_int) is only called when
/// [`is_int`](Self::is_int) is true. [`as_float`](Self::as_float) is
/// `float(x)` for real numbers (int, bool, float) and must fail for other
/// values; an `Err` from it is reported as `OverflowError` with its message
/// if the value is an int (`int too large to convert to float`), and as
/// `TypeError: must be real number, not T` otherwise. Errors from
/// [`as_int`](Self::as_int), [`to_str`](Self::to_str) and
/// [`to_repr`](Self::to_repr) are passed through with kind
/// [`ARG_ERROR`].
pub trait PercentArg {
    /// The value of an int (or bool) argument.
    fn as_int(&self) -> Result<BigInt, String>;
    /// `float(x)` of a real-number argument; `Err` for anything else.
    fn as_float(&self) -> Result<f64, String>;
    /// `str(x)`.
    fn to_str(&self) -> Result<String, String>;
    /// `repr(x)`.
    fn to_repr(&self) -> Result<String, String>;
    /// The Python type name (`int`, `float`, `str`, ...) for error messages.
    fn type_name(&self) -> String;
    /// Whether the argument is an int (`PyLong_Check`: int, bool or an int
    /// subclass). Defaults to a type-name check for `int` and `bool`.
    fn is_int(&self) -> bool {
        matches!(self.type_name().as_str(), "int" | "bool")
    }
    /// Whether the argument is a str (for `%c`). Defaults to a type-name check.
    fn is_str(&self) -> bool {
        self.type_name() == "str"
    }
}

/// [`PercentError::kind`] of an error returned by a [`PercentArg`] method,
/// passed through unchanged (the caller knows the real exception).
pub const ARG_ERROR: &str = "ArgError";

/// An error of [`percent_format`]: the CPython exception type name
/// (`"TypeError"`, `"ValueError"`, `"OverflowError"`, `"MemoryError"`, or
/// [`ARG_ERROR`]) and its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PercentError {
    /// Exception type name.
    pub kind: &'static str,
    /// Exception message.
    pub msg: String,
}

fn err<T>(kind: &'static str, msg: impl Into<String>) -> Result<T, PercentError> {
    Err(PercentError { kind, msg: msg.into() })
}

fn arg_err(msg: String) -> PercentError {
    PercentError { kind: ARG_ERROR, msg }
}

/// Conversion flags of one `%` directive.
#[derive(Default, Clone, Copy)]
struct Flags {
    ljust: bool,
    sign: bool,
    blank: bool,
    alt: bool,
    zero: bool,
}

/// Cursor over the format string, tracking CPython's `fmtcnt < 0`
/// ("ran out of characters") state.
struct Cursor {
    chars: Vec<char>,
    pos: usize,
    exhausted: bool,
}

impl Cursor {
    /// Reads the next character into `ch`, or marks the cursor exhausted
    /// (leaving `ch` unchanged), like CPython's `if (--fmtcnt >= 0) ch = READ`.
    fn advance(&mut self, ch: &mut char) -> bool {
        match self.chars.get(self.pos) {
            Some(&c) if !self.exhausted => {
                *ch = c;
                self.pos += 1;
                true
            }
            _ => {
                self.exhausted = true;
                false
            }
        }
    }
}

/// The arguments and how many have been consumed.
struct Args<'a, 'b> {
    args: &'a [&'b dyn PercentArg],
    idx: usize,
}

impl<'b> Args<'_, 'b> {
    fn next(&mut self) -> Result<&'b dyn PercentArg, PercentError> {
        let a = self.args.get(self.idx).copied();
        self.idx += 1;
        a.map_or_else(|| err("TypeError", "not enough arguments for format string"), Ok)
    }

    /// A `*` width or precision argument.
    fn star(&mut self) -> Result<BigInt, PercentError> {
        let v = self.next()?;
        if !v.is_int() {
            return err("TypeError", "* wants int");
        }
        v.as_int().map_err(arg_err)
    }
}

/// Formats `fmt % args`, where `args` is the already flattened argument
/// list (a single non-tuple right operand is a one-element list).
///
/// Supports `%d %i %u %s %r %a %f %F %e %E %g %G %x %X %o %c %%`, the flags
/// `- + space # 0`, a width, a `.precision`, `*` for either, and the ignored
/// length modifiers `h l L`. Errors carry CPython's exception type and
/// message, e.g. `TypeError: not enough arguments for format string`,
/// `ValueError: unsupported format character 'z' (0x7a) at index 1`.
pub fn percent_format(fmt: &str, args: &[&dyn PercentArg]) -> Result<String, PercentError> {
    let mut cur = Cursor { chars: fmt.chars().collect(), pos: 0, exhausted: false };
    let mut args = Args { args, idx: 0 };
    let mut out = String::with_capacity(fmt.len());
    while let Some(&c) = cur.chars.get(cur.pos) {
        cur.pos += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        match cur.chars.get(cur.pos) {
            Some('%') => {
                cur.pos += 1;
                out.push('%');
                continue;
            }
            Some('(') => return err("TypeError", "format requires a mapping"),
            _ => {}
        }
        format_one(&mut cur, &mut args, &mut out)?;
    }
    if args.idx < args.args.len() {
        return err("TypeError", "not all arguments converted during string formatting");
    }
    Ok(out)
}

/// Reads an unsigned decimal number whose first digit is `*ch`, leaving the
/// following character in `*ch`. `None` on overflow past `max`.
fn read_number(cur: &mut Cursor, ch: &mut char, max: i64) -> Option<i64> {
    let mut n = i64::from(ch.to_digit(10).unwrap_or(0));
    while cur.advance(ch) {
        let Some(d) = ch.to_digit(10) else { break };
        n = n.checked_mul(10)?.checked_add(i64::from(d)).filter(|&n| n <= max)?;
    }
    Some(n)
}

/// Parses and formats one directive; the cursor is just past the `%`.
fn format_one(
    cur: &mut Cursor,
    args: &mut Args<'_, '_>,
    out: &mut String,
) -> Result<(), PercentError> {
    let mut flags = Flags::default();
    let mut ch = '\0';
    while cur.advance(&mut ch) {
        match ch {
            '-' => flags.ljust = true,
            '+' => flags.sign = true,
            ' ' => flags.blank = true,
            '#' => flags.alt = true,
            '0' => flags.zero = true,
            _ => break,
        }
    }
    let mut width: i64 = -1;
    let mut prec: i64 = -1;
    if ch == '*' && !cur.exhausted {
        let w = args.star()?;
        let w = w.to_i64().filter(|w| w.checked_abs().is_some()).ok_or_else(|| PercentError {
            kind: "OverflowError",
            msg: "Python int too large to convert to C ssize_t".into(),
        })?;
        if w < 0 {
            flags.ljust = true;
        }
        width = w.abs();
        cur.advance(&mut ch);
    } else if ch.is_ascii_digit() && !cur.exhausted {
        width = read_number(cur, &mut ch, i64::MAX)
            .map_or_else(|| err("ValueError", "width too big"), Ok)?;
    }
    if ch == '.' && !cur.exhausted {
        prec = 0;
        cur.advance(&mut ch);
        if ch == '*' && !cur.exhausted {
            let p = args.star()?;
            let p = p.to_i32().ok_or_else(|| PercentError {
                kind: "OverflowError",
                msg: "Python int too large to convert to C int".into(),
            })?;
            prec = i64::from(p.max(0));
            cur.advance(&mut ch);
        } else if ch.is_ascii_digit() && !cur.exhausted {
            prec = read_number(cur, &mut ch, i64::from(i32::MAX))
                .map_or_else(|| err("ValueError", "precision too big"), Ok)?;
        }
    }
    if !cur.exhausted && matches!(ch, 'h' | 'l' | 'L') {
        cur.advance(&mut ch);
    }
    if cur.exhausted {
        return err("ValueError", "incomplete format");
    }
    let v = args.next()?;
    let tname = || v.type_name();
    let (text, numeric) = match ch {
        's' => (v.to_str().map_err(arg_err)?, false),
        'r' => (v.to_repr().map_err(arg_err)?, false),
        'a' => (ascii_escape(&v.to_repr().map_err(arg_err)?), false),
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => (format_long(v, ch, flags.alt, prec)?, true),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match v.as_float() {
                Ok(x) => x,
                Err(msg) if v.is_int() => return err("OverflowError", msg),
                Err(_) => return err("TypeError", format!("must be real number, not {}", tname())),
            };
            let dflags = DtoaFlags { alt: flags.alt, ..DtoaFlags::default() };
            let p = if prec < 0 { 6 } else { prec as usize };
            (double_to_string(x, ch, p, dflags), true)
        }
        'c' => (format_char(v)?.to_string(), false),
        _ => {
            let n = ch as u32;
            let shown = if (31..=126).contains(&n) { ch } else { '?' };
            return err(
                "ValueError",
                format!(
                    "unsupported format character '{shown}' (0x{n:x}) at index {}",
                    cur.pos - 1
                ),
            );
        }
    };
    output(out, ch, flags, width, prec, numeric, &text)
}

/// `formatchar`: the character for `%c`.
fn format_char(v: &dyn PercentArg) -> Result<char, PercentError> {
    if v.is_str() {
        let s = v.to_str().map_err(arg_err)?;
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(c),
            _ => err("TypeError", "%c requires int or char"),
        };
    }
    if !v.is_int() {
        return err("TypeError", "%c requires int or char");
    }
    let n = v.as_int().map_err(arg_err)?;
    let n = n
        .to_u32()
        .filter(|&n| n <= 0x10ffff)
        .map_or_else(|| err("OverflowError", "%c arg not in range(0x110000)"), Ok)?;
    gillab_syntax::surrogate::from_code_point(n)
        .map_or_else(|| err("ValueError", "U+FF800..U+FFFFF are not supported by gil-lab"), Ok)
}

/// `mainformatlong` + `_PyUnicode_FormatLong`: the digits of an integer
/// conversion, with sign, `#` prefix and precision zero-fill.
fn format_long(v: &dyn PercentArg, ch: char, alt: bool, prec: i64) -> Result<String, PercentError> {
    let n = if v.is_int() {
        v.as_int().map_err(arg_err)?
    } else if matches!(ch, 'o' | 'x' | 'X') {
        return err(
            "TypeError",
            format!("%{ch} format: an integer is required, not {}", v.type_name()),
        );
    } else {
        match v.as_float() {
            Ok(x) if x.is_nan() => return err("ValueError", "cannot convert float NaN to integer"),
            Ok(x) if x.is_infinite() => {
                return err("OverflowError", "cannot convert float infinity to integer");
            }
            Ok(x) => BigInt::from_f64(x.trunc()).unwrap_or_default(),
            Err(_) => {
                return err(
                    "TypeError",
                    format!("%{ch} format: a real number is required, not {}", v.type_name()),
                );
            }
        }
    };
    if prec > i64::from(i32::MAX) - 3 {
        return err("OverflowError", "precision too large");
    }
    let (digits, prefix) = match ch {
        'o' => (n.magnitude().to_str_radix(8), "0o"),
        'x' | 'X' => (n.magnitude().to_str_radix(16), "0x"),
        _ => {
            let s =
                int_to_str(&n.abs()).map_err(|m| PercentError { kind: "ValueError", msg: m })?;
            (s, "")
        }
    };
    let mut s = String::new();
    if n.sign() == Sign::Minus {
        s.push('-');
    }
    if alt {
        s.push_str(prefix);
    }
    let pad = usize::try_from(prec).unwrap_or(0).saturating_sub(digits.len());
    s.extend(std::iter::repeat_n('0', pad));
    s.push_str(&digits);
    if ch == 'X' {
        s.make_ascii_uppercase();
    }
    Ok(s)
}

/// `unicode_format_arg_output`: pads `text` into the field. `numeric` is
/// CPython's `arg->sign` (set for number conversions).
fn output(
    out: &mut String,
    ch: char,
    flags: Flags,
    width: i64,
    prec: i64,
    numeric: bool,
    text: &str,
) -> Result<(), PercentError> {
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    let chars: Vec<char> = text.chars().collect();
    let mut len = chars.len() as i64;
    if (width == -1 || width <= len) && (prec == -1 || prec >= len) && !(flags.sign || flags.blank)
    {
        out.push_str(text);
        return Ok(());
    }
    // Fail cleanly (CPython: MemoryError) rather than abort on an absurd width.
    out.try_reserve(usize::try_from(width).unwrap_or(0).saturating_add(text.len()))
        .map_or_else(|_| err("MemoryError", "MemoryError"), Ok)?;
    if matches!(ch, 's' | 'r' | 'a') && prec >= 0 && len > prec {
        len = prec;
    }
    let mut width = width;
    let mut pindex = 0usize;
    let mut sign = numeric;
    let mut signchar = '\0';
    if sign {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                signchar = c;
                len -= 1;
                pindex += 1;
            }
            _ if flags.sign => signchar = '+',
            _ if flags.blank => signchar = ' ',
            _ => sign = false,
        }
    }
    if width < len {
        width = len;
    }
    if sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    let alt_prefix = flags.alt && matches!(ch, 'x' | 'X' | 'o');
    if alt_prefix {
        if fill != ' ' {
            out.push('0');
            out.push(ch);
            pindex += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && !flags.ljust {
        out.extend(std::iter::repeat_n(fill, (width - len) as usize));
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(signchar);
        }
        if alt_prefix {
            out.push('0');
            out.push(ch);
            pindex += 2;
        }
    }
    let len = len.max(0) as usize;
    out.extend(chars.iter().skip(pindex).take(len));
    if width > len as i64 {
        out.extend(std::iter::repeat_n(' ', (width - len as i64) as usize));
    }
    Ok(())
}
