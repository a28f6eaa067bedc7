//! Splitting the body of an f-string into literal text and replacement fields.
//!
//! This is a port of CPython 3.11's `fstring_find_literal` / `fstring_find_expr`
//! (`Parser/string_parser.c`): in 3.11 the tokenizer finds the end of an f-string exactly like any
//! other string, and the body is split afterwards. Consequences kept here:
//! - `{{` and `}}` are collapsed only at the top level, not inside a format spec;
//! - an expression ends at a top-level `!`, `:`, `=` or `}` (not at `!=`, `==`, `<=`, `>=`), skips
//!   over nested brackets and string literals, and may contain neither `\` nor `#`;
//! - a format spec may contain replacement fields, but those may not have nested fields again.
//!
//! Errors are returned as messages: the lexer reports them at the token after the literal, as
//! CPython does. Literal text has its escapes processed (unless raw) with `decode_str`, so its
//! `(unicode error)` positions are relative to the literal chunk, like CPython's.

use super::strings::{decode_str, normalize_newlines};
use crate::token::FStringPiece;

/// CPython's `MAXLEVEL` for brackets inside one f-string expression.
const MAX_NESTING: usize = 200;

/// Splits the f-string body `src[start..end]` into pieces.
pub(super) fn split(
    src: &str,
    start: usize,
    end: usize,
    raw: bool,
) -> Result<Vec<FStringPiece>, String> {
    let mut splitter =
        Splitter { src, b: src.as_bytes(), pos: start, end: end.min(src.len()), raw };
    splitter.pieces(0)
}

/// The splitting state.
struct Splitter<'s> {
    /// The whole source.
    src: &'s str,
    /// The whole source as bytes.
    b: &'s [u8],
    /// Current offset.
    pos: usize,
    /// End of the f-string body.
    end: usize,
    /// An `rf` string: no escape processing.
    raw: bool,
}

impl Splitter<'_> {
    /// The byte at `at`, if inside the body.
    fn at(&self, at: usize) -> Option<u8> {
        if at < self.end { self.b.get(at).copied() } else { None }
    }

    /// The pieces of the body (`level` 0) or of a format spec (`level` 1 or 2), up to the end of
    /// the body or, in a spec, the closing `}` (not consumed).
    fn pieces(&mut self, level: u32) -> Result<Vec<FStringPiece>, String> {
        let mut pieces = Vec::new();
        let mut text = String::new();
        loop {
            let doubled = self.literal(level, &mut text)?;
            if doubled {
                continue;
            }
            match self.at(self.pos) {
                None | Some(b'}') => break,
                Some(_) => {
                    if !text.is_empty() {
                        pieces.push(FStringPiece::Literal(std::mem::take(&mut text)));
                    }
                    let field = self.field(level)?;
                    pieces.push(field);
                }
            }
        }
        if !text.is_empty() {
            pieces.push(FStringPiece::Literal(text));
        }
        if level != 0 && self.at(self.pos) != Some(b'}') {
            return Err("f-string: expecting '}'".into());
        }
        Ok(pieces)
    }

    /// Scans literal text up to a `{`/`}` or the end, appending it (decoded) to `text`. Returns
    /// `true` if it stopped after a doubled brace (one brace is kept, and scanning continues).
    fn literal(&mut self, level: u32, text: &mut String) -> Result<bool, String> {
        let start = self.pos;
        let mut stop = None;
        let mut doubled = false;
        while let Some(mut ch) = self.at(self.pos) {
            self.pos += 1;
            if !self.raw
                && ch == b'\\'
                && let Some(next) = self.at(self.pos)
            {
                ch = next;
                self.pos += 1;
                if ch == b'N' {
                    // Skip a `\N{...}` name so its braces are not taken for a field.
                    if let Some(open) = self.at(self.pos) {
                        self.pos += 1;
                        if open == b'{' {
                            while let Some(c) = self.at(self.pos) {
                                self.pos += 1;
                                if c == b'}' {
                                    break;
                                }
                            }
                        }
                    }
                    continue;
                }
            }
            if ch == b'{' || ch == b'}' {
                if level == 0 {
                    if self.at(self.pos) == Some(ch) {
                        stop = Some(self.pos);
                        self.pos += 1;
                        doubled = true;
                        break;
                    }
                    if ch == b'}' {
                        return Err("f-string: single '}' is not allowed".into());
                    }
                }
                self.pos -= 1;
                break;
            }
        }
        let stop = stop.unwrap_or(self.pos);
        if stop > start {
            let chunk = self.src.get(start..stop).unwrap_or("");
            let chunk = normalize_newlines(chunk);
            if self.raw {
                text.push_str(&chunk);
            } else {
                text.push_str(&decode_str(&chunk)?);
            }
        }
        Ok(doubled)
    }

    /// A replacement field starting at the `{` at the current position.
    fn field(&mut self, level: u32) -> Result<FStringPiece, String> {
        if level >= 2 {
            return Err("f-string: expressions nested too deeply".into());
        }
        self.pos += 1;
        let expr_start = self.pos;
        let expr_end = self.expression_end()?;
        let expecting = || String::from("f-string: expecting '}'");
        if self.pos >= self.end {
            return Err(expecting());
        }
        let expr = self.src.get(expr_start..expr_end).unwrap_or("");
        if expr.bytes().all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')) {
            return Err("f-string: empty expression not allowed".into());
        }
        let mut debug_text = None;
        if self.at(self.pos) == Some(b'=') {
            self.pos += 1;
            while self.at(self.pos).is_some_and(|c| c.is_ascii_whitespace() || c == b'\x0b') {
                self.pos += 1;
            }
            if self.pos >= self.end {
                return Err(expecting());
            }
            let text = self.src.get(expr_start..self.pos).unwrap_or("");
            debug_text = Some(normalize_newlines(text).into_owned());
        }
        let mut conversion = None;
        if self.at(self.pos) == Some(b'!') {
            self.pos += 1;
            let Some(c) = self.at(self.pos) else { return Err(expecting()) };
            self.pos += 1;
            if !matches!(c, b's' | b'r' | b'a') {
                return Err(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'".into()
                );
            }
            conversion = Some(char::from(c));
        }
        let mut spec = None;
        if self.at(self.pos) == Some(b':') {
            self.pos += 1;
            if self.pos >= self.end {
                return Err(expecting());
            }
            spec = Some(self.pieces(level + 1)?);
        }
        if self.at(self.pos) != Some(b'}') {
            return Err(expecting());
        }
        self.pos += 1;
        if debug_text.is_some() && conversion.is_none() && spec.is_none() {
            conversion = Some('r');
        }
        Ok(FStringPiece::Field {
            expr: expr.to_string(),
            expr_start: expr_start as u32,
            conversion,
            spec,
            debug_text,
        })
    }

    /// Scans the expression of a field from the current position and returns where it ends; the
    /// position is left at the character that ended it (or the end of the body).
    fn expression_end(&mut self) -> Result<usize, String> {
        let mut quote: Option<u8> = None;
        let mut triple = false;
        let mut stack: Vec<u8> = Vec::new();
        while let Some(ch) = self.at(self.pos) {
            if ch == b'\\' {
                return Err("f-string expression part cannot include a backslash".into());
            }
            if let Some(q) = quote {
                if ch == q {
                    if !triple {
                        quote = None;
                    } else if self.at(self.pos + 1) == Some(ch) && self.at(self.pos + 2) == Some(ch)
                    {
                        self.pos += 2;
                        quote = None;
                    }
                }
                self.pos += 1;
                continue;
            }
            match ch {
                b'\'' | b'"' => {
                    triple = self.at(self.pos + 1) == Some(ch) && self.at(self.pos + 2) == Some(ch);
                    if triple {
                        self.pos += 2;
                    }
                    quote = Some(ch);
                }
                b'(' | b'[' | b'{' => {
                    if stack.len() >= MAX_NESTING {
                        return Err("f-string: too many nested parenthesis".into());
                    }
                    stack.push(ch);
                }
                b'#' => return Err("f-string expression part cannot include '#'".into()),
                b'!' | b':' | b'}' | b'=' | b'>' | b'<' if stack.is_empty() => {
                    let next = self.at(self.pos + 1);
                    if next == Some(b'=') && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                        self.pos += 2;
                        continue;
                    }
                    if ch == b'>' || ch == b'<' {
                        self.pos += 1;
                        continue;
                    }
                    break;
                }
                b')' | b']' | b'}' => {
                    let Some(open) = stack.pop() else {
                        return Err(format!("f-string: unmatched '{}'", char::from(ch)));
                    };
                    let matching = matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                    if !matching {
                        return Err(format!(
                            "f-string: closing parenthesis '{}' does not match opening \
                             parenthesis '{}'",
                            char::from(ch),
                            char::from(open)
                        ));
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
        if quote.is_some() {
            return Err("f-string: unterminated string".into());
        }
        if let Some(&open) = stack.last() {
            return Err(format!("f-string: unmatched '{}'", char::from(open)));
        }
        Ok(self.pos)
    }
}
