//! `__get__` of the built-in descriptors — functions, `classmethod`, `staticmethod`,
//! `property` — callable from Python (`f.__get__(obj, cls)` binds as attribute access
//! does; `functools.partialmethod` and `singledispatchmethod` call it), and `__func__` of
//! `classmethod`/`staticmethod`. Attribute access itself binds these in `ops::attr::bind`
//! without going through the methods here.

use crate::backend::Backend;
use crate::builtins::{Args, add, add_property};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Payload, PyRef, Wrapper};
use crate::ops::{call, type_of};
use crate::vm::Vm;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let t = &vm.core.types;
    add(vm, &t.function, "__get__", function_get);
    add(vm, &t.classmethod, "__get__", wrapper_get);
    add(vm, &t.staticmethod, "__get__", wrapper_get);
    add(vm, &t.property, "__get__", wrapper_get);
    add_property(vm, &t.classmethod, "__func__", wrapper_func);
    add_property(vm, &t.staticmethod, "__func__", wrapper_func);
}

/// The `(self, obj, type)` of a `__get__` call.
type GetArgs<'a, B> = (&'a PyRef<B>, Option<&'a PyRef<B>>, Option<&'a PyRef<B>>);

/// The `(self, obj, type)` of a `__get__` call; `obj` and `type` are `None` when missing.
fn get_args<'a, B: Backend>(ctx: &Ctx<'_, B>, args: &Args<'a, B>) -> PyResult<B, GetArgs<'a, B>> {
    let not_none = |o: Option<&'a PyRef<B>>| o.filter(|v| !matches!(v.payload, Payload::None));
    match args.positional() {
        [this, obj] => Ok((this, not_none(Some(obj)), None)),
        [this, obj, cls] => Ok((this, not_none(Some(obj)), not_none(Some(cls)))),
        p => Err(
            ctx.type_error(format!("expected 1 or 2 arguments, got {}", p.len().saturating_sub(1)))
        ),
    }
}

/// `f.__get__(obj, type=None)`: a bound method, or `f` itself without an instance.
fn function_get<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (f, obj, _) = get_args(ctx, &args)?;
    Ok(match obj {
        Some(o) => PyRef::new(Payload::Method(Box::new((f.clone(), o.clone())))),
        None => f.clone(),
    })
}

/// `__get__` of `classmethod` (bound to the class), `staticmethod` (the function) and
/// `property` (the getter's value, or the property itself without an instance).
fn wrapper_get<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (w, obj, cls) = get_args(ctx, &args)?;
    let Payload::Wrapper(wr) = &w.payload else {
        return Err(ctx.type_error("descriptor '__get__' requires a built-in descriptor"));
    };
    match &**wr {
        Wrapper::StaticMethod(f) => Ok(f.clone()),
        Wrapper::ClassMethod(f) => {
            let owner = match (cls, obj) {
                (Some(c), _) => c.clone(),
                (None, Some(o)) => type_of(ctx.vm, o),
                (None, None) => return Err(ctx.type_error("__get__(None, None) is invalid")),
            };
            Ok(PyRef::new(Payload::Method(Box::new((f.clone(), owner)))))
        }
        Wrapper::Property { fget, .. } => match (obj, fget) {
            (None, _) => Ok(w.clone()),
            (Some(o), Some(g)) => call::call(ctx, g, std::slice::from_ref(o), &[]),
            (Some(_), None) => Err(ctx.attribute_error("unreadable attribute")),
        },
    }
}

/// `classmethod(f).__func__` and `staticmethod(f).__func__`: `f`.
fn wrapper_func<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    match args.args.first().map(|w| &w.payload) {
        Some(Payload::Wrapper(w)) => match &**w {
            Wrapper::StaticMethod(f) | Wrapper::ClassMethod(f) => Ok(f.clone()),
            Wrapper::Property { .. } => Err(ctx.attribute_error("__func__")),
        },
        _ => Err(ctx.type_error("descriptor '__func__' requires a classmethod or staticmethod")),
    }
}
