//! Python's `repr()` of str and bytes, `ascii()` escaping and `str.isprintable`, for the
//! disassembler's constants and for the VM (which re-exports them from `fmt`).
//!
//! Ports of `unicode_repr` and `PyBytes_Repr` from CPython 3.11. Printability uses a table
//! generated from CPython 3.11's `unicodedata` (Unicode 14.0.0, `non_printable.rs`), so
//! [`str_repr`] escapes exactly the characters CPython escapes; a lone surrogate (its stand-in,
//! `gillab_syntax::surrogate`) is escaped as `\udXXX`, as CPython does.

mod non_printable;
#[cfg(test)]
mod tests;

use non_printable::NON_PRINTABLE;
use std::fmt::Write;

/// Python's `str.isprintable()` for one character: false for the general
/// categories Cc, Cf, Cs, Co, Cn (unassigned in Unicode 14.0), Zl, Zp and Zs
/// other than the ASCII space.
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if (0x20..0x7f).contains(&n) {
        return true;
    }
    NON_PRINTABLE.partition_point(|&bound| bound <= n) % 2 == 0
}

/// Appends the `\xhh`, `\uhhhh` or `\Uhhhhhhhh` escape of `c` (as in reprs, `ascii()`, the
/// `backslashreplace` error handler and `UnicodeEncodeError` messages).
pub fn push_escape(out: &mut String, c: char) {
    let n = gillab_syntax::surrogate::code_point(c);
    // Writing to a String cannot fail.
    let _ = if n <= 0xff {
        write!(out, "\\x{n:02x}")
    } else if n <= 0xffff {
        write!(out, "\\u{n:04x}")
    } else {
        write!(out, "\\U{n:08x}")
    };
}

/// The quote CPython's repr picks: `"` if the text contains `'` but no `"`, else `'`.
fn pick_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double { '"' } else { '\'' }
}

/// `chars` between `quote`s, with `\\`, the quote, `\t`, `\n` and `\r` escaped, and every
/// character that is not `printable` (the body of a str or bytes repr).
fn quoted(chars: impl Iterator<Item = char>, quote: char, printable: fn(char) -> bool) -> String {
    let mut out = String::new();
    out.push(quote);
    for c in chars {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if printable(c) => out.push(c),
            c => push_escape(&mut out, c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr()` of a str: quoted with `'` (or `"` if the string
/// contains `'` but not `"`), escaping `\\`, the quote, `\t`, `\n`, `\r`,
/// other ASCII control characters as `\xhh`, and non-printable non-ASCII
/// characters (see [`is_printable`]) as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
/// Printable non-ASCII characters are kept as they are.
pub fn str_repr(s: &str) -> String {
    quoted(s.chars(), pick_quote(s.contains('\''), s.contains('"')), is_printable)
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
    format!("b{}", quoted(b.iter().map(|&b| char::from(b)), quote, |c| matches!(c, ' '..='~')))
}
