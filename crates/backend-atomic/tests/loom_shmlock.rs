//! Loom model of the process-shared lock of `multiprocessing`'s shared values
//! (`gillab_vm::builtins::modules::multiprocessing::shm`, invariant I10 in docs/safety.md):
//! Drepper's three-state futex mutex. `state` is 0 (free), 1 (held) or 2 (held, maybe
//! waiters). Acquire: CAS 0 → 1; else swap in 2 until the swap returns 0, sleeping on the
//! futex while the word is 2. Release: `fetch_sub(1)`; if the old value was 2, store 0 and wake
//! one sleeper. The futex is modelled as the kernel gives it: `wait` checks the word and goes to
//! sleep as one step (here under a mutex that `wake` also takes, so no wake falls between the
//! check and the sleep), `wake` wakes one sleeper. The real waits also time out every 50 ms,
//! which only adds wake-ups.
//!
//! The plain form (`multiprocessing.Lock`, and a `threading.Lock` moved into shared memory for
//! `shard`) releases by compare-exchange instead: read the word; if 0, report "not held";
//! else CAS it to 0 and wake one sleeper if it was 2. Any thread may release it, so the
//! second model has one thread take the lock and another release it while a third waits.
//!
//! The properties: two threads never hold the lock at once (a counter behind an `UnsafeCell`
//! that loom checks for concurrent access), and both finish (no lost release).
//!
//! What it catches: with every ordering made `Relaxed`, loom reports the counter's
//! unsynchronised access. A lost wake-up (a release that forgets to wake) would leave a
//! sleeper blocked, which loom reports as a deadlock.
//!
//! Built only with `--cfg loom`: run `.ci/loom`.
#![cfg(loom)]

use loom::cell::UnsafeCell;
use loom::sync::atomic::{AtomicU32, Ordering};
use loom::sync::{Arc, Condvar, Mutex};
use loom::thread;

struct Lock {
    state: AtomicU32,
    counter: UnsafeCell<u32>,
    futex: Mutex<()>,
    sleepers: Condvar,
}

impl Lock {
    fn new() -> Lock {
        Lock {
            state: AtomicU32::new(0),
            counter: UnsafeCell::new(0),
            futex: Mutex::new(()),
            sleepers: Condvar::new(),
        }
    }

    fn acquire(&self) {
        let mut c = match self.state.compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed) {
            Ok(_) => return,
            Err(c) => c,
        };
        loop {
            if c == 2 || self.state.swap(2, Ordering::Acquire) != 0 {
                self.futex_wait(2);
            } else {
                return;
            }
            c = match self.state.compare_exchange(0, 2, Ordering::Acquire, Ordering::Relaxed) {
                Ok(_) => return,
                Err(c) => c,
            };
        }
    }

    fn release(&self) {
        if self.state.fetch_sub(1, Ordering::Release) != 1 {
            self.state.store(0, Ordering::Release);
            self.futex_wake();
        }
    }

    /// `Segment::release_plain`: from any thread; `false` when the lock was free.
    fn release_plain(&self) -> bool {
        loop {
            let s = self.state.load(Ordering::Relaxed);
            if s == 0 {
                return false;
            }
            if self.state.compare_exchange(s, 0, Ordering::Release, Ordering::Relaxed).is_ok() {
                if s == 2 {
                    self.futex_wake();
                }
                return true;
            }
        }
    }

    fn futex_wait(&self, expected: u32) {
        let g = self.futex.lock().unwrap();
        if self.state.load(Ordering::Relaxed) == expected {
            drop(self.sleepers.wait(g).unwrap());
        }
    }

    fn futex_wake(&self) {
        let _g = self.futex.lock().unwrap();
        self.sleepers.notify_one();
    }
}

#[test]
fn the_three_state_lock_excludes_and_never_loses_a_release() {
    loom::model(|| {
        let l = Arc::new(Lock::new());
        let ts: Vec<_> = (0..2)
            .map(|_| {
                let l = l.clone();
                thread::spawn(move || {
                    l.acquire();
                    // SAFETY: the lock is held (the property under test).
                    l.counter.with_mut(|c| unsafe { *c += 1 });
                    l.release();
                })
            })
            .collect();
        for t in ts {
            t.join().unwrap();
        }
        assert_eq!(l.counter.with(|c| unsafe { *c }), 2);
        assert_eq!(l.state.load(Ordering::Relaxed), 0);
    });
}

#[test]
fn the_plain_lock_released_by_another_thread_wakes_its_waiter() {
    loom::model(|| {
        let l = Arc::new(Lock::new());
        // The main thread takes the lock; a waiter blocks on it; a third thread releases it
        // (as `threading.Lock` allows); the waiter must then get it, and exclusively.
        l.acquire();
        // SAFETY: the lock is held.
        l.counter.with_mut(|c| unsafe { *c += 1 });
        let waiter = {
            let l = l.clone();
            thread::spawn(move || {
                l.acquire();
                // SAFETY: the lock is held (the property under test).
                l.counter.with_mut(|c| unsafe { *c += 1 });
                assert!(l.release_plain());
            })
        };
        let releaser = {
            let l = l.clone();
            thread::spawn(move || assert!(l.release_plain()))
        };
        releaser.join().unwrap();
        waiter.join().unwrap();
        assert_eq!(l.counter.with(|c| unsafe { *c }), 2);
        assert!(!l.release_plain(), "a free lock reports it");
        assert_eq!(l.state.load(Ordering::Relaxed), 0);
    });
}
