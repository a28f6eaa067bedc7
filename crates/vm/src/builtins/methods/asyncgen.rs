//! Methods of `async_generator` (`__aiter__`, `__anext__`, `asend`, `athrow`, `aclose`, the
//! `ag_*` attributes) and of its awaitables `async_generator_asend`/`_athrow` (`__await__`,
//! `__next__`, `send`, `throw`, `close`). The driving logic is `eval::asyncgen`.

use super::generator::{self as genmethods};
use crate::backend::Backend;
use crate::builtins::{Args, add, add_property};
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::eval::asyncgen::{self, Action, Step, as_awaitable};
use crate::eval::generator::{GenKind, as_gen};
use crate::object::PyRef;
use crate::ops::{as_str, type_name};
use crate::vm::Vm;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let types = &vm.core.types;
    let ag = &types.async_generator;
    add(vm, ag, "__aiter__", ag_aiter);
    add(vm, ag, "__anext__", ag_anext);
    add(vm, ag, "asend", ag_asend);
    add(vm, ag, "athrow", ag_athrow);
    add(vm, ag, "aclose", ag_aclose);
    add(vm, ag, "__repr__", ag_repr);
    add_property(vm, ag, "__name__", ag_name);
    add_property(vm, ag, "__qualname__", ag_qualname);
    add_property(vm, ag, "ag_running", ag_running);
    add_property(vm, ag, "ag_code", ag_code);
    for cls in [&types.async_generator_asend, &types.async_generator_athrow] {
        add(vm, cls, "__await__", aw_self);
        add(vm, cls, "__iter__", aw_self);
        add(vm, cls, "__next__", aw_next);
        add(vm, cls, "send", aw_send);
        add(vm, cls, "throw", aw_throw);
        add(vm, cls, "close", aw_close);
    }
}

fn this<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
) -> PyResult<B, &'a PyRef<B>> {
    match args.args.first() {
        Some(o) if as_gen(o).is_some_and(|g| g.kind == GenKind::AsyncGenerator) => Ok(o),
        Some(o) => Err(ctx.type_error(format!(
            "descriptor '{name}' requires a 'async_generator' object but received a '{}'",
            type_name(ctx.vm, o)
        ))),
        None => Err(ctx.type_error(format!("descriptor '{name}' needs an argument"))),
    }
}

fn ag_aiter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "__aiter__", 1, 1, &[])?;
    Ok(this(ctx, &args, "__aiter__")?.clone())
}

fn ag_anext<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "__anext__", 1, 1, &[])?;
    let o = this(ctx, &args, "__anext__")?;
    Ok(asyncgen::awaitable(ctx, o, Action::Send(ctx.vm.core.none.clone())))
}

fn ag_asend<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let o = this(ctx, &args, "asend")?;
    if args.positional().len() != 2 {
        return Err(ctx.type_error(format!(
            "async_generator.asend() takes exactly one argument ({} given)",
            args.positional().len().saturating_sub(1)
        )));
    }
    Ok(asyncgen::awaitable(ctx, o, Action::Send(args.args[1].clone())))
}

fn ag_athrow<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let o = this(ctx, &args, "athrow")?;
    let pos = args.positional();
    if pos.len() < 2 || pos.len() > 4 {
        return Err(ctx.type_error(format!(
            "athrow expected at least 1 argument, got {}",
            pos.len().saturating_sub(1)
        )));
    }
    let exc = genmethods::thrown(ctx, &pos[1], pos.get(2))?;
    Ok(asyncgen::awaitable(ctx, o, Action::Throw(PyErr(exc))))
}

fn ag_aclose<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "aclose", 1, 1, &[])?;
    let o = this(ctx, &args, "aclose")?;
    Ok(asyncgen::awaitable(ctx, o, Action::Close))
}

fn ag_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let o = this(ctx, &args, "__repr__")?;
    let Some(g) = as_gen(o) else { return Err(ctx.type_error("not an async generator")) };
    let q = as_str(&g.func.qualname).unwrap_or("?");
    Ok(ctx.vm.str(format!("<async_generator object {q} at {:#x}>", o.addr())))
}

fn ag_name<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let o = this(ctx, &args, "__name__")?;
    Ok(as_gen(o).map_or_else(|| ctx.vm.core.none.clone(), |g| g.func.name.clone()))
}

fn ag_qualname<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let o = this(ctx, &args, "__qualname__")?;
    Ok(as_gen(o).map_or_else(|| ctx.vm.core.none.clone(), |g| g.func.qualname.clone()))
}

fn ag_running<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let o = this(ctx, &args, "ag_running")?;
    Ok(ctx.vm.bool(as_gen(o).is_some_and(|g| g.running())))
}

fn ag_code<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let o = this(ctx, &args, "ag_code")?;
    Ok(as_gen(o).map_or_else(|| ctx.vm.core.none.clone(), |g| g.func.code.clone()))
}

/// The awaitable receiver.
fn aw<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
) -> PyResult<B, (&'a PyRef<B>, &'a asyncgen::Awaitable<B>)> {
    match args.args.first() {
        Some(o) if let Some(a) = as_awaitable(o) => Ok((o, a)),
        _ => Err(ctx.type_error("descriptor requires an 'async_generator_asend' object")),
    }
}

fn aw_self<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    Ok(aw(ctx, &args)?.0.clone())
}

fn aw_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, a) = aw(ctx, &args)?;
    let none = ctx.vm.core.none.clone();
    asyncgen::step(ctx, a, Step::Send(none))
}

fn aw_send<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, a) = aw(ctx, &args)?;
    let v = args.positional().get(1).cloned().unwrap_or_else(|| ctx.vm.core.none.clone());
    asyncgen::step(ctx, a, Step::Send(v))
}

fn aw_throw<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, a) = aw(ctx, &args)?;
    let pos = args.positional();
    let Some(typ) = pos.get(1) else {
        return Err(ctx.type_error("throw expected at least 1 argument, got 0"));
    };
    let exc = genmethods::thrown(ctx, typ, pos.get(2))?;
    asyncgen::step(ctx, a, Step::Throw(PyErr(exc)))
}

fn aw_close<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, a) = aw(ctx, &args)?;
    asyncgen::close_awaitable(a);
    Ok(ctx.vm.core.none.clone())
}
