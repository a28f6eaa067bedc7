//! Loom models of the biased reference-count protocol (`src/rc.rs`): an owner's plain local
//! updates racing other threads' shared updates, the owner's zero-local merge racing a
//! non-owner's last decrement, and a non-owner queueing an object to an owner that is draining
//! its queue and detaching (so the object is merged in place), and an immortal transition
//! racing the owner's zero-local merge. In each, the object must be
//! destroyed exactly once and after every use; loom's `UnsafeCell` reports an access that is
//! not ordered before the destruction.
//!
//! Built only with `--cfg loom`: run `.ci/loom`.
#![cfg(loom)]

use gillab_backend_biased::rc::{Decref, RefCount};
use loom::cell::UnsafeCell;
use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::sync::{Arc, Mutex};
use loom::thread;

const OWNER: u32 = 1;
const OTHER: u32 = 2;

/// The owner's merge queue and whether the owner is still registered (the backend's
/// registry, reduced to one thread).
struct Registry {
    registered: bool,
    queued: usize,
}

struct Obj {
    rc: RefCount,
    payload: UnsafeCell<u64>,
    destroyed: AtomicUsize,
    registry: Mutex<Registry>,
}

impl Obj {
    fn new() -> Arc<Obj> {
        Arc::new(Obj {
            rc: RefCount::new(OWNER),
            payload: UnsafeCell::new(1),
            destroyed: AtomicUsize::new(0),
            registry: Mutex::new(Registry { registered: true, queued: 0 }),
        })
    }

    fn destroy(&self) {
        self.payload.with_mut(|p| unsafe { *p = 0 });
        self.destroyed.fetch_add(1, Ordering::Relaxed);
    }

    fn touch(&self) {
        let v = self.payload.with(|p| unsafe { *p });
        assert_ne!(v, 0, "a holder saw a destroyed object");
    }

    /// Drops a reference held by thread `me`, as `Biased::decref` and `queue_to` do.
    fn drop_ref(&self, me: u32) {
        match self.rc.decref(me) {
            Decref::Keep => {}
            Decref::Free => self.destroy(),
            Decref::Queue(_) => {
                let mut reg = self.registry.lock().unwrap();
                if reg.registered {
                    reg.queued += 1;
                } else {
                    drop(reg);
                    if self.rc.merge(-1) == 0 {
                        self.destroy();
                    }
                }
            }
        }
    }

    /// The owner drains its queue (`unregister`: and leaves if it was empty), as
    /// `Biased::poll` and `Biased::detach` do. Returns whether it is still registered.
    fn drain(&self, unregister: bool) -> bool {
        let mut reg = self.registry.lock().unwrap();
        let n = std::mem::take(&mut reg.queued);
        if n == 0 && unregister {
            reg.registered = false;
        }
        drop(reg);
        for _ in 0..n {
            if self.rc.merge(-1) == 0 {
                self.destroy();
            }
        }
        !(n == 0 && unregister)
    }
}

/// The owner hands a reference to another thread and both drop theirs; the other thread's
/// decrement finds the shared count at zero and queues; the owner's poll merges and frees.
#[test]
fn queued_decref_is_merged_by_the_owner() {
    loom::model(|| {
        let obj = Obj::new();
        obj.rc.incref(OWNER); // the reference handed to OTHER
        let other = obj.clone();
        let t = thread::spawn(move || {
            other.touch();
            other.drop_ref(OTHER);
        });
        obj.touch();
        obj.drop_ref(OWNER);
        obj.drain(false);
        t.join().unwrap();
        obj.drain(false);
        assert_eq!(obj.destroyed.load(Ordering::Relaxed), 1);
    });
}

/// OTHER holds a reference of its own (shared count); the owner's local count reaches zero
/// while OTHER drops it: exactly one of the zero-local merge and the shared decrement frees.
#[test]
fn zero_local_merge_races_the_last_shared_decref() {
    loom::model(|| {
        let obj = Obj::new();
        obj.rc.incref(OTHER);
        let other = obj.clone();
        let t = thread::spawn(move || {
            other.touch();
            other.drop_ref(OTHER);
        });
        obj.touch();
        obj.drop_ref(OWNER);
        t.join().unwrap();
        assert_eq!(obj.destroyed.load(Ordering::Relaxed), 1);
    });
}

/// The owner drops its reference and detaches (drain until empty, then unregister) while
/// OTHER drops the reference it was handed: whether it is merged by the owner's drain or in
/// place by OTHER, it is freed once.
#[test]
fn queueing_to_a_detaching_owner_merges_in_place() {
    loom::model(|| {
        let obj = Obj::new();
        obj.rc.incref(OWNER);
        let owner = obj.clone();
        let t = thread::spawn(move || {
            owner.touch();
            owner.drop_ref(OWNER);
            while owner.drain(true) {}
        });
        obj.touch();
        obj.drop_ref(OTHER);
        t.join().unwrap();
        assert_eq!(obj.destroyed.load(Ordering::Relaxed), 1);
    });
}

/// Another thread makes the object immortal (holding a reference of its own, which it then
/// forgets, as the VM's registry does) while the owner drops its last local reference: the
/// owner's zero-local merge must give up (its CAS on the owner id fails) or finish before
/// the swap, and in neither case is the object freed. The immortalizing thread's later
/// decrements write nothing.
#[test]
fn immortalize_races_the_owners_zero_local_merge() {
    loom::model(|| {
        let obj = Obj::new();
        obj.rc.incref(OTHER); // the registry's reference
        obj.rc.incref(OTHER); // one OTHER drops after the transition
        let owner = obj.clone();
        let t = thread::spawn(move || {
            owner.touch();
            owner.drop_ref(OWNER);
            while owner.drain(true) {}
        });
        obj.rc.immortalize();
        obj.touch();
        obj.drop_ref(OTHER);
        t.join().unwrap();
        obj.drain(false);
        assert_eq!(obj.destroyed.load(Ordering::Relaxed), 0);
        assert!(obj.rc.is_immortal());
        assert_eq!(obj.rc.get(), gillab_backend_biased::rc::IMMORTAL_REFCNT);
    });
}
