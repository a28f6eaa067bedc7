//! The backtracking matcher's program: the pattern's nodes compiled to instructions for
//! [`super::backtrack`], which follows CPython's `sre` where it decides what matches:
//! alternatives and repeats try their choices in `sre`'s order, and a repeat stops
//! iterating once an optional iteration matched the empty string.

use super::ast::{At, Greed, Item, Node, Set};
use super::chars::{Cat, Fold, RangeSet, canon, in_cat, literal_set};

/// A test of one code unit.
#[derive(Clone, Debug)]
pub(crate) enum Unit {
    /// Exactly this code unit.
    Lit(u32),
    /// Any of these (a literal under case folding), sorted.
    Lits(Box<[u32]>),
    /// Anything (`.` under `re.DOTALL`).
    Any,
    /// Anything but `\n`.
    NotNl,
    /// A set.
    Set(Box<SetTest>),
}

/// A compiled set: `negated ^ (canon(c) in ranges or in one of cats)`, with the answer for
/// ASCII code units precomputed.
#[derive(Clone, Debug)]
pub(crate) struct SetTest {
    ascii: u128,
    negated: bool,
    fold: Fold,
    ranges: RangeSet,
    cats: Vec<(Cat, bool, bool)>,
}

impl SetTest {
    fn new(set: &Set) -> SetTest {
        let ranges = set.ranges().fold_closure(set.fold);
        let cats = set
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Cat { cat, negated, ascii } => Some((*cat, *negated, *ascii)),
                Item::Range(..) => None,
            })
            .collect();
        let mut t = SetTest { ascii: 0, negated: set.negated, fold: set.fold, ranges, cats };
        let mut bits = 0u128;
        for c in 0..128u32 {
            if t.slow(c) {
                bits |= 1 << c;
            }
        }
        t.ascii = bits;
        t
    }

    fn slow(&self, c: u32) -> bool {
        let x = canon(self.fold, c);
        let hit = self.ranges.contains(x)
            || self.cats.iter().any(|&(cat, neg, ascii)| in_cat(cat, ascii, x) != neg);
        hit != self.negated
    }

    /// Whether `c` is in the set.
    #[inline]
    pub(crate) fn matches(&self, c: u32) -> bool {
        if c < 128 { self.ascii & (1 << c) != 0 } else { self.slow(c) }
    }
}

impl Unit {
    /// Whether `c` passes the test.
    #[inline]
    pub(crate) fn matches(&self, c: u32) -> bool {
        match self {
            Unit::Lit(v) => c == *v,
            Unit::Lits(vs) => vs.contains(&c),
            Unit::Any => true,
            Unit::NotNl => c != 0x0a,
            Unit::Set(s) => s.matches(c),
        }
    }
}

/// No upper bound on a repeat.
pub(crate) const INF: u32 = u32::MAX;

/// One instruction.
#[derive(Clone, Debug)]
pub(crate) enum Inst {
    /// Match one code unit.
    One(Unit),
    /// A repeat of one code unit, then go on at the next instruction.
    Single { unit: Unit, min: u32, max: u32, greed: Greed },
    /// Try the first target, then the second.
    Split(usize, usize),
    /// Go to the target.
    Jmp(usize),
    /// Record the position in a capture slot (group `g`: slots `2g`, `2g + 1`).
    Save(usize),
    /// An assertion.
    At(At),
    /// Start a general repeat: its counter (register `2r`) to 0, its last start (register
    /// `2r + 1`) to none.
    RepStart(usize),
    /// The loop test of a general repeat whose body follows `RepEnter`; `exit` after it.
    RepLoop { reg: usize, min: u32, max: u32, lazy: bool, exit: usize },
    /// Enter an optional iteration (where a lazy repeat resumes): note where it starts.
    RepEnter(usize),
    /// The end of an iteration: count it and go back to the loop test at `looptest`.
    RepNext { reg: usize, looptest: usize },
    /// A back-reference.
    Backref(usize, Fold),
    /// A look-around whose body (ending in `Succeed`) follows; go on at `next`.
    Look { behind: bool, negated: bool, width: usize, next: usize },
    /// An atomic group whose body (ending in `Succeed`) follows; go on at `next`.
    Atomic(usize),
    /// `(?(group)yes|no)`: the yes branch follows; the no branch is at `no`.
    Cond { group: usize, no: usize },
    /// The end of a look-around's or atomic group's body.
    Succeed,
    /// The end of the pattern.
    Match,
}

/// A compiled pattern.
#[derive(Clone, Debug)]
pub(crate) struct Prog {
    pub(crate) insts: Vec<Inst>,
    /// Capture slots: two per group, group 0 included.
    pub(crate) slots: usize,
    /// Repeat registers: two per general repeat.
    pub(crate) regs: usize,
    /// A test every match's first code unit passes, if the pattern has one.
    pub(crate) first: Option<Unit>,
    /// The pattern can only match at the start of the string (`^` or `\A` first).
    pub(crate) anchored_start: bool,
}

/// Compiles `node` with `groups` capturing groups.
/// `widths` are the groups' widths (for look-behinds that refer to them).
pub(crate) fn compile(node: &Node, groups: usize, widths: &[(u64, u64)]) -> Prog {
    let mut c = Compiler { insts: Vec::new(), regs: 0, widths: widths.to_vec() };
    c.emit(node);
    c.insts.push(Inst::Match);
    Prog {
        insts: c.insts,
        slots: 2 * (groups + 1),
        regs: 2 * c.regs,
        first: first_unit(node),
        anchored_start: anchored(node),
    }
}

struct Compiler {
    insts: Vec<Inst>,
    regs: usize,
    widths: Vec<(u64, u64)>,
}

/// The test of a node that matches exactly one code unit, if it is one.
fn unit_of(node: &Node) -> Option<Unit> {
    match node {
        Node::Lit(c, Fold::None) => Some(Unit::Lit(*c)),
        Node::Lit(c, fold) => {
            let set = literal_set(*fold, *c);
            if set.len() == 1 { Some(Unit::Lit(set[0])) } else { Some(Unit::Lits(set.into())) }
        }
        Node::Any(true) => Some(Unit::Any),
        Node::Any(false) => Some(Unit::NotNl),
        Node::Set(s) => Some(Unit::Set(Box::new(SetTest::new(s)))),
        Node::Concat(items) if items.len() == 1 => unit_of(&items[0]),
        _ => None,
    }
}

/// The test the first code unit of every match passes, where there is one.
fn first_unit(node: &Node) -> Option<Unit> {
    match node {
        Node::Concat(items) => {
            for n in items {
                match n {
                    Node::Empty => continue,
                    _ => return first_unit(n),
                }
            }
            None
        }
        Node::Group(_, n) | Node::Atomic(n) => first_unit(n),
        Node::Repeat { node, min, .. } if *min >= 1 => first_unit(node),
        _ => unit_of(node),
    }
}

/// Whether every match must start at position 0 (`^` or `\A` leads).
fn anchored(node: &Node) -> bool {
    match node {
        Node::At(At::Start) => true,
        Node::Concat(items) => items.first().is_some_and(anchored),
        Node::Group(_, n) | Node::Atomic(n) => anchored(n),
        Node::Alt(items) => items.iter().all(anchored),
        _ => false,
    }
}

impl Compiler {
    fn pc(&self) -> usize {
        self.insts.len()
    }

    fn patch(&mut self, at: usize, inst: Inst) {
        if let Some(slot) = self.insts.get_mut(at) {
            *slot = inst;
        }
    }

    fn emit(&mut self, node: &Node) {
        match node {
            Node::Empty => {}
            Node::Lit(..) | Node::Any(_) | Node::Set(_) => {
                if let Some(u) = unit_of(node) {
                    self.insts.push(Inst::One(u));
                }
            }
            Node::At(a) => self.insts.push(Inst::At(*a)),
            Node::Group(g, n) => {
                self.insts.push(Inst::Save(2 * g));
                self.emit(n);
                self.insts.push(Inst::Save(2 * g + 1));
            }
            Node::Concat(items) => items.iter().for_each(|n| self.emit(n)),
            Node::Alt(items) => self.alternation(items),
            Node::Repeat { node, min, max, greed } => {
                self.repeat(node, *min, max.unwrap_or(INF), *greed)
            }
            Node::Backref(g, fold) => self.insts.push(Inst::Backref(*g, *fold)),
            Node::Look { behind, negated, node } => {
                let at = self.pc();
                self.insts.push(Inst::Succeed);
                self.emit(node);
                self.insts.push(Inst::Succeed);
                let width = node.width(&self.widths).0 as usize;
                let next = self.pc();
                self.patch(at, Inst::Look { behind: *behind, negated: *negated, width, next });
            }
            Node::Atomic(n) => self.atomic(|c| c.emit(n)),
            Node::Cond { group, yes, no } => {
                let at = self.pc();
                self.insts.push(Inst::Succeed);
                self.emit(yes);
                let jmp = self.pc();
                self.insts.push(Inst::Succeed);
                let no_pc = self.pc();
                self.emit(no);
                let end = self.pc();
                self.patch(at, Inst::Cond { group: *group, no: no_pc });
                self.patch(jmp, Inst::Jmp(end));
            }
        }
    }

    fn atomic(&mut self, body: impl FnOnce(&mut Self)) {
        let at = self.pc();
        self.insts.push(Inst::Succeed);
        body(self);
        self.insts.push(Inst::Succeed);
        let next = self.pc();
        self.patch(at, Inst::Atomic(next));
    }

    fn alternation(&mut self, items: &[Node]) {
        let mut jumps = Vec::new();
        for (i, n) in items.iter().enumerate() {
            if i + 1 == items.len() {
                self.emit(n);
                break;
            }
            let split = self.pc();
            self.insts.push(Inst::Split(0, 0));
            self.emit(n);
            jumps.push(self.pc());
            self.insts.push(Inst::Jmp(0));
            let next = self.pc();
            self.patch(split, Inst::Split(split + 1, next));
        }
        let end = self.pc();
        for j in jumps {
            self.patch(j, Inst::Jmp(end));
        }
    }

    fn repeat(&mut self, node: &Node, min: u32, max: u32, greed: Greed) {
        if max == 0 {
            return;
        }
        if let Some(unit) = unit_of(node) {
            self.insts.push(Inst::Single { unit, min, max, greed });
            return;
        }
        if min == 1 && max == 1 {
            self.emit(node);
            return;
        }
        if greed == Greed::Possessive {
            self.atomic(|c| c.repeat(node, min, max, Greed::Greedy));
            return;
        }
        let reg = self.regs;
        self.regs += 1;
        self.insts.push(Inst::RepStart(reg));
        let looptest = self.pc();
        self.insts.push(Inst::Succeed);
        self.insts.push(Inst::RepEnter(reg));
        self.emit(node);
        self.insts.push(Inst::RepNext { reg, looptest });
        let exit = self.pc();
        let lazy = greed == Greed::Lazy;
        self.patch(looptest, Inst::RepLoop { reg, min, max, lazy, exit });
    }
}
