//! A message channel in a shared segment, for `multiprocessing.Queue` and `JoinableQueue`:
//! a byte ring of length-prefixed messages (the values' wire encoding) behind the segment's
//! process-shared lock (`shm.rs`, I10), with a futex sequence word that every change bumps so
//! that blocked `put`s and `get`s sleep instead of spinning.
//!
//! Layout after the lock (bytes 0–15 of the segment header):
//!
//! | offset | field | meaning |
//! |---|---|---|
//! | 16 | `seq: u32` | bumped (and its sleepers woken) by every put, get and `task_done` |
//! | 24 | `head: u64` | ring bytes consumed, ever |
//! | 32 | `tail: u64` | ring bytes produced, ever |
//! | 40 | `items: u64` | messages in the ring |
//! | 48 | `unfinished: u64` | messages put and not yet marked done (`JoinableQueue`) |
//!
//! Then, for `Pipe`'s connections, two tables (readers, writers) of 16 slots each of
//! `(pid: i32, count: i32)`: how many open ends of each kind each process holds. A `recv`
//! that finds the ring empty and no live process with an open writing end raises `EOFError`;
//! a `send` with no live reading end raises `BrokenPipeError`. A process that dies holding
//! ends counts as having closed them, so a killed peer never leaves the other side waiting.
//!
//! The ring is everything after the tables (`RING`). A message is a 4-byte little-endian
//! length and its bytes, wrapping around the end. A message longer than a quarter of the ring
//! travels in a segment of its own: the record then holds the length with the top bit set and
//! that segment's name, and the receiver maps it, copies it out and unlinks it.
//!
//! Every field and ring byte is read and written only under the lock; waiters read `seq`
//! before they release the lock and sleep only while it is unchanged, so no wake is lost. A
//! blocked operation wakes at least every 50 ms to check its deadline, and the lock reports a
//! holder that died (a process killed inside a queue operation) instead of hanging.

use super::shm::{HEADER, LockError, Segment, alive, exists, futex_wait, futex_wake_n, my_pid};
use std::sync::atomic::{AtomicI32, AtomicU32, AtomicU64, Ordering};
use std::time::{Duration, Instant};

const SEQ: usize = 16;
const HEAD: usize = 24;
const TAIL: usize = 32;
const ITEMS: usize = 40;
const UNFINISHED: usize = 48;
/// The end tables (see the module docs): `ROLES` tables of `SLOTS` slots of two `i32`s.
const TABLES: usize = HEADER;
const SLOTS: usize = 16;
/// Where the ring starts.
const RING: usize = TABLES + 2 * SLOTS * 8;
/// A connection end's role.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Role {
    /// It receives.
    Reader = 0,
    /// It sends.
    Writer = 1,
}

/// Top bit of a record's length: the bytes are in a segment of their own.
const SIDE: u32 = 1 << 31;
const SLICE: Duration = Duration::from_millis(50);

/// What a channel operation could not do.
#[derive(Debug, PartialEq)]
pub enum ChanError {
    /// The lock's holder died, or a side segment could not be made or mapped.
    Lock(LockError),
    /// An OS error (a side segment).
    Os(String),
    /// `task_done` more often than `put`.
    TooManyDone,
    /// `recv` with nothing left and every writing end closed.
    Eof,
    /// `send` with every reading end closed.
    BrokenPipe,
    /// More processes than the end table has slots.
    TooManyEnds,
}

impl From<LockError> for ChanError {
    fn from(e: LockError) -> ChanError {
        ChanError::Lock(e)
    }
}

/// A channel over a mapped segment (see the module docs).
pub struct Channel<'a> {
    seg: &'a Segment,
}

fn u64_at(seg: &Segment, off: usize) -> &AtomicU64 {
    // Inside the header of every segment (len >= HEADER); `at` checks it regardless.
    seg.at::<AtomicU64>(off).unwrap_or_else(|| unreachable!("header field"))
}

impl<'a> Channel<'a> {
    /// The channel in `seg` (a segment made for one: at least a header and some ring).
    pub fn new(seg: &'a Segment) -> Option<Channel<'a>> {
        (seg.len() > RING + 8).then_some(Channel { seg })
    }

    fn cap(&self) -> u64 {
        (self.seg.len() - RING) as u64
    }

    fn seq(&self) -> &AtomicU32 {
        self.seg.at::<AtomicU32>(SEQ).unwrap_or_else(|| unreachable!("header field"))
    }

    // Relaxed for every field: they are read and written only under the segment's lock,
    // whose Acquire/Release order them (I10).
    fn field(&self, off: usize) -> u64 {
        u64_at(self.seg, off).load(Ordering::Relaxed)
    }
    fn set_field(&self, off: usize, v: u64) {
        u64_at(self.seg, off).store(v, Ordering::Relaxed)
    }

    /// Bumps `seq` and wakes every sleeper; under the lock.
    fn changed(&self) {
        // Relaxed: sleepers compare the value in the kernel; the lock orders the data.
        self.seq().fetch_add(1, Ordering::Relaxed);
    }

    fn wake_all(&self) {
        futex_wake_n(self.seq(), i32::MAX);
    }

    /// Runs `f` once under the segment's lock.
    fn locked<R>(&self, f: impl FnOnce(&Self) -> R) -> Result<R, ChanError> {
        self.seg.acquire(true, None)?;
        let r = f(self);
        self.seg.release()?;
        Ok(r)
    }

    /// Runs `step` under the lock until it returns `Some`, sleeping on `seq` between tries;
    /// `None` if `block` is false or `deadline` passes first.
    fn wait_for<R>(
        &self,
        block: bool,
        deadline: Option<Instant>,
        mut step: impl FnMut(&Self) -> Result<Option<R>, ChanError>,
    ) -> Result<Option<R>, ChanError> {
        loop {
            let (r, seen) = self.locked(|c| {
                // Relaxed: read under the lock, so no bump can fall between it and the sleep.
                (step(c), c.seq().load(Ordering::Relaxed))
            })?;
            match r? {
                Some(v) => {
                    self.wake_all();
                    return Ok(Some(v));
                }
                None if !block => return Ok(None),
                None => {}
            }
            let slice = match deadline {
                Some(d) => {
                    let left = d.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return Ok(None);
                    }
                    left.min(SLICE)
                }
                None => SLICE,
            };
            futex_wait(self.seq(), seen, slice);
        }
    }

    fn ring_write(&self, mut pos: u64, bytes: &[u8]) {
        let cap = self.cap();
        let mut done = 0;
        while done < bytes.len() {
            let at = (pos % cap) as usize;
            let n = (bytes.len() - done).min(cap as usize - at);
            // SAFETY: under the segment's lock (every caller is a `wait_for` step).
            unsafe { self.seg.write_bytes(RING + at, &bytes[done..done + n]) };
            done += n;
            pos += n as u64;
        }
    }

    fn ring_read(&self, mut pos: u64, out: &mut [u8]) {
        let cap = self.cap();
        let mut done = 0;
        while done < out.len() {
            let at = (pos % cap) as usize;
            let n = (out.len() - done).min(cap as usize - at);
            // SAFETY: as in `ring_write`.
            unsafe { self.seg.read_bytes(RING + at, &mut out[done..done + n]) };
            done += n;
            pos += n as u64;
        }
    }

    /// Puts `msg`; `Ok(false)` when the queue stayed full (`maxsize` messages, 0 for no
    /// limit, or no room in the ring) until `deadline`, or at once when `block` is false.
    pub fn put(
        &self,
        msg: &[u8],
        maxsize: u64,
        block: bool,
        deadline: Option<Instant>,
    ) -> Result<bool, ChanError> {
        // A long message goes in a segment of its own; the ring carries its name.
        let side = if msg.len() as u64 > self.cap() / 4 {
            let mut s = Segment::create(msg.len()).map_err(ChanError::Os)?;
            // SAFETY: nobody else knows the new segment's name yet.
            unsafe { s.write_bytes(HEADER, msg) };
            s.disown();
            Some(s)
        } else {
            None
        };
        let (record, flag) = match &side {
            Some(s) => (s.name().as_bytes(), SIDE),
            None => (msg, 0),
        };
        let need = 4 + record.len() as u64;
        if need > self.cap() {
            return Err(ChanError::Os("message too long for the channel".into()));
        }
        let put = self.wait_for(block, deadline, |c| {
            let (head, tail, items) = (c.field(HEAD), c.field(TAIL), c.field(ITEMS));
            let room = c.cap() - (tail - head);
            if (maxsize > 0 && items >= maxsize) || room < need {
                return Ok(None);
            }
            let len = record.len() as u32 | flag;
            c.ring_write(tail, &len.to_le_bytes());
            c.ring_write(tail + 4, record);
            c.set_field(TAIL, tail + need);
            c.set_field(ITEMS, items + 1);
            c.set_field(UNFINISHED, c.field(UNFINISHED) + 1);
            c.changed();
            Ok(Some(()))
        })?;
        Ok(put.is_some())
    }

    /// Takes the oldest message; `Ok(None)` when there was none until `deadline`, or at once
    /// when `block` is false.
    pub fn get(
        &self,
        block: bool,
        deadline: Option<Instant>,
    ) -> Result<Option<Vec<u8>>, ChanError> {
        let rec = self.wait_for(block, deadline, |c| {
            let (head, items) = (c.field(HEAD), c.field(ITEMS));
            if items == 0 {
                return Ok(None);
            }
            let mut len = [0u8; 4];
            c.ring_read(head, &mut len);
            let len = u32::from_le_bytes(len);
            let mut out = vec![0u8; (len & !SIDE) as usize];
            c.ring_read(head + 4, &mut out);
            c.set_field(HEAD, head + 4 + out.len() as u64);
            c.set_field(ITEMS, items - 1);
            c.changed();
            Ok(Some((len & SIDE != 0, out)))
        })?;
        let Some((side, bytes)) = rec else { return Ok(None) };
        if !side {
            return Ok(Some(bytes));
        }
        let name = String::from_utf8(bytes).map_err(|_| ChanError::Os("bad side name".into()))?;
        let seg = Segment::attach_any(&name).map_err(ChanError::Os)?;
        seg.unlink();
        let mut out = vec![0u8; seg.len() - HEADER];
        // SAFETY: the writer finished with the segment before it put the record, and its
        // name reached only this reader (through the ring, under the lock).
        unsafe { seg.read_bytes(HEADER, &mut out) };
        Ok(Some(out))
    }

    fn slot(&self, role: Role, i: usize) -> (&AtomicI32, &AtomicI32) {
        let off = TABLES + (role as usize * SLOTS + i) * 8;
        let word = |o| self.seg.at::<AtomicI32>(o).unwrap_or_else(|| unreachable!("end table"));
        (word(off), word(off + 4))
    }

    /// Whether some live process (this one included) holds an open end of `role`; under the
    /// lock.
    fn ends_open(&self, role: Role) -> bool {
        let me = my_pid();
        (0..SLOTS).any(|i| {
            let (pid, count) = self.slot(role, i);
            // Relaxed: under the lock (see `field`).
            let (pid, count) = (pid.load(Ordering::Relaxed), count.load(Ordering::Relaxed));
            count > 0 && (pid == me || exists(pid))
        })
    }

    /// Counts one more open end of `role` held by this process.
    pub fn open_end(&self, role: Role) -> Result<(), ChanError> {
        let me = my_pid();
        // Relaxed: under the lock (see `field`).
        let r = Ordering::Relaxed;
        let found = self.locked(|c| {
            let mine = (0..SLOTS).find(|&i| c.slot(role, i).0.load(r) == me);
            let free = || {
                (0..SLOTS).find(|&i| {
                    let (pid, count) = c.slot(role, i);
                    count.load(r) <= 0 || !alive(pid.load(r))
                })
            };
            let (pid, count) = c.slot(role, mine.or_else(free)?);
            if pid.load(r) != me {
                pid.store(me, r);
                count.store(0, r);
            }
            count.fetch_add(1, r);
            Some(())
        })?;
        found.ok_or(ChanError::TooManyEnds)
    }

    /// Counts one open end of `role` held by this process as closed, and wakes waiters so
    /// that a peer blocked in `recv` sees the end of the stream.
    pub fn close_end(&self, role: Role) -> Result<(), ChanError> {
        self.close_end_of(role, my_pid())
    }

    /// Counts one open end of `role` held by process `me` as closed: that process's own
    /// close, or, for an end lent to a receiver while it crossed (`Connection`'s
    /// `__gillab_reduce__`), the receiver handing the lender's count back once it holds its
    /// own.
    pub fn close_end_of(&self, role: Role, me: i32) -> Result<(), ChanError> {
        // Relaxed: under the lock (see `field`).
        let r = Ordering::Relaxed;
        self.locked(|c| {
            if let Some(i) = (0..SLOTS).find(|&i| c.slot(role, i).0.load(r) == me) {
                let (pid, count) = c.slot(role, i);
                if count.fetch_sub(1, r) <= 1 {
                    pid.store(0, r);
                    count.store(0, r);
                }
                c.changed();
            }
        })?;
        self.wake_all();
        Ok(())
    }

    /// `Connection.send`: puts `msg`, raising `BrokenPipe` when no reading end is open.
    pub fn send(&self, msg: &[u8]) -> Result<(), ChanError> {
        // The check and the put are separate steps: a reader that closes in between
        // leaves the message unread, as a pipe's buffer would.
        if !self.locked(|c| c.ends_open(Role::Reader))? {
            return Err(ChanError::BrokenPipe);
        }
        self.put(msg, 0, true, None).map(|_| ())
    }

    /// `Connection.recv`: the next message, `Eof` when none is left and no writing end is
    /// open, `Ok(None)` when `deadline` passed (used by `poll`, which passes `peek`).
    pub fn recv(
        &self,
        deadline: Option<Instant>,
        peek: bool,
    ) -> Result<Option<Vec<u8>>, ChanError> {
        loop {
            let ready = self.wait_for(true, deadline, |c| {
                if c.field(ITEMS) > 0 {
                    return Ok(Some(true));
                }
                if !c.ends_open(Role::Writer) {
                    return if peek { Ok(Some(false)) } else { Err(ChanError::Eof) };
                }
                Ok(None)
            })?;
            match ready {
                None => return Ok(None),
                Some(_) if peek => return Ok(Some(Vec::new())),
                Some(_) => {}
            }
            if let Some(m) = self.get(false, None)? {
                return Ok(Some(m));
            }
            // Another receiver of the same end took it: wait again.
        }
    }

    /// Messages in the ring.
    pub fn items(&self) -> Result<u64, ChanError> {
        self.locked(|c| c.field(ITEMS))
    }

    /// Adds `n` to the messages not yet marked done (a local queue promoted with items that
    /// were taken but not yet marked done).
    pub fn add_unfinished(&self, n: u64) -> Result<(), ChanError> {
        self.locked(|c| c.set_field(UNFINISHED, c.field(UNFINISHED) + n))
    }

    /// `JoinableQueue.task_done`.
    pub fn task_done(&self) -> Result<(), ChanError> {
        let n = self.locked(|c| {
            let n = c.field(UNFINISHED);
            if n > 0 {
                c.set_field(UNFINISHED, n - 1);
                c.changed();
            }
            n
        })?;
        if n == 0 {
            return Err(ChanError::TooManyDone);
        }
        self.wake_all();
        Ok(())
    }

    /// `JoinableQueue.join`: waits until every message put was marked done.
    pub fn join(&self, deadline: Option<Instant>) -> Result<bool, ChanError> {
        let r = self.wait_for(true, deadline, |c| Ok((c.field(UNFINISHED) == 0).then_some(())))?;
        Ok(r.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_wrap_and_long_ones_go_aside() {
        let seg = Segment::create(RING - HEADER + 64).unwrap();
        let c = Channel::new(&seg).unwrap();
        for round in 0..20u8 {
            let msg = vec![round; 10];
            assert_eq!(c.put(&msg, 0, false, None), Ok(true));
            assert_eq!(c.get(false, None), Ok(Some(msg)));
        }
        assert_eq!(c.get(false, None), Ok(None));
        let long = vec![7u8; 1000];
        assert_eq!(c.put(&long, 0, false, None), Ok(true));
        assert_eq!(c.get(false, None), Ok(Some(long)));
        assert_eq!(c.put(b"a", 1, false, None), Ok(true));
        assert_eq!(c.put(b"b", 1, false, None), Ok(false), "maxsize 1");
        assert_eq!(c.items(), Ok(1));
    }

    #[test]
    fn task_done_counts_and_join_waits() {
        let seg = Segment::create(RING - HEADER + 256).unwrap();
        let c = Channel::new(&seg).unwrap();
        assert_eq!(c.task_done(), Err(ChanError::TooManyDone));
        c.put(b"x", 0, true, None).unwrap();
        assert_eq!(c.join(Some(Instant::now() + Duration::from_millis(20))), Ok(false));
        c.get(true, None).unwrap();
        c.task_done().unwrap();
        assert_eq!(c.join(None), Ok(true));
    }

    #[test]
    fn a_blocked_get_wakes_for_a_put_from_another_thread() {
        let seg = std::sync::Arc::new(Segment::create(RING - HEADER + 256).unwrap());
        let other = seg.clone();
        let t = std::thread::spawn(move || {
            let c = Channel::new(&other).unwrap();
            c.get(true, Some(Instant::now() + Duration::from_secs(60)))
        });
        // Whether the get is already blocked or not yet started, it gets the message.
        std::thread::sleep(Duration::from_millis(30));
        Channel::new(&seg).unwrap().put(b"hello", 0, true, None).unwrap();
        assert_eq!(t.join().unwrap(), Ok(Some(b"hello".to_vec())));
    }

    #[test]
    fn ends_decide_eof_and_broken_pipe() {
        let seg = Segment::create(RING - HEADER + 256).unwrap();
        let c = Channel::new(&seg).unwrap();
        assert_eq!(c.send(b"x"), Err(ChanError::BrokenPipe), "no reader");
        c.open_end(Role::Reader).unwrap();
        c.open_end(Role::Writer).unwrap();
        c.send(b"x").unwrap();
        c.close_end(Role::Writer).unwrap();
        assert_eq!(c.recv(None, false), Ok(Some(b"x".to_vec())), "what was sent stays");
        assert_eq!(c.recv(None, false), Err(ChanError::Eof));
        assert_eq!(c.recv(None, true), Ok(Some(Vec::new())), "poll sees the end");
        c.open_end(Role::Writer).unwrap();
        assert_eq!(c.recv(Some(Instant::now()), true), Ok(None), "a writer is open again");
        c.close_end_of(Role::Reader, std::process::id() as i32).unwrap();
        assert_eq!(c.send(b"y"), Err(ChanError::BrokenPipe));
    }
}
