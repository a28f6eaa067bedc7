//! The `os` module: process facts (`getpid`, `cpu_count`, `environ`, `getenv`), the working
//! directory, files and directories (`remove`, `listdir`, `mkdir`, `rename`, ...), `urandom`,
//! the path constants, and `os.path` (in `path.rs`).
//!
//! Also the helpers the `io` module shares: CPython-style argument parsing ([`params`]), path
//! arguments ([`fspath`]) and `OSError`s built from Rust I/O errors ([`os_error`]), with the
//! `errno`/`strerror`/`filename` attributes and `str(e)` CPython gives them.
//!
//! Every filesystem call runs inside `Ctx::allow_threads`; the closures capture only Rust data
//! (paths as `PathBuf`, byte buffers) and their results are turned into objects afterwards
//! (docs/safety.md, I1).

mod path;

use crate::backend::Backend;
use crate::builtins::methods::str::index_arg;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::eval::imports::new_module;
use crate::object::dict::Dict;
use crate::object::{Layout, Payload, PyRef};
use crate::ops::{attr, dicts, is_subclass, is_true, repr, type_name};
use crate::types::new_type;
use crate::vm::Vm;
use std::io;
use std::path::PathBuf;

// ---------------------------------------------------------------------------------------------
// Shared helpers.
// ---------------------------------------------------------------------------------------------

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Binds the arguments of built-in `fname` to the parameters `names` (the first `required` of
/// them required), raising CPython's argument-clinic `TypeError`s. `skip` leading positional
/// values (a method's `self`) are not counted.
pub(crate) fn params<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    skip: usize,
    fname: &str,
    names: &[&str],
    required: usize,
) -> PyResult<B, Vec<Option<&'a PyRef<B>>>> {
    params_kw(ctx, args, skip, fname, names, required, names.len())
}

/// [`params`] where only the first `max_pos` parameters may be given by position (the rest
/// are keyword-only, like `dir_fd`).
pub(crate) fn params_kw<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    skip: usize,
    fname: &str,
    names: &[&str],
    required: usize,
    max_pos: usize,
) -> PyResult<B, Vec<Option<&'a PyRef<B>>>> {
    let pos = args.positional().get(skip..).unwrap_or(&[]);
    if names.is_empty() && (!pos.is_empty() || !args.kwnames.is_empty()) {
        let n = pos.len() + args.kwnames.len();
        return Err(ctx.type_error(format!("{fname}() takes no arguments ({n} given)")));
    }
    if pos.len() > max_pos {
        let (n, max) = (pos.len(), max_pos);
        let msg = if required == max {
            format!("{fname}() takes exactly {max} positional argument{} ({n} given)", plural(max))
        } else {
            format!("{fname}() takes at most {max} argument{} ({n} given)", plural(max))
        };
        return Err(ctx.type_error(msg));
    }
    let mut out: Vec<Option<&'a PyRef<B>>> = vec![None; names.len()];
    for (slot, v) in out.iter_mut().zip(pos) {
        *slot = Some(v);
    }
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if i < pos.len() => {
                return Err(ctx.type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    i + 1
                )));
            }
            Some(i) => out[i] = Some(v),
            None => {
                return Err(
                    ctx.type_error(format!("'{k}' is an invalid keyword argument for {fname}()"))
                );
            }
        }
    }
    if let Some(i) = out.iter().take(required).position(Option::is_none) {
        return Err(ctx.type_error(format!(
            "{fname}() missing required argument '{}' (pos {})",
            names[i],
            i + 1
        )));
    }
    Ok(out)
}

/// `None` for a missing or `None` argument.
pub(crate) fn not_none<B: Backend>(v: Option<&PyRef<B>>) -> Option<&PyRef<B>> {
    v.filter(|v| !matches!(v.payload, Payload::None))
}

/// An optional `str` argument (`None` allowed) of `fname` named `param`.
pub(crate) fn opt_str<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    v: Option<&'a PyRef<B>>,
    fname: &str,
    param: &str,
) -> PyResult<B, Option<&'a str>> {
    match not_none(v) {
        None => Ok(None),
        Some(v) => match &v.payload {
            Payload::Str(s) => Ok(Some(s.as_str())),
            _ => Err(ctx.type_error(format!(
                "{fname}() argument '{param}' must be str or None, not {}",
                type_name(ctx.vm, v)
            ))),
        },
    }
}

/// A path argument: the `str` or `bytes` object (after `__fspath__`) and the OS path.
pub(crate) struct PathArg<B: Backend> {
    /// The path as a `str` or `bytes` object (what error messages and `f.name` show).
    pub obj: PyRef<B>,
    /// The path for the OS.
    pub path: PathBuf,
    /// Whether it was given as `bytes` (results are then `bytes` too).
    pub is_bytes: bool,
}

/// The raw bytes of a path (`str` as UTF-8), for the string functions of `os.path`.
pub(crate) fn path_bytes(p: &std::path::Path) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        p.as_os_str().as_bytes().to_vec()
    }
    #[cfg(not(unix))]
    {
        p.to_string_lossy().as_bytes().to_vec()
    }
}

/// An OS path from raw bytes.
pub(crate) fn bytes_path(b: &[u8]) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        PathBuf::from(std::ffi::OsStr::from_bytes(b))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(b).into_owned())
    }
}

/// `os.fspath(obj)`: the `str` or `bytes` behind a path-like object, or `None` if `obj` is
/// not path-like.
pub(crate) fn fspath_obj<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
) -> PyResult<B, Option<PyRef<B>>> {
    match &obj.payload {
        Payload::Str(_) | Payload::Bytes(_) => Ok(Some(obj.clone())),
        Payload::Instance(_) | Payload::Native(_) => {
            match attr::call_dunder(ctx, obj, "__fspath__", &[])? {
                None => Ok(None),
                Some(r) if matches!(r.payload, Payload::Str(_) | Payload::Bytes(_)) => Ok(Some(r)),
                Some(r) => Err(ctx.type_error(format!(
                    "expected {}.__fspath__() to return str or bytes, not {}",
                    type_name(ctx.vm, obj),
                    type_name(ctx.vm, &r)
                ))),
            }
        }
        _ => Ok(None),
    }
}

/// Converts a path argument. `who` is `(function, accepted types)` for messages such as
/// `remove: path should be string, bytes or os.PathLike, not float`; `None` gives
/// `expected str, bytes or os.PathLike object, not float`. Embedded NULs raise `ValueError`.
pub(crate) fn fspath<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    who: Option<(&str, &str)>,
) -> PyResult<B, PathArg<B>> {
    let Some(p) = fspath_obj(ctx, obj)? else {
        let t = type_name(ctx.vm, obj);
        return Err(ctx.type_error(match who {
            Some((f, accepted)) => format!("{f}: path should be {accepted}, not {t}"),
            None => format!("expected str, bytes or os.PathLike object, not {t}"),
        }));
    };
    let (path, is_bytes) = match &p.payload {
        Payload::Str(s) => (PathBuf::from(s.as_str()), false),
        Payload::Bytes(b) => (bytes_path(b), true),
        _ => return Err(ctx.type_error("expected str, bytes or os.PathLike object")),
    };
    if path_bytes(&path).contains(&0) {
        return Err(ctx.value_error("embedded null byte"));
    }
    Ok(PathArg { obj: p, path, is_bytes })
}

/// A `str` (or, for a `bytes` path, `bytes`) object from OS path text.
pub(crate) fn path_object<B: Backend>(vm: &Vm<B>, raw: Vec<u8>, as_bytes: bool) -> PyRef<B> {
    if as_bytes {
        PyRef::new(Payload::Bytes(raw.into_boxed_slice()))
    } else {
        match String::from_utf8(raw) {
            Ok(s) => vm.str(s),
            Err(e) => vm.str(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        }
    }
}

/// The C library's message for `errno` `code` (`No such file or directory`).
pub fn strerror(code: i32) -> String {
    let text = io::Error::from_raw_os_error(code).to_string();
    let suffix = format!(" (os error {code})");
    match text.strip_suffix(&suffix) {
        Some(s) => s.to_string(),
        None => text,
    }
}

/// An exception class that `install_errors` added to `builtins` (or `fallback`).
fn builtin_class<B: Backend>(vm: &Vm<B>, name: &str, fallback: &PyRef<B>) -> PyRef<B> {
    match dicts::get_text(&vm.builtins, name) {
        Some(c) if matches!(c.payload, Payload::Type(_)) && is_subclass(&c, &vm.exc.os_error) => c,
        _ => fallback.clone(),
    }
}

/// The `OSError` subclass CPython raises for an error (`FileNotFoundError` for `ENOENT`, ...).
fn error_class<B: Backend>(vm: &Vm<B>, err: &io::Error) -> PyRef<B> {
    use io::ErrorKind as K;
    let e = &vm.exc;
    match err.kind() {
        K::NotFound => e.file_not_found_error.clone(),
        K::PermissionDenied => e.permission_error.clone(),
        K::AlreadyExists => e.file_exists_error.clone(),
        K::IsADirectory => e.is_a_directory_error.clone(),
        K::NotADirectory => builtin_class(vm, "NotADirectoryError", &e.os_error),
        K::BrokenPipe => e.broken_pipe_error.clone(),
        K::ConnectionRefused => e.connection_refused_error.clone(),
        K::ConnectionReset => e.connection_reset_error.clone(),
        K::ConnectionAborted => builtin_class(vm, "ConnectionAbortedError", &e.connection_error),
        K::TimedOut => e.timeout_error.clone(),
        K::Interrupted => builtin_class(vm, "InterruptedError", &e.os_error),
        K::WouldBlock => builtin_class(vm, "BlockingIOError", &e.os_error),
        _ => match err.raw_os_error() {
            #[cfg(target_os = "linux")]
            Some(114 | 115) => builtin_class(vm, "BlockingIOError", &e.os_error),
            #[cfg(target_os = "linux")]
            Some(10) => builtin_class(vm, "ChildProcessError", &e.os_error),
            #[cfg(target_os = "linux")]
            Some(3) => builtin_class(vm, "ProcessLookupError", &e.os_error),
            #[cfg(target_os = "linux")]
            Some(108) => e.broken_pipe_error.clone(),
            _ => e.os_error.clone(),
        },
    }
}

/// The `OSError` (or the subclass matching its `errno`) for a failed OS call, as CPython
/// builds it: `args == (errno, strerror)` and the attributes `errno`, `strerror`, `filename`
/// and `filename2`, so that it prints as `[Errno 2] No such file or directory: 'x.txt'`.
/// An error without an OS error code becomes `OSError(message)`.
pub fn os_error<B: Backend>(
    ctx: &Ctx<'_, B>,
    err: &io::Error,
    filename: Option<&PyRef<B>>,
    filename2: Option<&PyRef<B>>,
) -> PyErr<B> {
    let vm = ctx.vm;
    let Some(code) = err.raw_os_error() else {
        return ctx.err(&vm.exc.os_error, err.to_string());
    };
    let class = error_class(vm, err);
    let errno = vm.int(code as i64);
    let text = vm.str(strerror(code));
    let exc = ctx.new_exception(&class, vec![errno.clone(), text.clone()]);
    let none = || vm.none.clone();
    dicts::set_name(&exc, vm.intern("errno"), errno);
    dicts::set_name(&exc, vm.intern("strerror"), text);
    dicts::set_name(&exc, vm.intern("filename"), filename.cloned().unwrap_or_else(none));
    dicts::set_name(&exc, vm.intern("filename2"), filename2.cloned().unwrap_or_else(none));
    PyErr(exc)
}

/// An `OSError` for `errno` `code` about `filename`.
pub(crate) fn errno_error<B: Backend>(
    ctx: &Ctx<'_, B>,
    code: i32,
    filename: Option<&PyRef<B>>,
) -> PyErr<B> {
    os_error(ctx, &io::Error::from_raw_os_error(code), filename, None)
}

/// Runs a blocking OS call with the VM released; `f` must capture only Rust data.
pub(crate) fn blocking<B: Backend, R>(
    ctx: &mut Ctx<'_, B>,
    f: impl FnOnce() -> io::Result<R>,
) -> io::Result<R> {
    ctx.allow_threads(f)
}

/// Adds what `OSError` needs beyond the core exception classes, once per VM (called while the
/// `builtins` namespace is built): the `OSError` subclasses missing from `types.rs`
/// (`NotADirectoryError`, `BlockingIOError`, ...), and `OSError.__init__`/`__str__` with
/// CPython's `errno`/`strerror`/`filename` handling. Nothing already defined is replaced.
pub(crate) fn install_errors<B: Backend>(vm: &Vm<B>) {
    let e = &vm.exc;
    let missing: [(&str, &PyRef<B>); 6] = [
        ("NotADirectoryError", &e.os_error),
        ("BlockingIOError", &e.os_error),
        ("ChildProcessError", &e.os_error),
        ("InterruptedError", &e.os_error),
        ("ProcessLookupError", &e.os_error),
        ("ConnectionAbortedError", &e.connection_error),
    ];
    for (name, base) in missing {
        if dicts::get_text(&vm.builtins, name).is_none() {
            let cls = new_type::<B>(name, Some(base.clone()), Layout::Exception);
            dicts::set_name(&vm.builtins, vm.intern(name), cls);
        }
    }
    if dicts::get_text(&e.os_error, "__init__").is_none() {
        add(vm, &e.os_error, "__init__", oserror_init);
    }
    if dicts::get_text(&e.os_error, "__str__").is_none() {
        add(vm, &e.os_error, "__str__", oserror_str);
    }
}

/// `OSError.__init__(self, *args)`: with 2 to 5 arguments they are
/// `(errno, strerror[, filename[, winerror[, filename2]]])` and `args` keeps the first two.
fn oserror_init<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let vm = ctx.vm;
    let Some(this) = args.args.first() else {
        return Err(ctx.type_error("descriptor '__init__' of 'OSError' object needs an argument"));
    };
    let Payload::Instance(inst) = &this.payload else {
        return Err(ctx.type_error("descriptor '__init__' requires an 'OSError' object"));
    };
    let pos = args.positional().get(1..).unwrap_or(&[]);
    let n = pos.len();
    let structured = (2..=5).contains(&n);
    let kept = if structured && n >= 3 { &pos[..2] } else { pos };
    if let Some(st) = &inst.exc {
        let new_args = vm.tuple(kept.to_vec());
        let old = this.write(st, |s| std::mem::replace(&mut s.args, new_args));
        drop(old);
    }
    let none = vm.none.clone();
    let at = |i: usize| if structured { pos.get(i).cloned() } else { None };
    for (name, v) in
        [("errno", at(0)), ("strerror", at(1)), ("filename", at(2)), ("filename2", at(4))]
    {
        dicts::set_name(this, vm.intern(name), v.unwrap_or_else(|| none.clone()));
    }
    Ok(vm.none.clone())
}

/// `str(OSError)`: `[Errno 2] No such file or directory: 'x' -> 'y'` when the fields are set,
/// else as `BaseException.__str__`.
fn oserror_str<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let vm = ctx.vm;
    let Some(this) = args.args.first() else {
        return Err(ctx.type_error("descriptor '__str__' of 'OSError' object needs an argument"));
    };
    let field =
        |name: &str| dicts::get_text(this, name).filter(|v| !matches!(v.payload, Payload::None));
    let (errno, strerror, f1, f2) =
        (field("errno"), field("strerror"), field("filename"), field("filename2"));
    if let Some(f1) = f1 {
        let errno = match &errno {
            Some(v) => repr::str(ctx, v)?,
            None => "None".into(),
        };
        let strerror = match &strerror {
            Some(v) => repr::str(ctx, v)?,
            None => "None".into(),
        };
        let mut text = format!("[Errno {errno}] {strerror}: {}", repr::repr(ctx, &f1)?);
        if let Some(f2) = f2 {
            text.push_str(&format!(" -> {}", repr::repr(ctx, &f2)?));
        }
        return Ok(vm.str(text));
    }
    if let (Some(errno), Some(strerror)) = (errno, strerror) {
        let text = format!("[Errno {}] {}", repr::str(ctx, &errno)?, repr::str(ctx, &strerror)?);
        return Ok(vm.str(text));
    }
    match dicts::get_text(&vm.exc.base_exception, "__str__") {
        Some(f) => crate::ops::call::call(ctx, &f, std::slice::from_ref(this), &[]),
        None => Ok(vm.str("")),
    }
}

// ---------------------------------------------------------------------------------------------
// The module.
// ---------------------------------------------------------------------------------------------

/// Fills the `os` module and registers `os.path` in `sys.modules`.
pub(super) fn fill<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>) {
    let put = |name: &str, v: PyRef<B>| dicts::set_name(ns, vm.intern(name), v);
    add(vm, ns, "getpid", os_getpid);
    add(vm, ns, "getppid", os_getppid);
    add(vm, ns, "cpu_count", os_cpu_count);
    add(vm, ns, "getcwd", os_getcwd);
    add(vm, ns, "chdir", os_chdir);
    add(vm, ns, "remove", os_remove);
    add(vm, ns, "unlink", os_unlink);
    add(vm, ns, "listdir", os_listdir);
    add(vm, ns, "mkdir", os_mkdir);
    add(vm, ns, "makedirs", os_makedirs);
    add(vm, ns, "rmdir", os_rmdir);
    add(vm, ns, "rename", os_rename);
    add(vm, ns, "replace", os_replace);
    add(vm, ns, "getenv", os_getenv);
    add(vm, ns, "urandom", os_urandom);
    add(vm, ns, "fspath", os_fspath);
    add(vm, ns, "strerror", os_strerror);
    put("error", vm.exc.os_error.clone());
    put("name", vm.str(if cfg!(windows) { "nt" } else { "posix" }));
    put("linesep", vm.str(if cfg!(windows) { "\r\n" } else { "\n" }));
    put("devnull", vm.str(if cfg!(windows) { "nul" } else { "/dev/null" }));
    put("pathsep", vm.str(if cfg!(windows) { ";" } else { ":" }));
    put("environ", environ(vm));
    let p = new_module(vm, "posixpath");
    if let Payload::Module(m) = &p.payload {
        path::fill(vm, &m.dict);
        for name in ["sep", "altsep", "curdir", "pardir", "extsep"] {
            if let Some(v) = dicts::get_text(&m.dict, name) {
                put(name, v);
            }
        }
    }
    dicts::set_name(&vm.modules, vm.intern("os.path"), p.clone());
    put("path", p);
}

/// `os.environ`: a snapshot of the environment as a dict of str.
fn environ<B: Backend>(vm: &Vm<B>) -> PyRef<B> {
    let d = vm.dict(Dict::new());
    for (k, v) in std::env::vars_os() {
        let k = vm.str(k.to_string_lossy().into_owned());
        let v = vm.str(v.to_string_lossy().into_owned());
        dicts::set_name(&d, k, v);
    }
    d
}

fn os_getpid<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    params(ctx, &args, 0, "posix.getpid", &[], 0)?;
    Ok(ctx.vm.int(std::process::id() as i64))
}

fn os_getppid<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    params(ctx, &args, 0, "posix.getppid", &[], 0)?;
    #[cfg(unix)]
    let ppid = std::os::unix::process::parent_id() as i64;
    #[cfg(not(unix))]
    let ppid = 0;
    Ok(ctx.vm.int(ppid))
}

fn os_cpu_count<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    params(ctx, &args, 0, "posix.cpu_count", &[], 0)?;
    Ok(match std::thread::available_parallelism() {
        Ok(n) => ctx.vm.int(n.get() as i64),
        Err(_) => ctx.vm.none.clone(),
    })
}

fn os_getcwd<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    params(ctx, &args, 0, "posix.getcwd", &[], 0)?;
    let cwd = blocking(ctx, std::env::current_dir).map_err(|e| os_error(ctx, &e, None, None))?;
    Ok(path_object(ctx.vm, path_bytes(&cwd), false))
}

fn os_chdir<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let p = params(ctx, &args, 0, "chdir", &["path"], 1)?;
    let Some(v) = p[0] else { return Err(ctx.type_error("chdir() missing argument")) };
    let path = fspath(ctx, v, Some(("chdir", "string, bytes, os.PathLike or integer")))?;
    let target = path.path.clone();
    blocking(ctx, move || std::env::set_current_dir(target))
        .map_err(|e| os_error(ctx, &e, Some(&path.obj), None))?;
    Ok(ctx.vm.none.clone())
}

/// `dir_fd` arguments are accepted only as `None`.
fn no_dir_fd<B: Backend>(ctx: &Ctx<'_, B>, given: &[Option<&PyRef<B>>]) -> PyResult<B, ()> {
    if given.iter().any(|v| not_none(*v).is_some()) {
        return Err(
            ctx.err(&ctx.vm.exc.not_implemented_error, "dir_fd unavailable on this platform")
        );
    }
    Ok(())
}

/// Runs `op` on the single path argument of `fname`.
fn path_op<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: &Args<'_, B>,
    fname: &str,
    accepted: &str,
    op: fn(PathBuf) -> io::Result<()>,
) -> PyResult<B> {
    let p = params_kw(ctx, args, 0, fname, &["path", "dir_fd"], 1, 1)?;
    no_dir_fd(ctx, &p[1..])?;
    let Some(v) = p[0] else { return Err(ctx.type_error(format!("{fname}() missing argument"))) };
    let path = fspath(ctx, v, Some((fname, accepted)))?;
    let target = path.path.clone();
    blocking(ctx, move || op(target)).map_err(|e| os_error(ctx, &e, Some(&path.obj), None))?;
    Ok(ctx.vm.none.clone())
}

fn os_remove<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    path_op(ctx, &args, "remove", "string, bytes or os.PathLike", std::fs::remove_file::<PathBuf>)
}

fn os_unlink<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    path_op(ctx, &args, "unlink", "string, bytes or os.PathLike", std::fs::remove_file::<PathBuf>)
}

fn os_rmdir<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    path_op(ctx, &args, "rmdir", "string, bytes or os.PathLike", std::fs::remove_dir::<PathBuf>)
}

fn os_listdir<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let p = params(ctx, &args, 0, "listdir", &["path"], 0)?;
    let path = match not_none(p[0]) {
        Some(v) => {
            Some(fspath(ctx, v, Some(("listdir", "string, bytes, os.PathLike, integer or None")))?)
        }
        None => None,
    };
    let target = path.as_ref().map_or_else(|| PathBuf::from("."), |p| p.path.clone());
    let names = blocking(ctx, move || {
        let mut names = Vec::new();
        for entry in std::fs::read_dir(target)? {
            names.push(path_bytes(std::path::Path::new(&entry?.file_name())));
        }
        Ok(names)
    })
    .map_err(|e| {
        let dot = ctx.vm.str(".");
        os_error(ctx, &e, Some(path.as_ref().map_or(&dot, |p| &p.obj)), None)
    })?;
    let as_bytes = path.as_ref().is_some_and(|p| p.is_bytes);
    let items = names.into_iter().map(|n| path_object(ctx.vm, n, as_bytes)).collect();
    Ok(ctx.vm.list(items))
}

/// The `mode` argument of `mkdir`/`makedirs` (default `0o777`).
fn mode_arg<B: Backend>(ctx: &mut Ctx<'_, B>, v: Option<&PyRef<B>>) -> PyResult<B, u32> {
    match v {
        Some(v) => Ok(index_arg(ctx, v)? as u32 & 0o7777),
        None => Ok(0o777),
    }
}

fn create_dir(path: &std::path::Path, mode: u32, recursive: bool) -> io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(recursive);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, mode);
    #[cfg(not(unix))]
    let _ = mode;
    b.create(path)
}

fn os_mkdir<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let p = params_kw(ctx, &args, 0, "mkdir", &["path", "mode", "dir_fd"], 1, 2)?;
    no_dir_fd(ctx, &p[2..])?;
    let Some(v) = p[0] else { return Err(ctx.type_error("mkdir() missing argument")) };
    let path = fspath(ctx, v, Some(("mkdir", "string, bytes or os.PathLike")))?;
    let mode = mode_arg(ctx, p[1])?;
    let target = path.path.clone();
    blocking(ctx, move || create_dir(&target, mode, false))
        .map_err(|e| os_error(ctx, &e, Some(&path.obj), None))?;
    Ok(ctx.vm.none.clone())
}

fn os_makedirs<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let p = params(ctx, &args, 0, "makedirs", &["name", "mode", "exist_ok"], 1)?;
    let Some(v) = p[0] else { return Err(ctx.type_error("makedirs() missing argument")) };
    let path = fspath(ctx, v, None)?;
    let mode = mode_arg(ctx, p[1])?;
    let exist_ok = match p[2] {
        Some(v) => is_true(ctx, v)?,
        None => false,
    };
    let target = path.path.clone();
    blocking(ctx, move || {
        if !exist_ok && std::fs::symlink_metadata(&target).is_ok() {
            return Err(io::Error::from(io::ErrorKind::AlreadyExists));
        }
        create_dir(&target, mode, true)
    })
    .map_err(|e| match e.raw_os_error() {
        Some(_) => os_error(ctx, &e, Some(&path.obj), None),
        // The check above made this error; report it as the OS would (EEXIST).
        None => errno_error(ctx, EEXIST, Some(&path.obj)),
    })?;
    Ok(ctx.vm.none.clone())
}

/// `EEXIST` (the same number on Linux, macOS and the BSDs).
const EEXIST: i32 = 17;

fn rename_impl<B: Backend>(ctx: &mut Ctx<'_, B>, args: &Args<'_, B>, fname: &str) -> PyResult<B> {
    let names = ["src", "dst", "src_dir_fd", "dst_dir_fd"];
    let p = params_kw(ctx, args, 0, fname, &names, 2, 2)?;
    no_dir_fd(ctx, &p[2..])?;
    let (Some(s), Some(d)) = (p[0], p[1]) else {
        return Err(ctx.type_error(format!("{fname}() missing argument")));
    };
    let src = fspath(ctx, s, Some((fname, "string, bytes or os.PathLike")))?;
    let dst = fspath(ctx, d, Some((fname, "string, bytes or os.PathLike")))?;
    let (a, b) = (src.path.clone(), dst.path.clone());
    blocking(ctx, move || std::fs::rename(a, b))
        .map_err(|e| os_error(ctx, &e, Some(&src.obj), Some(&dst.obj)))?;
    Ok(ctx.vm.none.clone())
}

fn os_rename<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    rename_impl(ctx, &args, "rename")
}

fn os_replace<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    rename_impl(ctx, &args, "replace")
}

/// `os.getenv(key, default=None)`: looks in `os.environ` (so assignments to it are seen).
fn os_getenv<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let vm = ctx.vm;
    let p = args.positional();
    let (key, default) = match (p.first().or(args.kwarg("key")), p.get(1).or(args.kwarg("default")))
    {
        (None, _) => {
            return Err(ctx.type_error("getenv() missing 1 required positional argument: 'key'"));
        }
        (Some(k), d) => (k, d),
    };
    if p.len() > 2 {
        return Err(ctx.type_error(format!(
            "getenv() takes from 1 to 2 positional arguments but {} were given",
            p.len()
        )));
    }
    let Payload::Str(k) = &key.payload else {
        return Err(ctx.type_error(format!("str expected, not {}", type_name(vm, key))));
    };
    let env = dicts::get_text(&vm.modules, "os").and_then(|m| match &m.payload {
        Payload::Module(mo) => dicts::get_text(&mo.dict, "environ"),
        _ => None,
    });
    let found = match &env {
        Some(d) if matches!(d.payload, Payload::Dict(_)) => dicts::get(ctx, d, key)?,
        Some(d) => crate::ops::seq::getitem(ctx, d, key).ok(),
        None => std::env::var(k.as_str()).ok().map(|v| vm.str(v)),
    };
    Ok(found.or_else(|| default.cloned()).unwrap_or_else(|| vm.none.clone()))
}

fn os_urandom<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let p = params(ctx, &args, 0, "urandom", &["size"], 1)?;
    let Some(v) = p[0] else { return Err(ctx.type_error("urandom() missing argument")) };
    let n = index_arg(ctx, v)?;
    if n < 0 {
        return Err(ctx.value_error("negative argument not allowed"));
    }
    let n = n as usize;
    let data = blocking(ctx, move || {
        use std::io::Read;
        let mut buf = Vec::new();
        buf.try_reserve_exact(n).map_err(|_| io::Error::from(io::ErrorKind::OutOfMemory))?;
        buf.resize(n, 0);
        std::fs::File::open("/dev/urandom")?.read_exact(&mut buf)?;
        Ok(buf)
    })
    .map_err(|e| os_error(ctx, &e, None, None))?;
    Ok(PyRef::new(Payload::Bytes(data.into_boxed_slice())))
}

fn os_fspath<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let p = params(ctx, &args, 0, "fspath", &["path"], 1)?;
    let Some(v) = p[0] else { return Err(ctx.type_error("fspath() missing argument")) };
    match fspath_obj(ctx, v)? {
        Some(p) => Ok(p),
        None => Err(ctx.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            type_name(ctx.vm, v)
        ))),
    }
}

fn os_strerror<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let p = params(ctx, &args, 0, "strerror", &["code"], 1)?;
    let Some(v) = p[0] else { return Err(ctx.type_error("strerror() missing argument")) };
    let code = index_arg(ctx, v)?;
    let code = i32::try_from(code)
        .map_err(|_| ctx.overflow_error("Python int too large to convert to C int"))?;
    Ok(ctx.vm.str(strerror(code)))
}
