//! `repr()` of str and bytes, `ascii()` escaping, and `str.isprintable`.
//!
//! Ports of `unicode_repr` and `PyBytes_Repr` from CPython 3.11. Printability
//! uses a table generated from CPython 3.11's `unicodedata` (Unicode
//! 14.0.0), so `str_repr` escapes exactly the characters CPython escapes.

use std::fmt::Write;

use super::unicode_tables::NON_PRINTABLE;

/// Python's `str.isprintable()` for one character: false for the general
/// categories Cc, Cf, Cs, Co, Cn (unassigned in Unicode 14.0), Zl, Zp and Zs
/// other than the ASCII space.
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if (0x20..0x7f).contains(&n) {
        return true;
    }
    if n < 0x80 {
        return false;
    }
    let i = NON_PRINTABLE.partition_point(|&(lo, _)| lo <= n);
    !i.checked_sub(1).and_then(|i| NON_PRINTABLE.get(i)).is_some_and(|&(lo, hi)| lo <= n && n <= hi)
}

/// Appends the `\xhh`, `\uhhhh` or `\Uhhhhhhhh` escape of `c`.
fn push_escape(out: &mut String, c: char) {
    let n = c as u32;
    // Writing to a String cannot fail.
    let _ = if n <= 0xff {
        write!(out, "\\x{n:02x}")
    } else if n <= 0xffff {
        write!(out, "\\u{n:04x}")
    } else {
        write!(out, "\\U{n:08x}")
    };
}

/// The quote CPython's repr picks: `"` if the text contains `'` but no
/// `"`, else `'`.
fn pick_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double { '"' } else { '\'' }
}

/// Python's `repr()` of a str: quoted with `'` (or `"` if the string
/// contains `'` but not `"`), escaping `\\`, the quote, `\t`, `\n`, `\r`,
/// other ASCII control characters as `\xhh`, and non-printable non-ASCII
/// characters (see [`is_printable`]) as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
/// Printable non-ASCII characters are kept as they are.
pub fn str_repr(s: &str) -> String {
    let quote = pick_quote(s.contains('\''), s.contains('"'));
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => push_escape(&mut out, c),
        }
    }
    out.push(quote);
    out
}

/// Python's `ascii()` applied to a repr: every non-ASCII character of `s`
/// is replaced by its `\xhh`, `\uhhhh` or `\Uhhhhhhhh` escape (the
/// `backslashreplace` error handler). `ascii(obj)` is
/// `ascii_escape(&repr(obj))`.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_escape(&mut out, c);
        }
    }
    out
}

/// Python's `repr()` of a bytes object: `b'...'` (or `b"..."` by the same
/// quote rule as [`str_repr`]), escaping `\\`, the quote, `\t`, `\n`, `\r`
/// and bytes outside `0x20..0x7f` as `\xhh`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = pick_quote(b.contains(&b'\''), b.contains(&b'"'));
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &byte in b {
        let c = char::from(byte);
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c => push_escape(&mut out, c),
        }
    }
    out.push(quote);
    out
}
