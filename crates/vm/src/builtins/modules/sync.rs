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

// ---------------------------------------------------------------------------------------
// Timeouts
//
// CPython 3.11 reads a `timeout` differently in each primitive, because some are C (`Lock`,
// `RLock`) and the rest are Python over them. The helpers below reproduce each reading, with
// its error messages, so that no value is silently taken to mean "wait for ever" (a negative
// timeout used to block until the program was killed).

/// The deadline `d` from now; `None` (no deadline) when the clock cannot represent it.
fn deadline_in(d: Duration) -> Option<Instant> {
    Instant::now().checked_add(d)
}

/// The deadline `secs` (`>= 0`) from now; `None` when it is too far to represent.
fn after(secs: f64) -> Option<Instant> {
    Duration::try_from_secs_f64(secs.max(0.0)).ok().and_then(deadline_in)
}

/// A timeout's value in seconds, or `None` when it is `None`/absent; a non-number raises
/// `TypeError(type_msg(its type name))` (the message of the operation CPython would fail in).
fn timeout_secs<B: Backend>(
    ctx: &Ctx<'_, B>,
    t: Option<&PyRef<B>>,
    type_msg: impl FnOnce(&str) -> String,
) -> PyResult<B, Option<f64>> {
    let Some(v) = t else { return Ok(None) };
    match (&v.payload, as_num(v)) {
        (Payload::None, _) => Ok(None),
        (_, Some(Num::Int(i))) => Ok(Some(i as f64)),
        (_, Some(Num::Big(b))) => {
            Ok(Some(num_traits::ToPrimitive::to_f64(b).unwrap_or(f64::INFINITY)))
        }
        (_, Some(Num::Float(f))) => Ok(Some(f)),
        _ => Err(ctx.type_error(type_msg(&crate::ops::type_name(ctx.vm, v)))),
    }
}

/// CPython's `_PyTime_FromSecondsObject(t, _PyTime_ROUND_TIMEOUT)`: nanoseconds, rounded away
/// from zero, with its `ValueError`/`OverflowError`/`TypeError`s. `_thread`'s locks read every
/// timeout this way, and so does `time.sleep`.
pub(crate) fn time_ns<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, i64> {
    const NS: i64 = 1_000_000_000;
    let too_large = || ctx.overflow_error("timestamp too large to convert to C _PyTime_t");
    match as_num(v) {
        Some(Num::Int(i)) => i.checked_mul(NS).ok_or_else(too_large),
        Some(Num::Big(_)) => Err(too_large()),
        Some(Num::Float(f)) => {
            if f.is_nan() {
                return Err(ctx.value_error("Invalid value NaN (not a number)"));
            }
            let d = f * NS as f64;
            let d = if d >= 0.0 { d.ceil() } else { d.floor() };
            // -(i64::MIN as f64) is 2^63, the first value past i64::MAX.
            if !(i64::MIN as f64 <= d && d < -(i64::MIN as f64)) {
                return Err(ctx.overflow_error("timestamp out of range for platform time_t"));
            }
            Ok(d as i64)
        }
        None => Err(ctx.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            crate::ops::type_name(ctx.vm, v)
        ))),
    }
}

/// The deadline `ns` nanoseconds from now (`ns >= 0`); `None` when too far to represent.
fn after_ns(ns: i64) -> Option<Instant> {
    deadline_in(Duration::from_nanos(ns.max(0) as u64))
}

/// `Lock.acquire`/`RLock.acquire`'s `(blocking, timeout)`, read as `_thread` does: `blocking`
/// is a C int, `timeout` a number of seconds where -1 (the default) means "for ever";
/// `(blocking, deadline)` with `None` for no deadline.
fn acquire_args<B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'_, B>,
) -> PyResult<B, (bool, Option<Instant>)> {
    args.check(ctx, "acquire", 1, 3, &["blocking", "timeout"])?;
    let blocking = match arg(args, 1, "blocking") {
        None => true,
        Some(v) => c_int(ctx, v)? != 0,
    };
    const UNSET: i64 = -1_000_000_000;
    let ns = match arg(args, 2, "timeout") {
        None => UNSET,
        Some(v) => time_ns(ctx, v)?,
    };
    if !blocking && ns != UNSET {
        return Err(ctx.value_error("can't specify a timeout for a non-blocking call"));
    }
    if ns < 0 && ns != UNSET {
        return Err(ctx.value_error("timeout value must be positive"));
    }
    Ok((blocking, if ns == UNSET { None } else { after_ns(ns) }))
}

/// A C `int` argument (the `i` format of `PyArg_Parse`).
fn c_int<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, i32> {
    match as_num(v) {
        Some(Num::Int(i)) => i32::try_from(i).map_err(|_| {
            ctx.overflow_error(if i > 0 {
                "signed integer is greater than maximum"
            } else {
                "signed integer is less than minimum"
            })
        }),
        Some(Num::Big(_)) => Err(ctx.overflow_error("Python int too large to convert to C long")),
        _ => Err(ctx.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            crate::ops::type_name(ctx.vm, v)
        ))),
    }
}

/// The deadline of `Condition.wait(timeout)` and `Event.wait(timeout)` (Python code over a
/// lock): `None` waits for ever; a timeout `> 0` is passed to `Lock.acquire` (with its
/// errors); any other number, NaN included, only polls.
pub fn wait_deadline<B: Backend>(
    ctx: &Ctx<'_, B>,
    t: Option<&PyRef<B>>,
) -> PyResult<B, Option<Instant>> {
    let secs = timeout_secs(ctx, t, |ty| {
        format!("'>' not supported between instances of '{ty}' and 'int'")
    })?;
    match (secs, t) {
        (None, _) => Ok(None),
        (Some(s), Some(v)) if s > 0.0 => Ok(after_ns(time_ns(ctx, v)?)),
        _ => Ok(Some(Instant::now())),
    }
}

/// The deadline of the primitives that compute `endtime = _time() + timeout` and wait in a
/// loop (`Condition.wait_for`, `Semaphore.acquire`, `Barrier.wait`): `None` waits for ever; a
/// number `<= 0` polls once; NaN never expires (CPython loops until woken); a positive one is
/// first passed to `Lock.acquire` (with its errors).
fn loop_deadline<B: Backend>(
    ctx: &Ctx<'_, B>,
    t: Option<&PyRef<B>>,
) -> PyResult<B, Option<Instant>> {
    let secs = timeout_secs(ctx, t, |ty| {
        format!("unsupported operand type(s) for +: 'float' and '{ty}'")
    })?;
    match (secs, t) {
        (None, _) => Ok(None),
        (Some(s), _) if s.is_nan() => Ok(None),
        (Some(s), Some(v)) if s > 0.0 => {
            time_ns(ctx, v)?;
            Ok(after(s))
        }
        _ => Ok(Some(Instant::now())),
    }
}

/// The deadline of `queue.Queue.get`/`put` with `block=True`: `None` waits for ever, a negative
/// timeout raises `ValueError`, NaN never expires, `0` polls.
pub fn queue_deadline<B: Backend>(
    ctx: &Ctx<'_, B>,
    t: Option<&PyRef<B>>,
) -> PyResult<B, Option<Instant>> {
    let secs = timeout_secs(ctx, t, |ty| {
        format!("'<' not supported between instances of '{ty}' and 'int'")
    })?;
    match secs {
        None => Ok(None),
        Some(s) if s < 0.0 => Err(ctx.value_error("'timeout' must be a non-negative number")),
        Some(s) if s.is_nan() => Ok(None),
        Some(s) => {
            if s > 0.0 && s * 1e9 >= -(i64::MIN as f64) {
                return Err(ctx.overflow_error("timestamp out of range for platform time_t"));
            }
            Ok(after(s))
        }
    }
}

/// The deadline of `Thread.join(timeout)` for a thread still running: `None` waits for ever;
/// otherwise `Lock.acquire(True, max(timeout, 0))`'s reading.
pub fn join_deadline<B: Backend>(
    ctx: &Ctx<'_, B>,
    t: Option<&PyRef<B>>,
) -> PyResult<B, Option<Instant>> {
    let Some(s) = join_timeout(ctx, t)? else { return Ok(None) };
    match t {
        // `max(t, 0)` is 0 for a negative `t`, and `t` itself for NaN (which then raises).
        Some(_) if s < 0.0 => Ok(Some(Instant::now())),
        Some(v) => Ok(after_ns(time_ns(ctx, v)?)),
        None => Ok(None),
    }
}

/// `Thread.join`'s first step, `max(timeout, 0)`, which fails for a non-number even when the
/// thread has ended: the timeout in seconds, `None` for none.
pub fn join_timeout<B: Backend>(
    ctx: &Ctx<'_, B>,
    t: Option<&PyRef<B>>,
) -> PyResult<B, Option<f64>> {
    timeout_secs(ctx, t, |ty| format!("'>' not supported between instances of 'int' and '{ty}'"))
}

/// A deadline for the `multiprocessing` waits (`AsyncResult.get`, `Process.join`): `None`
/// waits for ever, a number `<= 0` (or NaN) polls.
pub fn deadline<B: Backend>(
    ctx: &Ctx<'_, B>,
    t: Option<&PyRef<B>>,
) -> PyResult<B, Option<Instant>> {
    let secs = timeout_secs(ctx, t, |ty| {
        format!("unsupported operand type(s) for +: 'float' and '{ty}'")
    })?;
    Ok(match secs {
        None => None,
        Some(s) if s > 0.0 => after(s),
        Some(_) => Some(Instant::now()),
    })
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
    let l: &LockData = receiver(ctx, &args, "lock")?;
    let (blocking, d) = acquire_args(ctx, &args)?;
    let ok = l.acquire(ctx, blocking, d);
    Ok(ctx.vm.bool(ok))
}

fn lock_release<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "release", 1, 1, &[])?;
    let l: &LockData = receiver(ctx, &args, "lock")?;
    if !l.release() {
        return Err(ctx.runtime_error("release unlocked lock"));
    }
    Ok(ctx.vm.none.clone())
}

fn lock_locked<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "locked", 1, 1, &[])?;
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
    let l: &RLockData = receiver(ctx, &args, "RLock")?;
    let (blocking, d) = acquire_args(ctx, &args)?;
    let ok = l.acquire(ctx, blocking, d);
    Ok(ctx.vm.bool(ok))
}

fn rlock_release<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "release", 1, 1, &[])?;
    let l: &RLockData = receiver(ctx, &args, "RLock")?;
    l.release_one().map_err(|m| ctx.runtime_error(m))?;
    Ok(ctx.vm.none.clone())
}

fn rlock_is_owned<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "_is_owned", 1, 1, &[])?;
    let l: &RLockData = receiver(ctx, &args, "RLock")?;
    let owned = l.is_owned();
    Ok(ctx.vm.bool(owned))
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

/// Whether the calling thread may wait on or notify `c` (CPython's `Condition._is_owned`):
/// it owns an `RLock`; a `Lock` is held (by anyone); another lock answers `_is_owned()`, or
/// else counts as held when a non-blocking `acquire` fails.
fn is_owned<B: Backend>(ctx: &mut Ctx<'_, B>, lock: &PyRef<B>) -> PyResult<B, bool> {
    if let Some(r) = data::<B, RLockData>(lock) {
        return Ok(r.is_owned());
    }
    if let Some(l) = data::<B, LockData>(lock) {
        return Ok(*l.locked.lock());
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
    reacquire(ctx, &c.lock, saved);
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
    Ok(ctx.vm.none.clone())
}

fn condition_notify_all<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "notify_all", 1, 1, &[])?;
    let c = cond(ctx, &args)?;
    check_notify(ctx, c)?;
    notify_n(c, usize::MAX);
    Ok(ctx.vm.none.clone())
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
    args.check(ctx, "set", 1, 1, &[])?;
    let e: &EventData = receiver(ctx, &args, "Event")?;
    *e.flag.lock() = true;
    e.cv.notify_all();
    Ok(ctx.vm.none.clone())
}

fn event_clear<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "clear", 1, 1, &[])?;
    let e: &EventData = receiver(ctx, &args, "Event")?;
    *e.flag.lock() = false;
    Ok(ctx.vm.none.clone())
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

// ---------------------------------------------------------------------------------------
// Barrier
//
// CPython's `threading.Barrier` is Python over a `Condition(Lock())`; this is the same state
// machine (filling, draining, resetting, broken) over a Rust mutex. The one place where
// CPython runs Python code with the condition's lock held, the `action`, runs here with the
// mutex released and `busy` set instead: every other `wait`, `reset` and `abort` waits until
// `busy` clears, as they would wait for CPython's lock, while `n_waiting`, `broken` and
// `parties` read without waiting, as CPython's properties do.

const FILLING: i8 = 0;
const DRAINING: i8 = 1;
const RESETTING: i8 = -1;
const BROKEN: i8 = -2;

struct BarrierState {
    /// `FILLING`, `DRAINING`, `RESETTING` or `BROKEN` (CPython's `_state`).
    state: i8,
    /// Threads inside `wait` (CPython's `_count`).
    count: usize,
    /// The last party is running the action (CPython's lock is held).
    busy: bool,
}

impl BarrierState {
    /// CPython's `Barrier._exit`, after a thread has left `wait`: the last one out of a
    /// draining or resetting barrier makes it fill again.
    fn exit(&mut self, cv: &Condvar) {
        if self.count == 0 && (self.state == RESETTING || self.state == DRAINING) {
            self.state = FILLING;
            cv.notify_all();
        }
    }
}

/// `threading.Barrier`.
pub struct BarrierData<B: Backend> {
    parties: usize,
    action: Option<PyRef<B>>,
    /// The constructor's `timeout`, used by `wait()` calls that give none.
    timeout: Option<PyRef<B>>,
    state: Mutex<BarrierState>,
    cv: Condvar,
}

impl<B: Backend> BarrierData<B> {
    /// Runs `f` on the state once no action is running (waiting with the VM released if one
    /// is), as CPython's methods run under the condition's lock.
    fn locked<R>(&self, ctx: &mut Ctx<'_, B>, f: impl FnOnce(&mut BarrierState) -> R) -> R {
        {
            let mut s = self.state.lock();
            if !s.busy {
                return f(&mut s);
            }
        }
        ctx.allow_threads(|| {
            let mut s = self.state.lock();
            while s.busy {
                self.cv.wait(&mut s);
            }
            f(&mut s)
        })
    }
}

fn barrier_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "Barrier", 1, 4, &["parties", "action", "timeout"])?;
    let Some(parties) = arg(&args, 1, "parties") else {
        return Err(
            ctx.type_error("Barrier.__init__() missing 1 required positional argument: 'parties'")
        );
    };
    let parties = crate::ops::expect_int(ctx, parties, "parties")?;
    if parties < 1 {
        return Err(ctx.value_error("parties must be > 0"));
    }
    let some = |v: Option<&PyRef<B>>| v.filter(|a| !matches!(a.payload, Payload::None)).cloned();
    let data = BarrierData {
        parties: parties as usize,
        action: some(arg(&args, 2, "action")),
        timeout: some(arg(&args, 3, "timeout")),
        state: Mutex::new(BarrierState { state: FILLING, count: 0, busy: false }),
        cv: Condvar::new(),
    };
    Ok(native_obj(class_arg(&args), data))
}

fn barrier_wait<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "wait", 1, 2, &["timeout"])?;
    let b: &BarrierData<B> = receiver(ctx, &args, "Barrier")?;
    let timeout = arg(&args, 1, "timeout")
        .filter(|t| !matches!(t.payload, Payload::None))
        .or(b.timeout.as_ref());
    let parties = b.parties;
    // CPython's `_enter`: wait while the barrier drains or resets, refuse a broken one, then
    // take an index; the last party takes the lock for the action.
    let enter = |s: &mut BarrierState| -> Option<Option<usize>> {
        if s.busy || s.state == DRAINING || s.state == RESETTING {
            return None;
        }
        if s.state == BROKEN {
            return Some(None);
        }
        let i = s.count;
        s.count += 1;
        if i + 1 == parties {
            s.busy = true;
        }
        Some(Some(i))
    };
    let first = enter(&mut b.state.lock());
    let entered = match first {
        Some(r) => r,
        None => ctx.allow_threads(|| {
            let mut s = b.state.lock();
            loop {
                if let Some(r) = enter(&mut s) {
                    return r;
                }
                b.cv.wait(&mut s);
            }
        }),
    };
    let Some(index) = entered else { return Err(broken(ctx)) };
    if index + 1 == parties {
        // CPython's `_release`: run the action; an exception breaks the barrier and is
        // raised to this thread only.
        let result = match &b.action {
            Some(a) => call::call(ctx, a, &[], &[]).map(drop),
            None => Ok(()),
        };
        let mut s = b.state.lock();
        s.state = if result.is_ok() { DRAINING } else { BROKEN };
        s.busy = false;
        s.count -= 1;
        s.exit(&b.cv);
        b.cv.notify_all();
        drop(s);
        result?;
        return Ok(ctx.vm.int(index as i64));
    }
    // CPython's `_wait`: wait until the barrier leaves the filling state, breaking it on
    // timeout; then leave (`_exit`), all under the lock.
    let deadline = match loop_deadline(ctx, timeout) {
        Ok(d) => d,
        Err(e) => {
            let mut s = b.state.lock();
            s.count -= 1;
            s.exit(&b.cv);
            return Err(e);
        }
    };
    let passed = ctx.allow_threads(|| {
        let mut s = b.state.lock();
        let released = loop {
            if !s.busy && s.state != FILLING {
                break true;
            }
            match deadline {
                Some(d) if !s.busy && Instant::now() >= d => {
                    s.state = BROKEN;
                    b.cv.notify_all();
                    break false;
                }
                Some(d) if !s.busy => {
                    b.cv.wait_until(&mut s, d);
                }
                _ => b.cv.wait(&mut s),
            }
        };
        let ok = released && s.state >= 0;
        s.count -= 1;
        s.exit(&b.cv);
        ok
    });
    if !passed {
        return Err(broken(ctx));
    }
    Ok(ctx.vm.int(index as i64))
}

fn broken<B: Backend>(ctx: &mut Ctx<'_, B>) -> crate::ctx::PyErr<B> {
    match super::threading::module_attr(ctx, "BrokenBarrierError") {
        Ok(cls) => crate::ctx::PyErr(ctx.new_exception(&cls, vec![])),
        Err(e) => e,
    }
}

fn barrier_parties<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let b: &BarrierData<B> = receiver(ctx, &args, "Barrier")?;
    Ok(ctx.vm.int(b.parties as i64))
}

fn barrier_n_waiting<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let b: &BarrierData<B> = receiver(ctx, &args, "Barrier")?;
    let n = {
        let s = b.state.lock();
        if s.state == FILLING { s.count } else { 0 }
    };
    Ok(ctx.vm.int(n as i64))
}

fn barrier_broken<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let b: &BarrierData<B> = receiver(ctx, &args, "Barrier")?;
    let v = b.state.lock().state == BROKEN;
    Ok(ctx.vm.bool(v))
}

fn barrier_abort<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "abort", 1, 1, &[])?;
    let b: &BarrierData<B> = receiver(ctx, &args, "Barrier")?;
    b.locked(ctx, |s| s.state = BROKEN);
    b.cv.notify_all();
    Ok(ctx.vm.none.clone())
}

fn barrier_reset<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "reset", 1, 1, &[])?;
    let b: &BarrierData<B> = receiver(ctx, &args, "Barrier")?;
    b.locked(ctx, |s| {
        if s.count > 0 {
            // Waiting threads wake up broken; the last one out makes the barrier fill again.
            if s.state == FILLING || s.state == BROKEN {
                s.state = RESETTING;
            }
        } else {
            s.state = FILLING;
        }
    });
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
    add(vm, &rlock, "_is_owned", rlock_is_owned);
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
