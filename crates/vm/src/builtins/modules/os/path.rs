//! `os.path` (POSIX semantics, like CPython's `posixpath`): the string functions work on the
//! bytes of the path (`str` as UTF-8; `/` and `.` never occur inside a multi-byte character),
//! so `str` and `bytes` paths share one implementation and results have the argument's type.
//! The filesystem queries (`exists`, `isfile`, `getsize`, ...) run with the VM released.

use super::{blocking, fspath, fspath_obj, os_error, params, path_bytes, path_object};
use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Payload, PyRef};
use crate::ops::{dicts, type_name};
use crate::vm::Vm;
use std::path::PathBuf;

/// Fills the `os.path` module.
pub(super) fn fill<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>) {
    let put = |name: &str, v: PyRef<B>| dicts::set_name(ns, vm.intern(name), v);
    put("sep", vm.str("/"));
    put("altsep", vm.core.none.clone());
    put("curdir", vm.str("."));
    put("pardir", vm.str(".."));
    put("extsep", vm.str("."));
    put("pathsep", vm.str(":"));
    put("devnull", vm.str("/dev/null"));
    add(vm, ns, "join", path_join);
    add(vm, ns, "basename", path_basename);
    add(vm, ns, "dirname", path_dirname);
    add(vm, ns, "split", path_split);
    add(vm, ns, "splitext", path_splitext);
    add(vm, ns, "normpath", path_normpath);
    add(vm, ns, "abspath", path_abspath);
    add(vm, ns, "isabs", path_isabs);
    add(vm, ns, "exists", path_exists);
    add(vm, ns, "lexists", path_lexists);
    add(vm, ns, "isfile", path_isfile);
    add(vm, ns, "isdir", path_isdir);
    add(vm, ns, "islink", path_islink);
    add(vm, ns, "getsize", path_getsize);
    add(vm, ns, "getmtime", path_getmtime);
}

// ---------------------------------------------------------------------------------------------
// String operations on path bytes (posixpath.py).
// ---------------------------------------------------------------------------------------------

fn rfind(p: &[u8], c: u8) -> Option<usize> {
    p.iter().rposition(|&b| b == c)
}

/// `p[:i]` with trailing slashes removed unless it is all slashes.
fn head_of(p: &[u8], i: usize) -> Vec<u8> {
    let head = &p[..i];
    if !head.is_empty() && head.iter().any(|&b| b != b'/') {
        let end = head.iter().rposition(|&b| b != b'/').map_or(0, |j| j + 1);
        head[..end].to_vec()
    } else {
        head.to_vec()
    }
}

fn split(p: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let i = rfind(p, b'/').map_or(0, |i| i + 1);
    (head_of(p, i), p[i..].to_vec())
}

fn splitext(p: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let sep = rfind(p, b'/').map_or(-1, |i| i as isize);
    let dot = rfind(p, b'.').map_or(-1, |i| i as isize);
    if dot > sep {
        // Leading dots of the file name do not start an extension (`.bashrc`).
        let start = (sep + 1) as usize;
        let dot = dot as usize;
        if p[start..dot].iter().any(|&b| b != b'.') {
            return (p[..dot].to_vec(), p[dot..].to_vec());
        }
    }
    (p.to_vec(), Vec::new())
}

fn join(parts: &[Vec<u8>]) -> Vec<u8> {
    let mut out = parts.first().cloned().unwrap_or_default();
    for b in parts.iter().skip(1) {
        if b.first() == Some(&b'/') {
            out = b.clone();
        } else if out.is_empty() || out.last() == Some(&b'/') {
            out.extend_from_slice(b);
        } else {
            out.push(b'/');
            out.extend_from_slice(b);
        }
    }
    out
}

fn normpath(p: &[u8]) -> Vec<u8> {
    if p.is_empty() {
        return b".".to_vec();
    }
    let mut initial = usize::from(p.starts_with(b"/"));
    if p.starts_with(b"//") && !p.starts_with(b"///") {
        initial = 2;
    }
    let mut comps: Vec<&[u8]> = Vec::new();
    for comp in p.split(|&b| b == b'/') {
        if comp.is_empty() || comp == b"." {
            continue;
        }
        if comp != b".." || (initial == 0 && comps.is_empty()) || comps.last() == Some(&&b".."[..])
        {
            comps.push(comp);
        } else if !comps.is_empty() {
            comps.pop();
        }
    }
    let mut out = vec![b'/'; initial];
    out.extend_from_slice(&comps.join(&b'/'));
    if out.is_empty() { b".".to_vec() } else { out }
}

// ---------------------------------------------------------------------------------------------
// The functions.
// ---------------------------------------------------------------------------------------------

/// A path argument of a string function: its bytes and whether it is `bytes`.
fn text_arg<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, (Vec<u8>, bool)> {
    match fspath_obj(ctx, v)? {
        Some(p) => match &p.payload {
            Payload::Str(s) => Ok((s.as_str().as_bytes().to_vec(), false)),
            Payload::Bytes(b) => Ok((b.to_vec(), true)),
            _ => Err(ctx.type_error("expected str, bytes or os.PathLike object")),
        },
        None => Err(ctx.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            type_name(ctx.vm, v)
        ))),
    }
}

/// The single path argument of `fname`.
fn one<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: &Args<'_, B>,
    fname: &str,
) -> PyResult<B, (Vec<u8>, bool)> {
    let pos = args.positional();
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error(format!("{fname}() got an unexpected keyword argument")));
    }
    match pos {
        [v] => text_arg(ctx, v),
        [] => Err(ctx.type_error(format!("{fname}() missing 1 required positional argument: 'p'"))),
        _ => Err(ctx.type_error(format!(
            "{fname}() takes 1 positional argument but {} were given",
            pos.len()
        ))),
    }
}

fn pair<B: Backend>(vm: &Vm<B>, (a, b): (Vec<u8>, Vec<u8>), as_bytes: bool) -> PyRef<B> {
    vm.tuple(vec![path_object(vm, a, as_bytes), path_object(vm, b, as_bytes)])
}

fn path_join<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let pos = args.positional();
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("join() got an unexpected keyword argument"));
    }
    let Some(first) = pos.first() else {
        return Err(ctx.type_error("join() missing 1 required positional argument: 'a'"));
    };
    let (a, as_bytes) = text_arg(ctx, first)?;
    let mut parts = vec![a];
    for v in &pos[1..] {
        let Some(p) = fspath_obj(ctx, v)? else {
            return Err(ctx.type_error(format!(
                "join() argument must be str, bytes, or os.PathLike object, not '{}'",
                type_name(ctx.vm, v)
            )));
        };
        match (&p.payload, as_bytes) {
            (Payload::Str(s), false) => parts.push(s.as_str().as_bytes().to_vec()),
            (Payload::Bytes(b), true) => parts.push(b.to_vec()),
            _ => return Err(ctx.type_error("Can't mix strings and bytes in path components")),
        }
    }
    Ok(path_object(ctx.vm, join(&parts), as_bytes))
}

fn path_basename<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (p, b) = one(ctx, &args, "basename")?;
    Ok(path_object(ctx.vm, split(&p).1, b))
}

fn path_dirname<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (p, b) = one(ctx, &args, "dirname")?;
    Ok(path_object(ctx.vm, split(&p).0, b))
}

fn path_split<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (p, b) = one(ctx, &args, "split")?;
    Ok(pair(ctx.vm, split(&p), b))
}

fn path_splitext<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (p, b) = one(ctx, &args, "splitext")?;
    Ok(pair(ctx.vm, splitext(&p), b))
}

fn path_normpath<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (p, b) = one(ctx, &args, "normpath")?;
    Ok(path_object(ctx.vm, normpath(&p), b))
}

fn path_isabs<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (p, _) = one(ctx, &args, "isabs")?;
    Ok(ctx.vm.bool(p.first() == Some(&b'/')))
}

fn path_abspath<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (p, b) = one(ctx, &args, "abspath")?;
    let full = if p.first() == Some(&b'/') {
        p
    } else {
        let cwd =
            blocking(ctx, std::env::current_dir).map_err(|e| os_error(ctx, &e, None, None))?;
        join(&[path_bytes(&cwd), p])
    };
    Ok(path_object(ctx.vm, normpath(&full), b))
}

/// What a filesystem query asks of the path's metadata.
#[derive(Clone, Copy)]
enum Query {
    Exists,
    LinkExists,
    File,
    Dir,
    Link,
}

/// `exists`/`isfile`/`isdir`/...: `False` for any OS error or an unusable path, as CPython.
fn query<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: &Args<'_, B>,
    fname: &str,
    q: Query,
) -> PyResult<B> {
    let p = params(ctx, args, 0, fname, &["path"], 1)?;
    let Some(v) = p[0] else { return Err(ctx.type_error(format!("{fname}() missing argument"))) };
    if matches!(v.payload, Payload::Int(_) | Payload::Bool(_)) {
        // A file descriptor: not supported, reported as absent.
        return Ok(ctx.vm.core.false_.clone());
    }
    let path = match fspath(ctx, v, Some(("stat", "string, bytes, os.PathLike or integer"))) {
        Ok(p) => p.path,
        Err(e) if crate::ops::isinstance(ctx.vm, &e.0, &ctx.vm.core.exc.value_error) => {
            return Ok(ctx.vm.core.false_.clone());
        }
        Err(e) => return Err(e),
    };
    let ok = ctx.allow_threads(move || {
        let meta = match q {
            Query::LinkExists | Query::Link => std::fs::symlink_metadata(&path),
            _ => std::fs::metadata(&path),
        };
        match (q, meta) {
            (_, Err(_)) => false,
            (Query::Exists | Query::LinkExists, Ok(_)) => true,
            (Query::File, Ok(m)) => m.is_file(),
            (Query::Dir, Ok(m)) => m.is_dir(),
            (Query::Link, Ok(m)) => m.file_type().is_symlink(),
        }
    });
    Ok(ctx.vm.bool(ok))
}

fn path_exists<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    query(ctx, &args, "exists", Query::Exists)
}

fn path_lexists<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    query(ctx, &args, "lexists", Query::LinkExists)
}

fn path_isfile<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    query(ctx, &args, "isfile", Query::File)
}

fn path_isdir<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    query(ctx, &args, "isdir", Query::Dir)
}

fn path_islink<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    query(ctx, &args, "islink", Query::Link)
}

/// The metadata of the single path argument of `fname`, raising `OSError` on failure.
fn stat<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: &Args<'_, B>,
    fname: &str,
) -> PyResult<B, std::fs::Metadata> {
    let p = params(ctx, args, 0, fname, &["filename"], 1)?;
    let Some(v) = p[0] else { return Err(ctx.type_error(format!("{fname}() missing argument"))) };
    let path = fspath(ctx, v, Some(("stat", "string, bytes, os.PathLike or integer")))?;
    let target: PathBuf = path.path.clone();
    blocking(ctx, move || std::fs::metadata(target))
        .map_err(|e| os_error(ctx, &e, Some(&path.obj), None))
}

fn path_getsize<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let m = stat(ctx, &args, "getsize")?;
    Ok(ctx.vm.int(m.len() as i64))
}

fn path_getmtime<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let m = stat(ctx, &args, "getmtime")?;
    let t = match m.modified().map(|t| t.duration_since(std::time::UNIX_EPOCH)) {
        Ok(Ok(d)) => d.as_secs_f64(),
        Ok(Err(e)) => -e.duration().as_secs_f64(),
        Err(e) => return Err(os_error(ctx, &e, None, None)),
    };
    Ok(ctx.vm.float(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: Vec<u8>) -> String {
        String::from_utf8(v).unwrap_or_default()
    }

    #[test]
    fn split_like_posixpath() {
        let sp = |p: &str| {
            let (a, b) = split(p.as_bytes());
            (s(a), s(b))
        };
        assert_eq!(sp("//a//b//"), ("//a//b".into(), "".into()));
        assert_eq!(sp("a/b"), ("a".into(), "b".into()));
        assert_eq!(sp("/"), ("/".into(), "".into()));
        assert_eq!(sp("//a"), ("//".into(), "a".into()));
        assert_eq!(sp("b"), ("".into(), "b".into()));
    }

    #[test]
    fn splitext_like_posixpath() {
        let se = |p: &str| {
            let (a, b) = splitext(p.as_bytes());
            (s(a), s(b))
        };
        assert_eq!(se(".bashrc"), (".bashrc".into(), "".into()));
        assert_eq!(se("a/b.tar.gz"), ("a/b.tar".into(), ".gz".into()));
        assert_eq!(se("a.b/c"), ("a.b/c".into(), "".into()));
        assert_eq!(se("..x.y"), ("..x".into(), ".y".into()));
        assert_eq!(se(""), ("".into(), "".into()));
    }

    #[test]
    fn join_and_normpath_like_posixpath() {
        let j =
            |ps: &[&str]| s(join(&ps.iter().map(|p| p.as_bytes().to_vec()).collect::<Vec<_>>()));
        assert_eq!(j(&["a", "/b", "c"]), "/b/c");
        assert_eq!(j(&["a/", "b"]), "a/b");
        assert_eq!(j(&["", "b"]), "b");
        assert_eq!(j(&["a", ""]), "a/");
        let n = |p: &str| s(normpath(p.as_bytes()));
        assert_eq!(n(""), ".");
        assert_eq!(n("a/./b/../c"), "a/c");
        assert_eq!(n("../a/.."), "..");
        assert_eq!(n("//a/b"), "//a/b");
        assert_eq!(n("///a/../.."), "/");
    }
}
