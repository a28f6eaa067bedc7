//! `OSError`s from Rust I/O errors (the subclass for each `errno`, with CPython's
//! attributes), the `OSError` subclasses missing from the core exception types, and
//! `OSError.__init__`/`__str__`.

use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{Layout, Payload, PyRef};
use crate::ops::{dicts, is_subclass, repr};
use crate::types::new_type;
use crate::vm::Vm;
use std::io;

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
    match dicts::get_text(&vm.core.builtins, name) {
        Some(c)
            if matches!(c.payload, Payload::Type(_)) && is_subclass(&c, &vm.core.exc.os_error) =>
        {
            c
        }
        _ => fallback.clone(),
    }
}

/// The `OSError` subclass CPython raises for an error (`FileNotFoundError` for `ENOENT`, ...).
fn error_class<B: Backend>(vm: &Vm<B>, err: &io::Error) -> PyRef<B> {
    use io::ErrorKind as K;
    let e = &vm.core.exc;
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
        return ctx.err(&vm.core.exc.os_error, err.to_string());
    };
    let class = error_class(vm, err);
    let errno = vm.int(code as i64);
    let text = vm.str(strerror(code));
    let exc = ctx.new_exception(&class, vec![errno.clone(), text.clone()]);
    let none = || vm.core.none.clone();
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

/// Adds what `OSError` needs beyond the core exception classes, once per VM (called while the
/// `builtins` namespace is built): the `OSError` subclasses missing from `types.rs`
/// (`NotADirectoryError`, `BlockingIOError`, ...), and `OSError.__init__`/`__str__` with
/// CPython's `errno`/`strerror`/`filename` handling. Nothing already defined is replaced.
pub(crate) fn install_errors<B: Backend>(vm: &Vm<B>) {
    let e = &vm.core.exc;
    let missing: [(&str, &PyRef<B>); 6] = [
        ("NotADirectoryError", &e.os_error),
        ("BlockingIOError", &e.os_error),
        ("ChildProcessError", &e.os_error),
        ("InterruptedError", &e.os_error),
        ("ProcessLookupError", &e.os_error),
        ("ConnectionAbortedError", &e.connection_error),
    ];
    for (name, base) in missing {
        if dicts::get_text(&vm.core.builtins, name).is_none() {
            let cls = new_type::<B>(name, Some(base.clone()), Layout::Exception);
            dicts::set_name(&vm.core.builtins, vm.intern(name), cls);
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
    let none = vm.core.none.clone();
    let at = |i: usize| if structured { pos.get(i).cloned() } else { None };
    for (name, v) in
        [("errno", at(0)), ("strerror", at(1)), ("filename", at(2)), ("filename2", at(4))]
    {
        dicts::set_name(this, vm.intern(name), v.unwrap_or_else(|| none.clone()));
    }
    Ok(vm.core.none.clone())
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
    match dicts::get_text(&vm.core.exc.base_exception, "__str__") {
        Some(f) => crate::ops::call::call(ctx, &f, std::slice::from_ref(this), &[]),
        None => Ok(vm.str("")),
    }
}
