//! Calls (`CALL`, `CALL_KW`, `CALL_FUNCTION_EX`), `MAKE_FUNCTION`, and `__build_class__`.

use super::{Frame, as_refs};
use crate::backend::Backend;
use crate::builtins::Args;
use crate::ctx::{Ctx, PyResult};
use crate::object::dict::Dict;
use crate::object::{Function, Layout, Payload, PyRef, TypeObj};
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
        && code.is_simple(len - args_start)
    {
        // Python-to-Python call with exactly the positional parameters: the arguments move
        // from this frame's stack into the callee's locals, as in CPython 3.11 (no count
        // traffic, and `sys.getrefcount` inside the callee sees what CPython's does).
        let callee = f.stack[base].clone().unwrap_or_else(|| super::stack_corrupt());
        let Payload::Function(func) = &callee.payload else { super::stack_corrupt() };
        let Payload::Code(code) = &func.code.payload else { super::stack_corrupt() };
        let mut fast: Vec<Option<PyRef<B>>> = Vec::with_capacity(code.code.varnames.len());
        fast.extend(f.stack.drain(args_start..));
        fast.resize_with(code.code.varnames.len(), || None);
        f.stack.truncate(base);
        let result = super::run_frame(ctx, func, code, fast)?;
        f.push(result);
        return Ok(());
    }
    let result = {
        let Some(callable) = &f.stack[base] else { super::stack_corrupt() };
        let args = as_refs(&f.stack[args_start..]);
        let names: &[PyRef<B>] = match kwnames.as_ref().map(|k| &k.payload) {
            Some(Payload::Tuple(t)) => t,
            _ => &[],
        };
        callop::call(ctx, callable, args, names)?
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
    let r = callop::call(ctx, &callable, &all, &names)?;
    f.push(r);
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

/// `__build_class__(body, name, *bases)`: runs the class body in a fresh namespace and makes
/// the class.
pub fn build_class<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let vm = ctx.vm;
    let pos = args.positional();
    if pos.len() < 2 {
        return Err(ctx.type_error("__build_class__: not enough arguments"));
    }
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("keyword arguments in class bases are not supported"));
    }
    let (body, name) = (&pos[0], &pos[1]);
    let Payload::Function(func) = &body.payload else {
        return Err(ctx.type_error("__build_class__: func must be a function"));
    };
    let name = crate::ops::as_str(name).unwrap_or("?").to_string();
    let bases = &pos[2..];
    if bases.len() > 1 {
        return Err(ctx.type_error("gil-lab supports single inheritance only"));
    }
    let base = bases.first().cloned().unwrap_or_else(|| vm.core.object_type.clone());
    let layout = match &base.payload {
        Payload::Type(t) => match t.layout {
            Layout::Builtin => {
                return Err(ctx.type_error(format!(
                    "gil-lab does not support subclassing the built-in type '{}'",
                    t.name
                )));
            }
            l => l,
        },
        _ => {
            return Err(
                ctx.type_error(format!("bases must be types, not {}", type_name(vm, &base)))
            );
        }
    };
    let ns = vm.dict(Dict::new());
    let Payload::Code(code) = &func.code.payload else {
        return Err(ctx.type_error("class body without code"));
    };
    let class_cell = super::run_code(ctx, code, &func.globals, Some(func), ns.clone())?;
    let qualname = dicts::get_text(&ns, "__qualname__")
        .and_then(|q| crate::ops::as_str(&q).map(str::to_string))
        .unwrap_or_else(|| name.clone());
    let module = dicts::get_text(&ns, "__module__")
        .and_then(|q| crate::ops::as_str(&q).map(str::to_string))
        .unwrap_or_else(|| "__main__".to_string());
    let Payload::Dict(nsd) = &ns.payload else { return Err(ctx.runtime_error("namespace")) };
    let mut table = ns.write(nsd, std::mem::take);
    // A class that defines __eq__ without __hash__ is unhashable, as in Python.
    let has = |t: &Dict<B>, n: &str| {
        t.iter().any(|e| matches!(&e.key.payload, Payload::Str(s) if s.as_str() == n))
    };
    if has(&table, "__eq__") && !has(&table, "__hash__") {
        let k = vm.intern("__hash__");
        let h = crate::object::str::hash_str("__hash__");
        table.push_new(h, k, Some(vm.core.none.clone()));
    }
    let cls = PyRef::new(Payload::Type(Box::new(TypeObj {
        name,
        qualname,
        base: Some(base),
        dict: B::cell_new(table),
        layout,
        module,
    })));
    if let Payload::Cell(c) = &class_cell.payload {
        let old = class_cell.write(c, |slot| slot.replace(cls.clone()));
        drop(old);
    }
    crate::ops::descr::set_names(ctx, &cls)?;
    if body.is_immortal() {
        // The body was made by a module body (or an immortal class's): so is the class.
        // Immortal, with its methods (`object::immortal`).
        vm.immortalize(&cls);
        if let Payload::Type(t) = &cls.payload {
            vm.immortalize_values(&cls, &t.dict);
        }
    }
    Ok(cls)
}
