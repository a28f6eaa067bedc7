//! Calls (`CALL`, `CALL_KW`, `CALL_FUNCTION_EX`) and `MAKE_FUNCTION` (classes are made in
//! [`super::classes`]).

use super::{Frame, as_refs};
use crate::backend::Backend;

use crate::ctx::{Ctx, PyResult};

use crate::object::{Function, Payload, PyRef};
use crate::ops::{call as callop, dicts, seq, type_name};

/// `CALL n` / `CALL_KW n`: `[callable, self_or_null, args.., (kwnames)] -> [result]`.
#[inline]
pub fn call<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    f: &mut Frame<'_, B>,
    n: usize,
    with_kw: bool,
) -> PyResult<B, ()> {
    let kwnames = if with_kw { Some(f.pop()) } else { None };
    let len = f.stack.len();
    let base = len - n - 2;
    let args_start = if f.stack[base + 1].is_some() { base + 1 } else { base + 2 };
    if kwnames.is_none()
        && let Some(Payload::Function(func)) = f.stack[base].as_ref().map(|c| &c.payload)
        && let Payload::Code(code) = &func.code.payload
        && let Some(fill) =
            code.defaults_to_fill(len - args_start, func.positional_defaults().len())
    {
        // Python-to-Python call with positional arguments only, the missing ones taken from
        // the defaults: the arguments move from this frame's stack into the callee's locals,
        // as in CPython 3.11 (no count traffic, and `sys.getrefcount` inside the callee sees
        // what CPython's does).
        let callee = f.stack[base].clone().unwrap_or_else(|| super::stack_corrupt());
        let Payload::Function(func) = &callee.payload else { super::stack_corrupt() };
        let Payload::Code(code) = &func.code.payload else { super::stack_corrupt() };
        let mut fast = ctx.take_vec(code.code.varnames.len());
        fast.extend(f.stack.drain(args_start..));
        let defaults = func.positional_defaults();
        fast.extend(defaults[defaults.len() - fill..].iter().map(|d| Some(d.clone())));
        fast.resize_with(code.code.varnames.len(), || None);
        f.stack.truncate(base);
        let result = super::run_frame(ctx, func, code, fast)?;
        f.push(result);
        return Ok(());
    }
    let result = {
        let handed = matches!(&f.stack[base], Some(c) if super::frame_ns::reads_frame(c));
        if handed {
            super::frame_ns::hand_over(ctx, f);
        }
        let Some(callable) = &f.stack[base] else { super::stack_corrupt() };
        let args = as_refs(&f.stack[args_start..]);
        let names: &[PyRef<B>] = match kwnames.as_ref().map(|k| &k.payload) {
            Some(Payload::Tuple(t)) => t,
            _ => &[],
        };
        let r = callop::call(ctx, callable, args, names);
        if handed {
            ctx.caller = None;
        }
        r?
    };
    f.stack.truncate(base);
    f.push(result);
    Ok(())
}

/// `CALL_FUNCTION_EX flags`: `[callable, self_or_null, args, (kwargs)] -> [result]`.
pub fn call_ex<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    f: &mut Frame<'_, B>,
    flags: u32,
) -> PyResult<B, ()> {
    let kwargs = if flags & 1 != 0 { Some(f.pop()) } else { None };
    let args = f.pop();
    let this = f.stack.pop().flatten();
    let callable = f.pop();
    let mut all: Vec<PyRef<B>> = Vec::new();
    if let Some(s) = this {
        all.push(s);
    }
    match &args.payload {
        Payload::Tuple(t) => all.extend(t.iter().cloned()),
        _ => all.extend(seq::to_vec(ctx, &args).map_err(|_| {
            ctx.type_error(format!(
                "argument after * must be an iterable, not {}",
                type_name(ctx.vm, &args)
            ))
        })?),
    }
    let mut names = Vec::new();
    if let Some(kw) = &kwargs
        && let Payload::Dict(cell) = &kw.payload
    {
        let entries: Vec<_> = kw.read(cell, |d| d.iter().cloned().collect());
        for e in entries {
            if !matches!(e.key.payload, Payload::Str(_)) {
                return Err(ctx.type_error("keywords must be strings"));
            }
            names.push(e.key);
            all.push(e.value.unwrap_or_else(|| ctx.vm.core.none.clone()));
        }
    }
    let handed = super::frame_ns::reads_frame(&callable);
    if handed {
        super::frame_ns::hand_over(ctx, f);
    }
    let r = callop::call(ctx, &callable, &all, &names);
    if handed {
        ctx.caller = None;
    }
    f.push(r?);
    Ok(())
}

/// `MAKE_FUNCTION flags`: `[defaults?, kwdefaults?, closure?, code] -> [function]`.
pub fn make_function<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    f: &mut Frame<'_, B>,
    flags: u32,
) -> PyResult<B, ()> {
    let vm = ctx.vm;
    let code = f.pop();
    let closure = if flags & 0x08 != 0 { Some(f.pop()) } else { None };
    let kwdefaults = if flags & 0x02 != 0 { Some(f.pop()) } else { None };
    let defaults = if flags & 0x01 != 0 { Some(f.pop()) } else { None };
    let Payload::Code(c) = &code.payload else {
        return Err(ctx.type_error("MAKE_FUNCTION expects a code object"));
    };
    let name = vm.str(c.code.name.as_str());
    let qualname = vm.str(c.code.qualname.as_str());
    let module = dicts::get_text(f.globals, "__name__").unwrap_or_else(|| vm.core.none.clone());
    let func = Function {
        code: code.clone(),
        globals: f.globals.clone(),
        name,
        qualname,
        defaults,
        kwdefaults,
        closure,
        module,
        attrs: B::cell_new(None),
    };
    let func = PyRef::new(Payload::Function(Box::new(func)));
    if f.func.is_none() && f.locals.is_some() {
        // Made by a module body: shared by every thread that calls it, and (almost always)
        // alive until the end. Immortal, with its defaults (`object::immortal`).
        vm.immortalize(&func);
        if let Payload::Function(fun) = &func.payload
            && let Some(d) = &fun.defaults
        {
            vm.immortalize(d);
        }
    }
    f.push(func);
    Ok(())
}
