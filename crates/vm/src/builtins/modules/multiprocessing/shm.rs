//! Shared memory for `multiprocessing.Value`/`Array` (and their `Raw` forms): a POSIX
//! shared-memory segment (`shm_open` + `mmap`, under `/dev/shm`) that every process of a run
//! maps by name, with a process-shared recursive lock in its header.
//!
//! Layout: a 64-byte header, then the values, each naturally aligned (the data starts at a
//! page-aligned address plus 64).
//!
//! | offset | field | meaning |
//! |---|---|---|
//! | 0 | `state: u32` | the lock: 0 free, 1 held, 2 held with (possible) waiters |
//! | 4 | `owner_tid: i32` | the kernel thread id that holds it (0: none) |
//! | 8 | `owner_pid: i32` | that thread's process (0: none) |
//! | 12 | `depth: u32` | recursion depth, touched only by the owner |
//!
//! The lock is Drepper's three-state futex mutex ("Futexes are tricky", mutex 2) on a
//! process-shared futex (no `FUTEX_PRIVATE_FLAG`), made recursive like the `RLock` CPython
//! gives a `Value`. A waiter sleeps at most 50 ms at a time and then checks that the owner's
//! process is still alive (`kill(pid, 0)`): a lock whose holder died is reported as an error
//! instead of hanging the waiter forever. State table and loom model: docs/safety.md, I10.
//!
//! Values are read and written through atomics of their width (`Relaxed`), so concurrent
//! unsynchronised access from several processes is a race in Python's sense (as with
//! CPython's ctypes memory) but never undefined behaviour in Rust's.
//!
//! Names are `/gillab-ROOT-PID-N`: `ROOT` is the pid of the run's first `gillab` (inherited
//! by workers through `GILLAB_ROOT_PID`), `PID` the creating process. The creator unlinks a
//! segment when its handle is freed; `sweep_dead` removes the segments of processes that died
//! without doing so (a killed worker, reaped by the parent; a killed run, found by the next).

use std::sync::atomic::{AtomicI8, AtomicI16, AtomicI32, AtomicI64, AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// Bytes before the first value.
pub const HEADER: usize = 64;
/// Longest a waiter sleeps before it checks that the lock's owner is alive.
const CHECK_EVERY: Duration = Duration::from_millis(50);

/// One mapping of a segment. Unmapped when dropped; unlinked too by its creator.
pub struct Segment {
    ptr: *mut u8,
    len: usize,
    name: String,
    creator: bool,
}

// SAFETY: the mapping is shared memory that every access reaches through atomics (the header
// and the values alike), so sharing the pointer between threads is sound; `ptr`/`len` never
// change after creation.
unsafe impl Send for Segment {}
// SAFETY: as for `Send`: no access through `&Segment` is a plain (non-atomic) write.
unsafe impl Sync for Segment {}

/// Why a lock operation failed.
#[derive(Debug, PartialEq)]
pub enum LockError {
    /// The process holding it exited without releasing it.
    OwnerDied(i32),
    /// `release` by a thread that does not hold it.
    NotOwner,
    /// `release_plain` of a lock that is free.
    NotHeld,
}

/// The pid of the run's first `gillab` (this process, unless inherited).
pub fn root_pid() -> u32 {
    std::env::var("GILLAB_ROOT_PID")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(std::process::id)
}

/// Whether `name` is one of gil-lab's segment names (`/gillab-...`, no other slash).
fn valid_name(name: &str) -> bool {
    name.strip_prefix("/gillab-").is_some_and(|rest| !rest.contains('/'))
}

fn os_error(what: &str, name: &str) -> String {
    format!("{what} {name}: {}", std::io::Error::last_os_error())
}

impl Segment {
    /// Creates a zeroed segment with room for `data` bytes after the header.
    pub fn create(data: usize) -> Result<Segment, String> {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let len = HEADER.checked_add(data).ok_or("shared segment too large")?;
        for _ in 0..16 {
            // Relaxed: only uniqueness matters.
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            let name = format!("/gillab-{}-{}-{n}", root_pid(), std::process::id());
            match Self::open(&name, len, true) {
                Ok(s) => return Ok(s),
                Err(e) if e.contains("File exists") => continue,
                Err(e) => return Err(e),
            }
        }
        Err("could not find a free shared-memory name".into())
    }

    /// Maps the existing segment `name` of `len` bytes in all (header included).
    pub fn attach(name: &str, len: usize) -> Result<Segment, String> {
        if !valid_name(name) || len < HEADER {
            return Err(format!("not a gil-lab shared segment: {name:?}"));
        }
        Self::open(name, len, false)
    }

    /// Maps the existing segment `name`, whatever its length (a one-shot message segment).
    pub fn attach_any(name: &str) -> Result<Segment, String> {
        if !valid_name(name) {
            return Err(format!("not a gil-lab shared segment: {name:?}"));
        }
        let len = std::fs::metadata(format!("/dev/shm{name}"))
            .map_err(|e| format!("segment {name}: {e}"))?
            .len();
        Self::attach(name, len as usize)
    }

    fn open(name: &str, len: usize, create: bool) -> Result<Segment, String> {
        let cname = std::ffi::CString::new(name).map_err(|_| "bad segment name".to_string())?;
        let flags = if create { libc::O_CREAT | libc::O_EXCL | libc::O_RDWR } else { libc::O_RDWR };
        // SAFETY: `cname` is a valid NUL-terminated string; the call has no other inputs.
        let fd = unsafe { libc::shm_open(cname.as_ptr(), flags, 0o600) };
        if fd < 0 {
            return Err(os_error("shm_open", name));
        }
        let close = |fd| {
            // SAFETY: `fd` is the descriptor opened above, closed once.
            unsafe { libc::close(fd) };
        };
        if create {
            // SAFETY: `fd` is open; `len` fits in `off_t` (it came from a `usize` allocation size).
            if unsafe { libc::ftruncate(fd, len as libc::off_t) } != 0 {
                let e = os_error("ftruncate", name);
                close(fd);
                // SAFETY: as for `shm_open`.
                unsafe { libc::shm_unlink(cname.as_ptr()) };
                return Err(e);
            }
        } else {
            // SAFETY: `st` is a plain C struct that `fstat` fills; `fd` is open.
            let mut st: libc::stat = unsafe { std::mem::zeroed() };
            // SAFETY: as above.
            if unsafe { libc::fstat(fd, &mut st) } != 0 || (st.st_size as usize) < len {
                close(fd);
                return Err(format!("shared segment {name} is smaller than {len} bytes"));
            }
        }
        // SAFETY: a fresh shared mapping of `len` bytes of the open descriptor; the kernel
        // picks the address.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED,
                fd,
                0,
            )
        };
        close(fd);
        if ptr == libc::MAP_FAILED {
            return Err(os_error("mmap", name));
        }
        Ok(Segment { ptr: ptr.cast(), len, name: name.to_string(), creator: create })
    }

    /// The segment's name (what crosses to other processes).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Copies `src` into the segment at byte `offset`.
    ///
    /// # Safety
    /// The caller holds the segment's lock, and every other access to these bytes is made
    /// under it too (the lock's `Acquire`/`Release` order the plain copies, I10).
    pub(super) unsafe fn write_bytes(&self, offset: usize, src: &[u8]) -> Option<()> {
        if offset.checked_add(src.len())? > self.len {
            return None;
        }
        // SAFETY: the range is inside the mapping (checked above); exclusive by the caller's
        // lock (the contract above).
        unsafe { std::ptr::copy_nonoverlapping(src.as_ptr(), self.ptr.add(offset), src.len()) };
        Some(())
    }

    /// Copies `dst.len()` bytes out of the segment from byte `offset`.
    ///
    /// # Safety
    /// As for [`Segment::write_bytes`].
    pub(super) unsafe fn read_bytes(&self, offset: usize, dst: &mut [u8]) -> Option<()> {
        if offset.checked_add(dst.len())? > self.len {
            return None;
        }
        // SAFETY: as in `write_bytes`.
        unsafe { std::ptr::copy_nonoverlapping(self.ptr.add(offset), dst.as_mut_ptr(), dst.len()) };
        Some(())
    }

    /// Gives up unlinking: the segment now belongs to whoever unlinks it by name.
    pub(super) fn disown(&mut self) {
        self.creator = false;
    }

    /// Unlinks the segment's name now (a receiver that consumed a one-shot segment).
    pub(super) fn unlink(&self) {
        if let Ok(c) = std::ffi::CString::new(self.name.as_str()) {
            // SAFETY: `c` is a valid NUL-terminated name.
            unsafe { libc::shm_unlink(c.as_ptr()) };
        }
    }

    /// Its length, header included.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether it holds no values.
    pub fn is_empty(&self) -> bool {
        self.len == HEADER
    }

    /// The atomic of type `T` at byte `offset`, if it lies inside and is aligned.
    pub(super) fn at<T>(&self, offset: usize) -> Option<&T> {
        let size = std::mem::size_of::<T>();
        if !offset.is_multiple_of(std::mem::align_of::<T>()) || offset.checked_add(size)? > self.len
        {
            return None;
        }
        // SAFETY: the range is inside the live mapping (checked above) and aligned for `T`
        // (the mapping is page-aligned); `T` is one of the atomic integer types, valid for
        // any bit pattern and only ever accessed atomically (module docs).
        Some(unsafe { &*self.ptr.add(offset).cast::<T>() })
    }

    /// A header field: `offset` is one of the constants below, all inside the header.
    fn word<T>(&self, offset: usize) -> &T {
        debug_assert!(offset + std::mem::size_of::<T>() <= HEADER);
        // SAFETY: every segment is at least HEADER bytes (checked in `create` and `attach`),
        // the offsets are multiples of 4 below 16, and `T` is a 4-byte atomic; as in `at`,
        // the memory is only ever accessed atomically.
        unsafe { &*self.ptr.add(offset).cast::<T>() }
    }

    fn state(&self) -> &AtomicU32 {
        self.word(0)
    }
    fn owner_tid(&self) -> &AtomicI32 {
        self.word(4)
    }
    fn owner_pid(&self) -> &AtomicI32 {
        self.word(8)
    }
    fn depth(&self) -> &AtomicU32 {
        self.word(12)
    }

    /// Reads value `index` of type `code` (a `struct`/`array` typecode).
    pub fn load(&self, code: char, index: usize) -> Option<Scalar> {
        let width = width(code)?;
        let off = HEADER.checked_add(index.checked_mul(width)?)?;
        // Relaxed: values are plain memory shared without ordering (module docs).
        let r = Ordering::Relaxed;
        Some(match code {
            'b' => Scalar::Int(self.at::<AtomicI8>(off)?.load(r) as i64),
            'B' => Scalar::Int(self.at::<AtomicI8>(off)?.load(r) as u8 as i64),
            'h' => Scalar::Int(self.at::<AtomicI16>(off)?.load(r) as i64),
            'H' => Scalar::Int(self.at::<AtomicI16>(off)?.load(r) as u16 as i64),
            'i' => Scalar::Int(self.at::<AtomicI32>(off)?.load(r) as i64),
            'I' => Scalar::Int(self.at::<AtomicI32>(off)?.load(r) as u32 as i64),
            'l' | 'q' => Scalar::Int(self.at::<AtomicI64>(off)?.load(r)),
            'L' | 'Q' => Scalar::UInt(self.at::<AtomicI64>(off)?.load(r) as u64),
            'f' => Scalar::Float(f32::from_bits(self.at::<AtomicU32>(off)?.load(r)) as f64),
            'd' => Scalar::Float(f64::from_bits(self.at::<AtomicI64>(off)?.load(r) as u64)),
            _ => return None,
        })
    }

    /// Writes value `index` of type `code`: integers wrap to the type's width, as ctypes
    /// does; `None` if out of range.
    pub fn store(&self, code: char, index: usize, v: Scalar) -> Option<()> {
        let width = width(code)?;
        let off = HEADER.checked_add(index.checked_mul(width)?)?;
        let bits = match v {
            Scalar::Int(i) => i as u64,
            Scalar::UInt(u) => u,
            Scalar::Float(f) if code == 'f' => (f as f32).to_bits() as u64,
            Scalar::Float(f) => f.to_bits(),
        };
        // Relaxed: as in `load`.
        let r = Ordering::Relaxed;
        match width {
            1 => self.at::<AtomicI8>(off)?.store(bits as i8, r),
            2 => self.at::<AtomicI16>(off)?.store(bits as i16, r),
            4 => self.at::<AtomicI32>(off)?.store(bits as i32, r),
            _ => self.at::<AtomicI64>(off)?.store(bits as i64, r),
        }
        Some(())
    }

    /// Acquires the lock (recursively for the thread that holds it). `Ok(false)` when it was
    /// not free and `block` is false, or `timeout` passed.
    pub fn acquire(&self, block: bool, timeout: Option<Duration>) -> Result<bool, LockError> {
        let me = gettid();
        // Relaxed: only this thread ever stores its own id there, so reading it back is exact.
        if self.owner_tid().load(Ordering::Relaxed) == me {
            self.depth().fetch_add(1, Ordering::Relaxed);
            return Ok(true);
        }
        self.acquire_plain(block, timeout)
    }

    /// Acquires the lock as a `threading.Lock` does: not recursively (a thread that holds it
    /// and asks again waits, or gets `false`). Used by `multiprocessing.Lock` and by a
    /// `threading.Lock` shared with `shard`'s remote threads.
    pub fn acquire_plain(&self, block: bool, timeout: Option<Duration>) -> Result<bool, LockError> {
        let me = gettid();
        let deadline = timeout.map(|t| Instant::now() + t);
        // Acquire (every successful exchange below): the holder's writes, published by its
        // `Release` in `release`, happen before ours.
        let mut c = match self.state().compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
        {
            Ok(_) => return Ok(self.owned(me)),
            Err(c) => c,
        };
        if !block {
            return Ok(false);
        }
        loop {
            if c == 2 || self.state().swap(2, Ordering::Acquire) != 0 {
                let slice = match deadline {
                    Some(d) => d.saturating_duration_since(Instant::now()).min(CHECK_EVERY),
                    None => CHECK_EVERY,
                };
                futex_wait(self.state(), 2, slice);
                // Relaxed: a stale pid only delays the check to the next slice.
                let pid = self.owner_pid().load(Ordering::Relaxed);
                if pid != 0 && !alive(pid) && self.state().load(Ordering::Relaxed) != 0 {
                    return Err(LockError::OwnerDied(pid));
                }
                if deadline.is_some_and(|d| Instant::now() >= d) {
                    return Ok(false);
                }
            } else {
                return Ok(self.owned(me));
            }
            c = match self.state().compare_exchange(0, 2, Ordering::Acquire, Ordering::Relaxed) {
                Ok(_) => return Ok(self.owned(me)),
                Err(c) => c,
            };
        }
    }

    fn owned(&self, me: i32) -> bool {
        // Relaxed: these fields are read by other processes only for the liveness check and
        // by this thread for recursion; the lock word orders everything else.
        self.owner_pid().store(my_pid(), Ordering::Relaxed);
        self.owner_tid().store(me, Ordering::Relaxed);
        self.depth().store(1, Ordering::Relaxed);
        true
    }

    /// Releases one level of the lock.
    pub fn release(&self) -> Result<(), LockError> {
        // Relaxed: as in `acquire`.
        if self.owner_tid().load(Ordering::Relaxed) != gettid() {
            return Err(LockError::NotOwner);
        }
        if self.depth().fetch_sub(1, Ordering::Relaxed) > 1 {
            return Ok(());
        }
        self.owner_tid().store(0, Ordering::Relaxed);
        self.owner_pid().store(0, Ordering::Relaxed);
        // Release: publishes the holder's writes to the next acquirer.
        if self.state().fetch_sub(1, Ordering::Release) != 1 {
            self.state().store(0, Ordering::Release);
            futex_wake(self.state());
        }
        Ok(())
    }

    /// Releases a lock taken with [`acquire_plain`](Self::acquire_plain), from any thread of
    /// any process, as `threading.Lock.release` may be. `Err(NotHeld)` if it is free.
    pub fn release_plain(&self) -> Result<(), LockError> {
        loop {
            // Relaxed: the compare-exchange below decides; this only picks the expected value.
            let s = self.state().load(Ordering::Relaxed);
            if s == 0 {
                return Err(LockError::NotHeld);
            }
            // Relaxed: as in `owned`; cleared before the lock word frees the lock.
            self.owner_tid().store(0, Ordering::Relaxed);
            self.owner_pid().store(0, Ordering::Relaxed);
            // Release: publishes the holder's writes to the next acquirer. A compare-exchange
            // (not `release`'s fetch_sub) so that two racing releases of a lock held once
            // free it once and the second reports it, instead of wrapping the word.
            if self.state().compare_exchange(s, 0, Ordering::Release, Ordering::Relaxed).is_ok() {
                if s == 2 {
                    futex_wake(self.state());
                }
                return Ok(());
            }
        }
    }

    /// The holder's pid and recursion depth, `(0, 0)` when free: a snapshot for `repr`.
    pub fn owner(&self) -> (i32, u32) {
        // Relaxed: a snapshot; the fields may change as soon as they are read.
        if self.state().load(Ordering::Relaxed) == 0 {
            return (0, 0);
        }
        (self.owner_pid().load(Ordering::Relaxed), self.depth().load(Ordering::Relaxed))
    }

    /// Whether the lock is held (by anyone).
    pub fn is_locked(&self) -> bool {
        // Relaxed: a snapshot, as `threading.Lock.locked()` is.
        self.state().load(Ordering::Relaxed) != 0
    }
}

impl Drop for Segment {
    fn drop(&mut self) {
        // SAFETY: `ptr`/`len` are the mapping made in `open`, unmapped once, here.
        unsafe { libc::munmap(self.ptr.cast(), self.len) };
        if self.creator
            && let Ok(c) = std::ffi::CString::new(self.name.as_str())
        {
            // SAFETY: `c` is a valid NUL-terminated name.
            unsafe { libc::shm_unlink(c.as_ptr()) };
        }
    }
}

/// A value read from or written to a segment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar {
    /// Any signed type, or an unsigned one narrower than 64 bits.
    Int(i64),
    /// `L`/`Q`.
    UInt(u64),
    /// `f`/`d`.
    Float(f64),
}

/// The byte width of typecode `code`, or `None` if it is not supported.
pub fn width(code: char) -> Option<usize> {
    Some(match code {
        'b' | 'B' => 1,
        'h' | 'H' => 2,
        'i' | 'I' | 'f' => 4,
        'l' | 'L' | 'q' | 'Q' | 'd' => 8,
        _ => return None,
    })
}

thread_local! {
    // SAFETY: `gettid` takes no arguments and cannot fail.
    static TID: i32 = unsafe { libc::gettid() };
}

/// The calling thread's kernel id, asked of the kernel once per thread (every lock operation
/// needs it, and the system call was a third of a manager round trip's).
fn gettid() -> i32 {
    TID.with(|t| *t)
}

/// This process's id, asked once: workers are started by `exec`, never by a bare `fork`, so
/// it cannot change under a running interpreter.
pub(super) fn my_pid() -> i32 {
    static PID: std::sync::OnceLock<i32> = std::sync::OnceLock::new();
    *PID.get_or_init(|| std::process::id() as i32)
}

/// Whether process `pid` exists, zombies included (one `kill(pid, 0)`: cheap enough for
/// every `send`; a zombie is reaped by its parent within milliseconds).
pub(super) fn exists(pid: i32) -> bool {
    // SAFETY: signal 0 only checks for existence and permission.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

/// Whether process `pid` exists (a zombie counts as dead: it can no longer release).
pub(super) fn alive(pid: i32) -> bool {
    if !exists(pid) {
        return false;
    }
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(s) => !s.rsplit(')').next().is_some_and(|rest| rest.trim_start().starts_with('Z')),
        Err(_) => true,
    }
}

pub(super) fn futex_wait(word: &AtomicU32, expected: u32, timeout: Duration) {
    let ts = libc::timespec {
        tv_sec: timeout.as_secs() as libc::time_t,
        tv_nsec: timeout.subsec_nanos() as libc::c_long,
    };
    // SAFETY: `word` is a live, aligned u32 in shared memory; FUTEX_WAIT only reads it and
    // sleeps while it equals `expected`, at most `ts`.
    unsafe {
        libc::syscall(libc::SYS_futex, word.as_ptr(), libc::FUTEX_WAIT, expected, &ts as *const _)
    };
}

fn futex_wake(word: &AtomicU32) {
    futex_wake_n(word, 1);
}

/// Wakes up to `n` sleepers on `word`.
pub(super) fn futex_wake_n(word: &AtomicU32, n: i32) {
    // SAFETY: as in `futex_wait`; FUTEX_WAKE only wakes sleepers on the address.
    unsafe { libc::syscall(libc::SYS_futex, word.as_ptr(), libc::FUTEX_WAKE, n) };
}

/// Removes the segments in `/dev/shm` left by processes that no longer exist: those whose
/// creator is `pid` (a child just reaped), or, with `None`, those of any run whose root and
/// creator are both gone. Returns how many were removed.
pub fn sweep_dead(pid: Option<u32>) -> usize {
    let Ok(dir) = std::fs::read_dir("/dev/shm") else { return 0 };
    let mut removed = 0;
    for entry in dir.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(rest) = name.strip_prefix("gillab-") else { continue };
        let mut parts = rest.split('-').map(|p| p.parse::<i32>().ok());
        let (Some(Some(root)), Some(Some(creator))) = (parts.next(), parts.next()) else {
            continue;
        };
        let stale = match pid {
            Some(p) => creator == p as i32,
            None => !alive(root) && !alive(creator),
        };
        if stale && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_and_wrap() {
        let s = Segment::create(64).unwrap();
        s.store('i', 0, Scalar::Int(1 << 31)).unwrap();
        assert_eq!(s.load('i', 0), Some(Scalar::Int(-(1 << 31))));
        s.store('B', 8, Scalar::Int(300)).unwrap();
        assert_eq!(s.load('B', 8), Some(Scalar::Int(44)));
        s.store('d', 2, Scalar::Float(0.1)).unwrap();
        assert_eq!(s.load('d', 2), Some(Scalar::Float(0.1)));
        assert_eq!(s.load('d', 8), None, "past the end");
        assert_eq!(s.load('x', 0), None);
        let t = Segment::attach(s.name(), s.len()).unwrap();
        assert_eq!(t.load('d', 2), Some(Scalar::Float(0.1)));
        let path = format!("/dev/shm{}", s.name());
        drop(t);
        assert!(std::path::Path::new(&path).exists());
        drop(s);
        assert!(!std::path::Path::new(&path).exists(), "the creator unlinks");
    }

    #[test]
    fn lock_is_recursive_and_checks_its_owner() {
        let s = Segment::create(8).unwrap();
        assert_eq!(s.release(), Err(LockError::NotOwner));
        assert_eq!(s.acquire(true, None), Ok(true));
        assert_eq!(s.acquire(false, None), Ok(true));
        s.release().unwrap();
        s.release().unwrap();
        assert_eq!(s.release(), Err(LockError::NotOwner));
        let s = std::sync::Arc::new(s);
        s.acquire(true, None).unwrap();
        let other = s.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        let waited = std::thread::spawn(move || {
            // Held by the main thread until it hears this result: times out.
            tx.send(other.acquire(true, Some(Duration::from_millis(30)))).unwrap();
            let got = other.acquire(true, Some(Duration::from_secs(60)));
            other.release().unwrap();
            got
        });
        assert_eq!(rx.recv().unwrap(), Ok(false));
        s.release().unwrap();
        assert_eq!(waited.join().unwrap(), Ok(true));
    }

    #[test]
    fn attach_refuses_other_names() {
        assert!(Segment::attach("/etc-passwd", 64).is_err());
        assert!(Segment::attach("/gillab-x/../y", 64).is_err());
        assert!(Segment::attach("/gillab-1-1-999999", 64).is_err());
    }
}
