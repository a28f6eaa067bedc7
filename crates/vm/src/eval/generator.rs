//! Generators and coroutines: a frame that outlives its call.
//!
//! Calling a function whose code has the `GENERATOR` or `COROUTINE` flag binds the arguments
//! as usual and wraps them, unrun, in a generator object ([`make`]): a `Payload::Native` of
//! class `generator` or `coroutine` holding a [`GenObj`]. Each resumption ([`resume`]) moves
//! the saved locals, value stack and instruction index into an ordinary [`Frame`] and runs
//! the one eval loop on it; `YIELD_VALUE` returns from that loop with the frame's index just
//! past it, which is how the driver tells a yield from a return, and the frame's parts move
//! back into the generator. Nothing is copied and no eval loop is forked.
//!
//! **One driver at a time.** The state lives behind a mutex whose critical sections only
//! move the saved frame in or out: `Running` while a thread runs the frame, so a second
//! driver (a nested call from the generator itself, or another thread) gets CPython's
//! `ValueError: generator already executing` instead of a second frame over the same locals.
//!
//! **Exceptions.** A resumption installs the generator's own handled exception
//! (`ctx.exc_info`) and keeps the caller's on `ctx.exc_outer`, so `sys.exc_info()` and bare
//! `raise` inside the generator see its handler or, outside any, the caller's; both are
//! restored when it yields or ends (CPython's `gi_exc_state`). A `StopIteration` that escapes
//! the frame becomes `RuntimeError` (PEP 479).
//!
//! **Delegation.** While a frame is suspended inside `yield from` / `await` (its last
//! instructions run were `SEND; YIELD_VALUE`), its top of stack is the delegate: `throw()`
//! and `close()` go to the delegate first, as CPython's `gen_throw` does.

use super::{Frame, enter_super, exceptions, run_loop};
use crate::backend::Backend;
use crate::ctx::{Ctx, PyErr, PyResult};
pub use crate::object::generator::GenObj;
pub use crate::object::generator::{GenKind, as_gen};
use crate::object::generator::{Saved, State};
use crate::object::{CodeRef, Function, NativeObj, Payload, PyRef};
use crate::ops::{attr, call, isinstance, iter, type_name};
use gillab_compiler::{CodeFlags, Opcode};
use parking_lot::Mutex;

/// The code flags that make a call return a generator object instead of running.
pub const MAKES_GENERATOR: u32 =
    CodeFlags::GENERATOR.0 | CodeFlags::COROUTINE.0 | CodeFlags::ASYNC_GENERATOR.0;

/// What a resumption did.
pub enum Outcome<B: Backend> {
    /// The frame yielded this value and is suspended.
    Yield(PyRef<B>),
    /// The frame returned this value (or had already finished: `None`).
    Return(PyRef<B>),
}

/// How a frame is resumed.
enum Resume<B: Backend> {
    /// Push this value (the result of the `yield`), or nothing on the first run.
    Send(PyRef<B>),
    /// Raise this exception at the `yield`.
    Throw(PyErr<B>),
    /// The delegate of the `yield from` returned this value: leave the loop with it.
    DelegateReturned(PyRef<B>),
}

/// Makes the generator (or coroutine) object for a call of `func` whose arguments are bound
/// in `fast`.
pub fn make<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    func: &Function<B>,
    code: &CodeRef<B>,
    fast: Vec<Option<PyRef<B>>>,
) -> PyRef<B> {
    let flags = code.code.flags;
    let kind = if flags.contains(CodeFlags::ASYNC_GENERATOR) {
        GenKind::AsyncGenerator
    } else if flags.contains(CodeFlags::COROUTINE) {
        GenKind::Coroutine
    } else {
        GenKind::Generator
    };
    let types = &ctx.vm.core.types;
    let class = match kind {
        GenKind::Coroutine => types.coroutine.clone(),
        GenKind::AsyncGenerator => types.async_generator.clone(),
        GenKind::Generator => types.generator.clone(),
    };
    let saved = Saved { fast, stack: Vec::with_capacity(code.max_stack), pc: 0, exc: None };
    let obj = GenObj {
        kind,
        func: crate::object::generator::frame_function(func),
        state: Mutex::new(State::Created(saved)),
        orphan: false,
        running_async: std::sync::atomic::AtomicBool::new(false),
    };
    PyRef::new(Payload::Native(Box::new(NativeObj { class, data: Box::new(obj) })))
}

/// `next(g0)` / `g0.send(v)`: runs the frame to its next `yield` or its end.
pub fn send<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    g0: &GenObj<B>,
    value: PyRef<B>,
) -> PyResult<B, Outcome<B>> {
    resume(ctx, g0, Resume::Send(value))
}

/// Runs the frame once, as `how` says.
fn resume<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    g0: &GenObj<B>,
    how: Resume<B>,
) -> PyResult<B, Outcome<B>> {
    let (saved, started) = {
        let mut st = g0.state.lock();
        match std::mem::replace(&mut *st, State::Running) {
            State::Created(s) => {
                if let Resume::Send(v) = &how
                    && !matches!(v.payload, Payload::None)
                {
                    *st = State::Created(s);
                    drop(st);
                    return Err(ctx.type_error(format!(
                        "can't send non-None value to a just-started {}",
                        g0.kind.noun()
                    )));
                }
                (s, false)
            }
            State::Suspended(s) => (s, true),
            State::Running => {
                *st = State::Running;
                drop(st);
                return Err(g0.already_executing(ctx));
            }
            State::Done => {
                *st = State::Done;
                drop(st);
                return match how {
                    Resume::Throw(e) => Err(e),
                    _ if g0.kind == GenKind::Coroutine => {
                        Err(ctx.runtime_error("cannot reuse already awaited coroutine"))
                    }
                    _ => Ok(Outcome::Return(ctx.vm.core.none.clone())),
                };
            }
        }
    };
    let limit = ctx.vm.recursion_limit.load(std::sync::atomic::Ordering::Relaxed);
    if ctx.depth >= limit || ctx.stack_exhausted() {
        *g0.state.lock() = if started { State::Suspended(saved) } else { State::Created(saved) };
        return Err(ctx.err(&ctx.vm.core.exc.recursion_error, "maximum recursion depth exceeded"));
    }
    ctx.depth += 1;
    let outer = ctx.exc_info.take();
    ctx.exc_outer.push(outer);
    ctx.exc_info = saved.exc;
    let code = g0.code();
    let super_cell = enter_super(ctx, code, Some(&g0.func), &saved.fast);
    let mut frame = Frame {
        code,
        globals: &g0.func.globals,
        func: Some(&g0.func),
        locals: None,
        fast: saved.fast,
        stack: saved.stack,
        pc: saved.pc,
    };
    let result = match how {
        Resume::Send(v) => {
            if started {
                frame.stack.push(Some(v));
            }
            run_loop(ctx, &mut frame)
        }
        Resume::Throw(e) => match exceptions::unwind(ctx, &mut frame, e) {
            Ok(()) => run_loop(ctx, &mut frame),
            Err(e) => Err(e),
        },
        Resume::DelegateReturned(v) => {
            // Suspended at `SEND exit; YIELD_VALUE` (see `delegate`): leave the loop as SEND
            // does when its delegate returns.
            let send = &code.code.instructions[frame.pc - 2];
            drop(frame.stack.pop());
            frame.stack.push(Some(v));
            frame.pc = send.arg as usize;
            run_loop(ctx, &mut frame)
        }
    };
    if super_cell {
        ctx.super_stack.pop();
    }
    let handled = std::mem::replace(&mut ctx.exc_info, ctx.exc_outer.pop().flatten());
    ctx.depth -= 1;
    let yielded = result.is_ok()
        && frame.pc > 0
        && code.code.instructions[frame.pc - 1].op == Opcode::YieldValue;
    if yielded {
        let Frame { fast, stack, pc, .. } = frame;
        *g0.state.lock() = State::Suspended(Saved { fast, stack, pc, exc: handled });
        return result.map(Outcome::Yield);
    }
    // Finished: the frame's locals go now, outside the lock.
    *g0.state.lock() = State::Done;
    drop(frame);
    drop(handled);
    match result {
        Ok(v) => Ok(Outcome::Return(v)),
        Err(e) => Err(pep479(ctx, g0.kind, e)),
    }
}

/// PEP 479: a `StopIteration` (or, from an async generator, `StopAsyncIteration`) escaping
/// the frame becomes a `RuntimeError` whose cause is the original.
fn pep479<B: Backend>(ctx: &Ctx<'_, B>, kind: GenKind, e: PyErr<B>) -> PyErr<B> {
    let exc = &ctx.vm.core.exc;
    let what = if isinstance(ctx.vm, &e.0, &exc.stop_iteration) {
        "StopIteration"
    } else if kind == GenKind::AsyncGenerator && isinstance(ctx.vm, &e.0, &exc.stop_async_iteration)
    {
        "StopAsyncIteration"
    } else {
        return e;
    };
    let new = ctx.runtime_error(format!("{} raised {what}", kind.noun()));
    if let Payload::Instance(inst) = &new.0.payload
        && let Some(state) = &inst.exc
    {
        let old = new.0.write(state, |s| {
            s.suppress_context = true;
            (s.cause.replace(e.0.clone()), s.context.replace(e.0))
        });
        drop(old);
    }
    new
}

/// `StopIteration(v).value`: the first argument, or `None`.
pub fn stop_value<B: Backend>(ctx: &Ctx<'_, B>, exc: &PyRef<B>) -> PyRef<B> {
    if let Payload::Instance(inst) = &exc.payload
        && let Some(state) = &inst.exc
        && let Some(v) = exc.read(state, |s| match &s.args.payload {
            Payload::Tuple(t) => t.first().cloned(),
            _ => None,
        })
    {
        return v;
    }
    ctx.vm.core.none.clone()
}

/// The delegate of a frame suspended inside `yield from` / `await`, if it is.
fn delegate<B: Backend>(g0: &GenObj<B>) -> Option<PyRef<B>> {
    let st = g0.state.lock();
    let State::Suspended(s) = &*st else { return None };
    let instrs = &g0.code().code.instructions;
    if s.pc >= 2 && instrs[s.pc - 2].op == Opcode::Send {
        s.stack.last().cloned().flatten()
    } else {
        None
    }
}

/// Whether the coroutine is suspended inside an `await` (so awaiting it again is an error).
pub fn is_awaiting<B: Backend>(g0: &GenObj<B>) -> bool {
    delegate(g0).is_some()
}

/// `g0.throw(exc)`: raises `exc` at the `yield` (in the delegate first, if any).
pub fn throw<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    g0: &GenObj<B>,
    exc: PyErr<B>,
) -> PyResult<B, Outcome<B>> {
    let Some(yf) = delegate(g0) else {
        return resume(ctx, g0, Resume::Throw(exc));
    };
    let vm = ctx.vm;
    if isinstance(vm, &exc.0, &vm.core.exc.generator_exit) {
        // Close the delegate, then raise GeneratorExit here (an error closing the delegate
        // is raised here instead).
        let closed = match as_gen(&yf) {
            Some(inner) => close_running(ctx, g0, |ctx| close(ctx, inner)),
            None => match attr::getattr_opt(ctx, &yf, "close", crate::hash_lit!("close"))? {
                Some(m) => close_running(ctx, g0, |ctx| call::call(ctx, &m, &[], &[]).map(drop)),
                None => Ok(()),
            },
        };
        return resume(ctx, g0, Resume::Throw(closed.err().unwrap_or(exc)));
    }
    let thrown = match as_gen(&yf) {
        Some(inner) => close_running(ctx, g0, |ctx| throw(ctx, inner, exc)),
        None => match attr::getattr_opt(ctx, &yf, "throw", crate::hash_lit!("throw"))? {
            None => return resume(ctx, g0, Resume::Throw(exc)),
            Some(m) => {
                close_running(ctx, g0, |ctx| call::call(ctx, &m, &[exc.0], &[]).map(Outcome::Yield))
            }
        },
    };
    match thrown {
        Ok(Outcome::Yield(v)) => Ok(Outcome::Yield(v)),
        Ok(Outcome::Return(v)) => resume(ctx, g0, Resume::DelegateReturned(v)),
        Err(e) if isinstance(vm, &e.0, &vm.core.exc.stop_iteration) => {
            let v = stop_value(ctx, &e.0);
            resume(ctx, g0, Resume::DelegateReturned(v))
        }
        Err(e) => resume(ctx, g0, Resume::Throw(e)),
    }
}

/// Runs `f` (an operation on `g0`'s delegate) with `g0` marked running, so that nothing
/// resumes `g0` meanwhile; `g0` is suspended again afterwards.
fn close_running<B: Backend, R>(
    ctx: &mut Ctx<'_, B>,
    g0: &GenObj<B>,
    f: impl FnOnce(&mut Ctx<'_, B>) -> PyResult<B, R>,
) -> PyResult<B, R> {
    let saved = {
        let mut st = g0.state.lock();
        match std::mem::replace(&mut *st, State::Running) {
            State::Suspended(s) => s,
            other => {
                *st = other;
                drop(st);
                return Err(g0.already_executing(ctx));
            }
        }
    };
    let r = f(ctx);
    *g0.state.lock() = State::Suspended(saved);
    r
}

/// `g0.close()`: raises `GeneratorExit` at the `yield`; the generator must not yield again.
pub fn close<B: Backend>(ctx: &mut Ctx<'_, B>, g0: &GenObj<B>) -> PyResult<B, ()> {
    {
        let mut st = g0.state.lock();
        match &*st {
            State::Created(_) | State::Done => {
                let old = std::mem::replace(&mut *st, State::Done);
                drop(st);
                drop(old);
                return Ok(());
            }
            State::Running => {
                drop(st);
                return Err(g0.already_executing(ctx));
            }
            State::Suspended(_) => {}
        }
    }
    let vm = ctx.vm;
    let exit = PyErr(ctx.new_exception(&vm.core.exc.generator_exit, vec![]));
    match throw(ctx, g0, exit) {
        Ok(Outcome::Yield(_)) => {
            Err(ctx.runtime_error(format!("{} ignored GeneratorExit", g0.kind.noun())))
        }
        Ok(Outcome::Return(_)) => Ok(()),
        Err(e)
            if isinstance(vm, &e.0, &vm.core.exc.generator_exit)
                || isinstance(vm, &e.0, &vm.core.exc.stop_iteration) =>
        {
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// `SEND`: sends `v` into the delegate `recv` of a `yield from`.
pub fn send_to<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    recv: &PyRef<B>,
    v: PyRef<B>,
) -> PyResult<B, Outcome<B>> {
    if let Some(g) = as_gen(recv) {
        return send(ctx, g, v);
    }
    let vm = ctx.vm;
    let r = if matches!(v.payload, Payload::None) {
        if let Payload::Iter(_) = recv.payload {
            return Ok(match iter::next(ctx, recv)? {
                Some(y) => Outcome::Yield(y),
                None => Outcome::Return(vm.core.none.clone()),
            });
        }
        match attr::call_dunder(ctx, recv, "__next__", &[]) {
            Ok(Some(y)) => Ok(y),
            Ok(None) => {
                return Err(
                    ctx.type_error(format!("'{}' object is not an iterator", type_name(vm, recv)))
                );
            }
            Err(e) => Err(e),
        }
    } else {
        match attr::getattr_opt(ctx, recv, "send", crate::hash_lit!("send"))? {
            Some(m) => call::call(ctx, &m, &[v], &[]),
            None => {
                return Err(ctx.attribute_error(format!(
                    "'{}' object has no attribute 'send'",
                    type_name(vm, recv)
                )));
            }
        }
    };
    match r {
        Ok(y) => Ok(Outcome::Yield(y)),
        Err(e) if isinstance(vm, &e.0, &vm.core.exc.stop_iteration) => {
            Ok(Outcome::Return(stop_value(ctx, &e.0)))
        }
        Err(e) => Err(e),
    }
}

/// `GET_YIELD_FROM_ITER`: the delegate for `yield from o` in frame `f`.
pub fn yield_from_iter<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    f: &Frame<'_, B>,
    o: PyRef<B>,
) -> PyResult<B> {
    if let Some(g) = as_gen(&o) {
        if g.kind == GenKind::Coroutine && !f.code.code.flags.contains(CodeFlags::COROUTINE) {
            return Err(ctx.type_error(
                "cannot 'yield from' a coroutine object in a non-coroutine generator",
            ));
        }
        return Ok(o);
    }
    iter::get_iter(ctx, &o)
}

/// Closes the generators whose last reference went on this thread while they were suspended
/// inside a `try` or `with` (see `object::generator`), as CPython's deallocator does: their
/// `finally` blocks and `__exit__` methods run now. An exception escaping `close()` is printed
/// as CPython prints an unraisable one, and the program goes on.
pub fn finalize_orphans<B: Backend>(ctx: &mut Ctx<'_, B>, at: Option<(&str, u32)>) {
    loop {
        for name in crate::object::generator::take_never_awaited() {
            never_awaited(ctx, &name, at);
        }
        let orphans = crate::object::generator::take_orphans::<B>();
        if orphans.is_empty() {
            return;
        }
        for g in orphans {
            let class = match g.kind {
                GenKind::Coroutine => ctx.vm.core.types.coroutine.clone(),
                GenKind::AsyncGenerator => ctx.vm.core.types.async_generator.clone(),
                GenKind::Generator => ctx.vm.core.types.generator.clone(),
            };
            let obj = PyRef::new(Payload::Native(Box::new(NativeObj { class, data: Box::new(g) })));
            let Some(g) = as_gen(&obj) else { continue };
            let outcome = if g.kind == GenKind::AsyncGenerator {
                match ctx.asyncgen_hooks.1.clone() {
                    // The event loop's finalizer (asyncio: `aclose()` in a new task).
                    Some(fin) => {
                        crate::ops::call::call(ctx, &fin, std::slice::from_ref(&obj), &[]).map(drop)
                    }
                    None if in_handler(g) => close(ctx, g),
                    None => Ok(()),
                }
            } else {
                close(ctx, g)
            };
            if let Err(e) = outcome {
                let what = crate::ops::repr::repr(ctx, &obj).unwrap_or_default();
                // CPython's unraisable hook prints the exception alone, without its chain.
                if let Payload::Instance(inst) = &e.0.payload
                    && let Some(state) = &inst.exc
                {
                    let old = e.0.write(state, |s| (s.context.take(), s.cause.take()));
                    drop(old);
                }
                let text = crate::run::format_exception(ctx, &e.0);
                crate::builtins::modules::write_stream(
                    crate::builtins::modules::Stream::Stderr,
                    &format!("Exception ignored in: {what}\n{text}"),
                    true,
                );
            }
        }
    }
}

/// Whether a suspended frame stopped inside an exception handler's range (so `close()` would
/// run a `finally` block or an `except GeneratorExit`).
fn in_handler<B: Backend>(g0: &GenObj<B>) -> bool {
    match &*g0.state.lock() {
        State::Suspended(s) => g0.code().code.handler_for(s.pc.saturating_sub(1) as u32).is_some(),
        _ => false,
    }
}

/// The eval loop's safe point: the eval breaker, then any orphaned generators to close.
#[inline(always)]
pub fn safe_point<B: Backend>(ctx: &mut Ctx<'_, B>, f: &Frame<'_, B>) {
    ctx.check_breaker();
    after_drop(ctx, f);
}

/// Where a statement may have dropped a generator or coroutine (`POP_TOP`, stores and
/// deletions of names): closes orphans and warns about unawaited coroutines now, with this
/// instruction's line, as CPython does from the deallocator.
#[inline(always)]
pub fn after_drop<B: Backend>(ctx: &mut Ctx<'_, B>, f: &Frame<'_, B>) {
    if crate::object::generator::orphans_pending() {
        let line = f.line_at(f.pc.saturating_sub(1));
        finalize_orphans(ctx, Some((&f.code.code.filename, line)));
    }
}

/// CPython's `RuntimeWarning` for a coroutine that was never started, printed once per
/// location (the `default` warnings action).
fn never_awaited<B: Backend>(ctx: &mut Ctx<'_, B>, name: &str, at: Option<(&str, u32)>) {
    static SEEN: parking_lot::Mutex<Vec<(String, u32, String)>> =
        parking_lot::Mutex::new(Vec::new());
    let (file, line) = at.map_or(("sys".to_string(), 1), |(f, l)| (f.to_string(), l));
    let key = (file.clone(), line, name.to_string());
    {
        let mut seen = SEEN.lock();
        if seen.contains(&key) {
            return;
        }
        seen.push(key);
    }
    let mut text = format!("{file}:{line}: RuntimeWarning: coroutine '{name}' was never awaited\n");
    if at.is_some()
        && let Some(src) = ctx.vm.source_line(&file, line)
        && !src.is_empty()
    {
        text.push_str(&format!("  {}\n", src.trim()));
    }
    text.push_str("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
    crate::builtins::modules::write_stream(crate::builtins::modules::Stream::Stderr, &text, true);
}
