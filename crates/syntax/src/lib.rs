//! The front end of gil-lab: source text to an abstract syntax tree.
//!
//! The pipeline is `source -> lexer::tokenize -> parser::parse -> ast::Module`. Every token and
//! every AST node carries a [`Span`] (byte offsets into the source); [`LineIndex`] turns offsets
//! into the 1-based line and column numbers that Python reports. Errors are [`SyntaxError`]s that
//! render exactly like CPython 3.11's (`File "x.py", line 3`, the offending line, a caret, and
//! `SyntaxError: ...`).
//!
//! The crate never panics on any input: `tests/no_panic.rs` checks that with proptest, and the
//! `fuzz/` target does the same under libFuzzer.
#![forbid(unsafe_code)]

pub mod ast;
pub mod error;
pub mod lexer;
pub mod parser;
pub mod span;
pub mod surrogate;
pub mod token;

pub use error::{SyntaxError, SyntaxErrorKind};
pub use span::{LineIndex, Span};

/// Parses a whole module (the contents of one `.py` file).
pub fn parse_module(source: &str) -> Result<ast::Module, SyntaxError> {
    let tokens = lexer::tokenize(source)?;
    parser::parse(source, &tokens)
}

/// Parses the input of `eval()`: one expression (a tuple if it has commas), with nothing after
/// it but newlines.
pub fn parse_expression(source: &str) -> Result<ast::Expr, SyntaxError> {
    let tokens = lexer::tokenize(source)?;
    parser::parse_eval(source, &tokens)
}
