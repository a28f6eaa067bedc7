//! String and bytes literals: finding where a literal ends, and decoding its escapes.
//!
//! Scanning follows CPython 3.11's tokenizer (a backslash always skips the next character, also
//! in raw literals; single-quoted literals end at a line terminator). Decoding follows
//! `decode_unicode_with_escapes` / `_PyBytes_DecodeEscape`, including the positions CPython puts
//! in its `(unicode error)` messages: CPython first rewrites each non-ASCII character as a 10-byte
//! `\UXXXXXXXX` escape (and a backslash before one as the 6-byte `\u005c`), and positions count
//! bytes of that rewritten text. Line terminators inside literals (`\r\n`, `\r`) read as `\n`.
//!
//! A `\ud800`-style lone surrogate cannot live in a Rust `String`: it becomes its stand-in
//! character ([`crate::surrogate`]). The code points the stand-ins take (U+FF800..U+FFFFF) are
//! the deviation: their `\U` escapes are an error here ("... not supported by gil-lab").

use super::{Lexer, fstring, unicode_names};
use crate::error::SyntaxError;
use crate::span::{LineIndex, Span};
use crate::token::TokenKind;
use std::borrow::Cow;

/// A string prefix (`r`, `b`, `f`, `u` and their allowed combinations, in any case).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Prefix {
    /// `r`: backslashes are kept.
    pub(super) raw: bool,
    /// `b`: a bytes literal.
    pub(super) bytes: bool,
    /// `f`: an f-string.
    pub(super) fstring: bool,
}

impl Prefix {
    /// Parses the letters before the opening quote, if they form a valid prefix.
    pub(super) fn parse(letters: &[u8]) -> Option<Prefix> {
        let mut out = Prefix::default();
        let mut unicode = false;
        for &c in letters {
            match c.to_ascii_lowercase() {
                b'b' if !out.bytes && !out.fstring && !unicode => out.bytes = true,
                b'u' if letters.len() == 1 => unicode = true,
                b'r' if !out.raw && !unicode => out.raw = true,
                b'f' if !out.fstring && !out.bytes && !unicode => out.fstring = true,
                _ => return None,
            }
        }
        Some(out)
    }
}

impl Lexer<'_> {
    /// A string literal whose prefix starts at `start` and opening quote is at `quote_pos`.
    pub(super) fn string(
        &mut self,
        start: usize,
        quote_pos: usize,
        prefix: Prefix,
    ) -> Result<(), SyntaxError> {
        let b = self.b;
        let Some(&q) = b.get(quote_pos) else { return Err(self.unterminated(start, false, start)) };
        let triple = b.get(quote_pos + 1) == Some(&q) && b.get(quote_pos + 2) == Some(&q);
        let body_start = quote_pos + if triple { 3 } else { 1 };
        let mut i = body_start;
        let (body_end, end) = loop {
            let Some(&c) = b.get(i) else {
                return Err(self.unterminated(start, triple, b.len().saturating_sub(1)));
            };
            if c == q {
                if !triple {
                    break (i, i + 1);
                }
                if b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q) {
                    break (i, i + 3);
                }
                i += 1;
            } else if (c == b'\n' || c == b'\r') && !triple {
                return Err(self.unterminated(start, false, i));
            } else if c == b'\\' {
                i += 1;
                if b.get(i) == Some(&b'\r') && b.get(i + 1) == Some(&b'\n') {
                    i += 2;
                } else if i < b.len() {
                    i += 1;
                }
            } else {
                i += 1;
            }
        };
        let body = self.src.get(body_start..body_end).unwrap_or("");
        let kind = if prefix.fstring {
            match fstring::split(self.src, body_start, body_end, prefix.raw) {
                Ok(pieces) => TokenKind::FString(pieces),
                Err(msg) => {
                    self.defer(msg, None);
                    TokenKind::FString(Vec::new())
                }
            }
        } else if prefix.bytes {
            if !body.is_ascii() {
                let msg = "bytes can only contain ASCII literal characters";
                self.defer(msg, Some(Span::new(start, end)));
                TokenKind::Bytes(Vec::new())
            } else if prefix.raw {
                TokenKind::Bytes(normalize_newlines(body).into_owned().into_bytes())
            } else {
                match decode_bytes(normalize_newlines(body).as_bytes()) {
                    Ok(v) => TokenKind::Bytes(v),
                    Err(msg) => {
                        self.defer(msg, None);
                        TokenKind::Bytes(Vec::new())
                    }
                }
            }
        } else if prefix.raw {
            TokenKind::Str(normalize_newlines(body).into_owned())
        } else {
            match decode_str(&normalize_newlines(body)) {
                Ok(s) => TokenKind::Str(s),
                Err(msg) => {
                    self.defer(msg, None);
                    TokenKind::Str(String::new())
                }
            }
        };
        self.pos = end;
        self.push(kind, start, end);
        Ok(())
    }

    /// The "unterminated string literal" error for a literal starting at `start`, detected while
    /// looking at offset `detected`.
    fn unterminated(&self, start: usize, triple: bool, detected: usize) -> SyntaxError {
        let line = LineIndex::new(self.src).line(detected.max(start) as u32);
        let kind = if triple { "triple-quoted string" } else { "string" };
        let msg = format!("unterminated {kind} literal (detected at line {line})");
        SyntaxError::new(msg, Span::new(start, start))
    }
}

/// `s` with `\r\n` and lone `\r` turned into `\n`.
pub(super) fn normalize_newlines(s: &str) -> Cow<'_, str> {
    if s.contains('\r') {
        Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        s.into()
    }
}

/// The `(unicode error)` message CPython gives for a bad escape spanning virtual bytes
/// `start..end` (see the module docs).
fn unicode_error(start: usize, end: usize, what: &str) -> String {
    format!(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: {what}",
        end.saturating_sub(1)
    )
}

/// Length of `c` in CPython's rewritten text (see the module docs).
fn virtual_len(c: char) -> usize {
    if c.is_ascii() { 1 } else { 10 }
}

/// Decodes the escapes of a (non-raw) `str` literal body whose line terminators are already `\n`.
/// Unknown escapes keep their backslash, as in CPython 3.11 (which only warns).
pub(super) fn decode_str(body: &str) -> Result<String, String> {
    let mut out = String::with_capacity(body.len());
    let mut it = body.chars().peekable();
    let mut vpos = 0usize;
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            vpos += virtual_len(c);
            continue;
        }
        let esc = vpos;
        let Some(&e) = it.peek().filter(|e| e.is_ascii()) else {
            // A backslash at the end or before a non-ASCII character is itself.
            out.push('\\');
            vpos += 6;
            continue;
        };
        it.next();
        vpos += 2;
        let simple = match e {
            '\n' => Some(None),
            '\\' => Some(Some('\\')),
            '\'' => Some(Some('\'')),
            '"' => Some(Some('"')),
            'a' => Some(Some('\x07')),
            'b' => Some(Some('\x08')),
            'f' => Some(Some('\x0c')),
            'n' => Some(Some('\n')),
            'r' => Some(Some('\r')),
            't' => Some(Some('\t')),
            'v' => Some(Some('\x0b')),
            _ => None,
        };
        if let Some(ch) = simple {
            out.extend(ch);
            continue;
        }
        match e {
            '0'..='7' => {
                let mut value = e as u32 - '0' as u32;
                for _ in 0..2 {
                    match it.peek() {
                        Some(&d @ '0'..='7') => {
                            value = value * 8 + (d as u32 - '0' as u32);
                            it.next();
                            vpos += 1;
                        }
                        _ => break,
                    }
                }
                out.extend(char::from_u32(value));
            }
            'x' | 'u' | 'U' => {
                let (count, what) = match e {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut value = 0u32;
                for _ in 0..count {
                    match it.peek().and_then(|d| d.to_digit(16).filter(|_| d.is_ascii())) {
                        Some(d) => {
                            value = value * 16 + d;
                            it.next();
                            vpos += 1;
                        }
                        None => return Err(unicode_error(esc, vpos, what)),
                    }
                }
                if value > 0x10FFFF {
                    return Err(unicode_error(esc, vpos, "illegal Unicode character"));
                }
                match crate::surrogate::from_code_point(value) {
                    Some(ch) => out.push(ch),
                    None => {
                        let what = "U+FF800..U+FFFFF are not supported by gil-lab";
                        return Err(unicode_error(esc, vpos, what));
                    }
                }
            }
            'N' => {
                let malformed = "malformed \\N character escape";
                if it.peek() != Some(&'{') {
                    return Err(unicode_error(esc, vpos, malformed));
                }
                it.next();
                vpos += 1;
                let mut name = String::new();
                loop {
                    match it.peek() {
                        None => return Err(unicode_error(esc, vpos, malformed)),
                        Some('}') => break,
                        Some(&ch) => {
                            name.push(ch);
                            vpos += virtual_len(ch);
                            it.next();
                        }
                    }
                }
                if name.is_empty() {
                    return Err(unicode_error(esc, vpos, malformed));
                }
                it.next();
                vpos += 1;
                match unicode_names::lookup(&name) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(unicode_error(esc, vpos, "unknown Unicode character name"));
                    }
                }
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// Decodes the escapes of a (non-raw) bytes literal body (ASCII, line terminators already `\n`).
pub(super) fn decode_bytes(body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while let Some(&c) = body.get(i) {
        i += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let Some(&e) = body.get(i) else {
            out.push(b'\\');
            break;
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(e),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut value = u32::from(e - b'0');
                for _ in 0..2 {
                    match body.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                // CPython keeps the low byte of `\400`..`\777` (with a warning).
                out.push((value & 0xFF) as u8);
            }
            b'x' => {
                let hex = |k: usize| body.get(k).and_then(|&d| char::from(d).to_digit(16));
                match (hex(i), hex(i + 1)) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => {
                        return Err(format!(
                            "(value error) invalid \\x escape at position {}",
                            i - 2
                        ));
                    }
                }
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}
