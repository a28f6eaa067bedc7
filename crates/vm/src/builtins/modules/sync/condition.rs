//! `Condition`, `Semaphore`/`BoundedSemaphore` and `Event`.

use super::timeout::{loop_deadline, wait_deadline, wait_until};
use super::{LockData, RLockData, arg, class_arg, data, flag, native_obj, receiver};
use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Layout, Payload, PyRef};
use crate::ops::{call, is_true};
use crate::types::new_class;
use crate::vm::Vm;
use parking_lot::{Condvar, Mutex};
use std::sync::Arc;
use std::time::Instant;

// ---------------------------------------------------------------------------------------
// Condition

struct Waiter {
    notified: Mutex<bool>,
    cv: Condvar,
}

/// `threading.Condition`: a lock (Lock or RLock) and the threads waiting on it.
pub struct ConditionData<B: Backend> {
    lock: PyRef<B>,
    waiters: Mutex<Vec<Arc<Waiter>>>,
}

fn condition_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "Condition", 1, 2, &["lock"])?;
    let lock = match arg(&args, 1, "lock").filter(|l| !matches!(l.payload, Payload::None)) {
        Some(l) => l.clone(),
        None => {
            let rlock_class = super::super::threading::module_attr(ctx, "RLock")?;
            native_obj(&rlock_class, RLockData::default())
        }
    };
    Ok(native_obj(class_arg(&args), ConditionData { lock, waiters: Mutex::new(Vec::new()) }))
}

fn cond<'a, B: Backend>(ctx: &Ctx<'_, B>, args: &Args<'a, B>) -> PyResult<B, &'a ConditionData<B>> {
    receiver(ctx, args, "Condition")
}

fn condition_acquire<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let c = cond(ctx, &args)?;
    let m = crate::ops::attr::getattr_str(ctx, &c.lock, "acquire")?;
    call::call(ctx, &m, &args.args[1..], args.kwnames)
}

fn condition_release<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "release", 1, 1, &[])?;
    let c = cond(ctx, &args)?;
    let m = crate::ops::attr::getattr_str(ctx, &c.lock, "release")?;
    call::call(ctx, &m, &[], &[])
}

enum Saved {
    Lock,
    RLock(u64),
}

fn release_for_wait<B: Backend>(ctx: &Ctx<'_, B>, lock: &PyRef<B>) -> PyResult<B, Saved> {
    if let Some(r) = data::<B, RLockData>(lock) {
        return r.release_all().map(Saved::RLock).map_err(|m| ctx.runtime_error(m));
    }
    if let Some(l) = data::<B, LockData>(lock) {
        if !l.release() {
            return Err(ctx.runtime_error("cannot wait on un-acquired lock"));
        }
        return Ok(Saved::Lock);
    }
    Err(ctx.type_error("Condition lock must be a threading.Lock or RLock"))
}

fn reacquire<B: Backend>(ctx: &mut Ctx<'_, B>, lock: &PyRef<B>, saved: Saved) -> PyResult<B, ()> {
    match saved {
        Saved::Lock => {
            if let Some(l) = data::<B, LockData>(lock) {
                l.acquire(ctx, true, None)?;
            }
        }
        Saved::RLock(n) => {
            if let Some(r) = data::<B, RLockData>(lock) {
                r.acquire(ctx, true, None);
                r.state.lock().1 = n;
            }
        }
    }
    Ok(())
}

/// Whether the calling thread may wait on or notify `c` (CPython's `Condition._is_owned`):
/// it owns an `RLock`; a `Lock` is held (by anyone); another lock answers `_is_owned()`, or
/// else counts as held when a non-blocking `acquire` fails.
fn is_owned<B: Backend>(ctx: &mut Ctx<'_, B>, lock: &PyRef<B>) -> PyResult<B, bool> {
    if let Some(r) = data::<B, RLockData>(lock) {
        return Ok(r.is_owned());
    }
    if let Some(l) = data::<B, LockData>(lock) {
        return Ok(l.is_locked());
    }
    if let Ok(m) = crate::ops::attr::getattr_str(ctx, lock, "_is_owned") {
        let r = call::call(ctx, &m, &[], &[])?;
        return is_true(ctx, &r);
    }
    let acquire = crate::ops::attr::getattr_str(ctx, lock, "acquire")?;
    let f = ctx.vm.bool(false);
    let got = call::call(ctx, &acquire, &[f], &[])?;
    if is_true(ctx, &got)? {
        let release = crate::ops::attr::getattr_str(ctx, lock, "release")?;
        call::call(ctx, &release, &[], &[])?;
        return Ok(false);
    }
    Ok(true)
}

fn condition_wait_until<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    c: &ConditionData<B>,
    deadline: Option<Instant>,
) -> PyResult<B, bool> {
    let w = Arc::new(Waiter { notified: Mutex::new(false), cv: Condvar::new() });
    // Released first: a lock that is not held raises before the waiter is registered.
    let saved = release_for_wait(ctx, &c.lock)?;
    c.waiters.lock().push(w.clone());
    let notified = ctx.allow_threads(|| wait_until(&w.notified, &w.cv, deadline, |n| *n));
    if !notified {
        c.waiters.lock().retain(|x| !Arc::ptr_eq(x, &w));
    }
    reacquire(ctx, &c.lock, saved)?;
    Ok(notified)
}

/// `Condition.wait(timeout)`'s checks, in CPython's order: the lock must be held, then the
/// timeout is read.
fn checked_wait<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    c: &ConditionData<B>,
    timeout: Option<&PyRef<B>>,
) -> PyResult<B, bool> {
    if !is_owned(ctx, &c.lock)? {
        return Err(ctx.runtime_error("cannot wait on un-acquired lock"));
    }
    let d = wait_deadline(ctx, timeout)?;
    condition_wait_until(ctx, c, d)
}

fn condition_wait<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "wait", 1, 2, &["timeout"])?;
    let c = cond(ctx, &args)?;
    let r = checked_wait(ctx, c, arg(&args, 1, "timeout"))?;
    Ok(ctx.vm.bool(r))
}

/// `Condition.wait_for(predicate, timeout)`, CPython's loop: the predicate is called first,
/// the timeout is read only if it has to wait, and each wait checks that the lock is held.
fn condition_wait_for<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "wait_for", 2, 3, &["predicate", "timeout"])?;
    let c = cond(ctx, &args)?;
    let pred = args.args[1].clone();
    let timeout = arg(&args, 2, "timeout").filter(|t| !matches!(t.payload, Payload::None));
    let mut d: Option<Option<Instant>> = None;
    loop {
        let r = call::call(ctx, &pred, &[], &[])?;
        if is_true(ctx, &r)? {
            return Ok(r);
        }
        let deadline = match d {
            None => {
                let first = loop_deadline(ctx, timeout)?;
                d = Some(first);
                first
            }
            Some(dl) => {
                if dl.is_some_and(|dl| Instant::now() >= dl) {
                    return Ok(r);
                }
                dl
            }
        };
        drop(r);
        if !is_owned(ctx, &c.lock)? {
            return Err(ctx.runtime_error("cannot wait on un-acquired lock"));
        }
        condition_wait_until(ctx, c, deadline)?;
    }
}

fn notify_n<B: Backend>(c: &ConditionData<B>, n: usize) {
    let mut ws = c.waiters.lock();
    let k = n.min(ws.len());
    for w in ws.drain(..k) {
        *w.notified.lock() = true;
        w.cv.notify_one();
    }
}

fn check_notify<B: Backend>(ctx: &mut Ctx<'_, B>, c: &ConditionData<B>) -> PyResult<B, ()> {
    if !is_owned(ctx, &c.lock)? {
        return Err(ctx.runtime_error("cannot notify on un-acquired lock"));
    }
    Ok(())
}

fn condition_notify<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "notify", 1, 2, &["n"])?;
    let c = cond(ctx, &args)?;
    check_notify(ctx, c)?;
    let n = match arg(&args, 1, "n") {
        Some(v) => crate::ops::expect_int(ctx, v, "n")?.max(0) as usize,
        None => 1,
    };
    notify_n(c, n);
    Ok(ctx.vm.core.none.clone())
}

fn condition_notify_all<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "notify_all", 1, 1, &[])?;
    let c = cond(ctx, &args)?;
    check_notify(ctx, c)?;
    notify_n(c, usize::MAX);
    Ok(ctx.vm.core.none.clone())
}

fn condition_enter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "__enter__", 1, 1, &[])?;
    let c = cond(ctx, &args)?;
    let m = crate::ops::attr::getattr_str(ctx, &c.lock, "acquire")?;
    call::call(ctx, &m, &[], &[])
}

fn condition_exit<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    condition_release(ctx, Args { args: &args.args[..1], kwnames: &[] })
}

// ---------------------------------------------------------------------------------------
// Semaphore / BoundedSemaphore

/// `threading.Semaphore` (and `BoundedSemaphore` when `bound` is set).
pub struct SemaphoreData {
    value: Mutex<i64>,
    cv: Condvar,
    bound: Option<i64>,
}

fn semaphore_make<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    bounded: bool,
) -> PyResult<B> {
    args.check(ctx, "Semaphore", 1, 2, &["value"])?;
    let v = match arg(&args, 1, "value") {
        Some(v) => crate::ops::expect_int(ctx, v, "value")?,
        None => 1,
    };
    if v < 0 {
        return Err(ctx.value_error("semaphore initial value must be >= 0"));
    }
    let data =
        SemaphoreData { value: Mutex::new(v), cv: Condvar::new(), bound: bounded.then_some(v) };
    Ok(native_obj(class_arg(&args), data))
}

fn semaphore_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    semaphore_make(ctx, args, false)
}

fn bounded_semaphore_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    semaphore_make(ctx, args, true)
}

fn semaphore_acquire<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "acquire", 1, 3, &["blocking", "timeout"])?;
    let s: &SemaphoreData = receiver(ctx, &args, "Semaphore")?;
    let blocking = flag(ctx, arg(&args, 1, "blocking"), true)?;
    let timeout = arg(&args, 2, "timeout").filter(|t| !matches!(t.payload, Payload::None));
    if !blocking && timeout.is_some() {
        return Err(ctx.value_error("can't specify timeout for non-blocking acquire"));
    }
    let take = |v: &mut i64| {
        if *v > 0 {
            *v -= 1;
            true
        } else {
            false
        }
    };
    let ok = if take(&mut s.value.lock()) {
        true
    } else if !blocking {
        false
    } else {
        let d = loop_deadline(ctx, timeout)?;
        ctx.allow_threads(|| wait_until(&s.value, &s.cv, d, take))
    };
    Ok(ctx.vm.bool(ok))
}

fn semaphore_release<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "release", 1, 2, &["n"])?;
    let s: &SemaphoreData = receiver(ctx, &args, "Semaphore")?;
    let n = match arg(&args, 1, "n") {
        Some(v) => crate::ops::expect_int(ctx, v, "n")?,
        None => 1,
    };
    if n < 1 {
        return Err(ctx.value_error("n must be one or more"));
    }
    {
        let mut v = s.value.lock();
        if let Some(b) = s.bound
            && *v + n > b
        {
            return Err(ctx.value_error("Semaphore released too many times"));
        }
        *v += n;
    }
    for _ in 0..n {
        s.cv.notify_one();
    }
    Ok(ctx.vm.core.none.clone())
}

fn semaphore_enter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    semaphore_acquire(ctx, Args { args: &args.args[..1], kwnames: &[] })
}

fn semaphore_exit<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    semaphore_release(ctx, Args { args: &args.args[..1], kwnames: &[] })
}

// ---------------------------------------------------------------------------------------
// Event

/// `threading.Event`.
#[derive(Default)]
pub struct EventData {
    flag: Mutex<bool>,
    cv: Condvar,
}

fn event_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "Event", 1, 1, &[])?;
    Ok(native_obj(class_arg(&args), EventData::default()))
}

fn event_set<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "set", 1, 1, &[])?;
    let e: &EventData = receiver(ctx, &args, "Event")?;
    *e.flag.lock() = true;
    e.cv.notify_all();
    Ok(ctx.vm.core.none.clone())
}

fn event_clear<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "clear", 1, 1, &[])?;
    let e: &EventData = receiver(ctx, &args, "Event")?;
    *e.flag.lock() = false;
    Ok(ctx.vm.core.none.clone())
}

fn event_is_set<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "is_set", 1, 1, &[])?;
    let e: &EventData = receiver(ctx, &args, "Event")?;
    let v = *e.flag.lock();
    Ok(ctx.vm.bool(v))
}

fn event_wait<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "wait", 1, 2, &["timeout"])?;
    let e: &EventData = receiver(ctx, &args, "Event")?;
    if *e.flag.lock() {
        return Ok(ctx.vm.bool(true));
    }
    let d = wait_deadline(ctx, arg(&args, 1, "timeout"))?;
    let set = ctx.allow_threads(|| wait_until(&e.flag, &e.cv, d, |f| *f));
    Ok(ctx.vm.bool(set))
}

/// Adds the classes of this file to the `threading` module namespace `ns`.
pub(super) fn install<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>, module: &str) {
    let object = &vm.core.object_type;
    let class = |name: &str| new_class::<B>(name, module, object.clone(), Layout::Builtin);
    let put = |key: &str, v: &PyRef<B>| crate::ops::dicts::set_name(ns, vm.intern(key), v.clone());

    let cond = class("Condition");
    add(vm, &cond, "__new__", condition_new);
    add(vm, &cond, "acquire", condition_acquire);
    add(vm, &cond, "release", condition_release);
    add(vm, &cond, "wait", condition_wait);
    add(vm, &cond, "wait_for", condition_wait_for);
    add(vm, &cond, "notify", condition_notify);
    add(vm, &cond, "notify_all", condition_notify_all);
    add(vm, &cond, "__enter__", condition_enter);
    add(vm, &cond, "__exit__", condition_exit);
    put("Condition", &cond);

    for (name, ctor) in [
        ("Semaphore", semaphore_new as crate::builtins::NativeFn<B>),
        ("BoundedSemaphore", bounded_semaphore_new),
    ] {
        let sem = class(name);
        add(vm, &sem, "__new__", ctor);
        add(vm, &sem, "acquire", semaphore_acquire);
        add(vm, &sem, "release", semaphore_release);
        add(vm, &sem, "__enter__", semaphore_enter);
        add(vm, &sem, "__exit__", semaphore_exit);
        put(name, &sem);
    }

    let event = class("Event");
    add(vm, &event, "__new__", event_new);
    add(vm, &event, "set", event_set);
    add(vm, &event, "clear", event_clear);
    add(vm, &event, "is_set", event_is_set);
    add(vm, &event, "wait", event_wait);
    put("Event", &event);
}
