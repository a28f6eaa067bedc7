//! The synchronisation primitives of `threading`: `Lock`, `RLock`, `Condition`, `Semaphore`,
//! `BoundedSemaphore`, `Event` and `Barrier`.
//!
//! Each is a native object holding Rust state (a `parking_lot` mutex and condition variable).
//! A blocking wait never holds the VM: it runs inside `Ctx::allow_threads`, and the closure
//! touches only that Rust state, never an object (docs/safety.md, I1). The fast path (an
//! uncontended acquire) does not release the VM, as in CPython.

mod barrier;
mod condition;
mod timeout;

pub(crate) use self::timeout::time_ns;
use self::timeout::{acquire_args, wait_until};
pub use self::timeout::{deadline, join_deadline, join_timeout, queue_deadline, wait_deadline};
use super::multiprocessing::shared;
use super::multiprocessing::shm::Segment;
use super::threading::thread_ident;
use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Layout, NativeObj, Payload, PyRef};
use crate::ops::is_true;
use crate::types::new_class;
use crate::vm::Vm;
use parking_lot::{Condvar, Mutex};
use std::sync::{Arc, OnceLock};
use std::time::Instant;

/// The Rust value inside a native object of type `T`.
pub fn data<B: Backend, T: 'static>(o: &PyRef<B>) -> Option<&T> {
    match &o.payload {
        Payload::Native(n) => n.data.downcast_ref::<T>(),
        _ => None,
    }
}

pub(super) fn receiver<'a, B: Backend, T: 'static>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    what: &str,
) -> PyResult<B, &'a T> {
    args.args
        .first()
        .and_then(|o| data::<B, T>(o))
        .ok_or_else(|| ctx.type_error(format!("descriptor requires a '{what}' object")))
}

pub(super) fn arg<'a, B: Backend>(
    args: &Args<'a, B>,
    pos: usize,
    name: &str,
) -> Option<&'a PyRef<B>> {
    args.positional().get(pos).or_else(|| args.kwarg(name))
}

pub(super) fn flag<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    v: Option<&PyRef<B>>,
    default: bool,
) -> PyResult<B, bool> {
    match v {
        Some(v) => is_true(ctx, v),
        None => Ok(default),
    }
}

pub(super) fn native_obj<B: Backend>(
    class: &PyRef<B>,
    data: impl std::any::Any + Send + Sync,
) -> PyRef<B> {
    PyRef::new(Payload::Native(Box::new(NativeObj { class: class.clone(), data: Box::new(data) })))
}

pub(super) fn class_arg<'a, B: Backend>(args: &Args<'a, B>) -> &'a PyRef<B> {
    &args.args[0]
}

// ---------------------------------------------------------------------------------------
// Lock

/// `threading.Lock`: a non-reentrant lock.
///
/// On the `shard` backend a lock passed to a thread (which runs in another process) *moves*
/// into shared memory ([`LockData::share`]): from then on every acquire and release, here and
/// in the workers, goes to the segment's process-shared lock (`multiprocessing/shm.rs`, I10).
#[derive(Default)]
pub struct LockData {
    /// `FREE`, `HELD` or `MOVED` (then `shared` is set and the state lives there).
    locked: Mutex<u8>,
    cv: Condvar,
    shared: OnceLock<Arc<Segment>>,
}

const FREE: u8 = 0;
const HELD: u8 = 1;
const MOVED: u8 = 2;

impl LockData {
    fn try_acquire(&self) -> Option<bool> {
        let mut g = self.locked.lock();
        match *g {
            FREE => {
                *g = HELD;
                Some(true)
            }
            HELD => Some(false),
            _ => None,
        }
    }

    /// Acquires, releasing the VM while blocked.
    pub fn acquire<B: Backend>(
        &self,
        ctx: &mut Ctx<'_, B>,
        blocking: bool,
        deadline: Option<Instant>,
    ) -> PyResult<B, bool> {
        match self.try_acquire() {
            Some(true) => return Ok(true),
            Some(false) if !blocking => return Ok(false),
            Some(false) => {
                // Whether the wait ended because the lock moved (decided under the mutex: a
                // second look afterwards could see a move made after this thread took it).
                let mut moved = false;
                let got = ctx.allow_threads(|| {
                    wait_until(&self.locked, &self.cv, deadline, |l| match *l {
                        FREE => {
                            *l = HELD;
                            true
                        }
                        HELD => false,
                        _ => {
                            moved = true;
                            true
                        }
                    })
                });
                if !moved {
                    return Ok(got);
                }
            }
            None => {}
        }
        // Moved to shared memory (perhaps while this thread waited).
        let seg = self.shared.get().expect("a moved lock has its segment");
        let timeout = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        shared::acquire(ctx, seg, blocking, timeout, false)
    }

    /// Releases; `false` if it was not locked.
    pub fn release(&self) -> bool {
        let mut g = self.locked.lock();
        match *g {
            HELD => {
                *g = FREE;
                drop(g);
                self.cv.notify_one();
                true
            }
            FREE => false,
            _ => self.shared.get().is_some_and(|seg| seg.release_plain().is_ok()),
        }
    }

    /// Whether it is held.
    pub fn is_locked(&self) -> bool {
        match *self.locked.lock() {
            MOVED => self.shared.get().is_some_and(|seg| seg.is_locked()),
            l => l == HELD,
        }
    }

    /// Moves the lock into a shared segment (once) and returns the segment, which a thread in
    /// another process maps by name. A lock held now stays held there; threads waiting here
    /// wake and wait on the shared lock instead.
    pub fn share(&self) -> Result<Arc<Segment>, String> {
        let mut g = self.locked.lock();
        if let Some(seg) = self.shared.get() {
            return Ok(seg.clone());
        }
        let seg = Arc::new(Segment::create(0)?);
        if *g == HELD && !matches!(seg.acquire_plain(false, None), Ok(true)) {
            return Err("a fresh shared lock could not be taken".into());
        }
        let _ = self.shared.set(seg.clone());
        *g = MOVED;
        drop(g);
        self.cv.notify_all();
        Ok(seg)
    }
}

fn lock_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "Lock", 1, 1, &[])?;
    Ok(native_obj(class_arg(&args), LockData::default()))
}

fn lock_acquire<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let l: &LockData = receiver(ctx, &args, "lock")?;
    let (blocking, d) = acquire_args(ctx, &args)?;
    let ok = l.acquire(ctx, blocking, d)?;
    Ok(ctx.vm.bool(ok))
}

fn lock_release<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "release", 1, 1, &[])?;
    let l: &LockData = receiver(ctx, &args, "lock")?;
    if !l.release() {
        return Err(ctx.runtime_error("release unlocked lock"));
    }
    Ok(ctx.vm.core.none.clone())
}

fn lock_locked<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "locked", 1, 1, &[])?;
    let l: &LockData = receiver(ctx, &args, "lock")?;
    Ok(ctx.vm.bool(l.is_locked()))
}

fn lock_enter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if let Some(l) = args.args.first().and_then(|o| data::<B, LockData>(o)) {
        l.acquire(ctx, true, None)?;
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
    Ok(ctx.vm.core.none.clone())
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
    Ok(ctx.vm.core.none.clone())
}

fn rlock_is_owned<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "_is_owned", 1, 1, &[])?;
    let l: &RLockData = receiver(ctx, &args, "RLock")?;
    let owned = l.is_owned();
    Ok(ctx.vm.bool(owned))
}

/// Adds the primitives' classes to the `threading` module namespace `ns`.
pub(super) fn install<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>, module: &str) {
    let object = &vm.core.object_type;
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

    condition::install(vm, ns, module);
    barrier::install(vm, ns, module);
}
