//! Methods of `type` itself: `type(obj)` and the three-argument form (`__new__`),
//! `__call__` (what calling a class does, reachable from a metaclass through `super()`),
//! `__init__`, `mro`; `object.__init_subclass__`; and `__iter__`/`__next__` of the built-in
//! iterators (`iter([]).__next__`). Class creation itself is in
//! `eval::classes`.

use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Payload, PyRef, Wrapper};
use crate::ops::{call, type_name, type_of};
use crate::vm::Vm;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let t = &vm.core.types.type_;
    add(vm, t, "__call__", type_call);
    add(vm, t, "__init__", type_init);
    add(vm, t, "mro", type_mro);
    let it = &vm.core.types.iterator;
    add(vm, it, "__iter__", iter_self);
    add(vm, it, "__next__", iter_next);
    let o = &vm.core.object_type;
    add(vm, o, "__init_subclass__", crate::eval::classes::object_init_subclass);
    // Implicitly a classmethod, as in CPython.
    if let Some(f) = crate::ops::dicts::get_text(o, "__init_subclass__") {
        let w = PyRef::new(Payload::Wrapper(Box::new(Wrapper::ClassMethod(f))));
        crate::ops::dicts::set_name(o, vm.intern("__init_subclass__"), w);
    }
}

/// `type(obj)`, and `type(name, bases, dict, **kwds)` / `type.__new__(meta, name, bases,
/// dict, **kwds)`, which make a class.
pub fn type_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let Some(meta) = args.args.first() else {
        return Err(ctx.type_error("type.__new__(): not enough arguments"));
    };
    let pos = &args.positional()[1..];
    if pos.len() == 1 && args.kwnames.is_empty() && meta.is(&ctx.vm.core.types.type_) {
        return Ok(type_of(ctx.vm, &pos[0]));
    }
    if pos.len() != 3 {
        return Err(ctx.type_error("type() takes 1 or 3 arguments"));
    }
    let kw: Vec<(PyRef<B>, PyRef<B>)> =
        args.kwargs().map(|(k, v)| (ctx.vm.str(k), v.clone())).collect();
    crate::eval::classes::type_new3(ctx, meta, pos, &kw)
}

/// `type.__call__(cls, *args, **kwds)`: what calling a class does (a metaclass's
/// `__call__` reaches it through `super()`).
pub fn type_call<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let Some((cls, rest)) = args.args.split_first() else {
        return Err(ctx.type_error("descriptor '__call__' of 'type' object needs an argument"));
    };
    if !matches!(cls.payload, Payload::Type(_)) {
        return Err(ctx.type_error(format!(
            "descriptor '__call__' requires a 'type' object but received a '{}'",
            type_name(ctx.vm, cls)
        )));
    }
    call::type_call(ctx, cls, rest, args.kwnames)
}

/// `type.__init__(cls, ...)`: nothing to do (the class was made by `__new__`).
pub fn type_init<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let n = args.positional().len();
    if n != 2 && n != 4 {
        return Err(ctx.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(ctx.vm.core.none.clone())
}

/// `type.mro(cls)`: the class's method resolution order as a list.
pub fn type_mro<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let Some(cls) = args.args.first() else {
        return Err(ctx.type_error("descriptor 'mro' of 'type' object needs an argument"));
    };
    let Payload::Type(t) = &cls.payload else {
        return Err(ctx.type_error("descriptor 'mro' requires a 'type' object"));
    };
    let mut v = vec![cls.clone()];
    v.extend(t.mro.iter().cloned());
    Ok(ctx.vm.list(v))
}

/// `iterator.__iter__()`: the iterator itself.
fn iter_self<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    match args.positional() {
        [s] => Ok(s.clone()),
        _ => Err(ctx.type_error("expected 0 arguments")),
    }
}

/// `iterator.__next__()`: the next item, or `StopIteration`.
fn iter_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let [s] = args.positional() else {
        return Err(ctx.type_error("expected 0 arguments"));
    };
    if !matches!(s.payload, Payload::Iter(_)) {
        return Err(ctx.type_error(format!(
            "descriptor '__next__' requires an 'iterator' object but received a '{}'",
            type_name(ctx.vm, s)
        )));
    }
    match crate::ops::iter::next(ctx, s)? {
        Some(v) => Ok(v),
        None => Err(ctx.stop_iteration()),
    }
}
