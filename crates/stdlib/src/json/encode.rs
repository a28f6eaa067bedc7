//! The JSON encoder: one recursive walk over the object graph that writes the whole text
//! into one buffer, with CPython's formatting (separators, `indent`, `sort_keys`, key
//! conversion, float and int reprs, `ensure_ascii` escapes) and errors.
//!
//! Strings are escaped here for `ensure_ascii=True` (`\uXXXX`, with surrogate pairs above
//! the BMP); for `ensure_ascii=False` serde_json's string serializer does it, since its
//! escapes are exactly CPython's (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, and `\u00XX` for
//! the other control characters; everything else, DEL included, as it is).
//!
//! Containers are read in one critical section each (a snapshot of a list's items or a
//! dict's entries), then encoded with the cell released, since encoding an item may call
//! `default` (Python code).

use gillab_vm::Backend;
use gillab_vm::builtins::sort::sort_values;
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::fmt::{float_repr, int_to_str};
use gillab_vm::object::{Payload, PyRef};
use gillab_vm::ops::call;

/// The encoder's settings (`JSONEncoder`'s attributes).
pub(super) struct Options<B: Backend> {
    pub(super) skipkeys: bool,
    pub(super) ensure_ascii: bool,
    pub(super) check_circular: bool,
    pub(super) allow_nan: bool,
    pub(super) sort_keys: bool,
    /// The indent string; `None` for the one-line form.
    pub(super) indent: Option<String>,
    pub(super) key_separator: String,
    pub(super) item_separator: String,
    /// `default(o)` for objects JSON cannot represent; `None` raises CPython's `TypeError`.
    pub(super) default: Option<PyRef<B>>,
}

/// A dict's `(key, value)` pairs.
type Entries<B> = Vec<(PyRef<B>, PyRef<B>)>;

/// One encoding: the options, the output, and the containers being encoded (for the
/// circular-reference check).
pub(super) struct Encoder<'o, B: Backend> {
    opts: &'o Options<B>,
    out: Vec<u8>,
    markers: Vec<usize>,
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends `s` as a JSON string with CPython's `ensure_ascii` escapes.
pub(super) fn escape_ascii(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    if !s.is_ascii() {
        escape_ascii_chars(out, s);
        return;
    }
    // ASCII text: copy runs of characters that need no escape.
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\' {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        start = i + 1;
        push_short_escape(out, b);
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// The character-by-character form of [`escape_ascii`] (after its opening quote).
fn escape_ascii_chars(out: &mut Vec<u8>, s: &str) {
    for c in s.chars() {
        let u = c as u32;
        if u < 0x80 {
            let b = u as u8;
            if (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\' {
                out.push(b);
            } else {
                push_short_escape(out, b);
            }
        } else if u <= 0xffff {
            push_u(out, u);
        } else {
            let v = u - 0x10000;
            push_u(out, 0xd800 | (v >> 10));
            push_u(out, 0xdc00 | (v & 0x3ff));
        }
    }
    out.push(b'"');
}

fn push_u(out: &mut Vec<u8>, u: u32) {
    out.extend_from_slice(b"\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((u >> shift) & 0xf) as usize]);
    }
}

/// The escape of an ASCII byte that needs one.
fn push_short_escape(out: &mut Vec<u8>, b: u8) {
    match b {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\t' => out.extend_from_slice(b"\\t"),
        0x08 => out.extend_from_slice(b"\\b"),
        0x0c => out.extend_from_slice(b"\\f"),
        _ => push_u(out, b as u32),
    }
}

/// Appends `s` as a JSON string without escaping non-ASCII text (serde_json's escapes).
pub(super) fn escape_unicode(out: &mut Vec<u8>, s: &str) {
    // Writing to a `Vec` cannot fail, and a `str` always serializes.
    if serde_json::to_writer(&mut *out, s).is_err() {
        out.extend_from_slice(b"\"\"");
    }
}

impl<'o, B: Backend> Encoder<'o, B> {
    pub(super) fn new(opts: &'o Options<B>) -> Self {
        Encoder { opts, out: Vec::with_capacity(64), markers: Vec::new() }
    }

    /// The text written so far.
    pub(super) fn finish(self) -> String {
        String::from_utf8(self.out).unwrap_or_default()
    }

    fn string(&mut self, s: &str) {
        if self.opts.ensure_ascii {
            escape_ascii(&mut self.out, s);
        } else {
            escape_unicode(&mut self.out, s);
        }
    }

    /// A float's text: its repr, or `NaN`/`Infinity`/`-Infinity` where allowed.
    fn float_text(&self, ctx: &Ctx<'_, B>, f: f64) -> PyResult<B, String> {
        if f.is_finite() {
            return Ok(float_repr(f));
        }
        if !self.opts.allow_nan {
            return Err(ctx.value_error("Out of range float values are not JSON compliant"));
        }
        Ok(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .to_string())
    }

    /// Marks `o` as being encoded; `ValueError` if it already is.
    fn enter(&mut self, ctx: &Ctx<'_, B>, o: &PyRef<B>) -> PyResult<B, ()> {
        if self.opts.check_circular {
            let a = o.addr();
            if self.markers.contains(&a) {
                return Err(ctx.value_error("Circular reference detected"));
            }
            self.markers.push(a);
        }
        Ok(())
    }

    fn leave(&mut self) {
        if self.opts.check_circular {
            self.markers.pop();
        }
    }

    /// Writes a newline and the indent of `level`, in indented mode.
    fn newline(&mut self, level: usize) {
        if let Some(ind) = &self.opts.indent {
            self.out.push(b'\n');
            for _ in 0..level {
                self.out.extend_from_slice(ind.as_bytes());
            }
        }
    }

    /// Encodes `o` at nesting `level`.
    pub(super) fn encode(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        o: &PyRef<B>,
        level: usize,
    ) -> PyResult<B, ()> {
        match &o.payload {
            Payload::Str(s) => self.string(s.as_str()),
            Payload::None => self.out.extend_from_slice(b"null"),
            Payload::Bool(true) => self.out.extend_from_slice(b"true"),
            Payload::Bool(false) => self.out.extend_from_slice(b"false"),
            Payload::Int(i) => self.out.extend_from_slice(i.to_string().as_bytes()),
            Payload::BigInt(b) => match int_to_str(b) {
                Ok(s) => self.out.extend_from_slice(s.as_bytes()),
                Err(m) => return Err(ctx.value_error(m)),
            },
            Payload::Float(f) => {
                let t = self.float_text(ctx, *f)?;
                self.out.extend_from_slice(t.as_bytes());
            }
            Payload::List(l) => {
                let items = o.read(l, |v| v.clone());
                self.sequence(ctx, o, &items, level)?;
            }
            Payload::Tuple(t) => {
                let items = t.to_vec();
                self.sequence(ctx, o, &items, level)?;
            }
            Payload::Dict(d) => {
                let entries: Vec<(PyRef<B>, PyRef<B>)> = o.read(d, |t| {
                    t.iter().filter_map(|e| e.value.clone().map(|v| (e.key.clone(), v))).collect()
                });
                self.mapping(ctx, o, entries, level)?;
            }
            _ => self.with_default(ctx, o, level)?,
        }
        Ok(())
    }

    /// Encodes what `default(o)` returns.
    fn with_default(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        o: &PyRef<B>,
        level: usize,
    ) -> PyResult<B, ()> {
        self.enter(ctx, o)?;
        let r = match &self.opts.default {
            Some(f) => call::call(ctx, f, std::slice::from_ref(o), &[])?,
            None => {
                return Err(ctx.type_error(format!(
                    "Object of type {} is not JSON serializable",
                    gillab_vm::ops::type_name(ctx.vm, o)
                )));
            }
        };
        ctx.enter_recursive(" while encoding a JSON object")?;
        let res = self.encode(ctx, &r, level);
        ctx.leave_recursive();
        res?;
        self.leave();
        Ok(())
    }

    fn sequence(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        o: &PyRef<B>,
        items: &[PyRef<B>],
        level: usize,
    ) -> PyResult<B, ()> {
        if items.is_empty() {
            self.out.extend_from_slice(b"[]");
            return Ok(());
        }
        self.enter(ctx, o)?;
        ctx.enter_recursive(" while encoding a JSON object")?;
        let r = self.sequence_items(ctx, items, level + 1);
        ctx.leave_recursive();
        r?;
        self.leave();
        Ok(())
    }

    fn sequence_items(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        items: &[PyRef<B>],
        inner: usize,
    ) -> PyResult<B, ()> {
        self.out.push(b'[');
        self.newline(inner);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.extend_from_slice(self.opts.item_separator.as_bytes());
                self.newline(inner);
            }
            self.encode(ctx, item, inner)?;
        }
        self.newline(inner - 1);
        self.out.push(b']');
        Ok(())
    }

    /// The text of a dict key, or `None` to skip it (`skipkeys`).
    fn key_text(&self, ctx: &Ctx<'_, B>, k: &PyRef<B>) -> PyResult<B, Option<String>> {
        Ok(Some(match &k.payload {
            Payload::Str(s) => return Ok(Some(s.as_str().to_string())),
            Payload::Float(f) => self.float_text(ctx, *f)?,
            Payload::Bool(true) => "true".into(),
            Payload::Bool(false) => "false".into(),
            Payload::None => "null".into(),
            Payload::Int(i) => i.to_string(),
            Payload::BigInt(b) => int_to_str(b).map_err(|m| ctx.value_error(m))?,
            _ if self.opts.skipkeys => return Ok(None),
            _ => {
                return Err(ctx.type_error(format!(
                    "keys must be str, int, float, bool or None, not {}",
                    gillab_vm::ops::type_name(ctx.vm, k)
                )));
            }
        }))
    }

    fn mapping(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        o: &PyRef<B>,
        mut entries: Vec<(PyRef<B>, PyRef<B>)>,
        level: usize,
    ) -> PyResult<B, ()> {
        if entries.is_empty() {
            self.out.extend_from_slice(b"{}");
            return Ok(());
        }
        self.enter(ctx, o)?;
        if self.opts.sort_keys {
            entries = sort_entries(ctx, entries)?;
        }
        ctx.enter_recursive(" while encoding a JSON object")?;
        let r = self.mapping_items(ctx, &entries, level + 1);
        ctx.leave_recursive();
        r?;
        self.leave();
        Ok(())
    }

    fn mapping_items(
        &mut self,
        ctx: &mut Ctx<'_, B>,
        entries: &[(PyRef<B>, PyRef<B>)],
        inner: usize,
    ) -> PyResult<B, ()> {
        self.out.push(b'{');
        self.newline(inner);
        let mut first = true;
        for (k, v) in entries {
            let Some(key) = self.key_text(ctx, k)? else { continue };
            if !first {
                self.out.extend_from_slice(self.opts.item_separator.as_bytes());
                self.newline(inner);
            }
            first = false;
            self.string(&key);
            self.out.extend_from_slice(self.opts.key_separator.as_bytes());
            self.encode(ctx, v, inner)?;
        }
        self.newline(inner - 1);
        self.out.push(b'}');
        Ok(())
    }
}

/// The entries sorted by key as `sorted(d.items())` orders them: str keys directly, any
/// others through Python's `<` on `(key, value)` tuples (with its `TypeError` for keys that
/// do not order).
fn sort_entries<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    mut entries: Entries<B>,
) -> PyResult<B, Entries<B>> {
    if entries.iter().all(|(k, _)| matches!(k.payload, Payload::Str(_))) {
        entries.sort_by(|(a, _), (b, _)| {
            gillab_vm::ops::as_str(a).unwrap_or("").cmp(gillab_vm::ops::as_str(b).unwrap_or(""))
        });
        return Ok(entries);
    }
    let vm = ctx.vm;
    let tuples: Vec<PyRef<B>> = entries.into_iter().map(|(k, v)| vm.tuple(vec![k, v])).collect();
    let sorted = sort_values(ctx, tuples, None, false, || {})?;
    Ok(sorted
        .into_iter()
        .filter_map(|t| match &t.payload {
            Payload::Tuple(p) => match &p[..] {
                [k, v] => Some((k.clone(), v.clone())),
                _ => None,
            },
            _ => None,
        })
        .collect())
}
