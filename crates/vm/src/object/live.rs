//! Live-object accounting: every allocation and free is counted so that a run can prove it freed
//! everything it allocated (`gillab run --check-leaks`, used by the conformance suite).
//!
//! Counting is per OS thread (a plain thread-local add, no atomics on the hot path); a thread's
//! count is flushed into a process-wide total when the thread exits or when [`live_objects`] is
//! asked on that thread. Objects may be allocated on one thread and freed on another: the
//! per-thread counts then go negative and positive, and only their sum means anything.

use std::cell::Cell;
use std::sync::atomic::{AtomicIsize, Ordering};

static FLUSHED: AtomicIsize = AtomicIsize::new(0);

struct Counter(Cell<isize>);

impl Drop for Counter {
    fn drop(&mut self) {
        // Relaxed: the total is read only after the threads that touched it were joined, and
        // `join` synchronises-with the thread's exit, which runs this destructor.
        FLUSHED.fetch_add(self.0.get(), Ordering::Relaxed);
    }
}

thread_local! {
    static LOCAL: Counter = const { Counter(Cell::new(0)) };
}

#[inline(always)]
pub(crate) fn alloc_one() {
    let _ = LOCAL.try_with(|c| c.0.set(c.0.get() + 1));
}

#[inline(always)]
pub(crate) fn free_one() {
    if LOCAL.try_with(|c| c.0.set(c.0.get() - 1)).is_err() {
        // The thread-local is gone (thread exit): count straight into the total.
        FLUSHED.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Objects allocated and not yet freed in this process, counting the calling thread's pending
/// balance and every exited thread's. Call it after joining the other VM threads.
pub fn live_objects() -> isize {
    let local = LOCAL.try_with(|c| c.0.replace(0)).unwrap_or(0);
    // Relaxed: see `Counter::drop`.
    FLUSHED.fetch_add(local, Ordering::Relaxed) + local
}
