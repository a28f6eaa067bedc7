//! The `sys` module.

use super::{Stream, stream_object};
use crate::PyRef;
use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::ops::compare::{Num, as_num};
use crate::ops::dicts;
use crate::vm::Vm;

pub(super) fn fill<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>) {
    let put = |name: &str, v: PyRef<B>| dicts::set_name(ns, vm.intern(name), v);
    put("argv", vm.list(vm.argv.iter().map(|a| vm.str(a.as_str())).collect()));
    put("stdout", stream_object(vm, Stream::Stdout));
    put("stderr", stream_object(vm, Stream::Stderr));
    put("__stdout__", stream_object(vm, Stream::Stdout));
    put("__stderr__", stream_object(vm, Stream::Stderr));
    put("maxsize", vm.int(i64::MAX));
    put("platform", vm.str("linux"));
    put("version", vm.str("3.11.7 (gil-lab)"));
    put("byteorder", vm.str("little"));
    put("modules", vm.core.modules.clone());
    put("implementation_name", vm.str(vm.name()));
    add(vm, ns, "exit", exit);
    add(vm, ns, "displayhook", crate::builtins::exec::displayhook);
    add(vm, ns, "__displayhook__", crate::builtins::exec::displayhook);
    add(vm, ns, "getrefcount", getrefcount);
    add(vm, ns, "getrecursionlimit", getrecursionlimit);
    add(vm, ns, "setrecursionlimit", setrecursionlimit);
    add(vm, ns, "getswitchinterval", getswitchinterval);
    add(vm, ns, "setswitchinterval", setswitchinterval);
    add(vm, ns, "exc_info", exc_info);
    add(vm, ns, "exception", exception);
    add(vm, ns, "set_asyncgen_hooks", set_asyncgen_hooks);
    add(vm, ns, "get_asyncgen_hooks", get_asyncgen_hooks);
}

fn exit<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "exit", 0, 1, &[])?;
    let code: Vec<PyRef<B>> = args.positional().to_vec();
    Err(PyErr(ctx.new_exception(&ctx.vm.core.exc.system_exit, code)))
}

fn getrefcount<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "getrefcount", 1, 1, &[])?;
    // The argument slot itself holds one reference, as in CPython.
    Ok(ctx.vm.int(args.args[0].refcount() as i64))
}

fn getrecursionlimit<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "getrecursionlimit", 0, 0, &[])?;
    let n = ctx.vm.recursion_limit.load(std::sync::atomic::Ordering::Relaxed);
    Ok(ctx.vm.int(n as i64))
}

fn setrecursionlimit<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "setrecursionlimit", 1, 1, &[])?;
    let n = crate::ops::expect_int(ctx, &args.args[0], "limit")?;
    if n < 1 {
        return Err(ctx.value_error("recursion limit must be greater or equal than 1"));
    }
    // Deep recursion is also bounded by the thread's stack (`Ctx::stack_exhausted`).
    let n = n.min(u32::MAX as i64) as u32;
    ctx.vm.recursion_limit.store(n, std::sync::atomic::Ordering::Relaxed);
    Ok(ctx.vm.core.none.clone())
}

fn getswitchinterval<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "getswitchinterval", 0, 0, &[])?;
    // A backend without a GIL has no interval to report: CPython's default, as before.
    let s =
        ctx.vm.backend.gil().map_or(ctx.vm.options.gil.switch_interval, |g| g.switch_interval());
    Ok(ctx.vm.float(s))
}

fn setswitchinterval<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "setswitchinterval", 1, 1, &[])?;
    let s = match as_num(&args.args[0]) {
        Some(Num::Float(f)) => f,
        Some(Num::Int(i)) => i as f64,
        _ => return Err(ctx.type_error("must be real number")),
    };
    if s <= 0.0 {
        return Err(ctx.value_error("switch interval must be strictly positive"));
    }
    if let Some(gil) = ctx.vm.backend.gil() {
        gil.set_switch_interval(s);
    }
    Ok(ctx.vm.core.none.clone())
}

fn exc_info<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "exc_info", 0, 0, &[])?;
    let vm = ctx.vm;
    Ok(match ctx.handled() {
        Some(e) => vm.tuple(vec![crate::ops::type_of(vm, e), e.clone(), vm.core.none.clone()]),
        None => vm.tuple(vec![vm.core.none.clone(), vm.core.none.clone(), vm.core.none.clone()]),
    })
}

fn exception<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "exception", 0, 0, &[])?;
    Ok(ctx.handled().cloned().unwrap_or_else(|| ctx.vm.core.none.clone()))
}

/// `sys.set_asyncgen_hooks(firstiter=..., finalizer=...)`: this thread's hooks (an argument
/// left out keeps its hook; `None` clears it). The finalizer is called with an async
/// generator whose last reference went while it was suspended (`eval::generator`); gil-lab
/// never calls `firstiter` (it would need weak references to be useful).
fn set_asyncgen_hooks<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "set_asyncgen_hooks", 0, 2, &["firstiter", "finalizer"])?;
    let pos = args.positional();
    let get = |i: usize, name: &str| pos.get(i).or_else(|| args.kwarg(name)).cloned();
    let mut hooks = ctx.asyncgen_hooks.clone();
    for (i, name) in ["firstiter", "finalizer"].into_iter().enumerate() {
        if let Some(h) = get(i, name) {
            let none = matches!(h.payload, crate::object::Payload::None);
            if !none && !crate::builtins::functions::is_callable(ctx, &h) {
                return Err(ctx.type_error(format!(
                    "callable {name} expected, got {}",
                    crate::ops::type_name(ctx.vm, &h)
                )));
            }
            let slot = if i == 0 { &mut hooks.0 } else { &mut hooks.1 };
            *slot = if none { None } else { Some(h) };
        }
    }
    ctx.asyncgen_hooks = hooks;
    Ok(ctx.vm.core.none.clone())
}

/// `sys.get_asyncgen_hooks()`: `(firstiter, finalizer)` (a tuple; CPython's is a named
/// struct sequence with those fields).
fn get_asyncgen_hooks<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "get_asyncgen_hooks", 0, 0, &[])?;
    let vm = ctx.vm;
    let (a, b) = &ctx.asyncgen_hooks;
    let none = || vm.core.none.clone();
    Ok(vm.tuple(vec![a.clone().unwrap_or_else(none), b.clone().unwrap_or_else(none)]))
}
