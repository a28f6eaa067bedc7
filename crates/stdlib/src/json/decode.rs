//! The JSON decoder: a recursive-descent scanner over the UTF-8 text that follows CPython's
//! `_json` scanner step for step, so that every error has CPython's message and position
//! ("Expecting value", "Expecting ',' delimiter", "Unterminated string starting at",
//! "Invalid \\uXXXX escape", ...), and that the hooks (`object_hook`, `object_pairs_hook`,
//! `parse_float`, `parse_int`, `parse_constant`) are called as CPython calls them.
//!
//! Positions are scanned as byte offsets and turned into character offsets only where they
//! leave (errors, `raw_decode`'s end). Object keys are memoized for one decode, so equal keys
//! share one `str` object. A `\uXXXX` escape of a lone surrogate cannot be held by gil-lab's
//! strings (UTF-8); it is a `JSONDecodeError` here, where CPython keeps the surrogate.

use gillab_vm::Backend;
use gillab_vm::ctx::{Ctx, PyErr};
use gillab_vm::object::dict::Dict;
use gillab_vm::object::{Payload, PyRef};
use gillab_vm::ops::{call, dicts};
use num_bigint::BigInt;
use std::collections::HashMap;

/// Why a scan failed: a raised Python exception, or a JSON syntax error (message, byte
/// position) that becomes a `JSONDecodeError`.
pub(super) enum Fail<B: Backend> {
    Py(PyErr<B>),
    Syntax(String, usize),
}

impl<B: Backend> From<PyErr<B>> for Fail<B> {
    fn from(e: PyErr<B>) -> Self {
        Fail::Py(e)
    }
}

type Scan<B, T = PyRef<B>> = Result<T, Fail<B>>;

fn syntax<B: Backend, T>(msg: &str, pos: usize) -> Scan<B, T> {
    Err(Fail::Syntax(msg.to_string(), pos))
}

/// The hooks and settings of one decode.
pub(super) struct Hooks<B: Backend> {
    pub(super) strict: bool,
    pub(super) object_hook: Option<PyRef<B>>,
    pub(super) pairs_hook: Option<PyRef<B>>,
    /// `None` parses natively (`float`/`int` themselves).
    pub(super) parse_float: Option<PyRef<B>>,
    pub(super) parse_int: Option<PyRef<B>>,
    /// `None` gives CPython's defaults for `NaN`, `Infinity`, `-Infinity`.
    pub(super) parse_constant: Option<PyRef<B>>,
}

/// One decode of a text.
pub(super) struct Decoder<'s, B: Backend> {
    s: &'s str,
    b: &'s [u8],
    hooks: &'s Hooks<B>,
    memo: HashMap<String, PyRef<B>>,
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

impl<'s, B: Backend> Decoder<'s, B> {
    pub(super) fn new(s: &'s str, hooks: &'s Hooks<B>) -> Self {
        Decoder { s, b: s.as_bytes(), hooks, memo: HashMap::new() }
    }

    /// The first non-whitespace byte offset at or after `i`.
    pub(super) fn skip_ws(&self, mut i: usize) -> usize {
        while self.b.get(i).copied().is_some_and(is_ws) {
            i += 1;
        }
        i
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.b.get(i).copied()
    }

    /// Scans one value at byte `idx`: the value and the byte offset after it.
    pub(super) fn scan_once(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        idx: usize,
    ) -> Scan<B, (PyRef<B>, usize)> {
        let Some(c) = self.at(idx) else { return syntax("Expecting value", idx) };
        let vm = ctx.vm;
        let rest = &self.b[idx..];
        match c {
            b'"' => {
                let (s, end) = self.scanstring(idx + 1)?;
                Ok((vm.str(s), end))
            }
            b'{' => {
                ctx.enter_recursive(" while decoding a JSON object from a unicode string")?;
                let r = self.object(ctx, idx + 1);
                ctx.leave_recursive();
                r
            }
            b'[' => {
                ctx.enter_recursive(" while decoding a JSON array from a unicode string")?;
                let r = self.array(ctx, idx + 1);
                ctx.leave_recursive();
                r
            }
            b'n' if rest.starts_with(b"null") => Ok((vm.core.none.clone(), idx + 4)),
            b't' if rest.starts_with(b"true") => Ok((vm.bool(true), idx + 4)),
            b'f' if rest.starts_with(b"false") => Ok((vm.bool(false), idx + 5)),
            b'N' if rest.starts_with(b"NaN") => Ok((self.constant(ctx, "NaN")?, idx + 3)),
            b'I' if rest.starts_with(b"Infinity") => Ok((self.constant(ctx, "Infinity")?, idx + 8)),
            b'-' if rest.starts_with(b"-Infinity") => {
                Ok((self.constant(ctx, "-Infinity")?, idx + 9))
            }
            _ => self.number(ctx, idx),
        }
    }

    fn constant(&self, ctx: &mut Ctx<'_, B>, name: &str) -> Scan<B> {
        if let Some(f) = &self.hooks.parse_constant {
            let arg = ctx.vm.str(name);
            return Ok(call::call(ctx, f, &[arg], &[])?);
        }
        Ok(ctx.vm.float(match name {
            "NaN" => f64::NAN,
            "Infinity" => f64::INFINITY,
            _ => f64::NEG_INFINITY,
        }))
    }

    fn digit(&self, i: usize) -> bool {
        self.at(i).is_some_and(|c| c.is_ascii_digit())
    }

    /// A number at `start` (`-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?`).
    fn number(&mut self, ctx: &mut Ctx<'_, B>, start: usize) -> Scan<B, (PyRef<B>, usize)> {
        let mut idx = start;
        if self.at(idx) == Some(b'-') {
            idx += 1;
        }
        match self.at(idx) {
            Some(b'1'..=b'9') => {
                idx += 1;
                while self.digit(idx) {
                    idx += 1;
                }
            }
            Some(b'0') => idx += 1,
            _ => return syntax("Expecting value", start),
        }
        let mut is_float = false;
        if self.at(idx) == Some(b'.') && self.digit(idx + 1) {
            is_float = true;
            idx += 2;
            while self.digit(idx) {
                idx += 1;
            }
        }
        if matches!(self.at(idx), Some(b'e' | b'E')) {
            let e_start = idx;
            idx += 1;
            if matches!(self.at(idx), Some(b'-' | b'+')) {
                idx += 1;
            }
            while self.digit(idx) {
                idx += 1;
            }
            if self.b.get(idx - 1).is_some_and(|c| c.is_ascii_digit()) {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        let text = &self.s[start..idx];
        let vm = ctx.vm;
        let hook = if is_float { &self.hooks.parse_float } else { &self.hooks.parse_int };
        if let Some(f) = hook {
            let arg = vm.str(text);
            return Ok((call::call(ctx, f, &[arg], &[])?, idx));
        }
        let v = if is_float {
            vm.float(text.parse::<f64>().unwrap_or(f64::NAN))
        } else if let Ok(i) = text.parse::<i64>() {
            vm.int(i)
        } else {
            match gillab_vm::fmt::parse_int(text, 10) {
                Ok(b) => int_obj(ctx, b),
                Err(m) => return Err(Fail::Py(ctx.value_error(m))),
            }
        };
        Ok((v, idx))
    }

    /// Four hex digits at `i`.
    fn hex4(&self, i: usize) -> Option<u32> {
        let h = self.b.get(i..i + 4)?;
        let mut v = 0u32;
        for &c in h {
            v = v * 16 + (c as char).to_digit(16)?;
        }
        Some(v)
    }

    /// The string whose opening quote is at `end - 1`: its text and the offset after its
    /// closing quote (CPython's `scanstring`).
    pub(super) fn scanstring(&self, end: usize) -> Scan<B, (String, usize)> {
        let begin = end.wrapping_sub(1);
        let len = self.b.len();
        let strict = self.hooks.strict;
        // Fast path: no escapes before the closing quote.
        let mut next = end;
        while next < len {
            let d = self.b[next];
            if d == b'"' || d == b'\\' {
                break;
            }
            if d <= 0x1f && strict {
                return syntax("Invalid control character at", next);
            }
            next += 1;
        }
        if next >= len {
            return syntax("Unterminated string starting at", begin);
        }
        if self.b[next] == b'"' {
            return Ok((self.s[end..next].to_string(), next + 1));
        }
        let mut out = String::from(&self.s[end..next]);
        let mut end = next;
        loop {
            // `end` is at a backslash.
            let esc = end + 1;
            let Some(c) = self.at(esc) else {
                return syntax("Unterminated string starting at", begin);
            };
            if c != b'u' {
                let ch = match c {
                    b'"' => '"',
                    b'\\' => '\\',
                    b'/' => '/',
                    b'b' => '\u{8}',
                    b'f' => '\u{c}',
                    b'n' => '\n',
                    b'r' => '\r',
                    b't' => '\t',
                    _ => return syntax("Invalid \\escape", end),
                };
                out.push(ch);
                end = esc + 1;
            } else {
                let digits = esc + 1;
                if digits + 4 >= len {
                    return syntax("Invalid \\uXXXX escape", esc);
                }
                let Some(mut u) = self.hex4(digits) else {
                    return syntax("Invalid \\uXXXX escape", esc);
                };
                end = digits + 4;
                if (0xd800..0xdc00).contains(&u)
                    && end + 6 < len
                    && self.at(end) == Some(b'\\')
                    && self.at(end + 1) == Some(b'u')
                {
                    let Some(u2) = self.hex4(end + 2) else {
                        return syntax("Invalid \\uXXXX escape", end + 1);
                    };
                    if (0xdc00..0xe000).contains(&u2) {
                        u = 0x10000 + (((u - 0xd800) << 10) | (u2 - 0xdc00));
                        end += 6;
                    }
                }
                match char::from_u32(u) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(Fail::Syntax(
                            format!(
                                "Lone surrogate \\u{u:04x} escape (gil-lab strings cannot hold it)"
                            ),
                            esc - 1,
                        ));
                    }
                }
            }
            // Copy up to the next quote or backslash.
            let start = end;
            let mut next = end;
            while next < len {
                let d = self.b[next];
                if d == b'"' || d == b'\\' {
                    break;
                }
                if d <= 0x1f && strict {
                    return syntax("Invalid control character at", next);
                }
                next += 1;
            }
            if next >= len {
                return syntax("Unterminated string starting at", begin);
            }
            out.push_str(&self.s[start..next]);
            if self.b[next] == b'"' {
                return Ok((out, next + 1));
            }
            end = next;
        }
    }

    /// The key `s`, shared with earlier equal keys of this decode.
    fn key(&mut self, ctx: &Ctx<'_, B>, s: String) -> PyRef<B> {
        if let Some(k) = self.memo.get(&s) {
            return k.clone();
        }
        let k = ctx.vm.str(s.as_str());
        self.memo.insert(s, k.clone());
        k
    }

    /// An object whose `{` is at `idx - 1`.
    fn object(&mut self, ctx: &mut Ctx<'_, B>, idx: usize) -> Scan<B, (PyRef<B>, usize)> {
        let vm = ctx.vm;
        let pairs = self.hooks.pairs_hook.is_some();
        let mut pair_list: Vec<PyRef<B>> = Vec::new();
        let dict = vm.dict(Dict::new());
        let mut idx = self.skip_ws(idx);
        if self.at(idx) != Some(b'}') {
            loop {
                if self.at(idx) != Some(b'"') {
                    return syntax("Expecting property name enclosed in double quotes", idx);
                }
                let (k, next) = self.scanstring(idx + 1)?;
                let key = self.key(ctx, k);
                idx = self.skip_ws(next);
                if self.at(idx) != Some(b':') {
                    return syntax("Expecting ':' delimiter", idx);
                }
                idx = self.skip_ws(idx + 1);
                let (val, next) = self.scan_once(ctx, idx)?;
                if pairs {
                    pair_list.push(vm.tuple(vec![key, val]));
                } else {
                    dicts::set(ctx, &dict, key, Some(val))?;
                }
                idx = self.skip_ws(next);
                if self.at(idx) == Some(b'}') {
                    break;
                }
                if self.at(idx) != Some(b',') {
                    return syntax("Expecting ',' delimiter", idx);
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        let end = idx + 1;
        if let Some(h) = &self.hooks.pairs_hook {
            let list = vm.list(pair_list);
            return Ok((call::call(ctx, h, &[list], &[])?, end));
        }
        if let Some(h) = &self.hooks.object_hook {
            return Ok((call::call(ctx, h, &[dict], &[])?, end));
        }
        Ok((dict, end))
    }

    /// An array whose `[` is at `idx - 1`.
    fn array(&mut self, ctx: &mut Ctx<'_, B>, idx: usize) -> Scan<B, (PyRef<B>, usize)> {
        let mut items = Vec::new();
        let mut idx = self.skip_ws(idx);
        if self.at(idx) != Some(b']') {
            loop {
                let (val, next) = self.scan_once(ctx, idx)?;
                items.push(val);
                idx = self.skip_ws(next);
                if self.at(idx) == Some(b']') {
                    break;
                }
                if self.at(idx) != Some(b',') {
                    return syntax("Expecting ',' delimiter", idx);
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        Ok((ctx.vm.list(items), idx + 1))
    }

    /// The character offset of byte offset `b`.
    pub(super) fn char_pos(&self, b: usize) -> usize {
        let b = b.min(self.s.len());
        if self.s.is_ascii() {
            return b;
        }
        self.s.get(..b).map_or(b, |p| p.chars().count())
    }

    /// The byte offset of character offset `c` (the end for offsets past it).
    pub(super) fn byte_pos(&self, c: usize) -> usize {
        if self.s.is_ascii() {
            return c.min(self.s.len());
        }
        self.s.char_indices().nth(c).map_or(self.s.len(), |(i, _)| i)
    }
}

fn int_obj<B: Backend>(ctx: &Ctx<'_, B>, b: BigInt) -> PyRef<B> {
    use num_traits::ToPrimitive;
    match b.to_i64() {
        Some(i) => ctx.vm.int(i),
        None => ctx.vm.bigint(b),
    }
}

/// Whether `o` is the built-in `float` (or `int`) type, which the scanner replaces by its
/// native parse.
pub(super) fn is_type<B: Backend>(o: &PyRef<B>, t: &PyRef<B>) -> bool {
    o.is(t) && matches!(o.payload, Payload::Type(_))
}
