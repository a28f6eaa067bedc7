//! The `threading` module: `Thread` (a Python-level class whose methods are native, so programs
//! can subclass it and override `run`), thread identity and enumeration, `excepthook`, and the
//! interpreter-exit join of non-daemon threads. The locks and friends are in `sync.rs`.
//!
//! Each Python thread is an OS thread started through [`Backend::spawn`]; it attaches to the VM
//! (the GIL backend takes the lock), registers itself in `threading._active`, runs `self.run()`,
//! reports an uncaught exception as CPython does (`Exception in thread NAME:` and a traceback),
//! unregisters, and detaches.

use super::sync::{self, data};
use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::object::dict::Dict;
use crate::object::{Instance, Layout, NativeObj, Payload, PyRef};
use crate::ops::{attr, call, dicts};
use crate::types::new_class;
use crate::vm::{OsThread, Vm};
use parking_lot::{Condvar, Mutex};
use std::cell::Cell;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

static NEXT_IDENT: AtomicU64 = AtomicU64::new(1);

thread_local! {
    static IDENT: Cell<u64> = const { Cell::new(0) };
}

/// `threading.get_ident()` of the calling OS thread (assigned on first use, never reused).
pub fn thread_ident() -> u64 {
    IDENT.with(|c| {
        if c.get() == 0 {
            // Relaxed: only uniqueness matters.
            c.set(139_000_000_000_000 + NEXT_IDENT.fetch_add(1, Ordering::Relaxed) * 4096);
        }
        c.get()
    })
}

/// An attribute of the `threading` module (importing it if needed).
pub fn module_attr<B: Backend>(ctx: &mut Ctx<'_, B>, name: &str) -> PyResult<B> {
    let m = crate::eval::imports::import_module(ctx, "threading")?;
    attr::getattr_str(ctx, &m, name)
}

/// Where a Python thread is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Phase {
    #[default]
    New,
    Running,
    Finished,
}

/// Start/finish signalling for one Python thread. It is shared with the thread's OS thread,
/// which signals `Finished` only after it has released every object it held and detached, so
/// that `join()` returns, as CPython's does, once nothing of the thread is left (the thread
/// object's references to its arguments included).
#[derive(Default)]
struct Signal {
    phase: Mutex<Phase>,
    cv: Condvar,
    done: Arc<AtomicBool>,
}

impl Signal {
    fn set_phase(&self, p: Phase) {
        *self.phase.lock() = p;
        if p == Phase::Finished {
            // Release: pairs with the Acquire load at interpreter exit, so everything this
            // thread did happens-before the VM is torn down.
            self.done.store(true, Ordering::Release);
        }
        self.cv.notify_all();
    }

    fn wait_for(&self, want: impl Fn(Phase) -> bool, deadline: Option<std::time::Instant>) -> bool {
        let mut p = self.phase.lock();
        loop {
            if want(*p) {
                return true;
            }
            match deadline {
                None => self.cv.wait(&mut p),
                Some(d) => {
                    if self.cv.wait_until(&mut p, d).timed_out() {
                        return want(*p);
                    }
                }
            }
        }
    }
}

/// A Python thread's native state (in the thread object's `_state`).
#[derive(Default)]
pub struct ThreadState {
    started: AtomicBool,
    signal: Arc<Signal>,
}

fn state<B: Backend>(ctx: &mut Ctx<'_, B>, thread: &PyRef<B>) -> PyResult<B, PyRef<B>> {
    state_or(ctx, thread, |ctx| ctx.runtime_error("Thread.__init__() not called"))
}

/// The thread's state, or `missing`'s error when `Thread.__init__` was not called (CPython's
/// message and class differ from method to method).
fn state_or<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    thread: &PyRef<B>,
    missing: impl FnOnce(&Ctx<'_, B>) -> crate::ctx::PyErr<B>,
) -> PyResult<B, PyRef<B>> {
    match dicts::get_text(thread, "_state") {
        Some(s) if data::<B, ThreadState>(&s).is_some() => Ok(s),
        _ => Err(missing(ctx)),
    }
}

fn set<B: Backend>(vm: &Vm<B>, obj: &PyRef<B>, name: &str, v: PyRef<B>) {
    dicts::set_name(obj, vm.intern(name), v);
}

fn thread_init<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(
        ctx,
        "Thread.__init__",
        1,
        6,
        &["group", "target", "name", "args", "kwargs", "daemon"],
    )?;
    let vm = ctx.vm;
    let this = &args.args[0];
    let pos = args.positional();
    let get = |i: usize, n: &str| {
        pos.get(i)
            .or_else(|| args.kwarg(n))
            .filter(|v| !matches!(v.payload, Payload::None))
            .cloned()
    };
    // `pos[0]` is `self`.
    if get(1, "group").is_some() {
        return Err(ctx.err(&vm.core.exc.assertion_error, "group argument must be None for now"));
    }
    let target = get(2, "target");
    let targs = get(4, "args").unwrap_or_else(|| vm.core.empty_tuple.clone());
    let kwargs = get(5, "kwargs").unwrap_or_else(|| vm.dict(Dict::new()));
    let name = match get(3, "name") {
        Some(n) => crate::ops::repr::str(ctx, &n).map(|s| vm.str(s))?,
        None => {
            let ns = module_dict(ctx)?;
            let n = match dicts::get_text(&ns, "_counter") {
                Some(c) => match c.payload {
                    Payload::Int(i) => i + 1,
                    _ => 1,
                },
                None => 1,
            };
            dicts::set_name(&ns, vm.intern("_counter"), vm.int(n));
            let suffix = match &target {
                Some(t) => match attr::getattr_str(ctx, t, "__name__") {
                    Ok(tn) => format!(" ({})", crate::ops::as_str(&tn).unwrap_or("?")),
                    Err(_) => String::new(),
                },
                None => String::new(),
            };
            vm.str(format!("Thread-{n}{suffix}"))
        }
    };
    // As in CPython: stored as given; by default, the creating thread's.
    let daemon = match args.kwarg("daemon").filter(|v| !matches!(v.payload, Payload::None)) {
        Some(d) => d.clone(),
        None => {
            let me = current_thread(ctx, Args { args: &[], kwnames: &[] })?;
            dicts::get_text(&me, "_daemonic").unwrap_or_else(|| vm.bool(false))
        }
    };
    let state_class = module_attr(ctx, "_ThreadState")?;
    let st = PyRef::new(Payload::Native(Box::new(NativeObj {
        class: state_class,
        data: Box::new(ThreadState::default()),
    })));
    set(vm, this, "_target", target.unwrap_or_else(|| vm.core.none.clone()));
    set(vm, this, "_args", targs);
    set(vm, this, "_kwargs", kwargs);
    set(vm, this, "name", name);
    set(vm, this, "_daemonic", daemon);
    set(vm, this, "ident", vm.core.none.clone());
    set(vm, this, "native_id", vm.core.none.clone());
    set(vm, this, "_state", st);
    Ok(vm.core.none.clone())
}

fn module_dict<B: Backend>(ctx: &mut Ctx<'_, B>) -> PyResult<B> {
    let m = crate::eval::imports::import_module(ctx, "threading")?;
    match &m.payload {
        Payload::Module(mo) => Ok(mo.dict.clone()),
        _ => Err(ctx.runtime_error("threading is not a module")),
    }
}

fn active<B: Backend>(ctx: &mut Ctx<'_, B>) -> PyResult<B> {
    let ns = module_dict(ctx)?;
    dicts::get_text(&ns, "_active").ok_or_else(|| ctx.runtime_error("threading._active missing"))
}

fn thread_start<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "start", 1, 1, &[])?;
    let vm = ctx.vm;
    let this = args.args[0].clone();
    let st_obj = state_or(ctx, &this, |ctx| ctx.runtime_error("thread.__init__() not called"))?;
    let Some(st) = data::<B, ThreadState>(&st_obj) else {
        return Err(ctx.runtime_error("thread state"));
    };
    if st.started.swap(true, Ordering::Relaxed) {
        return Err(ctx.runtime_error("threads can only be started once"));
    }
    let Some(vm_arc) = vm.shared() else {
        return Err(ctx.runtime_error("this interpreter cannot start threads"));
    };
    let daemon = match dicts::get_text(&this, "_daemonic") {
        Some(d) => crate::ops::is_true(ctx, &d)?,
        None => false,
    };
    let name = dicts::get_text(&this, "name")
        .and_then(|n| crate::ops::as_str(&n).map(str::to_string))
        .unwrap_or_default();
    let remote = match start_remote(ctx, &this) {
        Ok(r) => r,
        Err(e) => {
            st.started.store(false, Ordering::Relaxed);
            return Err(e);
        }
    };
    let done = st.signal.done.clone();
    // The thread object moves into the new thread untouched; it is used there only once that
    // thread has attached (docs/safety.md, I1).
    let moved = this.clone();
    let handle = crate::spawn_os_thread(name, Box::new(move || bootstrap(vm_arc, moved, remote)));
    let handle = match handle {
        Ok(h) => h,
        Err(e) => return Err(ctx.runtime_error(format!("can't start new thread: {e}"))),
    };
    vm.os_threads.lock().unwrap_or_else(|e| e.into_inner()).push(OsThread { handle, daemon, done });
    // Like CPython, `start` returns once the thread is running (its ident is then set).
    ctx.allow_threads(|| st.signal.wait_for(|p| p != Phase::New, None));
    Ok(vm.core.none.clone())
}

/// Under the process executor ([`crate::procs::Executor::Processes`]), sends the thread's
/// target to a worker and returns the job to wait for; `None` runs the thread here. A worker
/// still running the module body (no `__main__` guard) refuses, with CPython's error.
fn start_remote<B: Backend>(ctx: &mut Ctx<'_, B>, this: &PyRef<B>) -> PyResult<B, Option<u64>> {
    use crate::procs::{self, Role};
    if procs::role() == Role::Bootstrapping && procs::thread_guard() {
        return Err(ctx.runtime_error(procs::BOOTSTRAP_ERROR));
    }
    if ctx.vm.options.executor != procs::Executor::Processes || procs::role() != Role::Main {
        return Ok(None);
    }
    // A thread the runtime itself starts to share memory with its caller (asyncio's default
    // executor sets this on the instance) stays in this process on every backend.
    if dicts::get_text(this, "_gillab_local").is_some() {
        return Ok(None);
    }
    let Some(host) = procs::host() else { return Ok(None) };
    let vm = ctx.vm;
    let thread_class = module_attr(ctx, "Thread")?;
    let base_run = attr::getattr_str(ctx, &thread_class, "run")?;
    let own_run = attr::getattr_str(ctx, &crate::ops::type_of(vm, this), "run")?;
    if !own_run.is(&base_run) {
        return Err(ctx.type_error(format!(
            "cannot pickle '{}' object: the {} backend runs thread targets in worker processes, \
             and a Thread subclass that overrides run() cannot be sent to one",
            crate::ops::type_name(vm, this),
            vm.name()
        )));
    }
    let call = super::multiprocessing::thread_call(ctx, this)?;
    match ctx.allow_threads(|| host.thread_start(call)) {
        Ok(job) => Ok(Some(job)),
        Err(err) => {
            let exc = super::multiprocessing::rebuild_exception(ctx, &err);
            Err(crate::ctx::PyErr(exc))
        }
    }
}

/// Waits for a remote thread's job and reports how it ended as a local thread's would: an
/// exception goes to a replaced `threading.excepthook` (rebuilt in this process), or else is
/// printed with the worker's traceback (`SystemExit` silently ends the thread); a lost worker
/// is reported as a `RuntimeError`.
fn remote_finish<B: Backend>(ctx: &mut Ctx<'_, B>, thread: &PyRef<B>, job: u64) {
    use crate::procs::Outcome;
    let Some(host) = crate::procs::host() else { return };
    let Some(result) = ctx.allow_threads(|| host.wait(job, None)) else { return };
    let text = match result.outcome {
        Outcome::Returned(_) => return,
        Outcome::Raised(err) => {
            if custom_hook(ctx).is_some() {
                let exc = super::multiprocessing::rebuild_exception(ctx, &err);
                report(ctx, thread, exc);
                return;
            }
            if err.module == "builtins" && err.qualname == "SystemExit" {
                return;
            }
            // The worker imported the program as `__mp_main__`, so it names the program's
            // exception classes `__mp_main__.Name`; a thread of this program names them as
            // `__main__`'s, bare. Exception lines are the only unindented ones.
            err.traceback
                .split_inclusive('\n')
                .map(|l| l.strip_prefix("__mp_main__.").unwrap_or(l))
                .collect()
        }
        Outcome::Lost(msg) => {
            if custom_hook(ctx).is_some() {
                let exc = ctx.new_exception(&ctx.vm.core.exc.runtime_error, vec![ctx.vm.str(msg)]);
                report(ctx, thread, exc);
                return;
            }
            format!("RuntimeError: {msg}\n")
        }
    };
    let name = dicts::get_text(thread, "name")
        .and_then(|n| crate::ops::as_str(&n).map(str::to_string))
        .unwrap_or_default();
    super::write_stream(
        super::Stream::Stderr,
        &format!("Exception in thread {name}:\n{text}"),
        true,
    );
}

/// The body of every Python thread's OS thread (for a remote thread, the local stand-in that
/// waits for its job).
fn bootstrap<B: Backend>(vm: Arc<Vm<B>>, thread: PyRef<B>, remote: Option<u64>) {
    let mut ctx = Ctx::attach(&vm);
    let ident = thread_ident();
    set(&vm, &thread, "ident", vm.int(ident as i64));
    set(&vm, &thread, "native_id", vm.int(ident as i64));
    let signal = dicts::get_text(&thread, "_state")
        .and_then(|s| data::<B, ThreadState>(&s).map(|st| st.signal.clone()));
    if let Ok(act) = active(&mut ctx) {
        let _ = dicts::set(&mut ctx, &act, vm.int(ident as i64), Some(thread.clone()));
    }
    if let Some(sig) = &signal {
        sig.set_phase(Phase::Running);
    }
    match remote {
        None => {
            let result = attr::getattr_str(&mut ctx, &thread, "run")
                .and_then(|run| call::call(&mut ctx, &run, &[], &[]));
            // Every object this thread holds must be released here, while it is still
            // attached (I1): the value `run()` returned included (ThreadSanitizer caught it
            // being dropped after detaching, at the end of this function).
            match result {
                Ok(value) => drop(value),
                Err(e) => report(&mut ctx, &thread, e.0),
            }
        }
        Some(job) => remote_finish(&mut ctx, &thread, job),
    }
    crate::eval::generator::finalize_orphans(&mut ctx, None);
    if let Ok(act) = active(&mut ctx) {
        let key = vm.int(ident as i64);
        let removed = dicts::remove(&mut ctx, &act, &key);
        drop(removed);
    }
    ctx.exc_info = None;
    drop(thread);
    // Detaching lets the backend finish what it deferred (the `atomic` epochs push this
    // thread's pending frees where other threads can run them); only then is the thread
    // finished for `join()`.
    drop(ctx);
    if let Some(sig) = signal {
        sig.set_phase(Phase::Finished);
    }
}

/// The program's replacement for `threading.excepthook`, if it made one.
fn custom_hook<B: Backend>(ctx: &mut Ctx<'_, B>) -> Option<PyRef<B>> {
    let hook = module_attr(ctx, "excepthook").ok()?;
    let default = module_attr(ctx, "__excepthook__").ok()?;
    (!hook.is(&default)).then_some(hook)
}

/// Reports an uncaught exception: `threading.excepthook(args)` if the program replaced it
/// (called for `SystemExit` too, as CPython does), else the default hook: CPython's
/// `Exception in thread NAME:` and the traceback on stderr, nothing for `SystemExit`.
fn report<B: Backend>(ctx: &mut Ctx<'_, B>, thread: &PyRef<B>, exc: PyRef<B>) {
    let vm = ctx.vm;
    if let Some(h) = custom_hook(ctx) {
        let cls = new_class::<B>(
            "_ExceptHookArgs",
            "threading",
            vm.core.object_type.clone(),
            Layout::Object,
        );
        let a = PyRef::new(Payload::Instance(Box::new(Instance {
            class: cls,
            dict: B::cell_new(Dict::new()),
            exc: None,
            value: None,
        })));
        set(vm, &a, "exc_type", crate::ops::type_of(vm, &exc));
        let tb =
            attr::getattr_str(ctx, &exc, "__traceback__").unwrap_or_else(|_| vm.core.none.clone());
        set(vm, &a, "exc_traceback", tb);
        set(vm, &a, "exc_value", exc);
        set(vm, &a, "thread", thread.clone());
        if let Err(e) = call::call(ctx, &h, &[a], &[]) {
            let text = crate::run::format_exception(ctx, &e.0);
            super::write_stream(super::Stream::Stderr, &text, true);
        }
        return;
    }
    // The default hook ignores exactly `SystemExit` (not its subclasses).
    if crate::ops::type_of(vm, &exc).is(&vm.core.exc.system_exit) {
        return;
    }
    super::write_stream(super::Stream::Stdout, "", true);
    report_default(ctx, thread, &exc);
}

fn thread_run<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "run", 1, 1, &[])?;
    let this = &args.args[0];
    let vm = ctx.vm;
    let Some(target) =
        dicts::get_text(this, "_target").filter(|t| !matches!(t.payload, Payload::None))
    else {
        return Ok(vm.core.none.clone());
    };
    let targs = dicts::get_text(this, "_args").unwrap_or_else(|| vm.core.empty_tuple.clone());
    let mut all = crate::ops::seq::to_vec(ctx, &targs)?;
    let mut names = Vec::new();
    if let Some(kw) = dicts::get_text(this, "_kwargs")
        && let Payload::Dict(cell) = &kw.payload
    {
        for e in kw.read(cell, |d| d.iter().cloned().collect::<Vec<_>>()) {
            names.push(e.key);
            all.push(e.value.unwrap_or_else(|| vm.core.none.clone()));
        }
    }
    call::call(ctx, &target, &all, &names)
}

fn thread_join<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "join", 1, 2, &["timeout"])?;
    let this = &args.args[0];
    let st_obj = state(ctx, this)?;
    let Some(st) = data::<B, ThreadState>(&st_obj) else {
        return Err(ctx.runtime_error("thread state"));
    };
    if !st.started.load(Ordering::Relaxed) {
        return Err(ctx.runtime_error("cannot join thread before it is started"));
    }
    if let Some(id) = dicts::get_text(this, "ident")
        && let Payload::Int(i) = id.payload
        && i as u64 == thread_ident()
    {
        return Err(ctx.runtime_error("cannot join current thread"));
    }
    let timeout = args.positional().get(1).or_else(|| args.kwarg("timeout"));
    // CPython: `max(timeout, 0)` first (a non-number fails even for an ended thread), then
    // `lock.acquire(True, timeout)` only while the thread runs.
    sync::join_timeout(ctx, timeout)?;
    if *st.signal.phase.lock() == Phase::Finished {
        return Ok(ctx.vm.core.none.clone());
    }
    let d = sync::join_deadline(ctx, timeout)?;
    let sig = &st.signal;
    ctx.allow_threads(|| sig.wait_for(|p| p == Phase::Finished, d));
    Ok(ctx.vm.core.none.clone())
}

/// `Thread.daemon`.
fn thread_daemon_get<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "daemon", 1, 1, &[])?;
    dicts::get_text(&args.args[0], "_daemonic")
        .ok_or_else(|| ctx.err(&ctx.vm.core.exc.assertion_error, "Thread.__init__() not called"))
}

/// `Thread.daemon = value`: only before `start()`.
fn thread_daemon_set<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "daemon", 2, 2, &[])?;
    let this = &args.args[0];
    let st_obj = state(ctx, this)?;
    if data::<B, ThreadState>(&st_obj).is_some_and(|st| st.started.load(Ordering::Relaxed)) {
        return Err(ctx.runtime_error("cannot set daemon status of active thread"));
    }
    set(ctx.vm, this, "_daemonic", args.args[1].clone());
    Ok(ctx.vm.core.none.clone())
}

fn thread_is_alive<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "is_alive", 1, 1, &[])?;
    let st_obj = state_or(ctx, &args.args[0], |ctx| {
        ctx.err(&ctx.vm.core.exc.assertion_error, "Thread.__init__() not called")
    })?;
    let Some(st) = data::<B, ThreadState>(&st_obj) else {
        return Err(ctx.runtime_error("thread state"));
    };
    let alive = st.started.load(Ordering::Relaxed) && *st.signal.phase.lock() != Phase::Finished;
    Ok(ctx.vm.bool(alive))
}

fn get_ident<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "get_ident", 0, 0, &[])?;
    Ok(ctx.vm.int(thread_ident() as i64))
}

fn current_thread<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "current_thread", 0, 0, &[])?;
    let act = active(ctx)?;
    let key = ctx.vm.int(thread_ident() as i64);
    match dicts::get(ctx, &act, &key)? {
        Some(t) => Ok(t),
        None => module_attr(ctx, "_main_thread"),
    }
}

fn main_thread<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "main_thread", 0, 0, &[])?;
    module_attr(ctx, "_main_thread")
}

/// `threading.active_count()` as a number.
pub(crate) fn thread_count<B: Backend>(ctx: &mut Ctx<'_, B>) -> PyResult<B, i64> {
    let act = active(ctx)?;
    crate::builtins::functions::length(ctx, &act)
}

fn active_count<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "active_count", 0, 0, &[])?;
    let act = active(ctx)?;
    let n = crate::builtins::functions::length(ctx, &act)?;
    Ok(ctx.vm.int(n))
}

fn enumerate<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "enumerate", 0, 0, &[])?;
    let act = active(ctx)?;
    let Payload::Dict(cell) = &act.payload else { return Ok(ctx.vm.list(vec![])) };
    let items = act.read(cell, |d| d.iter().filter_map(|e| e.value.clone()).collect());
    Ok(ctx.vm.list(items))
}

fn excepthook<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "excepthook", 1, 1, &[])?;
    let a = &args.args[0];
    let exc_type = attr::getattr_str(ctx, a, "exc_type")?;
    if exc_type.is(&ctx.vm.core.exc.system_exit) {
        return Ok(ctx.vm.core.none.clone());
    }
    let exc = attr::getattr_str(ctx, a, "exc_value")?;
    let thread = attr::getattr_str(ctx, a, "thread")?;
    report_default(ctx, &thread, &exc);
    Ok(ctx.vm.core.none.clone())
}

fn report_default<B: Backend>(ctx: &mut Ctx<'_, B>, thread: &PyRef<B>, exc: &PyRef<B>) {
    let name = dicts::get_text(thread, "name")
        .and_then(|n| crate::ops::as_str(&n).map(str::to_string))
        .unwrap_or_default();
    let text = crate::run::format_exception(ctx, exc);
    super::write_stream(
        super::Stream::Stderr,
        &format!("Exception in thread {name}:\n{text}"),
        true,
    );
}

/// Waits for every non-daemon thread at interpreter exit. Returns `false` if daemon threads
/// are still running (the VM must then not be torn down: they may still touch it).
pub fn shutdown<B: Backend>(ctx: &mut Ctx<'_, B>) -> bool {
    let vm = ctx.vm;
    loop {
        let pending: Vec<OsThread> = {
            let mut list = vm.os_threads.lock().unwrap_or_else(|e| e.into_inner());
            let (daemons, others): (Vec<_>, Vec<_>) = list.drain(..).partition(|t| t.daemon);
            *list = daemons;
            others
        };
        if pending.is_empty() {
            break;
        }
        ctx.allow_threads(|| {
            for t in pending {
                let _ = t.handle.join();
            }
        });
    }
    let mut list = vm.os_threads.lock().unwrap_or_else(|e| e.into_inner());
    // Acquire: pairs with the Release in `ThreadState::set_phase`.
    if !list.iter().all(|t| t.done.load(Ordering::Acquire) && t.handle.is_finished()) {
        return false;
    }
    // `is_finished` turns true when the thread's closure has returned, before its thread-local
    // destructors run; one of those flushes its live-object count (`object::live`). Joining
    // waits for them, so the leak check after teardown sees every thread's balance.
    for t in list.drain(..) {
        let _ = t.handle.join();
    }
    true
}

/// Fills the `threading` module.
pub(super) fn fill<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>) {
    let put = |key: &str, v: PyRef<B>| dicts::set_name(ns, vm.intern(key), v);
    let thread = new_class::<B>("Thread", "threading", vm.core.object_type.clone(), Layout::Object);
    add(vm, &thread, "__init__", thread_init);
    add(vm, &thread, "start", thread_start);
    add(vm, &thread, "run", thread_run);
    add(vm, &thread, "join", thread_join);
    add(vm, &thread, "is_alive", thread_is_alive);
    crate::builtins::add_property_rw(vm, &thread, "daemon", thread_daemon_get, thread_daemon_set);
    put("Thread", thread.clone());
    let state_class =
        new_class::<B>("_ThreadState", "threading", vm.core.object_type.clone(), Layout::Builtin);
    put("_ThreadState", state_class.clone());
    add(vm, ns, "get_ident", get_ident);
    add(vm, ns, "get_native_id", get_ident);
    add(vm, ns, "current_thread", current_thread);
    add(vm, ns, "main_thread", main_thread);
    add(vm, ns, "active_count", active_count);
    add(vm, ns, "enumerate", enumerate);
    // One object under both names, so that a program's replacement is told apart by identity.
    let hook = crate::builtins::native("excepthook", excepthook);
    put("excepthook", hook.clone());
    put("__excepthook__", hook);
    put("TIMEOUT_MAX", vm.float(9223372036.0));
    sync::install(vm, ns, "threading");
    super::thread_local::install(vm, ns);

    // The main thread object, already running.
    let main = PyRef::new(Payload::Instance(Box::new(Instance {
        class: thread,
        dict: B::cell_new(Dict::new()),
        exc: None,
        value: None,
    })));
    let st = ThreadState::default();
    st.started.store(true, Ordering::Relaxed);
    *st.signal.phase.lock() = Phase::Running;
    let ident = vm.int(thread_ident() as i64);
    set(vm, &main, "name", vm.str("MainThread"));
    set(vm, &main, "_daemonic", vm.bool(false));
    set(vm, &main, "ident", ident.clone());
    set(vm, &main, "native_id", ident.clone());
    set(vm, &main, "_target", vm.core.none.clone());
    set(
        vm,
        &main,
        "_state",
        PyRef::new(Payload::Native(Box::new(NativeObj { class: state_class, data: Box::new(st) }))),
    );
    let act = vm.dict(Dict::new());
    if let Payload::Dict(cell) = &act.payload
        && let Payload::Int(i) = ident.payload
    {
        let h = crate::ops::compare::hash_i64(i);
        act.write(cell, |d| d.push_new(h, ident.clone(), Some(main.clone())));
    }
    put("_active", act);
    put("_main_thread", main);
    put("_counter", vm.int(0));
}
