//! `multiprocessing` on every backend: `Pool`, `Process`, `AsyncResult`, `cpu_count`, the
//! shared `Value`/`Array` ([`shm`]) and the queues and pipes ([`channel`]), whose native
//! functions are in `shared.rs`.
//!
//! The classes are Python (`multiprocessing.py`, compiled when first imported), written over
//! the native `_multiprocessing` module defined here, which converts values for the wire
//! ([`wire`]) and calls the installed [`ProcessHost`](crate::procs::ProcessHost) with the VM
//! released. The worker end is [`worker`]. `Manager` is left out (docs/multiprocessing.md).

pub mod channel;
pub(crate) mod shared;
pub mod shm;
pub mod wire;
pub mod worker;

use super::sync;
use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::eval::imports::exec_source;
use crate::object::{Payload, PyRef};
use crate::ops::{self, dicts};
use crate::procs::{self, CallMode, JobResult, Outcome, ProcessHost, RemoteError, Role};
use crate::vm::Vm;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The Python half of the module.
const SOURCE: &str = include_str!("multiprocessing.py");
/// The file name its tracebacks show.
const FILENAME: &str = "<frozen multiprocessing>";

/// The sharing objects (`Value`, `Array`, queues, pipes), run in the same namespace.
const SHARING: &str = include_str!("sharing.py");
/// The file name their tracebacks show.
const SHARING_FILENAME: &str = "<frozen multiprocessing.sharing>";

/// Fills `multiprocessing` by running its Python sources.
pub(crate) fn fill_python<B: Backend>(ctx: &mut Ctx<'_, B>, m: &PyRef<B>) -> PyResult<B, ()> {
    exec_source(ctx, SOURCE, FILENAME, m)?;
    exec_source(ctx, SHARING, SHARING_FILENAME, m)
}

/// Fills the native `_multiprocessing` module.
pub(crate) fn fill<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>) {
    add(vm, ns, "cpu_count", cpu_count);
    add(vm, ns, "pool_new", pool_new);
    add(vm, ns, "submit", submit);
    add(vm, ns, "wait", wait);
    add(vm, ns, "pool_close", pool_close);
    add(vm, ns, "pool_terminate", pool_terminate);
    add(vm, ns, "pool_join", pool_join);
    add(vm, ns, "process_start", process_start);
    add(vm, ns, "process_wait", process_wait);
    add(vm, ns, "process_kill", process_kill);
    add(vm, ns, "process_pid", process_pid);
    add(vm, ns, "pid_alive", pid_alive);
    shared::fill(vm, ns);
}

/// The host, after CPython's checks on who may start processes.
fn host<B: Backend>(ctx: &Ctx<'_, B>) -> PyResult<B, &'static Arc<dyn ProcessHost>> {
    match procs::role() {
        Role::Bootstrapping => return Err(ctx.runtime_error(procs::BOOTSTRAP_ERROR)),
        Role::Serving => {
            let e = ctx.err(&ctx.vm.core.exc.assertion_error, procs::DAEMON_ERROR);
            return Err(e);
        }
        Role::Main => {}
    }
    procs::host().ok_or_else(|| {
        ctx.runtime_error("multiprocessing is not available: this interpreter has no process host")
    })
}

fn id_arg<B: Backend>(ctx: &Ctx<'_, B>, args: &Args<'_, B>, i: usize) -> PyResult<B, u64> {
    match args.args.get(i).map(|a| &a.payload) {
        Some(Payload::Int(n)) if *n >= 0 => Ok(*n as u64),
        _ => Err(ctx.type_error("expected a job, pool or process id")),
    }
}

fn timeout_arg<B: Backend>(
    ctx: &Ctx<'_, B>,
    t: Option<&PyRef<B>>,
) -> PyResult<B, Option<Duration>> {
    Ok(sync::deadline(ctx, t)?.map(|d| d.saturating_duration_since(Instant::now())))
}

fn cpu_count<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "cpu_count", 0, 0, &[])?;
    let n = std::thread::available_parallelism().map_or(1, |n| n.get());
    Ok(ctx.vm.int(n as i64))
}

fn pool_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "pool_new", 1, 1, &[])?;
    let n = ops::expect_int(ctx, &args.args[0], "processes")?;
    if n < 1 {
        return Err(ctx.value_error("Number of processes must be at least 1"));
    }
    let h = host(ctx)?;
    let id = ctx.allow_threads(|| h.pool_new(n as usize));
    id.map(|id| ctx.vm.int(id as i64)).map_err(|e| ctx.err(&ctx.vm.core.exc.os_error, e))
}

/// `submit(pool, func, args, kwargs, mode)`; mode 0 = call, 1 = map chunk, 2 = starmap chunk.
fn submit<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "submit", 5, 5, &[])?;
    let pool = id_arg(ctx, &args, 0)?;
    let mode = match args.args[4].payload {
        Payload::Int(1) => CallMode::Map,
        Payload::Int(2) => CallMode::Starmap,
        _ => CallMode::Single,
    };
    let h = host(ctx)?;
    let call = wire::make_call(ctx, Some(&args.args[1]), &args.args[2], Some(&args.args[3]), mode)?;
    let id = ctx.allow_threads(|| h.submit(pool, call));
    id.map(|id| ctx.vm.int(id as i64)).map_err(|e| ctx.value_error(e))
}

/// `wait(job, timeout)`: `None` if not done yet, else `(0, value)`, `(1, exc, traceback)` or
/// `(2, message)` for a lost worker.
fn wait<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "wait", 2, 2, &[])?;
    let job = id_arg(ctx, &args, 0)?;
    let timeout = timeout_arg(ctx, args.args.get(1))?;
    let Some(h) = procs::host() else { return Err(ctx.runtime_error("no process host")) };
    let Some(result) = ctx.allow_threads(|| h.wait(job, timeout)) else {
        return Ok(ctx.vm.core.none.clone());
    };
    outcome_tuple(ctx, result)
}

fn outcome_tuple<B: Backend>(ctx: &mut Ctx<'_, B>, result: JobResult) -> PyResult<B> {
    let vm = ctx.vm;
    match result.outcome {
        Outcome::Returned(v) => match wire::from_wire(ctx, &v) {
            Ok(v) => Ok(vm.tuple(vec![vm.int(0), v])),
            Err(e) => Ok(vm.tuple(vec![
                vm.int(2),
                vm.str(format!("{} sent a malformed value: {e}", result.worker)),
            ])),
        },
        Outcome::Raised(err) => {
            let exc = rebuild_exception(ctx, &err);
            Ok(vm.tuple(vec![vm.int(1), exc, vm.str(err.traceback)]))
        }
        Outcome::Lost(msg) => Ok(vm.tuple(vec![vm.int(2), vm.str(msg)])),
    }
}

/// The parent's copy of a worker's exception: the same class (looked up by name) with the
/// same args; `RuntimeError("Type: message")` when the class or its args do not come back.
pub fn rebuild_exception<B: Backend>(ctx: &mut Ctx<'_, B>, err: &RemoteError) -> PyRef<B> {
    let vm = ctx.vm;
    let cls = wire::resolve(ctx, &err.module, &err.qualname)
        .ok()
        .filter(|c| ops::is_subclass(c, &vm.core.exc.base_exception));
    if let Some(cls) = cls {
        let args = err.args.as_ref().and_then(|a| wire::from_wire(ctx, a).ok());
        let args = args.and_then(|a| ops::seq::to_vec(ctx, &a).ok());
        if let Some(args) = args
            && let Ok(exc) = crate::ops::call::call(ctx, &cls, &args, &[])
            && ops::isinstance(vm, &exc, &vm.core.exc.base_exception)
        {
            return exc;
        }
    }
    ctx.exc_info = None;
    let text = if err.message.is_empty() {
        err.qualname.clone()
    } else {
        format!("{}: {}", err.qualname, err.message)
    };
    ctx.new_exception(&vm.core.exc.runtime_error, vec![vm.str(text)])
}

fn pool_op<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &str,
    op: fn(&dyn ProcessHost, u64),
) -> PyResult<B> {
    args.check(ctx, name, 1, 1, &[])?;
    let id = id_arg(ctx, &args, 0)?;
    if let Some(h) = procs::host() {
        ctx.allow_threads(|| op(h.as_ref(), id));
    }
    Ok(ctx.vm.core.none.clone())
}

fn pool_close<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pool_op(ctx, args, "pool_close", |h, id| h.pool_close(id))
}

fn pool_terminate<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pool_op(ctx, args, "pool_terminate", |h, id| h.pool_terminate(id))
}

fn pool_join<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pool_op(ctx, args, "pool_join", |h, id| h.pool_join(id))
}

fn process_kill<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pool_op(ctx, args, "process_kill", |h, id| h.process_kill(id))
}

/// `process_start(target, args, kwargs, name, daemon)`.
fn process_start<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "process_start", 5, 5, &[])?;
    let h = host(ctx)?;
    let target = Some(&args.args[0]).filter(|t| !matches!(t.payload, Payload::None));
    let call = wire::make_call(ctx, target, &args.args[1], Some(&args.args[2]), CallMode::Single)?;
    let name = ops::as_str(&args.args[3]).unwrap_or("Process").to_string();
    let daemon = ops::is_true(ctx, &args.args[4])?;
    let id = ctx.allow_threads(|| h.process_start(call, &name, daemon));
    id.map(|id| ctx.vm.int(id as i64)).map_err(|e| ctx.err(&ctx.vm.core.exc.os_error, e))
}

/// `process_wait(id, timeout)`: the exit code, or `None` while it runs.
fn process_wait<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "process_wait", 2, 2, &[])?;
    let id = id_arg(ctx, &args, 0)?;
    let timeout = timeout_arg(ctx, args.args.get(1))?;
    let Some(h) = procs::host() else { return Ok(ctx.vm.core.none.clone()) };
    Ok(match ctx.allow_threads(|| h.process_wait(id, timeout)) {
        Some(code) => ctx.vm.int(code as i64),
        None => ctx.vm.core.none.clone(),
    })
}

/// `pid_alive(pid, zombie_is_dead=True)`: whether process `pid` exists, and (unless the
/// second argument is false, which saves reading `/proc`) is not a zombie. A manager's clients
/// check their manager with it, and the manager its clients.
fn pid_alive<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "pid_alive", 1, 2, &[])?;
    let pid = ops::expect_int(ctx, &args.args[0], "pid")?;
    let strict = match args.args.get(1) {
        Some(s) => ops::is_true(ctx, s)?,
        None => true,
    };
    let check = if strict { shm::alive } else { shm::exists };
    let alive = i32::try_from(pid).is_ok_and(|p| p > 0 && check(p));
    Ok(ctx.vm.bool(alive))
}

fn process_pid<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "process_pid", 1, 1, &[])?;
    let id = id_arg(ctx, &args, 0)?;
    Ok(match procs::host().and_then(|h| h.process_pid(id)) {
        Some(pid) => ctx.vm.int(pid as i64),
        None => ctx.vm.core.none.clone(),
    })
}

/// Makes the remote-thread job for `threading.Thread.start` on a backend that runs threads in
/// worker processes: `thread._target(*thread._args, **thread._kwargs)`.
pub fn thread_call<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    thread: &PyRef<B>,
) -> PyResult<B, crate::procs::Call> {
    let vm = ctx.vm;
    let target = dicts::get_text(thread, "_target").filter(|t| !matches!(t.payload, Payload::None));
    let targs = dicts::get_text(thread, "_args").unwrap_or_else(|| vm.core.empty_tuple.clone());
    let kwargs = dicts::get_text(thread, "_kwargs");
    // A `queue.Queue` among the arguments moves into shared memory (`queue_shared`).
    crate::builtins::modules::queue_shared::promoting(|| {
        wire::make_call(ctx, target.as_ref(), &targs, kwargs.as_ref(), CallMode::Single)
    })
}
