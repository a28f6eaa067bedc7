//! Methods of the `generator` and `coroutine` classes: `__next__`, `send`, `throw`, `close`
//! and the `gi_*` / `cr_*` attributes, and of `coroutine_wrapper`, the iterator a coroutine's
//! `__await__()` returns (it drives the coroutine). The frame machinery is `eval::generator`.

use crate::backend::Backend;
use crate::builtins::{Args, add, add_property};
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::eval::exceptions::make_exception;
use crate::eval::generator::{self, GenObj, Outcome, as_gen};
use crate::object::{Layout, Payload, PyRef};
use crate::ops::{as_str, call, type_name};
use crate::vm::Vm;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let types = &vm.core.types;
    for (cls, prefix) in [(&types.generator, "gi"), (&types.coroutine, "cr")] {
        add(vm, cls, "send", gen_send);
        add(vm, cls, "throw", gen_throw);
        add(vm, cls, "close", gen_close);
        add(vm, cls, "__repr__", gen_repr);
        add_property(vm, cls, "__name__", gen_name);
        add_property(vm, cls, "__qualname__", gen_qualname);
        let (running, suspended, code) = if prefix == "gi" {
            ("gi_running", "gi_suspended", "gi_code")
        } else {
            ("cr_running", "cr_suspended", "cr_code")
        };
        add_property(vm, cls, running, gen_running);
        add_property(vm, cls, suspended, gen_suspended);
        add_property(vm, cls, code, gen_code);
    }
    add(vm, &types.generator, "__iter__", gen_iter);
    add(vm, &types.generator, "__next__", gen_next);
    add(vm, &types.coroutine, "__await__", coro_await);
    let w = &types.coroutine_wrapper;
    add(vm, w, "__iter__", wrapper_iter);
    add(vm, w, "__next__", wrapper_next);
    add(vm, w, "send", wrapper_send);
    add(vm, w, "throw", wrapper_throw);
    add(vm, w, "close", wrapper_close);
}

/// The Rust value of a `coroutine_wrapper`: the coroutine it drives.
struct AwaitWrapper<B: Backend>(PyRef<B>);

fn coro_await<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "__await__", 1, 1, &[])?;
    let (o, _) = this(ctx, &args, "__await__")?;
    Ok(PyRef::new(Payload::Native(Box::new(crate::object::NativeObj {
        class: ctx.vm.core.types.coroutine_wrapper.clone(),
        data: Box::new(AwaitWrapper(o.clone())),
    }))))
}

/// The wrapper's receiver and its coroutine, re-packed as the coroutine's own `Args`.
fn wrapped<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
) -> PyResult<B, (&'a PyRef<B>, PyRef<B>)> {
    match args.args.first().map(|o| (o, &o.payload)) {
        Some((o, Payload::Native(n))) if let Some(w) = n.data.downcast_ref::<AwaitWrapper<B>>() => {
            Ok((o, w.0.clone()))
        }
        _ => {
            Err(ctx
                .type_error(format!("descriptor '{name}' requires a 'coroutine_wrapper' object")))
        }
    }
}

/// Calls the coroutine's method `f` with the wrapper's arguments (the coroutine as `self`).
fn forward<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &str,
    f: crate::args::NativeFn<B>,
) -> PyResult<B> {
    let (_, coro) = wrapped(ctx, &args, name)?;
    let mut all = vec![coro];
    all.extend(args.args[1..].iter().cloned());
    f(ctx, Args { args: &all, kwnames: args.kwnames })
}

fn wrapper_iter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = wrapped(ctx, &args, "__iter__")?;
    Ok(o.clone())
}

fn wrapper_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, coro) = wrapped(ctx, &args, "__next__")?;
    let Some(g) = as_gen(&coro) else { return Err(ctx.type_error("not a coroutine")) };
    let none = ctx.vm.core.none.clone();
    let out = generator::send(ctx, g, none)?;
    yielded(ctx, out)
}

fn wrapper_send<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    forward(ctx, args, "send", gen_send)
}

fn wrapper_throw<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    forward(ctx, args, "throw", gen_throw)
}

fn wrapper_close<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    forward(ctx, args, "close", gen_close)
}

/// The receiver, checked to be a generator (or coroutine) object.
fn this<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
) -> PyResult<B, (&'a PyRef<B>, &'a GenObj<B>)> {
    match args.args.first() {
        Some(o) if let Some(g) = as_gen(o) => Ok((o, g)),
        Some(o) => Err(ctx.type_error(format!(
            "descriptor '{name}' requires a 'generator' object but received a '{}'",
            type_name(ctx.vm, o)
        ))),
        None => Err(ctx.type_error(format!("descriptor '{name}' needs an argument"))),
    }
}

/// Turns a resumption's outcome into `__next__`/`send`'s result: the yielded value, or
/// `StopIteration(value)` when the frame returned.
fn yielded<B: Backend>(ctx: &Ctx<'_, B>, out: Outcome<B>) -> PyResult<B> {
    match out {
        Outcome::Yield(v) => Ok(v),
        Outcome::Return(v) => Err(stop_iteration(ctx, v)),
    }
}

/// `StopIteration(v)`, or `StopIteration()` for `None` (CPython's `_PyGen_SetStopIterationValue`).
pub fn stop_iteration<B: Backend>(ctx: &Ctx<'_, B>, v: PyRef<B>) -> PyErr<B> {
    let args = if matches!(v.payload, Payload::None) { vec![] } else { vec![v] };
    PyErr(ctx.new_exception(&ctx.vm.core.exc.stop_iteration, args))
}

fn gen_iter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "__iter__", 1, 1, &[])?;
    let (o, _) = this(ctx, &args, "__iter__")?;
    Ok(o.clone())
}

fn gen_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "__next__", 1, 1, &[])?;
    let (_, g) = this(ctx, &args, "__next__")?;
    let none = ctx.vm.core.none.clone();
    let out = generator::send(ctx, g, none)?;
    yielded(ctx, out)
}

fn gen_send<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, g) = this(ctx, &args, "send")?;
    args.check(ctx, "send", 2, 2, &[]).map_err(|_| {
        ctx.type_error(format!(
            "{}.send() takes exactly one argument ({} given)",
            g.kind.noun(),
            args.positional().len().saturating_sub(1)
        ))
    })?;
    let out = generator::send(ctx, g, args.args[1].clone())?;
    yielded(ctx, out)
}

/// `throw(exc)` or the old `throw(type[, value[, traceback]])`.
fn gen_throw<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, g) = this(ctx, &args, "throw")?;
    let pos = args.positional();
    if pos.len() < 2 || pos.len() > 4 {
        return Err(ctx.type_error(format!(
            "throw expected at least 1 argument, got {}",
            pos.len().saturating_sub(1)
        )));
    }
    let exc = thrown(ctx, &pos[1], pos.get(2))?;
    let out = generator::throw(ctx, g, PyErr(exc))?;
    yielded(ctx, out)
}

/// The exception `throw(typ, val)` raises.
pub(crate) fn thrown<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    typ: &PyRef<B>,
    val: Option<&PyRef<B>>,
) -> PyResult<B> {
    let val = val.filter(|v| !matches!(v.payload, Payload::None));
    let is_class = matches!(&typ.payload, Payload::Type(t) if t.layout == Layout::Exception)
        || matches!(&typ.payload, Payload::Type(_))
            && crate::ops::is_subclass(typ, &ctx.vm.core.exc.base_exception);
    if is_class {
        return match val {
            Some(v) if crate::ops::isinstance(ctx.vm, v, typ) => Ok(v.clone()),
            Some(v) => {
                let args: Vec<PyRef<B>> = match &v.payload {
                    Payload::Tuple(t) => t.to_vec(),
                    _ => vec![v.clone()],
                };
                call::call(ctx, typ, &args, &[])
            }
            None => make_exception(ctx, typ.clone()),
        };
    }
    if crate::ops::isinstance(ctx.vm, typ, &ctx.vm.core.exc.base_exception) {
        if val.is_some() {
            return Err(ctx.type_error("instance exception may not have a separate value"));
        }
        return Ok(typ.clone());
    }
    Err(ctx.type_error(format!(
        "exceptions must be classes or instances deriving from BaseException, not {}",
        type_name(ctx.vm, typ)
    )))
}

fn gen_close<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "close", 1, 1, &[])?;
    let (_, g) = this(ctx, &args, "close")?;
    generator::close(ctx, g)?;
    Ok(ctx.vm.core.none.clone())
}

fn gen_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, g) = this(ctx, &args, "__repr__")?;
    let q = as_str(&g.func.qualname).unwrap_or("?");
    Ok(ctx.vm.str(format!("<{} object {q} at {:#x}>", g.kind.noun(), o.addr())))
}

fn gen_name<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, g) = this(ctx, &args, "__name__")?;
    Ok(g.func.name.clone())
}

fn gen_qualname<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, g) = this(ctx, &args, "__qualname__")?;
    Ok(g.func.qualname.clone())
}

fn gen_running<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, g) = this(ctx, &args, "gi_running")?;
    Ok(ctx.vm.bool(g.running()))
}

fn gen_suspended<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, g) = this(ctx, &args, "gi_suspended")?;
    Ok(ctx.vm.bool(g.suspended()))
}

fn gen_code<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, g) = this(ctx, &args, "gi_code")?;
    Ok(g.func.code.clone())
}
