//! Async generators (`yield` inside `async def`): the frame machinery is the generator's
//! (`generator.rs`, kind `AsyncGenerator`); what differs is how it is driven. `__anext__()`,
//! `asend(v)`, `athrow(exc)` and `aclose()` return an *awaitable* (`async_generator_asend` or
//! `async_generator_athrow`) that an event loop drives like any other: each of its steps
//! resumes the frame, and
//!
//! - a value the frame yields itself arrives wrapped (`ASYNC_GEN_WRAP` before `YIELD_VALUE`):
//!   the awaitable then completes with it (`StopIteration(value)`);
//! - anything else it yields comes from an `await` inside it, and passes through to the loop;
//! - when the frame returns, `__anext__`/`asend`/`athrow` raise `StopAsyncIteration`, and
//!   `aclose` completes.
//!
//! One awaitable of a given async generator runs at a time (`running_async`, CPython's
//! `ag_running_async`): starting a second raises "asynchronous generator is already running".

use super::generator::{self, GenObj, Outcome, as_gen};
use crate::backend::Backend;
use crate::ctx::{Ctx, PyErr, PyResult};
pub use crate::object::generator::{Action, Awaitable, Progress};
use crate::object::{NativeObj, Payload, PyRef};
use crate::ops::isinstance;
use parking_lot::Mutex;
use std::sync::atomic::Ordering;

/// The Rust value of an `async_generator_wrapped_value`: a value the async generator yielded.
pub struct Wrapped<B: Backend>(pub PyRef<B>);

/// `ASYNC_GEN_WRAP`.
pub fn wrap<B: Backend>(ctx: &Ctx<'_, B>, v: PyRef<B>) -> PyRef<B> {
    PyRef::new(Payload::Native(Box::new(NativeObj {
        class: ctx.vm.core.types.async_generator_wrapped_value.clone(),
        data: Box::new(Wrapped(v)),
    })))
}

fn unwrap<B: Backend>(v: &PyRef<B>) -> Option<PyRef<B>> {
    match &v.payload {
        Payload::Native(n) => n.data.downcast_ref::<Wrapped<B>>().map(|w| w.0.clone()),
        _ => None,
    }
}

/// Makes the awaitable for `action` on the async generator `agen`.
pub fn awaitable<B: Backend>(ctx: &Ctx<'_, B>, agen: &PyRef<B>, action: Action<B>) -> PyRef<B> {
    let types = &ctx.vm.core.types;
    let class = match action {
        Action::Send(_) => types.async_generator_asend.clone(),
        _ => types.async_generator_athrow.clone(),
    };
    let data = Awaitable {
        agen: Mutex::new(Some(agen.clone())),
        progress: Mutex::new(Progress::Start(action)),
    };
    PyRef::new(Payload::Native(Box::new(NativeObj { class, data: Box::new(data) })))
}

/// The awaitable inside `obj`, if it is one.
pub fn as_awaitable<B: Backend>(obj: &PyRef<B>) -> Option<&Awaitable<B>> {
    match &obj.payload {
        Payload::Native(n) => n.data.downcast_ref::<Awaitable<B>>(),
        _ => None,
    }
}

/// How the awaitable is stepped: `send(v)` (`next()` is `send(None)`) or `throw(exc)`.
pub enum Step<B: Backend> {
    /// `send(v)`.
    Send(PyRef<B>),
    /// `throw(exc)`.
    Throw(PyErr<B>),
}

/// One step of an awaitable: the value to pass to the event loop, or the exception that ends
/// the step (`StopIteration(value)` when the awaitable completes).
pub fn step<B: Backend>(ctx: &mut Ctx<'_, B>, aw: &Awaitable<B>, step: Step<B>) -> PyResult<B> {
    let agen = aw.agen.lock().clone();
    let Some(agen) = agen else { return Err(ctx.type_error("not an async generator")) };
    let Some(g) = as_gen(&agen) else { return Err(ctx.type_error("not an async generator")) };
    let progress = std::mem::replace(&mut *aw.progress.lock(), Progress::Done);
    let (result, closing) = match progress {
        Progress::Done => {
            return Err(ctx.runtime_error(
                "cannot reuse already awaited __anext__()/asend()/athrow()/aclose()",
            ));
        }
        Progress::Start(action) => {
            let name = match action {
                Action::Send(_) => "anext",
                Action::Throw(_) => "athrow",
                Action::Close => "aclose",
            };
            // Acquire/Release: pairs with the store that ends the previous awaitable, so its
            // effects on the generator are visible to the one that starts now.
            if g.running_async.swap(true, Ordering::AcqRel) {
                return Err(ctx.runtime_error(format!(
                    "{name}(): asynchronous generator is already running"
                )));
            }
            let closing = matches!(action, Action::Close);
            if let Step::Throw(e) = step {
                // Thrown into before its first step (a task cancelled before it ran): the
                // exception goes into the generator instead of the action, as in CPython.
                let r = generator::throw(ctx, g, e);
                return finish_step(ctx, aw, g, r, closing);
            }
            let r = match action {
                Action::Send(v) => generator::send(ctx, g, v),
                Action::Throw(e) => throw_unless_done(ctx, g, e, false),
                Action::Close => {
                    let vm = ctx.vm;
                    let exit = PyErr(ctx.new_exception(&vm.core.exc.generator_exit, vec![]));
                    throw_unless_done(ctx, g, exit, true)
                }
            };
            (r, closing)
        }
        Progress::Running(closing) => {
            let r = match step {
                Step::Send(v) => generator::send(ctx, g, v),
                Step::Throw(e) => generator::throw(ctx, g, e),
            };
            (r, closing)
        }
    };
    finish_step(ctx, aw, g, result, closing)
}

/// What a step's resumption of the generator means for the awaitable.
fn finish_step<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    aw: &Awaitable<B>,
    g: &GenObj<B>,
    result: PyResult<B, Outcome<B>>,
    closing: bool,
) -> PyResult<B> {
    let vm = ctx.vm;
    match result {
        Ok(Outcome::Yield(v)) => match unwrap(&v) {
            Some(value) if closing => {
                finish(g);
                drop(value);
                Err(ctx.runtime_error("async generator ignored GeneratorExit"))
            }
            Some(value) => {
                finish(g);
                Err(crate::builtins::methods::generator::stop_iteration(ctx, value))
            }
            None => {
                *aw.progress.lock() = Progress::Running(closing);
                Ok(v)
            }
        },
        Ok(Outcome::Return(_)) => {
            finish(g);
            if closing {
                Err(crate::builtins::methods::generator::stop_iteration(ctx, vm.core.none.clone()))
            } else {
                Err(PyErr(ctx.new_exception(&vm.core.exc.stop_async_iteration, vec![])))
            }
        }
        Err(e) => {
            finish(g);
            let ended = isinstance(vm, &e.0, &vm.core.exc.stop_async_iteration)
                || isinstance(vm, &e.0, &vm.core.exc.generator_exit);
            if closing && ended {
                Err(crate::builtins::methods::generator::stop_iteration(ctx, vm.core.none.clone()))
            } else {
                Err(e)
            }
        }
    }
}

/// Ends the current awaitable's claim on the generator.
fn finish<B: Backend>(g: &GenObj<B>) {
    // Release: see the swap in `step`.
    g.running_async.store(false, Ordering::Release);
}

/// `athrow`/`aclose` on a generator that has not started or has finished: nothing to throw
/// into (`aclose` completes, `athrow` ends the iteration, as CPython does).
fn throw_unless_done<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    g: &GenObj<B>,
    e: PyErr<B>,
    closing: bool,
) -> PyResult<B, Outcome<B>> {
    if g.finished() || (closing && !g.suspended()) {
        if closing {
            generator::close(ctx, g)?;
        }
        return Ok(Outcome::Return(ctx.vm.core.none.clone()));
    }
    generator::throw(ctx, g, e)
}

/// `close()` of an awaitable: it cannot be awaited any more, and releases its generator.
pub fn close_awaitable<B: Backend>(aw: &Awaitable<B>) {
    let was = std::mem::replace(&mut *aw.progress.lock(), Progress::Done);
    let agen = aw.agen.lock().clone();
    if matches!(was, Progress::Running(_))
        && let Some(agen) = &agen
        && let Some(g) = as_gen(agen)
    {
        finish(g);
    }
}
