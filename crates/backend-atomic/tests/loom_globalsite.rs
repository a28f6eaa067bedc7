//! Loom model of the global sites' keys-tag protocol (`gillab_vm::ops::globalsite` and the
//! keys tag of `gillab_vm::object::dict`, invariant I9 in docs/safety.md).
//!
//! A table (behind a read-write lock, as a dict's cell is) holds the name `N` at position 0
//! and another key at position 1. Its keys tag is 0 or a number drawn from a global counter;
//! readers draw one with a compare-and-swap from 0 under the *read* lock, racing each other,
//! and record `tag << 8 | position` in a shared site word after leaving the lock. A writer,
//! under the write lock, moves `N` to position 2 with a new value and resets the tag to 0.
//! A lookup uses the site word only while the table carries the word's tag.
//!
//! The properties: a lookup never returns the other key's value (a position read under a tag
//! that no longer describes the table), never misses `N`, and once the reader has seen the
//! writer finish (the `published` flag, standing for a lock or a join) it returns the new
//! value.
//!
//! What it catches: a writer that does not reset the tag, or tags that can be drawn twice,
//! fail it (the reader then reads position 0 of the changed table).
//!
//! Built only with `--cfg loom`: run `.ci/loom`.
#![cfg(loom)]

use loom::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use loom::sync::{Arc, RwLock};
use loom::thread;

const N: u8 = 1;
const OTHER: u8 = 2;

struct Shared {
    /// `(key, value)` by position.
    table: RwLock<[Option<(u8, u64)>; 3]>,
    /// The table's keys tag (lives in the table; an atomic so readers can draw it).
    tag: AtomicU64,
    next_tag: AtomicU64,
    site: AtomicU64,
    published: AtomicBool,
}

impl Shared {
    fn new() -> Arc<Shared> {
        Arc::new(Shared {
            table: RwLock::new([Some((N, 10)), Some((OTHER, 99)), None]),
            tag: AtomicU64::new(0),
            next_tag: AtomicU64::new(1),
            site: AtomicU64::new(0),
            published: AtomicBool::new(false),
        })
    }

    /// `Dict::keys_tag_or_assign`, under the read lock.
    fn tag_or_assign(&self) -> u64 {
        let now = self.tag.load(Ordering::Relaxed);
        if now != 0 {
            return now;
        }
        let fresh = self.next_tag.fetch_add(1, Ordering::Relaxed);
        match self.tag.compare_exchange(0, fresh, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => fresh,
            Err(won) => won,
        }
    }

    /// `globalsite::load` for `N`.
    fn lookup(&self) -> u64 {
        let w = self.site.load(Ordering::Relaxed);
        {
            let t = self.table.read().unwrap();
            let tag = self.tag.load(Ordering::Relaxed);
            if w != 0 && tag != 0 && w >> 8 == tag {
                let (key, value) = t[(w & 0xff) as usize].expect("a cached position is live");
                assert_eq!(key, N, "a cached position named another key");
                return value;
            }
        }
        // Miss: find, tag, and record after leaving the lock.
        let (word, value) = {
            let t = self.table.read().unwrap();
            let pos = t.iter().position(|e| matches!(e, Some((k, _)) if *k == N)).unwrap();
            (self.tag_or_assign() << 8 | pos as u64, t[pos].unwrap().1)
        };
        self.site.store(word, Ordering::Relaxed);
        value
    }
}

fn writer(s: &Shared) {
    {
        let mut t = s.table.write().unwrap();
        t[0] = None;
        t[2] = Some((N, 20));
        s.tag.store(0, Ordering::Relaxed);
    }
    s.published.store(true, Ordering::Release);
}

#[test]
fn a_site_never_reads_a_moved_position() {
    loom::model(|| {
        let s = Shared::new();
        let w = {
            let s = s.clone();
            thread::spawn(move || writer(&s))
        };
        let r = {
            let s = s.clone();
            thread::spawn(move || {
                let v = s.lookup();
                assert!(v == 10 || v == 20);
            })
        };
        let first = s.lookup();
        assert!(first == 10 || first == 20);
        if s.published.load(Ordering::Acquire) {
            assert_eq!(s.lookup(), 20, "a stale position answered after the write was seen");
        }
        w.join().unwrap();
        r.join().unwrap();
        assert_eq!(s.lookup(), 20, "a stale position answered after join");
    });
}
