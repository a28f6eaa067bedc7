//! The text layer of a file (`TextIOWrapper`): decoding chunks as they are read, line
//! scanning for each `newline` mode, translation, and `tell`/`seek`/`write` on text.
//!
//! It keeps decoded but *untranslated* text (`decoded[dpos..]`) plus the raw bytes not decoded
//! yet (`held`: an incomplete UTF-8 sequence, or a trailing `\r` whose partner `\n` may be in
//! the next chunk). Newlines are translated when text is handed out, so the raw length of what
//! is pending is known exactly and `tell()` is a byte offset.

use super::{BUFFER_SIZE, Newline, State, TextConfig, read_more};
use crate::backend::Backend;
use crate::builtins::methods::bytes::decode;
use crate::builtins::methods::str::{Codec, encode};
use crate::ctx::{Ctx, PyResult};

/// `newlines` bits: which line endings universal-newline reading has seen.
const SEEN_CR: u8 = 1;
const SEEN_LF: u8 = 2;
const SEEN_CRLF: u8 = 4;

/// How many leading bytes of `b` are complete characters of `codec` (an incomplete UTF-8
/// sequence at the end waits for the next chunk).
fn complete_len(b: &[u8], codec: Codec) -> usize {
    if codec != Codec::Utf8 {
        return b.len();
    }
    let n = b.len();
    for back in 1..=n.min(4) {
        let i = n - back;
        let lead = b[i];
        if lead & 0xC0 == 0x80 {
            continue;
        }
        let need = match lead {
            0x00..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => 1,
        };
        return if back < need { i } else { n };
    }
    n
}

/// The number of raw bytes that encoded `s` (the codecs of text files are byte-exact:
/// UTF-8 text is its own encoding; ASCII and Latin-1 use one byte per character).
fn raw_len(s: &str, codec: Codec) -> usize {
    match codec {
        Codec::Utf8 => s.len(),
        _ => s.chars().count(),
    }
}

/// Text as handed out: universal newlines turn `\r\n` and `\r` into `\n`.
fn translate(s: &str, nl: Newline) -> String {
    if nl == Newline::Universal && s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_string()
    }
}

/// Where a line scan stopped.
enum Scan {
    /// A complete line ends at this byte offset (or the size limit was reached there).
    Done(usize),
    /// No line end before this offset (it may stop before a trailing `\r` that needs the next
    /// character to be decided); `counted` characters up to it.
    More(usize, usize),
}

/// Scans `s` from `from` for the end of a line in mode `nl`, handing out at most `limit`
/// characters. `eof`: no more text will come, so a trailing `\r` is final.
fn scan_line(s: &str, from: usize, limit: Option<usize>, nl: Newline, eof: bool) -> Scan {
    let bytes = s.as_bytes();
    let mut pos = from;
    let mut count = 0;
    while pos < s.len() {
        if limit.is_some_and(|l| count >= l) {
            return Scan::Done(pos);
        }
        let b = bytes[pos];
        let next = bytes.get(pos + 1).copied();
        match (b, nl) {
            (b'\n', Newline::Universal | Newline::Untranslated | Newline::Lf) => {
                return Scan::Done(pos + 1);
            }
            (b'\r', Newline::Cr) => return Scan::Done(pos + 1),
            (b'\r', Newline::Universal | Newline::Untranslated | Newline::CrLf) => match next {
                Some(b'\n') => {
                    let room = limit.map_or(usize::MAX, |l| l - count);
                    return if nl == Newline::Untranslated && room < 2 {
                        Scan::Done(pos + 1)
                    } else {
                        Scan::Done(pos + 2)
                    };
                }
                None if !eof => return Scan::More(pos, count),
                _ if nl == Newline::CrLf => pos += 1,
                _ => return Scan::Done(pos + 1),
            },
            _ => pos += utf8_width(b),
        }
        count += 1;
    }
    Scan::More(pos, count)
}

/// Scans `s` from `from` for `want` characters as handed out (a universal `\r\n` is one).
/// Returns the end offset and the characters found.
fn scan_chars(s: &str, from: usize, want: usize, nl: Newline, eof: bool) -> (usize, usize) {
    let bytes = s.as_bytes();
    let mut pos = from;
    let mut got = 0;
    while got < want && pos < s.len() {
        let b = bytes[pos];
        if b == b'\r' && nl == Newline::Universal {
            match bytes.get(pos + 1) {
                Some(b'\n') => pos += 2,
                None if !eof => break,
                _ => pos += 1,
            }
        } else {
            pos += utf8_width(b);
        }
        got += 1;
    }
    (pos, got)
}

/// The length of the UTF-8 sequence led by `b` (1 for a stray continuation byte, which valid
/// `str` text never has at a character boundary).
fn utf8_width(b: u8) -> usize {
    match b {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

impl State {
    pub(super) fn clear_text(&mut self) {
        self.decoded.clear();
        self.dpos = 0;
        self.held.clear();
    }

    /// Whether decoded or raw text is waiting to be read.
    fn text_pending(&self) -> bool {
        self.dpos < self.decoded.len() || !self.held.is_empty()
    }

    /// Drops consumed decoded text when it is most of the buffer.
    fn compact_text(&mut self) {
        if self.dpos == self.decoded.len() {
            self.decoded.clear();
            self.dpos = 0;
        } else if self.dpos >= BUFFER_SIZE && self.dpos * 2 >= self.decoded.len() {
            self.decoded.drain(..self.dpos);
            self.dpos = 0;
        }
    }

    /// Decodes what can be decoded of `held` (everything when `eof`).
    fn decode_held<B: Backend>(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        cfg: &TextConfig,
        eof: bool,
    ) -> PyResult<B, ()> {
        let mut cut = self.held.len();
        if !eof {
            cut = complete_len(&self.held, cfg.codec);
            if cut > 0 && self.held[cut - 1] == b'\r' {
                cut -= 1;
            }
        }
        if cut == 0 {
            return Ok(());
        }
        let raw: Vec<u8> = self.held.drain(..cut).collect();
        let text = decode(ctx, &raw, cfg.codec, &cfg.errors)?;
        if matches!(cfg.newline, Newline::Universal | Newline::Untranslated) {
            let b = text.as_bytes();
            for (i, &c) in b.iter().enumerate() {
                match c {
                    b'\r' if b.get(i + 1) == Some(&b'\n') => self.seen |= SEEN_CRLF,
                    b'\r' => self.seen |= SEEN_CR,
                    b'\n' if i > 0 && b[i - 1] == b'\r' => {}
                    b'\n' => self.seen |= SEEN_LF,
                    _ => {}
                }
            }
        }
        self.decoded.push_str(&text);
        Ok(())
    }

    /// Reads and decodes one more chunk; `false` at end of file (after decoding the rest).
    fn text_fill<B: Backend>(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        cfg: &TextConfig,
    ) -> PyResult<B, bool> {
        self.flush_writes(ctx)?;
        let chunk = if self.rpos < self.rbuf.len() {
            self.take(self.rbuf.len() - self.rpos)
        } else {
            let mut buf = Vec::new();
            self.os(ctx, |f| read_more(f, &mut buf, BUFFER_SIZE))?;
            buf
        };
        let eof = chunk.is_empty();
        self.held.extend_from_slice(&chunk);
        self.decode_held(ctx, cfg, eof)?;
        Ok(!eof)
    }

    /// Hands out `decoded[dpos..end]`, translated.
    fn hand_out(&mut self, end: usize, nl: Newline) -> String {
        let out = translate(&self.decoded[self.dpos..end], nl);
        self.dpos = end;
        out
    }

    /// `read(n)` on text (`None`: to end of file); `n` counts characters as handed out.
    pub(crate) fn read_text<B: Backend>(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        cfg: &TextConfig,
        n: Option<usize>,
    ) -> PyResult<B, String> {
        self.compact_text();
        let Some(n) = n else {
            let rest = self.read(ctx, None)?;
            self.held.extend_from_slice(&rest);
            self.decode_held(ctx, cfg, true)?;
            let out = self.hand_out(self.decoded.len(), cfg.newline);
            self.compact_text();
            return Ok(out);
        };
        let (mut pos, mut got, mut eof) = (self.dpos, 0, false);
        loop {
            let (p, g) = scan_chars(&self.decoded, pos, n - got, cfg.newline, eof);
            pos = p;
            got += g;
            if got >= n || eof {
                break;
            }
            eof = !self.text_fill(ctx, cfg)?;
        }
        Ok(self.hand_out(pos, cfg.newline))
    }

    /// `readline(limit)` on text; `limit` counts characters as handed out.
    pub(crate) fn readline_text<B: Backend>(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        cfg: &TextConfig,
        limit: Option<usize>,
    ) -> PyResult<B, String> {
        self.compact_text();
        let (mut pos, mut got, mut eof) = (self.dpos, 0, false);
        loop {
            let left = limit.map(|l| l.saturating_sub(got));
            match scan_line(&self.decoded, pos, left, cfg.newline, eof) {
                Scan::Done(end) => return Ok(self.hand_out(end, cfg.newline)),
                Scan::More(p, counted) => {
                    pos = p;
                    got += counted;
                    if eof {
                        let end = self.decoded.len();
                        return Ok(self.hand_out(end, cfg.newline));
                    }
                    eof = !self.text_fill(ctx, cfg)?;
                }
            }
        }
    }

    /// `tell()` on text: the byte offset of the next character to be read.
    pub(crate) fn tell_text<B: Backend>(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        cfg: &TextConfig,
    ) -> PyResult<B, u64> {
        let pos = self.tell(ctx)?;
        let pending = self.held.len() + raw_len(&self.decoded[self.dpos..], cfg.codec);
        Ok(pos.saturating_sub(pending as u64))
    }

    /// Drops text read ahead, moving the file back to the next unread character.
    fn drop_text_ahead<B: Backend>(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        cfg: &TextConfig,
    ) -> PyResult<B, ()> {
        if self.text_pending() {
            let pos = self.tell_text(ctx, cfg)?;
            self.clear_text();
            self.seek(ctx, pos as i64, 0)?;
        } else {
            self.clear_text();
        }
        Ok(())
    }

    /// `seek(0, 2)` or `seek(pos)` on text (the checks on the arguments are the caller's).
    pub(crate) fn seek_text<B: Backend>(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        cfg: &TextConfig,
        pos: i64,
        whence: u8,
    ) -> PyResult<B, u64> {
        if whence == 1 {
            return self.tell_text(ctx, cfg);
        }
        self.clear_text();
        self.seek(ctx, pos, whence)
    }

    /// `truncate(size)` on text.
    pub(crate) fn truncate_text<B: Backend>(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        cfg: &TextConfig,
        size: Option<u64>,
    ) -> PyResult<B, u64> {
        self.drop_text_ahead(ctx, cfg)?;
        self.truncate(ctx, size)
    }

    /// `write(s)` on text: translates `\n`, encodes and writes. Text read ahead is dropped
    /// without moving back, so a write after a read lands after the chunk the read consumed
    /// (as in CPython, whose chunks are also `BUFFER_SIZE` bytes).
    pub(crate) fn write_text<B: Backend>(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        cfg: &TextConfig,
        s: &str,
    ) -> PyResult<B, ()> {
        self.clear_text();
        let data = match cfg.newline {
            Newline::Cr if s.contains('\n') => {
                encode(ctx, &s.replace('\n', "\r"), cfg.codec, &cfg.errors)?
            }
            Newline::CrLf if s.contains('\n') => {
                encode(ctx, &s.replace('\n', "\r\n"), cfg.codec, &cfg.errors)?
            }
            _ => encode(ctx, s, cfg.codec, &cfg.errors)?,
        };
        self.write(ctx, data)?;
        if cfg.line_buffering && (s.contains('\n') || s.contains('\r')) {
            self.flush_writes(ctx)?;
        }
        Ok(())
    }

    /// `f.newlines`: the line endings seen so far, as `SEEN_*` bits.
    pub(crate) fn newlines_seen(&self) -> u8 {
        self.seen
    }
}

/// The `newlines` value for a set of `SEEN_*` bits: `None`, one ending, or a tuple of them.
pub(crate) fn newlines_tuple(seen: u8) -> Vec<&'static str> {
    let mut out = Vec::new();
    if seen & SEEN_CR != 0 {
        out.push("\r");
    }
    if seen & SEEN_LF != 0 {
        out.push("\n");
    }
    if seen & SEEN_CRLF != 0 {
        out.push("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incomplete_utf8_is_held_back() {
        assert_eq!(complete_len(b"ab", Codec::Utf8), 2);
        assert_eq!(complete_len("é".as_bytes(), Codec::Utf8), 2);
        assert_eq!(complete_len(&"é".as_bytes()[..1], Codec::Utf8), 0);
        assert_eq!(complete_len(&"a€".as_bytes()[..3], Codec::Utf8), 1);
        assert_eq!(complete_len(b"a\xff", Codec::Utf8), 2);
        assert_eq!(complete_len(b"a\xc3", Codec::Latin1), 2);
    }

    #[test]
    fn universal_lines() {
        let s = "ab\r\ncd\ref\n";
        let Scan::Done(e) = scan_line(s, 0, None, Newline::Universal, false) else { panic!() };
        assert_eq!(&s[..e], "ab\r\n");
        let Scan::Done(e2) = scan_line(s, e, None, Newline::Universal, false) else { panic!() };
        assert_eq!(&s[e..e2], "cd\r");
        assert!(matches!(scan_line("ab\r", 0, None, Newline::Universal, false), Scan::More(2, 2)));
        assert!(matches!(scan_line("ab\r", 0, None, Newline::Universal, true), Scan::Done(3)));
        assert!(matches!(scan_line("abcdef", 0, Some(3), Newline::Lf, false), Scan::Done(3)));
        assert!(matches!(scan_line("a\rb\r\n", 0, None, Newline::CrLf, false), Scan::Done(5)));
        assert_eq!(translate("a\r\nb\rc\n", Newline::Universal), "a\nb\nc\n");
        assert_eq!(translate("a\r\nb", Newline::Untranslated), "a\r\nb");
    }

    #[test]
    fn chars_count_crlf_once() {
        assert_eq!(scan_chars("a\r\nb", 0, 2, Newline::Universal, false), (3, 2));
        assert_eq!(scan_chars("a\r\nb", 0, 2, Newline::Untranslated, false), (2, 2));
        assert_eq!(scan_chars("a\r", 0, 5, Newline::Universal, false), (1, 1));
        assert_eq!(scan_chars("é€", 0, 1, Newline::Lf, false), (2, 1));
    }

    #[test]
    fn newline_values() {
        assert!(newlines_tuple(0).is_empty());
        assert_eq!(newlines_tuple(SEEN_CR | SEEN_CRLF), vec!["\r", "\r\n"]);
    }
}
