//! `Barrier` and `BrokenBarrierError`.

use super::timeout::loop_deadline;
use super::{arg, class_arg, native_obj, receiver};
use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Layout, Payload, PyRef};
use crate::ops::call;
use crate::types::new_class;
use crate::vm::Vm;
use parking_lot::{Condvar, Mutex};
use std::time::Instant;

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
    match super::super::threading::module_attr(ctx, "BrokenBarrierError") {
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
    Ok(ctx.vm.core.none.clone())
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
    Ok(ctx.vm.core.none.clone())
}

/// Adds the classes of this file to the `threading` module namespace `ns`.
pub(super) fn install<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>, module: &str) {
    let object = &vm.core.object_type;
    let class = |name: &str| new_class::<B>(name, module, object.clone(), Layout::Builtin);
    let put = |key: &str, v: &PyRef<B>| crate::ops::dicts::set_name(ns, vm.intern(key), v.clone());

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
        vm.core.exc.runtime_error.clone(),
        Layout::Exception,
    );
    put("BrokenBarrierError", &broken);
}
