//! The translation of a pattern to the `regex` crate's syntax, where the crate's leftmost-first
//! semantics give exactly CPython's match: every set and folded literal is written out as the
//! explicit code points it matches (so `\w`, `\s`, `\d` and case folding are CPython's, not
//! the crate's), and a pattern is not translated (the backtracker runs it) if it holds a
//! back-reference, a look-around, an atomic group, a possessive repeat, a condition, or a
//! repeat of something that can match the empty string (where `sre` stops iterating and the
//! crate does not).
//!
//! Three domains: [`Domain::Ascii`] serves str patterns over ASCII texts (sets cut to ASCII,
//! `\b` the ASCII one, which is then the same), [`Domain::Bytes`] bytes patterns, and
//! [`Domain::Unicode`] str patterns over other texts, where a Unicode `\b`/`\B` is left to
//! the backtracker (the crate's word characters are not CPython's).

use super::ast::{At, Greed, Item, Node, Set};
use super::chars::{Cat, Fold, MAX_CP, RangeSet, cat_ranges, in_cat, literal_set};
use regex_automata::meta;
use regex_automata::util::syntax;

/// Which texts a translation serves.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Domain {
    /// A str pattern over ASCII texts.
    Ascii,
    /// A bytes pattern.
    Bytes,
    /// A str pattern over texts with other code points.
    Unicode,
}

impl Domain {
    fn max(self) -> u32 {
        match self {
            Domain::Ascii => 0x7f,
            Domain::Bytes => 0xff,
            Domain::Unicode => MAX_CP,
        }
    }
}

/// The translation of `node`, or `None` where the crate's semantics would differ.
pub(crate) fn translate(node: &Node, domain: Domain) -> Option<String> {
    let mut out = String::new();
    emit(node, domain, &mut out)?;
    Some(out)
}

/// Builds the crate's regex for a translation (`full`: it must end at the end of the text).
pub(crate) fn build(src: &str, domain: Domain, full: bool) -> Option<meta::Regex> {
    let unicode = domain == Domain::Unicode;
    let pattern = if full { format!("(?:{src})\\z") } else { src.to_string() };
    meta::Regex::builder()
        .syntax(syntax::Config::new().unicode(unicode).utf8(unicode).nest_limit(500))
        .configure(
            meta::Config::new()
                .utf8_empty(unicode)
                .nfa_size_limit(Some(16 << 20))
                .hybrid_cache_capacity(4 << 20),
        )
        .build(&pattern)
        .ok()
}

fn push_cp(c: u32, domain: Domain, out: &mut String) {
    match char::from_u32(c) {
        Some(ch) if ch.is_ascii_alphanumeric() => out.push(ch),
        _ if domain == Domain::Unicode => out.push_str(&format!("\\x{{{c:X}}}")),
        _ => out.push_str(&format!("\\x{c:02X}")),
    }
}

/// A set of code points as a class (one that matches nothing if it is empty).
fn push_set(set: &RangeSet, domain: Domain, out: &mut String) {
    let set = set.clamp(domain.max());
    if let [(lo, hi)] = set.0.as_slice()
        && lo == hi
    {
        push_cp(*lo, domain, out);
        return;
    }
    if set.is_empty() {
        // The class of nothing: everything negated.
        let max = if domain == Domain::Unicode { MAX_CP } else { 0xff };
        out.push_str("[^\\x00-");
        push_cp(max, domain, out);
        out.push(']');
        return;
    }
    out.push('[');
    for &(lo, hi) in &set.0 {
        push_cp(lo, domain, out);
        if hi > lo {
            out.push('-');
            push_cp(hi, domain, out);
        }
    }
    out.push(']');
}

/// The code points of a category in `domain`.
fn category(cat: Cat, negated: bool, ascii: bool, domain: Domain) -> RangeSet {
    let set = if ascii || domain != Domain::Unicode {
        let mut v = Vec::new();
        for c in 0..=domain.max().min(0xff) {
            if in_cat(cat, ascii, c) {
                v.push((c, c));
            }
        }
        RangeSet::from_ranges(v)
    } else {
        cat_ranges(cat).clone()
    };
    if negated { set.complement(domain.max()) } else { set }
}

/// The code points a set matches.
fn set_members(set: &Set, domain: Domain) -> RangeSet {
    let mut m = set.ranges().fold_closure(set.fold).fold_preimage(set.fold);
    for item in &set.items {
        if let Item::Cat { cat, negated, ascii } = item {
            m = m.union(&category(*cat, *negated, *ascii, domain));
        }
    }
    if set.negated { m.complement(domain.max()) } else { m }
}

fn emit(node: &Node, domain: Domain, out: &mut String) -> Option<()> {
    match node {
        Node::Empty => out.push_str("(?:)"),
        Node::Lit(c, Fold::None) => push_set(&RangeSet(vec![(*c, *c)]), domain, out),
        Node::Lit(c, fold) => {
            let set =
                RangeSet::from_ranges(literal_set(*fold, *c).iter().map(|&v| (v, v)).collect());
            push_set(&set, domain, out);
        }
        Node::Any(dotall) => {
            let u = if domain == Domain::Unicode { "" } else { "-u" };
            out.push_str(if *dotall { "(?s" } else { "(?-s" });
            out.push_str(u);
            out.push_str(":.)");
        }
        Node::Set(s) => push_set(&set_members(s, domain), domain, out),
        Node::At(a) => out.push_str(match (a, domain) {
            (At::Start, _) => "\\A",
            (At::StartLine, _) => "(?m:^)",
            (At::End | At::EndString, _) => "\\z",
            (At::EndLine, _) => "(?m:$)",
            (At::Boundary(false) | At::NonBoundary(false), Domain::Unicode) => return None,
            (At::Boundary(_), _) => "(?-u:\\b)",
            (At::NonBoundary(_), _) => "(?-u:\\B)",
        }),
        Node::Group(_, n) => {
            out.push('(');
            emit(n, domain, out)?;
            out.push(')');
        }
        Node::Concat(items) => {
            out.push_str("(?:");
            for n in items {
                emit(n, domain, out)?;
            }
            out.push(')');
        }
        Node::Alt(items) => {
            out.push_str("(?:");
            for (i, n) in items.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                emit(n, domain, out)?;
            }
            out.push(')');
        }
        Node::Repeat { node, min, max, greed } => {
            if *greed == Greed::Possessive {
                return None;
            }
            let optional_iterations = max.is_none_or(|m| m > *min && m >= 2);
            if optional_iterations && node.nullable() {
                return None;
            }
            out.push_str("(?:");
            emit(node, domain, out)?;
            out.push(')');
            match max {
                Some(m) if m == min => out.push_str(&format!("{{{m}}}")),
                Some(m) => out.push_str(&format!("{{{min},{m}}}")),
                None => out.push_str(&format!("{{{min},}}")),
            }
            if *greed == Greed::Lazy {
                out.push('?');
            }
        }
        Node::Backref(..) | Node::Look { .. } | Node::Atomic(_) | Node::Cond { .. } => {
            return None;
        }
    }
    Some(())
}
