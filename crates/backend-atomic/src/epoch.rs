//! The calling thread's side of `atomic`'s deferred frees: its registration with the VM's
//! epoch collector (`EpochLocal`, a thread-local because `release` gets no thread state), the
//! batch of released objects it is filling, and the sealed batches waiting for their grace
//! period (each with a [`crate::marker`] flag). A batch is freed by the thread that released
//! it, once its marker has run; at `detach` the rest go to the collector whole.

use super::{DEFER_BATCH, SETTLE_MAX_ROUNDS, count, marker};
use crossbeam_epoch::{Collector, LocalHandle};
use std::cell::{Cell as StdCell, RefCell};
use std::collections::VecDeque;
use std::ptr::NonNull;

/// An object whose count reached zero, with its destructor: what `release` defers.
pub(crate) struct Job {
    pub(crate) ptr: SendPtr,
    pub(crate) destroy: unsafe fn(NonNull<u8>),
}

/// The object pointer of a [`Job`], which may run on another thread.
pub(crate) struct SendPtr(pub(crate) NonNull<u8>);

// SAFETY: the pointer is to an object whose count reached zero, so it is owned by the `Job`
// alone; the VM's objects may be freed on any thread (a `PyRef` is `Send`, and `destroy`
// touches only the object and the calling thread's free list).
unsafe impl Send for SendPtr {}

impl Job {
    /// Runs the destructor.
    ///
    /// # Safety
    /// Exactly once per object, and only when no attached thread can still reach the object
    /// through a reference it loaded before the count reached zero (B3).
    pub(crate) unsafe fn run(self) {
        // SAFETY: the `Job` was built by `release` from an object whose `decref` returned
        // true and its destructor (release's contract); the caller guarantees timing and
        // uniqueness.
        unsafe { (self.destroy)(self.ptr.0) }
    }
}

/// A batch of released objects waiting for its grace period, which is over once `expired` is
/// set (by a marker deferred through the epoch when the batch was sealed).
pub(crate) struct Waiting {
    pub(crate) expired: marker::Flag,
    pub(crate) batch: Vec<Job>,
}

/// The calling thread's registration with the collector of the VM it is attached to.
pub(crate) struct EpochLocal {
    /// The VM's collector, from `attach` until the end of `detach`: while it is set the thread
    /// counts as attached, and a `release` must defer.
    pub(crate) collector: RefCell<Option<Collector>>,
    /// This thread's handle in that collector.
    pub(crate) handle: RefCell<Option<LocalHandle>>,
    /// Objects released since the last batch was sealed: they go to the epoch together, one
    /// deferred function per [`DEFER_BATCH`] objects (crossbeam-epoch's own batching idea,
    /// one level up), so a release costs a push, not a pin.
    pub(crate) pending: RefCell<Vec<Job>>,
    /// Sealed batches, oldest first, each waiting for its marker: the batch stays with the
    /// thread that released it, which frees it itself (into its own free list) once the
    /// grace period is over, instead of letting whichever thread collects the epoch's garbage
    /// free another thread's objects.
    pub(crate) waiting: RefCell<VecDeque<Waiting>>,
}

thread_local! {
    pub(crate) static EPOCH: EpochLocal = const {
        EpochLocal {
            collector: RefCell::new(None),
            handle: RefCell::new(None),
            pending: RefCell::new(Vec::new()),
            waiting: RefCell::new(VecDeque::new()),
        }
    };
    /// Deferred destructors this thread has run (for [`EpochLocal::settle`]).
    static DEFERRED_RUN: StdCell<u64> = const { StdCell::new(0) };
}

/// Runs a batch's destructors.
///
/// # Safety
/// Each job's object reached zero before the batch's grace period began, and the grace period
/// is over (B3); each batch runs once.
unsafe fn run_batch(batch: Vec<Job>) {
    let n = batch.len() as u64;
    for job in batch {
        // SAFETY: forwarded from this function's contract.
        unsafe { job.run() };
    }
    let _ = DEFERRED_RUN.try_with(|r| r.set(r.get() + n));
}

impl EpochLocal {
    /// Queues `job` to be deferred with this thread's next batch; hands it back when the
    /// thread is not attached (no collector), for the caller to run at once.
    #[inline]
    pub(crate) fn defer(&self, job: Job) -> Result<(), Job> {
        if self.collector.borrow().is_none() {
            return Err(job);
        }
        count(|c| &c.deferred_frees, 1);
        let full = {
            let mut pending = self.pending.borrow_mut();
            if pending.capacity() == 0 {
                pending.reserve_exact(DEFER_BATCH);
            }
            pending.push(job);
            pending.len() >= DEFER_BATCH
        };
        if full {
            self.seal();
        }
        Ok(())
    }

    /// Runs `f` with a pin of this thread's handle, registering a fresh handle when `detach`
    /// has just dropped it (its last pin ran expired destructors, whose children come here;
    /// other threads may still be attached, so they must be deferred too: `detach` drops
    /// every handle it finds until none is left). The thread has a collector.
    pub(crate) fn pinned<R>(&self, f: impl FnOnce(&crossbeam_epoch::Guard) -> R) -> R {
        loop {
            // Only shared borrows are held while pinned: a pin may run deferred functions.
            if let Some(handle) = self.handle.borrow().as_ref() {
                return f(&handle.pin());
            }
            let fresh = self.collector.borrow().as_ref().map(Collector::register);
            match fresh {
                Some(handle) => *self.handle.borrow_mut() = Some(handle),
                None => unreachable!("pinned is called only with a collector set"),
            }
        }
    }

    /// Seals this thread's pending objects into a batch that waits for a grace period: a
    /// marker deferred through the epoch sets the batch's flag once every thread pinned now
    /// has unpinned (a no-op when none is pending). The thread has a collector.
    pub(crate) fn seal(&self) {
        let batch = std::mem::take(&mut *self.pending.borrow_mut());
        if batch.is_empty() {
            return;
        }
        let (expired, marker) = marker::pair();
        self.pinned(|guard| {
            // The marker's release (see `marker`) pairs with the Acquire load in `reap`, so
            // the pins and unpins that ended the grace period (which crossbeam orders before
            // running this) happen before the owner frees the batch.
            guard.defer(move || marker.expire());
        });
        self.waiting.borrow_mut().push_back(Waiting { expired, batch });
    }

    /// Frees the sealed batches whose grace period is over, oldest first.
    pub(crate) fn reap(&self) {
        loop {
            let ready = {
                let mut waiting = self.waiting.borrow_mut();
                // `expired` loads with Acquire: see `seal`.
                match waiting.front() {
                    Some(w) if w.expired.expired() => waiting.pop_front(),
                    _ => None,
                }
            };
            // No borrow is held here: destructors release children and come back to `defer`.
            let Some(w) = ready else { return };
            // SAFETY: every object in the batch reached zero before `seal` pinned and deferred
            // the marker; the marker ran, so every thread pinned then has unpinned, and a
            // thread that pinned later cannot reach the objects (B3). Popped, so run once.
            unsafe { run_batch(w.batch) };
        }
    }

    /// Hands every sealed batch (and the pending objects) to the collector itself, to be freed
    /// by whichever thread collects it: for `detach`, after which this thread frees nothing.
    pub(crate) fn hand_over(&self) {
        self.seal();
        let all: Vec<Waiting> = self.waiting.borrow_mut().drain(..).collect();
        for Waiting { expired, batch } in all {
            drop(expired);
            self.pinned(|guard| {
                // SAFETY: the closure owns only `Job`s, each a pointer (wrapped as `Send`) and
                // a function pointer: nothing borrowed from this stack, so it may run later
                // on any thread (crossbeam's requirement), once. Every object in it reached
                // zero before this pin, so deferring it now (later than its marker) only
                // delays the free (B3).
                unsafe { guard.defer_unchecked(move || run_batch(batch)) };
            });
        }
    }

    /// Seals the pending objects, pins and flushes this thread's bag into the collector (which
    /// tries to advance the epoch and runs the markers and functions that have expired), then
    /// frees this thread's batches whose grace period is over.
    pub(crate) fn flush(&self, rounds: usize) {
        if self.collector.borrow().is_none() {
            return;
        }
        self.seal();
        if let Some(handle) = self.handle.borrow().as_ref() {
            let mut guard = handle.pin();
            for _ in 0..rounds {
                guard.flush();
                guard.repin();
            }
        }
        self.reap();
    }

    /// Runs every deferred destructor that can run now: flushes and repins until a few rounds
    /// in a row run nothing (a bag runs two epoch advances after it was sealed, and the epoch
    /// advances at most once a round), or [`SETTLE_MAX_ROUNDS`] have passed. Destructors
    /// release their children, which are deferred in turn and run in later rounds, so a whole
    /// dead structure settles. Another thread that stays pinned (it is inside a `release`)
    /// holds the epoch back; then this returns early, as an approximation.
    pub(crate) fn settle(&self) {
        let ran = || DEFERRED_RUN.try_with(StdCell::get).unwrap_or(0);
        let mut idle = 0;
        for _ in 0..SETTLE_MAX_ROUNDS {
            let before = ran();
            self.flush(1);
            idle = if ran() == before { idle + 1 } else { 0 };
            if idle == 3 {
                break;
            }
        }
    }
}

/// Lets the calling thread's pending deferred frees that can run now finish (a bounded number
/// of flush rounds; see `EpochLocal::settle`). `sys.getrefcount` calls it through
/// [`Backend::refcount`]; the `biased` backend, which frees through this crate's epochs, calls
/// it directly.
pub fn settle_deferred_frees() {
    let _ = EPOCH.try_with(EpochLocal::settle);
}
