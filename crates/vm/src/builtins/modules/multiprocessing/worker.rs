//! The interpreter side of a worker process: runs the program's module body as `__mp_main__`
//! (CPython's `spawn` start method), then runs the jobs its parent sends, one at a time, and
//! reports each result or exception. The process plumbing (pipes, messages) is the caller's,
//! behind [`WorkerLink`].

use super::wire;
use crate::backend::Backend;
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::eval::imports::{exec_source, new_module};
use crate::object::{Payload, PyRef};
use crate::ops::{self, call, dicts};
use crate::procs::{self, Call, CallMode, JobKind, Outcome, RemoteError, Role};
use crate::source::ScriptError;
use crate::vm::Vm;
use crate::vm::VmOptions;
use std::path::Path;

/// The worker's connection to its parent.
pub trait WorkerLink {
    /// Blocks for the next job; `None` when the parent has no more (its pipe closed).
    fn next_job(&self) -> Option<(u64, Call, JobKind)>;
    /// The module body ran: jobs may come.
    fn ready(&self);
    /// The module body raised; the worker exits after this.
    fn boot_failed(&self, error: RemoteError);
    /// A job ended.
    fn done(&self, id: u64, outcome: Outcome);
}

/// Runs a worker on backend `B` and returns its exit status.
pub fn worker_main<B: Backend>(
    path: &Path,
    argv: Vec<String>,
    options: VmOptions,
    link: &dyn WorkerLink,
) -> i32 {
    let filename = path.to_string_lossy().to_string();
    let source = match crate::source::read_script(path) {
        Ok(s) => s,
        Err(ScriptError::Undecodable(report)) => {
            let message = report.trim_end().rsplit('\n').next().unwrap_or("");
            link.boot_failed(RemoteError {
                module: "builtins".into(),
                qualname: "SyntaxError".into(),
                args: None,
                message: message.trim_start_matches("SyntaxError: ").to_string(),
                traceback: report,
            });
            return 1;
        }
        Err(ScriptError::Unreadable(e)) => {
            link.boot_failed(RemoteError {
                module: "builtins".into(),
                qualname: "FileNotFoundError".into(),
                args: None,
                message: format!("can't open file '{filename}': {e}"),
                traceback: format!("FileNotFoundError: can't open file '{filename}': {e}\n"),
            });
            return 2;
        }
    };
    let script_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let vm = Vm::<B>::new_shared(options, argv, script_dir);
    let (status, threads_done) = {
        let mut ctx = Ctx::attach(&vm);
        let main = new_module(&vm, "__mp_main__");
        dicts::set_name(&vm.core.modules, vm.intern("__mp_main__"), main.clone());
        dicts::set_name(&vm.core.modules, vm.intern("__main__"), main.clone());
        if let Payload::Module(m) = &main.payload {
            dicts::set_name(&m.dict, vm.intern("__file__"), vm.str(filename.as_str()));
            dicts::set_name(&m.dict, vm.intern("__builtins__"), vm.core.builtins.clone());
        }
        procs::set_role(Role::Bootstrapping);
        let body = exec_source(&mut ctx, &source, &filename, &main);
        procs::set_role(Role::Serving);
        let status = match body {
            Err(e) => {
                let err = remote_error(&mut ctx, &e.0);
                drop(e);
                link.boot_failed(err);
                1
            }
            Ok(()) => {
                link.ready();
                serve(&mut ctx, link)
            }
        };
        drop(main);
        let threads_done = dicts::get_text(&vm.core.modules, "threading").is_none()
            || crate::builtins::modules::threading::shutdown(&mut ctx);
        (status, threads_done)
    };
    crate::builtins::modules::write_stream(crate::builtins::modules::Stream::Stdout, "", true);
    if !threads_done {
        // Daemon threads may still touch the VM (as in `run_source`): it must outlive them.
        std::mem::forget(vm);
    }
    status
}

/// Runs jobs until the parent closes the pipe; returns the exit status.
fn serve<B: Backend>(ctx: &mut Ctx<'_, B>, link: &dyn WorkerLink) -> i32 {
    while let Some((id, job, kind)) = ctx.allow_threads(|| link.next_job()) {
        // A thread job stands for a new Python thread: it sees `threading.local` objects
        // afresh (their `__init__` runs again) and its values go when it ends.
        let thread_job = matches!(kind, JobKind::Thread);
        let outer_locals = if thread_job { ctx.thread_locals.take() } else { None };
        let result = run_call(ctx, &job);
        if thread_job
            && let Some(job_locals) = std::mem::replace(&mut ctx.thread_locals, outer_locals)
        {
            drop(job_locals.take_all());
        }
        let vm = ctx.vm;
        let is_exit = |e: &PyErr<B>| ops::isinstance(vm, &e.0, &vm.core.exc.system_exit);
        let outcome = match (kind, result) {
            (JobKind::Process { name }, result) => {
                return match result {
                    Ok(v) => {
                        drop(v);
                        0
                    }
                    Err(e) if is_exit(&e) => crate::run::handle_uncaught(ctx, e),
                    Err(e) => {
                        let text = crate::run::format_exception(ctx, &e.0);
                        drop(e);
                        crate::builtins::modules::write_stream(
                            crate::builtins::modules::Stream::Stderr,
                            &format!("Process {name}:\n{text}"),
                            true,
                        );
                        1
                    }
                };
            }
            // `sys.exit()` in a pool task ends the worker, as in CPython; the parent sees the
            // job lost with the exit status.
            (JobKind::Task, Err(e)) if is_exit(&e) => return crate::run::handle_uncaught(ctx, e),
            (JobKind::Task, Ok(v)) => match wire::to_wire(ctx, &v) {
                Ok(w) => Outcome::Returned(w),
                Err(e) => Outcome::Raised(remote_error(ctx, &e.0)),
            },
            (JobKind::Thread, Ok(_)) => Outcome::Returned(serde_json::Value::Null),
            // A thread's `SystemExit` ends only the thread; it goes back like any exception,
            // for the parent's `threading.excepthook` (whose default ignores it).
            (_, Err(e)) => Outcome::Raised(remote_error(ctx, &e.0)),
        };
        ctx.exc_info = None;
        link.done(id, outcome);
    }
    0
}

/// Runs one call in this worker.
fn run_call<B: Backend>(ctx: &mut Ctx<'_, B>, job: &Call) -> PyResult<B> {
    let vm = ctx.vm;
    if job.qualname.is_empty() {
        return Ok(vm.core.none.clone());
    }
    let f = wire::resolve(ctx, &job.module, &job.qualname)?;
    let args = wire::from_wire(ctx, &job.args).map_err(|m| ctx.value_error(m))?;
    let args = ops::seq::to_vec(ctx, &args)?;
    let mut kwnames = Vec::new();
    let mut kwvalues = Vec::new();
    if let serde_json::Value::Object(m) = &job.kwargs {
        for (k, v) in m {
            kwnames.push(vm.intern(k));
            kwvalues.push(wire::from_wire(ctx, v).map_err(|m| ctx.value_error(m))?);
        }
    }
    match job.mode {
        CallMode::Single => {
            let mut all = args;
            all.extend(kwvalues);
            call::call(ctx, &f, &all, &kwnames)
        }
        CallMode::Map | CallMode::Starmap => {
            let items = match args.first() {
                Some(chunk) => ops::seq::to_vec(ctx, chunk)?,
                None => Vec::new(),
            };
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                let r = if job.mode == CallMode::Map {
                    call::call(ctx, &f, &[item], &[])?
                } else {
                    let a = ops::seq::to_vec(ctx, &item)?;
                    call::call(ctx, &f, &a, &[])?
                };
                out.push(r);
            }
            Ok(ctx.vm.list(out))
        }
    }
}

/// What crosses back for an exception: its class by name, its args, its text and traceback.
pub fn remote_error<B: Backend>(ctx: &mut Ctx<'_, B>, exc: &PyRef<B>) -> RemoteError {
    let mut e = remote_error_brief(ctx, exc);
    e.traceback = crate::run::format_exception(ctx, exc);
    ctx.exc_info = None;
    e
}

/// [`remote_error`] without the traceback: what an exception sent as a value carries.
pub fn remote_error_brief<B: Backend>(ctx: &mut Ctx<'_, B>, exc: &PyRef<B>) -> RemoteError {
    let cls = ops::type_of(ctx.vm, exc);
    let (module, qualname) = match &cls.payload {
        Payload::Type(t) => (t.module.clone(), t.qualname.clone()),
        _ => ("builtins".into(), "Exception".into()),
    };
    let args = match &exc.payload {
        Payload::Instance(i) => i.exc.as_ref().map(|st| exc.read(st, |s| s.args.clone())),
        _ => None,
    };
    let args = args.and_then(|a| wire::to_wire(ctx, &a).ok());
    let message = crate::ops::repr::str(ctx, exc).unwrap_or_default();
    ctx.exc_info = None;
    RemoteError { module, qualname, args, message, traceback: String::new() }
}
