//! Code points of `str`: character classes and case mappings as CPython 3.11's Unicode 14
//! database has them (through the tables in `tables.rs` where Rust's newer data differs).

use super::tables::{
    ALPHA, CASEFOLD, DECIMAL, DIGIT_EXTRA, ID_CONTINUE_EXTRA, ID_START_XOR, NUMERIC_EXTRA, TITLE,
    UNCASED_IN_14,
};

/// Length of `s` in code points.
pub(crate) fn cp_len(s: &str) -> usize {
    if s.is_ascii() { s.len() } else { s.chars().count() }
}

/// The part of `s` between code points `a` and `b` (`a <= b`).
pub(super) fn window(s: &str, a: usize, b: usize) -> &str {
    if s.is_ascii() {
        return s.get(a.min(s.len())..b.min(s.len())).unwrap_or("");
    }
    let (mut start, mut end) = (s.len(), s.len());
    for (k, (i, _)) in s.char_indices().enumerate() {
        if k == a {
            start = i;
        }
        if k == b {
            end = i;
            break;
        }
    }
    s.get(start..end).unwrap_or("")
}

/// `str.isspace` for one character (Unicode White_Space plus the ASCII separators 0x1c-0x1f).
pub fn is_space(c: char) -> bool {
    matches!(
        c as u32,
        0x09..=0x0d
            | 0x1c..=0x20
            | 0x85
            | 0xa0
            | 0x1680
            | 0x2000..=0x200a
            | 0x2028
            | 0x2029
            | 0x202f
            | 0x205f
            | 0x3000
    )
}

/// Line boundaries recognised by `str.splitlines`.
pub(super) fn is_linebreak(c: char) -> bool {
    matches!(c as u32, 0x0a..=0x0d | 0x1c..=0x1e | 0x85 | 0x2028 | 0x2029)
}

pub(super) fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

pub(super) fn in_map(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    let c = c as u32;
    table.binary_search_by_key(&c, |&(k, _)| k).ok().and_then(|i| table.get(i)).map(|e| e.1)
}

/// `str.isalpha` for one character (categories Lu, Ll, Lt, Lm, Lo).
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphabetic() } else { in_ranges(ALPHA, c) }
}

/// `str.isdecimal` for one character (category Nd).
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_digit() } else { in_ranges(DECIMAL, c) }
}

/// The value of a decimal digit of any script (every Nd block runs 0 to 9).
pub(crate) fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    let c = c as u32;
    DECIMAL.iter().find(|&&(lo, hi)| lo <= c && c <= hi).map(|&(lo, _)| (c - lo) % 10)
}

/// `str.isdigit` for one character.
pub(crate) fn is_digit(c: char) -> bool {
    is_decimal(c) || (!c.is_ascii() && in_ranges(DIGIT_EXTRA, c))
}

/// `str.isnumeric` for one character.
pub fn is_numeric(c: char) -> bool {
    is_digit(c) || (!c.is_ascii() && in_ranges(NUMERIC_EXTRA, c))
}

pub(super) fn is_id_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    is_alpha(c) != in_ranges(ID_START_XOR, c)
}

pub(super) fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    is_id_start(c) || is_decimal(c) || in_ranges(ID_CONTINUE_EXTRA, c)
}

/// Titlecase letters (category Lt).
pub(super) fn is_title_char(c: char) -> bool {
    matches!(
        c as u32,
        0x1c5 | 0x1c8 | 0x1cb | 0x1f2 | 0x1f88..=0x1f8f | 0x1f98..=0x1f9f | 0x1fa8..=0x1faf
            | 0x1fbc | 0x1fcc | 0x1ffc
    )
}

/// Letters that Rust's (newer) Unicode data gives case properties or mappings but CPython
/// 3.11's Unicode 14 does not: they are uncased here, as in CPython.
pub(super) fn uncased_in_14(c: char) -> bool {
    !c.is_ascii() && in_ranges(UNCASED_IN_14, c)
}

/// `Py_UNICODE_ISUPPER`: the Uppercase property.
pub(super) fn is_upper(c: char) -> bool {
    c.is_uppercase() && !uncased_in_14(c)
}

/// `Py_UNICODE_ISLOWER`: the Lowercase property. U+0295 lost it after Unicode 14; four
/// letters of [`UNCASED_IN_14`] had it without case mappings.
pub(super) fn is_lower(c: char) -> bool {
    matches!(c as u32, 0x19b | 0x264 | 0x295 | 0xa7d3 | 0xa7d5)
        || (c.is_lowercase() && !uncased_in_14(c))
}

pub(super) fn is_cased(c: char) -> bool {
    is_lower(c) || is_upper(c) || is_title_char(c)
}

/// An approximation of Unicode's Case_Ignorable property, used only for the final-sigma rule.
pub(super) fn is_case_ignorable(c: char) -> bool {
    matches!(
        c as u32,
        0x27 | 0x2e
            | 0x3a
            | 0x5e
            | 0x60
            | 0xa8
            | 0xad
            | 0xaf
            | 0xb4
            | 0xb7
            | 0xb8
            | 0x2b0..=0x36f
            | 0x374
            | 0x375
            | 0x37a
            | 0x384
            | 0x385
            | 0x387
            | 0x483..=0x489
            | 0x1ab0..=0x1aff
            | 0x1dc0..=0x1dff
            | 0x2018
            | 0x2019
            | 0x2024
            | 0x2027
            | 0x200b..=0x200f
            | 0x2060..=0x2064
            | 0x20d0..=0x20ff
            | 0xfe00..=0xfe0f
            | 0xfe20..=0xfe2f
    )
}

/// Whether the capital sigma at `chars[i]` ends a word (lowercases to `ς`).
pub(super) fn final_sigma(chars: &[char], i: usize) -> bool {
    let before = chars.get(..i).unwrap_or(&[]).iter().rev().find(|c| !is_case_ignorable(**c));
    if !before.is_some_and(|c| is_cased(*c)) {
        return false;
    }
    let after = chars.get(i + 1..).unwrap_or(&[]).iter().find(|c| !is_case_ignorable(**c));
    !after.is_some_and(|c| is_cased(*c))
}

/// Appends the lowercase of `chars[i]` (CPython's `lower_ucs4`, with the final-sigma rule).
pub(super) fn push_lower(chars: &[char], i: usize, out: &mut String) {
    let Some(&c) = chars.get(i) else { return };
    if uncased_in_14(c) {
        out.push(c);
    } else if c == '\u{3a3}' {
        out.push(if final_sigma(chars, i) { '\u{3c2}' } else { '\u{3c3}' });
    } else {
        out.extend(c.to_lowercase());
    }
}

pub(super) fn push_upper(c: char, out: &mut String) {
    if uncased_in_14(c) {
        out.push(c);
    } else {
        out.extend(c.to_uppercase());
    }
}

pub(super) fn push_title(c: char, out: &mut String) {
    match in_map(TITLE, c) {
        Some(t) => out.push_str(t),
        None => push_upper(c, out),
    }
}

pub(super) fn push_fold(c: char, out: &mut String) {
    match in_map(CASEFOLD, c) {
        Some(t) => out.push_str(t),
        None if uncased_in_14(c) => out.push(c),
        None => out.extend(c.to_lowercase()),
    }
}

/// `str.upper`.
pub(super) fn upper(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_uppercase()
    } else if s.chars().any(uncased_in_14) {
        let mut out = String::with_capacity(s.len());
        s.chars().for_each(|c| push_upper(c, &mut out));
        out
    } else {
        s.to_uppercase()
    }
}

/// `str.lower`.
pub(super) fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else if s.chars().any(uncased_in_14) {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        (0..chars.len()).for_each(|i| push_lower(&chars, i, &mut out));
        out
    } else {
        s.to_lowercase()
    }
}

/// `str.casefold`.
pub(super) fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_fold(c, &mut out);
    }
    out
}
