//! Methods of `object` and `BaseException` that subclasses reach through `super()`.

use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Payload, PyRef, Wrapper};
use crate::ops::{compare, repr, type_name};
use crate::vm::Vm;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let o = &vm.core.object_type;
    add(vm, o, "__init__", object_init);
    add(vm, o, "__repr__", object_repr);
    add(vm, o, "__str__", object_str);
    add(vm, o, "__eq__", object_eq);
    add(vm, o, "__ne__", object_ne);
    add(vm, o, "__hash__", object_hash);
    add(vm, o, "__getattribute__", object_getattribute);
    add(vm, o, "__setattr__", object_setattr);
    add(vm, o, "__delattr__", object_delattr);
    let e = &vm.core.exc.base_exception;
    add(vm, e, "__init__", exc_init);
    add(vm, e, "__str__", exc_str);
    add(vm, e, "__repr__", exc_repr);
    add(vm, e, "with_traceback", exc_with_traceback);
    let p = &vm.core.types.property;
    add(vm, p, "getter", property_getter);
    add(vm, p, "setter", property_setter);
    // Each built-in type has a `__repr__` of its own, as in CPython (`bool.__repr__ is not
    // int.__repr__`), which code like pprint's dispatches on; those of the types a class may
    // extend are `subclass.rs`'s.
    let t = &vm.core.types;
    for cls in [&t.bool_, &t.range, &t.slice] {
        add(vm, cls, "__repr__", builtin_repr);
    }
}

/// `__repr__` of the built-in types: the value's own repr.
fn builtin_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let o = this(ctx, &args, "__repr__")?;
    let text = repr::repr_slot(ctx, o)?;
    Ok(ctx.vm.str(text))
}

fn property_with<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, setter: bool) -> PyResult<B> {
    args.check(ctx, if setter { "setter" } else { "getter" }, 2, 2, &[])?;
    let Payload::Wrapper(w) = &args.args[0].payload else {
        return Err(ctx.type_error("descriptor requires a 'property' object"));
    };
    let Wrapper::Property { fget, fset } = &**w else {
        return Err(ctx.type_error("descriptor requires a 'property' object"));
    };
    let f = Some(args.args[1].clone());
    let w = if setter {
        Wrapper::Property { fget: fget.clone(), fset: f }
    } else {
        Wrapper::Property { fget: f, fset: fset.clone() }
    };
    Ok(PyRef::new(Payload::Wrapper(Box::new(w))))
}

fn property_getter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    property_with(ctx, args, false)
}

fn property_setter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    property_with(ctx, args, true)
}

fn this<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
) -> PyResult<B, &'a PyRef<B>> {
    args.args.first().ok_or_else(|| {
        ctx.type_error(format!("descriptor '{name}' of 'object' object needs an argument"))
    })
}

fn object_init<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let _ = this(ctx, &args, "__init__")?;
    if args.args.len() > 1 {
        return Err(ctx.type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)",
        ));
    }
    Ok(ctx.vm.core.none.clone())
}

/// The default repr, `<module.Class object at 0x...>`, also for exceptions' subclasses.
fn object_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let o = this(ctx, &args, "__repr__")?;
    let text = match &o.payload {
        Payload::Instance(i) if i.exc.is_none() => {
            let (module, qual) = match &i.class.payload {
                Payload::Type(t) => (t.module.clone(), t.qualname.clone()),
                _ => ("?".into(), "?".into()),
            };
            format!("<{module}.{qual} object at {:#x}>", o.addr())
        }
        // A native object whose class has no `__repr__` of its own: `repr` would come back
        // here through the class's inherited `object.__repr__`.
        Payload::Native(n) => {
            format!("<{} object at {:#x}>", crate::ops::class_name(&n.class), o.addr())
        }
        _ => repr::repr(ctx, o)?,
    };
    Ok(ctx.vm.str(text))
}

fn object_str<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let o = this(ctx, &args, "__str__")?;
    let s = repr::repr_slot(ctx, o)?;
    Ok(ctx.vm.str(s))
}

/// `object.__getattribute__(obj, name)`: the generic lookup, without the class's
/// `__getattr__` fallback (what a proxy's `__getattr__` calls to reach its own fields).
fn object_getattribute<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    use crate::ops::attr;
    args.check(ctx, "__getattribute__", 2, 2, &[])?;
    let (obj, name) = (&args.args[0], &args.args[1]);
    let Payload::Str(s) = &name.payload else {
        return Err(ctx.type_error(format!(
            "attribute name must be string, not '{}'",
            type_name(ctx.vm, name)
        )));
    };
    if !matches!(obj.payload, Payload::Instance(_)) {
        return attr::getattr(ctx, obj, name);
    }
    let cls = crate::ops::type_of(ctx.vm, obj);
    match attr::generic_getattr(ctx, obj, &cls, s.as_str(), s.hash())? {
        Some(v) => Ok(v),
        None => Err(attr::no_attribute(ctx, obj, s.as_str())),
    }
}

fn object_setattr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "__setattr__", 3, 3, &[])?;
    let a = args.args;
    crate::ops::attr::generic_setattr(ctx, &a[0], &a[1], a[2].clone())?;
    Ok(ctx.vm.core.none.clone())
}

fn object_delattr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "__delattr__", 2, 2, &[])?;
    crate::ops::attr::generic_delattr(ctx, &args.args[0], &args.args[1])?;
    Ok(ctx.vm.core.none.clone())
}

fn object_eq<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "__eq__", 2, 2, &[])?;
    Ok(if args.args[0].is(&args.args[1]) {
        ctx.vm.core.true_.clone()
    } else {
        ctx.vm.core.not_implemented.clone()
    })
}

fn object_ne<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "__ne__", 2, 2, &[])?;
    let r = compare::rich_compare(ctx, &args.args[0], &args.args[1], compare::CmpOp::Eq)?;
    Ok(match &r.payload {
        Payload::Bool(b) => ctx.vm.bool(!b),
        _ => r,
    })
}

fn object_hash<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let o = this(ctx, &args, "__hash__")?;
    Ok(ctx.vm.int((o.addr() >> 4) as i64))
}

fn exc_init<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let o = this(ctx, &args, "__init__")?;
    if let Payload::Instance(i) = &o.payload
        && let Some(st) = &i.exc
    {
        let new_args = ctx.vm.tuple(args.positional()[1..].to_vec());
        let old = o.write(st, |s| std::mem::replace(&mut s.args, new_args));
        drop(old);
        return Ok(ctx.vm.core.none.clone());
    }
    Err(ctx.type_error(format!(
        "descriptor '__init__' requires a 'BaseException' object but received a '{}'",
        type_name(ctx.vm, o)
    )))
}

fn exc_args<B: Backend>(o: &PyRef<B>) -> Option<PyRef<B>> {
    match &o.payload {
        Payload::Instance(i) => i.exc.as_ref().map(|st| o.read(st, |s| s.args.clone())),
        _ => None,
    }
}

fn exc_str<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let o = this(ctx, &args, "__str__")?;
    let Some(a) = exc_args(o) else { return Err(ctx.type_error("not an exception")) };
    Ok(match &a.payload {
        Payload::Tuple(t) if t.is_empty() => ctx.vm.str(""),
        Payload::Tuple(t) if t.len() == 1 => {
            if crate::ops::isinstance(ctx.vm, o, &ctx.vm.core.exc.key_error) {
                ctx.vm.str(repr::repr(ctx, &t[0])?)
            } else {
                repr::str_obj(ctx, &t[0])?
            }
        }
        _ => ctx.vm.str(repr::repr(ctx, &a)?),
    })
}

fn exc_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let o = this(ctx, &args, "__repr__")?;
    let Some(a) = exc_args(o) else { return Err(ctx.type_error("not an exception")) };
    let inner = match &a.payload {
        Payload::Tuple(t) if t.len() == 1 => repr::repr(ctx, &t[0])?,
        _ => {
            let r = repr::repr(ctx, &a)?;
            r.trim_start_matches('(').trim_end_matches(')').trim_end_matches(',').to_string()
        }
    };
    Ok(ctx.vm.str(format!("{}({inner})", type_name(ctx.vm, o))))
}

fn exc_with_traceback<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let o = this(ctx, &args, "with_traceback")?;
    Ok(o.clone())
}
