//! Loom model of the type-attribute cache's epoch protocol (`gillab_vm::object::typever`,
//! invariant I8 in docs/safety.md): a writer changes a class dict (a value behind a lock, as
//! the dict's cell is) and then bumps the epoch with `Release`; a reader keeps a private
//! cache entry (value, epoch it was filled at), loads the epoch with `Acquire` before it reads
//! the dict, and uses the entry only while the epoch is unchanged.
//!
//! The property: once the reader has synchronised with the writer through something else (the
//! `published` flag, standing for a lock or a queue), no lookup returns the old value.
//!
//! What it catches: a reader that loads the epoch after reading the dict (it would store an
//! old value under the new epoch) fails both models. What it cannot show: the dict here is a
//! `Mutex`, whose lock order loom derives from the execution order, so an epoch load made
//! `Relaxed` passes too; the `Acquire`/`Release` pair is argued in docs/safety.md (I8).
//!
//! Built only with `--cfg loom`: run `.ci/loom`.
#![cfg(loom)]

use loom::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use loom::sync::{Arc, Mutex};
use loom::thread;

struct Shared {
    dict: Mutex<u64>,
    epoch: AtomicU64,
    published: AtomicBool,
}

impl Shared {
    fn new() -> Arc<Shared> {
        Arc::new(Shared {
            dict: Mutex::new(0),
            epoch: AtomicU64::new(1),
            published: AtomicBool::new(false),
        })
    }
}

struct Cache {
    entry: Option<(u64, u64)>,
}

impl Cache {
    fn lookup(&mut self, s: &Shared) -> u64 {
        let epoch = s.epoch.load(Ordering::Acquire);
        if let Some((value, at)) = self.entry
            && at == epoch
        {
            return value;
        }
        let value = *s.dict.lock().unwrap();
        self.entry = Some((value, epoch));
        value
    }
}

#[test]
fn a_reader_that_saw_the_write_never_gets_the_old_value() {
    loom::model(|| {
        let s = Shared::new();
        let w = {
            let s = s.clone();
            thread::spawn(move || {
                *s.dict.lock().unwrap() = 1;
                s.epoch.fetch_add(1, Ordering::Release);
                s.published.store(true, Ordering::Release);
            })
        };
        let mut cache = Cache { entry: None };
        // Filled before, during or after the write.
        let first = cache.lookup(&s);
        assert!(first <= 1);
        if s.published.load(Ordering::Acquire) {
            assert_eq!(cache.lookup(&s), 1, "a stale entry answered after the write was seen");
        }
        w.join().unwrap();
        assert_eq!(cache.lookup(&s), 1, "a stale entry answered after join");
    });
}

#[test]
fn concurrent_fills_never_keep_a_stale_entry_valid() {
    loom::model(|| {
        let s = Shared::new();
        let w = {
            let s = s.clone();
            thread::spawn(move || {
                for v in 1..=2 {
                    *s.dict.lock().unwrap() = v;
                    s.epoch.fetch_add(1, Ordering::Release);
                }
            })
        };
        let mut cache = Cache { entry: None };
        let mut last = 0;
        for _ in 0..2 {
            let v = cache.lookup(&s);
            assert!(v >= last, "went backwards: {last} then {v}");
            last = v;
        }
        w.join().unwrap();
        assert_eq!(cache.lookup(&s), 2);
    });
}
