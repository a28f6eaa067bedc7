//! The gil-lab virtual machine: one object model and one eval loop, generic over a
//! memory-safety [`Backend`].
//!
//! ```text
//!   gillab-syntax ──AST──▶ gillab-compiler ──CodeObject──▶ gillab-vm::Vm<B: Backend>
//!                                                         │  eval loop, builtins, modules
//!                                                         ▼
//!                           backend-gil / backend-objlock / backend-atomic / backend-biased
//! ```
//!
//! Every Python value is a heap [`object::Object`] whose header holds the backend's reference
//! count; [`object::PyRef`] is an owned reference (clone = incref, drop = decref). Mutable
//! contents (list items, dict entries, attributes, globals) sit in backend cells. The eval loop
//! (`eval/`) is written once and monomorphized per backend; it polls the backend's eval breaker
//! at every backward jump and call, and blocking operations run inside
//! [`Backend::allow_threads`]. The invariants all of this relies on are listed in
//! `docs/safety.md`.
//!
//! The crate is built in floors, lowest first, and code names only its own floor and those
//! below: the object model ([`object`], [`types`], the core of [`vm`] that [`Vm::bare`] builds,
//! with [`ctx`] and [`args`]) → [`ops`] → [`builtins`] and [`eval`] → the interpreter
//! ([`interpreter`]: [`Vm::new`], a bare VM with the built-ins installed; [`run`]).
//! `docs/architecture.md` lists the floors and the calls that still go up.

pub mod args;
pub mod backend;
pub mod builtins;
pub mod ctx;
pub mod eval;
pub mod fmt;
pub mod interpreter;
pub mod object;
pub mod ops;
pub mod procs;
pub mod run;
pub mod source;
pub mod types;
pub mod vm;

pub use backend::{Backend, Facts, GilConfig, GilControl, Policy, Stats};
pub use ctx::{Ctx, PyErr, PyResult};
pub use object::{Payload, PyRef};
pub use procs::Executor;
pub use run::{RunOptions, run_file};
pub use vm::{Vm, VmOptions};

/// Stack size of every OS thread that runs Python code: deep enough for the recursion limit.
pub const THREAD_STACK_SIZE: usize = 256 << 20;

/// Starts an OS thread for a Python thread (or the interpreter's main thread) with a stack of
/// [`THREAD_STACK_SIZE`], big enough for the recursion limit.
pub fn spawn_os_thread(
    name: String,
    f: Box<dyn FnOnce() + Send>,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new().name(name).stack_size(THREAD_STACK_SIZE).spawn(f)
}

/// Python's default recursion limit (`sys.getrecursionlimit()`).
pub const RECURSION_LIMIT: u32 = 1000;
