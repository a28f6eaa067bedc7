//! The `queue` module: `Queue` (FIFO), `LifoQueue`, and the `Empty`/`Full` exceptions.
//!
//! The items are objects, so they are pushed and popped only while attached; a blocked
//! `get`/`put`/`join` waits with the VM released on the queue's Rust condition variables,
//! looking only at counts, and re-checks after re-attaching (another thread may have won).

use super::sync::{data, queue_deadline};
use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Layout, NativeObj, Payload, PyRef};
use crate::ops::is_true;
use crate::types::new_class;
use crate::vm::Vm;
use parking_lot::{Condvar, Mutex};
use std::collections::VecDeque;
use std::time::Instant;

struct Items<B: Backend> {
    items: VecDeque<PyRef<B>>,
    unfinished: usize,
}

/// A queue's state.
pub struct QueueData<B: Backend> {
    state: Mutex<Items<B>>,
    changed: Condvar,
    maxsize: usize,
    lifo: bool,
}

fn this<'a, B: Backend>(ctx: &Ctx<'_, B>, args: &Args<'a, B>) -> PyResult<B, &'a QueueData<B>> {
    args.args
        .first()
        .and_then(|o| data::<B, QueueData<B>>(o))
        .ok_or_else(|| ctx.type_error("descriptor requires a 'Queue' object"))
}

fn make<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, lifo: bool) -> PyResult<B> {
    args.check(ctx, "Queue", 1, 2, &["maxsize"])?;
    let maxsize = match args.positional().get(1).or_else(|| args.kwarg("maxsize")) {
        Some(m) => crate::ops::expect_int(ctx, m, "maxsize")?.max(0) as usize,
        None => 0,
    };
    let q: QueueData<B> = QueueData {
        state: Mutex::new(Items { items: VecDeque::new(), unfinished: 0 }),
        changed: Condvar::new(),
        maxsize,
        lifo,
    };
    Ok(PyRef::new(Payload::Native(Box::new(NativeObj {
        class: args.args[0].clone(),
        data: Box::new(q),
    }))))
}

fn queue_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    make(ctx, args, false)
}

fn lifo_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    make(ctx, args, true)
}

/// Waits (released) until `ready` holds on the counts or the deadline passes.
fn wait<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    q: &QueueData<B>,
    d: Option<Instant>,
    ready: impl Fn(usize, usize) -> bool,
) -> bool {
    ctx.allow_threads(|| {
        let mut g = q.state.lock();
        loop {
            if ready(g.items.len(), g.unfinished) {
                return true;
            }
            match d {
                None => q.changed.wait(&mut g),
                Some(d) => {
                    if q.changed.wait_until(&mut g, d).timed_out() {
                        return ready(g.items.len(), g.unfinished);
                    }
                }
            }
        }
    })
}

/// `(block, timeout)` of `get`/`put`, read as CPython's `queue.Queue` does: with `block` false
/// the timeout is ignored; with `block` true a negative one raises `ValueError`. `check` is
/// false for `put` on an unbounded queue, which never reads them.
fn blocking_args<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: &Args<'_, B>,
    first: usize,
    check: bool,
) -> PyResult<B, (bool, Option<Instant>)> {
    let pos = args.positional();
    let block = match pos.get(first).or_else(|| args.kwarg("block")) {
        Some(b) => is_true(ctx, b)?,
        None => true,
    };
    if !block || !check {
        return Ok((block, None));
    }
    let d = queue_deadline(ctx, pos.get(first + 1).or_else(|| args.kwarg("timeout")))?;
    Ok((block, d))
}

fn exc<B: Backend>(ctx: &mut Ctx<'_, B>, name: &str) -> crate::ctx::PyErr<B> {
    match crate::eval::imports::import_module(ctx, "queue")
        .and_then(|m| crate::ops::attr::getattr_str(ctx, &m, name))
    {
        Ok(cls) => crate::ctx::PyErr(ctx.new_exception(&cls, vec![])),
        Err(e) => e,
    }
}

fn get_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    q: &QueueData<B>,
    block: bool,
    d: Option<Instant>,
) -> PyResult<B> {
    loop {
        let item = {
            let mut g = q.state.lock();
            if q.lifo { g.items.pop_back() } else { g.items.pop_front() }
        };
        if let Some(v) = item {
            q.changed.notify_all();
            return Ok(v);
        }
        if !block || !wait(ctx, q, d, |n, _| n > 0) {
            return Err(exc(ctx, "Empty"));
        }
    }
}

fn put_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    q: &QueueData<B>,
    item: PyRef<B>,
    block: bool,
    d: Option<Instant>,
) -> PyResult<B, ()> {
    let mut item = Some(item);
    loop {
        {
            let mut g = q.state.lock();
            if q.maxsize == 0 || g.items.len() < q.maxsize {
                if let Some(v) = item.take() {
                    g.items.push_back(v);
                }
                g.unfinished += 1;
                drop(g);
                q.changed.notify_all();
                return Ok(());
            }
        }
        let max = q.maxsize;
        if !block || !wait(ctx, q, d, |n, _| n < max) {
            return Err(exc(ctx, "Full"));
        }
    }
}

fn q_get<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "get", 1, 3, &["block", "timeout"])?;
    let q = this(ctx, &args)?;
    let (block, d) = blocking_args(ctx, &args, 1, true)?;
    get_impl(ctx, q, block, d)
}

fn q_get_nowait<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "get_nowait", 1, 1, &[])?;
    let q = this(ctx, &args)?;
    get_impl(ctx, q, false, None)
}

fn q_put<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "put", 2, 4, &["block", "timeout"])?;
    let q = this(ctx, &args)?;
    let (block, d) = blocking_args(ctx, &args, 2, q.maxsize > 0)?;
    put_impl(ctx, q, args.args[1].clone(), block, d)?;
    Ok(ctx.vm.core.none.clone())
}

fn q_put_nowait<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "put_nowait", 2, 2, &[])?;
    let q = this(ctx, &args)?;
    put_impl(ctx, q, args.args[1].clone(), false, None)?;
    Ok(ctx.vm.core.none.clone())
}

fn q_task_done<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "task_done", 1, 1, &[])?;
    let q = this(ctx, &args)?;
    {
        let mut g = q.state.lock();
        if g.unfinished == 0 {
            drop(g);
            return Err(ctx.value_error("task_done() called too many times"));
        }
        g.unfinished -= 1;
    }
    q.changed.notify_all();
    Ok(ctx.vm.core.none.clone())
}

fn q_join<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "join", 1, 1, &[])?;
    let q = this(ctx, &args)?;
    wait(ctx, q, None, |_, unfinished| unfinished == 0);
    Ok(ctx.vm.core.none.clone())
}

fn q_qsize<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "qsize", 1, 1, &[])?;
    let q = this(ctx, &args)?;
    let n = q.state.lock().items.len();
    Ok(ctx.vm.int(n as i64))
}

fn q_empty<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "empty", 1, 1, &[])?;
    let q = this(ctx, &args)?;
    let e = q.state.lock().items.is_empty();
    Ok(ctx.vm.bool(e))
}

fn q_full<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "full", 1, 1, &[])?;
    let q = this(ctx, &args)?;
    let full = q.maxsize > 0 && q.state.lock().items.len() >= q.maxsize;
    Ok(ctx.vm.bool(full))
}

/// Fills the `queue` module.
pub(super) fn fill<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>) {
    let put = |key: &str, v: PyRef<B>| crate::ops::dicts::set_name(ns, vm.intern(key), v);
    for (name, ctor) in
        [("Queue", queue_new as crate::builtins::NativeFn<B>), ("LifoQueue", lifo_new)]
    {
        let cls = new_class::<B>(name, "queue", vm.core.object_type.clone(), Layout::Builtin);
        add(vm, &cls, "__new__", ctor);
        add(vm, &cls, "get", q_get);
        add(vm, &cls, "get_nowait", q_get_nowait);
        add(vm, &cls, "put", q_put);
        add(vm, &cls, "put_nowait", q_put_nowait);
        add(vm, &cls, "task_done", q_task_done);
        add(vm, &cls, "join", q_join);
        add(vm, &cls, "qsize", q_qsize);
        add(vm, &cls, "empty", q_empty);
        add(vm, &cls, "full", q_full);
        put(name, cls);
    }
    put(
        "Empty",
        new_class::<B>("Empty", "queue", vm.core.exc.exception.clone(), Layout::Exception),
    );
    put("Full", new_class::<B>("Full", "queue", vm.core.exc.exception.clone(), Layout::Exception));
}
