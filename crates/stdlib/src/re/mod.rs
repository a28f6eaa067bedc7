//! `re`: Python's regular expressions. `re` itself is Python source (`python/re.py`: the
//! flags, `re.error`, the cache of compiled patterns and the module-level functions) over
//! the native module `_gillab_re`, which compiles patterns and holds the `Pattern` and
//! `Match` classes.
//!
//! **Style: native Rust.** A pattern is parsed ([`parse`], [`escape`]) into [`ast`] nodes
//! with CPython 3.11's errors, compiled for a backtracking matcher ([`prog`],
//! [`backtrack`]) that follows `sre`'s semantics, and translated ([`translate`]) to the
//! `regex` crate (through `regex-automata`) wherever the crate's answer is the same;
//! [`engine`] picks one per search. Positions are code points (bytes for bytes patterns).
//! `Pattern` and `Match` objects are immutable (no cell needed); a `finditer` iterator keeps
//! its position in the backend's cell.
//!
//! Differences from CPython are listed in `docs/stdlib.md` (section `re`).

mod ast;
mod backtrack;
mod chars;
mod engine;
mod escape;
mod flags;
mod iterate;
mod matchobj;
mod parse;
mod pattern;
mod prog;
mod template;
#[cfg(test)]
mod tests;
mod translate;

use engine::{Regex, Subject};
use gillab_vm::Backend;
use gillab_vm::builtins::{Args, add};
use gillab_vm::ctx::{Ctx, PyErr, PyResult};
use gillab_vm::eval::imports::import_module;
use gillab_vm::object::{Layout, NativeObj, Payload, PyRef};
use gillab_vm::ops::{self, call, dicts};
use gillab_vm::types::new_class;
use parse::{ErrKind, ReError};
use std::sync::Arc;

const SOURCE: &str = include_str!("../python/re.py");

/// A `re.Pattern` object's value.
pub(crate) struct PatternObj<B: Backend> {
    pub(crate) regex: Arc<Regex>,
    /// The pattern as given (a str or bytes object).
    pub(crate) pattern: PyRef<B>,
    /// The `re.Match` class, for the matches it makes.
    pub(crate) match_class: PyRef<B>,
    /// The iterator class of `finditer`.
    pub(crate) iter_class: PyRef<B>,
}

/// Fills the `re` module (Python source).
pub fn fill<B: Backend>(ctx: &mut Ctx<'_, B>, module: &PyRef<B>) -> PyResult<B, ()> {
    gillab_vm::eval::imports::exec_source(ctx, SOURCE, "<frozen re>", module)
}

/// Fills the native `_gillab_re` module.
pub fn fill_native<B: Backend>(ctx: &mut Ctx<'_, B>, module: &PyRef<B>) -> PyResult<B, ()> {
    let Payload::Module(m) = &module.payload else { return Ok(()) };
    let ns = &m.dict;
    let vm = ctx.vm;
    let object = vm.core.object_type.clone();
    let pattern = new_class::<B>("Pattern", "re", object.clone(), Layout::Builtin);
    pattern::install(ctx, &pattern);
    let matchc = new_class::<B>("Match", "re", object.clone(), Layout::Builtin);
    matchobj::install(ctx, &matchc);
    let iterc = new_class::<B>("callable_iterator", "builtins", object, Layout::Builtin);
    iterate::install_iter(ctx, &iterc);
    dicts::set_name(ns, vm.intern("Pattern"), pattern);
    dicts::set_name(ns, vm.intern("Match"), matchc);
    dicts::set_name(ns, vm.intern("callable_iterator"), iterc);
    add(vm, ns, "compile", compile);
    Ok(())
}

/// `_gillab_re.compile(pattern, flags)`: a new `re.Pattern` (the cache is `re`'s).
fn compile<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "compile", 2, 2, &[])?;
    let (p, f) = (&args.args[0], &args.args[1]);
    let flags = ops::seq::index_value(ctx, f)?;
    let (units, bytes): (Vec<u32>, bool) = match &ops::value_of(p).payload {
        Payload::Str(s) => (s.as_str().chars().map(|c| c as u32).collect(), false),
        Payload::Bytes(b) => (b.iter().map(|&x| u32::from(x)).collect(), true),
        _ => return Err(ctx.type_error("first argument must be string or compiled pattern")),
    };
    let regex = Regex::new(&units, bytes, flags as u32).map_err(|e| raise(ctx, e, p))?;
    let module = import_module(ctx, "_gillab_re")?;
    let cls = ops::attr::getattr_str(ctx, &module, "Pattern")?;
    let match_class = ops::attr::getattr_str(ctx, &module, "Match")?;
    let iter_class = ops::attr::getattr_str(ctx, &module, "callable_iterator")?;
    let obj = PatternObj { regex: Arc::new(regex), pattern: p.clone(), match_class, iter_class };
    Ok(PyRef::new(Payload::Native(Box::new(NativeObj { class: cls, data: Box::new(obj) }))))
}

/// The exception for a failed compilation of `pattern` (`re.error` carries the pattern and
/// position).
pub(crate) fn raise<B: Backend>(ctx: &mut Ctx<'_, B>, e: ReError, pattern: &PyRef<B>) -> PyErr<B> {
    match e.kind {
        ErrKind::Overflow => ctx.overflow_error(e.msg),
        ErrKind::Value => ctx.value_error(e.msg),
        ErrKind::Re => match re_error(ctx, &e.msg, pattern, e.pos) {
            Ok(err) | Err(err) => err,
        },
    }
}

/// `re.error(msg, pattern, pos)`.
fn re_error<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    msg: &str,
    pattern: &PyRef<B>,
    pos: Option<usize>,
) -> PyResult<B, PyErr<B>> {
    let module = import_module(ctx, "re")?;
    let cls = ops::attr::getattr_str(ctx, &module, "error")?;
    let vm = ctx.vm;
    // An error found after parsing (a look-behind's width) has neither position nor
    // pattern, as in CPython.
    let (pattern, pos) = match pos {
        Some(p) => (pattern.clone(), vm.int(p as i64)),
        None => (vm.core.none.clone(), vm.core.none.clone()),
    };
    let exc = call::call(ctx, &cls, &[vm.str(msg), pattern, pos], &[])?;
    Ok(PyErr(exc))
}

/// The `PatternObj` of a `re.Pattern` object.
pub(crate) fn pattern_of<B: Backend>(o: &PyRef<B>) -> Option<&PatternObj<B>> {
    match &o.payload {
        Payload::Native(n) => n.data.downcast_ref::<PatternObj<B>>(),
        _ => None,
    }
}

/// The receiver of a `Pattern` method, or CPython's descriptor `TypeError`.
pub(crate) fn this_pattern<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    method: &str,
) -> PyResult<B, (&'a PyRef<B>, &'a PatternObj<B>)> {
    let Some(o) = args.positional().first() else {
        return Err(ctx.type_error(format!(
            "descriptor '{method}' of 're.Pattern' object needs an argument"
        )));
    };
    match pattern_of(o) {
        Some(p) => Ok((o, p)),
        None => Err(ctx.type_error(format!(
            "descriptor '{method}' for 're.Pattern' objects doesn't apply to a '{}' object",
            ops::type_name(ctx.vm, o)
        ))),
    }
}

/// The text of `string` for a search with `regex`, with CPython's `TypeError`s.
pub(crate) fn subject<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    regex: &Regex,
    string: &'a PyRef<B>,
) -> PyResult<B, Subject<'a>> {
    match &ops::value_of(string).payload {
        Payload::Str(s) if !regex.bytes => Ok(Subject::from_str(s.as_str())),
        Payload::Bytes(b) if regex.bytes => Ok(Subject::from_bytes(b)),
        Payload::Str(_) => {
            Err(ctx.type_error("cannot use a bytes pattern on a string-like object"))
        }
        Payload::Bytes(_) => {
            Err(ctx.type_error("cannot use a string pattern on a bytes-like object"))
        }
        _ => Err(ctx.type_error(format!(
            "expected string or bytes-like object, got '{}'",
            ops::type_name(ctx.vm, string)
        ))),
    }
}

/// A str or bytes object of the same kind as the pattern, from `bytes` (UTF-8 for str).
pub(crate) fn text_obj<B: Backend>(ctx: &Ctx<'_, B>, bytes_kind: bool, bytes: &[u8]) -> PyRef<B> {
    if bytes_kind {
        PyRef::new(Payload::Bytes(bytes.into()))
    } else {
        ctx.vm.str(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// A `pos`/`endpos` argument: an index clamped to `0..=len` (`None`: `default`).
pub(crate) fn position<B: Backend>(
    ctx: &Ctx<'_, B>,
    v: Option<&PyRef<B>>,
    default: usize,
    len: usize,
) -> PyResult<B, usize> {
    let Some(v) = v else { return Ok(default.min(len)) };
    let i = crate::itertools::ssize(ctx, v)?;
    Ok(i.clamp(0, len as i64) as usize)
}
