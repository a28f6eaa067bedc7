//! Raising and handling: `RAISE_VARARGS`, `RERAISE`, `CHECK_EXC_MATCH`, the `with` protocol,
//! and the unwinder that records traceback entries and jumps to handlers from the code
//! object's exception table.

use super::Frame;
use crate::backend::Backend;
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{Layout, Payload, PyRef, TraceEntry};
use crate::ops::{attr, call, is_subclass, isinstance, layout, type_name, type_of};
use gillab_compiler::Opcode;

/// Whether `obj` is an exception instance.
pub fn is_exception<B: Backend>(obj: &PyRef<B>) -> bool {
    matches!(&obj.payload, Payload::Instance(i) if i.exc.is_some())
}

/// Handles an exception raised by the instruction before `f.pc`: records the frame in the
/// traceback (unless it is a re-raise), then continues at the handler or returns the error.
pub fn unwind<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    f: &mut Frame<'_, B>,
    err: PyErr<B>,
) -> PyResult<B, ()> {
    let index = f.pc.saturating_sub(1);
    // RERAISE and END_ASYNC_FOR pass an exception on without a new traceback entry.
    let reraised = f
        .code
        .code
        .instructions
        .get(index)
        .is_some_and(|i| matches!(i.op, Opcode::Reraise | Opcode::EndAsyncFor));
    if !reraised {
        record(ctx, f, &err.0, index);
    }
    let Some(entry) = f.code.code.handler_for(index as u32).copied() else {
        return Err(err);
    };
    f.stack.truncate(entry.depth as usize);
    if entry.lasti {
        f.push(ctx.vm.int(index as i64));
    }
    f.push(err.0);
    f.pc = entry.target as usize;
    Ok(())
}

/// Adds this frame to the exception's traceback and, for a fresh exception, sets its
/// `__context__` to the exception being handled.
fn record<B: Backend>(ctx: &Ctx<'_, B>, f: &Frame<'_, B>, exc: &PyRef<B>, index: usize) {
    let Payload::Instance(inst) = &exc.payload else { return };
    let Some(state) = &inst.exc else { return };
    let handled = ctx.handled().cloned().filter(|h| !h.is(exc) && !chain_contains(h, exc));
    let entry = TraceEntry { code: f.code.code.clone(), line: f.line_at(index) };
    let old = exc.write(state, |s| {
        let fresh = s.traceback.is_empty();
        s.traceback.push(entry);
        if fresh && s.context.is_none() { handled } else { None }.and_then(|h| s.context.replace(h))
    });
    drop(old);
}

/// Whether `exc` appears in the `__context__` chain of `start` (setting it would make a cycle).
fn chain_contains<B: Backend>(start: &PyRef<B>, exc: &PyRef<B>) -> bool {
    let mut cur = Some(start.clone());
    let mut steps = 0;
    while let Some(c) = cur {
        if c.is(exc) {
            return true;
        }
        steps += 1;
        if steps > 1000 {
            return true;
        }
        cur = match &c.payload {
            Payload::Instance(i) => i.exc.as_ref().and_then(|s| c.read(s, |s| s.context.clone())),
            _ => None,
        };
    }
    false
}

/// Turns a raised value into an exception instance (classes are instantiated).
pub fn make_exception<B: Backend>(ctx: &mut Ctx<'_, B>, v: PyRef<B>) -> PyResult<B> {
    if is_exception(&v) {
        return Ok(v);
    }
    if layout(&v) == Some(Layout::Exception) {
        let e = call::call(ctx, &v, &[], &[])?;
        if is_exception(&e) {
            return Ok(e);
        }
    }
    Err(ctx.type_error("exceptions must derive from BaseException"))
}

/// `RAISE_VARARGS n`.
pub fn raise<B: Backend>(ctx: &mut Ctx<'_, B>, f: &mut Frame<'_, B>, n: u32) -> PyErr<B> {
    match n {
        0 => match ctx.handled().cloned() {
            Some(e) => PyErr(e),
            None => ctx.runtime_error("No active exception to reraise"),
        },
        _ => {
            let cause = if n == 2 { Some(f.pop()) } else { None };
            let v = f.pop();
            let exc = match make_exception(ctx, v) {
                Ok(e) => e,
                Err(e) => return e,
            };
            if let Some(cause) = cause {
                let cause = if matches!(cause.payload, Payload::None) {
                    None
                } else {
                    match make_exception(ctx, cause) {
                        Ok(c) => Some(c),
                        Err(_) => {
                            return ctx
                                .type_error("exception causes must derive from BaseException");
                        }
                    }
                };
                if let Payload::Instance(i) = &exc.payload
                    && let Some(s) = &i.exc
                {
                    let old = exc.write(s, |s| {
                        s.suppress_context = true;
                        std::mem::replace(&mut s.cause, cause)
                    });
                    drop(old);
                }
            }
            PyErr(exc)
        }
    }
}

/// `RERAISE n`: `[.., exc] -> raise`.
pub fn reraise<B: Backend>(f: &mut Frame<'_, B>, _n: u32) -> PyErr<B> {
    // The `lasti` below the exception only matters for line numbers, and a re-raise adds no
    // traceback entry, so it is left on the stack for the unwinder to discard.
    PyErr(f.pop())
}

/// `CHECK_EXC_MATCH`: does `exc` match the class or tuple of classes `ty`?
pub fn exc_matches<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    exc: &PyRef<B>,
    ty: &PyRef<B>,
) -> PyResult<B, bool> {
    let classes: Vec<PyRef<B>> = match &ty.payload {
        Payload::Tuple(t) => t.to_vec(),
        _ => vec![ty.clone()],
    };
    for c in &classes {
        if layout(c) != Some(Layout::Exception) {
            return Err(ctx.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
    }
    let cls = type_of(ctx.vm, exc);
    Ok(classes.iter().any(|c| is_subclass(&cls, c)))
}

/// `BEFORE_WITH` (`is_async`: `BEFORE_ASYNC_WITH`): `[mgr] -> [exit_fn, enter_result]`, with
/// `__enter__`/`__exit__` (or `__aenter__`/`__aexit__`) looked up on the type, and `exit_fn`
/// bound to `mgr`; the `async` result is an awaitable the compiler awaits.
pub fn before_with<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    f: &mut Frame<'_, B>,
    is_async: bool,
) -> PyResult<B, ()> {
    let mgr = f.pop();
    let (enter_name, exit_name, protocol) = if is_async {
        ("__aenter__", "__aexit__", "asynchronous context manager protocol")
    } else {
        ("__enter__", "__exit__", "context manager protocol")
    };
    let enter = attr::lookup_special(ctx, &mgr, enter_name);
    let exit = attr::lookup_special(ctx, &mgr, exit_name);
    let (Some(enter), Some(exit)) = (enter.clone(), exit) else {
        let what = type_name(ctx.vm, &mgr);
        // CPython 3.11 names the missing `__aexit__`; `with` says only the protocol.
        let missed = if is_async && enter.is_some() { " (missed __aexit__ method)" } else { "" };
        return Err(
            ctx.type_error(format!("'{what}' object does not support the {protocol}{missed}"))
        );
    };
    let bound_exit = PyRef::new(Payload::Method(Box::new((exit, mgr.clone()))));
    f.push(bound_exit);
    let r = call::call(ctx, &enter, std::slice::from_ref(&mgr), &[])?;
    f.push(r);
    Ok(())
}

/// `WITH_EXCEPT_START`: calls `exit_fn(type(exc), exc, None)`.
pub fn with_except_start<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    f: &mut Frame<'_, B>,
) -> PyResult<B, ()> {
    let exc = f.peek(1).clone();
    let exit_fn = f.peek(4).clone();
    let ty = type_of(ctx.vm, &exc);
    let tb = attr::getattr_str(ctx, &exc, "__traceback__")?;
    let r = call::call(ctx, &exit_fn, &[ty, exc, tb], &[])?;
    f.push(r);
    Ok(())
}

/// Whether `exc` is an instance of `SystemExit`.
pub fn is_system_exit<B: Backend>(ctx: &Ctx<'_, B>, exc: &PyRef<B>) -> bool {
    isinstance(ctx.vm, exc, &ctx.vm.core.exc.system_exit)
}
