//! Loom models of the `atomic` backend's reference-count protocol: CAS increments and
//! decrements racing each other, `try_incref` racing the final decrement, and `immortalize`
//! racing both. Loom explores
//! the interleavings (and the weak-memory reorderings its model allows) of each closure, and
//! its `UnsafeCell` reports an access to the object that is not ordered before its destruction.
//!
//! Built only with `--cfg loom`, which also switches the crate's count to loom's atomics:
//! run `.ci/loom`.
#![cfg(loom)]

use gillab_backend_atomic::RefCount;
use loom::cell::UnsafeCell;
use loom::sync::Arc;
use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::thread;

/// A counted object: the count plus a payload that owners read and write and that the
/// "destructor" (whoever's `decref` returns true) overwrites.
struct Obj {
    rc: RefCount,
    payload: UnsafeCell<u64>,
    destroyed: AtomicUsize,
}

impl Obj {
    fn new() -> Arc<Obj> {
        Arc::new(Obj {
            rc: RefCount::new(),
            payload: UnsafeCell::new(1),
            destroyed: AtomicUsize::new(0),
        })
    }

    /// Drops one owned reference; runs the destructor when it was the last.
    fn drop_ref(&self) {
        if self.rc.decref() {
            // The destructor: exclusive access. Loom flags this if an owner's access to the
            // payload does not happen-before it (a missing Release/Acquire).
            self.payload.with_mut(|p| unsafe { *p = 0 });
            self.destroyed.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Uses the payload as an owner does.
    fn touch(&self) {
        let v = self.payload.with(|p| unsafe { *p });
        assert_ne!(v, 0, "an owner saw a destroyed object");
    }
}

/// Two owners decrement concurrently: exactly one of them destroys, after the other's use.
#[test]
fn concurrent_decrefs_destroy_once() {
    loom::model(|| {
        let obj = Obj::new();
        obj.rc.incref();
        let other = obj.clone();
        let t = thread::spawn(move || {
            other.touch();
            other.drop_ref();
        });
        obj.touch();
        obj.drop_ref();
        t.join().unwrap();
        assert_eq!(obj.destroyed.load(Ordering::Relaxed), 1);
        assert_eq!(obj.rc.get(), 0);
    });
}

/// Increments and decrements from two threads while the main thread owns a reference: no
/// update is lost, nothing is destroyed early, and the main thread's final decref destroys.
#[test]
fn concurrent_increfs_and_decrefs() {
    loom::model(|| {
        let obj = Obj::new();
        let threads: Vec<_> = (0..2)
            .map(|_| {
                let o = obj.clone();
                // The spawned thread is handed the owner's pointer, not a count: it takes its
                // own with `incref`, as the VM does when it copies a reference it can see.
                thread::spawn(move || {
                    o.rc.incref();
                    o.touch();
                    o.drop_ref();
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(obj.destroyed.load(Ordering::Relaxed), 0);
        assert_eq!(obj.rc.get(), 1);
        obj.drop_ref();
        assert_eq!(obj.destroyed.load(Ordering::Relaxed), 1);
    });
}

/// A lock-free reader's `try_incref` races the owner's final decref: either the reader wins
/// (it owns a count, may use the object, and its own decref destroys) or it fails and leaves
/// the dead object alone. Exactly one destruction either way. (The memory outliving the
/// count is what the epoch pin provides in the backend; here the `Arc` stands in for it.)
#[test]
fn try_incref_races_the_final_decref() {
    loom::model(|| {
        let obj = Obj::new();
        let reader = obj.clone();
        let t = thread::spawn(move || {
            if reader.rc.try_incref() {
                reader.touch();
                reader.drop_ref();
                true
            } else {
                assert_eq!(reader.rc.get(), 0, "try_incref fails only on a dead object");
                false
            }
        });
        obj.touch();
        obj.drop_ref();
        let _won = t.join().unwrap();
        assert_eq!(obj.destroyed.load(Ordering::Relaxed), 1);
        assert_eq!(obj.rc.get(), 0);
        assert!(!obj.rc.try_incref(), "zero is terminal");
    });
}

/// `immortalize` races another owner's increments and decrements (PEP 683's transition): the
/// immortalizing thread holds a reference, which it then forgets, as the VM's registry does.
/// No update may take the object to zero, the bit sticks, and reads keep seeing the payload.
#[test]
fn immortalize_races_increfs_and_decrefs() {
    loom::model(|| {
        let obj = Obj::new();
        obj.rc.incref(); // the other owner's reference
        let other = obj.clone();
        let t = thread::spawn(move || {
            other.rc.incref();
            other.touch();
            other.drop_ref();
            other.drop_ref();
        });
        assert!(obj.rc.immortalize());
        obj.touch();
        t.join().unwrap();
        assert_eq!(obj.destroyed.load(Ordering::Relaxed), 0);
        assert!(obj.rc.is_immortal());
        assert_eq!(obj.rc.get(), gillab_backend_atomic::IMMORTAL_REFCNT);
        assert!(obj.rc.try_incref(), "an immortal is never dead");
        assert!(!obj.rc.immortalize(), "only the first call makes it immortal");
    });
}

/// A batch's grace-period marker runs on another thread while its owner polls it and then
/// drops its half (after freeing the batch, or abandoning it at `detach`): exactly one party
/// frees the flag, after the other's last access (`src/marker.rs`'s state table).
#[test]
fn marker_expires_while_the_owner_abandons_it() {
    loom::model(|| {
        let (flag, marker) = gillab_backend_atomic::marker::pair();
        let t = thread::spawn(move || marker.expire());
        let seen = flag.expired();
        drop(flag);
        t.join().unwrap();
        let _ = seen;
    });
    loom::model(|| {
        let (flag, marker) = gillab_backend_atomic::marker::pair();
        let t = thread::spawn(move || marker.expire());
        t.join().unwrap();
        assert!(flag.expired(), "a marker that ran is seen");
        drop(flag);
    });
}

mod rbias {
    //! Models of the reader-biased contents lock (`src/rbias.rs`): a fast reader (through
    //! its slot) racing a writer that revokes the bias, and a slow reader that sets the bias
    //! racing a writer. The contents are a loom `UnsafeCell`, so loom reports any read that
    //! overlaps a write; the reader also checks it sees a whole value (both halves equal).
    use gillab_backend_atomic::rbias::{BIAS_AFTER, ReadBiasedCell, Reader, ReaderSlots};
    use loom::cell::UnsafeCell;
    use loom::sync::Arc;
    use loom::thread;

    type Pair = (UnsafeCell<u64>, UnsafeCell<u64>);

    fn pair() -> Pair {
        (UnsafeCell::new(0), UnsafeCell::new(0))
    }

    fn read(cell: &ReadBiasedCell<Pair>, slots: &ReaderSlots, slot: Option<(usize, usize)>) {
        let (a, b) = cell
            .read_as(Reader { slots, slot }, |p| {
                (p.0.with(|x| unsafe { *x }), p.1.with(|x| unsafe { *x }))
            })
            .0;
        assert_eq!(a, b, "a torn read");
    }

    fn write(cell: &ReadBiasedCell<Pair>, slots: &ReaderSlots, v: u64) {
        cell.write_as(slots, |p| {
            p.0.with_mut(|x| unsafe { *x = v });
            p.1.with_mut(|x| unsafe { *x = v });
        });
    }

    #[test]
    fn rbias_fast_reader_races_a_revoking_writer() {
        loom::model(|| {
            let slots = Arc::new(ReaderSlots::new(2));
            let cell = Arc::new(ReadBiasedCell::new(pair()));
            let line = slots.claim().unwrap();
            for _ in 0..BIAS_AFTER {
                read(&cell, &slots, None);
            }
            assert!(cell.is_biased());
            let (c2, s2) = (cell.clone(), slots.clone());
            let w = thread::spawn(move || write(&c2, &s2, 7));
            read(&cell, &slots, Some((line, 0)));
            w.join().unwrap();
            assert!(!cell.is_biased());
        });
    }

    #[test]
    fn rbias_biasing_reader_races_a_writer() {
        loom::model(|| {
            let slots = Arc::new(ReaderSlots::new(2));
            let cell = Arc::new(ReadBiasedCell::new(pair()));
            let line = slots.claim().unwrap();
            for _ in 0..BIAS_AFTER - 1 {
                read(&cell, &slots, None);
            }
            let (c2, s2) = (cell.clone(), slots.clone());
            let w = thread::spawn(move || write(&c2, &s2, 7));
            // This read sets the bias (if it comes before the write), then reads fast.
            read(&cell, &slots, Some((line, 0)));
            read(&cell, &slots, Some((line, 0)));
            w.join().unwrap();
        });
    }
}
