//! [`Shard`]: the GIL backend with `threading.Thread` targets run in worker processes.
//!
//! Everything an interpreter does in one process is the GIL backend's (this type only wraps
//! [`Gil`]); the one difference is [`Backend::REMOTE_THREADS`], which makes
//! `threading.Thread.start` send the target and its arguments to a worker process of the
//! installed [`crate::Host`]. Module globals are therefore not shared between threads: each
//! worker has its own copy.

use gillab_backend_gil::Gil;
use gillab_vm::{Backend, BackendOptions};
use std::ptr::NonNull;

/// The process-sharding backend.
pub struct Shard(Gil);

// SAFETY: every operation is `Gil`'s, called with the same arguments, so `Gil`'s guarantees
// (the trait's safety contract) carry over unchanged; running thread targets in other
// processes touches no object of this interpreter.
#[allow(unsafe_code)]
unsafe impl Backend for Shard {
    const NAME: &'static str = "shard";
    const DESCRIPTION: &'static str = "one process per worker (threads run in worker processes, each with its own GIL); no shared globals";
    const REMOTE_THREADS: bool = true;

    type RefCount = <Gil as Backend>::RefCount;
    type Cell<T: Send> = <Gil as Backend>::Cell<T>;
    type Thread = <Gil as Backend>::Thread;

    fn new(options: &BackendOptions) -> Shard {
        Shard(Gil::new(options))
    }

    #[inline(always)]
    fn rc_new() -> Self::RefCount {
        Gil::rc_new()
    }

    #[inline(always)]
    fn incref(rc: &Self::RefCount) {
        Gil::incref(rc)
    }

    #[inline(always)]
    fn decref(rc: &Self::RefCount) -> bool {
        Gil::decref(rc)
    }

    fn refcount(rc: &Self::RefCount) -> isize {
        Gil::refcount(rc)
    }

    #[inline(always)]
    fn cell_new<T: Send>(value: T) -> Self::Cell<T> {
        Gil::cell_new(value)
    }

    #[inline(always)]
    fn cell_read<T: Send, R>(
        rc: &Self::RefCount,
        cell: &Self::Cell<T>,
        f: impl FnOnce(&T) -> R,
    ) -> R {
        Gil::cell_read(rc, cell, f)
    }

    #[inline(always)]
    fn cell_write<T: Send, R>(
        rc: &Self::RefCount,
        cell: &Self::Cell<T>,
        f: impl FnOnce(&mut T) -> R,
    ) -> R {
        Gil::cell_write(rc, cell, f)
    }

    #[inline(always)]
    fn cell_get_mut<T: Send>(cell: &mut Self::Cell<T>) -> &mut T {
        Gil::cell_get_mut(cell)
    }

    #[inline(always)]
    unsafe fn release(ptr: NonNull<u8>, destroy: unsafe fn(NonNull<u8>)) {
        // SAFETY: the caller's contract for `release` is the same as `Gil::release`'s, and it
        // is passed through unchanged.
        unsafe { Gil::release(ptr, destroy) }
    }

    fn attach(&self) -> Self::Thread {
        self.0.attach()
    }

    fn detach(&self, thread: Self::Thread) {
        self.0.detach(thread)
    }

    #[inline(always)]
    fn breaker(&self, thread: &mut Self::Thread) -> bool {
        self.0.breaker(thread)
    }

    fn breaker_every_instruction(&self) -> bool {
        self.0.breaker_every_instruction()
    }

    fn poll(&self, thread: &mut Self::Thread) {
        self.0.poll(thread)
    }

    fn allow_threads<R>(&self, thread: &mut Self::Thread, f: impl FnOnce() -> R) -> R {
        self.0.allow_threads(thread, f)
    }

    fn stats(&self) -> serde_json::Value {
        self.0.stats()
    }

    fn set_switch_interval(&self, seconds: f64) {
        self.0.set_switch_interval(seconds)
    }

    fn switch_interval(&self) -> f64 {
        self.0.switch_interval()
    }
}
