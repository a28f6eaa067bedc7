//! Names, keywords and operators (including bracket matching), as in CPython 3.11's `tok_get`.
//!
//! An identifier is scanned over ASCII letters, digits, `_` and every non-ASCII character, then
//! checked character by character (see `chars.rs`), so a stray `€` or non-breaking space is
//! reported as "invalid character" / "invalid non-printable character" at that character. One or
//! two prefix letters directly followed by a quote start a string literal instead.

use super::{Lexer, Prefix, chars};
use crate::error::SyntaxError;
use crate::span::{LineIndex, Span};
use crate::token::TokenKind;

/// CPython's `MAXLEVEL`: the deepest bracket nesting allowed.
const MAX_LEVEL: usize = 200;

impl Lexer<'_> {
    /// An identifier or keyword, or the prefix of a string literal.
    pub(super) fn name(&mut self, start: usize) -> Result<(), SyntaxError> {
        let is_quote = |i: usize| matches!(self.b.get(i), Some(b'\'' | b'"'));
        for len in 1..=2 {
            if is_quote(start + len)
                && let Some(prefix) = self.b.get(start..start + len).and_then(Prefix::parse)
            {
                return self.string(start, start + len, prefix);
            }
        }
        let rest = self.src.get(start..).unwrap_or("");
        let end = start
            + rest
                .char_indices()
                .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii()))
                .map_or(rest.len(), |(i, _)| i);
        let word = self.src.get(start..end).unwrap_or("");
        for (i, c) in word.char_indices() {
            let ok = if i == 0 { chars::is_id_start(c) } else { chars::is_id_continue(c) };
            if !ok {
                let at = start + i;
                let msg = if chars::is_printable(c) {
                    format!("invalid character '{c}' (U+{:04X})", c as u32)
                } else {
                    format!("invalid non-printable character U+{:04X}", c as u32)
                };
                return Err(SyntaxError::new(msg, Span::new(at, at)));
            }
        }
        self.pos = end;
        let kind = TokenKind::keyword(word).unwrap_or_else(|| TokenKind::Name(word.to_string()));
        self.push(kind, start, end);
        Ok(())
    }

    /// An operator or delimiter (or an invalid character).
    pub(super) fn operator(&mut self, start: usize) -> Result<(), SyntaxError> {
        let rest = self.b.get(start..).unwrap_or(&[]);
        let Some((kind, len)) = operator_at(rest) else {
            let c = self.src.get(start..).and_then(|s| s.chars().next()).unwrap_or('\0');
            let end = start + c.len_utf8();
            if chars::is_printable(c) {
                // A parse error in CPython (the tokenizer returns an operator token), after any
                // error in the string literals before it.
                let span = Span::new(start, end);
                self.raise_pending(span);
                self.raise(SyntaxError::new("invalid syntax", span), start);
                self.pos = end;
                return Ok(());
            }
            let msg = format!("invalid non-printable character U+{:04X}", c as u32);
            return Err(SyntaxError::new(msg, Span::new(start, start)));
        };
        let end = start + len;
        let c = rest.first().copied().unwrap_or(0);
        match c {
            b'(' | b'[' | b'{' => {
                if self.brackets.len() >= MAX_LEVEL {
                    return Err(SyntaxError::new(
                        "too many nested parentheses",
                        Span::new(start, start),
                    ));
                }
                self.brackets.push((c, start));
            }
            b')' | b']' | b'}' => {
                let Some((open, open_at)) = self.brackets.pop() else {
                    let msg = format!("unmatched '{}'", char::from(c));
                    return Err(SyntaxError::new(msg, Span::new(start, start)));
                };
                if closing_for(open) != c {
                    let index = LineIndex::new(self.src);
                    let (open_line, close_line) =
                        (index.line(open_at as u32), index.line(start as u32));
                    let mut msg = format!(
                        "closing parenthesis '{}' does not match opening parenthesis '{}'",
                        char::from(c),
                        char::from(open)
                    );
                    if open_line != close_line {
                        msg.push_str(&format!(" on line {open_line}"));
                    }
                    return Err(SyntaxError::new(msg, Span::new(start, start)));
                }
            }
            _ => {}
        }
        self.pos = end;
        self.push(kind, start, end);
        Ok(())
    }
}

/// The closing bracket for an opening one.
fn closing_for(open: u8) -> u8 {
    match open {
        b'(' => b')',
        b'[' => b']',
        _ => b'}',
    }
}

/// The longest operator or delimiter at the start of `s`, with its length in bytes.
fn operator_at(s: &[u8]) -> Option<(TokenKind, usize)> {
    use TokenKind::*;
    Some(match s {
        [b'*', b'*', b'=', ..] => (DoubleStarEqual, 3),
        [b'/', b'/', b'=', ..] => (DoubleSlashEqual, 3),
        [b'>', b'>', b'=', ..] => (RShiftEqual, 3),
        [b'<', b'<', b'=', ..] => (LShiftEqual, 3),
        [b'.', b'.', b'.', ..] => (Ellipsis, 3),
        [b'*', b'*', ..] => (DoubleStar, 2),
        [b'/', b'/', ..] => (DoubleSlash, 2),
        [b'<', b'<', ..] => (LShift, 2),
        [b'>', b'>', ..] => (RShift, 2),
        [b'<', b'=', ..] => (LessEqual, 2),
        [b'>', b'=', ..] => (GreaterEqual, 2),
        [b'=', b'=', ..] => (EqEqual, 2),
        [b'!', b'=', ..] => (NotEqual, 2),
        [b'-', b'>', ..] => (Arrow, 2),
        [b':', b'=', ..] => (Walrus, 2),
        [b'+', b'=', ..] => (PlusEqual, 2),
        [b'-', b'=', ..] => (MinusEqual, 2),
        [b'*', b'=', ..] => (StarEqual, 2),
        [b'/', b'=', ..] => (SlashEqual, 2),
        [b'%', b'=', ..] => (PercentEqual, 2),
        [b'&', b'=', ..] => (AmperEqual, 2),
        [b'|', b'=', ..] => (PipeEqual, 2),
        [b'^', b'=', ..] => (CaretEqual, 2),
        [b'@', b'=', ..] => (AtEqual, 2),
        [c, ..] => (
            match c {
                b'(' => LParen,
                b')' => RParen,
                b'[' => LBracket,
                b']' => RBracket,
                b'{' => LBrace,
                b'}' => RBrace,
                b',' => Comma,
                b':' => Colon,
                b';' => Semi,
                b'.' => Dot,
                b'@' => At,
                b'=' => Assign,
                b'+' => Plus,
                b'-' => Minus,
                b'*' => Star,
                b'/' => Slash,
                b'%' => Percent,
                b'&' => Amper,
                b'|' => Pipe,
                b'^' => Caret,
                b'~' => Tilde,
                b'<' => Less,
                b'>' => Greater,
                _ => return Option::None,
            },
            1,
        ),
        [] => return Option::None,
    })
}
