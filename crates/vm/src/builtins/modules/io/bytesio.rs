//! `io.BytesIO`: an in-memory binary stream.
//!
//! The bytes and the position live in the backend's cell of the native object; no closure
//! given to the cell runs Python code. Every method reports a closed stream as CPython's
//! `BytesIO` does ("I/O operation on closed file." with the dot). Writes accept `bytes`
//! (gil-lab has no `bytearray` or `memoryview`); `getbuffer()` and `readinto()`, which need a
//! writable buffer object, are not provided.

use super::memory::{
    CLOSED_DOT, Mem, add_common, closed_error, new_mem, one_arg, positional, receiver, ssize,
};
use super::methods::size_arg;
use crate::backend::Backend;
use crate::builtins::methods::text::index_arg;
use crate::builtins::modules::os::{not_none, params};
use crate::builtins::{Args, NativeFn, add, add_property};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Layout, Payload, PyRef};
use crate::ops::{iter, type_name};
use crate::types::new_class;
use crate::vm::Vm;

/// A `BytesIO`'s state.
struct Bin {
    buf: Vec<u8>,
    pos: usize,
    closed: bool,
}

impl Bin {
    fn read(&mut self, limit: Option<usize>) -> Vec<u8> {
        let start = self.pos.min(self.buf.len());
        let end = limit.map_or(self.buf.len(), |l| start.saturating_add(l).min(self.buf.len()));
        self.pos = self.pos.max(end);
        self.buf.get(start..end).unwrap_or(&[]).to_vec()
    }

    fn readline(&mut self, limit: Option<usize>) -> Vec<u8> {
        let start = self.pos.min(self.buf.len());
        let rest = self.buf.get(start..).unwrap_or(&[]);
        let mut n = rest.iter().position(|&c| c == b'\n').map_or(rest.len(), |i| i + 1);
        if let Some(l) = limit {
            n = n.min(l);
        }
        self.pos = self.pos.max(start + n);
        rest.get(..n).unwrap_or(&[]).to_vec()
    }

    fn write(&mut self, b: &[u8]) {
        if b.is_empty() {
            return;
        }
        if self.pos > self.buf.len() {
            self.buf.resize(self.pos, 0);
        }
        let end = self.pos + b.len();
        if end > self.buf.len() {
            self.buf.resize(end, 0);
        }
        if let Some(slot) = self.buf.get_mut(self.pos..end) {
            slot.copy_from_slice(b);
        }
        self.pos = end;
    }
}

type BinIo<B> = Mem<B, Bin>;

fn this<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    method: &str,
) -> PyResult<B, (&'a PyRef<B>, &'a BinIo<B>)> {
    receiver::<B, Bin>(ctx, args, "BytesIO", method)
}

/// The receiver, after checking it is open.
fn open_this<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    method: &str,
) -> PyResult<B, (&'a PyRef<B>, &'a BinIo<B>)> {
    let (o, d) = this(ctx, args, method)?;
    if o.read(&d.cell, |t| t.closed) {
        return Err(closed_error(ctx, CLOSED_DOT));
    }
    Ok((o, d))
}

/// Runs `f` on the open state, or raises the closed-file error.
fn with_open<B: Backend, R>(
    ctx: &Ctx<'_, B>,
    o: &PyRef<B>,
    d: &BinIo<B>,
    f: impl FnOnce(&mut Bin) -> R,
) -> PyResult<B, R> {
    match o.write(&d.cell, |t| if t.closed { None } else { Some(f(t)) }) {
        Some(r) => Ok(r),
        None => Err(closed_error(ctx, CLOSED_DOT)),
    }
}

fn bytes_obj<B: Backend>(b: Vec<u8>) -> PyRef<B> {
    PyRef::new(Payload::Bytes(b.into_boxed_slice()))
}

/// The bytes of a bytes-like argument.
fn bytes_arg<'a, B: Backend>(ctx: &Ctx<'_, B>, v: &'a PyRef<B>) -> PyResult<B, &'a [u8]> {
    match &v.payload {
        Payload::Bytes(b) => Ok(b),
        _ => Err(ctx.type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(ctx.vm, v)
        ))),
    }
}

/// Creates the `BytesIO` class (a subclass of `base`, `io.BufferedIOBase`).
pub(super) fn bytes_io_class<B: Backend>(vm: &Vm<B>, base: &PyRef<B>) -> PyRef<B> {
    let cls = new_class::<B>("BytesIO", "_io", base.clone(), Layout::Builtin);
    let methods: [(&'static str, NativeFn<B>); 23] = [
        ("__new__", b_new),
        ("getvalue", b_getvalue),
        ("read", b_read),
        ("read1", b_read1),
        ("readline", b_readline),
        ("readlines", b_readlines),
        ("write", b_write),
        ("writelines", b_writelines),
        ("seek", b_seek),
        ("tell", b_tell),
        ("truncate", b_truncate),
        ("close", b_close),
        ("flush", b_flush),
        ("readable", b_flag),
        ("writable", b_flag),
        ("seekable", b_flag),
        ("isatty", b_isatty),
        ("fileno", b_fileno),
        ("detach", b_detach),
        ("__enter__", b_enter),
        ("__exit__", b_exit),
        ("__iter__", b_iter),
        ("__next__", b_next),
    ];
    for (name, f) in methods {
        add(vm, &cls, name, f);
    }
    add_common(vm, &cls);
    add_property(vm, &cls, "closed", b_closed);
    cls
}

/// `BytesIO(initial_bytes=b'')`.
fn b_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let p = params(ctx, &args, 1, "BytesIO", &["initial_bytes"], 0)?;
    let buf = match not_none(p[0]) {
        Some(v) => bytes_arg(ctx, v)?.to_vec(),
        None => Vec::new(),
    };
    let Some(cls) = args.args.first() else { return Err(ctx.type_error("BytesIO.__new__")) };
    Ok(new_mem(ctx.vm, cls, Bin { buf, pos: 0, closed: false }))
}

fn b_getvalue<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = this(ctx, &args, "getvalue")?;
    positional(ctx, &args, "getvalue", 0, 0)?;
    let b = with_open(ctx, o, d, |t| t.buf.clone())?;
    Ok(bytes_obj(b))
}

fn read_impl<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, name: &str) -> PyResult<B> {
    let (o, d) = this(ctx, &args, name)?;
    let a = positional(ctx, &args, name, 0, 1)?;
    let n = size_arg(ctx, a.first())?;
    let b = with_open(ctx, o, d, |t| t.read(n))?;
    Ok(bytes_obj(b))
}

fn b_read<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    read_impl(ctx, args, "read")
}

fn b_read1<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    read_impl(ctx, args, "read1")
}

fn b_readline<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = this(ctx, &args, "readline")?;
    let a = positional(ctx, &args, "readline", 0, 1)?;
    let n = size_arg(ctx, a.first())?;
    let b = with_open(ctx, o, d, |t| t.readline(n))?;
    Ok(bytes_obj(b))
}

fn b_readlines<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = this(ctx, &args, "readlines")?;
    let a = positional(ctx, &args, "readlines", 0, 1)?;
    let hint = size_arg(ctx, a.first())?.filter(|&h| h > 0);
    let lines = with_open(ctx, o, d, |t| {
        let mut lines = Vec::new();
        let mut total = 0;
        loop {
            let line = t.readline(None);
            if line.is_empty() {
                break;
            }
            total += line.len();
            lines.push(line);
            // BytesIO's own `readlines` stops once the hint is reached (IOBase's, past it).
            if hint.is_some_and(|h| total >= h) {
                break;
            }
        }
        lines
    })?;
    Ok(ctx.vm.list(lines.into_iter().map(bytes_obj).collect()))
}

fn b_write<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = this(ctx, &args, "write")?;
    let v = one_arg(ctx, &args, "BytesIO.write")?;
    open_this(ctx, &args, "write")?;
    let b = bytes_arg(ctx, v)?;
    with_open(ctx, o, d, |t| t.write(b))?;
    Ok(ctx.vm.int(b.len() as i64))
}

fn b_writelines<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = open_this(ctx, &args, "writelines")?;
    let lines = one_arg(ctx, &args, "writelines")?;
    let it = iter::get_iter(ctx, lines)?;
    while let Some(line) = iter::next(ctx, &it)? {
        let b = bytes_arg(ctx, &line)?;
        with_open(ctx, o, d, |t| t.write(b))?;
    }
    Ok(ctx.vm.core.none.clone())
}

fn b_seek<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = this(ctx, &args, "seek")?;
    let a = positional(ctx, &args, "seek", 1, 2)?;
    let pos = ssize(ctx, &a[0])?;
    let whence = match a.get(1) {
        Some(w) => index_arg(ctx, w)?,
        None => 0,
    };
    open_this(ctx, &args, "seek")?;
    if pos < 0 && whence == 0 {
        return Err(ctx.value_error(format!("negative seek value {pos}")));
    }
    if !(0..=2).contains(&whence) {
        return Err(ctx.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    let new = with_open(ctx, o, d, |t| {
        let base = match whence {
            0 => 0,
            1 => t.pos as i64,
            _ => t.buf.len() as i64,
        };
        t.pos = base.saturating_add(pos).max(0) as usize;
        t.pos
    })?;
    Ok(ctx.vm.int(new as i64))
}

fn b_tell<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = this(ctx, &args, "tell")?;
    positional(ctx, &args, "tell", 0, 0)?;
    let p = with_open(ctx, o, d, |t| t.pos)?;
    Ok(ctx.vm.int(p as i64))
}

fn b_truncate<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = this(ctx, &args, "truncate")?;
    let a = positional(ctx, &args, "truncate", 0, 1)?;
    let size = match not_none(a.first()) {
        Some(v) => match size_arg(ctx, Some(v))? {
            Some(n) => Some(n),
            None => {
                let n = index_arg(ctx, v)?;
                open_this(ctx, &args, "truncate")?;
                return Err(ctx.value_error(format!("negative size value {n}")));
            }
        },
        None => None,
    };
    let n = with_open(ctx, o, d, |t| {
        let size = size.unwrap_or(t.pos);
        if size < t.buf.len() {
            t.buf.truncate(size);
        }
        size
    })?;
    Ok(ctx.vm.int(n as i64))
}

fn close_state<B: Backend>(o: &PyRef<B>, d: &BinIo<B>) {
    o.write(&d.cell, |t| {
        t.closed = true;
        t.buf = Vec::new();
    });
}

fn b_close<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = this(ctx, &args, "close")?;
    positional(ctx, &args, "close", 0, 0)?;
    close_state(o, d);
    Ok(ctx.vm.core.none.clone())
}

fn b_flush<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    open_this(ctx, &args, "flush")?;
    positional(ctx, &args, "flush", 0, 0)?;
    Ok(ctx.vm.core.none.clone())
}

/// `readable()`, `writable()`, `seekable()`: `True` while open.
fn b_flag<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    open_this(ctx, &args, "readable")?;
    positional(ctx, &args, "readable", 0, 0)?;
    Ok(ctx.vm.bool(true))
}

fn b_isatty<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    open_this(ctx, &args, "isatty")?;
    positional(ctx, &args, "isatty", 0, 0)?;
    Ok(ctx.vm.bool(false))
}

fn b_fileno<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d) = this(ctx, &args, "fileno")?;
    Err(ctx.err(&d.unsupported, "fileno"))
}

fn b_detach<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, d) = this(ctx, &args, "detach")?;
    Err(ctx.err(&d.unsupported, "detach"))
}

fn b_enter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = open_this(ctx, &args, "__enter__")?;
    Ok(o.clone())
}

fn b_exit<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = this(ctx, &args, "__exit__")?;
    close_state(o, d);
    Ok(ctx.vm.core.none.clone())
}

/// `__iter__()`: the stream itself, even when closed (CPython's `BytesIO` does not check).
fn b_iter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "__iter__")?;
    Ok(o.clone())
}

fn b_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = this(ctx, &args, "__next__")?;
    let line = with_open(ctx, o, d, |t| t.readline(None))?;
    if line.is_empty() {
        return Err(ctx.stop_iteration());
    }
    Ok(bytes_obj(line))
}

fn b_closed<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, d) = this(ctx, &args, "closed")?;
    Ok(ctx.vm.bool(o.read(&d.cell, |t| t.closed)))
}
