//! A quick no-panic check: pseudo-random inputs (a simple LCG over an alphabet of Python
//! punctuation, quotes, line breaks, blanks, letters, digits, backslashes and braces, and over
//! fragments of real syntax) must tokenize or fail cleanly, and results must be well-formed.

use super::super::{tokenize, tokenize_expr};
use crate::token::{FStringPiece, TokenKind};

/// A linear congruential generator (Knuth's MMIX constants).
struct Lcg(u64);

impl Lcg {
    /// The next pseudo-random number below `n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// Single characters to draw from.
const ALPHABET: &[&str] = &[
    "a", "b", "f", "r", "u", "x", "e", "j", "o", "_", "0", "1", "7", "9", " ", " ", " ", "\t",
    "\n", "\n", "\r", "\r\n", "\x0c", "\\", "\\", "'", "'", "\"", "{", "}", "(", ")", "[", "]",
    ":", "!", "=", "<", ">", "*", "/", "+", "-", ".", ",", ";", "#", "@", "%", "^", "&", "|", "~",
    "$", "?", "`", "é", "€", "\u{a0}", "\u{301}", "😀", "\u{feff}", "\x0b", "N",
];

/// Fragments of real syntax, to reach deeper states.
const FRAGMENTS: &[&str] = &[
    "if x:\n",
    "    ",
    "\t",
    "def f(a, b=1):\n",
    "return ",
    "f'{",
    "}'",
    "f\"{x!r:>{w}}\"",
    "'''",
    "\"\"\"",
    "rb'",
    "'\\x4",
    "'\\N{",
    "\\N{BULLET}",
    "{x=}",
    "!=",
    ":=",
    "0x",
    "0b1_0",
    "1.5e-3",
    "1_000",
    "012",
    "1if",
    "((",
    "))",
    "[",
    "]",
    "# c\n",
    "\\\n",
    "\n\n",
    "f'{a:{b:{c}}}'",
    "f'''{\n",
    "\\u00e9",
    "b'é'",
    "lambda",
    "else",
    "x",
    " = ",
    ", ",
];

/// Checks that `src` does not panic and that the result is well-formed.
fn check(src: &str) {
    match tokenize(src) {
        Ok(tokens) => {
            assert_eq!(tokens.last().map(|t| &t.kind), Some(&TokenKind::EndOfFile), "{src:?}");
            let mut depth = 0i64;
            for t in &tokens {
                let (s, e) = (t.span.start as usize, t.span.end as usize);
                assert!(s <= e && e <= src.len(), "{src:?}: {t:?}");
                assert!(src.is_char_boundary(s) && src.is_char_boundary(e), "{src:?}: {t:?}");
                match t.kind {
                    TokenKind::Indent => depth += 1,
                    TokenKind::Dedent => depth -= 1,
                    _ => {}
                }
                assert!(depth >= 0, "{src:?}");
                if let TokenKind::FString(pieces) = &t.kind {
                    check_pieces(src, pieces);
                }
            }
            assert_eq!(depth, 0, "{src:?}");
        }
        Err(e) => {
            assert!(e.span.start <= e.span.end && e.span.end as usize <= src.len() + 1, "{src:?}");
            assert!(!e.msg.is_empty());
            let _ = e.line_col(src);
            let _ = e.render("fuzz.py", src);
        }
    }
}

/// Checks f-string fields: each expression is where it says, and re-lexes without panicking.
fn check_pieces(src: &str, pieces: &[FStringPiece]) {
    for piece in pieces {
        if let FStringPiece::Field { expr, expr_start, spec, .. } = piece {
            let start = *expr_start as usize;
            assert_eq!(src.get(start..start + expr.len()), Some(expr.as_str()), "{src:?}");
            let _ = tokenize_expr(src, start, start + expr.len());
            if let Some(spec) = spec {
                check_pieces(src, spec);
            }
        }
    }
}

#[test]
fn random_characters_never_panic() {
    let mut rng = Lcg(0x5eed);
    for _ in 0..600 {
        let len = rng.below(60);
        let src: String = (0..len).map(|_| ALPHABET[rng.below(ALPHABET.len())]).collect();
        check(&src);
    }
}

#[test]
fn random_fragments_never_panic() {
    let mut rng = Lcg(42);
    for _ in 0..600 {
        let len = rng.below(25);
        let mut src = String::new();
        for _ in 0..len {
            if rng.below(4) == 0 {
                src.push_str(ALPHABET[rng.below(ALPHABET.len())]);
            } else {
                src.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
            }
        }
        check(&src);
    }
}

#[test]
fn pathological_inputs_never_panic() {
    let deep_brackets = "(".repeat(10_000);
    let deep_indent: String = (0..300).map(|i| format!("{}if x:\n", " ".repeat(i))).collect();
    let deep_fstring = format!("f'{}'", "{".repeat(5_000));
    let many_quotes = "'".repeat(1_001);
    let long_escape = format!("'\\N{{{}}}'", "A".repeat(10_000));
    for src in [
        deep_brackets.as_str(),
        &deep_indent,
        &deep_fstring,
        &many_quotes,
        &long_escape,
        "\\",
        "\\\r",
        "'\\",
        "f'{",
        "f'{x!",
        "f'{x:",
        "f'{x=",
        "0x",
        "0b",
        ".",
        "1e",
        "1_",
        "\u{feff}",
        "\u{feff}\u{feff}",
        "\r",
        "\0",
        "if x:\n\t \t\x0c  \\\n",
    ] {
        check(src);
    }
}
