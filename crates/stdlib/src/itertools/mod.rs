//! `itertools`, complete as in CPython 3.11 and lazy: `count`, `cycle`, `repeat`,
//! `accumulate`, `chain` (and `chain.from_iterable`), `compress`, `dropwhile`, `filterfalse`,
//! `groupby`, `islice`, `pairwise`, `starmap`, `takewhile`, `tee`, `zip_longest`, `product`,
//! `permutations`, `combinations`, `combinations_with_replacement`.
//!
//! **Style: native Rust.** Every iterator is a `Payload::Native` object of its own class
//! (`itertools.count`, ...), whose Rust value is a [`Guarded`]: the iterator's state inside
//! the backend's cell (`B::Cell`, reached through `Object::read`/`Object::write`). No closure
//! given to the cell calls Python code: an iterator that must pull from another iterator or
//! call a function copies what it needs out of its cell, makes the call with the cell
//! released, and writes the result back in a second short critical section. Several threads
//! may therefore iterate one object on any backend without a crash or a torn state; as in
//! CPython 3.13t, which items each thread gets is unspecified (`count` and the combinatoric
//! iterators, whose step runs wholly under the cell, hand each value out exactly once).
//!
//! Messages and reprs are CPython's (`count(5)`, `repeat(1, 3)`, the argument errors of each
//! constructor). Not provided: pickling support (`__reduce__`/`__setstate__`), deprecated in
//! 3.12.
//!
//! The iterators are split by kind: [`simple`] (counting, repeating, chaining, slicing),
//! [`filters`] (filtering and combining inner iterators), [`groups`]
//! (`groupby`, `tee`), [`combinatoric`].

mod combinatoric;
mod filters;
mod groups;
mod simple;

use gillab_vm::Backend;
use gillab_vm::builtins::{Args, NativeFn, add};
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::{Layout, Payload, PyRef};
use gillab_vm::ops::{self, dicts};
use gillab_vm::types::new_class;

pub(crate) use crate::native::{cell_of, new_obj};

/// A method's receiver and its state cell, or CPython's descriptor `TypeError`.
pub(crate) fn this<'a, B: Backend, T: Send + Sync + 'static>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    cls: &str,
    method: &str,
) -> PyResult<B, (&'a PyRef<B>, &'a B::Cell<T>)> {
    let Some(o) = args.positional().first() else {
        return Err(ctx.type_error(format!(
            "descriptor '{method}' of 'itertools.{cls}' object needs an argument"
        )));
    };
    match cell_of::<B, T>(o) {
        Some(c) => Ok((o, c)),
        None => Err(ctx.type_error(format!(
            "descriptor '{method}' for 'itertools.{cls}' objects doesn't apply to a '{}' object",
            ops::type_name(ctx.vm, o)
        ))),
    }
}

/// The end of an iterator: `StopIteration`.
pub(crate) fn stop<B: Backend>(ctx: &Ctx<'_, B>) -> PyResult<B> {
    Err(ctx.stop_iteration())
}

/// `None` for Python's `None`.
pub(crate) fn not_none<B: Backend>(o: Option<&PyRef<B>>) -> Option<&PyRef<B>> {
    o.filter(|v| !matches!(v.payload, Payload::None))
}

/// `PyArg_UnpackTuple`'s checks: `min..=max` positional arguments and no keywords, with
/// CPython's messages (`cycle expected 1 argument, got 0`, `chain() takes no keyword
/// arguments`).
pub(crate) fn unpack<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<B, &'a [PyRef<B>]> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error(format!("{name}() takes no keyword arguments")));
    }
    // The class is the first argument of `__new__`.
    let pos = args.positional().get(1..).unwrap_or(&[]);
    let n = pos.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min || n > max {
        let msg = if min == max {
            format!("{name} expected {min} argument{}, got {n}", plural(min))
        } else if n < min {
            format!("{name} expected at least {min} argument{}, got {n}", plural(min))
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", plural(max))
        };
        return Err(ctx.type_error(msg));
    }
    Ok(pos)
}

/// Argument-clinic parsing of `__new__(cls, ...)`: the parameters `names` (the first
/// `required` of them required, those from `kw_only` on keyword-only), by position or
/// keyword, with CPython's messages.
pub(crate) fn clinic<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
    names: &[&str],
    required: usize,
    kw_only: usize,
) -> PyResult<B, Vec<Option<&'a PyRef<B>>>> {
    let pos = args.positional().get(1..).unwrap_or(&[]);
    if pos.len() > kw_only {
        let what = if kw_only < names.len() { "positional argument" } else { "argument" };
        let what = if kw_only == 1 { what.to_string() } else { format!("{what}s") };
        return Err(ctx
            .type_error(format!("{name}() takes at most {kw_only} {what} ({} given)", pos.len())));
    }
    let mut out: Vec<Option<&'a PyRef<B>>> = names.iter().map(|_| None).collect();
    for (slot, v) in out.iter_mut().zip(pos) {
        *slot = Some(v);
    }
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if i < pos.len() => {
                return Err(ctx.type_error(format!(
                    "argument for {name}() given by name ('{k}') and position ({})",
                    i + 1
                )));
            }
            Some(i) => {
                if let Some(slot) = out.get_mut(i) {
                    *slot = Some(v);
                }
            }
            None => {
                return Err(
                    ctx.type_error(format!("'{k}' is an invalid keyword argument for {name}()"))
                );
            }
        }
    }
    for (i, (slot, n)) in out.iter().zip(names).enumerate().take(required) {
        if slot.is_none() {
            return Err(
                ctx.type_error(format!("{name}() missing required argument '{n}' (pos {})", i + 1))
            );
        }
    }
    Ok(out)
}

/// A Py_ssize_t argument (`__index__` semantics), with CPython's `TypeError`.
pub(crate) fn ssize<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, i64> {
    match &v.payload {
        Payload::BigInt(_) => {
            Err(ctx.overflow_error("Python int too large to convert to C ssize_t"))
        }
        _ => ops::seq::index_value(ctx, v),
    }
}

/// `<itertools.NAME object at 0x...>`, the repr of the iterators without one of their own.
fn default_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let Some(o) = args.args.first() else { return Err(ctx.type_error("__repr__ needs self")) };
    let cls = ops::type_of(ctx.vm, o);
    let (module, qual) = match &cls.payload {
        Payload::Type(t) => (t.module.clone(), t.qualname.clone()),
        _ => ("?".into(), "?".into()),
    };
    Ok(ctx.vm.str(format!("<{module}.{qual} object at {:#x}>", o.addr())))
}

/// `__iter__`: an iterator is its own iterator.
fn iter_self<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "__iter__", 1, 1, &[])?;
    Ok(args.args[0].clone())
}

/// The methods of one itertools class: `__new__` and `__next__`, and `__repr__` where it has
/// its own (the others get [`default_repr`]).
pub(crate) struct ClassSpec<B: Backend> {
    pub(crate) name: &'static str,
    pub(crate) new: NativeFn<B>,
    pub(crate) next: NativeFn<B>,
    pub(crate) repr: Option<NativeFn<B>>,
}

/// Creates an iterator class of module `itertools` from `spec` and stores it in `ns`.
pub(crate) fn make_class<B: Backend>(
    ctx: &Ctx<'_, B>,
    ns: &PyRef<B>,
    spec: ClassSpec<B>,
) -> PyRef<B> {
    let vm = ctx.vm;
    let cls = new_class::<B>(spec.name, "itertools", vm.core.object_type.clone(), Layout::Builtin);
    add(vm, &cls, "__new__", spec.new);
    add(vm, &cls, "__iter__", iter_self);
    add(vm, &cls, "__next__", spec.next);
    add(vm, &cls, "__repr__", spec.repr.unwrap_or(default_repr));
    dicts::set_name(ns, vm.intern(spec.name), cls.clone());
    cls
}

/// The class `name` of the `itertools` module (for constructors that build objects of
/// another class: `groupby`'s groups, `tee`'s copies).
pub(crate) fn module_class<B: Backend>(ctx: &mut Ctx<'_, B>, name: &str) -> PyResult<B> {
    let m = gillab_vm::eval::imports::import_module(ctx, "itertools")?;
    ops::attr::getattr_str(ctx, &m, name)
}

/// Fills the `itertools` module.
pub fn fill<B: Backend>(ctx: &mut Ctx<'_, B>, module: &PyRef<B>) -> PyResult<B, ()> {
    let Payload::Module(m) = &module.payload else { return Ok(()) };
    let ns = m.dict.clone();
    simple::install(ctx, &ns);
    filters::install(ctx, &ns);
    groups::install(ctx, &ns);
    combinatoric::install(ctx, &ns);
    Ok(())
}
