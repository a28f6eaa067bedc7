//! Argument helpers shared by `os` and `io`: CPython's argument-clinic binding and messages,
//! optional `str` arguments, and path arguments (`str`, `bytes`, `os.PathLike`).

use crate::backend::Backend;
use crate::builtins::Args;
use crate::ctx::{Ctx, PyResult};
use crate::object::{Payload, PyRef};
use crate::ops::{attr, type_name};
use crate::vm::Vm;
use std::path::PathBuf;

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
