//! Thread ids and the per-thread merge queues.
//!
//! Every OS thread gets a fresh id when it first attaches and keeps it for its life (ids are
//! never reused, so an object owned by a thread that has exited is never mistaken for one
//! owned by a newer thread); attaching registers a queue under it, detaching unregisters it. A non-owner that must hand an object to its owner ([`Decref::Queue`])
//! pushes the object's count pointer into the owner's queue and raises the owner's `pending`
//! flag, which the owner's eval breaker checks; the owner merges what it finds ([`drain`]).
//! If the owner is no longer registered, the pusher merges the object itself, in place.
//!
//! One lock guards the registry and all queues: it is taken only on the rare queueing path
//! and by owners draining, and it is what orders a detached owner's last writes to `local`
//! before another thread's in-place merge.
//!
//! [`Decref::Queue`]: crate::rc::Decref::Queue

use crate::rc::RefCount;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::ptr::NonNull;
use std::sync::Arc;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

/// A queued object, by its count (the first field of the object, so its address).
pub struct Queued(pub NonNull<RefCount>);

// SAFETY: a queued object is kept alive by the reference the queue holds (see `rc`'s module
// docs), and it is only merged and freed by one thread: its owner, or the pusher when the
// owner is gone. VM objects may be freed on any thread.
unsafe impl Send for Queued {}

struct Entry {
    /// Raised when `objects` becomes non-empty; the owner's eval breaker reads it.
    pending: Arc<AtomicBool>,
    objects: Vec<Queued>,
}

static REGISTRY: LazyLock<Mutex<HashMap<u32, Entry>>> = LazyLock::new(Default::default);

/// The next thread id; ids start at 1 ([`crate::rc::NO_OWNER`] is 0).
static NEXT_ID: AtomicU32 = AtomicU32::new(1);

/// The id of a thread that is not attached: no object carries it, so such a thread always
/// takes the shared path.
pub const UNATTACHED: u32 = u32::MAX;

/// A fresh thread id, never handed out before.
pub fn fresh_id() -> u32 {
    // Relaxed: ids need only be unique, which the RMW guarantees.
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    assert!(id < crate::rc::IMMORTAL_TID, "biased backend: thread ids exhausted");
    id
}

/// Registers thread `id` (from [`fresh_id`]): returns the flag its breaker polls.
pub fn register(id: u32) -> Arc<AtomicBool> {
    let pending = Arc::new(AtomicBool::new(false));
    REGISTRY.lock().insert(id, Entry { pending: pending.clone(), objects: Vec::new() });
    pending
}

/// Takes what is queued for thread `id`; when nothing is, and `unregister` is set, removes the
/// thread's entry in the same critical section (so no push can slip in after the last drain).
pub fn take(id: u32, unregister: bool) -> Vec<Queued> {
    let mut registry = REGISTRY.lock();
    let Some(entry) = registry.get_mut(&id) else { return Vec::new() };
    // Relaxed: the flag is a hint; the objects themselves pass through the lock.
    entry.pending.store(false, Ordering::Relaxed);
    let objects = std::mem::take(&mut entry.objects);
    if objects.is_empty() && unregister {
        registry.remove(&id);
    }
    objects
}

/// Queues `obj` for thread `owner`. Returns the object back when the owner is not registered
/// any more: the caller then merges it itself.
pub fn push(owner: u32, obj: Queued) -> Option<Queued> {
    let mut registry = REGISTRY.lock();
    match registry.get_mut(&owner) {
        Some(entry) => {
            entry.objects.push(obj);
            // Relaxed: a hint for the owner's breaker (see `take`).
            entry.pending.store(true, Ordering::Relaxed);
            None
        }
        None => Some(obj),
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    fn dangling() -> Queued {
        Queued(NonNull::dangling())
    }

    #[test]
    fn ids_are_fresh_and_pushes_reach_the_owner() {
        let (a, b) = (fresh_id(), fresh_id());
        let flag_a = register(a);
        let _flag_b = register(b);
        assert_ne!(a, b);
        assert!(a != crate::rc::NO_OWNER && a != UNATTACHED);
        assert!(push(a, dangling()).is_none());
        assert!(flag_a.load(Ordering::Relaxed), "the owner's breaker flag is raised");
        assert_eq!(take(a, false).len(), 1);
        assert!(!flag_a.load(Ordering::Relaxed));
        assert!(take(b, true).is_empty());
        assert!(push(b, dangling()).is_some(), "an unregistered owner hands the object back");
    }

    #[test]
    fn unregistering_waits_for_an_empty_queue() {
        let a = fresh_id();
        let _flag = register(a);
        assert!(push(a, dangling()).is_none());
        assert_eq!(take(a, true).len(), 1, "not unregistered while objects were queued");
        assert!(push(a, dangling()).is_none(), "still registered");
        assert_eq!(take(a, true).len(), 1);
        assert!(take(a, true).is_empty());
        assert!(push(a, dangling()).is_some(), "unregistered once empty");
    }
}
