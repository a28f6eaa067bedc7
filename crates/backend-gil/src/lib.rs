//! The `gil` backend: a global interpreter lock shaped like CPython's (Python/ceval_gil.c).
//!
//! A thread runs bytecode only while it holds the lock. Reference counts are plain integers and
//! object contents are unsynchronised: that is sound only because every access happens under
//! the lock (the `Backend` contract: objects are touched only by attached threads, and here at
//! most one thread is attached at a time).
//!
//! The hand-off follows CPython 3.2+'s "new GIL":
//!
//! 1. The lock is a `locked` flag guarded by a mutex, with a condition variable for waiters.
//! 2. A waiter waits on the condvar for one switch interval (default 5 ms); if it timed out and
//!    no hand-off happened meanwhile (`switch_number` unchanged), it sets the drop request,
//!    which the holder sees at its next eval-breaker check (backward jump or call).
//! 3. The holder drops the lock, and — FORCE_SWITCHING — waits until another thread has
//!    actually taken it before trying to take it back, so it cannot win it straight back.
//! 4. Blocking operations release the lock (`allow_threads`) and take it back afterwards.
//!
//! | state of `locked` | drop request | what the holder does at the eval breaker |
//! |---|---|---|
//! | true | clear | keeps running |
//! | true | set | drops, waits for a switch, re-takes |
//! | false | any | (no holder) the next waiter takes it and clears the request |
//!
//! Three hand-off policies (`--gil-policy`):
//!
//! - `interval` (default): the CPython 3.2+ algorithm above.
//! - `ticks`: Python 2's. The holder releases and immediately re-takes the lock every
//!   `--check-interval` bytecodes (default 100; the eval loop polls before every instruction
//!   under this policy); waiters never ask. On a multi-core machine the releasing thread
//!   usually wins the lock straight back, which is the "GIL battle" Beazley measured. Because
//!   a switch can fall between any two instructions, `n += 1` on a global loses updates.
//! - `io-priority`: `interval`, except that a thread coming back from blocking I/O
//!   (`allow_threads`) sets the drop request at once instead of after a full interval, and
//!   CPU-bound waiters stand aside while an I/O thread waits. This is the fix proposed for the
//!   convoy effect (bpo-7946) that CPython never shipped.

use gillab_vm::backend::{
    Backend, Counter, Facts, GilConfig, GilControl, GilFacts, GilStats, Policy, Stats, Strategy,
};
use parking_lot::{Condvar, Mutex};
use std::cell::UnsafeCell;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU32, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Lock state guarded by the mutex.
struct State {
    locked: bool,
    /// Id of the thread that took the lock last.
    holder: u64,
    /// Number of times the lock passed to a different thread.
    switch_number: u64,
    /// Threads back from I/O waiting for the lock (`io-priority`).
    io_waiting: usize,
}

/// Counters reported by `--stats`.
#[derive(Default)]
struct Counters {
    acquisitions: AtomicU64,
    switches: AtomicU64,
    forced_switches: AtomicU64,
    drop_requests: AtomicU64,
    tick_releases: AtomicU64,
    io_priority_requests: AtomicU64,
    wait_ns: AtomicU64,
}

/// The GIL.
pub struct Gil {
    state: Mutex<State>,
    cond: Condvar,
    switch_cond: Condvar,
    /// The eval breaker: set by a waiter that timed out.
    drop_request: AtomicBool,
    interval_ns: AtomicU64,
    next_id: AtomicU64,
    /// Bumped with Release by every drop and read with Acquire by every take. The mutex
    /// already orders one holder's accesses before the next holder's; this pair makes that
    /// hand-off visible to ThreadSanitizer, which cannot see through `parking_lot`'s direct
    /// hand-off of a lock to a parked thread.
    handoffs: AtomicU64,
    /// The hand-off policy, as an index into `Policy::ALL`. Set by `configure` before any
    /// thread attaches, read (Relaxed) by the breaker: it never changes while threads run.
    policy: AtomicU8,
    /// Bytecodes between releases under `ticks`; set by `configure` like `policy`.
    check_interval: AtomicU32,
    stats: Counters,
}

/// Per-thread state: the thread's id in `State::holder`, and the checks left before a `ticks`
/// release.
pub struct GilThread {
    id: u64,
    ticks: u32,
}

/// The `gil` backend's reference count: a plain integer, guarded by the GIL.
pub struct RefCount(UnsafeCell<isize>);

// SAFETY: the count is only read or written by attached threads, and under this backend at
// most one thread is attached at a time (it holds the GIL), so accesses never race; the GIL's
// mutex hand-off orders them (docs/safety.md, G1).
unsafe impl Sync for RefCount {}
// SAFETY: as for `Sync`: moving the cell between threads is fine, accesses are GIL-ordered.
unsafe impl Send for RefCount {}

/// The `gil` backend's guarded contents: unsynchronised, guarded by the GIL.
pub struct GilCell<T>(UnsafeCell<T>);

// SAFETY: contents are accessed only by the one attached thread (the GIL holder), inside
// `cell_read`/`cell_write`, whose closures never re-enter the same cell (Backend contract 2
// and docs/safety.md, G1).
unsafe impl<T: Send> Sync for GilCell<T> {}
// SAFETY: `T: Send`, and accesses are GIL-ordered as above.
unsafe impl<T: Send> Send for GilCell<T> {}

impl Gil {
    /// The policy in force (see the `policy` field).
    #[inline(always)]
    fn policy(&self) -> Policy {
        Policy::from_index(self.policy.load(Ordering::Relaxed))
    }

    /// `policy() == Ticks`, for the breaker's hot path.
    #[inline(always)]
    fn ticks(&self) -> bool {
        self.policy.load(Ordering::Relaxed) == Policy::Ticks as u8
    }

    /// Takes the lock. `io` marks a thread coming back from blocking I/O.
    fn take(&self, me: u64, io: bool) {
        self.stats.acquisitions.fetch_add(1, Ordering::Relaxed);
        let io = io && self.policy() == Policy::IoPriority;
        let start = Instant::now();
        let mut st = self.state.lock();
        let must_wait = |st: &State| st.locked || (!io && st.io_waiting > 0);
        if must_wait(&st) {
            if io {
                st.io_waiting += 1;
                // io-priority: ask the holder to hand over at its next check, now.
                // Relaxed: a hint polled by the holder; the hand-off is ordered by the mutex.
                self.drop_request.store(true, Ordering::Relaxed);
                self.stats.io_priority_requests.fetch_add(1, Ordering::Relaxed);
            }
            while must_wait(&st) {
                if self.policy() == Policy::Ticks {
                    // Python 2: waiters never ask; they wait to be signalled.
                    self.cond.wait(&mut st);
                    continue;
                }
                let saved = st.switch_number;
                let interval = Duration::from_nanos(self.interval_ns.load(Ordering::Relaxed));
                let timed_out = self.cond.wait_for(&mut st, interval).timed_out();
                if timed_out && st.locked && st.switch_number == saved {
                    // Relaxed: the flag is a hint polled by the holder; the hand-off itself is
                    // ordered by the mutex.
                    self.drop_request.store(true, Ordering::Relaxed);
                    self.stats.drop_requests.fetch_add(1, Ordering::Relaxed);
                }
            }
            if io {
                st.io_waiting -= 1;
            }
        }
        // Time to take the lock, including waiting for its mutex (contended under `ticks`).
        self.stats.wait_ns.fetch_add(start.elapsed().as_nanos() as u64, Ordering::Relaxed);
        st.locked = true;
        if st.holder != me {
            st.holder = me;
            st.switch_number += 1;
            self.stats.switches.fetch_add(1, Ordering::Relaxed);
        }
        self.switch_cond.notify_all();
        // Relaxed: see above; a stale request only causes one extra cheap poll.
        self.drop_request.store(false, Ordering::Relaxed);
        // Acquire: pairs with the Release in `drop_gil` (see the field's docs).
        self.handoffs.load(Ordering::Acquire);
    }

    fn drop_gil(&self, me: u64, forced: bool) {
        // Release: publishes this holder's accesses to the next (see `handoffs`).
        self.handoffs.fetch_add(1, Ordering::Release);
        let mut st = self.state.lock();
        st.locked = false;
        if st.io_waiting > 0 {
            // Wake everyone: the I/O thread must get its chance, CPU waiters re-wait.
            self.cond.notify_all();
        } else {
            self.cond.notify_one();
        }
        if forced {
            // FORCE_SWITCHING: wait until another thread has taken the lock.
            self.stats.forced_switches.fetch_add(1, Ordering::Relaxed);
            let saved = st.switch_number;
            while st.switch_number == saved && st.holder == me {
                self.switch_cond.wait(&mut st);
                if !st.locked && st.switch_number == saved {
                    // Nobody took it (the waiter went away): stop waiting.
                    break;
                }
            }
        }
    }
}

// SAFETY: at most one thread is attached at a time: `attach` takes the lock and returns only
// once `locked` was false and is now true under the mutex; `detach`, `poll` and
// `allow_threads` clear it before another thread can set it. Hence reference counts and
// contents are accessed by one thread at a time (contract items 1 and 2); `release` frees at
// once, which is safe because no other thread can hold a loaded reference (3); and waiting in
// `poll`/`allow_threads` happens with the lock released (4).
unsafe impl Backend for Gil {
    const FACTS: Facts = Facts {
        description: "global interpreter lock (CPython 3.2+ switch interval and forced switching); plain refcounts",
        strategy: Strategy::GlobalLock,
        gil: Some(GilFacts { policies: &Policy::ALL, default: Policy::Interval }),
        counters: &Counter::GIL,
    };

    type RefCount = RefCount;
    type Cell<T: Send + Sync> = GilCell<T>;
    type Thread = GilThread;

    fn new() -> Gil {
        let defaults = GilConfig::default();
        Gil {
            state: Mutex::new(State {
                locked: false,
                holder: u64::MAX,
                switch_number: 0,
                io_waiting: 0,
            }),
            cond: Condvar::new(),
            switch_cond: Condvar::new(),
            drop_request: AtomicBool::new(false),
            interval_ns: AtomicU64::new((defaults.switch_interval * 1e9) as u64),
            next_id: AtomicU64::new(0),
            handoffs: AtomicU64::new(0),
            policy: AtomicU8::new(0),
            check_interval: AtomicU32::new(defaults.check_interval),
            stats: Counters::default(),
        }
    }

    #[inline(always)]
    fn rc_new() -> RefCount {
        RefCount(UnsafeCell::new(1))
    }

    #[inline(always)]
    fn incref(rc: &RefCount) {
        // SAFETY: the caller is attached, so it holds the GIL and no other thread touches the
        // count (G1).
        unsafe { *rc.0.get() += 1 }
    }

    #[inline(always)]
    fn decref(rc: &RefCount) -> bool {
        // SAFETY: as in `incref`.
        unsafe {
            let c = rc.0.get();
            *c -= 1;
            *c == 0
        }
    }

    fn refcount(rc: &RefCount) -> isize {
        // SAFETY: as in `incref`.
        unsafe { *rc.0.get() }
    }

    #[inline(always)]
    fn cell_new<T: Send + Sync>(value: T) -> GilCell<T> {
        GilCell(UnsafeCell::new(value))
    }

    #[inline(always)]
    fn cell_read<T: Send + Sync, R>(cell: &GilCell<T>, f: impl FnOnce(&T) -> R) -> R {
        // SAFETY: the caller holds the GIL (G1) and, per the Backend contract, no exclusive
        // borrow of this cell is live while `f` runs.
        f(unsafe { &*cell.0.get() })
    }

    #[inline(always)]
    fn cell_write<T: Send + Sync, R>(cell: &GilCell<T>, f: impl FnOnce(&mut T) -> R) -> R {
        // SAFETY: the caller holds the GIL (G1) and `f` does not access this cell again
        // (Backend contract 2), so this is the only borrow while `f` runs.
        f(unsafe { &mut *cell.0.get() })
    }

    fn cell_get_mut<T: Send + Sync>(cell: &mut GilCell<T>) -> &mut T {
        cell.0.get_mut()
    }

    unsafe fn release(ptr: NonNull<u8>, destroy: unsafe fn(NonNull<u8>)) {
        // SAFETY: forwarded from the caller: the last count is gone, and under the GIL no
        // other thread can be reading the object.
        unsafe { destroy(ptr) }
    }

    fn attach(&self) -> GilThread {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        self.take(id, false);
        GilThread { id, ticks: self.check_interval.load(Ordering::Relaxed) }
    }

    fn detach(&self, thread: GilThread) {
        self.drop_gil(thread.id, false);
    }

    #[inline(always)]
    fn breaker(&self, thread: &mut GilThread) -> bool {
        if self.ticks() {
            thread.ticks -= 1;
            return thread.ticks == 0;
        }
        // Relaxed: a hint; see `take`.
        self.drop_request.load(Ordering::Relaxed)
    }

    fn poll(&self, thread: &mut GilThread) {
        if self.policy() == Policy::Ticks {
            // Python 2: release and re-take at once; no forced switch, so on a multi-core
            // machine this thread usually wins the lock back.
            thread.ticks = self.check_interval.load(Ordering::Relaxed);
            self.stats.tick_releases.fetch_add(1, Ordering::Relaxed);
            self.drop_gil(thread.id, false);
            self.take(thread.id, false);
            return;
        }
        // Relaxed: a hint; see `take`.
        if self.drop_request.load(Ordering::Relaxed) {
            self.drop_gil(thread.id, true);
            self.take(thread.id, false);
        }
    }

    fn allow_threads<R>(&self, thread: &mut GilThread, f: impl FnOnce() -> R) -> R {
        self.drop_gil(thread.id, false);
        let r = f();
        self.take(thread.id, true);
        r
    }

    fn stats(&self) -> Stats {
        let s = &self.stats;
        let get = |a: &AtomicU64| a.load(Ordering::Relaxed);
        Stats {
            gil: Some(GilStats {
                gil_acquisitions: get(&s.acquisitions),
                gil_switches: get(&s.switches),
                forced_switches: get(&s.forced_switches),
                drop_requests: get(&s.drop_requests),
                tick_releases: get(&s.tick_releases),
                io_priority_requests: get(&s.io_priority_requests),
                gil_wait_seconds: get(&s.wait_ns) as f64 / 1e9,
                gil_policy: self.policy(),
                switch_interval: self.switch_interval(),
            }),
            ..Stats::default()
        }
    }

    fn gil(&self) -> Option<&dyn GilControl> {
        Some(self)
    }
}

impl GilControl for Gil {
    fn configure(&self, config: &GilConfig) {
        let default = Self::FACTS.gil.map_or(Policy::Interval, |g| g.default);
        let policy = config.policy.unwrap_or(default);
        // Relaxed: configured before any thread attaches; the attach that follows (a mutex
        // hand-off) publishes it.
        self.policy.store(policy as u8, Ordering::Relaxed);
        self.check_interval.store(config.check_interval.max(1), Ordering::Relaxed);
        self.set_switch_interval(config.switch_interval);
    }

    fn policy(&self) -> Policy {
        Gil::policy(self)
    }

    fn set_switch_interval(&self, seconds: f64) {
        self.interval_ns.store((seconds * 1e9) as u64, Ordering::Relaxed);
    }

    fn switch_interval(&self) -> f64 {
        self.interval_ns.load(Ordering::Relaxed) as f64 / 1e9
    }
}
