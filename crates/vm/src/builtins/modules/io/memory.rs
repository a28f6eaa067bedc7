//! `io.StringIO`: an in-memory text stream, and the argument helpers it shares with
//! `io.BytesIO` (`bytesio.rs`).
//!
//! The text and the position live in the backend's cell of the native object (`B::Cell`),
//! reached through `Object::read`/`Object::write`; no closure given to the cell runs Python
//! code. The position counts code points, as in CPython; the text is kept as UTF-8 with its
//! length in code points, so that positions in ASCII text (the common case) map to byte
//! offsets directly and appending at the end never rescans the buffer.
//!
//! Newline handling is CPython's: `newline=None` translates `\r\n` and `\r` to `\n` on every
//! write (each write is final: a trailing `\r` is translated at once) and records the endings
//! seen in `newlines`; `newline=''` records them without translating; `'\r'` and `'\r\n'`
//! replace each written `\n`; `readline` ends lines at any of `\r`, `\n`, `\r\n` for `None`
//! and `''`, and at the `newline` string otherwise. Methods of `StringIO` itself report a
//! closed stream as "I/O operation on closed file", those inherited from `IOBase` in CPython
//! (`flush`, `isatty`, `readlines`, `writelines`, `__iter__`, `__enter__`) with a final dot.

use super::methods::size_arg;
use crate::backend::Backend;
use crate::builtins::methods::text::index_arg;
use crate::builtins::modules::os::{not_none, params};
use crate::builtins::{Args, NativeFn, add, add_property};
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{Layout, NativeObj, Payload, PyRef};
use crate::ops::{self, dicts, iter, type_name};
use crate::types::new_class;
use crate::vm::Vm;

/// The message of `StringIO`'s own methods on a closed stream.
pub(super) const CLOSED: &str = "I/O operation on closed file";
/// The message of the methods CPython inherits from `IOBase`.
pub(super) const CLOSED_DOT: &str = "I/O operation on closed file.";

/// The Rust value of an in-memory stream: its state in the backend's cell and
/// `io.UnsupportedOperation`.
pub(super) struct Mem<B: Backend, T: Send + Sync + 'static> {
    pub(super) cell: B::Cell<T>,
    pub(super) unsupported: PyRef<B>,
}

/// A new in-memory stream of class `cls`.
pub(super) fn new_mem<B: Backend, T: Send + Sync + 'static>(
    vm: &Vm<B>,
    cls: &PyRef<B>,
    state: T,
) -> PyRef<B> {
    let unsupported = dicts::get_text(&vm.core.modules, "_io")
        .and_then(|m| match &m.payload {
            Payload::Module(mo) => dicts::get_text(&mo.dict, "UnsupportedOperation"),
            _ => None,
        })
        .unwrap_or_else(|| vm.core.exc.os_error.clone());
    PyRef::new(Payload::Native(Box::new(NativeObj {
        class: cls.clone(),
        data: Box::new(Mem::<B, T> { cell: B::cell_new(state), unsupported }),
    })))
}

/// The receiver of a method of class `cls` and its Rust value.
pub(super) fn receiver<'a, B: Backend, T: Send + Sync + 'static>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    cls: &str,
    method: &str,
) -> PyResult<B, (&'a PyRef<B>, &'a Mem<B, T>)> {
    let o = args.args.first();
    match o.and_then(|o| crate::builtins::modules::sync::data::<B, Mem<B, T>>(o).map(|d| (o, d))) {
        Some(pair) => Ok(pair),
        None => {
            let t = o.map_or_else(|| "nothing".to_string(), |o| type_name(ctx.vm, o));
            Err(ctx.type_error(format!(
                "descriptor '{method}' for '_io.{cls}' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

/// The positional arguments after `self` of a method taking `min..=max` of them and no
/// keywords, with CPython's messages.
pub(super) fn positional<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<B, &'a [PyRef<B>]> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error(format!("{name}() takes no keyword arguments")));
    }
    let pos = args.positional().get(1..).unwrap_or(&[]);
    let n = pos.len();
    let s = |k: usize| if k == 1 { "" } else { "s" };
    if max == 0 && n > 0 {
        return Err(ctx.type_error(format!("{name}() takes no arguments ({n} given)")));
    }
    if n < min {
        return Err(
            ctx.type_error(format!("{name} expected at least {min} argument{}, got {n}", s(min)))
        );
    }
    if n > max {
        return Err(
            ctx.type_error(format!("{name} expected at most {max} argument{}, got {n}", s(max)))
        );
    }
    Ok(pos)
}

/// The one argument of a `METH_O` method `qual` (`StringIO.write`).
pub(super) fn one_arg<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    qual: &str,
) -> PyResult<B, &'a PyRef<B>> {
    let name = qual.rsplit('.').next().unwrap_or(qual);
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error(format!("{name}() takes no keyword arguments")));
    }
    match args.positional().get(1..).unwrap_or(&[]) {
        [v] => Ok(v),
        other => {
            Err(ctx
                .type_error(format!("{qual}() takes exactly one argument ({} given)", other.len())))
        }
    }
}

/// `ValueError(msg)`.
pub(super) fn closed_error<B: Backend>(ctx: &Ctx<'_, B>, msg: &str) -> PyErr<B> {
    ctx.value_error(msg)
}

/// A `seek` offset or `truncate` size: an index, or `OverflowError` past `Py_ssize_t`.
pub(super) fn ssize<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, i64> {
    index_arg(ctx, v)
}

/// `<_io.NAME object at 0x...>`.
fn mem_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let Some(o) = args.args.first() else { return Err(ctx.type_error("__repr__ needs self")) };
    let cls = ops::type_of(ctx.vm, o);
    let (module, qual) = match &cls.payload {
        Payload::Type(t) => (t.module.clone(), t.qualname.clone()),
        _ => ("?".into(), "?".into()),
    };
    Ok(ctx.vm.str(format!("<{module}.{qual} object at {:#x}>", o.addr())))
}

/// A property that raises `AttributeError`, hiding one of `IOBase`'s file attributes
/// (`name`, `mode`) that in-memory streams do not have.
fn no_attr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, attr: &str) -> PyResult<B> {
    let t = args.args.first().map_or_else(|| "?".to_string(), |o| type_name(ctx.vm, o));
    Err(ctx.attribute_error(format!("'_io.{t}' object has no attribute '{attr}'")))
}

fn no_name<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    no_attr(ctx, args, "name")
}

fn no_mode<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    no_attr(ctx, args, "mode")
}

/// Adds what `StringIO` and `BytesIO` share: `__repr__` and the hidden file attributes.
pub(super) fn add_common<B: Backend>(vm: &Vm<B>, cls: &PyRef<B>) {
    add(vm, cls, "__repr__", mem_repr);
    add_property(vm, cls, "name", no_name);
    add_property(vm, cls, "mode", no_mode);
}

// ---------------------------------------------------------------------------------------------
// StringIO.
// ---------------------------------------------------------------------------------------------

/// Bits of the line endings seen, as in `file/text.rs`.
const SEEN_CR: u8 = 1;
const SEEN_LF: u8 = 2;
const SEEN_CRLF: u8 = 4;

/// The `newline` argument, fixed at construction.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Nl {
    /// `None`: translate on write, universal line ends, endings recorded.
    Translate,
    /// `''`: universal line ends, endings recorded, nothing translated.
    Universal,
    /// `'\n'`, `'\r'` or `'\r\n'`: lines end there; the last two also replace written `\n`.
    Fixed(&'static str),
}

/// A `StringIO`'s state.
struct Text {
    buf: String,
    /// `buf`'s length in code points.
    chars: usize,
    /// The position in code points (may lie past the end).
    pos: usize,
    closed: bool,
    nl: Nl,
    seen: u8,
}

impl Text {
    /// The byte offset of code point `ci` (clamped to the end).
    fn byte_at(&self, ci: usize) -> usize {
        if ci >= self.chars {
            return self.buf.len();
        }
        if self.buf.len() == self.chars {
            return ci;
        }
        self.buf.char_indices().nth(ci).map_or(self.buf.len(), |(b, _)| b)
    }

    /// Writes `s` at the position, padding with NULs past the end; returns its length.
    fn write(&mut self, s: &str) -> usize {
        let n_orig = s.chars().count();
        let mut text = std::borrow::Cow::Borrowed(s);
        if matches!(self.nl, Nl::Translate | Nl::Universal) {
            let b = s.as_bytes();
            for (i, &c) in b.iter().enumerate() {
                match c {
                    b'\r' if b.get(i + 1) == Some(&b'\n') => self.seen |= SEEN_CRLF,
                    b'\r' => self.seen |= SEEN_CR,
                    b'\n' if i > 0 && b.get(i - 1) == Some(&b'\r') => {}
                    b'\n' => self.seen |= SEEN_LF,
                    _ => {}
                }
            }
        }
        match self.nl {
            Nl::Translate if s.contains('\r') => {
                text = std::borrow::Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"));
            }
            Nl::Fixed(w) if w != "\n" && s.contains('\n') => {
                text = std::borrow::Cow::Owned(s.replace('\n', w));
            }
            _ => {}
        }
        let n = match &text {
            std::borrow::Cow::Borrowed(_) => n_orig,
            std::borrow::Cow::Owned(t) => t.chars().count(),
        };
        if n == 0 {
            return n_orig;
        }
        if self.pos > self.chars {
            let pad = self.pos - self.chars;
            self.buf.extend(std::iter::repeat_n('\0', pad));
            self.chars += pad;
        }
        if self.pos == self.chars {
            self.buf.push_str(&text);
            self.chars += n;
        } else {
            let start = self.byte_at(self.pos);
            let end = self.byte_at(self.pos + n);
            let replaced = self.chars.min(self.pos + n) - self.pos;
            self.buf.replace_range(start..end, &text);
            self.chars += n - replaced;
        }
        self.pos += n;
        n_orig
    }

    /// Reads up to `limit` code points (all without one).
    fn read(&mut self, limit: Option<usize>) -> String {
        if self.pos >= self.chars {
            return String::new();
        }
        let start = self.byte_at(self.pos);
        let n = limit.map_or(self.chars - self.pos, |l| l.min(self.chars - self.pos));
        let end = self.byte_at(self.pos + n);
        self.pos += n;
        self.buf.get(start..end).unwrap_or("").to_string()
    }

    /// Reads one line of at most `limit` code points.
    fn readline(&mut self, limit: Option<usize>) -> String {
        if self.pos >= self.chars {
            return String::new();
        }
        let start = self.byte_at(self.pos);
        let rest = self.buf.get(start..).unwrap_or("");
        let len = match self.nl {
            Nl::Translate | Nl::Universal => {
                let b = rest.as_bytes();
                match b.iter().position(|&c| c == b'\r' || c == b'\n') {
                    Some(i) if b.get(i) == Some(&b'\r') && b.get(i + 1) == Some(&b'\n') => i + 2,
                    Some(i) => i + 1,
                    None => rest.len(),
                }
            }
            Nl::Fixed(t) => rest.find(t).map_or(rest.len(), |i| i + t.len()),
        };
        let mut line = rest.get(..len).unwrap_or("");
        let mut n = if line.is_ascii() { line.len() } else { line.chars().count() };
        if let Some(l) = limit
            && l < n
        {
            let cut = line.char_indices().nth(l).map_or(line.len(), |(b, _)| b);
            line = line.get(..cut).unwrap_or("");
            n = l;
        }
        let out = line.to_string();
        self.pos += n;
        out
    }
}

type TextIo<B> = Mem<B, Text>;

fn this<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    method: &str,
) -> PyResult<B, (&'a PyRef<B>, &'a TextIo<B>)> {
    receiver::<B, Text>(ctx, args, "StringIO", method)
}

/// The receiver, after checking it is open (`msg` if not).
fn open_this<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    method: &str,
    msg: &str,
) -> PyResult<B, (&'a PyRef<B>, &'a TextIo<B>)> {
    let (o, d) = this(ctx, args, method)?;
    if o.read(&d.cell, |t| t.closed) {
        return Err(closed_error(ctx, msg));
    }
    Ok((o, d))
}

/// Creates the `StringIO` class (a subclass of `base`, `io.TextIOBase`).
pub(super) fn string_io_class<B: Backend>(vm: &Vm<B>, base: &PyRef<B>) -> PyRef<B> {
    let cls = new_class::<B>("StringIO", "_io", base.clone(), Layout::Builtin);
    let methods: [(&'static str, NativeFn<B>); 23] = [
        ("__new__", s_new),
        ("getvalue", s_getvalue),
        ("read", s_read),
        ("readline", s_readline),
        ("readlines", s_readlines),
        ("write", s_write),
        ("writelines", s_writelines),
        ("seek", s_seek),
        ("tell", s_tell),
        ("truncate", s_truncate),
        ("close", s_close),
        ("flush", s_flush),
        ("readable", s_flag),
        ("writable", s_flag),
        ("seekable", s_flag),
        ("isatty", s_isatty),
        ("fileno", s_fileno),
        ("detach", s_detach),
        ("__enter__", s_enter),
        ("__exit__", s_exit),
        ("__iter__", s_iter),
        ("__next__", s_next),
        ("__getstate__", s_getstate),
    ];
    for (name, f) in methods {
        add(vm, &cls, name, f);
    }
    add_common(vm, &cls);
    add_property(vm, &cls, "closed", s_closed);
    add_property(vm, &cls, "newlines", s_newlines);
    add_property(vm, &cls, "line_buffering", s_line_buffering);
    add_property(vm, &cls, "encoding", s_none_attr);
    add_property(vm, &cls, "errors", s_none_attr);
    cls
}

/// `StringIO(initial_value='', newline='\n')`.
fn s_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let p = params(ctx, &args, 1, "StringIO", &["initial_value", "newline"], 0)?;
    let nl = match p[1] {
        None => Nl::Fixed("\n"),
        Some(v) if matches!(v.payload, Payload::None) => Nl::Translate,
        Some(v) => match ops::as_str(v) {
            Some("") => Nl::Universal,
            Some("\n") => Nl::Fixed("\n"),
            Some("\r") => Nl::Fixed("\r"),
            Some("\r\n") => Nl::Fixed("\r\n"),
            Some(other) => {
                let r = crate::fmt::str_repr(other);
                return Err(ctx.value_error(format!("illegal newline value: {r}")));
            }
            None => {
                return Err(ctx.type_error(format!(
                    "newline must be str or None, not {}",
                    type_name(ctx.vm, v)
                )));
            }
        },
    };
    let initial = match not_none(p[0]) {
        None => None,
        Some(v) => match ops::as_str(v) {
            Some(s) => Some(s),
            None => {
                return Err(ctx.type_error(format!(
                    "initial_value must be str or None, not {}",
                    type_name(ctx.vm, v)
                )));
            }
        },
    };
    let mut t = Text { buf: String::new(), chars: 0, pos: 0, closed: false, nl, seen: 0 };
    if let Some(s) = initial {
        t.write(s);
        t.pos = 0;
    }
    let Some(cls) = args.args.first() else { return Err(ctx.type_error("StringIO.__new__")) };
    Ok(new_mem(ctx.vm, cls, t))
}

fn s_getvalue<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = open_this(ctx, &args, "getvalue", CLOSED)?;
    positional(ctx, &args, "getvalue", 0, 0)?;
    let s = o.read(&d.cell, |t| t.buf.clone());
    Ok(ctx.vm.str(s))
}

fn s_read<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = this(ctx, &args, "read")?;
    let a = positional(ctx, &args, "read", 0, 1)?;
    let n = size_arg(ctx, a.first())?;
    let s = o.write(&d.cell, |t| if t.closed { None } else { Some(t.read(n)) });
    match s {
        Some(s) => Ok(ctx.vm.str(s)),
        None => Err(closed_error(ctx, CLOSED)),
    }
}

fn s_readline<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = this(ctx, &args, "readline")?;
    let a = positional(ctx, &args, "readline", 0, 1)?;
    let n = size_arg(ctx, a.first())?;
    let s = o.write(&d.cell, |t| if t.closed { None } else { Some(t.readline(n)) });
    match s {
        Some(s) => Ok(ctx.vm.str(s)),
        None => Err(closed_error(ctx, CLOSED)),
    }
}

fn s_readlines<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = open_this(ctx, &args, "readlines", CLOSED_DOT)?;
    let a = positional(ctx, &args, "readlines", 0, 1)?;
    let hint = size_arg(ctx, a.first())?.filter(|&h| h > 0);
    let lines = o.write(&d.cell, |t| {
        let mut lines = Vec::new();
        let mut total = 0;
        loop {
            let line = t.readline(None);
            if line.is_empty() {
                break;
            }
            total += line.chars().count();
            lines.push(line);
            if hint.is_some_and(|h| total > h) {
                break;
            }
        }
        lines
    });
    let items = lines.into_iter().map(|l| ctx.vm.str(l)).collect();
    Ok(ctx.vm.list(items))
}

/// Writes the str `v`; its length.
fn write_str<B: Backend>(
    ctx: &Ctx<'_, B>,
    o: &PyRef<B>,
    d: &TextIo<B>,
    v: &PyRef<B>,
) -> PyResult<B, usize> {
    let Some(s) = ops::as_str(v) else {
        return Err(
            ctx.type_error(format!("string argument expected, got '{}'", type_name(ctx.vm, v)))
        );
    };
    match o.write(&d.cell, |t| if t.closed { None } else { Some(t.write(s)) }) {
        Some(n) => Ok(n),
        None => Err(closed_error(ctx, CLOSED)),
    }
}

fn s_write<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = this(ctx, &args, "write")?;
    let v = one_arg(ctx, &args, "StringIO.write")?;
    let n = write_str(ctx, o, d, v)?;
    Ok(ctx.vm.int(n as i64))
}

fn s_writelines<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = open_this(ctx, &args, "writelines", CLOSED_DOT)?;
    let lines = one_arg(ctx, &args, "writelines")?;
    let it = iter::get_iter(ctx, lines)?;
    while let Some(line) = iter::next(ctx, &it)? {
        write_str(ctx, o, d, &line)?;
    }
    Ok(ctx.vm.core.none.clone())
}

fn s_seek<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = this(ctx, &args, "seek")?;
    let a = positional(ctx, &args, "seek", 1, 2)?;
    let pos = ssize(ctx, &a[0])?;
    let whence = match a.get(1) {
        Some(w) => index_arg(ctx, w)?,
        None => 0,
    };
    if o.read(&d.cell, |t| t.closed) {
        return Err(closed_error(ctx, CLOSED));
    }
    if !(0..=2).contains(&whence) {
        return Err(ctx.value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    if pos < 0 && whence == 0 {
        return Err(ctx.value_error(format!("Negative seek position {pos}")));
    }
    if whence != 0 && pos != 0 {
        return Err(ctx.err(&ctx.vm.core.exc.os_error, "Can't do nonzero cur-relative seeks"));
    }
    let new = o.write(&d.cell, |t| {
        t.pos = match whence {
            0 => pos as usize,
            1 => t.pos,
            _ => t.chars,
        };
        t.pos
    });
    Ok(ctx.vm.int(new as i64))
}

fn s_tell<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = open_this(ctx, &args, "tell", CLOSED)?;
    positional(ctx, &args, "tell", 0, 0)?;
    let p = o.read(&d.cell, |t| t.pos);
    Ok(ctx.vm.int(p as i64))
}

fn s_truncate<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = this(ctx, &args, "truncate")?;
    let a = positional(ctx, &args, "truncate", 0, 1)?;
    let size = match not_none(a.first()) {
        Some(v) => match size_arg(ctx, Some(v))? {
            Some(n) => Some(n),
            None => {
                let n = index_arg(ctx, v)?;
                if o.read(&d.cell, |t| t.closed) {
                    return Err(closed_error(ctx, CLOSED));
                }
                return Err(ctx.value_error(format!("Negative size value {n}")));
            }
        },
        None => None,
    };
    let r = o.write(&d.cell, |t| {
        if t.closed {
            return None;
        }
        let size = size.unwrap_or(t.pos);
        if size < t.chars {
            let b = t.byte_at(size);
            t.buf.truncate(b);
            t.chars = size;
        }
        Some(size)
    });
    match r {
        Some(n) => Ok(ctx.vm.int(n as i64)),
        None => Err(closed_error(ctx, CLOSED)),
    }
}

fn s_close<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = this(ctx, &args, "close")?;
    positional(ctx, &args, "close", 0, 0)?;
    o.write(&d.cell, |t| {
        t.closed = true;
        t.buf = String::new();
        t.chars = 0;
    });
    Ok(ctx.vm.core.none.clone())
}

/// `flush()`: nothing to do. As in CPython, where `StringIO.close` does not set the flag
/// `IOBase.flush` checks, it succeeds on a closed stream too.
fn s_flush<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    this(ctx, &args, "flush")?;
    positional(ctx, &args, "flush", 0, 0)?;
    Ok(ctx.vm.core.none.clone())
}

/// `readable()`, `writable()`, `seekable()`: `True` while open.
fn s_flag<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    open_this(ctx, &args, "readable", CLOSED)?;
    positional(ctx, &args, "readable", 0, 0)?;
    Ok(ctx.vm.bool(true))
}

fn s_isatty<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    open_this(ctx, &args, "isatty", CLOSED_DOT)?;
    positional(ctx, &args, "isatty", 0, 0)?;
    Ok(ctx.vm.bool(false))
}

fn s_fileno<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d) = this(ctx, &args, "fileno")?;
    Err(ctx.err(&d.unsupported, "fileno"))
}

fn s_detach<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d) = this(ctx, &args, "detach")?;
    Err(ctx.err(&d.unsupported, "detach"))
}

fn s_enter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = open_this(ctx, &args, "__enter__", CLOSED_DOT)?;
    Ok(o.clone())
}

fn s_exit<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = this(ctx, &args, "__exit__")?;
    o.write(&d.cell, |t| {
        t.closed = true;
        t.buf = String::new();
        t.chars = 0;
    });
    Ok(ctx.vm.core.none.clone())
}

fn s_iter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = open_this(ctx, &args, "__iter__", CLOSED_DOT)?;
    Ok(o.clone())
}

fn s_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = this(ctx, &args, "__next__")?;
    match o.write(&d.cell, |t| if t.closed { None } else { Some(t.readline(None)) }) {
        None => Err(closed_error(ctx, CLOSED)),
        Some(s) if s.is_empty() => Err(ctx.stop_iteration()),
        Some(s) => Ok(ctx.vm.str(s)),
    }
}

/// `__getstate__()`: `(value, newline, pos, None)` as CPython's (without the `__dict__`).
fn s_getstate<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = open_this(ctx, &args, "__getstate__", CLOSED)?;
    let vm = ctx.vm;
    let (value, nl, pos) = o.read(&d.cell, |t| (t.buf.clone(), t.nl, t.pos));
    let nl = match nl {
        Nl::Translate => vm.core.none.clone(),
        Nl::Universal => vm.str(""),
        Nl::Fixed(s) => vm.str(s),
    };
    Ok(vm.tuple(vec![vm.str(value), nl, vm.int(pos as i64), vm.core.none.clone()]))
}

fn s_closed<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = this(ctx, &args, "closed")?;
    Ok(ctx.vm.bool(o.read(&d.cell, |t| t.closed)))
}

fn s_newlines<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = open_this(ctx, &args, "newlines", CLOSED)?;
    let vm = ctx.vm;
    let (nl, seen) = o.read(&d.cell, |t| (t.nl, t.seen));
    if matches!(nl, Nl::Fixed(_)) {
        return Ok(vm.core.none.clone());
    }
    let names = super::file::newlines_tuple(seen);
    Ok(match names.as_slice() {
        [] => vm.core.none.clone(),
        [one] => vm.str(*one),
        many => vm.tuple(many.iter().map(|s| vm.str(*s)).collect()),
    })
}

fn s_line_buffering<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    open_this(ctx, &args, "line_buffering", CLOSED)?;
    Ok(ctx.vm.bool(false))
}

/// `encoding` and `errors`: `None` (from `TextIOBase`).
fn s_none_attr<B: Backend>(ctx: &mut Ctx<'_, B>, _args: Args<'_, B>) -> PyResult<B> {
    Ok(ctx.vm.core.none.clone())
}
