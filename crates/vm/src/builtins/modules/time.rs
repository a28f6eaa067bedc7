//! The `time` module. `sleep` releases the VM (`allow_threads`).

use crate::PyRef;
use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::vm::Vm;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

pub(super) fn fill<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>) {
    add(vm, ns, "time", time);
    add(vm, ns, "time_ns", time_ns);
    add(vm, ns, "perf_counter", monotonic);
    add(vm, ns, "perf_counter_ns", monotonic_ns);
    add(vm, ns, "monotonic", monotonic);
    add(vm, ns, "monotonic_ns", monotonic_ns);
    add(vm, ns, "process_time", monotonic);
    add(vm, ns, "sleep", sleep);
}

/// The process's first reading of the clock, which `monotonic` and `perf_counter` count from.
/// Behind `parking_lot`'s lock rather than `std::sync::OnceLock`: the standard library is not
/// instrumented under ThreadSanitizer, so the `Once` handing the value to a second thread is
/// invisible to it and `.ci/tsan` reported the read as a race (docs/safety.md, ThreadSanitizer).
fn epoch() -> Instant {
    static START: parking_lot::Mutex<Option<Instant>> = parking_lot::Mutex::new(None);
    *START.lock().get_or_insert_with(Instant::now)
}

fn time<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "time", 0, 0, &[])?;
    let t = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    Ok(ctx.vm.float(t.as_secs_f64()))
}

fn time_ns<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "time_ns", 0, 0, &[])?;
    let t = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    Ok(ctx.vm.int(t.as_nanos() as i64))
}

fn monotonic<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "monotonic", 0, 0, &[])?;
    Ok(ctx.vm.float(epoch().elapsed().as_secs_f64() + 1.0))
}

fn monotonic_ns<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "monotonic_ns", 0, 0, &[])?;
    Ok(ctx.vm.int(epoch().elapsed().as_nanos() as i64 + 1_000_000_000))
}

fn sleep<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "sleep", 1, 1, &[])?;
    // As CPython: seconds to whole nanoseconds first (NaN, overflow and type errors), so no
    // value reaches `Duration` that it cannot hold.
    let ns = super::sync::time_ns(ctx, &args.args[0])?;
    if ns < 0 {
        return Err(ctx.value_error("sleep length must be non-negative"));
    }
    let d = Duration::from_nanos(ns as u64);
    // `sleep(0)` gives the processor away (`sched_yield`), as a polling loop expects: CPython's
    // zero-length `clock_nanosleep` is a system call that lets another runnable process in,
    // where `std::thread::sleep(0)` returns without one.
    ctx.allow_threads(
        || if d.is_zero() { std::thread::yield_now() } else { std::thread::sleep(d) },
    );
    Ok(ctx.vm.core.none.clone())
}
