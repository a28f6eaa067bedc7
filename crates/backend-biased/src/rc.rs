//! The biased reference count: one object header's three fields and the protocol on them,
//! with the calling thread's id passed in (so that loom can model it; the backend passes the
//! id from its thread-local).
//!
//! | field | written by | meaning |
//! |---|---|---|
//! | `tid` | the owner (to `0` when it merges); anyone, once, to `IMMORTAL_TID` | owning thread's id; `0` = no owner (merged); `IMMORTAL_TID` = immortal |
//! | `local` | the owner only | references counted by the owner, plain load + store |
//! | `shared` | everyone, by atomic RMW | `count << 2 \| flags`; the count may be negative |
//!
//! `flags`: `0` default, [`QUEUED`] (a non-owner found the shared count at zero and queued the
//! object to its owner instead of going negative: the queue holds that reference), [`MERGED`]
//! (the local count was folded into the shared one and the owner gave the object up; from then
//! on every thread uses `shared`, and the object dies when it reaches `MERGED` exactly).
//!
//! | operation | state | effect | result |
//! |---|---|---|---|
//! | `incref` by owner | `tid == me` | `local += 1` (not atomic RMW) | |
//! | `incref` by other | `tid != me` | `shared += 4` (`fetch_add`) | |
//! | `decref` by owner | `local > 1` | `local -= 1` | keep |
//! | `decref` by owner | `local == 1`, `shared == 0` | `local = 0` | **free** |
//! | `decref` by owner | `local == 1`, `shared != 0` | `local = 0`, `tid = 0`, flags := `MERGED` | free if `shared` is now `MERGED`, else keep |
//! | `decref` by other | `shared == 0` | `shared = QUEUED` (count untouched) | **queue** to `tid` |
//! | `decref` by other | otherwise | `shared -= 4` | free if now `MERGED`, else keep |
//! | `merge(extra)` (owner draining its queue, or anyone once the owner detached) | any | `local = 0`, `tid = 0`, `shared = (count + local + extra) << 2 \| MERGED` | the merged count; free at `0` |
//! | `immortalize` | any | `tid = IMMORTAL_TID` (final: the merges give an object up by CAS on `tid`, which fails on it) | |
//! | any update | `tid == IMMORTAL_TID` | none | keep (a merge reports `1`) |
//!
//! The true count of an object is `local + (shared >> 2) - [queued and not yet merged]`.
//! Every row keeps it equal to the number of live references, so a row reports "free"
//! exactly when it reaches zero, and once: after `MERGED` no row moves `local` and the
//! shared count only goes down to `MERGED` once; before it, only the owner's last decrement
//! can see both halves at zero. A queued object cannot be freed before its owner merges it,
//! because the reference the queue holds is still counted in `local`.

#[cfg(loom)]
use loom::sync::atomic::{AtomicIsize, AtomicU32, Ordering};
#[cfg(not(loom))]
use std::sync::atomic::{AtomicIsize, AtomicU32, Ordering};

/// `shared`'s low bits are flags; one reference is `1 << SHIFT`.
const SHIFT: u32 = 2;
/// One reference in `shared`.
const ONE: isize = 1 << SHIFT;
/// The flag bits.
const FLAGS: isize = ONE - 1;
/// A non-owner queued the object for its owner to merge.
pub const QUEUED: isize = 2;
/// The counts were merged into `shared`; the object has no owner.
pub const MERGED: isize = 3;

/// The id of "no owner" (a merged object, or one made by a thread not attached to a VM).
pub const NO_OWNER: u32 = 0;

/// The owner id of an immortal object ([`RefCount::immortalize`]): no thread has it (thread
/// ids stop below it), and it is never replaced.
pub const IMMORTAL_TID: u32 = u32::MAX - 1;

/// What `sys.getrefcount` reports for an immortal object (as `atomic` does).
pub use gillab_backend_atomic::IMMORTAL_REFCNT;

thread_local! {
    /// This thread's count of updates on shared halves (the `shared_count_ops` counter). Under
    /// loom, whose threads share one OS thread, it is one count for the model: harmless, since
    /// no model reads it.
    pub static SHARED_OPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts one update of a shared half (kept off the owner's path).
#[inline(always)]
fn count_shared_op() {
    let _ = SHARED_OPS.try_with(|c| c.set(c.get() + 1));
}

/// What a decrement asks of the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decref {
    /// Other references remain.
    Keep,
    /// That was the last reference: release the object.
    Free,
    /// Hand the object to thread `owner`'s merge queue (the queue now holds the reference).
    Queue(u32),
}

/// A biased reference count.
pub struct RefCount {
    tid: AtomicU32,
    local: AtomicU32,
    shared: AtomicIsize,
}

impl RefCount {
    /// A count of one held by thread `owner`; [`NO_OWNER`] makes it merged from the start.
    pub fn new(owner: u32) -> RefCount {
        if owner == NO_OWNER {
            RefCount {
                tid: AtomicU32::new(NO_OWNER),
                local: AtomicU32::new(0),
                shared: AtomicIsize::new(ONE | MERGED),
            }
        } else {
            RefCount {
                tid: AtomicU32::new(owner),
                local: AtomicU32::new(1),
                shared: AtomicIsize::new(0),
            }
        }
    }

    /// Whether thread `me` owns the object. `me` is never [`NO_OWNER`] (the backend gives
    /// unattached threads an id no object carries).
    #[inline(always)]
    fn owned_by(&self, me: u32) -> bool {
        // Relaxed: `tid` changes from the owner's id to 0, written by the owner itself (the
        // owner reads its own writes, and any other thread takes the shared path whether it
        // sees the old id or 0), or to `IMMORTAL_TID`, after which no update counts.
        self.tid.load(Ordering::Relaxed) == me
    }

    /// Adds a reference held by thread `me`.
    #[inline(always)]
    pub fn incref(&self, me: u32) {
        let tid = self.tid.load(Ordering::Relaxed);
        if tid == me {
            // Only the owner touches `local`: a plain load and store (what the owner path
            // costs is the point of the scheme), atomic only so other threads may read it
            // for `refcount` without a data race.
            let l = self.local.load(Ordering::Relaxed);
            self.local.store(l + 1, Ordering::Relaxed);
        } else if tid != IMMORTAL_TID {
            self.shared_incref();
        }
    }

    #[inline(never)]
    fn shared_incref(&self) {
        count_shared_op();
        // Relaxed, as for `Arc::clone`: the new reference is derived from one the caller
        // holds, which keeps the object alive; the increment publishes nothing.
        self.shared.fetch_add(ONE, Ordering::Relaxed);
    }

    /// Drops a reference held by thread `me`.
    #[inline(always)]
    pub fn decref(&self, me: u32) -> Decref {
        let tid = self.tid.load(Ordering::Relaxed);
        if tid == me {
            let l = self.local.load(Ordering::Relaxed) - 1;
            self.local.store(l, Ordering::Relaxed);
            if l != 0 {
                return Decref::Keep;
            }
            // The common death of a short-lived object: nobody else ever kept a count on it.
            // Acquire: this thread frees the object, so every other thread's accesses,
            // published by their Release decrements of the shared count, must come first.
            if self.shared.load(Ordering::Acquire) == 0 {
                return Decref::Free;
            }
            self.merge_zero_local(me)
        } else if tid == IMMORTAL_TID {
            Decref::Keep
        } else {
            self.shared_decref()
        }
    }

    /// The owner's local count reached zero while other threads' counts are on the shared
    /// half (CPython's `_Py_MergeZeroLocalRefcount`, past its fast path).
    #[inline(never)]
    fn merge_zero_local(&self, me: u32) -> Decref {
        // Acquire: as on the fast path (the value may have changed since).
        let mut shared = self.shared.load(Ordering::Acquire);
        if shared == 0 {
            return Decref::Free;
        }
        // Give the object up before publishing MERGED: once MERGED is visible another
        // thread's decrement may free the object, after which this thread must not write it.
        // Release: a non-owner that queued the object and reads this 0 (Acquire, in
        // `shared_decref`) merges it in place and must then see `local == 0`. A CAS, not a
        // store: another thread may have made the object immortal meanwhile, and that must
        // stick (its count is no longer kept, so it is never freed by it).
        if self.tid.compare_exchange(me, NO_OWNER, Ordering::Release, Ordering::Relaxed).is_err() {
            return Decref::Keep;
        }
        loop {
            let new = (shared & !FLAGS) | MERGED;
            // AcqRel: Release publishes this thread's accesses (and the stores above) to
            // whoever frees later; Acquire, when the result means "free", orders the other
            // threads' Release decrements before our destructor.
            match self.shared.compare_exchange_weak(
                shared,
                new,
                Ordering::AcqRel,
                Ordering::Relaxed,
            ) {
                Ok(_) => return if new == MERGED { Decref::Free } else { Decref::Keep },
                Err(seen) => shared = seen,
            }
        }
    }

    /// A non-owner's decrement (CPython's `_Py_DecRefShared`).
    #[inline(never)]
    fn shared_decref(&self) -> Decref {
        count_shared_op();
        let mut shared = self.shared.load(Ordering::Relaxed);
        loop {
            let queue = shared == 0;
            let new = if queue { QUEUED } else { shared - ONE };
            // AcqRel: Release publishes this thread's accesses to whoever frees the object;
            // Acquire matters when this decrement frees it (result MERGED), ordering every
            // other thread's Release decrement and the owner's merge before the destructor.
            match self.shared.compare_exchange_weak(
                shared,
                new,
                Ordering::AcqRel,
                Ordering::Relaxed,
            ) {
                Ok(_) if queue => {
                    // Acquire: pairs with the owner's Release store of 0 (see
                    // `merge_zero_local`), after which `local` reads 0 for our in-place merge.
                    return Decref::Queue(self.tid.load(Ordering::Acquire));
                }
                Ok(_) => return if new == MERGED { Decref::Free } else { Decref::Keep },
                Err(seen) => shared = seen,
            }
        }
    }

    /// Folds the local count into the shared one and gives the object up, adding `extra`
    /// (`-1` for the reference a merge queue held); returns the merged count, and the caller
    /// frees the object when it is zero (CPython's `_Py_ExplicitMergeRefcount`).
    ///
    /// Called by the owner, or by any thread once the owner has detached (then the owner's
    /// last write to `local` happened before, through the registry's lock). Only one thread
    /// merges a given object: the one that queued it got it by its `QUEUED` CAS.
    pub fn merge(&self, extra: isize) -> isize {
        // Give the object up, unless it is immortal (then its count is not kept and it is
        // never freed by it: report it alive). The CAS keeps a racing `immortalize` in force.
        let tid = self.tid.load(Ordering::Relaxed);
        if tid == IMMORTAL_TID
            || self
                .tid
                .compare_exchange(tid, NO_OWNER, Ordering::Relaxed, Ordering::Relaxed)
                .is_err()
        {
            return 1;
        }
        let owner_local = self.local.load(Ordering::Relaxed) as isize;
        // Cleared before publishing MERGED, as in `merge_zero_local`: afterwards another
        // thread may free the object.
        self.local.store(0, Ordering::Relaxed);
        // Acquire: an owner that already merged published its final `local` with its CAS.
        let mut shared = self.shared.load(Ordering::Acquire);
        loop {
            // Once MERGED, the local count is already folded in (the owner gave the object up
            // between our queueing and this merge): do not count it twice.
            let local = if shared & FLAGS == MERGED { 0 } else { owner_local };
            let count = (shared >> SHIFT) + local + extra;
            let new = (count << SHIFT) | MERGED;
            // AcqRel: as in `merge_zero_local` (this may be the decrement that frees);
            // Acquire on failure too, for the MERGED check above.
            match self.shared.compare_exchange_weak(
                shared,
                new,
                Ordering::AcqRel,
                Ordering::Acquire,
            ) {
                Ok(_) => return count,
                Err(seen) => shared = seen,
            }
        }
    }

    /// Whether thread `me`, which holds a reference, holds the only one: it owns the object,
    /// its local count is one, and no other thread counted it.
    #[inline(always)]
    pub fn is_unique(&self, me: u32) -> bool {
        // Relaxed `local`: only the owner writes it. Acquire `shared`: other threads' Release
        // decrements publish what they did before the caller's unsynchronised access.
        self.owned_by(me)
            && self.local.load(Ordering::Relaxed) == 1
            && self.shared.load(Ordering::Acquire) == 0
    }

    /// Makes the object immortal (PEP 683): from now on no thread writes its counts, and it
    /// is never reported dead. `true` when this call did it. The caller holds a reference, so
    /// the true count stays at least one whatever in-flight updates do: an update that read
    /// the old owner id may still land on `local` or `shared`, but none frees (the merges
    /// check the id with a CAS, so nothing turns the object mortal again).
    pub fn immortalize(&self) -> bool {
        // Relaxed: immortality publishes nothing; every update rereads the id.
        self.tid.swap(IMMORTAL_TID, Ordering::Relaxed) != IMMORTAL_TID
    }

    /// Whether the object is immortal.
    #[inline(always)]
    pub fn is_immortal(&self) -> bool {
        self.tid.load(Ordering::Relaxed) == IMMORTAL_TID
    }

    /// The current count, approximate while other threads change it (`sys.getrefcount`);
    /// [`IMMORTAL_REFCNT`] for an immortal object.
    pub fn get(&self) -> isize {
        if self.is_immortal() {
            return IMMORTAL_REFCNT;
        }
        let shared = self.shared.load(Ordering::Relaxed);
        let queued = isize::from(shared & FLAGS == QUEUED);
        self.local.load(Ordering::Relaxed) as isize + (shared >> SHIFT) - queued
    }

    /// The owner id (for tests and for routing a queued object).
    pub fn owner(&self) -> u32 {
        self.tid.load(Ordering::Relaxed)
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn owner_path_is_local() {
        let rc = RefCount::new(7);
        rc.incref(7);
        rc.incref(7);
        assert_eq!(rc.get(), 3);
        assert_eq!(rc.decref(7), Decref::Keep);
        assert_eq!(rc.decref(7), Decref::Keep);
        assert_eq!(rc.decref(7), Decref::Free);
    }

    #[test]
    fn owner_merges_when_others_still_hold_references() {
        let rc = RefCount::new(1);
        rc.incref(2);
        assert_eq!(rc.get(), 2);
        assert_eq!(rc.decref(1), Decref::Keep, "thread 2 still holds one");
        assert_eq!(rc.owner(), NO_OWNER);
        // Merged: the former owner now uses the shared count too.
        rc.incref(1);
        assert_eq!(rc.decref(2), Decref::Keep);
        assert_eq!(rc.decref(1), Decref::Free);
    }

    #[test]
    fn non_owner_decrement_at_zero_queues_and_the_merge_frees() {
        let rc = RefCount::new(1);
        rc.incref(1); // local 2; one of them is handed to thread 2
        assert_eq!(rc.decref(2), Decref::Queue(1));
        assert_eq!(rc.get(), 1);
        // Further shared decrements go negative instead of queueing twice.
        rc.incref(3);
        assert_eq!(rc.decref(3), Decref::Keep);
        assert_eq!(rc.merge(-1), 1, "the owner's own reference remains");
        assert_eq!(rc.owner(), NO_OWNER);
        assert_eq!(rc.decref(1), Decref::Free);
    }

    #[test]
    fn queued_object_dies_in_the_merge() {
        let rc = RefCount::new(1);
        // The owner's only reference moved to thread 2, which drops it.
        assert_eq!(rc.decref(2), Decref::Queue(1));
        assert_eq!(rc.merge(-1), 0);
    }

    #[test]
    fn negative_shared_counts_balance() {
        let rc = RefCount::new(1);
        for _ in 0..3 {
            rc.incref(1);
        }
        // Three references handed to thread 2 and dropped there: the first queues, the other
        // two take the shared count negative.
        assert_eq!(rc.decref(2), Decref::Queue(1));
        assert_eq!(rc.decref(2), Decref::Keep);
        assert_eq!(rc.decref(2), Decref::Keep);
        assert_eq!(rc.get(), 1);
        assert_eq!(rc.merge(-1), 1);
        assert_eq!(rc.decref(1), Decref::Free);
    }

    #[test]
    fn merge_after_the_owner_gave_up_does_not_count_local_twice() {
        let rc = RefCount::new(1);
        rc.incref(1); // local 2: one of the owner-counted references moves to thread 2
        assert_eq!(rc.decref(2), Decref::Queue(1), "shared count 0: queued");
        rc.incref(3); // thread 3 takes a reference (shared count) and hands it to the owner
        assert_eq!(rc.get(), 2);
        assert_eq!(rc.decref(1), Decref::Keep);
        // The owner drops the handed-over reference: local reaches 0 while the shared count
        // is 1 (the queue's reference is still owed), so the owner merges and gives up.
        assert_eq!(rc.decref(1), Decref::Keep);
        assert_eq!(rc.owner(), NO_OWNER);
        // The queue's merge finds MERGED: the (cleared) local count is not added again, and
        // taking the queue's reference off leaves nothing: free.
        assert_eq!(rc.merge(-1), 0);
    }

    #[test]
    fn unowned_objects_use_the_shared_count() {
        let rc = RefCount::new(NO_OWNER);
        rc.incref(5);
        assert_eq!(rc.get(), 2);
        assert_eq!(rc.decref(6), Decref::Keep);
        assert_eq!(rc.decref(5), Decref::Free);
    }
}
