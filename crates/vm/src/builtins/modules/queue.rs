//! The `queue` module: `Queue` (FIFO), `LifoQueue`, and the `Empty`/`Full` exceptions.
//!
//! The items are objects, so they are pushed and popped only while attached; a blocked
//! `get`/`put`/`join` waits with the VM released on the queue's Rust condition variables,
//! looking only at counts, and re-checks after re-attaching (another thread may have won).

use super::multiprocessing::shm::Segment;
use super::queue_shared as shared;
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
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
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
    /// Set once the queue is shared with threads in other processes (`queue_shared`): from
    /// then on `shared` holds its channel and every operation goes there.
    promoted: AtomicBool,
    shared: Mutex<Option<Arc<Segment>>>,
}

impl<B: Backend> QueueData<B> {
    /// The channel of a promoted queue.
    pub fn shared(&self) -> Option<Arc<Segment>> {
        // Acquire: pairs with the Release in `promote_if_unchanged`, so `shared` is set.
        if !self.promoted.load(Ordering::Acquire) {
            return None;
        }
        self.shared.lock().clone()
    }

    /// Whether it is a `LifoQueue`.
    pub fn is_lifo(&self) -> bool {
        self.lifo
    }

    /// Its `maxsize` (0: unbounded).
    pub fn maxsize(&self) -> usize {
        self.maxsize
    }

    /// The items now, oldest first.
    pub fn snapshot(&self) -> Vec<PyRef<B>> {
        self.state.lock().items.iter().cloned().collect()
    }

    /// Promotes the queue to `seg` if its items are still exactly `snapshot` (by identity):
    /// takes them out, and returns the count of unfinished tasks to carry over; `None` if
    /// the queue changed (the caller encodes again).
    pub fn promote_if_unchanged(&self, snapshot: &[PyRef<B>], seg: Arc<Segment>) -> Option<usize> {
        let mut g = self.state.lock();
        let same =
            g.items.len() == snapshot.len() && g.items.iter().zip(snapshot).all(|(a, b)| a.is(b));
        if !same {
            return None;
        }
        *self.shared.lock() = Some(seg);
        // Release: a thread that sees the flag sees `shared` set (see `shared`).
        self.promoted.store(true, Ordering::Release);
        let taken = std::mem::take(&mut g.items);
        let unfinished = g.unfinished;
        drop(g);
        drop(taken);
        // Local waiters re-check and move to the channel.
        self.changed.notify_all();
        Some(unfinished)
    }
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
        promoted: AtomicBool::new(false),
        shared: Mutex::new(None),
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
            // Relaxed: the caller re-checks through `shared()` (Acquire) before acting.
            if ready(g.items.len(), g.unfinished) || q.promoted.load(Ordering::Relaxed) {
                return true;
            }
            match d {
                None => q.changed.wait(&mut g),
                Some(d) => {
                    if q.changed.wait_until(&mut g, d).timed_out() {
                        return ready(g.items.len(), g.unfinished)
                            || q.promoted.load(Ordering::Relaxed);
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

/// On the `shard` backend a thread's target runs in a worker process, where a module-level
/// `queue.Queue` is that process's own copy: a `get` (or `join`) with no timeout on such a
/// queue, with no other thread in the worker, would wait forever. Raise instead, saying why.
fn no_one_can_feed<B: Backend>(ctx: &mut Ctx<'_, B>) -> PyResult<B, ()> {
    if crate::procs::role() != crate::procs::Role::Serving || !crate::procs::thread_guard() {
        return Ok(());
    }
    if super::threading::thread_count(ctx)? > 1 {
        return Ok(());
    }
    Err(ctx.runtime_error(
        "this thread runs in a worker process (the shard backend), and this queue.Queue is \
         that process's own copy, which no other thread can fill: it would wait forever. Pass \
         the queue to the thread as an argument (Thread(target=f, args=(q,))) to share it, or \
         give get() a timeout",
    ))
}

fn get_impl<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    q: &QueueData<B>,
    block: bool,
    d: Option<Instant>,
) -> PyResult<B> {
    loop {
        if let Some(seg) = q.shared() {
            return shared::get(ctx, &seg, block, d)?.ok_or_else(|| exc(ctx, "Empty"));
        }
        let item = {
            let mut g = q.state.lock();
            if q.lifo { g.items.pop_back() } else { g.items.pop_front() }
        };
        if let Some(v) = item {
            q.changed.notify_all();
            return Ok(v);
        }
        if block && d.is_none() {
            no_one_can_feed(ctx)?;
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
        if let Some(seg) = q.shared() {
            let Some(v) = item.take() else { return Ok(()) };
            return match shared::put(ctx, &seg, q.maxsize, &v, block, d)? {
                true => Ok(()),
                false => Err(exc(ctx, "Full")),
            };
        }
        {
            let mut g = q.state.lock();
            // Promoted between the check above and this lock: go round again.
            if q.promoted.load(Ordering::Relaxed) {
                continue;
            }
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
    if let Some(seg) = q.shared() {
        shared::task_done(ctx, &seg)?;
        return Ok(ctx.vm.core.none.clone());
    }
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
    if q.shared().is_none() && q.state.lock().unfinished > 0 {
        no_one_can_feed(ctx)?;
    }
    wait(ctx, q, None, |_, unfinished| unfinished == 0);
    if let Some(seg) = q.shared() {
        shared::join(ctx, &seg)?;
    }
    Ok(ctx.vm.core.none.clone())
}

/// Items in the queue, local or shared.
fn len<B: Backend>(ctx: &mut Ctx<'_, B>, q: &QueueData<B>) -> PyResult<B, usize> {
    match q.shared() {
        Some(seg) => shared::qsize(ctx, &seg),
        None => Ok(q.state.lock().items.len()),
    }
}

fn q_qsize<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "qsize", 1, 1, &[])?;
    let q = this(ctx, &args)?;
    let n = len(ctx, q)?;
    Ok(ctx.vm.int(n as i64))
}

fn q_empty<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "empty", 1, 1, &[])?;
    let q = this(ctx, &args)?;
    let e = len(ctx, q)? == 0;
    Ok(ctx.vm.bool(e))
}

fn q_full<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "full", 1, 1, &[])?;
    let q = this(ctx, &args)?;
    let n = len(ctx, q)?;
    Ok(ctx.vm.bool(q.maxsize > 0 && n >= q.maxsize))
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
