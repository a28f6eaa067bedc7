//! The VM's side of multi-process execution: the [`ProcessHost`] interface that the
//! `multiprocessing` module and the process [`Executor`]'s remote threads call, and the hooks a
//! worker process needs (its captured output, its bootstrapping flag).
//!
//! The VM cannot depend on the crate that starts processes (`gillab-process-host` depends on
//! the VM),
//! so that crate implements [`ProcessHost`] and installs it with [`set_host`] before the program
//! runs. Values cross as `serde_json::Value`s in the tagged encoding of
//! `builtins::modules::multiprocessing::wire` (tuples, bytes, big ints and int-keyed dicts stay
//! distinct); the host never looks inside them.

use serde_json::Value;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// Where `threading.Thread.start` runs a thread's target: chosen by the registry line, not by
/// the backend (the `shard` entry is the `gil` backend with [`Executor::Processes`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Executor {
    /// An OS thread of this interpreter (threads share the interpreter's objects).
    #[default]
    Threads,
    /// A job in a worker process of the installed [`ProcessHost`] (threads share nothing;
    /// their targets and arguments cross as `multiprocessing` sends them). The literature's
    /// process sharding.
    Processes,
}

impl Executor {
    /// Whether Python threads share the interpreter's memory under this executor, i.e.
    /// whether programs whose threads communicate through shared objects can run.
    pub fn threads_share_memory(self) -> bool {
        self == Executor::Threads
    }
}

/// How a worker runs a call's arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallMode {
    /// `f(*args, **kwargs)`.
    Single,
    /// `[f(x) for x in args[0]]` (one `Pool.map` chunk).
    Map,
    /// `[f(*x) for x in args[0]]` (one `Pool.starmap` chunk).
    Starmap,
}

/// A call to run in a worker. The callable is named as pickle names it: by module and
/// qualified name (`module == "__main__"` means the worker's copy of the main program). An
/// empty `qualname` is a call that does nothing (`Process()` without a target).
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    /// The defining module's name.
    pub module: String,
    /// The qualified name inside it.
    pub qualname: String,
    /// The positional arguments, a wire-encoded list.
    pub args: Value,
    /// The keyword arguments, a JSON object of wire values.
    pub kwargs: Value,
    /// How to apply the callable.
    pub mode: CallMode,
}

/// What a job is for; decides what the worker does with its result and its exceptions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobKind {
    /// A `Pool` task: the result comes back; so does an exception.
    Task,
    /// A remote `threading.Thread`: the result is dropped; an exception comes back.
    Thread,
    /// A `Process` target: the worker prints an exception as CPython's child does and exits
    /// with the exit code (0, 1 after an exception, or the `SystemExit` code).
    Process {
        /// The process name (`Process-1`) for the `Process NAME:` report.
        name: String,
    },
}

/// An exception raised in a worker.
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteError {
    /// The exception class's module (`builtins`, `__main__`, ...).
    pub module: String,
    /// The exception class's qualified name.
    pub qualname: String,
    /// Its `args`, wire-encoded, when they could be encoded.
    pub args: Option<Value>,
    /// `str(exc)`.
    pub message: String,
    /// The full traceback text, as the worker would have printed it.
    pub traceback: String,
}

/// How a job ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// It returned this wire value.
    Returned(Value),
    /// It raised.
    Raised(RemoteError),
    /// The worker died, was killed, or broke the protocol before answering; the text names
    /// the worker and its exit status or signal.
    Lost(String),
}

/// A finished job.
#[derive(Debug, Clone, PartialEq)]
pub struct JobResult {
    /// The worker that ran it (`worker-3 (pid 1234)`).
    pub worker: String,
    /// How it ended.
    pub outcome: Outcome,
}

/// Starts worker processes and runs jobs in them. Implemented by `gillab-process-host`; every
/// blocking method is called with the VM released.
pub trait ProcessHost: Send + Sync {
    /// Starts a pool of `processes` workers (lazily ready: jobs queue until a worker is).
    fn pool_new(&self, processes: usize) -> Result<u64, String>;
    /// Queues a job on a pool; its id is passed to [`ProcessHost::wait`].
    fn submit(&self, pool: u64, call: Call) -> Result<u64, String>;
    /// Stops accepting jobs; workers exit once the queue is done.
    fn pool_close(&self, pool: u64);
    /// Kills the pool's workers; unfinished jobs end as [`Outcome::Lost`].
    fn pool_terminate(&self, pool: u64);
    /// Waits until every worker of a closed or terminated pool has exited.
    fn pool_join(&self, pool: u64);
    /// Runs `call` as a remote thread, on an idle worker of the thread pool or a new one;
    /// returns once the worker has run the program's module body. An error is the text of the
    /// exception the worker's module body raised (the missing `__main__` guard).
    fn thread_start(&self, call: Call) -> Result<u64, Box<RemoteError>>;
    /// Starts one worker process that runs `call` and exits (`multiprocessing.Process`). A
    /// `daemon` process is killed at interpreter exit (CPython terminates daemonic children);
    /// the others are waited for.
    fn process_start(&self, call: Call, name: &str, daemon: bool) -> Result<u64, String>;
    /// The exit code of a process (negative: killed by that signal), or `None` while it runs
    /// (after waiting up to `timeout`; `None` waits for ever).
    fn process_wait(&self, id: u64, timeout: Option<Duration>) -> Option<i32>;
    /// Kills a process.
    fn process_kill(&self, id: u64);
    /// A process's pid.
    fn process_pid(&self, id: u64) -> Option<u32>;
    /// Waits up to `timeout` (`None`: for ever) for a job; `Some` hands its result over once.
    fn wait(&self, job: u64, timeout: Option<Duration>) -> Option<JobResult>;
}

static HOST: OnceLock<Arc<dyn ProcessHost>> = OnceLock::new();

/// Installs the process host for this process (the first call wins).
pub fn set_host(host: Arc<dyn ProcessHost>) {
    let _ = HOST.set(host);
}

/// The installed process host.
pub fn host() -> Option<&'static Arc<dyn ProcessHost>> {
    HOST.get()
}

/// Where a worker's standard streams go instead of its file descriptors (which carry the
/// protocol): called with `(is_stderr, text)`.
pub type OutputSink = Box<dyn Fn(bool, &str) + Send + Sync>;

static SINK: OnceLock<OutputSink> = OnceLock::new();

/// Redirects `sys.stdout`/`sys.stderr` writes of this process to `sink` (worker processes).
pub fn set_output_sink(sink: OutputSink) {
    let _ = SINK.set(sink);
}

/// The installed output sink.
pub fn output_sink() -> Option<&'static OutputSink> {
    SINK.get()
}

/// What kind of process this is, for the checks CPython's `multiprocessing` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The program's own process.
    Main,
    /// A worker still running the program's module body.
    Bootstrapping,
    /// A worker serving jobs.
    Serving,
}

static ROLE: std::sync::Mutex<Role> = std::sync::Mutex::new(Role::Main);

/// Sets this process's role (worker processes only).
pub fn set_role(role: Role) {
    *ROLE.lock().unwrap_or_else(|e| e.into_inner()) = role;
}

/// This process's role.
pub fn role() -> Role {
    *ROLE.lock().unwrap_or_else(|e| e.into_inner())
}

static THREAD_GUARD: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Makes `threading.Thread.start` raise [`BOOTSTRAP_ERROR`] while this worker runs the module
/// body: set in workers of the `shard` backend, whose threads are processes.
pub fn set_thread_guard(on: bool) {
    // Relaxed: set once before the worker's interpreter starts.
    THREAD_GUARD.store(on, std::sync::atomic::Ordering::Relaxed);
}

/// Whether [`set_thread_guard`] is on.
pub fn thread_guard() -> bool {
    // Relaxed: see `set_thread_guard`.
    THREAD_GUARD.load(std::sync::atomic::Ordering::Relaxed)
}

/// CPython's error for starting a process while the main module is still being imported by a
/// child (a program without the `if __name__ == "__main__":` guard).
pub const BOOTSTRAP_ERROR: &str = "
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The \"freeze_support()\" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the \"Safe importing of main module\"
        section in https://docs.python.org/3/library/multiprocessing.html
        ";

/// CPython's error for a pool worker (a daemonic process) starting a process.
pub const DAEMON_ERROR: &str = "daemonic processes are not allowed to have children";
