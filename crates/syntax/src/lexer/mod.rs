//! The lexer: Python source text to [`Token`]s, following CPython 3.11's tokenizer.
//!
//! [`tokenize`] produces logical-line tokens (`Newline`, `Indent`, `Dedent`, `EndOfFile`) the way
//! CPython's `tokenizer.c` does: blank and comment-only lines produce nothing, newlines inside
//! brackets and after a `\` continuation are ignored, tabs advance to the next multiple of 8 and
//! indentation is also compared with a tab size of 1 to detect inconsistent tabs (`TabError`).
//! String literals are decoded here (escapes processed, see `strings.rs`), f-strings are split into
//! [`FStringPiece`](crate::token::FStringPiece)s (see `fstring.rs`) and numbers are converted to
//! values (see `numbers.rs`). Layout (indentation, newlines, continuations) is in `layout.rs`,
//! names and operators in `ops.rs`.
//!
//! Spans: a `Newline` covers the line terminator and, when the line ends with a comment, starts at
//! the `#` (CPython's NEWLINE token does, and errors reported there point at the comment). An
//! `Indent` covers the first character of the indented line; `Dedent` and `EndOfFile` are empty.
//!
//! # Errors
//!
//! Messages and positions are CPython 3.11's, including the order in which competing errors win:
//! - Errors CPython's *parser* raises while concatenating adjacent string literals (bad escapes,
//!   f-string structure) are reported at the token after the run of literals; a stray `$`, `?`,
//!   `!` or backtick is "invalid syntax" at that character.
//! - After such a parser-level error CPython tokenizes the rest of the file and reports a later
//!   tokenizer error instead, if there is one; indentation and `\` errors (which CPython records
//!   without raising) do not count, but an unclosed bracket opened on an earlier line than the
//!   error does ("'(' was never closed"). The lexer reproduces this.
//!
//! Deliberate deviations from CPython, each documented where it is implemented:
//! - The lexer runs before the parser, so an indentation, `\`-continuation or unclosed-bracket
//!   error wins over a parse error on an earlier line (CPython would report the parse error).
//!   Other tokenizer errors win in CPython too.
//! - Identifiers use approximations of `XID_Start`/`XID_Continue` and are not NFKC-normalized;
//!   "printable" in error messages is approximated too (`chars.rs`).
//! - Imaginary literals (`1j`) are rejected: "imaginary numbers are not supported" (`numbers.rs`).
//! - `\N{...}` knows common names plus CJK and Hangul names (`unicode_names.rs`); other names give
//!   CPython's "unknown Unicode character name" error.
//! - Lone surrogates (`"\ud800"`) are stored as stand-in characters (`crate::surrogate`); the
//!   escapes of U+FF800..U+FFFFF, which the stand-ins take, are a syntax error.
//! - For `f"{x=}"` without conversion or format spec the field gets `conversion: Some('r')`, as in
//!   CPython's AST (`fstring.rs`).
//! - A byte-order mark is skipped, as when CPython runs a file (its `compile()` rejects one).

mod chars;
mod fstring;
mod layout;
mod numbers;
mod ops;
mod strings;
#[cfg(test)]
mod tests;
pub mod unicode_names;

use crate::error::SyntaxError;
use crate::span::{LineIndex, Span};
use crate::token::{Token, TokenKind};
use strings::Prefix;

/// Splits a whole module's source into tokens.
///
/// The result ends with a `Newline` (if the last logical line had tokens but no line terminator),
/// one `Dedent` per open indentation level, and `EndOfFile`. A byte-order mark at the start is
/// skipped. Never panics, whatever the input.
pub fn tokenize(source: &str) -> Result<Vec<Token>, SyntaxError> {
    if let Some(p) = source.find('\0') {
        let err = SyntaxError::new("source code cannot contain null bytes", Span::new(p, p + 1));
        return Err(SyntaxError { caret: false, ..err });
    }
    let start = if source.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut lexer = Lexer::new(source, start, false);
    lexer.run()?;
    Ok(lexer.tokens)
}

/// Tokenizes `source[start..end]` as an expression enclosed in parentheses, as CPython 3.11 does
/// for the expression of an f-string replacement field (`FStringPiece::Field::expr`, which starts
/// at `expr_start`; pass `end = expr_start + expr.len()`).
///
/// Spans are byte offsets into the whole `source`. Newlines and indentation are ignored; the result
/// ends with `EndOfFile` and has no `Newline`, `Indent` or `Dedent` tokens.
pub fn tokenize_expr(source: &str, start: usize, end: usize) -> Result<Vec<Token>, SyntaxError> {
    let start = start.min(end);
    let Some(prefix) = source.get(..end).filter(|p| p.is_char_boundary(start)) else {
        return Err(SyntaxError::new("invalid expression range", Span::new(start, start)));
    };
    if let Some(p) = prefix.get(start..).and_then(|s| s.find('\0')) {
        let at = start + p;
        let err = SyntaxError::new("source code cannot contain null bytes", Span::new(at, at + 1));
        return Err(SyntaxError { caret: false, ..err });
    }
    let mut lexer = Lexer::new(prefix, start, true);
    lexer.run()?;
    Ok(lexer.tokens)
}

/// A string-literal error waiting for the token after the run of literals (see module docs).
struct Pending {
    /// The message.
    msg: String,
    /// Where to report it; `None` means "at the token after the string literals".
    span: Option<Span>,
}

/// The tokenizer state.
struct Lexer<'s> {
    /// The source (cut at the end of the range being tokenized).
    src: &'s str,
    /// `src` as bytes.
    b: &'s [u8],
    /// Current byte offset.
    pos: usize,
    /// Tokens so far.
    tokens: Vec<Token>,
    /// Indentation stack: (column with tab size 8, column with tab size 1).
    indents: Vec<(usize, usize)>,
    /// Open brackets: the bracket byte and its offset.
    brackets: Vec<(u8, usize)>,
    /// At the beginning of a logical line: indentation must be measured.
    at_bol: bool,
    /// The current logical line has produced a token (so it needs a `Newline`).
    line_has_tokens: bool,
    /// Start of the first physical line of CPython's line buffer: the current line, or an earlier
    /// one joined to it by `\` or by a multi-line string (used for one error column).
    buf_start: usize,
    /// Offset of the `#` of a comment ending the current line, if any.
    comment_start: Option<usize>,
    /// A string-literal error waiting for the next non-string token.
    pending: Option<Pending>,
    /// A parser-level error already raised, with the offset of the token it was raised at; the
    /// rest of the input is only checked for tokenizer errors, which take precedence.
    raised: Option<(SyntaxError, usize)>,
    /// Tokenizing an f-string expression (implicitly inside parentheses).
    expr_mode: bool,
}

impl<'s> Lexer<'s> {
    /// A lexer over `src` starting at byte `start`.
    fn new(src: &'s str, start: usize, expr_mode: bool) -> Lexer<'s> {
        Lexer {
            src,
            b: src.as_bytes(),
            pos: start,
            tokens: Vec::new(),
            indents: vec![(0, 0)],
            brackets: Vec::new(),
            at_bol: !expr_mode,
            line_has_tokens: false,
            buf_start: start,
            comment_start: None,
            pending: None,
            raised: None,
            expr_mode,
        }
    }

    /// The main loop: one token (or skipped piece of trivia) per iteration.
    fn run(&mut self) -> Result<(), SyntaxError> {
        loop {
            if self.at_bol {
                self.at_bol = false;
                if self.indentation()? {
                    self.at_bol = true;
                    continue;
                }
            }
            self.skip_blanks();
            let start = self.pos;
            let Some(&c) = self.b.get(start) else { return self.finish() };
            match c {
                b'#' => {
                    self.comment_start = Some(start);
                    self.skip_comment();
                }
                b'\n' | b'\r' => self.newline(start)?,
                b'\\' => self.continuation(false)?,
                b'0'..=b'9' => self.number(start)?,
                b'.' if self.b.get(start + 1).is_some_and(u8::is_ascii_digit) => {
                    self.number(start)?
                }
                b'\'' | b'"' => self.string(start, start, Prefix::default())?,
                c if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => self.name(start)?,
                _ => self.operator(start)?,
            }
        }
    }

    /// Appends a token. A pending string error is raised at the first token that is not a string.
    fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        let span = Span::new(start, end);
        if !matches!(kind, TokenKind::Str(_) | TokenKind::Bytes(_) | TokenKind::FString(_)) {
            self.raise_pending(span);
        }
        match kind {
            TokenKind::Newline => self.line_has_tokens = false,
            TokenKind::Indent | TokenKind::Dedent | TokenKind::EndOfFile => {}
            _ => self.line_has_tokens = true,
        }
        self.tokens.push(Token { kind, span });
    }

    /// Raises the pending string-literal error, if any, at the token at `span`.
    fn raise_pending(&mut self, span: Span) {
        if let Some(p) = self.pending.take() {
            self.raise(SyntaxError::new(p.msg, p.span.unwrap_or(span)), span.start as usize);
        }
    }

    /// Records a string-literal error; the first one in a run of literals wins, and none is
    /// recorded once a parser-level error has been raised (CPython would not decode further).
    fn defer(&mut self, msg: impl Into<String>, span: Option<Span>) {
        if self.pending.is_none() && self.raised.is_none() {
            self.pending = Some(Pending { msg: msg.into(), span });
        }
    }

    /// Raises a parser-level error found at offset `at`: lexing goes on, looking for a tokenizer
    /// error that would take precedence. Only the first one counts.
    fn raise(&mut self, err: SyntaxError, at: usize) {
        if self.raised.is_none() {
            self.raised = Some((err, at));
        }
    }

    /// A "soft" tokenizer error (one CPython records without raising: indentation, `\`
    /// continuation, end of input). After a parser-level error it stops the search for tokenizer
    /// errors instead of replacing the error.
    fn soft(&mut self, err: SyntaxError) -> SyntaxError {
        match self.raised.take() {
            Some(raised) => self.resolve(raised),
            None => err,
        }
    }

    /// The error to report for a raised parser-level error when the scan of the rest of the input
    /// stopped without a tokenizer error: CPython reports a bracket still open, if it was opened on
    /// an earlier line than the error, and the error otherwise.
    fn resolve(&self, (err, at): (SyntaxError, usize)) -> SyntaxError {
        if let Some(&(open, open_at)) = self.brackets.last() {
            let index = LineIndex::new(self.src);
            if index.line(at as u32) > index.line(open_at as u32) {
                return unclosed(open, open_at);
            }
        }
        err
    }

    /// End of input: unclosed brackets, the final `Newline`, `Dedent`s and `EndOfFile`.
    fn finish(&mut self) -> Result<(), SyntaxError> {
        let len = self.b.len();
        if self.brackets.is_empty() && self.line_has_tokens && !self.expr_mode {
            let start = self.comment_start.take().unwrap_or(len);
            self.push(TokenKind::Newline, start, len);
        }
        if let Some(raised) = self.raised.take() {
            return Err(self.resolve(raised));
        }
        if let Some(&(open, p)) = self.brackets.last() {
            return Err(unclosed(open, p));
        }
        if let Some(p) = self.pending.take() {
            return Err(SyntaxError::new(p.msg, p.span.unwrap_or(Span::new(len, len))));
        }
        for _ in 1..self.indents.len() {
            self.push(TokenKind::Dedent, len, len);
        }
        self.indents.truncate(1);
        self.push(TokenKind::EndOfFile, len, len);
        Ok(())
    }

    /// Byte length of the character at `at` (1 at end of input).
    fn char_len(&self, at: usize) -> usize {
        self.src.get(at..).and_then(|s| s.chars().next()).map_or(1, char::len_utf8)
    }

    /// An empty span at the character just before offset `cur` (CPython reports many tokenizer
    /// errors at `tok->cur - 1`).
    fn before(&self, cur: usize) -> Span {
        let mut p = cur.saturating_sub(1).min(self.b.len());
        while p > 0 && !self.src.is_char_boundary(p) {
            p -= 1;
        }
        Span::new(p, p)
    }
}

/// The "was never closed" error for bracket `open` at offset `at`.
fn unclosed(open: u8, at: usize) -> SyntaxError {
    let msg = format!("'{}' was never closed", char::from(open));
    SyntaxError::new(msg, Span::new(at, at + 1))
}
