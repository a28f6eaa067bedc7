//! Numeric literals: a port of the number part of CPython 3.11's `tok_get`.
//!
//! Scanning mirrors CPython's reads and back-ups one for one (so errors land on the same column):
//! underscores only between digits, `0x`/`0o`/`0b` prefixes, floats such as `1.`, `.5`, `1e10`,
//! `1_000.5e-3`, and "leading zeros" for `012`. A literal directly followed by a keyword that may
//! legally follow a number (`1if x else 2`, `0x1for`) ends there, as CPython allows (it only
//! warns); followed by any other identifier character it is an "invalid ... literal".
//!
//! Integers that do not fit in an `i64` become [`IntLit::Big`]. Deviation: imaginary literals
//! (`1j`) are scanned as CPython does but then rejected ("imaginary numbers are not supported").

use super::Lexer;
use crate::error::SyntaxError;
use crate::span::Span;
use crate::token::{IntLit, TokenKind};
use num_bigint::BigInt;

/// What a scanned literal turned out to be.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Num {
    /// A decimal integer.
    Decimal,
    /// An integer with a `0x`/`0o`/`0b` prefix, in this base.
    Radix(u32),
    /// A float.
    Float,
    /// An imaginary literal.
    Imaginary,
}

/// CPython's byte cursor: `next` reads one byte (nothing at the end), `backup` undoes a read.
struct Cursor<'a> {
    /// The source bytes.
    b: &'a [u8],
    /// Offset of the next byte to read.
    pos: usize,
}

impl Cursor<'_> {
    /// Reads the next byte; `None` at the end (the position does not move then).
    fn next(&mut self) -> Option<u8> {
        let c = self.b.get(self.pos).copied();
        if c.is_some() {
            self.pos += 1;
        }
        c
    }

    /// Undoes reading `c`.
    fn backup(&mut self, c: Option<u8>) {
        if c.is_some() {
            self.pos = self.pos.saturating_sub(1);
        }
    }

    /// Whether the bytes at the position are `word`, not followed by an identifier character
    /// (CPython's `lookahead`).
    fn lookahead(&self, word: &[u8]) -> bool {
        self.b.get(self.pos..self.pos + word.len()) == Some(word)
            && !is_ident_char(self.b.get(self.pos + word.len()).copied())
    }
}

/// An ASCII digit.
fn is_digit(c: Option<u8>) -> bool {
    c.is_some_and(|c| c.is_ascii_digit())
}

/// An ASCII byte that may be part of an identifier. (CPython's `verify_end_of_number` also means
/// to count non-ASCII bytes, but sees them as negative `char`s, so `1é` is `1` followed by `é`.)
fn is_ident_char(c: Option<u8>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
}

/// A digit of `base` (2, 8 or 16).
fn is_radix_digit(c: Option<u8>, base: u32) -> bool {
    c.is_some_and(|c| char::from(c).is_digit(base))
}

impl Lexer<'_> {
    /// A numeric literal starting at `start` (a digit, or `.` followed by a digit).
    pub(super) fn number(&mut self, start: usize) -> Result<(), SyntaxError> {
        let (num, end) = self.scan_number(start)?;
        let text: String =
            self.src.get(start..end).unwrap_or("").chars().filter(|&c| c != '_').collect();
        let span = Span::new(start, end);
        let invalid = || SyntaxError::new("invalid decimal literal", span);
        let kind = match num {
            Num::Decimal => TokenKind::Int(int_value(&text, 10).ok_or_else(invalid)?),
            Num::Radix(base) => {
                TokenKind::Int(int_value(text.get(2..).unwrap_or(""), base).ok_or_else(invalid)?)
            }
            Num::Float => TokenKind::Float(text.parse::<f64>().map_err(|_| invalid())?),
            Num::Imaginary => {
                return Err(SyntaxError::new("imaginary numbers are not supported", span));
            }
        };
        self.pos = end;
        self.push(kind, start, end);
        Ok(())
    }

    /// Finds the end of the literal at `start` and what kind it is.
    fn scan_number(&self, start: usize) -> Result<(Num, usize), SyntaxError> {
        let mut t = Cursor { b: self.b, pos: start };
        let first = t.next();
        if first == Some(b'.') {
            let c = t.next();
            return self.fraction(&mut t, c);
        }
        if first != Some(b'0') {
            let c = self.decimal_tail(&mut t)?;
            if c == Some(b'.') {
                let c = t.next();
                return self.fraction(&mut t, c);
            }
            return self.exponent(&mut t, c, false);
        }
        let mut c = t.next();
        match c.map(|c| c.to_ascii_lowercase()) {
            Some(b'x') => return self.radix(&mut t, 16, "hexadecimal"),
            Some(b'o') => return self.radix(&mut t, 8, "octal"),
            Some(b'b') => return self.radix(&mut t, 2, "binary"),
            _ => {}
        }
        // Zeros (maybe an old-style octal literal, which is an error unless all zeros).
        loop {
            if c == Some(b'_') {
                c = t.next();
                if !is_digit(c) {
                    t.backup(c);
                    return Err(self.err_before(&t, "invalid decimal literal"));
                }
            }
            if c != Some(b'0') {
                break;
            }
            c = t.next();
        }
        let zeros_end = t.pos.saturating_sub(1);
        let nonzero = is_digit(c);
        if nonzero {
            c = self.decimal_tail(&mut t)?;
        }
        match c {
            Some(b'.') => {
                let c = t.next();
                self.fraction(&mut t, c)
            }
            Some(b'e' | b'E' | b'j' | b'J') => self.exponent(&mut t, c, false),
            _ if nonzero => Err(SyntaxError::new(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix \
                 for octal integers",
                Span::new(start, zeros_end),
            )),
            _ => {
                self.verify_end(&mut t, c, "decimal")?;
                t.backup(c);
                Ok((Num::Decimal, t.pos))
            }
        }
    }

    /// After `0x`, `0o` or `0b`.
    fn radix(&self, t: &mut Cursor, base: u32, kind: &str) -> Result<(Num, usize), SyntaxError> {
        let invalid_digit = |c: Option<u8>| {
            let c = char::from(c.unwrap_or(b'0'));
            format!("invalid digit '{c}' in {kind} literal")
        };
        let mut c = t.next();
        loop {
            if c == Some(b'_') {
                c = t.next();
            }
            if !is_radix_digit(c, base) {
                if base != 16 && is_digit(c) {
                    return Err(self.err_before(t, &invalid_digit(c)));
                }
                t.backup(c);
                return Err(self.err_before(t, &format!("invalid {kind} literal")));
            }
            loop {
                c = t.next();
                if !is_radix_digit(c, base) {
                    break;
                }
            }
            if c != Some(b'_') {
                break;
            }
        }
        if base != 16 && is_digit(c) {
            return Err(self.err_before(t, &invalid_digit(c)));
        }
        self.verify_end(t, c, kind)?;
        t.backup(c);
        Ok((Num::Radix(base), t.pos))
    }

    /// Digits (with single underscores between them) after a first digit; returns the byte
    /// after them (already read).
    fn decimal_tail(&self, t: &mut Cursor) -> Result<Option<u8>, SyntaxError> {
        loop {
            let mut c;
            loop {
                c = t.next();
                if !is_digit(c) {
                    break;
                }
            }
            if c != Some(b'_') {
                return Ok(c);
            }
            c = t.next();
            if !is_digit(c) {
                t.backup(c);
                return Err(self.err_before(t, "invalid decimal literal"));
            }
        }
    }

    /// After the `.` of a float; `c` is the byte after the dot (already read).
    fn fraction(&self, t: &mut Cursor, c: Option<u8>) -> Result<(Num, usize), SyntaxError> {
        let mut c = c;
        if is_digit(c) {
            c = self.decimal_tail(t)?;
        }
        self.exponent(t, c, true)
    }

    /// An optional exponent and `j` suffix; `c` is the next byte (already read).
    fn exponent(
        &self,
        t: &mut Cursor,
        c: Option<u8>,
        float: bool,
    ) -> Result<(Num, usize), SyntaxError> {
        let mut c = c;
        let mut float = float;
        if matches!(c, Some(b'e' | b'E')) {
            let e = c;
            c = t.next();
            if matches!(c, Some(b'+' | b'-')) {
                c = t.next();
                if !is_digit(c) {
                    t.backup(c);
                    return Err(self.err_before(t, "invalid decimal literal"));
                }
            } else if !is_digit(c) {
                t.backup(c);
                self.verify_end(t, e, "decimal")?;
                t.backup(e);
                return Ok((if float { Num::Float } else { Num::Decimal }, t.pos));
            }
            c = self.decimal_tail(t)?;
            float = true;
        }
        if matches!(c, Some(b'j' | b'J')) {
            let c = t.next();
            self.verify_end(t, c, "imaginary")?;
            t.backup(c);
            return Ok((Num::Imaginary, t.pos));
        }
        self.verify_end(t, c, "decimal")?;
        t.backup(c);
        Ok((if float { Num::Float } else { Num::Decimal }, t.pos))
    }

    /// CPython's `verify_end_of_number`: `c` (already read) may start one of the keywords that can
    /// follow a number; any other identifier character is an error.
    fn verify_end(&self, t: &mut Cursor, c: Option<u8>, kind: &str) -> Result<(), SyntaxError> {
        let keyword = match c {
            Some(b'a') => t.lookahead(b"nd"),
            Some(b'e') => t.lookahead(b"lse"),
            Some(b'f') => t.lookahead(b"or"),
            Some(b'i') => matches!(t.b.get(t.pos), Some(b'f' | b'n' | b's')),
            Some(b'o') => t.lookahead(b"r"),
            Some(b'n') => t.lookahead(b"ot"),
            _ => false,
        };
        if !keyword && is_ident_char(c) {
            t.backup(c);
            return Err(self.err_before(t, &format!("invalid {kind} literal")));
        }
        Ok(())
    }

    /// An error at the character before the cursor.
    fn err_before(&self, t: &Cursor, msg: &str) -> SyntaxError {
        SyntaxError::new(msg, self.before(t.pos))
    }
}

/// The value of integer digits (underscores removed) in `base`.
fn int_value(digits: &str, base: u32) -> Option<IntLit> {
    if let Ok(v) = i64::from_str_radix(digits, base) {
        return Some(IntLit::Small(v));
    }
    if digits.is_empty() || !digits.bytes().all(|c| char::from(c).is_digit(base)) {
        return None;
    }
    BigInt::parse_bytes(digits.as_bytes(), base).map(IntLit::Big)
}
