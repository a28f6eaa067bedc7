//! The `Backend` trait: everything that differs between memory-safety strategies.
//!
//! Shaped like `lock_api::RawMutex`: one `unsafe trait` with a short safety contract, a generic
//! safe layer on top ([`crate::object::PyRef`], [`crate::Vm`]), and each strategy a small type in
//! its own crate. The eval loop is written once against this trait and monomorphized per
//! backend; nothing in the hot path is `dyn`.
//!
//! Three things differ per strategy, as associated types:
//! - [`Backend::RefCount`], the reference-count cell in every object header;
//! - [`Backend::Cell`], how an object's mutable contents (list items, dict entries, instance
//!   attributes, module globals, cells) are guarded;
//! - [`Backend::Thread`], the per-OS-thread state (a held lock, an epoch handle, a bias owner id).
//!
//! and four kinds of hooks: attaching a thread to the VM and detaching it, the eval breaker
//! (polled at every backward jump and call), running blocking work with the VM released
//! ([`Backend::allow_threads`]), and freeing an object whose count reached zero
//! ([`Backend::release`], which an epoch-based backend defers).

use std::ptr::NonNull;

/// Options every backend receives; a backend uses what applies to it and ignores the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct BackendOptions {
    /// GIL switch interval in seconds (`sys.setswitchinterval`), CPython's default 0.005.
    pub switch_interval: f64,
    /// Instructions between forced releases under the `ticks` GIL policy.
    pub check_interval: u32,
    /// GIL hand-off policy name (`interval`, `ticks`, `io-priority`); empty means the default.
    pub gil_policy: String,
    /// Whether the eval loop may elide reference-count operations on locals and constants
    /// (fused int fast paths, `eval::fuse`); `--no-rc-elision` clears it.
    pub rc_elision: bool,
}

impl Default for BackendOptions {
    fn default() -> Self {
        BackendOptions {
            switch_interval: 0.005,
            check_interval: 100,
            gil_policy: String::new(),
            rc_elision: true,
        }
    }
}

/// A memory-safety strategy for the VM.
///
/// # Safety
///
/// A thread is *attached* from the return of [`Backend::attach`] until it passes its state to
/// [`Backend::detach`], except while inside [`Backend::allow_threads`]. The VM touches objects
/// (reference counts, guarded contents, object memory) only from attached threads. In return an
/// implementation guarantees, for all attached threads together: (1) `incref`/`decref` on one
/// cell never race, and `decref` returns `true` exactly once per object, when the count it
/// maintains reaches zero; (2) the closure given to `cell_read`/`cell_write` has shared/exclusive
/// access to the cell's contents for its whole duration; (3) `release` runs the destructor exactly
/// once, and only when no attached thread can still reach the object through a reference it
/// loaded before the count reached zero; (4) a thread that blocks in `poll` or `allow_threads`
/// lets other threads attach, so blocking never deadlocks the VM.
pub unsafe trait Backend: Send + Sync + Sized + 'static {
    /// Short name used by `--backend` (`gil`, `objlock`, ...).
    const NAME: &'static str;
    /// One line for `gillab backends`.
    const DESCRIPTION: &'static str;

    /// Whether `threading.Thread.start` runs the target in a worker process (through the
    /// installed [`crate::procs::ProcessHost`]) instead of an OS thread of this interpreter:
    /// true only for the process-sharding backend.
    const REMOTE_THREADS: bool = false;

    /// The reference-count cell in each object header.
    type RefCount: Send + Sync;
    /// Guarded storage for an object's mutable contents.
    type Cell<T: Send>: Send + Sync;
    /// Per-OS-thread state, created by `attach` and consumed by `detach`.
    type Thread;

    /// Creates the backend for one VM.
    fn new(options: &BackendOptions) -> Self;

    /// A count of one, owned by the calling (attached) thread.
    fn rc_new() -> Self::RefCount;
    /// Adds one reference.
    fn incref(rc: &Self::RefCount);
    /// Drops one reference; `true` when the object must now be released.
    fn decref(rc: &Self::RefCount) -> bool;
    /// The current count (for `sys.getrefcount`; may be approximate while other threads run).
    fn refcount(rc: &Self::RefCount) -> isize;

    /// Wraps `value` as guarded contents.
    fn cell_new<T: Send>(value: T) -> Self::Cell<T>;
    /// Runs `f` with shared access to the contents of the object whose header holds `rc`.
    /// `f` must not call back into Python code, nor access another cell of the same object.
    fn cell_read<T: Send, R>(
        rc: &Self::RefCount,
        cell: &Self::Cell<T>,
        f: impl FnOnce(&T) -> R,
    ) -> R;
    /// Runs `f` with exclusive access to the contents; same rules as [`Backend::cell_read`].
    fn cell_write<T: Send, R>(
        rc: &Self::RefCount,
        cell: &Self::Cell<T>,
        f: impl FnOnce(&mut T) -> R,
    ) -> R;
    /// Exclusive access without synchronisation, through a unique borrow.
    fn cell_get_mut<T: Send>(cell: &mut Self::Cell<T>) -> &mut T;

    /// Frees an object whose count reached zero by calling `destroy(ptr)`, now or later.
    ///
    /// # Safety
    /// `ptr` must be an object whose `decref` just returned `true`, and `destroy` must be its
    /// destructor; neither may be used again by the caller.
    unsafe fn release(ptr: NonNull<u8>, destroy: unsafe fn(NonNull<u8>));

    /// Attaches the calling OS thread to the VM (the GIL takes the lock here).
    fn attach(&self) -> Self::Thread;
    /// Detaches the calling thread; it must not touch objects afterwards.
    fn detach(&self, thread: Self::Thread);
    /// The eval breaker's fast check, made at every backward jump and call: `true` when
    /// [`Backend::poll`] has work to do (a drop request, a repin, a tick count run out).
    fn breaker(&self, thread: &mut Self::Thread) -> bool;
    /// Whether the eval loop must poll the breaker before every instruction (Python 2's "check
    /// interval" counted bytecodes) rather than only at backward jumps and calls.
    fn breaker_every_instruction(&self) -> bool {
        false
    }
    /// The eval breaker's slow path (the GIL hands itself over here).
    fn poll(&self, thread: &mut Self::Thread);
    /// Runs blocking work with the VM released (CPython's `Py_BEGIN_ALLOW_THREADS`). `f` must
    /// not touch any object: copy what it needs in before and out after.
    fn allow_threads<R>(&self, thread: &mut Self::Thread, f: impl FnOnce() -> R) -> R;

    /// Starts the OS thread that runs a Python thread (`threading.Thread.start`). The default
    /// is an OS thread with a stack sized for the recursion limit; a backend may run threads
    /// elsewhere.
    fn spawn(
        &self,
        name: String,
        f: Box<dyn FnOnce() + Send>,
    ) -> std::io::Result<std::thread::JoinHandle<()>> {
        spawn_os_thread(name, f)
    }

    /// The strategy's counters as one JSON object, for `gillab run --stats`.
    fn stats(&self) -> serde_json::Value;
    /// Sets the switch interval (`sys.setswitchinterval`); backends without one ignore it.
    fn set_switch_interval(&self, _seconds: f64) {}
    /// The switch interval in seconds (`sys.getswitchinterval`).
    fn switch_interval(&self) -> f64 {
        0.005
    }
}

/// Starts an OS thread for a Python thread with a stack big enough for the recursion limit.
/// Backends that run threads elsewhere (the process-sharding backend) wrap this differently.
pub fn spawn_os_thread(
    name: String,
    f: Box<dyn FnOnce() + Send>,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new().name(name).stack_size(crate::THREAD_STACK_SIZE).spawn(f)
}
