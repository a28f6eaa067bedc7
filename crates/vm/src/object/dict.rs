//! An insertion-ordered hash table keyed by Python objects, shaped like CPython's compact dict:
//! a dense `entries` vector in insertion order and a sparse open-addressing `indices` table.
//!
//! The table never calls Python code: callers compute the hash first and give an equality
//! predicate that decides without the VM (identity, or value equality of built-in types). Keys
//! whose equality needs a Python `__eq__` are resolved by the caller outside the backend's cell
//! guard (see `crate::ops::dict_lookup`), using [`Dict::same_hash`]. Sets reuse this table with
//! `value == None`.

use super::PyRef;
use crate::backend::Backend;
use std::sync::atomic::{AtomicU64, Ordering};

/// One key/value pair with the key's cached hash.
pub struct Entry<B: Backend> {
    /// The key's Python hash.
    pub hash: i64,
    /// The key.
    pub key: PyRef<B>,
    /// The value (`None` in sets).
    pub value: Option<PyRef<B>>,
}

impl<B: Backend> Clone for Entry<B> {
    fn clone(&self) -> Self {
        Entry { hash: self.hash, key: self.key.clone(), value: self.value.clone() }
    }
}

const EMPTY: u32 = 0;
const DUMMY: u32 = 1;

/// The table. See the module docs. One pointer wide (the table is boxed and allocated on first
/// insertion), which keeps every object small: the largest `Payload` variant sets the size of
/// every int.
pub struct Dict<B: Backend> {
    t: Option<Box<Table<B>>>,
}

struct Table<B: Backend> {
    entries: Vec<Option<Entry<B>>>,
    indices: Vec<u32>,
    len: usize,
    /// Bumped on every insertion of a new key or removal, so iterators can detect a change of
    /// size during iteration as CPython does.
    version: u64,
    /// The keys tag (CPython's `dk_version`): 0, or a process-unique number drawn by
    /// [`Dict::keys_tag_or_assign`] that stands for this table's present keys at their present
    /// positions. Every change of keys or positions resets it to 0, and a number is never
    /// drawn twice, so a cached "key K at position P of the table tagged T" stays true for as
    /// long as some table carries T (the global sites, `ops::globalsite`; docs/safety.md, I9).
    /// Written under the cell's write access (reset) or, racing other readers, by a
    /// compare-and-swap from 0 under its read access.
    keys_tag: AtomicU64,
}

/// The next keys tag to hand out (see `Table::keys_tag`). Tags fit in 40 bits, so that a site
/// word holds a tag and a 24-bit position.
static NEXT_KEYS_TAG: AtomicU64 = AtomicU64::new(1);

/// The largest keys tag; once the counter passes it, tables stay untagged and global sites
/// stop specializing (after 10^12 tags).
pub const MAX_KEYS_TAG: u64 = (1 << 40) - 1;

impl<B: Backend> Default for Dict<B> {
    fn default() -> Self {
        Dict::new()
    }
}

impl<B: Backend> Clone for Dict<B> {
    fn clone(&self) -> Self {
        let mut d = Dict::with_capacity(self.len());
        for e in self.iter() {
            d.push_new(e.hash, e.key.clone(), e.value.clone());
        }
        d
    }
}

impl<B: Backend> Dict<B> {
    /// An empty table.
    pub fn new() -> Dict<B> {
        Dict { t: None }
    }

    /// An empty table with room for `n` entries.
    pub fn with_capacity(n: usize) -> Dict<B> {
        let mut d = Dict::new();
        if n > 0 {
            let t = d.table_mut();
            t.entries.reserve(n);
            t.indices = vec![EMPTY; (n * 3 / 2 + 1).next_power_of_two().max(8)];
        }
        d
    }

    fn table_mut(&mut self) -> &mut Table<B> {
        self.t.get_or_insert_with(|| {
            Box::new(Table {
                entries: Vec::new(),
                indices: Vec::new(),
                len: 0,
                version: 0,
                keys_tag: AtomicU64::new(0),
            })
        })
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.t.as_ref().map_or(0, |t| t.len)
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The change counter (see the field docs).
    pub fn version(&self) -> u64 {
        self.t.as_ref().map_or(0, |t| t.version)
    }

    /// The table's keys tag, 0 when it has none (see `Table::keys_tag`).
    #[inline(always)]
    pub fn keys_tag(&self) -> u64 {
        // Relaxed: the tag is read inside the cell's read access, which orders it with the
        // keys it describes; a stale 0 only means a miss.
        self.t.as_ref().map_or(0, |t| t.keys_tag.load(Ordering::Relaxed))
    }

    /// The table's keys tag, drawing a fresh one if it has none; 0 for an empty dict with no
    /// table, or once the tags are used up. Callable under the cell's read access: readers
    /// racing to tag the same table agree on the one that wins the swap.
    pub fn keys_tag_or_assign(&self) -> u64 {
        let Some(t) = self.t.as_ref() else { return 0 };
        // Relaxed throughout: the tag carries no data; it names the keys, which the caller
        // reads under the same read access (docs/safety.md, I9).
        let now = t.keys_tag.load(Ordering::Relaxed);
        if now != 0 {
            return now;
        }
        let fresh = NEXT_KEYS_TAG.fetch_add(1, Ordering::Relaxed);
        if fresh > MAX_KEYS_TAG {
            return 0;
        }
        match t.keys_tag.compare_exchange(0, fresh, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => fresh,
            Err(won) => won,
        }
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry<B>> {
        self.t.iter().flat_map(|t| t.entries.iter().flatten())
    }

    /// The entry at dense position `pos`, skipping deleted slots: returns the entry and the next
    /// position to ask for. Used by iterators that must not hold the table between steps.
    pub fn entry_from(&self, mut pos: usize) -> Option<(&Entry<B>, usize)> {
        let t = self.t.as_ref()?;
        while pos < t.entries.len() {
            if let Some(e) = &t.entries[pos] {
                return Some((e, pos + 1));
            }
            pos += 1;
        }
        None
    }

    /// Keys stored with exactly `hash` (for resolving Python-level `__eq__` outside the guard).
    pub fn same_hash(&self, hash: i64) -> Vec<PyRef<B>> {
        self.iter().filter(|e| e.hash == hash).map(|e| e.key.clone()).collect()
    }

    /// Inserts or replaces. Returns the previous value of an equal key (and the new key is
    /// dropped, as CPython keeps the first key) — returned to the caller so that it is
    /// released after the guard is left.
    pub fn insert(
        &mut self,
        hash: i64,
        key: PyRef<B>,
        value: Option<PyRef<B>>,
        eq: impl FnMut(&PyRef<B>) -> bool,
    ) -> (Option<PyRef<B>>, Option<PyRef<B>>) {
        if let Some(pos) = self.find(hash, eq) {
            let old = self.set_at(pos, value);
            return (old, Some(key));
        }
        self.push_new(hash, key, value);
        (None, None)
    }

    /// Dense position of the key with `hash` for which `eq` is true.
    pub fn find(&self, hash: i64, eq: impl FnMut(&PyRef<B>) -> bool) -> Option<usize> {
        self.t.as_ref()?.find(hash, eq)
    }

    /// The value at dense position `pos`, if that entry is live and has one.
    #[inline(always)]
    pub fn value_at(&self, pos: usize) -> Option<&PyRef<B>> {
        self.t.as_ref()?.entries.get(pos)?.as_ref()?.value.as_ref()
    }

    /// The value at dense position `pos` if that entry's key is `key` itself (identity): a
    /// position remembered from an earlier lookup, checked before it is trusted.
    #[inline(always)]
    pub fn value_if_key_at(&self, pos: usize, key: &PyRef<B>) -> Option<&PyRef<B>> {
        let e = self.t.as_ref()?.entries.get(pos)?.as_ref()?;
        if e.key.is(key) { e.value.as_ref() } else { None }
    }

    /// Replaces the value at dense position `pos` if that entry's key is `key` itself and has
    /// a value: `Ok(old value)`, or `Err(value)` handed back when the hint was wrong.
    #[inline(always)]
    pub fn replace_if_key_at(
        &mut self,
        pos: usize,
        key: &PyRef<B>,
        value: PyRef<B>,
    ) -> Result<PyRef<B>, PyRef<B>> {
        match self.t.as_mut().and_then(|t| t.entries.get_mut(pos)) {
            Some(Some(e)) if e.key.is(key) => match &mut e.value {
                Some(slot) => Ok(std::mem::replace(slot, value)),
                None => Err(value),
            },
            _ => Err(value),
        }
    }

    /// The entry at dense position `pos`.
    pub fn get_at(&self, pos: usize) -> Option<&Entry<B>> {
        self.t.as_ref()?.get_at(pos)
    }

    /// Replaces the value at dense position `pos`, returning the old value.
    pub fn set_at(&mut self, pos: usize, value: Option<PyRef<B>>) -> Option<PyRef<B>> {
        self.t.as_mut()?.set_at(pos, value)
    }

    /// Appends a key known not to be present.
    pub fn push_new(&mut self, hash: i64, key: PyRef<B>, value: Option<PyRef<B>>) {
        self.table_mut().push_new(hash, key, value)
    }

    /// Appends a key known not to be present; its dense position.
    pub fn push_new_at(&mut self, hash: i64, key: PyRef<B>, value: Option<PyRef<B>>) -> usize {
        let t = self.table_mut();
        t.push_new(hash, key, value);
        t.entries.len() - 1
    }

    /// Removes the entry at dense position `pos` and returns it.
    pub fn remove_at(&mut self, pos: usize) -> Option<Entry<B>> {
        self.t.as_mut()?.remove_at(pos)
    }

    /// Removes and returns the last inserted entry (`dict.popitem`).
    pub fn pop_last(&mut self) -> Option<Entry<B>> {
        self.t.as_mut()?.pop_last()
    }

    /// Removes everything, returning the entries so they are dropped outside the guard.
    pub fn take_all(&mut self) -> Vec<Entry<B>> {
        self.t.as_mut().map(|t| t.take_all()).unwrap_or_default()
    }
}

impl<B: Backend> Table<B> {
    fn probe_seq(&self, hash: i64) -> impl Iterator<Item = usize> + '_ {
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut first = true;
        std::iter::from_fn(move || {
            if !first {
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
            }
            first = false;
            Some(i)
        })
    }

    /// Dense position of the key with `hash` for which `eq` is true.
    fn find(&self, hash: i64, mut eq: impl FnMut(&PyRef<B>) -> bool) -> Option<usize> {
        if self.indices.is_empty() {
            return None;
        }
        for slot in self.probe_seq(hash) {
            match self.indices[slot] {
                EMPTY => return None,
                DUMMY => continue,
                ix => {
                    let pos = (ix - 2) as usize;
                    if let Some(e) = &self.entries[pos]
                        && e.hash == hash
                        && eq(&e.key)
                    {
                        return Some(pos);
                    }
                }
            }
        }
        None
    }

    /// The entry at dense position `pos`.
    fn get_at(&self, pos: usize) -> Option<&Entry<B>> {
        self.entries.get(pos).and_then(|e| e.as_ref())
    }

    /// Replaces the value at dense position `pos`, returning the old value.
    fn set_at(&mut self, pos: usize, value: Option<PyRef<B>>) -> Option<PyRef<B>> {
        match self.entries.get_mut(pos) {
            Some(Some(e)) => std::mem::replace(&mut e.value, value),
            _ => None,
        }
    }

    /// Appends a key known not to be present.
    fn push_new(&mut self, hash: i64, key: PyRef<B>, value: Option<PyRef<B>>) {
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.rebuild((self.len + 1) * 3);
        }
        let pos = self.entries.len();
        self.entries.push(Some(Entry { hash, key, value }));
        self.place(hash, pos);
        self.len += 1;
        self.keys_changed();
    }

    /// After a change of keys or of their positions: iterators see a new version, and the
    /// keys tag no longer describes the table.
    #[inline]
    fn keys_changed(&mut self) {
        self.version += 1;
        *self.keys_tag.get_mut() = 0;
    }

    fn place(&mut self, hash: i64, pos: usize) {
        let slot = self
            .probe_seq(hash)
            .find(|&s| self.indices[s] == EMPTY)
            .expect("the index table always has an empty slot");
        self.indices[slot] = pos as u32 + 2;
    }

    /// Compacts the entries and rebuilds the index for at least `want` entries.
    fn rebuild(&mut self, want: usize) {
        self.entries.retain(|e| e.is_some());
        let size = (want.max(self.entries.len()) * 3 / 2 + 1).next_power_of_two().max(8);
        self.indices = vec![EMPTY; size];
        for pos in 0..self.entries.len() {
            let hash = self.entries[pos].as_ref().map_or(0, |e| e.hash);
            self.place(hash, pos);
        }
    }

    /// Removes the entry at dense position `pos` and returns it.
    fn remove_at(&mut self, pos: usize) -> Option<Entry<B>> {
        let entry = self.entries.get_mut(pos)?.take()?;
        let target = pos as u32 + 2;
        let found = {
            let indices = &self.indices;
            self.probe_seq(entry.hash).find(|&s| indices[s] == target || indices[s] == EMPTY)
        };
        if let Some(slot) = found
            && self.indices[slot] == target
        {
            self.indices[slot] = DUMMY;
        }
        self.len -= 1;
        self.keys_changed();
        if self.len == 0 {
            self.entries.clear();
            self.indices.iter_mut().for_each(|i| *i = EMPTY);
        }
        Some(entry)
    }

    /// Removes and returns the last inserted entry (`dict.popitem`).
    fn pop_last(&mut self) -> Option<Entry<B>> {
        let pos = self.entries.iter().rposition(|e| e.is_some())?;
        self.remove_at(pos)
    }

    /// Removes everything, returning the entries so they are dropped outside the guard.
    fn take_all(&mut self) -> Vec<Entry<B>> {
        let out: Vec<Entry<B>> = std::mem::take(&mut self.entries).into_iter().flatten().collect();
        self.indices.clear();
        self.len = 0;
        self.keys_changed();
        out
    }
}
