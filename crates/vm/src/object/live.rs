//! Live-object accounting: every allocation and free is counted so that a run can prove it freed
//! everything it allocated (`gillab run --check-leaks`, used by the conformance suite).
//!
//! Counting is per OS thread (a plain thread-local add on a `const`-initialised cell without a
//! destructor, so the hot path has no lazy-initialisation check and no atomics). A thread's
//! count is flushed into a process-wide total when the thread exits (by a guard armed with
//! [`arm_flush`] when the thread attaches to a VM) or when [`live_objects`] is asked on that
//! thread. Objects may be allocated on one thread and freed on another: the per-thread counts
//! then go negative and positive, and only their sum means anything.

use std::cell::Cell;
use std::sync::atomic::{AtomicIsize, Ordering};

static FLUSHED: AtomicIsize = AtomicIsize::new(0);

thread_local! {
    static COUNT: Cell<isize> = const { Cell::new(0) };
    static GUARD: FlushOnExit = const { FlushOnExit };
}

struct FlushOnExit;

impl Drop for FlushOnExit {
    fn drop(&mut self) {
        // `COUNT` has no destructor, so it is still readable while this one runs.
        let n = COUNT.with(|c| c.replace(0));
        // Relaxed: the total is read only after the threads that touched it were joined, and
        // `join` synchronises-with the thread's exit, which runs this destructor.
        FLUSHED.fetch_add(n, Ordering::Relaxed);
    }
}

/// Makes sure this thread's count is flushed when the thread exits.
pub fn arm_flush() {
    GUARD.with(|_| {});
}

#[inline(always)]
pub(crate) fn alloc_one() {
    COUNT.with(|c| c.set(c.get() + 1));
}

#[inline(always)]
pub(crate) fn free_one() {
    COUNT.with(|c| c.set(c.get() - 1));
}

/// Objects allocated and not yet freed in this process, counting the calling thread's pending
/// balance and every exited thread's. Call it after joining the other VM threads.
pub fn live_objects() -> isize {
    let local = COUNT.with(|c| c.replace(0));
    // Relaxed: see `FlushOnExit::drop`.
    FLUSHED.fetch_add(local, Ordering::Relaxed) + local
}
