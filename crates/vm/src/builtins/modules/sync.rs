//! The synchronisation primitives of `threading`: `Lock`, `RLock`, `Condition`, `Semaphore`,
//! `BoundedSemaphore`, `Event` and `Barrier`.
//!
//! Each is a native object holding Rust state (a `parking_lot` mutex and condition variable).
//! A blocking wait never holds the VM: it runs inside `Ctx::allow_threads`, and the closure
//! touches only that Rust state, never an object (docs/safety.md, I1). The fast path (an
//! uncontended acquire) does not release the VM, as in CPython.

use super::threading::thread_ident;
use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Layout, NativeObj, Payload, PyRef};
use crate::ops::compare::{Num, as_num};
use crate::ops::{call, is_true};
use crate::types::new_class;
use crate::vm::Vm;
use parking_lot::{Condvar, Mutex};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The Rust value inside a native object of type `T`.
pub fn data<B: Backend, T: 'static>(o: &PyRef<B>) -> Option<&T> {
    match &o.payload {
        Payload::Native(n) => n.data.downcast_ref::<T>(),
        _ => None,
    }
}

fn receiver<'a, B: Backend, T: 'static>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    what: &str,
) -> PyResult<B, &'a T> {
    args.args
        .first()
        .and_then(|o| data::<B, T>(o))
        .ok_or_else(|| ctx.type_error(format!("descriptor requires a '{what}' object")))
}

/// A wait deadline from Python's `timeout` argument (`None` or negative: wait forever).
pub fn deadline<B: Backend>(
    ctx: &Ctx<'_, B>,
    t: Option<&PyRef<B>>,
) -> PyResult<B, Option<Instant>> {
    let secs = match t.map(|v| (&v.payload, as_num(v))) {
        None | Some((Payload::None, _)) => return Ok(None),
        Some((_, Some(Num::Int(i)))) => i as f64,
        Some((_, Some(Num::Float(f)))) => f,
        Some(_) => return Err(ctx.type_error("timeout must be a number")),
    };
    if secs < 0.0 {
        return Ok(None);
    }
    Ok(Some(Instant::now() + Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX / 4)))
}

/// Waits on `cv` until `ready(state)` holds or the deadline passes; `true` if ready.
fn wait_until<S>(
    m: &Mutex<S>,
    cv: &Condvar,
    deadline: Option<Instant>,
    mut ready: impl FnMut(&mut S) -> bool,
) -> bool {
    let mut g = m.lock();
    loop {
        if ready(&mut g) {
            return true;
        }
        match deadline {
            None => cv.wait(&mut g),
            Some(d) => {
                if cv.wait_until(&mut g, d).timed_out() {
                    return ready(&mut g);
                }
            }
        }
    }
}

fn arg<'a, B: Backend>(args: &Args<'a, B>, pos: usize, name: &str) -> Option<&'a PyRef<B>> {
    args.positional().get(pos).or_else(|| args.kwarg(name))
}

fn flag<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    v: Option<&PyRef<B>>,
    default: bool,
) -> PyResult<B, bool> {
    match v {
        Some(v) => is_true(ctx, v),
        None => Ok(default),
    }
}

fn native_obj<B: Backend>(class: &PyRef<B>, data: impl std::any::Any + Send + Sync) -> PyRef<B> {
    PyRef::new(Payload::Native(Box::new(NativeObj { class: class.clone(), data: Box::new(data) })))
}

fn class_arg<'a, B: Backend>(args: &Args<'a, B>) -> &'a PyRef<B> {
    &args.args[0]
}

// ---------------------------------------------------------------------------------------
// Lock

/// `threading.Lock`: a non-reentrant lock.
#[derive(Default)]
pub struct LockData {
    locked: Mutex<bool>,
    cv: Condvar,
}

impl LockData {
    fn try_acquire(&self) -> bool {
        let mut g = self.locked.lock();
        !std::mem::replace(&mut *g, true)
    }

    /// Acquires, releasing the VM while blocked.
    pub fn acquire<B: Backend>(
        &self,
        ctx: &mut Ctx<'_, B>,
        blocking: bool,
        deadline: Option<Instant>,
    ) -> bool {
        if self.try_acquire() {
            return true;
        }
        if !blocking {
            return false;
        }
        ctx.allow_threads(|| {
            wait_until(&self.locked, &self.cv, deadline, |l| !std::mem::replace(l, true))
        })
    }

    /// Releases; `false` if it was not locked.
    pub fn release(&self) -> bool {
        let was = std::mem::replace(&mut *self.locked.lock(), false);
        self.cv.notify_one();
        was
    }
}

fn lock_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "Lock", 1, 1, &[])?;
    Ok(native_obj(class_arg(&args), LockData::default()))
}

fn lock_acquire<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "acquire", 1, 3, &["blocking", "timeout"])?;
    let l: &LockData = receiver(ctx, &args, "lock")?;
    let blocking = flag(ctx, arg(&args, 1, "blocking"), true)?;
    let t = arg(&args, 2, "timeout");
    if !blocking && t.is_some_and(|t| !matches!(t.payload, Payload::Int(-1))) {
        return Err(ctx.value_error("can't specify a timeout for a non-blocking call"));
    }
    let d = deadline(ctx, t)?;
    let ok = l.acquire(ctx, blocking, d);
    Ok(ctx.vm.bool(ok))
}

fn lock_release<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let l: &LockData = receiver(ctx, &args, "lock")?;
    if !l.release() {
        return Err(ctx.runtime_error("release unlocked lock"));
    }
    Ok(ctx.vm.none.clone())
}

fn lock_locked<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let l: &LockData = receiver(ctx, &args, "lock")?;
    let v = *l.locked.lock();
    Ok(ctx.vm.bool(v))
}

fn lock_enter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if let Some(l) = args.args.first().and_then(|o| data::<B, LockData>(o)) {
        l.acquire(ctx, true, None);
    } else if let Some(r) = args.args.first().and_then(|o| data::<B, RLockData>(o)) {
        r.acquire(ctx, true, None);
    }
    Ok(ctx.vm.bool(true))
}

fn lock_exit<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if let Some(l) = args.args.first().and_then(|o| data::<B, LockData>(o)) {
        if !l.release() {
            return Err(ctx.runtime_error("release unlocked lock"));
        }
    } else if let Some(r) = args.args.first().and_then(|o| data::<B, RLockData>(o)) {
        r.release_one().map_err(|m| ctx.runtime_error(m))?;
    }
    Ok(ctx.vm.none.clone())
}

// ---------------------------------------------------------------------------------------
// RLock

/// `threading.RLock`: owner thread and recursion count.
#[derive(Default)]
pub struct RLockData {
    state: Mutex<(u64, u64)>,
    cv: Condvar,
}

impl RLockData {
    /// Acquires (re-entrantly), releasing the VM while blocked.
    pub fn acquire<B: Backend>(
        &self,
        ctx: &mut Ctx<'_, B>,
        blocking: bool,
        deadline: Option<Instant>,
    ) -> bool {
        let me = thread_ident();
        let take = move |s: &mut (u64, u64)| {
            if s.1 == 0 || s.0 == me {
                s.0 = me;
                s.1 += 1;
                true
            } else {
                false
            }
        };
        if take(&mut self.state.lock()) {
            return true;
        }
        if !blocking {
            return false;
        }
        ctx.allow_threads(|| wait_until(&self.state, &self.cv, deadline, take))
    }

    fn release_one(&self) -> Result<(), &'static str> {
        let mut s = self.state.lock();
        if s.1 == 0 || s.0 != thread_ident() {
            return Err("cannot release un-acquired lock");
        }
        s.1 -= 1;
        if s.1 == 0 {
            s.0 = 0;
            self.cv.notify_one();
        }
        Ok(())
    }

    /// Fully releases (for `Condition.wait`), returning the count to restore.
    fn release_all(&self) -> Result<u64, &'static str> {
        let mut s = self.state.lock();
        if s.1 == 0 || s.0 != thread_ident() {
            return Err("cannot wait on un-acquired lock");
        }
        let n = std::mem::replace(&mut s.1, 0);
        s.0 = 0;
        self.cv.notify_one();
        Ok(n)
    }

    fn is_owned(&self) -> bool {
        let s = self.state.lock();
        s.1 > 0 && s.0 == thread_ident()
    }
}

fn rlock_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "RLock", 1, 1, &[])?;
    Ok(native_obj(class_arg(&args), RLockData::default()))
}

fn rlock_acquire<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "acquire", 1, 3, &["blocking", "timeout"])?;
    let l: &RLockData = receiver(ctx, &args, "RLock")?;
    let blocking = flag(ctx, arg(&args, 1, "blocking"), true)?;
    let d = deadline(ctx, arg(&args, 2, "timeout"))?;
    let ok = l.acquire(ctx, blocking, d);
    Ok(ctx.vm.bool(ok))
}

fn rlock_release<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let l: &RLockData = receiver(ctx, &args, "RLock")?;
    l.release_one().map_err(|m| ctx.runtime_error(m))?;
    Ok(ctx.vm.none.clone())
}

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
            let rlock_class = super::threading::module_attr(ctx, "RLock")?;
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

fn reacquire<B: Backend>(ctx: &mut Ctx<'_, B>, lock: &PyRef<B>, saved: Saved) {
    match saved {
        Saved::Lock => {
            if let Some(l) = data::<B, LockData>(lock) {
                l.acquire(ctx, true, None);
            }
        }
        Saved::RLock(n) => {
            if let Some(r) = data::<B, RLockData>(lock) {
                r.acquire(ctx, true, None);
                r.state.lock().1 = n;
            }
        }
    }
}

fn condition_wait_until<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    c: &ConditionData<B>,
    deadline: Option<Instant>,
) -> PyResult<B, bool> {
    if let Some(r) = data::<B, RLockData>(&c.lock)
        && !r.is_owned()
    {
        return Err(ctx.runtime_error("cannot wait on un-acquired lock"));
    }
    let w = Arc::new(Waiter { notified: Mutex::new(false), cv: Condvar::new() });
    c.waiters.lock().push(w.clone());
    let saved = release_for_wait(ctx, &c.lock)?;
    let notified = ctx.allow_threads(|| wait_until(&w.notified, &w.cv, deadline, |n| *n));
    if !notified {
        c.waiters.lock().retain(|x| !Arc::ptr_eq(x, &w));
    }
    reacquire(ctx, &c.lock, saved);
    Ok(notified)
}

fn condition_wait<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "wait", 1, 2, &["timeout"])?;
    let c = cond(ctx, &args)?;
    let d = deadline(ctx, arg(&args, 1, "timeout"))?;
    let r = condition_wait_until(ctx, c, d)?;
    Ok(ctx.vm.bool(r))
}

fn condition_wait_for<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "wait_for", 2, 3, &["predicate", "timeout"])?;
    let c = cond(ctx, &args)?;
    let pred = args.args[1].clone();
    let d = deadline(ctx, arg(&args, 2, "timeout"))?;
    loop {
        let r = call::call(ctx, &pred, &[], &[])?;
        if is_true(ctx, &r)? {
            return Ok(r);
        }
        if d.is_some_and(|d| Instant::now() >= d) {
            return Ok(r);
        }
        condition_wait_until(ctx, c, d)?;
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

fn condition_notify<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "notify", 1, 2, &["n"])?;
    let c = cond(ctx, &args)?;
    let n = match arg(&args, 1, "n") {
        Some(v) => crate::ops::expect_int(ctx, v, "n")?.max(0) as usize,
        None => 1,
    };
    notify_n(c, n);
    Ok(ctx.vm.none.clone())
}

fn condition_notify_all<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let c = cond(ctx, &args)?;
    notify_n(c, usize::MAX);
    Ok(ctx.vm.none.clone())
}

fn condition_enter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
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
    let d = deadline(ctx, arg(&args, 2, "timeout"))?;
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
    Ok(ctx.vm.none.clone())
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
    let e: &EventData = receiver(ctx, &args, "Event")?;
    *e.flag.lock() = true;
    e.cv.notify_all();
    Ok(ctx.vm.none.clone())
}

fn event_clear<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let e: &EventData = receiver(ctx, &args, "Event")?;
    *e.flag.lock() = false;
    Ok(ctx.vm.none.clone())
}

fn event_is_set<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let e: &EventData = receiver(ctx, &args, "Event")?;
    let v = *e.flag.lock();
    Ok(ctx.vm.bool(v))
}

fn event_wait<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "wait", 1, 2, &["timeout"])?;
    let e: &EventData = receiver(ctx, &args, "Event")?;
    let d = deadline(ctx, arg(&args, 1, "timeout"))?;
    let set = *e.flag.lock() || ctx.allow_threads(|| wait_until(&e.flag, &e.cv, d, |f| *f));
    Ok(ctx.vm.bool(set))
}

// ---------------------------------------------------------------------------------------
// Barrier

struct BarrierState {
    count: usize,
    generation: u64,
    broken: bool,
}

/// `threading.Barrier`.
pub struct BarrierData<B: Backend> {
    parties: usize,
    action: Option<PyRef<B>>,
    state: Mutex<BarrierState>,
    cv: Condvar,
}

fn barrier_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "Barrier", 2, 4, &["parties", "action", "timeout"])?;
    let parties = crate::ops::expect_int(ctx, &args.args[1], "parties")?;
    if parties < 1 {
        return Err(ctx.value_error("parties must be > 0"));
    }
    let action = arg(&args, 2, "action").filter(|a| !matches!(a.payload, Payload::None)).cloned();
    let data = BarrierData {
        parties: parties as usize,
        action,
        state: Mutex::new(BarrierState { count: 0, generation: 0, broken: false }),
        cv: Condvar::new(),
    };
    Ok(native_obj(class_arg(&args), data))
}

fn barrier_wait<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "wait", 1, 2, &["timeout"])?;
    let b: &BarrierData<B> = receiver(ctx, &args, "Barrier")?;
    let d = deadline(ctx, arg(&args, 1, "timeout"))?;
    let (index, generation) = {
        let mut s = b.state.lock();
        if s.broken {
            return Err(broken(ctx));
        }
        let i = s.count;
        s.count += 1;
        (i, s.generation)
    };
    if index + 1 == b.parties {
        if let Some(a) = &b.action {
            call::call(ctx, a, &[], &[])?;
        }
        let mut s = b.state.lock();
        s.count = 0;
        s.generation += 1;
        b.cv.notify_all();
        return Ok(ctx.vm.int(index as i64));
    }
    let ok = ctx.allow_threads(|| {
        wait_until(&b.state, &b.cv, d, |s| s.generation != generation || s.broken)
    });
    let mut s = b.state.lock();
    if !ok || (s.broken && s.generation == generation) {
        s.broken = true;
        b.cv.notify_all();
        drop(s);
        return Err(broken(ctx));
    }
    Ok(ctx.vm.int(index as i64))
}

fn broken<B: Backend>(ctx: &mut Ctx<'_, B>) -> crate::ctx::PyErr<B> {
    match super::threading::module_attr(ctx, "BrokenBarrierError") {
        Ok(cls) => ctx.err(&cls, ""),
        Err(e) => e,
    }
}

fn barrier_parties<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let b: &BarrierData<B> = receiver(ctx, &args, "Barrier")?;
    Ok(ctx.vm.int(b.parties as i64))
}

fn barrier_n_waiting<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let b: &BarrierData<B> = receiver(ctx, &args, "Barrier")?;
    let n = b.state.lock().count;
    Ok(ctx.vm.int(n as i64))
}

fn barrier_broken<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let b: &BarrierData<B> = receiver(ctx, &args, "Barrier")?;
    let v = b.state.lock().broken;
    Ok(ctx.vm.bool(v))
}

fn barrier_abort<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let b: &BarrierData<B> = receiver(ctx, &args, "Barrier")?;
    b.state.lock().broken = true;
    b.cv.notify_all();
    Ok(ctx.vm.none.clone())
}

fn barrier_reset<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let b: &BarrierData<B> = receiver(ctx, &args, "Barrier")?;
    {
        let mut s = b.state.lock();
        s.broken = false;
        s.count = 0;
        s.generation += 1;
    }
    b.cv.notify_all();
    Ok(ctx.vm.none.clone())
}

/// Adds the primitives' classes to the `threading` module namespace `ns`.
pub(super) fn install<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>, module: &str) {
    let object = &vm.object_type;
    let class = |name: &str| new_class::<B>(name, module, object.clone(), Layout::Builtin);
    let put = |key: &str, v: &PyRef<B>| crate::ops::dicts::set_name(ns, vm.intern(key), v.clone());

    let lock = class("lock");
    add(vm, &lock, "__new__", lock_new);
    add(vm, &lock, "acquire", lock_acquire);
    add(vm, &lock, "release", lock_release);
    add(vm, &lock, "locked", lock_locked);
    add(vm, &lock, "__enter__", lock_enter);
    add(vm, &lock, "__exit__", lock_exit);
    put("Lock", &lock);

    let rlock = class("RLock");
    add(vm, &rlock, "__new__", rlock_new);
    add(vm, &rlock, "acquire", rlock_acquire);
    add(vm, &rlock, "release", rlock_release);
    add(vm, &rlock, "__enter__", lock_enter);
    add(vm, &rlock, "__exit__", lock_exit);
    put("RLock", &rlock);

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

    let barrier = class("Barrier");
    add(vm, &barrier, "__new__", barrier_new);
    add(vm, &barrier, "wait", barrier_wait);
    crate::builtins::add_property(vm, &barrier, "parties", barrier_parties);
    crate::builtins::add_property(vm, &barrier, "n_waiting", barrier_n_waiting);
    crate::builtins::add_property(vm, &barrier, "broken", barrier_broken);
    add(vm, &barrier, "abort", barrier_abort);
    add(vm, &barrier, "reset", barrier_reset);
    put("Barrier", &barrier);
    let broken = new_class::<B>(
        "BrokenBarrierError",
        module,
        vm.exc.runtime_error.clone(),
        Layout::Exception,
    );
    put("BrokenBarrierError", &broken);
}
