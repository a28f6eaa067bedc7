//! How each primitive reads its `timeout`, and the one blocking wait they share.

use super::arg;
use crate::backend::Backend;
use crate::builtins::Args;
use crate::ctx::{Ctx, PyResult};
use crate::object::{Payload, PyRef};
use crate::ops::compare::{Num, as_num};
use parking_lot::{Condvar, Mutex};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------------------
// Timeouts
//
// CPython 3.11 reads a `timeout` differently in each primitive, because some are C (`Lock`,
// `RLock`) and the rest are Python over them. The helpers below reproduce each reading, with
// its error messages, so that no value is silently taken to mean "wait for ever" (a negative
// timeout used to block until the program was killed).

/// The deadline `d` from now; `None` (no deadline) when the clock cannot represent it.
pub(super) fn deadline_in(d: Duration) -> Option<Instant> {
    Instant::now().checked_add(d)
}

/// The deadline `secs` (`>= 0`) from now; `None` when it is too far to represent.
pub(super) fn after(secs: f64) -> Option<Instant> {
    Duration::try_from_secs_f64(secs.max(0.0)).ok().and_then(deadline_in)
}

/// A timeout's value in seconds, or `None` when it is `None`/absent; a non-number raises
/// `TypeError(type_msg(its type name))` (the message of the operation CPython would fail in).
pub(super) fn timeout_secs<B: Backend>(
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
pub(super) fn after_ns(ns: i64) -> Option<Instant> {
    deadline_in(Duration::from_nanos(ns.max(0) as u64))
}

/// `Lock.acquire`/`RLock.acquire`'s `(blocking, timeout)`, read as `_thread` does: `blocking`
/// is a C int, `timeout` a number of seconds where -1 (the default) means "for ever";
/// `(blocking, deadline)` with `None` for no deadline.
pub(super) fn acquire_args<B: Backend>(
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
pub(super) fn c_int<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, i32> {
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
pub(super) fn loop_deadline<B: Backend>(
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
pub(super) fn wait_until<S>(
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
