//! Tests for the lexer: token streams, layout, literals, f-strings, CPython's error messages and
//! positions (the expected values were produced by CPython 3.11.7), and a no-panic smoke test.

mod errors;
mod fstrings;
mod fuzz;
mod layout;
mod literals;
mod string_errors;
mod tokens;

use super::tokenize;
use crate::error::SyntaxErrorKind;
use crate::token::{IntLit, Token, TokenKind};

/// The tokens of `src`; the test fails if it does not tokenize.
fn lex(src: &str) -> Vec<Token> {
    match tokenize(src) {
        Ok(tokens) => tokens,
        Err(e) => panic!("{src:?} failed: {e} at {:?}", e.line_col(src)),
    }
}

/// The token kinds of `src`.
fn kinds(src: &str) -> Vec<TokenKind> {
    lex(src).into_iter().map(|t| t.kind).collect()
}

/// The token kinds of `src` without `Newline`, `Indent`, `Dedent` and `EndOfFile`.
fn values(src: &str) -> Vec<TokenKind> {
    kinds(src)
        .into_iter()
        .filter(|k| {
            !matches!(
                k,
                TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::EndOfFile
            )
        })
        .collect()
}

/// The only value token of `src`.
fn single(src: &str) -> TokenKind {
    let mut v = values(src);
    assert_eq!(v.len(), 1, "{src:?} gave {v:?}");
    v.remove(0)
}

/// A `Name` token.
fn name(s: &str) -> TokenKind {
    TokenKind::Name(s.to_string())
}

/// A small `Int` token.
fn int(v: i64) -> TokenKind {
    TokenKind::Int(IntLit::Small(v))
}

/// A `Str` token.
fn string(s: &str) -> TokenKind {
    TokenKind::Str(s.to_string())
}

/// The error for `src`: its class, message, line and column.
fn error(src: &str) -> (SyntaxErrorKind, String, u32, u32) {
    match tokenize(src) {
        Ok(tokens) => panic!("{src:?} tokenized: {tokens:?}"),
        Err(e) => {
            let (line, col) = e.line_col(src);
            (e.kind, e.msg, line, col)
        }
    }
}

/// One expected error: source, class, message, line, column.
type ErrorCase<'a> = (&'a str, SyntaxErrorKind, &'a str, u32, u32);

/// Checks a table of expected errors.
fn check_errors(cases: &[ErrorCase]) {
    for &(src, kind, msg, line, col) in cases {
        assert_eq!(error(src), (kind, msg.to_string(), line, col), "source: {src:?}");
    }
}
