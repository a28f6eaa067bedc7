//! The `time` module. `sleep` releases the VM (`allow_threads`).

use crate::PyRef;
use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::ops::compare::{Num, as_num};
use crate::vm::Vm;
use std::sync::OnceLock;
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

fn epoch() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
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
    let secs = match as_num(&args.args[0]) {
        Some(Num::Int(i)) => i as f64,
        Some(Num::Float(f)) => f,
        _ => {
            return Err(ctx.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                crate::ops::type_name(ctx.vm, &args.args[0])
            )));
        }
    };
    if secs < 0.0 || secs.is_nan() {
        return Err(ctx.value_error("sleep length must be non-negative"));
    }
    let d = Duration::from_secs_f64(secs);
    ctx.allow_threads(|| std::thread::sleep(d));
    Ok(ctx.vm.none.clone())
}
