//! Reads that write nothing shared: a reader-biased lock around an object's contents, after
//! BRAVO (Dice & Kogan, "BRAVO — Biased Locking for Reader-Writer Locks", USENIX ATC 2019).
//! The `atomic` and `biased` backends use it as their `Backend::Cell`; `objlock` keeps its
//! plain lock, because readers that lock are the literature's design it stands for.
//!
//! ## Why
//!
//! A lock taken by every read of a shared list, dict, instance or module writes the lock's
//! cache line on every read, so two threads that only *read* one object still bounce its line
//! between their cores: `shared_read` got slower on two threads than on one on every
//! free-threaded backend. CPython 3.13t avoids the lock on reads with optimistic reads of
//! QSBR-freed item arrays (`_Py_TryIncrefCompare`), which needs a container layout of its own.
//! This lock keeps the containers as they are (any `T`, reallocated freely by writers) and
//! still writes nothing shared on a read.
//!
//! ## The protocol
//!
//! Each attached thread owns one cache line of *reader slots* in a process-wide table
//! ([`ReaderSlots`]), one slot per nesting level of reads (an iterator's state is read or
//! written while its container is read). Each cell has a mutex (writers, and readers while the
//! cell is not biased) and a `state` word: the `BIAS` bit, or the number of locked reads since
//! the last write.
//!
//! | who | step | ordering |
//! |---|---|---|
//! | reader, fast | store the cell's address in its own slot, then a fence | `Relaxed` + `SeqCst` fence (or compiler fence, see `announce`) |
//! | | load `state`; if `BIAS` is set, read the contents | `Acquire` |
//! | | clear the slot | `Release` |
//! | | else clear the slot and read slowly | `Relaxed` |
//! | reader, slow | lock; count the read in `state`, setting `BIAS` at [`BIAS_AFTER`] reads | `Release` when setting `BIAS` |
//! | writer | lock; if `BIAS` is set, clear it, then a fence | `Relaxed` + `SeqCst` fence (or `membarrier`) |
//! | | wait until no slot holds the cell's address | `Acquire` loads |
//! | | write the contents with `state = 0`; unlock | |
//!
//! Why a fast reader and a writer never overlap: the reader's slot store and `state` load are
//! separated by a `SeqCst` fence, and so are the writer's `state` store and slot loads, so the
//! two fences fall in one total order (Dekker's argument with fences). If the reader's load comes after the writer's store it sees no `BIAS`
//! and goes to the lock, which the writer holds. Otherwise the reader's slot store comes before
//! the writer's scan, which therefore sees the address and waits until the slot is cleared;
//! the `Release` clear orders the reader's accesses before the writer's. What a fast reader
//! reads was published by the last writer: `BIAS` is set only by a slow reader holding the
//! mutex (acquired after that writer released it), with a `Release` store that the fast
//! reader's `Acquire` load takes.
//!
//! | state of the cell | reader | writer |
//! |---|---|---|
//! | not biased, `n` locked reads since the last write | locks, `n + 1` (at `BIAS_AFTER`: biased) | locks, `n := 0` |
//! | biased | slot store + load + slot clear: no shared write | locks, revokes, scans the slots, waits for fast readers of this cell |
//!
//! A read-mostly object (a module's globals, a class's methods, a shared list that is only
//! read) becomes biased after [`BIAS_AFTER`] reads and stays biased until it is written; a
//! write-heavy object never pays the scan, because it never becomes biased. A thread without a
//! slot (more than [`MAX_READERS`] threads, or reads nested deeper than [`DEPTH`]) reads under
//! the lock: slower, never wrong.
//!
//! Deadlock freedom: a fast reader never waits for anything while it holds a slot, and the
//! closure it runs takes no lock of the same cell (docs/safety.md, I3); a writer waits only for
//! slots, while holding its cell's mutex, which no fast reader needs. Contents locks keep
//! nesting in one direction (iterator, then container), with or without slots.
//! `.ci/loom` model-checks the protocol (`tests/loom.rs`, `rbias_*`).

use std::cell::UnsafeCell;

#[cfg(loom)]
use loom::sync::atomic::{AtomicBool, AtomicPtr, AtomicU32, AtomicUsize, Ordering, fence};
#[cfg(not(loom))]
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU32, AtomicUsize, Ordering, fence};

/// Nested reads one thread may hold with slots (one cache line of pointers).
pub const DEPTH: usize = 8;
/// Threads that may hold reader slots at once; later ones read under the lock.
pub const MAX_READERS: usize = 128;
/// Locked reads in a row, with no write between, after which a cell becomes biased.
#[cfg(not(loom))]
pub const BIAS_AFTER: u32 = 32;
/// Fewer under loom, to keep the models small.
#[cfg(loom)]
pub const BIAS_AFTER: u32 = 2;
/// `state`'s bias bit; the other bits count locked reads since the last write.
const BIAS: u32 = 1;

/// One thread's reader slots: the addresses of the cells it is reading without the lock.
#[repr(align(128))] // two lines: adjacent-line prefetch must not pair two threads' slots
struct Line([AtomicPtr<()>; DEPTH]);

/// The process-wide table of reader slots, and which lines are taken.
pub struct ReaderSlots {
    lines: Box<[Line]>,
    taken: Box<[AtomicBool]>,
    /// One past the highest line ever taken: writers scan up to here.
    high: AtomicUsize,
}

impl ReaderSlots {
    /// A table for `n` threads.
    pub fn new(n: usize) -> ReaderSlots {
        ReaderSlots {
            lines: (0..n)
                .map(|_| Line(std::array::from_fn(|_| AtomicPtr::new(std::ptr::null_mut()))))
                .collect(),
            taken: (0..n).map(|_| AtomicBool::new(false)).collect(),
            high: AtomicUsize::new(0),
        }
    }

    /// Takes a free line for the calling thread, if any is left.
    pub fn claim(&self) -> Option<usize> {
        for (i, t) in self.taken.iter().enumerate() {
            // Acquire: the line's slots were all cleared (Release) by its previous holder.
            if t.compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed).is_ok() {
                // SeqCst: a writer that loads `high` after this must scan the line; it pairs
                // with the SeqCst slot stores that come after it in this thread.
                self.high.fetch_max(i + 1, Ordering::SeqCst);
                return Some(i);
            }
        }
        None
    }

    /// Gives a line back (its slots are all clear: no read is in progress).
    pub fn release(&self, line: usize) {
        // Release: the next holder sees the cleared slots.
        self.taken[line].store(false, Ordering::Release);
    }

    /// Waits until no slot holds `addr`.
    fn wait_for_readers(&self, addr: *mut ()) {
        heavy_barrier();
        // SeqCst: `claim`'s SeqCst `fetch_max` comes before this load or the claiming thread
        // has not yet announced any read.
        let high = self.high.load(Ordering::SeqCst);
        for line in &self.lines[..high] {
            for slot in &line.0 {
                let mut spins = 0u32;
                // Acquire: takes the reader's Release clear, so its read happens before the
                // write; the order against its announcement comes from the barrier above.
                while slot.load(Ordering::Acquire) == addr {
                    spin(&mut spins);
                }
            }
        }
    }
}

/// A reader's half of the Dekker pair: publish `addr` in its slot, then (the caller) load the
/// cell's state. Where Linux's `membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED)` is available the
/// store is `Relaxed` followed by a compiler fence, and the writer pays instead: its
/// [`heavy_barrier`] makes every core that runs a thread of this process execute a full
/// barrier, which orders each reader's slot store before its state load as a `SeqCst` store
/// would (the asymmetric fence of liburcu's `urcu-membarrier`). Elsewhere, and in loom and
/// ThreadSanitizer builds (which do not model the system call), the store is `SeqCst`.
#[inline(always)]
fn announce(slot: &AtomicPtr<()>, addr: *mut ()) {
    // Relaxed: ordered before the state load by the fence below.
    slot.store(addr, Ordering::Relaxed);
    #[cfg(not(any(loom, gillab_tsan)))]
    if asymmetric::available() {
        // A compiler fence only: `heavy_barrier` is the other half.
        std::sync::atomic::compiler_fence(Ordering::SeqCst);
        return;
    }
    // SeqCst fence: the reader's half of the plain Dekker pair (module docs).
    fence(Ordering::SeqCst);
}

/// The writer's half of the pair, between its state store and its slot loads: the
/// `membarrier` system call where readers rely on it, a `SeqCst` fence otherwise.
#[inline]
fn heavy_barrier() {
    #[cfg(not(any(loom, gillab_tsan)))]
    if asymmetric::available() {
        asymmetric::barrier();
        return;
    }
    // SeqCst fence: pairs with the readers' fences (module docs).
    fence(Ordering::SeqCst);
}

/// Linux's private expedited `membarrier`, registered once per process.
#[cfg(not(any(loom, gillab_tsan)))]
mod asymmetric {
    use std::sync::LazyLock;

    const QUERY: libc::c_long = 0;
    const PRIVATE_EXPEDITED: libc::c_long = 1 << 3;
    const REGISTER_PRIVATE_EXPEDITED: libc::c_long = 1 << 4;

    fn membarrier(cmd: libc::c_long) -> libc::c_long {
        // SAFETY: `membarrier(cmd, flags = 0, cpu_id = 0)` takes no pointers; an unsupported
        // command or kernel returns -1 with errno set, which callers treat as "not available".
        unsafe { libc::syscall(libc::SYS_membarrier, cmd, 0 as libc::c_long, 0 as libc::c_long) }
    }

    /// Whether the process is registered for the barrier; decided once, before any reader or
    /// writer relies on it (both sides read this same value).
    static AVAILABLE: LazyLock<bool> = LazyLock::new(|| {
        if std::env::var_os("GILLAB_NO_MEMBARRIER").is_some() {
            return false;
        }
        let cmds = membarrier(QUERY);
        cmds >= 0
            && cmds & PRIVATE_EXPEDITED != 0
            && cmds & REGISTER_PRIVATE_EXPEDITED != 0
            && membarrier(REGISTER_PRIVATE_EXPEDITED) == 0
    });

    #[inline(always)]
    pub(super) fn available() -> bool {
        *AVAILABLE
    }

    /// A full barrier on every core running a thread of this process.
    pub(super) fn barrier() {
        let r = membarrier(PRIVATE_EXPEDITED);
        // A registered process cannot be refused; if the kernel did, the readers' compiler
        // fences would not be enough, so stop rather than run unsynchronised.
        assert!(r == 0, "membarrier(PRIVATE_EXPEDITED) failed after registration");
    }
}

/// One step of a wait: spin a little, then yield the processor.
#[inline]
fn spin(spins: &mut u32) {
    *spins += 1;
    #[cfg(loom)]
    loom::thread::yield_now();
    #[cfg(not(loom))]
    if *spins < 64 {
        std::hint::spin_loop();
    } else {
        std::thread::yield_now();
    }
}

/// The writers' mutex: `parking_lot`'s, counted in `objlock`'s lock counters; a spin lock on
/// loom's atomics when the protocol is model-checked.
#[cfg(not(loom))]
struct Mutex(parking_lot::RawMutex);

#[cfg(not(loom))]
impl Mutex {
    const fn new() -> Mutex {
        use parking_lot::lock_api::RawMutex as _;
        Mutex(parking_lot::RawMutex::INIT)
    }
    #[inline(always)]
    fn lock(&self) {
        gillab_backend_objlock::lock_counted(&self.0);
    }
    #[inline(always)]
    fn unlock(&self) {
        use parking_lot::lock_api::RawMutex as _;
        // SAFETY: only called by `Unlock`, made right after this thread locked the mutex.
        unsafe { self.0.unlock() }
    }
}

#[cfg(loom)]
struct Mutex(AtomicBool);

#[cfg(loom)]
impl Mutex {
    fn new() -> Mutex {
        Mutex(AtomicBool::new(false))
    }
    fn lock(&self) {
        let mut spins = 0;
        // Acquire: pairs with `unlock`'s Release.
        while self.0.compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
            spin(&mut spins);
        }
    }
    fn unlock(&self) {
        // Release: publishes the critical section to the next holder.
        self.0.store(false, Ordering::Release);
    }
}

/// Unlocks when dropped, so a panic in a closure cannot leave the lock held.
struct Unlock<'a>(&'a Mutex);

impl Drop for Unlock<'_> {
    fn drop(&mut self) {
        self.0.unlock();
    }
}

/// Clears a reader slot when dropped (`Release`: the read happens before a writer that sees
/// the slot empty).
struct Clear<'a>(&'a AtomicPtr<()>);

impl Drop for Clear<'_> {
    fn drop(&mut self) {
        self.0.store(std::ptr::null_mut(), Ordering::Release);
    }
}

/// Contents behind a reader-biased lock.
pub struct ReadBiasedCell<T> {
    lock: Mutex,
    state: AtomicU32,
    value: UnsafeCell<T>,
}

// SAFETY: `value` is accessed shared only by readers (fast ones, which no writer overlaps, and
// slow ones holding the mutex) and exclusively only by a writer holding the mutex after it has
// revoked the bias and waited for the fast readers, or through `&mut self`; so it is shared
// across threads like an `RwLock<T>`'s contents, which needs `T: Send + Sync` (the trait's
// `Cell<T: Send + Sync>` bound).
unsafe impl<T: Send + Sync> Sync for ReadBiasedCell<T> {}
// SAFETY: `T: Send`.
unsafe impl<T: Send> Send for ReadBiasedCell<T> {}

/// Who is reading: the slot table and, when the thread has a line with a free level, that slot.
pub struct Reader<'a> {
    /// The table writers scan.
    pub slots: &'a ReaderSlots,
    /// The slot to use, or `None` to read under the lock.
    pub slot: Option<(usize, usize)>,
}

/// What a read did, for the counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadPath {
    /// Through a slot, without the lock.
    Fast,
    /// Under the lock.
    Locked,
}

impl<T> ReadBiasedCell<T> {
    /// Wraps `value`, not biased.
    #[cfg(not(loom))]
    pub const fn new(value: T) -> ReadBiasedCell<T> {
        ReadBiasedCell {
            lock: Mutex::new(),
            state: AtomicU32::new(0),
            value: UnsafeCell::new(value),
        }
    }

    /// Wraps `value`, not biased.
    #[cfg(loom)]
    pub fn new(value: T) -> ReadBiasedCell<T> {
        ReadBiasedCell {
            lock: Mutex::new(),
            state: AtomicU32::new(0),
            value: UnsafeCell::new(value),
        }
    }

    fn addr(&self) -> *mut () {
        self as *const ReadBiasedCell<T> as *mut ()
    }

    /// Runs `f` with shared access: through `reader`'s slot while the cell is biased, under
    /// the lock otherwise.
    #[inline(always)]
    pub fn read_as<R>(&self, reader: Reader<'_>, f: impl FnOnce(&T) -> R) -> (R, ReadPath) {
        if let Some((line, level)) = reader.slot {
            let slot = &reader.slots.lines[line].0[level];
            announce(slot, self.addr());
            // Acquire: takes the Release store that set BIAS, and with it the last writer's
            // contents; its order against a revocation comes from `announce`'s fence.
            if self.state.load(Ordering::Acquire) & BIAS != 0 {
                let _clear = Clear(slot);
                // SAFETY: BIAS was set after our slot store in the SeqCst order, so any writer
                // that revokes it afterwards waits for this slot to clear before it touches
                // the contents, and none is writing now (it would have revoked first). The
                // closure does not touch this cell again (I3).
                return (f(unsafe { &*self.value.get() }), ReadPath::Fast);
            }
            // Relaxed: we read nothing through the slot; a writer that saw it only waited.
            slot.store(std::ptr::null_mut(), Ordering::Relaxed);
        }
        self.lock.lock();
        let _unlock = Unlock(&self.lock);
        // Relaxed: `state`'s count is only changed under the mutex.
        let st = self.state.load(Ordering::Relaxed);
        if st & BIAS == 0 {
            let reads = (st >> 1) + 1;
            if reads >= BIAS_AFTER {
                // Release: fast readers that see BIAS (Acquire load) see the contents as the
                // mutex, which this thread holds, published them.
                self.state.store(BIAS, Ordering::Release);
            } else {
                self.state.store(reads << 1, Ordering::Relaxed);
            }
        }
        // SAFETY: the mutex is held, so no writer runs, and fast readers only read (I3).
        (f(unsafe { &*self.value.get() }), ReadPath::Locked)
    }

    /// Runs `f` with exclusive access, revoking the bias first if it is set; `true` in the
    /// second field when it was (the writer then scanned the reader slots).
    #[inline(always)]
    pub fn write_as<R>(&self, slots: &ReaderSlots, f: impl FnOnce(&mut T) -> R) -> (R, bool) {
        self.lock.lock();
        let _unlock = Unlock(&self.lock);
        // Relaxed: `state` is only changed under the mutex, which we hold.
        let st = self.state.load(Ordering::Relaxed);
        let revoked = st & BIAS != 0;
        if revoked {
            // Relaxed: ordered before the slot scan by the barrier in `wait_for_readers`
            // (the writer's half of the Dekker pair, module docs).
            self.state.store(0, Ordering::Relaxed);
            slots.wait_for_readers(self.addr());
        } else if st != 0 {
            // Relaxed: a write resets the count of reads; only read under the mutex.
            self.state.store(0, Ordering::Relaxed);
        }
        // SAFETY: the mutex excludes other writers and slow readers, and no fast reader can
        // be inside: the bias was clear when we locked, or we revoked it and waited for every
        // slot that held this cell.
        (f(unsafe { &mut *self.value.get() }), revoked)
    }

    /// Runs `f` with exclusive access and no synchronisation at all.
    ///
    /// # Safety
    /// No other thread may be able to reach this cell while `f` runs (the caller holds the
    /// only reference to the object it belongs to), and the caller's thread must already see
    /// the last write made to it (the count that proved uniqueness was read with `Acquire`).
    #[inline(always)]
    pub unsafe fn write_unsynced<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        // SAFETY: the caller guarantees no other thread can read or write the cell now, so
        // no fast reader holds it in a slot and no writer holds the mutex.
        f(unsafe { &mut *self.value.get() })
    }

    /// Exclusive access through a unique borrow (no lock needed).
    #[inline(always)]
    pub fn get_mut(&mut self) -> &mut T {
        self.value.get_mut()
    }

    /// Whether the cell is biased now (for tests).
    pub fn is_biased(&self) -> bool {
        self.state.load(Ordering::Relaxed) & BIAS != 0
    }
}

#[cfg(loom)]
pub use model::*;
#[cfg(not(loom))]
pub use process::*;

/// Under loom there is no process-wide table: the backend's entry points read and write
/// through an empty one (always under the lock), and the models call `read_as`/`write_as`
/// with tables of their own.
#[cfg(loom)]
mod model {
    use super::*;

    /// No counts are kept in model builds.
    pub fn read_counts() -> (u64, u64) {
        (0, 0)
    }

    impl<T> ReadBiasedCell<T> {
        /// Runs `f` with shared access, under the lock.
        pub fn read<R>(&self, f: impl FnOnce(&T) -> R) -> R {
            self.read_as(Reader { slots: &ReaderSlots::new(0), slot: None }, f).0
        }

        /// Runs `f` with exclusive access.
        pub fn write<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
            self.write_as(&ReaderSlots::new(0), f).0
        }
    }
}

/// The process-wide slot table and each thread's line in it.
#[cfg(not(loom))]
mod process {
    use super::*;
    use std::cell::Cell;
    use std::sync::LazyLock;

    static SLOTS: LazyLock<ReaderSlots> = LazyLock::new(|| ReaderSlots::new(MAX_READERS));

    /// The table (for tests).
    #[cfg(test)]
    pub(crate) fn slots() -> &'static ReaderSlots {
        &SLOTS
    }

    /// No line yet.
    const UNCLAIMED: u32 = u32::MAX;
    /// The table was full: read under the lock.
    const NONE_LEFT: u32 = u32::MAX - 1;

    thread_local! {
        /// This thread's line and how many reads it has nested on it.
        static LINE: Cell<(u32, u32)> = const { Cell::new((UNCLAIMED, 0)) };
        /// Gives the line back when the thread exits.
        static GIVE_BACK: GiveBack = const { GiveBack(Cell::new(UNCLAIMED)) };
    }

    struct GiveBack(Cell<u32>);

    impl Drop for GiveBack {
        fn drop(&mut self) {
            let line = self.0.get();
            if line < NONE_LEFT {
                let _ = LINE.try_with(|l| l.set((NONE_LEFT, 0)));
                SLOTS.release(line as usize);
            }
        }
    }

    /// Per-thread counts of fast reads and revocations, flushed into the totals at exit.
    struct Counts {
        fast: Cell<u64>,
        revocations: Cell<u64>,
    }

    static TOTAL_FAST: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    static TOTAL_REVOCATIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

    impl Drop for Counts {
        fn drop(&mut self) {
            // Relaxed: read after the threads that touched them were joined.
            TOTAL_FAST.fetch_add(self.fast.get(), std::sync::atomic::Ordering::Relaxed);
            TOTAL_REVOCATIONS
                .fetch_add(self.revocations.get(), std::sync::atomic::Ordering::Relaxed);
        }
    }

    thread_local! {
        static COUNTS: Counts = const { Counts { fast: Cell::new(0), revocations: Cell::new(0) } };
    }

    /// Fast (unlocked) reads and bias revocations so far in this process (this thread's
    /// pending counts plus every exited thread's), for `--stats`.
    pub fn read_counts() -> (u64, u64) {
        let (f, r) =
            COUNTS.try_with(|c| (c.fast.replace(0), c.revocations.replace(0))).unwrap_or((0, 0));
        // Relaxed: see `Counts::drop`.
        let f = TOTAL_FAST.fetch_add(f, std::sync::atomic::Ordering::Relaxed) + f;
        let r = TOTAL_REVOCATIONS.fetch_add(r, std::sync::atomic::Ordering::Relaxed) + r;
        (f, r)
    }

    #[cold]
    fn claim_line() -> u32 {
        let line = SLOTS.claim().map_or(NONE_LEFT, |l| l as u32);
        if line != NONE_LEFT && GIVE_BACK.try_with(|g| g.0.set(line)).is_err() {
            // The thread is exiting: do not keep a line nobody would give back.
            SLOTS.release(line as usize);
            return NONE_LEFT;
        }
        line
    }

    impl<T> ReadBiasedCell<T> {
        /// Runs `f` with shared access (see [`ReadBiasedCell::read_as`]), with the calling
        /// thread's slot.
        #[inline(always)]
        pub fn read<R>(&self, f: impl FnOnce(&T) -> R) -> R {
            // One thread-local access: claim a line on first use and take a nesting level.
            let entered = LINE.try_with(|l| {
                let (mut line, depth) = l.get();
                if line == UNCLAIMED {
                    line = claim_line();
                }
                l.set((line, depth + 1));
                (line, depth)
            });
            let Ok((line, depth)) = entered else {
                return self.read_as(Reader { slots: &SLOTS, slot: None }, f).0;
            };
            let _up = Depth;
            let slot = (line < NONE_LEFT && (depth as usize) < DEPTH)
                .then_some((line as usize, depth as usize));
            let (r, path) = self.read_as(Reader { slots: &SLOTS, slot }, f);
            if path == ReadPath::Fast {
                let _ = COUNTS.try_with(|c| c.fast.set(c.fast.get() + 1));
            }
            r
        }

        /// Runs `f` with exclusive access (see [`ReadBiasedCell::write_as`]).
        #[inline(always)]
        pub fn write<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
            let (r, revoked) = self.write_as(&SLOTS, f);
            if revoked {
                let _ = COUNTS.try_with(|c| c.revocations.set(c.revocations.get() + 1));
            }
            r
        }
    }

    /// Takes one nesting level off the thread's depth when a read ends (also on a panic).
    struct Depth;

    impl Drop for Depth {
        fn drop(&mut self) {
            let _ = LINE.try_with(|l| {
                let (line, depth) = l.get();
                l.set((line, depth - 1));
            });
        }
    }
}

/// Expands, inside an `unsafe impl Backend` whose `Cell<T>` is [`ReadBiasedCell<T>`], to the
/// contents methods. `cell_write_unique` calls `Self::is_unique(rc) -> bool`, an inherent
/// function the backend defines: `true` only when the calling thread holds the only reference.
#[macro_export]
macro_rules! read_biased_cell_methods {
    () => {
        #[inline(always)]
        fn cell_new<T: Send + Sync>(value: T) -> $crate::rbias::ReadBiasedCell<T> {
            $crate::rbias::ReadBiasedCell::new(value)
        }

        #[inline(always)]
        fn cell_read<T: Send + Sync, R>(
            cell: &$crate::rbias::ReadBiasedCell<T>,
            f: impl FnOnce(&T) -> R,
        ) -> R {
            cell.read(f)
        }

        #[inline(always)]
        fn cell_write<T: Send + Sync, R>(
            cell: &$crate::rbias::ReadBiasedCell<T>,
            f: impl FnOnce(&mut T) -> R,
        ) -> R {
            cell.write(f)
        }

        #[inline(always)]
        fn cell_write_unique<T: Send + Sync, R>(
            rc: &Self::RefCount,
            cell: &$crate::rbias::ReadBiasedCell<T>,
            f: impl FnOnce(&mut T) -> R,
        ) -> R {
            if Self::is_unique(rc) {
                // SAFETY: the caller holds a reference to the cell's object and `is_unique`
                // says it is the only one (read with Acquire), so no other thread can reach
                // the cell (docs/safety.md, A2).
                unsafe { cell.write_unsynced(f) }
            } else {
                cell.write(f)
            }
        }

        #[inline(always)]
        fn cell_get_mut<T: Send + Sync>(cell: &mut $crate::rbias::ReadBiasedCell<T>) -> &mut T {
            cell.get_mut()
        }
    };
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn becomes_biased_after_reads_and_a_write_revokes() {
        let cell = ReadBiasedCell::new(vec![1, 2, 3]);
        for _ in 0..BIAS_AFTER {
            assert!(!cell.is_biased());
            assert_eq!(cell.read(|v| v.len()), 3);
        }
        assert!(cell.is_biased());
        let (fast_before, rev_before) = read_counts();
        assert_eq!(cell.read(|v| v[1]), 2);
        cell.write(|v| v.push(4));
        assert!(!cell.is_biased());
        let (fast, rev) = read_counts();
        assert!(fast > fast_before && rev > rev_before);
        assert_eq!(cell.read(|v| v.len()), 4);
    }

    #[test]
    fn nested_reads_use_their_own_levels() {
        // Distinct cells (a closure never re-enters its own cell: I3), nested deeper than
        // the slots: the innermost reads fall back to the lock, still correct.
        let cells: Vec<ReadBiasedCell<u64>> =
            (0..DEPTH as u64 + 4).map(ReadBiasedCell::new).collect();
        for c in &cells {
            for _ in 0..BIAS_AFTER {
                c.read(|_| ());
            }
        }
        fn nest(cells: &[ReadBiasedCell<u64>]) -> u64 {
            match cells.split_first() {
                None => 0,
                Some((c, rest)) => c.read(|x| x + nest(rest)),
            }
        }
        let n = cells.len() as u64;
        assert_eq!(nest(&cells), n * (n - 1) / 2);
        cells[0].write(|x| *x = 10);
        assert_eq!(cells[0].read(|x| *x), 10);
    }

    /// Writers that reallocate the vector race readers that walk it: every read sees a
    /// consistent vector (all elements equal to its length) and nothing crashes.
    #[test]
    fn readers_never_see_a_write_in_progress() {
        let cell = Arc::new(ReadBiasedCell::new(vec![0usize; 0]));
        std::thread::scope(|s| {
            for _ in 0..2 {
                s.spawn(|| {
                    for i in 0..3000 {
                        cell.write(|v| {
                            let n = i % 97;
                            v.clear();
                            v.resize(n, n);
                        });
                    }
                });
            }
            for _ in 0..2 {
                s.spawn(|| {
                    for _ in 0..30000 {
                        let ok = cell.read(|v| v.iter().all(|&x| x == v.len()));
                        assert!(ok);
                    }
                });
            }
        });
    }

    #[test]
    fn slots_are_given_back_when_threads_exit() {
        for _ in 0..(MAX_READERS * 2) {
            std::thread::spawn(|| {
                let c = ReadBiasedCell::new(0);
                for _ in 0..=BIAS_AFTER {
                    c.read(|_| ());
                }
                assert!(c.is_biased());
            })
            .join()
            .unwrap();
        }
        let free = process::slots().taken.iter().filter(|t| !t.load(Ordering::Relaxed)).count();
        assert!(free >= MAX_READERS - 8, "lines leak: {free} free");
    }
}
