//! Replacement templates (`\1`, `\g<name>`, `\g<0>`, escapes) with CPython 3.11's errors,
//! and `Pattern.sub`/`subn` with a template or a function as the replacement.

use super::backtrack::Mode;
use super::engine::Regex;
use super::matchobj::{MatchObj, match_of, new_match};
use super::parse::Parser;
use super::{position, raise, subject, text_obj, this_pattern};
use crate::itertools::{clinic, ssize};
use gillab_vm::Backend;
use gillab_vm::builtins::Args;
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::{Payload, PyRef};
use gillab_vm::ops::{self, call};

/// One piece of a template.
enum Piece {
    /// Text (UTF-8 for a str template).
    Lit(Vec<u8>),
    /// The text of a group (nothing if it did not take part).
    Group(usize),
}

/// A parsed template.
pub(crate) struct Template {
    pieces: Vec<Piece>,
}

/// Appends code unit `c` to `out` (UTF-8 for str templates, a byte for bytes).
fn push_unit(out: &mut Vec<u8>, c: u32, bytes: bool) {
    if bytes {
        out.push(c as u8);
    } else if let Some(ch) = char::from_u32(c) {
        let mut buf = [0; 4];
        out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
    }
}

impl Template {
    /// Parses template `t` (a str or bytes object) for `regex`, raising `re.error`,
    /// `IndexError` for an unknown group name, and CPython's `TypeError`s.
    pub(crate) fn parse<B: Backend>(
        ctx: &mut Ctx<'_, B>,
        regex: &Regex,
        t: &PyRef<B>,
    ) -> PyResult<B, Template> {
        let (units, bytes): (Vec<u32>, bool) = match &ops::value_of(t).payload {
            Payload::Str(s) => (s.as_str().chars().map(|c| c as u32).collect(), false),
            Payload::Bytes(b) => (b.iter().map(|&x| u32::from(x)).collect(), true),
            _ => {
                return Err(ctx.type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    ops::type_name(ctx.vm, t)
                )));
            }
        };
        if bytes != regex.bytes {
            let (want, got) = if regex.bytes {
                ("a bytes-like object", "str")
            } else {
                ("str instance", "bytes")
            };
            return Err(ctx.type_error(format!("sequence item 0: expected {want}, {got} found")));
        }
        match parse_units(&units, bytes, regex) {
            Ok(pieces) => Ok(Template { pieces }),
            Err(TemplateError::Re(e)) => Err(raise(ctx, e, t)),
            Err(TemplateError::UnknownName(n)) => {
                Err(ctx.index_error(format!("unknown group name '{n}'")))
            }
        }
    }

    /// The template as plain text, if it refers to no group.
    fn literal(&self) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        for p in &self.pieces {
            match p {
                Piece::Lit(v) => out.extend_from_slice(v),
                Piece::Group(_) => return None,
            }
        }
        Some(out)
    }

    /// Appends the expansion for match `m` to `out`.
    pub(crate) fn expand<B: Backend>(&self, m: &MatchObj<B>, out: &mut Vec<u8>) {
        let text: &[u8] = match &ops::value_of(&m.string).payload {
            Payload::Str(s) => s.as_str().as_bytes(),
            Payload::Bytes(b) => b,
            _ => &[],
        };
        for p in &self.pieces {
            match p {
                Piece::Lit(v) => out.extend_from_slice(v),
                Piece::Group(g) => {
                    if let Some((a, b)) = m.bspans.get(*g).copied().flatten() {
                        out.extend_from_slice(text.get(a..b).unwrap_or(&[]));
                    }
                }
            }
        }
    }
}

enum TemplateError {
    Re(super::parse::ReError),
    UnknownName(String),
}

impl From<super::parse::ReError> for TemplateError {
    fn from(e: super::parse::ReError) -> TemplateError {
        TemplateError::Re(e)
    }
}

fn parse_units(units: &[u32], bytes: bool, regex: &Regex) -> Result<Vec<Piece>, TemplateError> {
    let mut p = Parser::template(units, !bytes);
    let mut pieces = Vec::new();
    let mut lit = Vec::new();
    let is_digit = |c: Option<u32>| c.is_some_and(|c| (0x30..=0x39).contains(&c));
    let is_octal = |c: Option<u32>| c.is_some_and(|c| (0x30..=0x37).contains(&c));
    let group = |pieces: &mut Vec<Piece>, lit: &mut Vec<u8>, g: usize| {
        if !lit.is_empty() {
            pieces.push(Piece::Lit(std::mem::take(lit)));
        }
        pieces.push(Piece::Group(g));
    };
    while let Some(tok) = p.token()? {
        let (c, escaped) = tok;
        if !escaped {
            push_unit(&mut lit, c, bytes);
            continue;
        }
        let ch = char::from_u32(c).unwrap_or('\u{fffd}');
        match ch {
            'g' => {
                if !p.eat('<') {
                    return Err(p.err("missing <", 0).into());
                }
                let name = p.until('>', "group name")?;
                let len = name.chars().count() + 1;
                let index = if name.chars().next().is_some_and(|c| c == '_' || c.is_alphabetic())
                    && name.chars().all(|c| c == '_' || c.is_alphanumeric())
                {
                    match regex.group_index(&name) {
                        Some(g) => g,
                        None => return Err(TemplateError::UnknownName(name)),
                    }
                } else if !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()) {
                    name.parse::<usize>().unwrap_or(usize::MAX)
                } else {
                    let msg = format!("bad character in group name '{name}'");
                    return Err(p.err(msg, len).into());
                };
                if index > regex.groups {
                    return Err(p.err(format!("invalid group reference {index}"), len).into());
                }
                group(&mut pieces, &mut lit, index);
            }
            '0' => {
                let mut v = 0;
                for _ in 0..2 {
                    if !is_octal(p.peek()) {
                        break;
                    }
                    v = v * 8 + (p.peek().unwrap_or(0x30) - 0x30);
                    p.pos += 1;
                }
                push_unit(&mut lit, v, bytes);
            }
            '1'..='9' => {
                let mut digits = ch.to_string();
                if is_digit(p.peek()) {
                    let d = p.peek().unwrap_or(0x30);
                    digits.push(char::from_u32(d).unwrap_or('0'));
                    p.pos += 1;
                    if is_octal(Some(c)) && is_octal(Some(d)) && is_octal(p.peek()) {
                        digits.push(char::from_u32(p.peek().unwrap_or(0x30)).unwrap_or('0'));
                        p.pos += 1;
                        let v = u32::from_str_radix(&digits, 8).unwrap_or(0);
                        if v > 0o377 {
                            let msg =
                                format!("octal escape value \\{digits} outside of range 0-0o377");
                            return Err(p.err(msg, digits.len() + 1).into());
                        }
                        push_unit(&mut lit, v, bytes);
                        continue;
                    }
                }
                let g: usize = digits.parse().unwrap_or(usize::MAX);
                if g > regex.groups {
                    return Err(p.err(format!("invalid group reference {g}"), digits.len()).into());
                }
                group(&mut pieces, &mut lit, g);
            }
            'a' => lit.push(7),
            'b' => lit.push(8),
            'f' => lit.push(12),
            'n' => lit.push(10),
            'r' => lit.push(13),
            't' => lit.push(9),
            'v' => lit.push(11),
            '\\' => lit.push(b'\\'),
            _ if ch.is_ascii_alphabetic() => {
                return Err(p.err(format!("bad escape \\{ch}"), 2).into());
            }
            _ => {
                lit.push(b'\\');
                push_unit(&mut lit, c, bytes);
            }
        }
    }
    if !lit.is_empty() {
        pieces.push(Piece::Lit(lit));
    }
    Ok(pieces)
}

/// The replacement of `sub`: a template or a function.
enum Repl<B: Backend> {
    Text(Vec<u8>),
    Template(Template),
    Func(PyRef<B>),
}

/// `Pattern.sub(repl, string, count=0)` and `subn` (`name`).
pub(crate) fn sub<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, name: &str) -> PyResult<B> {
    let (pat, p) = this_pattern(ctx, &args, name)?;
    let a = clinic(ctx, &args, name, &["repl", "string", "count"], 2, 3)?;
    let (Some(repl), Some(string)) = (a[0], a[1]) else {
        return Err(ctx.type_error(name.to_string()));
    };
    let count = match a[2] {
        Some(c) => ssize(ctx, c)?,
        None => 0,
    };
    let subj = subject(ctx, &p.regex, string)?;
    let repl = match &ops::value_of(repl).payload {
        Payload::Str(_) | Payload::Bytes(_) => {
            let t = Template::parse(ctx, &p.regex, repl)?;
            match t.literal() {
                Some(v) => Repl::Text(v),
                None => Repl::Template(t),
            }
        }
        _ if is_callable(ctx, repl) => Repl::Func(repl.clone()),
        _ => {
            Template::parse(ctx, &p.regex, repl)?;
            return Err(ctx.type_error("invalid replacement"));
        }
    };
    let bytes = p.regex.bytes;
    let endpos = position(ctx, None, usize::MAX, subj.len)?;
    let mut out: Vec<u8> = Vec::with_capacity(subj.bytes.len());
    let (mut at, mut last, mut n, mut items) = (0usize, 0usize, 0i64, 0usize);
    let mut must_advance = false;
    while count <= 0 || n < count {
        if count < 0 {
            break;
        }
        let Some(hit) = p.regex.exec(&subj, at, endpos, Mode::Search, must_advance) else { break };
        let (s, e) = hit.spans[0].unwrap_or((at, at));
        if s > last {
            out.extend_from_slice(subj.slice(last, s));
            items += 1;
        }
        match &repl {
            Repl::Text(v) => {
                out.extend_from_slice(v);
                items += 1;
            }
            Repl::Template(t) => {
                let m = new_match(ctx, pat, p, string, &subj, hit, 0, endpos);
                if let Some(mo) = match_of(&m) {
                    t.expand(mo, &mut out);
                }
                items += 1;
            }
            Repl::Func(f) => {
                let m = new_match(ctx, pat, p, string, &subj, hit, 0, endpos);
                let r = call::call(ctx, f, &[m], &[])?;
                match (&ops::value_of(&r).payload, bytes) {
                    (Payload::None, _) => {}
                    (Payload::Str(s), false) => {
                        out.extend_from_slice(s.as_str().as_bytes());
                        items += 1;
                    }
                    (Payload::Bytes(b), true) => {
                        out.extend_from_slice(b);
                        items += 1;
                    }
                    _ => {
                        let want = if bytes { "a bytes-like object" } else { "str instance" };
                        return Err(ctx.type_error(format!(
                            "sequence item {items}: expected {want}, {} found",
                            ops::type_name(ctx.vm, &r)
                        )));
                    }
                }
            }
        }
        last = e;
        n += 1;
        must_advance = s == e;
        at = e;
    }
    if last < subj.len {
        out.extend_from_slice(subj.slice(last, subj.len));
    }
    let result = text_obj(ctx, bytes, &out);
    if name == "subn" {
        return Ok(ctx.vm.tuple(vec![result, ctx.vm.int(n)]));
    }
    Ok(result)
}

/// Whether `f` can be called.
fn is_callable<B: Backend>(ctx: &mut Ctx<'_, B>, f: &PyRef<B>) -> bool {
    match &f.payload {
        Payload::Function(_) | Payload::Builtin(_) | Payload::Method(_) | Payload::Type(_) => true,
        Payload::Instance(_) | Payload::Native(_) => {
            let hash = gillab_vm::hash_lit!("__call__");
            ops::attr::getattr_opt(ctx, f, "__call__", hash).ok().flatten().is_some()
        }
        _ => false,
    }
}
