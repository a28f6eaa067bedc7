//! The `objlock` backend: fine-grained locking, the scheme the literature says was tried and
//! dropped because it made single-threaded Python about 2x slower. No global lock: Python
//! threads run bytecode truly in parallel, and every object carries its own `parking_lot`
//! locks — one around its reference count, taken by every incref and decref, and one around
//! its mutable contents (list items, dict entries, attributes, module globals), taken by every
//! read and write of them.
//!
//! ## Why two locks per object, and why it cannot deadlock
//!
//! The VM often copies a reference out of a container while reading it (`v[i].clone()` inside
//! the list's read guard), i.e. it increments object B's count while holding object A's
//! contents lock. With a single lock per object guarding both, two threads doing that in
//! opposite directions (A holds A and increments B; B's reader holds B and increments A) would
//! deadlock. So the count has its own lock, and:
//!
//! 1. a count lock is a *leaf*: nothing else is ever acquired while one is held (incref and
//!    decref lock, add, unlock);
//! 2. contents locks nest only in one direction: an iterator's lock may be held while its
//!    container's is taken, never the reverse, and no other contents lock is taken inside a
//!    contents guard (the VM copies out first: `a.extend(b)` reads `b` under `b`'s lock, then
//!    writes `a` under `a`'s, never both at once);
//! 3. no Python code runs under any lock (docs/safety.md, I3).
//!
//! Every chain of held locks is therefore ordered iterator → container → count, so there is
//! no cycle and no deadlock. A destructor never takes the lock of the object being read,
//! because the reader holds a reference to it (its count cannot reach zero meanwhile).
//!
//! | operation | locks taken |
//! |---|---|
//! | incref / decref | the object's count lock, briefly |
//! | `cell_read` / `cell_write` | the object's contents lock for the closure's duration |
//! | attach / detach / eval breaker | none |
//! | `allow_threads` | none (there is nothing to release) |

use gillab_vm::backend::{Backend, Counter, Facts, Stats, Strategy};
use parking_lot::RawMutex;
use parking_lot::lock_api::RawMutex as _;
use std::cell::{Cell as StdCell, UnsafeCell};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU64, Ordering};

/// Per-thread lock counters, flushed into the process totals when the thread exits (so the
/// counting itself adds no shared-cache-line traffic).
struct Counters {
    acquisitions: StdCell<u64>,
    contended: StdCell<u64>,
}

static TOTAL_ACQUISITIONS: AtomicU64 = AtomicU64::new(0);
static TOTAL_CONTENDED: AtomicU64 = AtomicU64::new(0);

impl Drop for Counters {
    fn drop(&mut self) {
        // Relaxed: read after the threads that touched them were joined.
        TOTAL_ACQUISITIONS.fetch_add(self.acquisitions.get(), Ordering::Relaxed);
        TOTAL_CONTENDED.fetch_add(self.contended.get(), Ordering::Relaxed);
    }
}

thread_local! {
    static COUNTERS: Counters =
        const { Counters { acquisitions: StdCell::new(0), contended: StdCell::new(0) } };
}

/// Locks `m`, counting the acquisition (and whether it was contended) in this thread's lock
/// counters; `atomic`'s reader-biased cells lock through this too.
#[inline(always)]
pub fn lock_counted(m: &RawMutex) {
    if !m.try_lock() {
        m.lock();
        let _ = COUNTERS.try_with(|c| c.contended.set(c.contended.get() + 1));
    }
    let _ = COUNTERS.try_with(|c| c.acquisitions.set(c.acquisitions.get() + 1));
}

/// A reference count guarded by its own lock.
pub struct RefCount {
    lock: RawMutex,
    count: UnsafeCell<isize>,
}

// SAFETY: `count` is only accessed with `lock` held (see `incref`/`decref`/`refcount`), so
// accesses from different threads are serialised by the mutex's acquire/release (O1).
unsafe impl Sync for RefCount {}
// SAFETY: as for `Sync`; the cell holds a plain integer.
unsafe impl Send for RefCount {}

/// An object's contents guarded by their own lock. Also the `atomic` backend's cell type (it
/// keeps `objlock`'s contents locking and changes only the counts).
pub struct LockedCell<T> {
    lock: RawMutex,
    value: UnsafeCell<T>,
}

impl<T> LockedCell<T> {
    /// Wraps `value`.
    #[inline(always)]
    pub const fn new(value: T) -> LockedCell<T> {
        LockedCell { lock: RawMutex::INIT, value: UnsafeCell::new(value) }
    }

    /// Runs `f` with shared access, holding the lock for the closure's duration.
    #[inline(always)]
    pub fn read<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        lock_counted(&self.lock);
        let _g = Unlock(&self.lock);
        // SAFETY: the contents lock is held for the whole closure (O1), and the closure does
        // not access this cell again (docs/safety.md, I3).
        f(unsafe { &*self.value.get() })
    }

    /// Runs `f` with exclusive access, holding the lock for the closure's duration.
    #[inline(always)]
    pub fn write<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        lock_counted(&self.lock);
        let _g = Unlock(&self.lock);
        // SAFETY: as in `read`; the lock makes this the only access while `f` runs.
        f(unsafe { &mut *self.value.get() })
    }

    /// Exclusive access through a unique borrow (no lock needed).
    #[inline(always)]
    pub fn get_mut(&mut self) -> &mut T {
        self.value.get_mut()
    }
}

/// Expands, inside an `unsafe impl Backend` whose `Cell<T>` is [`LockedCell<T>`], to the four
/// contents methods (`cell_new`, `cell_read`, `cell_write`, `cell_get_mut`): the cell's own
/// lock is held for the closure, whatever the count type is. `objlock`, `atomic` and `biased`
/// differ only in their counts and share these.
#[macro_export]
macro_rules! locked_cell_methods {
    () => {
        #[inline(always)]
        fn cell_new<T: Send + Sync>(value: T) -> $crate::LockedCell<T> {
            $crate::LockedCell::new(value)
        }

        #[inline(always)]
        fn cell_read<T: Send + Sync, R>(
            cell: &$crate::LockedCell<T>,
            f: impl FnOnce(&T) -> R,
        ) -> R {
            cell.read(f)
        }

        #[inline(always)]
        fn cell_write<T: Send + Sync, R>(
            cell: &$crate::LockedCell<T>,
            f: impl FnOnce(&mut T) -> R,
        ) -> R {
            cell.write(f)
        }

        #[inline(always)]
        fn cell_get_mut<T: Send + Sync>(cell: &mut $crate::LockedCell<T>) -> &mut T {
            cell.get_mut()
        }
    };
}

/// Lock acquisitions and contended acquisitions so far in this process (this thread's pending
/// counts plus every exited thread's), for `--stats`.
pub fn lock_counts() -> (u64, u64) {
    let (mut acq, mut cont) = (0, 0);
    let _ = COUNTERS.try_with(|c| {
        acq = c.acquisitions.replace(0);
        cont = c.contended.replace(0);
    });
    // Relaxed: see `Counters::drop`.
    let acq = TOTAL_ACQUISITIONS.fetch_add(acq, Ordering::Relaxed) + acq;
    let cont = TOTAL_CONTENDED.fetch_add(cont, Ordering::Relaxed) + cont;
    (acq, cont)
}

// SAFETY: `value` is only accessed with `lock` held (`cell_read`/`cell_write`) or through
// `&mut self` (`cell_get_mut`), and `T: Send` (O1).
unsafe impl<T: Send> Sync for LockedCell<T> {}
// SAFETY: `T: Send`.
unsafe impl<T: Send> Send for LockedCell<T> {}

/// Unlocks `m` when dropped, so a panic inside a closure cannot leave a lock held.
struct Unlock<'a>(&'a RawMutex);

impl Drop for Unlock<'_> {
    fn drop(&mut self) {
        // SAFETY: an `Unlock` is only made right after this thread locked the mutex.
        unsafe { self.0.unlock() }
    }
}

/// The backend.
pub struct ObjLock;

/// Per-thread state: nothing (there is no global lock to hold).
pub struct ObjLockThread;

// SAFETY: counts and contents are each guarded by a mutex held for every access (contract
// items 1 and 2: `decref` returns true once, when the locked count reaches zero); `release`
// frees at once, which is sound because an object whose count reached zero is unreachable — a
// reader copies a reference out only while holding the container's contents lock, and the
// writer that removes it drops it only after releasing that lock, so a reader always
// increments before the last decrement (3); nothing blocks while holding a lock other threads
// need to attach (4). See the module docs for deadlock freedom.
unsafe impl Backend for ObjLock {
    const FACTS: Facts = Facts {
        description: "no GIL; a lock on every object's refcount and contents (fine-grained locking)",
        strategy: Strategy::ObjectLocks,
        gil: None,
        counters: &[Counter::LockAcquisitions, Counter::ContendedAcquisitions],
    };

    type RefCount = RefCount;
    type Cell<T: Send + Sync> = LockedCell<T>;
    type Thread = ObjLockThread;

    fn new() -> ObjLock {
        ObjLock
    }

    #[inline(always)]
    fn rc_new() -> RefCount {
        RefCount { lock: RawMutex::INIT, count: UnsafeCell::new(1) }
    }

    #[inline(always)]
    fn incref(rc: &RefCount) {
        lock_counted(&rc.lock);
        let _g = Unlock(&rc.lock);
        // SAFETY: the count lock is held (O1).
        unsafe { *rc.count.get() += 1 }
    }

    #[inline(always)]
    fn decref(rc: &RefCount) -> bool {
        lock_counted(&rc.lock);
        let _g = Unlock(&rc.lock);
        // SAFETY: the count lock is held (O1).
        unsafe {
            let c = rc.count.get();
            *c -= 1;
            *c == 0
        }
    }

    fn refcount(rc: &RefCount) -> isize {
        lock_counted(&rc.lock);
        let _g = Unlock(&rc.lock);
        // SAFETY: the count lock is held (O1).
        unsafe { *rc.count.get() }
    }

    crate::locked_cell_methods!();

    unsafe fn release(ptr: NonNull<u8>, destroy: unsafe fn(NonNull<u8>)) {
        // SAFETY: forwarded from the caller; see the trait impl's safety comment (3).
        unsafe { destroy(ptr) }
    }

    fn attach(&self) -> ObjLockThread {
        ObjLockThread
    }

    fn detach(&self, _thread: ObjLockThread) {}

    #[inline(always)]
    fn breaker(&self, _thread: &mut ObjLockThread) -> bool {
        false
    }

    fn poll(&self, _thread: &mut ObjLockThread) {}

    fn allow_threads<R>(&self, _thread: &mut ObjLockThread, f: impl FnOnce() -> R) -> R {
        f()
    }

    fn stats(&self) -> Stats {
        let (acq, cont) = lock_counts();
        Stats {
            lock_acquisitions: Some(acq),
            contended_acquisitions: Some(cont),
            ..Stats::default()
        }
    }
}
