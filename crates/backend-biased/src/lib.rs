//! The `biased` backend: biased reference counting, as free-threaded CPython does it
//! (PEP 703, after Choi, Shull & Torrellas, "Biased Reference Counting", PACT 2018).
//!
//! ## The algorithm
//!
//! Most objects are only ever touched by the thread that made them, so each object records
//! that *owner* and keeps two counts: a `local` count that only the owner updates, with a
//! plain load and store (no atomic read-modify-write, no lock: on one thread this backend
//! should cost what `gil` costs), and a `shared` count that every other thread updates
//! atomically. The object is dead when both reach zero; the protocol, with its state table,
//! is in [`rc`].
//!
//! The subtle case is a non-owner dropping a reference when the shared count is already zero:
//! the reference it drops was counted in the owner's `local`, which it may not touch. It
//! marks the shared count `QUEUED` and pushes the object onto the owner's *merge queue*
//! ([`queue`]); the owner's eval breaker sees the queue's flag, and the owner folds its local
//! count into the shared one (`merge`), takes the queued reference off, and frees the object
//! if that was the last. After a merge, or when the owner's own local count reaches zero while
//! other threads still hold references, the object has no owner and every thread uses the
//! shared count. A thread that detaches first drains its queue, then unregisters; objects it
//! owned that are queued afterwards are merged in place by the thread that queues them.
//!
//! ## What is reused from `atomic`
//!
//! Everything but the count: contents are guarded by `atomic`'s reader-biased lock
//! ([`gillab_backend_atomic::rbias`]), and objects that other threads counted are freed
//! through the `atomic` backend's per-VM epoch collector (this backend wraps an [`Atomic`] and
//! forwards attach, detach, the repin breaker and those releases to it), so lock-free readers
//! and teardown behave the same. An object that dies on its owner's fast path (its shared
//! count never held a reference at the end, and it was never merged) is freed at once, as
//! CPython frees it: no other thread can still hold a pointer to it, because the VM reads
//! shared slots only while their writers are excluded and counts what it takes.
//!
//! ## Counters (`--stats`)
//!
//! `queued` (non-owner decrements handed to an owner), `merges` (queued objects merged, by
//! their owner or in place), plus `atomic`'s `deferred_frees`, `lock_acquisitions` and
//! `contended_acquisitions`.

pub mod queue;
pub mod rc;

use gillab_backend_atomic::{Atomic, AtomicThread, settle_deferred_frees};
use gillab_vm::backend::{Backend, Counter, Facts, Stats, Strategy};
use queue::{Queued, UNATTACHED};
use rc::{Decref, NO_OWNER, RefCount};
use std::cell::Cell as StdCell;
use std::ptr::NonNull;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

thread_local! {
    /// The calling thread's id while it is attached, [`UNATTACHED`] otherwise.
    static ME: StdCell<u32> = const { StdCell::new(UNATTACHED) };
    static QUEUED: StdCell<u64> = const { StdCell::new(0) };
    static MERGES: StdCell<u64> = const { StdCell::new(0) };
    /// Whether this thread has deferred a free through the epoch since it last flushed.
    static DEFERRED: StdCell<bool> = const { StdCell::new(false) };
}

/// Totals of the per-thread counters of threads that have detached.
static TOTAL_QUEUED: AtomicU64 = AtomicU64::new(0);
static TOTAL_MERGES: AtomicU64 = AtomicU64::new(0);
static TOTAL_SHARED_OPS: AtomicU64 = AtomicU64::new(0);

#[inline(always)]
fn me() -> u32 {
    ME.with(StdCell::get)
}

fn bump(counter: &'static std::thread::LocalKey<StdCell<u64>>) {
    let _ = counter.try_with(|c| c.set(c.get() + 1));
}

/// Moves this thread's counters into the totals.
fn flush_counters() {
    for (local, total) in
        [(&QUEUED, &TOTAL_QUEUED), (&MERGES, &TOTAL_MERGES), (&rc::SHARED_OPS, &TOTAL_SHARED_OPS)]
    {
        let n = local.try_with(|c| c.replace(0)).unwrap_or(0);
        // Relaxed: the totals are read by `stats` after the threads were joined.
        total.fetch_add(n, Ordering::Relaxed);
    }
}

/// Merges queued objects into their shared counts, taking the queue's reference off, and
/// releases those that die.
fn merge_all(objects: Vec<Queued>) {
    for Queued(ptr) in objects {
        bump(&MERGES);
        // SAFETY: a queued object is alive: the queue's reference is still counted (see `rc`),
        // and only this thread merges it (the one that drained or failed to push it).
        let count = unsafe { ptr.as_ref() }.merge(-1);
        if count == 0 {
            // SAFETY: the merge took the count to zero, once (`rc`'s protocol); `ptr` is the
            // count at the head of a VM object (`Queued` holds only those), not used again.
            unsafe { gillab_vm::object::release_by_header::<Biased>(ptr) };
        }
    }
}

/// The backend: the `atomic` backend's epoch collector, wrapped.
pub struct Biased {
    inner: Atomic,
}

impl Biased {
    /// Whether the calling thread holds the only reference (`cell_write_unique`).
    #[inline(always)]
    fn is_unique(rc: &RefCount) -> bool {
        rc.is_unique(me())
    }
}

/// Per-thread state: the thread's id and merge-queue flag, and `atomic`'s state.
pub struct BiasedThread {
    inner: AtomicThread,
    id: u32,
    pending: Arc<AtomicBool>,
    repin_due: bool,
}

// SAFETY: (1) the owner's `local` is touched by its owner only (its id is unique and set while
// it is attached), everything else by atomic RMWs; `rc`'s protocol keeps the true count and
// reports "free" once, when it reaches zero, whichever path took it there (a decrement, a
// merge by the owner, or a merge in place after the owner detached, ordered after the owner's
// last write by the registry lock). (2) Contents are guarded by `atomic`'s reader-biased lock
// (docs/safety.md, A2). (3) `release` defers through `atomic`'s epochs, exactly once per object: an
// object is released by whoever saw "free", and a queued object by the one thread that merges
// it. (4) Nothing blocks but the registry lock, held for a push or a take, never across
// Python code; `atomic`'s pins never wait.
unsafe impl Backend for Biased {
    const FACTS: Facts = Facts {
        description: "no GIL; biased counts: owner-local plain, others atomic, merged via owner queues",
        strategy: Strategy::BiasedCounts,
        gil: None,
        counters: &[
            Counter::LockAcquisitions,
            Counter::ContendedAcquisitions,
            Counter::DeferredFrees,
            Counter::Queued,
            Counter::Merges,
            Counter::UnlockedReads,
            Counter::BiasRevocations,
            Counter::SharedCountOps,
        ],
    };

    type RefCount = RefCount;
    type Cell<T: Send + Sync> = gillab_backend_atomic::rbias::ReadBiasedCell<T>;
    type Thread = BiasedThread;

    fn new() -> Biased {
        Biased { inner: Atomic::new() }
    }

    #[inline(always)]
    fn rc_new() -> RefCount {
        let me = me();
        RefCount::new(if me == UNATTACHED { NO_OWNER } else { me })
    }

    #[inline(always)]
    fn incref(rc: &RefCount) {
        rc.incref(me());
    }

    #[inline(always)]
    fn decref(rc: &RefCount) -> bool {
        match rc.decref(me()) {
            Decref::Keep => false,
            Decref::Free => true,
            Decref::Queue(owner) => queue_to(owner, rc),
        }
    }

    #[inline]
    fn immortalize(rc: &RefCount) -> bool {
        rc.immortalize()
    }

    #[inline(always)]
    fn is_immortal(rc: &RefCount) -> bool {
        rc.is_immortal()
    }

    fn refcount(rc: &RefCount) -> isize {
        // As in `atomic`: a dead container's references go only when its deferred destructor
        // runs, so let this thread's pending frees finish first.
        settle_deferred_frees();
        rc.get()
    }

    gillab_backend_atomic::read_biased_cell_methods!();

    unsafe fn release(ptr: NonNull<u8>, destroy: unsafe fn(NonNull<u8>)) {
        // SAFETY: the VM's objects start with their count (`release_by_header`), and the
        // object is still allocated: its destructor has not run (release's contract).
        let rc = unsafe { ptr.cast::<RefCount>().as_ref() };
        if rc.owner() == me() {
            // Died on its owner's fast path: no other thread's count ever stayed on it (the
            // shared count was zero when the local one reached zero, and it was never merged),
            // and the VM reads shared slots only while writers are excluded, counting what it
            // takes; so no other thread can hold a pointer to it. Free at once, as CPython
            // does, instead of paying for the epoch on every short-lived object.
            // SAFETY: `ptr`'s count reached zero once and `destroy` is its destructor.
            unsafe { destroy(ptr) }
        } else {
            let _ = DEFERRED.try_with(|d| d.set(true));
            // SAFETY: forwarded: `ptr`'s count reached zero once and `destroy` is its
            // destructor; `atomic`'s release only defers `destroy(ptr)` through its epochs.
            unsafe { <Atomic as Backend>::release(ptr, destroy) }
        }
    }

    fn attach(&self) -> BiasedThread {
        // The epoch handle first: merges during this thread's life defer their frees.
        let inner = self.inner.attach();
        let id = ME.with(|m| {
            if m.get() == UNATTACHED {
                m.set(queue::fresh_id());
            }
            m.get()
        });
        let pending = queue::register(id);
        BiasedThread { inner, id, pending, repin_due: false }
    }

    fn detach(&self, thread: BiasedThread) {
        // Drain until the queue is empty and unregistered in one critical section; from then
        // on objects this thread owned are merged in place by whoever queues them.
        loop {
            let objects = queue::take(thread.id, true);
            if objects.is_empty() {
                break;
            }
            merge_all(objects);
        }
        // From now on other threads may merge this thread's objects in place, so destructors
        // that run while `atomic` detaches (other threads may be attached) take the shared
        // path. Afterwards the thread keeps its id, so that what it builds or tears down while
        // it is the VM's only thread (the VM's own objects are made between an attach and a
        // detach in `Vm::new`, before the thread that runs the program attaches again) stays
        // owned by it and takes the owner path once it attaches again.
        ME.with(|m| m.set(UNATTACHED));
        self.inner.detach(thread.inner);
        ME.with(|m| m.set(thread.id));
        // Last: the destructors `atomic`'s detach ran may have queued objects too.
        flush_counters();
    }

    #[inline(always)]
    fn breaker(&self, thread: &mut BiasedThread) -> bool {
        if self.inner.breaker(&mut thread.inner) {
            thread.repin_due = true;
            return true;
        }
        // Relaxed: a hint; the queued objects are handed over under the registry lock.
        thread.pending.load(Ordering::Relaxed)
    }

    fn poll(&self, thread: &mut BiasedThread) {
        // Relaxed: as in `breaker`.
        if thread.pending.load(Ordering::Relaxed) {
            merge_all(queue::take(thread.id, false));
        }
        // Flush the epoch only if this thread deferred frees: most objects are freed at once
        // here, and a thread that is not pinned holds no other thread's frees back.
        if std::mem::take(&mut thread.repin_due) && DEFERRED.with(|d| d.replace(false)) {
            self.inner.poll(&mut thread.inner);
        }
    }

    fn allow_threads<R>(&self, thread: &mut BiasedThread, f: impl FnOnce() -> R) -> R {
        self.inner.allow_threads(&mut thread.inner, f)
    }

    fn stats(&self) -> Stats {
        flush_counters();
        Stats {
            // Relaxed: see `flush_counters`.
            queued: Some(TOTAL_QUEUED.load(Ordering::Relaxed)),
            merges: Some(TOTAL_MERGES.load(Ordering::Relaxed)),
            shared_count_ops: Some(TOTAL_SHARED_OPS.load(Ordering::Relaxed)),
            // Biased counts make no CAS retries of `atomic`'s kind: not offered.
            cas_retries: None,
            try_incref_failures: None,
            ..self.inner.stats()
        }
    }
}

/// A non-owner's decrement found the shared count at zero: hand the object to its owner, or,
/// when the owner has detached, merge it here. `true` when the object must be released now.
#[cold]
fn queue_to(owner: u32, rc: &RefCount) -> bool {
    bump(&QUEUED);
    match queue::push(owner, Queued(NonNull::from(rc))) {
        None => false,
        Some(_) => {
            bump(&MERGES);
            rc.merge(-1) == 0
        }
    }
}
