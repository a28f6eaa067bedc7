//! Live-object accounting: every allocation and free is counted so that a run can prove it freed
//! everything it allocated (`gillab run --check-leaks`, used by the conformance suite), and
//! every reference-count operation is counted for `--stats` (the denominator when a backend's
//! extra time is divided by the refcount operations it paid for).
//!
//! Counting is per OS thread (a plain thread-local add on a `const`-initialised cell without a
//! destructor, so the hot path has no lazy-initialisation check and no atomics). A thread's
//! count is flushed into a process-wide total when the thread exits (by a guard armed with
//! [`arm_flush`] when the thread attaches to a VM) or when [`live_objects`] is asked on that
//! thread. Objects may be allocated on one thread and freed on another: the per-thread counts
//! then go negative and positive, and only their sum means anything.

use std::cell::Cell;
use std::sync::atomic::{AtomicIsize, AtomicU64, Ordering};

static FLUSHED: AtomicIsize = AtomicIsize::new(0);
static RC_OPS_FLUSHED: AtomicU64 = AtomicU64::new(0);

thread_local! {
    static COUNT: Cell<isize> = const { Cell::new(0) };
    static RC_OPS: Cell<u64> = const { Cell::new(0) };
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
        let ops = RC_OPS.with(|c| c.replace(0));
        // Relaxed: as above.
        RC_OPS_FLUSHED.fetch_add(ops, Ordering::Relaxed);
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

/// Counts one reference-count operation (an incref or a decref) on this thread.
#[inline(always)]
pub(crate) fn rc_op() {
    RC_OPS.with(|c| c.set(c.get() + 1));
}

/// Reference-count operations performed in this process so far (this thread's pending count
/// plus every exited thread's), for `--stats`.
pub fn rc_ops() -> u64 {
    let local = RC_OPS.with(|c| c.replace(0));
    // Relaxed: see `FlushOnExit::drop`.
    RC_OPS_FLUSHED.fetch_add(local, Ordering::Relaxed) + local
}

/// Objects allocated and not yet freed in this process, counting the calling thread's pending
/// balance and every exited thread's. Call it after joining the other VM threads.
pub fn live_objects() -> isize {
    let local = COUNT.with(|c| c.replace(0));
    // Relaxed: see `FlushOnExit::drop`.
    FLUSHED.fetch_add(local, Ordering::Relaxed) + local
}
