//! The parsed form of a pattern: what the backtracking compiler ([`super::prog`]) and the
//! translation to the `regex` crate ([`super::translate`]) both start from. Case folding,
//! `re.ASCII`, `re.DOTALL` and `re.MULTILINE` are resolved per node by the parser, so a node
//! means the same thing wherever it sits.

use super::chars::{Cat, Fold, RangeSet};

/// The greediness of a repeat.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Greed {
    /// As many as possible, giving back on failure (`*`).
    Greedy,
    /// As few as possible (`*?`).
    Lazy,
    /// As many as possible, never giving back (`*+`).
    Possessive,
}

/// A zero-width assertion.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum At {
    /// `^` and `\A`: the start of the string.
    Start,
    /// `^` under `re.MULTILINE`: the start of a line.
    StartLine,
    /// `$`: the end, or before a final newline.
    End,
    /// `$` under `re.MULTILINE`: before a newline or at the end.
    EndLine,
    /// `\Z`: the end of the string.
    EndString,
    /// `\b` (`true`: ASCII word characters).
    Boundary(bool),
    /// `\B` (`true`: ASCII word characters).
    NonBoundary(bool),
}

/// One member of a character set.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) enum Item {
    /// An inclusive range of code points (a single one as `(c, c)`).
    Range(u32, u32),
    /// A category (`negated`: `\D`, `\W`, `\S`; `ascii`: the ASCII definition).
    Cat { cat: Cat, negated: bool, ascii: bool },
}

/// A character set: `[...]`, `\d`, `\w`, `\s` and their negations.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) struct Set {
    /// `[^...]`.
    pub(crate) negated: bool,
    /// The members.
    pub(crate) items: Vec<Item>,
    /// How characters are compared.
    pub(crate) fold: Fold,
}

/// A node of the pattern.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) enum Node {
    /// Matches the empty string.
    Empty,
    /// One code point (a byte in a bytes pattern).
    Lit(u32, Fold),
    /// `.` (`true`: under `re.DOTALL`, newlines too).
    Any(bool),
    /// A character set.
    Set(Box<Set>),
    /// An assertion.
    At(At),
    /// A capturing group with its number.
    Group(usize, Box<Node>),
    /// Items in sequence.
    Concat(Vec<Node>),
    /// Alternatives, tried in order.
    Alt(Vec<Node>),
    /// `node{min,max}` (`max` `None`: unbounded).
    Repeat { node: Box<Node>, min: u32, max: Option<u32>, greed: Greed },
    /// `\N` or `(?P=name)`.
    Backref(usize, Fold),
    /// `(?=...)`, `(?!...)`, `(?<=...)`, `(?<!...)`.
    Look { behind: bool, negated: bool, node: Box<Node> },
    /// `(?>...)`.
    Atomic(Box<Node>),
    /// `(?(group)yes|no)`.
    Cond { group: usize, yes: Box<Node>, no: Box<Node> },
}

/// An unbounded width.
pub(crate) const UNBOUNDED: u64 = u64::MAX;

impl Node {
    /// The least and greatest number of characters the node can match (`sre`'s
    /// `getwidth`, capped), given the widths of the groups for back-references.
    pub(crate) fn width(&self, groups: &[(u64, u64)]) -> (u64, u64) {
        match self {
            Node::Empty | Node::At(_) | Node::Look { .. } => (0, 0),
            Node::Lit(..) | Node::Any(_) | Node::Set(_) => (1, 1),
            Node::Group(_, n) | Node::Atomic(n) => n.width(groups),
            Node::Concat(items) => items.iter().fold((0, 0), |(lo, hi), n| {
                let (a, b) = n.width(groups);
                (lo.saturating_add(a), hi.saturating_add(b))
            }),
            Node::Alt(items) => {
                let ws: Vec<_> = items.iter().map(|n| n.width(groups)).collect();
                let lo = ws.iter().map(|w| w.0).min().unwrap_or(0);
                let hi = ws.iter().map(|w| w.1).max().unwrap_or(0);
                (lo, hi)
            }
            Node::Repeat { node, min, max, .. } => {
                let (a, b) = node.width(groups);
                let hi = match max {
                    Some(m) => b.saturating_mul(u64::from(*m)),
                    None if b == 0 => 0,
                    None => UNBOUNDED,
                };
                (a.saturating_mul(u64::from(*min)), hi)
            }
            Node::Backref(g, _) => groups.get(*g).copied().unwrap_or((0, UNBOUNDED)),
            Node::Cond { yes, no, .. } => {
                let (a, b) = yes.width(groups);
                let (c, d) = no.width(groups);
                (a.min(c), b.max(d))
            }
        }
    }

    /// Whether the node can match the empty string (conservatively: back-references and
    /// conditions count as able to).
    pub(crate) fn nullable(&self) -> bool {
        match self {
            Node::Empty | Node::At(_) | Node::Look { .. } | Node::Backref(..) => true,
            Node::Lit(..) | Node::Any(_) | Node::Set(_) => false,
            Node::Group(_, n) | Node::Atomic(n) => n.nullable(),
            Node::Concat(items) => items.iter().all(Node::nullable),
            Node::Alt(items) => items.iter().any(Node::nullable),
            Node::Repeat { node, min, .. } => *min == 0 || node.nullable(),
            Node::Cond { .. } => true,
        }
    }
}

impl Set {
    /// The explicit ranges of the set (categories left out).
    pub(crate) fn ranges(&self) -> RangeSet {
        RangeSet::from_ranges(
            self.items
                .iter()
                .filter_map(|i| match i {
                    Item::Range(a, b) => Some((*a, *b)),
                    Item::Cat { .. } => None,
                })
                .collect(),
        )
    }
}
