//! Version tags for the type-attribute cache (`ops::attr::class_lookup`) and the attribute
//! sites (`ops::attrsite`), after CPython's `tp_version_tag` and its method cache
//! (`_PyType_Lookup`).
//!
//! Every class gets a tag that no other class of the process ever has ([`new_tag`]), and one
//! process-wide epoch counts the changes to any class's dict ([`class_dict_changed`]). A cache
//! entry records the tag, the name and the epoch it was filled at; it answers a lookup only
//! while the epoch is unchanged. CPython invalidates per class, walking `tp_subclasses`
//! (weak references); gil-lab has no weak references, so a change anywhere invalidates
//! everything. Programs rarely assign class attributes in a hot loop, and a stale entry is
//! then only a slow path.
//!
//! Protocol (docs/safety.md, invariant I8; loom model in
//! `crates/backend-atomic/tests/loom_typecache.rs`): a writer changes the class dict inside
//! its cell and *then* bumps the epoch with `Release`; a reader loads the epoch with `Acquire`
//! *before* it reads a class dict to fill an entry. A reader that sees the new epoch therefore
//! sees the new dict; a reader that filled an entry under the old epoch has it invalidated by
//! the bump.

use super::PyRef;
use crate::backend::Backend;
use std::sync::atomic::{AtomicU64, Ordering};

/// The next class tag (0 is never a tag: an empty cache entry has tag 0).
static NEXT_TAG: AtomicU64 = AtomicU64::new(1);
/// Changes to class dicts so far, process-wide.
static EPOCH: AtomicU64 = AtomicU64::new(1);

/// A tag for a new class. Only uniqueness matters, so `Relaxed`.
pub fn new_tag() -> u64 {
    NEXT_TAG.fetch_add(1, Ordering::Relaxed)
}

/// The current epoch.
#[inline(always)]
pub fn epoch() -> u64 {
    // Acquire: pairs with the Release bump in `class_dict_changed`, so that a reader that
    // sees an epoch also sees every class-dict write made before it was bumped.
    EPOCH.load(Ordering::Acquire)
}

/// The word an attribute site (`CodeRef::sites`, `ops::attrsite`) stores to say "the class
/// tagged `tag` had no attribute of the site's name at `epoch`": both in one `u64` (tag in the
/// high 24 bits, epoch in the low 40), so that a reader can never pair one fill's tag with
/// another's epoch. `None` when either does not fit (the site then stays uncached); never 0,
/// the empty site.
#[inline(always)]
pub fn site_key(tag: u64, epoch: u64) -> Option<u64> {
    (tag < 1 << 24 && epoch < 1 << 40).then_some(tag << 40 | epoch)
}

/// Records that some class's dict changed. Call it after the write, outside the dict's cell.
#[inline]
pub fn class_dict_changed() {
    // Release: publishes the dict write that precedes this bump (see `epoch`).
    EPOCH.fetch_add(1, Ordering::Release);
}

/// Entries in a thread's cache (a power of two), in sets of two.
const SIZE: usize = 512;
/// Lookups a thread makes before its cache is allocated: a thread that does little (one of
/// `many_waiters`' ten thousand) never pays its ~28 KiB.
const WARMUP: u32 = 64;

/// What a class lookup found: the value and whether its owner is a built-in class (see
/// `ops::attr::lookup_with_owner`), or nothing.
pub type Found<B> = Option<(PyRef<B>, bool)>;

struct Entry<B: Backend> {
    tag: u64,
    epoch: u64,
    hash: i64,
    name: Box<str>,
    found: Found<B>,
}

impl<B: Backend> Entry<B> {
    #[inline(always)]
    fn answers(&self, tag: u64, epoch: u64, name: &str, hash: i64) -> bool {
        self.tag == tag
            && self.hash == hash
            && self.epoch == epoch
            && super::str::text_eq(&self.name, name)
    }
}

/// One thread's type-attribute cache (in its `Ctx`): two-way set-associative on (class tag,
/// name hash), each entry valid while the process-wide epoch is the one it was filled at. Per
/// thread, so it needs no synchronisation beyond the epoch (see the module docs); its entries
/// hold references, dropped with the `Ctx`.
pub struct TypeCache<B: Backend> {
    entries: Box<[Entry<B>]>,
    enabled: bool,
    warmup: u32,
}

impl<B: Backend> TypeCache<B> {
    /// An empty cache; `enabled: false` (`--no-attr-cache`) makes every lookup a miss.
    pub fn new(enabled: bool) -> TypeCache<B> {
        TypeCache { entries: Box::new([]), enabled, warmup: WARMUP }
    }

    /// The first slot of the set for `(tag, hash)`, or `None` while the cache is off or
    /// warming up.
    #[inline]
    fn set(&mut self, tag: u64, hash: i64) -> Option<usize> {
        if self.entries.is_empty() {
            if !self.enabled {
                return None;
            }
            self.warmup -= 1;
            if self.warmup > 0 {
                return None;
            }
            self.entries = (0..SIZE)
                .map(|_| Entry { tag: 0, epoch: 0, hash: 0, name: "".into(), found: None })
                .collect();
        }
        let mix = ((hash as u64) ^ tag).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        Some((mix >> 40) as usize & (SIZE - 2))
    }

    /// Looks `name` up in the class tagged `tag`, through the cache: `lookup` runs on a miss
    /// and its answer is stored, in the set's first slot (the first slot's entry moves to the
    /// second).
    #[inline]
    pub fn get_or(
        &mut self,
        tag: u64,
        name: &str,
        hash: i64,
        lookup: impl FnOnce() -> Found<B>,
    ) -> Found<B> {
        let Some(i) = self.set(tag, hash) else { return lookup() };
        // Read before the class dicts are (see the module docs).
        let epoch = epoch();
        if self.entries[i].answers(tag, epoch, name, hash) {
            return self.entries[i].found.clone();
        }
        if self.entries[i + 1].answers(tag, epoch, name, hash) {
            return self.entries[i + 1].found.clone();
        }
        let found = lookup();
        self.entries.swap(i, i + 1);
        let e = &mut self.entries[i];
        let old = std::mem::replace(&mut e.found, found.clone());
        e.tag = tag;
        e.epoch = epoch;
        e.hash = hash;
        if &*e.name != name {
            e.name = name.into();
        }
        // Released once the entry is consistent again.
        drop(old);
        found
    }

    /// Drops every entry (the thread detaches).
    pub fn clear(&mut self) {
        self.entries = Box::new([]);
    }
}
