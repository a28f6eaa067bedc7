//! The operation catalogue: every kind of operation a generated thread performs on the shared
//! state, with the Python it emits and the exceptions CPython could raise for it in a race
//! (see [`crate::allow`]).
//!
//! An emitter returns one or more [`Block`]s; each becomes one `try:` statement whose
//! exceptions are recorded under the block's op name, so the oracle can check each kind
//! against its own allow-list. The emitted code runs inside a thread function that has `k`
//! (its writer number), `bad` (values read that were never stored), `got` (what it removed
//! from Q, DQ and SQ) and `mine`/`mydq`/`mysq` (what it put there) in scope, and declares the
//! shared names `global`.

mod lists;
mod maps;

use crate::Rng;
use crate::allow::Exc;
use rand::RngExt;

/// What an op works on; a program enables a few groups so that threads collide often.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    /// `L0`, `L1`: any list operation, slices included; values must be stored ones.
    List,
    /// `Q`: appends, inserts, pops and removes only; elements are conserved.
    Queue,
    /// `D`: a dict over 12 string keys; any operation.
    Dict,
    /// `DQ`: a dict whose keys are conserved (inserted = popped + remaining).
    DictQueue,
    /// `S`: a set over small tags; any operation.
    Set,
    /// `SQ`: a set whose elements are conserved.
    SetQueue,
    /// `box` (an instance of `Box`) and the class attribute `Box.c`.
    Instance,
    /// The globals `G` (set, read, deleted) and `G2` (a pair replaced whole).
    Global,
}

impl Group {
    /// Every group.
    pub const ALL: [Group; 8] = [
        Group::List,
        Group::Queue,
        Group::Dict,
        Group::DictQueue,
        Group::Set,
        Group::SetQueue,
        Group::Instance,
        Group::Global,
    ];

    /// The name used in program headers and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Group::List => "list",
            Group::Queue => "queue",
            Group::Dict => "dict",
            Group::DictQueue => "dictqueue",
            Group::Set => "set",
            Group::SetQueue => "setqueue",
            Group::Instance => "instance",
            Group::Global => "global",
        }
    }
}

/// One `try:` block: the op kind its exceptions are counted under, and its statements (with
/// their relative indentation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The op kind (an [`OpSpec::name`]).
    pub op: &'static str,
    /// The statements.
    pub lines: Vec<String>,
}

/// An op kind.
pub struct OpSpec {
    /// `group.what`, e.g. `list.setslice`.
    pub name: &'static str,
    /// What it works on.
    pub group: Group,
    /// Relative frequency within its group.
    pub weight: u32,
    /// The exceptions CPython could raise for it.
    pub raises: &'static [Exc],
    /// Emits the op (and follow-up blocks, such as truncating a list it grew).
    pub emit: fn(&mut Emit<'_>) -> Vec<Block>,
}

/// The generator's state while emitting one op.
pub struct Emit<'a> {
    /// The program's random stream.
    pub rng: &'a mut Rng,
    /// Threads in the program (writers 1..=threads).
    pub threads: usize,
    /// Length lists are truncated back to after they grow.
    pub cap: usize,
}

impl Emit<'_> {
    /// A uniformly chosen element.
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.rng.random_range(0..xs.len())]
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p)
    }

    /// An integer in `lo..=hi`.
    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        self.rng.random_range(lo..=hi)
    }

    /// An index into a list of about `cap` items, sometimes negative or past the end.
    pub fn index(&mut self) -> i64 {
        let cap = self.cap as i64;
        match self.rng.random_range(0..10) {
            0..=3 => self.int(0, 6),
            4..=5 => self.int(-8, -1),
            6..=7 => self.int(0, cap + 4),
            _ => self.int(cap - 4, cap + 10),
        }
    }

    /// A slice bound: empty (omitted) or an index.
    pub fn bound(&mut self) -> String {
        if self.chance(0.2) { String::new() } else { self.index().to_string() }
    }

    /// `a:b` with each bound possibly omitted.
    pub fn slice(&mut self) -> String {
        format!("{}:{}", self.bound(), self.bound())
    }

    /// `a:b:c` with a step other than 1 (an extended slice).
    pub fn ext_slice(&mut self) -> String {
        let step = self.pick(&[-3, -2, -1, 2, 3]);
        format!("{}:{}:{step}", self.bound(), self.bound())
    }

    /// A writer number: 0 (the main thread) or a thread.
    pub fn writer(&mut self) -> usize {
        self.rng.random_range(0..=self.threads)
    }

    /// A tag some writer may have stored in `space` (or not yet): the literal to search for.
    pub fn guess(&mut self, space: u64) -> u64 {
        let w = self.writer() as u64;
        let seq = self.rng.random_range(0..24);
        (space * 16 + w) * 1_000_000 + seq
    }

    /// One of the dict's string keys.
    pub fn key(&mut self) -> String {
        format!("\"k{}\"", self.rng.random_range(0..12))
    }

    /// One of the instance's shared attribute names.
    pub fn attr(&mut self) -> &'static str {
        self.pick(&["a0", "a1", "a2", "a3"])
    }

    /// `_small(w, j)`: a tag of the chaos set's small space.
    pub fn small(&mut self) -> String {
        format!("_small({}, {})", self.writer(), self.rng.random_range(0..16))
    }
}

/// A single block.
pub fn one(op: &'static str, lines: &[&str]) -> Vec<Block> {
    vec![Block { op, lines: lines.iter().map(|s| s.to_string()).collect() }]
}

/// A single block from owned lines.
pub fn block(op: &'static str, lines: Vec<String>) -> Block {
    Block { op, lines }
}

/// Every op kind.
pub fn table() -> &'static [OpSpec] {
    static TABLE: std::sync::OnceLock<Vec<OpSpec>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Vec::new();
        t.extend(lists::specs());
        t.extend(maps::specs());
        t
    })
}

/// The op kind called `name`.
pub fn spec(name: &str) -> Option<&'static OpSpec> {
    table().iter().find(|s| s.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn every_group_has_ops_and_names_are_unique() {
        for g in Group::ALL {
            assert!(table().iter().any(|s| s.group == g), "{g:?} has no ops");
        }
        let mut names: Vec<_> = table().iter().map(|s| s.name).collect();
        names.sort_unstable();
        let n = names.len();
        names.dedup();
        assert_eq!(names.len(), n, "duplicate op names");
    }

    #[test]
    fn every_emitted_block_names_a_known_op() {
        let mut rng = Rng::seed_from_u64(7);
        for s in table() {
            for _ in 0..50 {
                let mut e = Emit { rng: &mut rng, threads: 3, cap: 30 };
                for b in (s.emit)(&mut e) {
                    assert!(spec(b.op).is_some(), "{} emitted unknown op {}", s.name, b.op);
                    assert!(!b.lines.is_empty(), "{} emitted an empty block", s.name);
                }
            }
        }
    }
}
