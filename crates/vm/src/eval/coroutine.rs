//! The coroutine instructions: `GET_AWAITABLE`, `GET_AITER`, `GET_ANEXT` and `END_ASYNC_FOR`
//! (`BEFORE_ASYNC_WITH` shares `exceptions::before_with`) (CPython 3.11's `ceval.c` cases and
//! `_PyCoro_GetAwaitableIter`, with their messages). A coroutine object is a generator object
//! of kind `Coroutine` (`generator.rs` runs both); `await x` is `yield from` over what
//! [`awaitable`] returns.

use super::Frame;
use super::generator::{GenKind, as_gen, is_awaiting};
use crate::backend::Backend;
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{Payload, PyRef};
use crate::ops::{attr, isinstance, type_name};

/// The iterator `await o` delegates to (`_PyCoro_GetAwaitableIter`); `None` when `o` is not
/// awaitable at all (no `__await__`), so the caller can word the error.
fn awaitable_iter<B: Backend>(ctx: &mut Ctx<'_, B>, o: &PyRef<B>) -> PyResult<B, Option<PyRef<B>>> {
    if as_gen(o).is_some_and(|g| g.kind == GenKind::Coroutine) {
        return Ok(Some(o.clone()));
    }
    let Some(r) = attr::call_dunder(ctx, o, "__await__", &[])? else { return Ok(None) };
    if as_gen(&r).is_some_and(|g| g.kind == GenKind::Coroutine) {
        return Err(ctx.type_error("__await__() returned a coroutine"));
    }
    if !matches!(r.payload, Payload::Iter(_)) && attr::lookup_special(ctx, &r, "__next__").is_none()
    {
        return Err(ctx.type_error(format!(
            "__await__() returned non-iterator of type '{}'",
            type_name(ctx.vm, &r)
        )));
    }
    Ok(Some(r))
}

/// `GET_AWAITABLE where`.
pub fn awaitable<B: Backend>(ctx: &mut Ctx<'_, B>, o: PyRef<B>, where_: u32) -> PyResult<B> {
    let Some(it) = awaitable_iter(ctx, &o)? else {
        let t = type_name(ctx.vm, &o);
        return Err(ctx.type_error(match where_ {
            1 => format!(
                "'async with' received an object from __aenter__ that does not implement __await__: {t}"
            ),
            2 => format!(
                "'async with' received an object from __aexit__ that does not implement __await__: {t}"
            ),
            _ => format!("object {t} can't be used in 'await' expression"),
        }));
    };
    if let Some(g) = as_gen(&it)
        && g.kind == GenKind::Coroutine
        && is_awaiting(g)
    {
        return Err(ctx.runtime_error("coroutine is being awaited already"));
    }
    Ok(it)
}

/// `GET_AITER`.
pub fn aiter<B: Backend>(ctx: &mut Ctx<'_, B>, o: PyRef<B>) -> PyResult<B> {
    let Some(it) = attr::call_dunder(ctx, &o, "__aiter__", &[])? else {
        return Err(ctx.type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            type_name(ctx.vm, &o)
        )));
    };
    if attr::lookup_special(ctx, &it, "__anext__").is_none() {
        return Err(ctx.type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            type_name(ctx.vm, &it)
        )));
    }
    Ok(it)
}

/// `GET_ANEXT`: the awaitable for the next item of the async iterator on top of the stack.
pub fn anext<B: Backend>(ctx: &mut Ctx<'_, B>, f: &Frame<'_, B>) -> PyResult<B> {
    let it = f.top().clone();
    let Some(next) = attr::call_dunder(ctx, &it, "__anext__", &[])? else {
        return Err(ctx.type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            type_name(ctx.vm, &it)
        )));
    };
    match awaitable_iter(ctx, &next) {
        Ok(Some(a)) => Ok(a),
        Ok(None) => Err(ctx.type_error(format!(
            "'async for' received an invalid object from __anext__: {}",
            type_name(ctx.vm, &next)
        ))),
        Err(e) => Err(e),
    }
}

/// `END_ASYNC_FOR`: `StopAsyncIteration` ends the loop (the iterator is dropped); anything
/// else is raised again, as a re-raise (no new traceback entry).
pub fn end_async_for<B: Backend>(ctx: &mut Ctx<'_, B>, f: &mut Frame<'_, B>) -> PyResult<B, ()> {
    let exc = f.pop();
    if isinstance(ctx.vm, &exc, &ctx.vm.core.exc.stop_async_iteration) {
        drop(f.pop());
        return Ok(());
    }
    Err(PyErr(exc))
}
