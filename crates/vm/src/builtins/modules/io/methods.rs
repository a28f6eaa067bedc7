//! The methods and properties of file objects, with each class's error messages.

use super::file::{self, State, TextConfig};
use super::{FileData, Kind};
use crate::backend::Backend;
use crate::builtins::Args;
use crate::builtins::methods::text::index_arg;
use crate::builtins::modules::os::{self, not_none, params};
use crate::builtins::modules::sync::data;
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::fmt::str_repr;
use crate::object::{Payload, PyRef};
use crate::ops::{iter, repr, type_name};
use crate::vm::Vm;
use parking_lot::MutexGuard;
use std::sync::atomic::Ordering;

fn this<'a, B: Backend>(ctx: &Ctx<'_, B>, args: &Args<'a, B>) -> PyResult<B, &'a FileData<B>> {
    let o = args.args.first();
    o.and_then(|o| data::<B, FileData<B>>(o)).ok_or_else(|| {
        let t = o.map_or_else(|| "nothing".to_string(), |o| type_name(ctx.vm, o));
        ctx.type_error(format!("descriptor requires a '_io._IOBase' object but received a '{t}'"))
    })
}

/// Locks the file's state; when another thread holds it (it may be blocked in an OS call),
/// waits with the VM released.
fn lock<'a, B: Backend>(ctx: &mut Ctx<'_, B>, d: &'a FileData<B>) -> MutexGuard<'a, State> {
    match d.state.try_lock() {
        Some(g) => g,
        None => ctx.allow_threads(|| d.state.lock()),
    }
}

fn is_closed<B: Backend>(d: &FileData<B>) -> bool {
    // Acquire: pairs with the release in `close`.
    d.closed.load(Ordering::Acquire)
}

/// `close()`: closes the OS file (once) and marks the object closed.
fn close<B: Backend>(ctx: &mut Ctx<'_, B>, d: &FileData<B>) -> PyResult<B, ()> {
    let mut st = lock(ctx, d);
    let r = st.close(ctx);
    d.closed.store(st.is_closed(), Ordering::Release);
    r
}

fn closed_err<B: Backend>(ctx: &Ctx<'_, B>, msg: &str) -> PyErr<B> {
    ctx.value_error(msg)
}

fn unsupported<B: Backend>(ctx: &Ctx<'_, B>, d: &FileData<B>, msg: &str) -> PyErr<B> {
    ctx.err(&d.unsupported, msg)
}

const CLOSED_DOT: &str = "I/O operation on closed file.";
const CLOSED: &str = "I/O operation on closed file";

/// Checks that the file can be read, with each class's messages (`what`: `read`/`readline`).
fn check_readable<B: Backend>(ctx: &Ctx<'_, B>, d: &FileData<B>, what: &str) -> PyResult<B, ()> {
    let closed = is_closed(d);
    match d.kind {
        Kind::Text if closed => Err(closed_err(ctx, CLOSED_DOT)),
        Kind::Text if !d.readable => Err(unsupported(ctx, d, "not readable")),
        Kind::Writer => Err(unsupported(ctx, d, "read")),
        Kind::Reader | Kind::Random if closed => {
            Err(closed_err(ctx, &format!("{what} of closed file")))
        }
        Kind::Raw if closed => Err(closed_err(ctx, CLOSED)),
        Kind::Raw if !d.readable => Err(unsupported(ctx, d, "File not open for reading")),
        _ => Ok(()),
    }
}

/// Checks that the file can be written, with each class's messages.
fn check_writable<B: Backend>(ctx: &Ctx<'_, B>, d: &FileData<B>) -> PyResult<B, ()> {
    let closed = is_closed(d);
    match d.kind {
        Kind::Text if closed => Err(closed_err(ctx, CLOSED_DOT)),
        Kind::Text if !d.writable => Err(unsupported(ctx, d, "not writable")),
        Kind::Reader => Err(unsupported(ctx, d, "write")),
        Kind::Writer | Kind::Random if closed => Err(closed_err(ctx, "write to closed file")),
        Kind::Raw if closed => Err(closed_err(ctx, CLOSED)),
        Kind::Raw if !d.writable => Err(unsupported(ctx, d, "File not open for writing")),
        _ => Ok(()),
    }
}

/// Raises `ValueError(msg)` if the file is closed.
fn check_open<B: Backend>(ctx: &Ctx<'_, B>, d: &FileData<B>, msg: &str) -> PyResult<B, ()> {
    if is_closed(d) { Err(closed_err(ctx, msg)) } else { Ok(()) }
}

/// A `size`/`limit` argument: `None` or a negative int means "no limit".
pub(super) fn size_arg<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    v: Option<&PyRef<B>>,
) -> PyResult<B, Option<usize>> {
    let Some(v) = v else { return Ok(None) };
    let n = match &v.payload {
        Payload::None => return Ok(None),
        Payload::Int(_) | Payload::Bool(_) | Payload::BigInt(_) | Payload::Instance(_) => {
            index_arg(ctx, v)?
        }
        _ => {
            return Err(ctx.type_error(format!(
                "argument should be integer or None, not '{}'",
                type_name(ctx.vm, v)
            )));
        }
    };
    Ok(usize::try_from(n).ok())
}

fn bytes_obj<B: Backend>(b: Vec<u8>) -> PyRef<B> {
    PyRef::new(Payload::Bytes(b.into_boxed_slice()))
}

/// What `read`/`readline` hand out (empty at end of file).
enum Line {
    Text(String),
    Bytes(Vec<u8>),
}

impl Line {
    fn is_empty(&self) -> bool {
        match self {
            Line::Text(s) => s.is_empty(),
            Line::Bytes(b) => b.is_empty(),
        }
    }

    fn len(&self) -> usize {
        match self {
            Line::Text(s) => s.chars().count(),
            Line::Bytes(b) => b.len(),
        }
    }

    fn into_object<B: Backend>(self, vm: &Vm<B>) -> PyRef<B> {
        match self {
            Line::Text(s) => vm.str(s),
            Line::Bytes(b) => bytes_obj(b),
        }
    }
}

fn read_line<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    d: &FileData<B>,
    limit: Option<usize>,
) -> PyResult<B, Line> {
    let mut st = lock(ctx, d);
    match &d.text {
        Some(cfg) => st.readline_text(ctx, cfg, limit).map(Line::Text),
        None => st.readline(ctx, limit).map(Line::Bytes),
    }
}

fn write_one<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    d: &FileData<B>,
    v: &PyRef<B>,
) -> PyResult<B, usize> {
    match (&d.text, &v.payload) {
        (Some(cfg), Payload::Str(s)) => {
            check_writable(ctx, d)?;
            let text = s.as_str();
            let mut st = lock(ctx, d);
            st.write_text(ctx, cfg, text)?;
            Ok(text.chars().count())
        }
        (Some(_), _) => {
            Err(ctx
                .type_error(format!("write() argument must be str, not {}", type_name(ctx.vm, v))))
        }
        (None, _) if d.kind == Kind::Reader => Err(unsupported(ctx, d, "write")),
        (None, Payload::Bytes(b)) => {
            check_writable(ctx, d)?;
            // Copied before the call: the OS write must not read the object's memory.
            let data = b.to_vec();
            let mut st = lock(ctx, d);
            st.write(ctx, data)
        }
        (None, _) => Err(ctx.type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(ctx.vm, v)
        ))),
    }
}

// ---------------------------------------------------------------------------------------------
// The methods.
// ---------------------------------------------------------------------------------------------

/// Calling a file class directly is not supported (only `open()` makes file objects).
pub(super) fn f_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let name = match args.args.first().map(|c| &c.payload) {
        Some(Payload::Type(t)) => format!("{}.{}", t.module, t.name),
        _ => "IOBase".to_string(),
    };
    Err(ctx.type_error(format!("gil-lab: cannot create '{name}' instances; use open()")))
}

pub(super) fn f_read<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    let p = params(ctx, &args, 1, "read", &["size"], 0)?;
    let n = size_arg(ctx, p[0])?;
    check_readable(ctx, d, "read")?;
    let mut st = lock(ctx, d);
    let out = match &d.text {
        Some(cfg) => Line::Text(st.read_text(ctx, cfg, n)?),
        None => Line::Bytes(st.read(ctx, n)?),
    };
    drop(st);
    Ok(out.into_object(ctx.vm))
}

pub(super) fn f_readline<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    let p = params(ctx, &args, 1, "readline", &["size"], 0)?;
    let n = size_arg(ctx, p[0])?;
    check_readable(ctx, d, "readline")?;
    let line = read_line(ctx, d, n)?;
    Ok(line.into_object(ctx.vm))
}

pub(super) fn f_readlines<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    let p = params(ctx, &args, 1, "readlines", &["hint"], 0)?;
    let hint = size_arg(ctx, p[0])?.filter(|&h| h > 0);
    check_open(ctx, d, CLOSED_DOT)?;
    check_readable(ctx, d, "readline")?;
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let line = read_line(ctx, d, None)?;
        if line.is_empty() {
            break;
        }
        total += line.len();
        lines.push(line);
        if hint.is_some_and(|h| total > h) {
            break;
        }
    }
    let items = lines.into_iter().map(|l| l.into_object(ctx.vm)).collect();
    Ok(ctx.vm.list(items))
}

pub(super) fn f_write<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    let p = params(ctx, &args, 1, "write", &["b"], 1)?;
    let Some(v) = p[0] else { return Err(ctx.type_error("write() missing argument")) };
    let n = write_one(ctx, d, v)?;
    Ok(ctx.vm.int(n as i64))
}

pub(super) fn f_writelines<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    let p = params(ctx, &args, 1, "writelines", &["lines"], 1)?;
    let Some(lines) = p[0] else { return Err(ctx.type_error("writelines() missing argument")) };
    check_open(ctx, d, CLOSED_DOT)?;
    let it = iter::get_iter(ctx, lines)?;
    while let Some(v) = iter::next(ctx, &it)? {
        write_one(ctx, d, &v)?;
    }
    Ok(ctx.vm.core.none.clone())
}

pub(super) fn f_flush<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    params(ctx, &args, 1, "flush", &[], 0)?;
    let msg = match d.kind {
        Kind::Writer | Kind::Random => "flush of closed file",
        _ => CLOSED_DOT,
    };
    check_open(ctx, d, msg)?;
    lock(ctx, d).flush(ctx)?;
    Ok(ctx.vm.core.none.clone())
}

pub(super) fn f_close<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    params(ctx, &args, 1, "close", &[], 0)?;
    close(ctx, d)?;
    Ok(ctx.vm.core.none.clone())
}

pub(super) fn f_seek<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    let p = params(ctx, &args, 1, "seek", &["cookie", "whence"], 1)?;
    let Some(off) = p[0] else { return Err(ctx.type_error("seek() missing argument")) };
    let off = index_arg(ctx, off)?;
    let whence = match p[1] {
        Some(w) => index_arg(ctx, w)?,
        None => 0,
    };
    let not_seekable = |ctx: &Ctx<'_, B>, msg: &str| Err(unsupported(ctx, d, msg));
    let pos = match &d.text {
        Some(cfg) => {
            check_open(ctx, d, CLOSED_DOT)?;
            if !d.seekable {
                return not_seekable(ctx, "underlying stream is not seekable");
            }
            match whence {
                0 if off < 0 => {
                    return Err(ctx.value_error(format!("negative seek position {off}")));
                }
                1 if off != 0 => return not_seekable(ctx, "can't do nonzero cur-relative seeks"),
                2 if off != 0 => return not_seekable(ctx, "can't do nonzero end-relative seeks"),
                0..=2 => {}
                _ => {
                    return Err(
                        ctx.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))
                    );
                }
            }
            let mut st = lock(ctx, d);
            st.seek_text(ctx, cfg, off, whence as u8)?
        }
        None => {
            if !(0..=2).contains(&whence) {
                if d.kind == Kind::Raw {
                    check_open(ctx, d, CLOSED)?;
                    return Err(os::errno_error(ctx, 22, None));
                }
                return Err(ctx.value_error(format!("whence value {whence} unsupported")));
            }
            let msg = if d.kind == Kind::Raw { CLOSED } else { "seek of closed file" };
            check_open(ctx, d, msg)?;
            if !d.seekable {
                return not_seekable(ctx, "File or stream is not seekable.");
            }
            let mut st = lock(ctx, d);
            st.seek(ctx, off, whence as u8)?
        }
    };
    Ok(ctx.vm.int(pos as i64))
}

pub(super) fn f_tell<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    params(ctx, &args, 1, "tell", &[], 0)?;
    check_open(ctx, d, if d.kind == Kind::Text { CLOSED_DOT } else { CLOSED })?;
    let mut st = lock(ctx, d);
    let pos = match &d.text {
        Some(cfg) => st.tell_text(ctx, cfg)?,
        None => st.tell(ctx)?,
    };
    drop(st);
    Ok(ctx.vm.int(pos as i64))
}

pub(super) fn f_truncate<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    let p = params(ctx, &args, 1, "truncate", &["pos"], 0)?;
    let size = match not_none(p[0]) {
        Some(v) => match u64::try_from(index_arg(ctx, v)?) {
            Ok(s) => Some(s),
            Err(_) => return Err(os::errno_error(ctx, 22, None)),
        },
        None => None,
    };
    match d.kind {
        Kind::Text => check_open(ctx, d, CLOSED_DOT)?,
        Kind::Raw => check_open(ctx, d, CLOSED)?,
        Kind::Reader => return Err(unsupported(ctx, d, "truncate")),
        _ => check_open(ctx, d, "truncate of closed file")?,
    }
    if !d.writable {
        let msg = if d.kind == Kind::Raw { "File not open for writing" } else { "truncate" };
        return Err(unsupported(ctx, d, msg));
    }
    let mut st = lock(ctx, d);
    let n = match &d.text {
        Some(cfg) => st.truncate_text(ctx, cfg, size)?,
        None => st.truncate(ctx, size)?,
    };
    drop(st);
    Ok(ctx.vm.int(n as i64))
}

fn flag_method<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: &Args<'_, B>,
    name: &str,
    get: fn(&FileData<B>) -> bool,
) -> PyResult<B> {
    let d = this(ctx, args)?;
    params(ctx, args, 1, name, &[], 0)?;
    // The buffered and text classes answer a fixed `False` without looking at the file.
    let fixed_no = matches!(name, "readable" | "writable") && d.kind != Kind::Raw && !get(d);
    if !fixed_no {
        check_open(ctx, d, CLOSED)?;
    }
    Ok(ctx.vm.bool(get(d)))
}

pub(super) fn f_readable<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    flag_method(ctx, &args, "readable", |d| d.readable)
}

pub(super) fn f_writable<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    flag_method(ctx, &args, "writable", |d| d.writable)
}

pub(super) fn f_seekable<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    flag_method(ctx, &args, "seekable", |d| d.seekable)
}

pub(super) fn f_isatty<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    flag_method(ctx, &args, "isatty", |d| d.tty)
}

pub(super) fn f_fileno<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    params(ctx, &args, 1, "fileno", &[], 0)?;
    check_open(ctx, d, CLOSED)?;
    match d.fd {
        Some(fd) => Ok(ctx.vm.int(fd)),
        None => Err(unsupported(ctx, d, "fileno")),
    }
}

pub(super) fn f_enter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    check_open(ctx, d, CLOSED_DOT)?;
    Ok(args.args[0].clone())
}

pub(super) fn f_exit<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    close(ctx, d)?;
    Ok(ctx.vm.core.none.clone())
}

pub(super) fn f_iter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    params(ctx, &args, 1, "__iter__", &[], 0)?;
    check_open(ctx, d, CLOSED_DOT)?;
    Ok(args.args[0].clone())
}

pub(super) fn f_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    params(ctx, &args, 1, "__next__", &[], 0)?;
    check_readable(ctx, d, "readline")?;
    let line = read_line(ctx, d, None)?;
    if line.is_empty() {
        return Err(ctx.stop_iteration());
    }
    Ok(line.into_object(ctx.vm))
}

pub(super) fn f_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    let class = crate::ops::type_of(ctx.vm, &args.args[0]);
    let cname = match &class.payload {
        Payload::Type(t) => format!("{}.{}", t.module, t.qualname),
        _ => "?".into(),
    };
    if d.kind == Kind::Raw && is_closed(d) {
        return Ok(ctx.vm.str(format!("<{cname} [closed]>")));
    }
    let name = repr::repr(ctx, &d.name)?;
    let text = match (&d.text, d.kind) {
        (Some(cfg), _) => format!(
            "<{cname} name={name} mode={} encoding={}>",
            str_repr(&d.mode),
            str_repr(&cfg.encoding)
        ),
        (None, Kind::Raw) => {
            format!("<{cname} name={name} mode={} closefd=True>", str_repr(&d.mode))
        }
        (None, _) => format!("<{cname} name={name}>"),
    };
    Ok(ctx.vm.str(text))
}

pub(super) fn p_closed<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    Ok(ctx.vm.bool(is_closed(d)))
}

pub(super) fn p_name<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    Ok(this(ctx, &args)?.name.clone())
}

pub(super) fn p_mode<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    Ok(ctx.vm.str(d.mode.as_str()))
}

fn text_cfg<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    d: &'a FileData<B>,
    attr: &str,
) -> PyResult<B, &'a TextConfig> {
    d.text.as_ref().ok_or_else(|| ctx.attribute_error(format!("object has no attribute '{attr}'")))
}

pub(super) fn p_encoding<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    let cfg = text_cfg(ctx, d, "encoding")?;
    Ok(ctx.vm.str(cfg.encoding.as_str()))
}

pub(super) fn p_errors<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    let cfg = text_cfg(ctx, d, "errors")?;
    Ok(ctx.vm.str(cfg.errors.as_str()))
}

pub(super) fn p_line_buffering<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    let cfg = text_cfg(ctx, d, "line_buffering")?;
    Ok(ctx.vm.bool(cfg.line_buffering))
}

pub(super) fn p_newlines<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    text_cfg(ctx, d, "newlines")?;
    let seen = file::newlines_tuple(lock(ctx, d).newlines_seen());
    let vm = ctx.vm;
    Ok(match seen.as_slice() {
        [] => vm.core.none.clone(),
        [one] => vm.str(*one),
        many => vm.tuple(many.iter().map(|s| vm.str(*s)).collect()),
    })
}
