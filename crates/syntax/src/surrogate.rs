//! Lone surrogates (`"\ud800"`) in gil-lab's strings.
//!
//! Python's `str` may hold the code points U+D800..U+DFFF on their own; Rust's `str` may not.
//! gil-lab keeps its strings as Rust strings and stands each lone surrogate in for by one of
//! the last 2048 code points of plane 15 (U+FF800..U+FFFFF, private use): surrogate `d` is
//! `U+FF800 + (d - 0xD800)`. Everything that shows a code point to Python (`ord`, `chr`,
//! `repr`, escapes, encoders and decoders) translates through this module, so a program sees
//! CPython's values.
//!
//! The cost of the choice: the real characters U+FF800..U+FFFFF cannot be represented (a
//! `\U000FF800` escape or `chr(0xFF800)` is an error), and strings order a lone surrogate
//! after U+E000..U+FF7FF where CPython orders it before them.

/// The first code point that stands for a lone surrogate.
const BASE: u32 = 0xF_F800;

/// The lowest and highest lone surrogate.
const FIRST: u32 = 0xD800;
const LAST: u32 = 0xDFFF;

/// Whether `c` stands for a lone surrogate.
#[inline]
pub fn is_surrogate(c: char) -> bool {
    is_reserved(c as u32)
}

/// The Python code point of `c` (its surrogate for a stand-in, else its own).
#[inline]
pub fn code_point(c: char) -> u32 {
    let n = c as u32;
    if is_reserved(n) { n - BASE + FIRST } else { n }
}

/// The character for Python code point `n`: a stand-in for a lone surrogate; `None` beyond
/// U+10FFFF and for the code points the stand-ins take.
pub fn from_code_point(n: u32) -> Option<char> {
    match n {
        FIRST..=LAST => char::from_u32(BASE + (n - FIRST)),
        _ if is_reserved(n) => None,
        _ => char::from_u32(n),
    }
}

/// Whether Python code point `n` is one of those the stand-ins take (not representable).
pub fn is_reserved(n: u32) -> bool {
    (BASE..=BASE + (LAST - FIRST)).contains(&n)
}

/// Whether text `s` holds a lone surrogate (a quick byte scan first: every stand-in's UTF-8
/// encoding starts with `0xF3 0xBF`).
pub fn contains_surrogate(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(2).any(|w| w == [0xF3, 0xBF]) && s.chars().any(is_surrogate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for n in [0xD800, 0xDBFF, 0xDC00, 0xDFFF] {
            let c = from_code_point(n).expect("surrogate");
            assert!(is_surrogate(c));
            assert_eq!(code_point(c), n);
        }
        assert_eq!(from_code_point(0x41), Some('A'));
        assert_eq!(code_point('\u{10FFFF}'), 0x10FFFF);
        assert!(!is_surrogate('\u{10FFFF}') && !is_surrogate('\u{FF7FF}'));
        assert_eq!(from_code_point(0xFF800), None);
        assert_eq!(from_code_point(0x110000), None);
        assert!(contains_surrogate("a\u{FF800}b") && !contains_surrogate("a\u{10FFFF}"));
    }
}
