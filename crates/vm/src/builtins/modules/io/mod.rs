//! The `io` module and the built-in `open()`.
//!
//! `open()` returns a native object whose class matches CPython's: `TextIOWrapper` for text,
//! `BufferedReader`/`BufferedWriter`/`BufferedRandom` for binary files, and `FileIO` for
//! unbuffered binary files (all in module `_io`). One Rust type, [`FileData`], backs all of
//! them; its [`Kind`] selects the class-specific error messages. The OS file and its buffers
//! are a [`file::State`] behind a `parking_lot` mutex; the mutex is taken without holding the
//! VM when it is contended (another thread may be blocked in an OS call while holding it), and
//! no Python code runs while it is held.
//!
//! The classes live in a hidden `_io` module (registered in `sys.modules`), created when the
//! `builtins` namespace is built; `open` is bound to it, and `import io` copies its contents.

mod file;

use super::os::{self, not_none, opt_str, params};
use super::sync::data;
use crate::backend::Backend;
use crate::builtins::methods::str::{Codec, index_arg, lookup_codec, unknown_encoding};
use crate::builtins::{Args, NativeFn, add, add_property};
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::eval::imports::new_module;
use crate::object::{BuiltinFn, Layout, NativeObj, Payload, PyRef};
use crate::ops::{dicts, is_true, iter, repr, type_name};
use crate::types::new_class;
use crate::vm::Vm;
use file::{BUFFER_SIZE, Newline, State, TextConfig};
use parking_lot::{Mutex, MutexGuard};
use std::io::{Seek, SeekFrom};
use std::sync::atomic::{AtomicBool, Ordering};

/// Which class a file object is; decides the error messages, as they differ per class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `TextIOWrapper`.
    Text,
    /// `BufferedReader`.
    Reader,
    /// `BufferedWriter`.
    Writer,
    /// `BufferedRandom`.
    Random,
    /// `FileIO` (`buffering=0`).
    Raw,
}

/// The Rust value inside a file object returned by `open()`.
pub struct FileData<B: Backend> {
    state: Mutex<State>,
    /// Set by `close()`; read without taking the mutex (which a thread blocked in an OS call
    /// may hold).
    closed: AtomicBool,
    /// The OS file descriptor.
    fd: Option<i64>,
    /// Whether the file is a terminal.
    tty: bool,
    kind: Kind,
    readable: bool,
    writable: bool,
    seekable: bool,
    /// `f.name`: the path as given (`str` or `bytes`).
    name: PyRef<B>,
    /// `f.mode`.
    mode: String,
    text: Option<TextConfig>,
    /// `io.UnsupportedOperation`.
    unsupported: PyRef<B>,
}

/// `EISDIR` (the same number on Linux, macOS and the BSDs).
const EISDIR: i32 = 21;

// ---------------------------------------------------------------------------------------------
// The module.
// ---------------------------------------------------------------------------------------------

/// Fills a namespace: for `builtins`, creates the `_io` module (the classes) and adds `open`
/// and the `OSError` extras; for the `io` module, copies `_io`'s contents.
pub(crate) fn fill<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>) {
    if ns.is(&vm.builtins) {
        os::install_errors(vm);
        let m = build(vm);
        if let Payload::Module(mo) = &m.payload
            && let Some(open) = dicts::get_text(&mo.dict, "open")
        {
            dicts::set_name(ns, vm.intern("open"), open);
        }
        dicts::set_name(&vm.modules, vm.intern("_io"), m);
        return;
    }
    let m = match dicts::get_text(&vm.modules, "_io") {
        Some(m) if matches!(m.payload, Payload::Module(_)) => m,
        _ => build(vm),
    };
    let Payload::Module(mo) = &m.payload else { return };
    let entries: Vec<(PyRef<B>, PyRef<B>)> = match &mo.dict.payload {
        Payload::Dict(d) => mo.dict.read(d, |t| {
            t.iter().filter_map(|e| e.value.clone().map(|v| (e.key.clone(), v))).collect()
        }),
        _ => Vec::new(),
    };
    for (k, v) in entries {
        if crate::ops::as_str(&k) != Some("__name__") {
            dicts::set_name(ns, k, v);
        }
    }
}

/// Creates the `_io` module: the classes, `open`, and the constants.
fn build<B: Backend>(vm: &Vm<B>) -> PyRef<B> {
    let m = new_module(vm, "_io");
    let Payload::Module(mo) = &m.payload else { return m };
    let ns = &mo.dict;
    let put = |name: &str, v: PyRef<B>| dicts::set_name(ns, vm.intern(name), v);
    let base = new_class::<B>("IOBase", "io", vm.object_type.clone(), Layout::Builtin);
    let methods: [(&'static str, NativeFn<B>); 21] = [
        ("__new__", f_new),
        ("read", f_read),
        ("readline", f_readline),
        ("readlines", f_readlines),
        ("write", f_write),
        ("writelines", f_writelines),
        ("flush", f_flush),
        ("close", f_close),
        ("seek", f_seek),
        ("tell", f_tell),
        ("truncate", f_truncate),
        ("readable", f_readable),
        ("writable", f_writable),
        ("seekable", f_seekable),
        ("fileno", f_fileno),
        ("isatty", f_isatty),
        ("__enter__", f_enter),
        ("__exit__", f_exit),
        ("__iter__", f_iter),
        ("__next__", f_next),
        ("__repr__", f_repr),
    ];
    for (name, f) in methods {
        add(vm, &base, name, f);
    }
    add_property(vm, &base, "closed", p_closed);
    add_property(vm, &base, "name", p_name);
    add_property(vm, &base, "mode", p_mode);
    let sub = |name: &str, module: &str, b: &PyRef<B>| {
        new_class::<B>(name, module, b.clone(), Layout::Builtin)
    };
    let raw_base = sub("RawIOBase", "io", &base);
    let buffered_base = sub("BufferedIOBase", "io", &base);
    let text_base = sub("TextIOBase", "io", &base);
    let text = sub("TextIOWrapper", "_io", &text_base);
    for (name, getter) in [
        ("encoding", p_encoding as NativeFn<B>),
        ("errors", p_errors),
        ("newlines", p_newlines),
        ("line_buffering", p_line_buffering),
    ] {
        add_property(vm, &text, name, getter);
    }
    put("IOBase", base);
    put("RawIOBase", raw_base.clone());
    put("TextIOBase", text_base);
    put("FileIO", sub("FileIO", "_io", &raw_base));
    put("BufferedReader", sub("BufferedReader", "_io", &buffered_base));
    put("BufferedWriter", sub("BufferedWriter", "_io", &buffered_base));
    put("BufferedRandom", sub("BufferedRandom", "_io", &buffered_base));
    put("BufferedIOBase", buffered_base);
    put("TextIOWrapper", text);
    put(
        "UnsupportedOperation",
        new_class::<B>("UnsupportedOperation", "io", vm.exc.os_error.clone(), Layout::Exception),
    );
    put("DEFAULT_BUFFER_SIZE", vm.int(BUFFER_SIZE as i64));
    put("SEEK_SET", vm.int(0));
    put("SEEK_CUR", vm.int(1));
    put("SEEK_END", vm.int(2));
    // `open` carries the module as its receiver, so it finds the classes without a global.
    let open = PyRef::new(Payload::Builtin(Box::new(BuiltinFn {
        name: "open",
        func: io_open,
        bound: Some(m.clone()),
    })));
    put("open", open);
    m
}

// ---------------------------------------------------------------------------------------------
// open()
// ---------------------------------------------------------------------------------------------

/// What a mode string asks for.
#[derive(Default)]
struct Mode {
    creating: bool,
    reading: bool,
    writing: bool,
    appending: bool,
    updating: bool,
    text: bool,
    binary: bool,
}

fn parse_mode<B: Backend>(ctx: &Ctx<'_, B>, mode: &str) -> PyResult<B, Mode> {
    let mut m = Mode::default();
    let invalid = || ctx.value_error(format!("invalid mode: '{mode}'"));
    for (i, c) in mode.char_indices() {
        let flag = match c {
            'x' => &mut m.creating,
            'r' => &mut m.reading,
            'w' => &mut m.writing,
            'a' => &mut m.appending,
            '+' => &mut m.updating,
            't' => &mut m.text,
            'b' => &mut m.binary,
            _ => return Err(invalid()),
        };
        *flag = true;
        if mode[i + c.len_utf8()..].contains(c) {
            return Err(invalid());
        }
    }
    if m.text && m.binary {
        return Err(ctx.value_error("can't have text and binary mode at once"));
    }
    let n = [m.creating, m.reading, m.writing, m.appending].iter().filter(|&&b| b).count();
    if n > 1 {
        return Err(ctx.value_error("must have exactly one of create/read/write/append mode"));
    }
    Ok(m)
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
/// opener=None)`; the receiver (first argument) is the `_io` module.
fn io_open<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let vm = ctx.vm;
    let names = ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"];
    let p = params(ctx, &args, 1, "open", &names, 1)?;
    let Some(module) = args.args.first() else { return Err(ctx.type_error("open: no module")) };
    let Some(file) = p[0] else { return Err(ctx.type_error("open() missing argument")) };
    let mode_text = match p[1] {
        None => "r",
        Some(v) => match &v.payload {
            Payload::Str(s) => s.as_str(),
            _ => {
                return Err(ctx.type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    type_name(vm, v)
                )));
            }
        },
    };
    let buffering = match p[2] {
        Some(v) => index_arg(ctx, v)?,
        None => -1,
    };
    let encoding = opt_str(ctx, p[3], "open", "encoding")?;
    let errors = opt_str(ctx, p[4], "open", "errors")?;
    let newline = opt_str(ctx, p[5], "open", "newline")?;
    let closefd = match p[6] {
        Some(v) => is_true(ctx, v)?,
        None => true,
    };
    let m = parse_mode(ctx, mode_text)?;
    if m.binary {
        for (given, what) in [
            (encoding.is_some(), "an encoding"),
            (errors.is_some(), "an errors"),
            (newline.is_some(), "a newline"),
        ] {
            if given {
                return Err(ctx.value_error(format!("binary mode doesn't take {what} argument")));
            }
        }
    }
    let unsupported = module_attr(ctx, module, "UnsupportedOperation")?;
    if matches!(file.payload, Payload::Int(_) | Payload::Bool(_)) {
        return Err(ctx.err(&unsupported, "gil-lab: open() of a file descriptor is not supported"));
    }
    let path = os::fspath(ctx, file, None)?;
    if !(m.creating || m.reading || m.writing || m.appending) {
        return Err(ctx.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    if !closefd {
        return Err(ctx.value_error("Cannot use closefd=False with file name"));
    }
    if not_none(p[7]).is_some() {
        return Err(ctx.err(&unsupported, "gil-lab: open() does not support an opener"));
    }
    let readable = m.reading || m.updating;
    let writable = m.writing || m.appending || m.creating || m.updating;
    let mut opts = std::fs::OpenOptions::new();
    opts.read(readable)
        .write(writable && !m.appending)
        .append(m.appending)
        .truncate(m.writing)
        .create(m.writing || m.appending)
        .create_new(m.creating);
    let target = path.path.clone();
    let appending = m.appending;
    let opened = os::blocking(ctx, move || {
        let mut f = opts.open(&target)?;
        if f.metadata()?.is_dir() {
            return Err(std::io::Error::from_raw_os_error(EISDIR));
        }
        if appending {
            f.seek(SeekFrom::End(0))?;
        }
        let seekable = f.stream_position().is_ok();
        let tty = std::io::IsTerminal::is_terminal(&f);
        Ok((f, seekable, tty))
    });
    let (f, seekable, tty) = opened.map_err(|e| os::os_error(ctx, &e, Some(&path.obj), None))?;
    // As in CPython, these are checked once the file is open (a failure closes it again).
    let text = if m.binary {
        None
    } else {
        if buffering == 0 {
            return Err(ctx.value_error("can't have unbuffered text I/O"));
        }
        let nl = match newline {
            None => Newline::Universal,
            Some("") => Newline::Untranslated,
            Some("\n") => Newline::Lf,
            Some("\r") => Newline::Cr,
            Some("\r\n") => Newline::CrLf,
            Some(other) => return Err(ctx.value_error(format!("illegal newline value: {other}"))),
        };
        let codec = match encoding {
            None => Codec::Utf8,
            Some(e) => match lookup_codec(e) {
                Some(c @ (Codec::Utf8 | Codec::Ascii | Codec::Latin1)) => c,
                Some(_) => {
                    return Err(ctx.err(
                        &vm.exc.lookup_error,
                        format!("gil-lab: text files do not support the encoding '{e}'"),
                    ));
                }
                None => return Err(unknown_encoding(ctx, e)),
            },
        };
        Some(TextConfig {
            codec,
            encoding: encoding.unwrap_or("UTF-8").to_string(),
            errors: errors.unwrap_or("strict").to_string(),
            newline: nl,
            line_buffering: buffering == 1 || (buffering < 0 && tty),
        })
    };
    let kind = match (&text, buffering, m.updating, m.reading) {
        (Some(_), ..) => Kind::Text,
        (None, 0, ..) => Kind::Raw,
        (None, _, true, _) => Kind::Random,
        (None, _, false, true) => Kind::Reader,
        (None, ..) => Kind::Writer,
    };
    let mode = if text.is_some() {
        mode_text.to_string()
    } else {
        let plus = if readable && writable { "+" } else { "" };
        if m.creating {
            format!("xb{plus}")
        } else if m.appending {
            format!("ab{plus}")
        } else if readable {
            format!("rb{plus}")
        } else {
            "wb".to_string()
        }
    };
    let class_name = match kind {
        Kind::Text => "TextIOWrapper",
        Kind::Reader => "BufferedReader",
        Kind::Writer => "BufferedWriter",
        Kind::Random => "BufferedRandom",
        Kind::Raw => "FileIO",
    };
    let class = module_attr(ctx, module, class_name)?;
    let buffer_size = match (kind, buffering) {
        (Kind::Raw, _) => 0,
        (_, b) if b > 1 => b as usize,
        _ => BUFFER_SIZE,
    };
    let state = State::new(f, buffer_size);
    let data: FileData<B> = FileData {
        fd: state.fileno(),
        closed: AtomicBool::new(false),
        tty,
        state: Mutex::new(state),
        kind,
        readable,
        writable,
        seekable,
        name: path.obj,
        mode,
        text,
        unsupported,
    };
    Ok(PyRef::new(Payload::Native(Box::new(NativeObj { class, data: Box::new(data) }))))
}

/// An attribute of the `_io` module.
fn module_attr<B: Backend>(ctx: &Ctx<'_, B>, module: &PyRef<B>, name: &str) -> PyResult<B> {
    match &module.payload {
        Payload::Module(m) => dicts::get_text(&m.dict, name),
        _ => None,
    }
    .ok_or_else(|| ctx.runtime_error(format!("io: _io.{name} is missing")))
}

// ---------------------------------------------------------------------------------------------
// Helpers of the methods.
// ---------------------------------------------------------------------------------------------

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
fn size_arg<B: Backend>(ctx: &mut Ctx<'_, B>, v: Option<&PyRef<B>>) -> PyResult<B, Option<usize>> {
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

/// A line read by `readline`/`__next__`: `Ok(None)` at end of file.
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
fn f_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let name = match args.args.first().map(|c| &c.payload) {
        Some(Payload::Type(t)) => format!("{}.{}", t.module, t.name),
        _ => "IOBase".to_string(),
    };
    Err(ctx.type_error(format!("gil-lab: cannot create '{name}' instances; use open()")))
}

fn f_read<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
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

fn f_readline<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    let p = params(ctx, &args, 1, "readline", &["size"], 0)?;
    let n = size_arg(ctx, p[0])?;
    check_readable(ctx, d, "readline")?;
    let line = read_line(ctx, d, n)?;
    Ok(line.into_object(ctx.vm))
}

fn f_readlines<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
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
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    let items = lines.into_iter().map(|l| l.into_object(ctx.vm)).collect();
    Ok(ctx.vm.list(items))
}

fn f_write<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    let p = params(ctx, &args, 1, "write", &["b"], 1)?;
    let Some(v) = p[0] else { return Err(ctx.type_error("write() missing argument")) };
    let n = write_one(ctx, d, v)?;
    Ok(ctx.vm.int(n as i64))
}

fn f_writelines<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    let p = params(ctx, &args, 1, "writelines", &["lines"], 1)?;
    let Some(lines) = p[0] else { return Err(ctx.type_error("writelines() missing argument")) };
    check_open(ctx, d, CLOSED_DOT)?;
    let it = iter::get_iter(ctx, lines)?;
    while let Some(v) = iter::next(ctx, &it)? {
        write_one(ctx, d, &v)?;
    }
    Ok(ctx.vm.none.clone())
}

fn f_flush<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    params(ctx, &args, 1, "flush", &[], 0)?;
    let msg = match d.kind {
        Kind::Writer | Kind::Random => "flush of closed file",
        _ => CLOSED_DOT,
    };
    check_open(ctx, d, msg)?;
    lock(ctx, d).flush(ctx)?;
    Ok(ctx.vm.none.clone())
}

fn f_close<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    params(ctx, &args, 1, "close", &[], 0)?;
    close(ctx, d)?;
    Ok(ctx.vm.none.clone())
}

fn f_seek<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
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

fn f_tell<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
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

fn f_truncate<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
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

fn f_readable<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    flag_method(ctx, &args, "readable", |d| d.readable)
}

fn f_writable<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    flag_method(ctx, &args, "writable", |d| d.writable)
}

fn f_seekable<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    flag_method(ctx, &args, "seekable", |d| d.seekable)
}

fn f_isatty<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    flag_method(ctx, &args, "isatty", |d| d.tty)
}

fn f_fileno<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    params(ctx, &args, 1, "fileno", &[], 0)?;
    check_open(ctx, d, CLOSED)?;
    match d.fd {
        Some(fd) => Ok(ctx.vm.int(fd)),
        None => Err(unsupported(ctx, d, "fileno")),
    }
}

fn f_enter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    check_open(ctx, d, CLOSED_DOT)?;
    Ok(args.args[0].clone())
}

fn f_exit<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    close(ctx, d)?;
    Ok(ctx.vm.none.clone())
}

fn f_iter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    params(ctx, &args, 1, "__iter__", &[], 0)?;
    check_open(ctx, d, CLOSED_DOT)?;
    Ok(args.args[0].clone())
}

fn f_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    params(ctx, &args, 1, "__next__", &[], 0)?;
    check_readable(ctx, d, "readline")?;
    let line = read_line(ctx, d, None)?;
    if line.is_empty() {
        return Err(ctx.stop_iteration());
    }
    Ok(line.into_object(ctx.vm))
}

fn f_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
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
            py_str_repr(&d.mode),
            py_str_repr(&cfg.encoding)
        ),
        (None, Kind::Raw) => {
            format!("<{cname} name={name} mode={} closefd=True>", py_str_repr(&d.mode))
        }
        (None, _) => format!("<{cname} name={name}>"),
    };
    Ok(ctx.vm.str(text))
}

/// The repr of a plain ASCII-ish setting (mode, encoding name).
fn py_str_repr(s: &str) -> String {
    if s.contains('\'') && !s.contains('"') { format!("\"{s}\"") } else { format!("'{s}'") }
}

fn p_closed<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    Ok(ctx.vm.bool(is_closed(d)))
}

fn p_name<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    Ok(this(ctx, &args)?.name.clone())
}

fn p_mode<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
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

fn p_encoding<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    let cfg = text_cfg(ctx, d, "encoding")?;
    Ok(ctx.vm.str(cfg.encoding.as_str()))
}

fn p_errors<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    let cfg = text_cfg(ctx, d, "errors")?;
    Ok(ctx.vm.str(cfg.errors.as_str()))
}

fn p_line_buffering<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    let cfg = text_cfg(ctx, d, "line_buffering")?;
    Ok(ctx.vm.bool(cfg.line_buffering))
}

fn p_newlines<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let d = this(ctx, &args)?;
    text_cfg(ctx, d, "newlines")?;
    let seen = file::newlines_tuple(lock(ctx, d).newlines_seen());
    let vm = ctx.vm;
    Ok(match seen.as_slice() {
        [] => vm.none.clone(),
        [one] => vm.str(*one),
        many => vm.tuple(many.iter().map(|s| vm.str(*s)).collect()),
    })
}
