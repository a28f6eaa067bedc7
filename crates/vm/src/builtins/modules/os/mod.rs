//! The `os` module: process facts (`getpid`, `cpu_count`, `environ`, `getenv`), the working
//! directory, files and directories (`remove`, `listdir`, `mkdir`, `rename`, ...), `urandom`,
//! the path constants, and `os.path` (in `path.rs`).
//!
//! Also the helpers the `io` module shares: CPython-style argument parsing (`params`), path
//! arguments (`fspath`) and `OSError`s built from Rust I/O errors ([`os_error`]), with the
//! `errno`/`strerror`/`filename` attributes and `str(e)` CPython gives them.
//!
//! Every filesystem call runs inside `Ctx::allow_threads`; the closures capture only Rust data
//! (paths as `PathBuf`, byte buffers) and their results are turned into objects afterwards
//! (docs/safety.md, I1).

mod args;
mod errors;
mod path;

pub(crate) use args::{
    fspath, fspath_obj, not_none, opt_str, params, params_kw, path_bytes, path_object,
};
pub(crate) use errors::{errno_error, install_errors};
pub use errors::{os_error, strerror};

use crate::backend::Backend;
use crate::builtins::methods::text::index_arg;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::eval::imports::new_module;
use crate::object::dict::Dict;
use crate::object::{Payload, PyRef};
use crate::ops::{dicts, is_true, type_name};
use crate::vm::Vm;
use std::io;
use std::path::PathBuf;

/// Runs a blocking OS call with the VM released; `f` must capture only Rust data.
pub(crate) fn blocking<B: Backend, R>(
    ctx: &mut Ctx<'_, B>,
    f: impl FnOnce() -> io::Result<R>,
) -> io::Result<R> {
    ctx.allow_threads(f)
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
    put("error", vm.core.exc.os_error.clone());
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
    dicts::set_name(&vm.core.modules, vm.intern("os.path"), p.clone());
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
        Err(_) => ctx.vm.core.none.clone(),
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
    Ok(ctx.vm.core.none.clone())
}

/// `dir_fd` arguments are accepted only as `None`.
fn no_dir_fd<B: Backend>(ctx: &Ctx<'_, B>, given: &[Option<&PyRef<B>>]) -> PyResult<B, ()> {
    if given.iter().any(|v| not_none(*v).is_some()) {
        return Err(
            ctx.err(&ctx.vm.core.exc.not_implemented_error, "dir_fd unavailable on this platform")
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
    Ok(ctx.vm.core.none.clone())
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
    Ok(ctx.vm.core.none.clone())
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
    Ok(ctx.vm.core.none.clone())
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
    Ok(ctx.vm.core.none.clone())
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
    let env = dicts::get_text(&vm.core.modules, "os").and_then(|m| match &m.payload {
        Payload::Module(mo) => dicts::get_text(&mo.dict, "environ"),
        _ => None,
    });
    let found = match &env {
        Some(d) if matches!(d.payload, Payload::Dict(_)) => dicts::get(ctx, d, key)?,
        Some(d) => crate::ops::seq::getitem(ctx, d, key).ok(),
        None => std::env::var(k.as_str()).ok().map(|v| vm.str(v)),
    };
    Ok(found.or_else(|| default.cloned()).unwrap_or_else(|| vm.core.none.clone()))
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
