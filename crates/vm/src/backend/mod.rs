//! The `Backend` trait: the memory-safety contract, and nothing else.
//!
//! Shaped like `lock_api::RawMutex`: one `unsafe trait` with a one-paragraph safety contract,
//! a generic safe layer on top ([`crate::object::PyRef`], [`crate::Vm`]), optional capabilities
//! as traits of their own (as `RawMutexFair: RawMutex`), and each strategy a small type in its
//! own crate. The eval loop is written once against this trait and monomorphized per backend;
//! nothing in the hot path is `dyn`.
//!
//! The contract has three associated types:
//! - [`Backend::RefCount`], the reference-count cell in every object header;
//! - [`Backend::Cell`], how an object's mutable contents (list items, dict entries, instance
//!   attributes, module globals, cells) are guarded;
//! - [`Backend::Thread`], the per-OS-thread state (a held lock, an epoch handle, a bias owner id).
//!
//! and five groups of items: counts (`rc_new`, `incref`, `decref`, `refcount`), guarded cells
//! (`cell_new`, `cell_read`, `cell_write`, `cell_get_mut`), freeing (`release`, which an
//! epoch-based backend defers), threads (`attach`, `detach`, the eval breaker `breaker` and
//! `poll`, and `allow_threads`), and typed counters (`stats`). What a backend *is* — its
//! description, whether it has a GIL and which policies, which counters it offers — is the
//! constant [`Backend::FACTS`], readable without constructing one.
//!
//! Optional capabilities live in their own traits:
//! - [`GilControl`] (in [`gil`]): a global interpreter lock's switch interval and hand-off
//!   [`Policy`]. A Python program reaches it at run time (`sys.setswitchinterval`), so the one
//!   query for it is [`Backend::gil`], which is `None` unless the backend has a GIL.
//!
//! Where threads run (`threading.Thread` as an OS thread of this interpreter, or as a job in a
//! worker process) is not the backend's business: that is the VM's [`crate::procs::Executor`],
//! chosen by the registry (`--backend shard` is the `gil` backend with the process executor).

pub mod facts;
pub mod gil;

pub use facts::{Counter, Facts, GilFacts, GilStats, Stats, Strategy};
pub use gil::{GilConfig, GilControl, Policy};

use std::ptr::NonNull;

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
/// loaded before the count reached zero; an object that `immortalize` made immortal is never
/// reported dead, and the VM frees it itself once no thread is attached; (4) a thread that blocks in `poll` or `allow_threads`
/// lets other threads attach, so blocking never deadlocks the VM.
pub unsafe trait Backend: Send + Sync + Sized + 'static {
    /// What this strategy is: its description, GIL capability and counters (`gillab backends`,
    /// the CLI's checks and the report read these without constructing a backend).
    const FACTS: Facts;

    /// The reference-count cell in each object header.
    type RefCount: Send + Sync;
    /// Guarded storage for an object's mutable contents.
    type Cell<T: Send + Sync>: Send + Sync;
    /// Per-OS-thread state, created by `attach` and consumed by `detach`.
    type Thread;

    /// Creates the backend for one VM.
    fn new() -> Self;

    /// A count of one, owned by the calling (attached) thread.
    fn rc_new() -> Self::RefCount;
    /// Adds one reference.
    fn incref(rc: &Self::RefCount);
    /// Drops one reference; `true` when the object must now be released.
    fn decref(rc: &Self::RefCount) -> bool;
    /// The current count (for `sys.getrefcount`; may be approximate while other threads run).
    fn refcount(rc: &Self::RefCount) -> isize;
    /// Makes the object whose count is `rc` *immortal* (PEP 683), for a caller that holds a
    /// reference to it and will never give that reference up: from then on `incref` and
    /// `decref` on it may skip the count (so threads that share it write nothing shared) and
    /// `decref` never reports it dead. Returns `true` when this call made it immortal; the
    /// VM then frees it itself when it is torn down (`object::immortal`). The default keeps
    /// counting (returns `false`): a backend whose counts cost nothing to share need not
    /// bother.
    #[inline(always)]
    fn immortalize(rc: &Self::RefCount) -> bool {
        let _ = rc;
        false
    }
    /// Whether [`Backend::immortalize`] made the object whose count is `rc` immortal.
    #[inline(always)]
    fn is_immortal(rc: &Self::RefCount) -> bool {
        let _ = rc;
        false
    }

    /// Wraps `value` as guarded contents.
    fn cell_new<T: Send + Sync>(value: T) -> Self::Cell<T>;
    /// Runs `f` with shared access to the contents. `f` must not call back into Python code,
    /// nor access another cell of the same object.
    fn cell_read<T: Send + Sync, R>(cell: &Self::Cell<T>, f: impl FnOnce(&T) -> R) -> R;
    /// Runs `f` with exclusive access to the contents; same rules as [`Backend::cell_read`].
    fn cell_write<T: Send + Sync, R>(cell: &Self::Cell<T>, f: impl FnOnce(&mut T) -> R) -> R;
    /// [`Backend::cell_write`] on a cell of the object whose count is `rc`, called by a thread
    /// that holds a reference to that object. A backend whose counts can tell that this is the
    /// *only* reference (so no other thread can reach the object, now or until this thread
    /// hands a reference out) may run `f` without synchronising; the default always
    /// synchronises.
    #[inline(always)]
    fn cell_write_unique<T: Send + Sync, R>(
        rc: &Self::RefCount,
        cell: &Self::Cell<T>,
        f: impl FnOnce(&mut T) -> R,
    ) -> R {
        let _ = rc;
        Self::cell_write(cell, f)
    }
    /// Exclusive access without synchronisation, through a unique borrow.
    fn cell_get_mut<T: Send + Sync>(cell: &mut Self::Cell<T>) -> &mut T;

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
    /// The eval breaker's fast check, made at every backward jump and call (and before every
    /// instruction under a [`Policy`] that [counts instructions](Policy::counts_instructions)):
    /// `true` when [`Backend::poll`] has work to do (a drop request, a repin, a tick count run
    /// out).
    fn breaker(&self, thread: &mut Self::Thread) -> bool;
    /// The eval breaker's slow path (the GIL hands itself over here).
    fn poll(&self, thread: &mut Self::Thread);
    /// Runs blocking work with the VM released (CPython's `Py_BEGIN_ALLOW_THREADS`). `f` must
    /// not touch any object: copy what it needs in before and out after.
    fn allow_threads<R>(&self, thread: &mut Self::Thread, f: impl FnOnce() -> R) -> R;

    /// The strategy's counters so far (for `gillab run --stats`): the fields named in
    /// [`Facts::counters`] are `Some`, the others `None`.
    fn stats(&self) -> Stats;

    /// The GIL capability, for a backend that has one (its [`Facts::gil`] is then `Some`).
    fn gil(&self) -> Option<&dyn GilControl> {
        None
    }
}
