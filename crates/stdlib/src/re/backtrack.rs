//! The backtracking matcher: runs a [`Prog`] over a text of code units (a str's code points,
//! or bytes) with an explicit stack, so that neither a long text nor a long match grows the
//! Rust stack; only look-arounds and atomic groups recurse, as deep as the pattern nests
//! them. The stack holds choice points and an undo log of the captures and repeat registers
//! they changed; a look-around or atomic group that succeeds drops the choice points its
//! body left and keeps the undo entries, so that later backtracking still restores them.

use super::ast::{At, Greed};
use super::chars::{Cat, Fold, canon, in_cat};
use super::prog::{Inst, Prog, Unit};

/// A text to match: code units by index.
pub(crate) trait Text {
    /// The code unit at `i`.
    fn at(&self, i: usize) -> u32;
}

impl Text for [u8] {
    #[inline]
    fn at(&self, i: usize) -> u32 {
        self.get(i).map_or(0, |&b| u32::from(b))
    }
}

impl Text for [char] {
    #[inline]
    fn at(&self, i: usize) -> u32 {
        self.get(i).map_or(0, |&c| c as u32)
    }
}

/// Where a match may start.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Mode {
    /// Anywhere from the start position on (`search`).
    Search,
    /// At the start position (`match`).
    Match,
    /// At the start position, ending at the end (`fullmatch`).
    Full,
}

/// A match: the capture slots (`usize::MAX` where unset) and the last group closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) slots: Vec<usize>,
    pub(crate) lastindex: usize,
}

/// No position.
const NONE: usize = usize::MAX;

enum Frame {
    /// Resume at `pc` and position.
    Alt(usize, usize),
    /// Restore capture slot `i`.
    Slot(usize, usize),
    /// Restore register `i`.
    Reg(usize, usize),
    /// Restore the last group closed.
    Last(usize),
    /// A greedy single repeat at `pc` that matched `count` units from `base`.
    Greedy { pc: usize, base: usize, count: usize, min: usize },
    /// A lazy single repeat at `pc` that matched `count` units from `base`.
    Lazy { pc: usize, base: usize, count: usize },
}

struct Exec<'a, T: Text + ?Sized> {
    prog: &'a Prog,
    text: &'a T,
    end: usize,
    start: usize,
    full: bool,
    must_advance: bool,
    slots: Vec<usize>,
    regs: Vec<usize>,
    lastindex: usize,
    stack: Vec<Frame>,
}

/// Runs `prog` over `text[..end]` from `pos` in `mode`; `must_advance`: an empty match at
/// `pos` does not count (CPython's rule for the match after an empty one).
pub(crate) fn exec<T: Text + ?Sized>(
    prog: &Prog,
    text: &T,
    pos: usize,
    end: usize,
    mode: Mode,
    must_advance: bool,
) -> Option<Found> {
    if pos > end {
        return None;
    }
    let mut ex = Exec {
        prog,
        text,
        end,
        start: pos,
        full: mode == Mode::Full,
        must_advance,
        slots: vec![NONE; prog.slots],
        regs: vec![0; prog.regs],
        lastindex: 0,
        stack: Vec::new(),
    };
    let last_start = if mode == Mode::Search && !prog.anchored_start { end } else { pos };
    let mut s = pos;
    while s <= last_start {
        if let Some(u) = &prog.first {
            while s < end && !u.matches(text.at(s)) {
                s += 1;
            }
            if s >= end || s > last_start {
                return None;
            }
        }
        ex.start = s;
        ex.must_advance = must_advance && s == pos;
        if let Some(e) = ex.run(0, s) {
            ex.slots[0] = s;
            ex.slots[1] = e;
            return Some(Found { slots: ex.slots, lastindex: ex.lastindex });
        }
        ex.slots.iter_mut().for_each(|v| *v = NONE);
        ex.lastindex = 0;
        s += 1;
    }
    None
}

impl<T: Text + ?Sized> Exec<'_, T> {
    fn is_word(&self, i: usize, ascii: bool) -> bool {
        i < self.end && in_cat(Cat::Word, ascii, self.text.at(i))
    }

    fn at(&self, a: At, pos: usize) -> bool {
        let nl = |i: usize| i < self.end && self.text.at(i) == 0x0a;
        match a {
            At::Start => pos == 0,
            At::StartLine => pos == 0 || nl(pos - 1),
            At::End => pos == self.end || (pos + 1 == self.end && nl(pos)),
            At::EndLine => pos == self.end || nl(pos),
            At::EndString => pos == self.end,
            At::Boundary(ascii) | At::NonBoundary(ascii) => {
                if self.end == 0 {
                    return false;
                }
                let before = pos > 0 && self.is_word(pos - 1, ascii);
                let after = self.is_word(pos, ascii);
                (before != after) == matches!(a, At::Boundary(_))
            }
        }
    }

    fn set_slot(&mut self, i: usize, v: usize) {
        let old = self.slots[i];
        self.stack.push(Frame::Slot(i, old));
        self.slots[i] = v;
        if i % 2 == 1 {
            self.stack.push(Frame::Last(self.lastindex));
            self.lastindex = i / 2;
        }
    }

    fn set_reg(&mut self, i: usize, v: usize) {
        self.stack.push(Frame::Reg(i, self.regs[i]));
        self.regs[i] = v;
    }

    /// How many units from `pos` pass `unit`, up to `max`.
    fn count(&self, unit: &Unit, pos: usize, max: usize) -> usize {
        let limit = (self.end - pos).min(max);
        let mut n = 0;
        while n < limit && unit.matches(self.text.at(pos + n)) {
            n += 1;
        }
        n
    }

    fn backref(&self, g: usize, fold: Fold, pos: usize) -> Option<usize> {
        let (s, e) = (self.slots[2 * g], self.slots[2 * g + 1]);
        if s == NONE || e == NONE || e < s {
            return None;
        }
        let len = e - s;
        if pos + len > self.end {
            return None;
        }
        let same = (0..len).all(|k| {
            let (a, b) = (self.text.at(s + k), self.text.at(pos + k));
            a == b || canon(fold, a) == canon(fold, b)
        });
        same.then_some(pos + len)
    }

    /// Drops the choice points above `base`, keeping the undo entries.
    fn cut(&mut self, base: usize) {
        let tail: Vec<Frame> = self
            .stack
            .drain(base..)
            .filter(|f| !matches!(f, Frame::Alt(..) | Frame::Greedy { .. } | Frame::Lazy { .. }))
            .collect();
        self.stack.extend(tail);
    }

    /// Undoes everything above `base`.
    fn unwind(&mut self, base: usize) {
        while self.stack.len() > base {
            match self.stack.pop() {
                Some(Frame::Slot(i, v)) => self.slots[i] = v,
                Some(Frame::Reg(i, v)) => self.regs[i] = v,
                Some(Frame::Last(v)) => self.lastindex = v,
                _ => {}
            }
        }
    }

    /// Runs from `pc` at `pos` until `Match` or `Succeed` (the end position) or until every
    /// choice above the stack's height at entry is exhausted (`None`, state restored).
    fn run(&mut self, pc: usize, pos: usize) -> Option<usize> {
        let base = self.stack.len();
        let (mut pc, mut pos) = (pc, pos);
        'outer: loop {
            let ok = match &self.prog.insts[pc] {
                Inst::One(u) => {
                    if pos < self.end && u.matches(self.text.at(pos)) {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Single { unit, min, max, greed } => {
                    let (min, max) = (*min as usize, *max as usize);
                    match greed {
                        Greed::Greedy | Greed::Possessive => {
                            let n = self.count(unit, pos, max);
                            if n < min {
                                false
                            } else {
                                if n > min && *greed == Greed::Greedy {
                                    self.stack.push(Frame::Greedy {
                                        pc: pc + 1,
                                        base: pos,
                                        count: n,
                                        min,
                                    });
                                }
                                pos += n;
                                pc += 1;
                                true
                            }
                        }
                        Greed::Lazy => {
                            if self.count(unit, pos, min) < min {
                                false
                            } else {
                                if min < max {
                                    self.stack.push(Frame::Lazy { pc, base: pos, count: min });
                                }
                                pos += min;
                                pc += 1;
                                true
                            }
                        }
                    }
                }
                Inst::Split(a, b) => {
                    self.stack.push(Frame::Alt(*b, pos));
                    pc = *a;
                    true
                }
                Inst::Jmp(t) => {
                    pc = *t;
                    true
                }
                Inst::Save(i) => {
                    self.set_slot(*i, pos);
                    pc += 1;
                    true
                }
                Inst::At(a) => {
                    let ok = self.at(*a, pos);
                    pc += 1;
                    ok
                }
                Inst::RepStart(r) => {
                    self.set_reg(2 * r, 0);
                    self.set_reg(2 * r + 1, NONE);
                    pc += 1;
                    true
                }
                Inst::RepLoop { reg, min, max, lazy, exit } => {
                    let count = self.regs[2 * reg];
                    let last = self.regs[2 * reg + 1];
                    let more = (*max == super::prog::INF || count < *max as usize) && pos != last;
                    if count < *min as usize {
                        pc += 2;
                    } else if !more {
                        pc = *exit;
                    } else if *lazy {
                        self.stack.push(Frame::Alt(pc + 1, pos));
                        pc = *exit;
                    } else {
                        self.stack.push(Frame::Alt(*exit, pos));
                        self.set_reg(2 * reg + 1, pos);
                        pc += 2;
                    }
                    true
                }
                Inst::RepEnter(reg) => {
                    self.set_reg(2 * reg + 1, pos);
                    pc += 1;
                    true
                }
                Inst::RepNext { reg, looptest } => {
                    let count = self.regs[2 * reg];
                    self.set_reg(2 * reg, count + 1);
                    pc = *looptest;
                    true
                }
                Inst::Backref(g, fold) => match self.backref(*g, *fold, pos) {
                    Some(p) => {
                        pos = p;
                        pc += 1;
                        true
                    }
                    None => false,
                },
                Inst::Look { behind, negated, width, next } => {
                    let (behind, negated, width, next) = (*behind, *negated, *width, *next);
                    let mark = self.stack.len();
                    let r = if !behind {
                        self.run(pc + 1, pos)
                    } else if pos >= width {
                        self.run(pc + 1, pos - width)
                    } else {
                        None
                    };
                    let found = r.is_some_and(|e| !behind || e == pos);
                    if r.is_some() && (negated || !found) {
                        self.unwind(mark);
                    } else if found {
                        self.cut(mark);
                    }
                    pc = next;
                    found != negated
                }
                Inst::Atomic(next) => {
                    let next = *next;
                    let mark = self.stack.len();
                    match self.run(pc + 1, pos) {
                        Some(p) => {
                            self.cut(mark);
                            pos = p;
                            pc = next;
                            true
                        }
                        None => false,
                    }
                }
                Inst::Cond { group, no } => {
                    let set = self.slots.get(2 * group + 1).is_some_and(|&v| v != NONE);
                    pc = if set { pc + 1 } else { *no };
                    true
                }
                Inst::Succeed => return Some(pos),
                Inst::Match => {
                    if (self.full && pos != self.end) || (self.must_advance && pos == self.start) {
                        false
                    } else {
                        return Some(pos);
                    }
                }
            };
            if ok {
                continue;
            }
            // Backtrack.
            loop {
                if self.stack.len() <= base {
                    return None;
                }
                match self.stack.pop() {
                    Some(Frame::Alt(p, at)) => {
                        pc = p;
                        pos = at;
                        continue 'outer;
                    }
                    Some(Frame::Slot(i, v)) => self.slots[i] = v,
                    Some(Frame::Reg(i, v)) => self.regs[i] = v,
                    Some(Frame::Last(v)) => self.lastindex = v,
                    Some(Frame::Greedy { pc: next, base: b, count, min }) => {
                        let mut count = count - 1;
                        // Skip the counts after which a following literal cannot match.
                        if let Some(Inst::One(Unit::Lit(c))) = self.prog.insts.get(next) {
                            while count > min
                                && (b + count >= self.end || self.text.at(b + count) != *c)
                            {
                                count -= 1;
                            }
                        }
                        if count > min {
                            self.stack.push(Frame::Greedy { pc: next, base: b, count, min });
                        }
                        pc = next;
                        pos = b + count;
                        continue 'outer;
                    }
                    Some(Frame::Lazy { pc: at, base: b, count }) => {
                        let Inst::Single { unit, max, .. } = &self.prog.insts[at] else {
                            continue;
                        };
                        let p = b + count;
                        if p < self.end && unit.matches(self.text.at(p)) {
                            let count = count + 1;
                            if count < *max as usize {
                                self.stack.push(Frame::Lazy { pc: at, base: b, count });
                            }
                            pc = at + 1;
                            pos = b + count;
                            continue 'outer;
                        }
                    }
                    None => return None,
                }
            }
        }
    }
}
