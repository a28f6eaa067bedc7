//! The `atomic` backend: no GIL, reference counts updated with atomic compare-and-swap, a
//! reader-biased lock around each object's mutable contents (reads of read-mostly objects take
//! no lock and write nothing shared: [`rbias`]), and frees deferred through epoch-based
//! reclamation ([`crossbeam_epoch`]).
//!
//! ## The algorithm
//!
//! - **Counts.** Every object header holds one [`AtomicIsize`] ([`RefCount`]). `incref` and
//!   `decref` are explicit `compare_exchange_weak` retry loops (load, compute, CAS, and on
//!   failure retry with the value the CAS saw); every failed CAS is counted as a retry. The
//!   orderings are the classic `Arc` protocol: `incref` is `Relaxed`, `decref` is `Release`,
//!   and the decrement that reaches zero is followed by an `Acquire` fence before the object is
//!   freed. [`RefCount::try_incref`] increments only a count that is still positive: the
//!   primitive a lock-free reader will use to turn a pointer it loaded into an owned
//!   reference.
//! - **Contents.** A [`rbias::ReadBiasedCell`] per guarded cell: writers and reads of cells
//!   that are not biased hold its mutex for the closure; reads of biased cells go through the
//!   reading thread's own slot (the protocol and its state table are in [`rbias`]).
//! - **Frees.** [`Backend::release`] does not destroy the object: it queues it on the calling
//!   thread, and every [`DEFER_BATCH`] objects (and at every flush) the thread pins in the VM's
//!   epoch [`Collector`] once and defers one function that destroys the whole batch
//!   (`guard.defer_unchecked(move || for job in batch { job.run() })`), so a free costs a push
//!   rather than a pin. The batch runs once every thread that was pinned when it was deferred
//!   has unpinned; every object in it reached zero before that pin, so a reader that loaded a
//!   pointer under a pin may still dereference it until it unpins. Deferred destructors run when a
//!   thread's pin collects (crossbeam does so every 128th pin), when a thread flushes in
//!   [`Backend::poll`] (every [`REPIN_EVERY`] polls) or in [`Backend::detach`], and, for what
//!   is still pending at the end, when the backend (and so its collector) is dropped, after
//!   the VM's teardown has detached the last thread. One visible difference from freeing at
//!   once: a dead container's references to its items are dropped only when its destructor
//!   runs, so `sys.getrefcount` ([`Backend::refcount`]) first lets this thread's pending frees
//!   finish, as far as the epoch allows, and then reads the count.
//!
//! Each VM's backend value owns one [`Collector`]. [`Backend::attach`] registers a
//! [`LocalHandle`] for the calling thread and keeps it (and a clone of the collector) in a
//! thread-local, because `release` is given no backend or thread state; so a thread may be
//! attached to at most one `atomic` VM at a time (attach asserts it).
//!
//! ## The reference-count protocol
//!
//! | count | `incref` | `decref` | `try_incref` |
//! |---|---|---|---|
//! | `n > 1` | `n + 1` | `n - 1`, returns `false` | `n + 1`, returns `true` |
//! | `1` | `2` | `0`, returns `true`: `Acquire` fence, then `release` defers the destructor | `2`, returns `true` (the reader now owns a count; the decref that would have been last is not) |
//! | `0` (dead, memory kept until the grace period ends) | never (the caller would own a count) | never | stays `0`, returns `false` (counted in `try_incref_failures`) |
//! | freed (destructor ran) | never | never | never: a reader only calls it under a pin taken before the object was unlinked, which delays the destructor |
//! | immortal (`n ≥ 2^62`, [`RefCount::immortalize`]; the bit is never cleared) | no write | no write, returns `false` | no write, returns `true` |
//!
//! Zero is terminal: no operation ever moves a count from `0`, because `incref`/`decref` are
//! only called by an owner of a count and `try_incref` refuses `0`. A CAS reads the latest
//! value of the count in its modification order, so `try_incref` can never succeed after the
//! decrement to zero, and `decref` returns `true` exactly once per object.
//!
//! ## Why there is no deadlock
//!
//! The same argument as `objlock`, with one lock fewer: counts take no lock at all, and
//!
//! 1. contents locks nest only in one direction: an iterator's lock may be held while its
//!    container's is taken, never the reverse, and no other contents lock is taken inside a
//!    contents guard (the VM copies out first);
//! 2. no Python code runs under any lock (docs/safety.md, I3);
//! 3. a deferred destructor may run inside any `release` or `poll` (when the pin collects),
//!    i.e. possibly inside a contents guard. Destruction takes no contents lock (a payload is
//!    dropped through its unique owner, `cell_get_mut`) and only decrements other objects'
//!    counts and defers their frees, which take no lock either; crossbeam's queue is
//!    lock-free.
//!
//! | operation | locks taken |
//! |---|---|
//! | incref / decref / try_incref | none (CAS loop) |
//! | `cell_read` / `cell_write` | the object's contents mutex for the closure's duration; none for a read of a biased cell (a slot of the reader's own) |
//! | `release` | none (a push onto the thread's batch; every [`DEFER_BATCH`] objects, a pin and a push into the thread's bag of deferred functions) |
//! | attach / detach / eval breaker | none |
//! | `allow_threads` | none (there is nothing to release; the thread is never pinned across it) |
//!
//! ## Reads without a lock
//!
//! Reads of read-mostly objects take no lock ([`rbias`]), but they still exclude writers and
//! still count what they take, so no reader ever holds an uncounted pointer: frees deferred
//! through the epoch are not needed for soundness today. They are the strategy this backend
//! measures, and they would let optimistic readers that load a slot under a pin and
//! [`RefCount::try_incref`] it (CPython 3.13t's `_Py_TryIncrefCompare`) be added without a
//! change to reclamation.

mod epoch;
pub mod marker;
pub mod rbias;

pub use epoch::settle_deferred_frees;
use epoch::{EPOCH, Job, SendPtr};

use crossbeam_epoch::Collector;
use gillab_vm::backend::{Backend, Counter, Facts, Stats, Strategy};
use std::cell::Cell as StdCell;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU64, Ordering};

// The count's atomics come from loom when the crate is model-checked (`.ci/loom`).
#[cfg(loom)]
use loom::sync::atomic::{AtomicIsize, fence};
#[cfg(not(loom))]
use std::sync::atomic::{AtomicIsize, fence};

/// The eval breaker asks for [`Backend::poll`] once every this many checks (a power of two);
/// `poll` then pins and flushes so that epochs advance and deferred frees run.
pub const REPIN_EVERY: u32 = 128;

/// How many flush-and-repin rounds [`Backend::detach`] does before unregistering: the global
/// epoch advances at most once per round, and a bag of deferred frees runs two advances after
/// it was sealed.
const DETACH_FLUSHES: usize = 3;

/// How many released objects go to the epoch as one deferred function (crossbeam-epoch's own
/// bags hold 64 deferred functions, so one bag now holds up to 64 × 64 objects).
pub const DEFER_BATCH: usize = 64;

/// The most flush rounds [`Backend::refcount`] spends letting pending frees finish.
const SETTLE_MAX_ROUNDS: usize = 64;

/// Per-thread counters, flushed into the process totals when the thread exits (so the
/// counting itself adds no shared-cache-line traffic).
struct Counters {
    cas_retries: StdCell<u64>,
    try_incref_failures: StdCell<u64>,
    deferred_frees: StdCell<u64>,
}

static TOTAL_CAS_RETRIES: AtomicU64 = AtomicU64::new(0);
static TOTAL_TRY_INCREF_FAILURES: AtomicU64 = AtomicU64::new(0);
static TOTAL_DEFERRED_FREES: AtomicU64 = AtomicU64::new(0);

impl Counters {
    /// This thread's counts, zeroed, in the order of [`Counters::totals`].
    fn take(&self) -> [u64; 3] {
        [
            self.cas_retries.replace(0),
            self.try_incref_failures.replace(0),
            self.deferred_frees.replace(0),
        ]
    }

    fn totals() -> [&'static AtomicU64; 3] {
        [&TOTAL_CAS_RETRIES, &TOTAL_TRY_INCREF_FAILURES, &TOTAL_DEFERRED_FREES]
    }
}

impl Drop for Counters {
    fn drop(&mut self) {
        for (total, n) in Counters::totals().into_iter().zip(self.take()) {
            // Relaxed: read after the threads that touched them were joined.
            total.fetch_add(n, Ordering::Relaxed);
        }
    }
}

thread_local! {
    static COUNTERS: Counters = const {
        Counters {
            cas_retries: StdCell::new(0),
            try_incref_failures: StdCell::new(0),
            deferred_frees: StdCell::new(0),
        }
    };
}

/// Adds `n` to one of this thread's counters (a no-op while the thread is exiting).
#[inline(always)]
fn count(field: fn(&Counters) -> &StdCell<u64>, n: u64) {
    let _ = COUNTERS.try_with(|c| {
        let cell = field(c);
        cell.set(cell.get() + n);
    });
}

/// Counts the failed CASes of one retry loop; kept off the uncontended path.
#[cold]
fn count_retries(n: u64) {
    count(|c| &c.cas_retries, n);
}

/// The bit that marks an immortal count ([`RefCount::immortalize`]): set on top of the true
/// count, which no program reaches (2^62 references), and never cleared.
const IMMORTAL: isize = 1 << 62;

/// What `sys.getrefcount` reports for an immortal object: CPython 3.12's `_Py_IMMORTAL_REFCNT`
/// on 64-bit platforms (CPython 3.11, which has no immortal objects, prints the true count).
pub const IMMORTAL_REFCNT: isize = u32::MAX as isize;

/// A reference count: one atomic integer, updated by compare-and-swap retry loops.
pub struct RefCount {
    count: AtomicIsize,
}

impl RefCount {
    /// A count of one, owned by the caller.
    #[inline(always)]
    #[allow(clippy::new_without_default)] // a count is created for an owner, never defaulted
    pub fn new() -> RefCount {
        RefCount { count: AtomicIsize::new(1) }
    }

    /// Adds one reference. The caller must own one already (the count is at least one).
    #[inline(always)]
    pub fn incref(&self) {
        let mut cur = self.count.load(Ordering::Relaxed);
        if cur >= IMMORTAL {
            // Immortal: the count is not kept, so sharing the object writes nothing shared.
            return;
        }
        let mut retries = 0;
        // Relaxed (success and failure): the caller owns a reference, so the object cannot be
        // freed meanwhile, and a new reference is handed to another thread only through
        // something that synchronises on its own (a contents lock, a thread start), as for
        // `Arc::clone`. The increment itself publishes nothing.
        while let Err(seen) =
            self.count.compare_exchange_weak(cur, cur + 1, Ordering::Relaxed, Ordering::Relaxed)
        {
            if seen >= IMMORTAL {
                break; // made immortal meanwhile
            }
            cur = seen;
            retries += 1;
        }
        if retries != 0 {
            count_retries(retries);
        }
    }

    /// Drops one reference owned by the caller; `true` when it was the last one, and the
    /// object must now be released. Returns `true` exactly once per object.
    #[inline(always)]
    pub fn decref(&self) -> bool {
        let mut cur = self.count.load(Ordering::Relaxed);
        if cur >= IMMORTAL {
            return false;
        }
        let mut retries = 0;
        // Release on success: this thread's accesses to the object (and its writes to what it
        // owned) must happen before whoever frees it, so every decrement publishes them; the
        // freeing thread's Acquire fence below pairs with all of them (decrements are RMWs,
        // so they form one release sequence). Relaxed on failure: a failed CAS only tells us
        // the current value to retry with, and publishes nothing.
        while let Err(seen) =
            self.count.compare_exchange_weak(cur, cur - 1, Ordering::Release, Ordering::Relaxed)
        {
            if seen >= IMMORTAL {
                return false; // made immortal meanwhile: never reported dead
            }
            cur = seen;
            retries += 1;
        }
        if retries != 0 {
            count_retries(retries);
        }
        if cur != 1 {
            return false;
        }
        // Acquire: synchronises with every earlier Release decrement, so the destructor sees
        // everything other owners did to the object before they let go (the `Arc` protocol).
        // Under ThreadSanitizer, which does not model standalone fences, an Acquire load of
        // the count does the same job (it reads the zero written at the end of the release
        // sequence), exactly as `std::sync::Arc` does when built with TSan.
        #[cfg(not(gillab_tsan))]
        fence(Ordering::Acquire);
        #[cfg(gillab_tsan)]
        let _ = self.count.load(Ordering::Acquire);
        true
    }

    /// Adds one reference only if the count is still positive: `true` when the caller now
    /// owns a reference, `false` when the object is already dead (its count reached zero and
    /// its destructor is deferred). Failures are counted in the `try_incref_failures` stat.
    ///
    /// This is the primitive for reading a pointer out of a shared slot without a lock: the
    /// caller must hold an epoch pin taken before it loaded the pointer, so that the memory
    /// stays valid until this returns even if the count reached zero meanwhile.
    #[inline]
    pub fn try_incref(&self) -> bool {
        let mut cur = self.count.load(Ordering::Relaxed);
        let mut retries = 0;
        let ok = loop {
            if cur <= 0 {
                break false;
            }
            if cur >= IMMORTAL {
                break true;
            }
            // Relaxed (success and failure), as in `incref`: the increment publishes nothing;
            // the memory is kept valid by the caller's pin (crossbeam's pin and collect are
            // SeqCst-fenced), and the object's contents are published to the reader by
            // however it obtained the pointer. A CAS reads the latest value in the count's
            // modification order, so success means the count was still positive then, and
            // since zero is terminal the object was not dead.
            match self.count.compare_exchange_weak(
                cur,
                cur + 1,
                Ordering::Relaxed,
                Ordering::Relaxed,
            ) {
                Ok(_) => break true,
                Err(seen) => {
                    cur = seen;
                    retries += 1;
                }
            }
        };
        if retries != 0 {
            count_retries(retries);
        }
        if !ok {
            count(|c| &c.try_incref_failures, 1);
        }
        ok
    }

    /// Whether the caller's reference is the only one (the caller must hold one).
    #[inline(always)]
    pub fn is_unique(&self) -> bool {
        // Acquire: pairs with the Release decrements of the other threads that held
        // references, so that what they did to the object happens before the caller's
        // unsynchronised access (as `Arc::get_mut` does).
        self.count.load(Ordering::Acquire) == 1
    }

    /// Makes the count immortal (PEP 683): from now on `incref` and `decref` read it and
    /// write nothing, `decref` never reports zero, and `try_incref` always succeeds. `true`
    /// when this call did it. The caller holds a reference, so the true count is at least one
    /// and zero (terminal) cannot be reached meanwhile.
    pub fn immortalize(&self) -> bool {
        // Relaxed: immortality publishes nothing; a CAS racing this `fetch_or` fails, rereads
        // and sees the bit. Counts are below 2^62, so the bit was clear unless already set.
        self.count.fetch_or(IMMORTAL, Ordering::Relaxed) & IMMORTAL == 0
    }

    /// Whether the count is immortal.
    #[inline(always)]
    pub fn is_immortal(&self) -> bool {
        self.count.load(Ordering::Relaxed) >= IMMORTAL
    }

    /// The current count (approximate while other threads change it); [`IMMORTAL_REFCNT`] for
    /// an immortal object.
    pub fn get(&self) -> isize {
        let n = self.count.load(Ordering::Relaxed);
        if n >= IMMORTAL { IMMORTAL_REFCNT } else { n }
    }
}

/// The backend: one epoch collector per VM.
pub struct Atomic {
    collector: Collector,
}

impl Atomic {
    /// Whether the calling thread holds the only reference (`cell_write_unique`).
    #[inline(always)]
    fn is_unique(rc: &RefCount) -> bool {
        rc.is_unique()
    }
}

/// Per-thread state: the eval-breaker countdown (the epoch handle lives in a thread-local,
/// where `release` can reach it).
pub struct AtomicThread {
    polls: u32,
}

// SAFETY: (1) counts are atomics updated only by CAS, so increments and decrements never race,
// and `decref` returns true once, for the CAS that took the count from 1 to 0 (zero is terminal;
// see the module docs). (2) Contents are guarded by a reader-biased lock that excludes writers
// from every reader for the closure's duration (docs/safety.md, A2). (3) `release` hands the
// destructor to the epoch collector exactly once; it runs after every thread pinned at that
// time unpins. Every reader also increments while the writer is excluded, before the writer
// that removes the value decrements it (as in `objlock`), so
// no reference loaded before the count reached zero survives it; the pin additionally covers
// lock-free readers. A thread with no collector in its thread-local frees at once: it is not
// attached, which for the VM means a VM teardown after every thread detached (see `release`).
// (4) Nothing here blocks: there is no global lock, and pins never wait.
unsafe impl Backend for Atomic {
    const FACTS: Facts = Facts {
        description: "no GIL; CAS reference counts, reader-biased contents locks, epoch-deferred frees",
        strategy: Strategy::AtomicCounts,
        gil: None,
        counters: &[
            Counter::LockAcquisitions,
            Counter::ContendedAcquisitions,
            Counter::CasRetries,
            Counter::TryIncrefFailures,
            Counter::DeferredFrees,
            Counter::UnlockedReads,
            Counter::BiasRevocations,
        ],
    };

    type RefCount = RefCount;
    type Cell<T: Send + Sync> = rbias::ReadBiasedCell<T>;
    type Thread = AtomicThread;

    fn new() -> Atomic {
        Atomic { collector: Collector::new() }
    }

    #[inline(always)]
    fn rc_new() -> RefCount {
        RefCount::new()
    }

    #[inline(always)]
    fn incref(rc: &RefCount) {
        rc.incref();
    }

    #[inline(always)]
    fn decref(rc: &RefCount) -> bool {
        rc.decref()
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
        // `sys.getrefcount` is the only caller. A dead container's references are dropped only
        // when its deferred destructor runs, so a count read right after `del container` would
        // still include them (CPython frees at once). Let this thread's pending frees that can
        // run now finish first, so the count reflects live referrers only.
        settle_deferred_frees();
        rc.get()
    }

    crate::read_biased_cell_methods!();

    unsafe fn release(ptr: NonNull<u8>, destroy: unsafe fn(NonNull<u8>)) {
        let job = Job { ptr: SendPtr(ptr), destroy };
        let undeferred = match EPOCH.try_with(|e| e.defer(job)) {
            Ok(Ok(())) => None,
            Ok(Err(job)) => Some(job),
            // The thread-local is gone: the thread is exiting, so it is not attached either.
            // `try_with` did not run the closure, so `job` was dropped unrun; rebuild it.
            Err(_) => Some(Job { ptr: SendPtr(ptr), destroy }),
        };
        if let Some(job) = undeferred {
            // SAFETY: `ptr`'s count just reached zero and `destroy` is its destructor
            // (release's contract), and it was not deferred, so this is its only run. This
            // thread has no collector, so it is not attached to any VM; the VM releases
            // objects only from attached threads (I1) except when a backend is dropped, whose
            // collector then runs its pending destructors, which release their children here.
            // A collector is dropped only once no handle is registered in it, i.e. once every
            // thread has detached, so no thread can reach the object (B3).
            unsafe { job.run() }
        }
    }

    fn attach(&self) -> AtomicThread {
        EPOCH.with(|e| {
            let mut collector = e.collector.borrow_mut();
            assert!(
                collector.is_none(),
                "a thread may be attached to only one `atomic` VM at a time"
            );
            *e.handle.borrow_mut() = Some(self.collector.register());
            *collector = Some(self.collector.clone());
        });
        AtomicThread { polls: 0 }
    }

    fn detach(&self, _thread: AtomicThread) {
        let _ = EPOCH.try_with(|e| {
            // Let the epoch advance a few times and run what has expired, while still
            // registered (destructors that run defer their children through this handle).
            e.flush(DETACH_FLUSHES);
            // Unregister. Dropping a handle pins it a last time, which may run expired
            // destructors; their children re-register (see `EpochLocal::defer`), so drop
            // handles until none is left. Take each out first: no borrow may be held while
            // one is dropped.
            loop {
                e.hand_over();
                let handle = e.handle.borrow_mut().take();
                match handle {
                    Some(h) => drop(h),
                    None if e.pending.borrow().is_empty() => break,
                    None => {}
                }
            }
            e.collector.borrow_mut().take();
        });
    }

    #[inline(always)]
    fn breaker(&self, thread: &mut AtomicThread) -> bool {
        thread.polls = thread.polls.wrapping_add(1);
        thread.polls.is_multiple_of(REPIN_EVERY)
    }

    fn poll(&self, _thread: &mut AtomicThread) {
        // Pin afresh (the thread is not pinned between releases) and flush: this thread's bag
        // goes to the global queue, the epoch advances if every pinned thread has seen it,
        // and up to a few bags of expired destructors run.
        let _ = EPOCH.try_with(|e| e.flush(1));
    }

    fn allow_threads<R>(&self, _thread: &mut AtomicThread, f: impl FnOnce() -> R) -> R {
        // No pin is held between operations, so a blocked thread never holds the epoch back.
        f()
    }

    fn stats(&self) -> Stats {
        let mine = COUNTERS.try_with(Counters::take).unwrap_or_default();
        let mut all = [0u64; 3];
        for ((sum, total), n) in all.iter_mut().zip(Counters::totals()).zip(mine) {
            // Relaxed: see `Counters::drop`.
            *sum = total.fetch_add(n, Ordering::Relaxed) + n;
        }
        let [retries, failures, deferred] = all;
        let (acq, cont) = gillab_backend_objlock::lock_counts();
        let (unlocked, revocations) = rbias::read_counts();
        Stats {
            unlocked_reads: Some(unlocked),
            bias_revocations: Some(revocations),
            lock_acquisitions: Some(acq),
            contended_acquisitions: Some(cont),
            cas_retries: Some(retries),
            try_incref_failures: Some(failures),
            deferred_frees: Some(deferred),
            ..Stats::default()
        }
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn counts_follow_the_protocol() {
        let rc = RefCount::new();
        assert_eq!(rc.get(), 1);
        rc.incref();
        assert!(rc.try_incref());
        assert_eq!(rc.get(), 3);
        assert!(!rc.decref());
        assert!(!rc.decref());
        assert!(rc.decref(), "the last decref reports zero");
        assert_eq!(rc.get(), 0);
        assert!(!rc.try_incref(), "a dead object cannot be revived");
        assert_eq!(rc.get(), 0, "a failed try_incref leaves the count alone");
    }

    #[test]
    fn try_incref_failures_are_counted() {
        let before = COUNTERS.with(|c| c.try_incref_failures.get());
        let rc = RefCount::new();
        assert!(rc.decref());
        assert!(!rc.try_incref());
        assert!(!rc.try_incref());
        assert_eq!(COUNTERS.with(|c| c.try_incref_failures.get()), before + 2);
    }

    #[test]
    fn concurrent_updates_are_not_lost() {
        let rc = Arc::new(RefCount::new());
        let zeros = AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..100_000 {
                        rc.incref();
                        if rc.decref() {
                            zeros.fetch_add(1, Ordering::Relaxed);
                        }
                        if rc.try_incref() && rc.decref() {
                            zeros.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                });
            }
        });
        assert_eq!(rc.get(), 1);
        assert_eq!(zeros.load(Ordering::Relaxed), 0, "the owner's count kept it alive");
        assert!(rc.decref());
    }

    static DESTROYED: AtomicUsize = AtomicUsize::new(0);

    /// A stand-in destructor: frees a `Box<u64>` and counts.
    unsafe fn destroy_box(ptr: NonNull<u8>) {
        // SAFETY: the tests pass pointers from `Box::into_raw` of a `Box<u64>`, once each.
        drop(unsafe { Box::from_raw(ptr.cast::<u64>().as_ptr()) });
        DESTROYED.fetch_add(1, Ordering::Relaxed);
    }

    fn boxed() -> NonNull<u8> {
        NonNull::from(Box::leak(Box::new(7u64))).cast()
    }

    /// Deferred frees all run by the time the backend is dropped, whatever thread deferred
    /// them; frees on a thread that is not attached run at once. (One test, because the
    /// destructor counter is shared.)
    #[test]
    fn releases_are_deferred_and_all_run_by_teardown() {
        let start = DESTROYED.load(Ordering::Relaxed);
        let backend = Atomic::new();
        let n = 1000;
        let deferred_before = COUNTERS.with(|c| c.deferred_frees.get());
        std::thread::scope(|s| {
            for _ in 0..3 {
                s.spawn(|| {
                    let mut t = backend.attach();
                    for i in 0..n {
                        // SAFETY: a fresh box, released once, with its destructor.
                        unsafe { Atomic::release(boxed(), destroy_box) };
                        if backend.breaker(&mut t) || i % 7 == 0 {
                            backend.poll(&mut t);
                        }
                    }
                    backend.detach(t);
                });
            }
            let t = backend.attach();
            // SAFETY: as above.
            unsafe { Atomic::release(boxed(), destroy_box) };
            assert_eq!(COUNTERS.with(|c| c.deferred_frees.get()), deferred_before + 1);
            backend.detach(t);
        });
        drop(backend);
        assert_eq!(DESTROYED.load(Ordering::Relaxed) - start, 3 * n + 1);

        // Not attached: freed at once.
        // SAFETY: as above.
        unsafe { Atomic::release(boxed(), destroy_box) };
        assert_eq!(DESTROYED.load(Ordering::Relaxed) - start, 3 * n + 2);
    }

    #[test]
    #[should_panic(expected = "only one `atomic` VM")]
    fn one_vm_per_thread() {
        let a = Atomic::new();
        let b = Atomic::new();
        let _ta = a.attach();
        let _tb = b.attach();
    }

    #[test]
    fn breaker_fires_every_repin_interval() {
        let backend = Atomic::new();
        let mut t = AtomicThread { polls: 0 };
        let fired = (0..REPIN_EVERY * 4).filter(|_| backend.breaker(&mut t)).count();
        assert_eq!(fired, 4);
    }

    #[test]
    fn stats_has_every_counter() {
        let backend = Atomic::new();
        let cell = Atomic::cell_new(5u32);
        Atomic::cell_write(&cell, |v| *v += 1);
        assert_eq!(Atomic::cell_read(&cell, |v| *v), 6);
        let stats = backend.stats();
        let mut declared = Atomic::FACTS.counters.to_vec();
        declared.sort();
        assert_eq!(stats.offered(), declared);
        assert!(stats.lock_acquisitions.is_some_and(|n| n >= 2), "{stats:?}");
    }
}
