//! A compiled pattern and its search: [`Regex`] holds the parsed pattern, its backtracking
//! program, and, built on first use, its translations to the `regex` crate for ASCII (or
//! bytes) texts and for other texts. Each search picks the crate where its answer is the
//! same as CPython's and the backtracker otherwise: for untranslatable patterns, for `$` when
//! the text ends in a newline (CPython's `$` also matches before it), for `\B` on an empty
//! text (which CPython 3.11 never matches), and for the non-empty match at a position where
//! the previous match was empty.
//!
//! Positions are in code points for str texts (bytes for bytes), as in Python; [`Subject`]
//! maps them to the UTF-8 offsets the crate and the Match object's slicing use.

use super::ast::{At, Node};
use super::backtrack::{self, Found, Mode};
use super::parse::{self, ReError, walk};
use super::prog::{self, Prog};
use super::translate::{self, Domain};
use regex_automata::{Anchored, Input, meta};
use std::cell::OnceCell;
use std::sync::{Arc, OnceLock};

/// A translation to the `regex` crate, with its full-match form built on first use.
struct Fast {
    src: String,
    domain: Domain,
    search: meta::Regex,
    full: OnceLock<Option<meta::Regex>>,
}

impl Fast {
    fn new(node: &Node, domain: Domain) -> Option<Fast> {
        let src = translate::translate(node, domain)?;
        let search = translate::build(&src, domain, false)?;
        Some(Fast { src, domain, search, full: OnceLock::new() })
    }

    fn full(&self) -> Option<&meta::Regex> {
        self.full.get_or_init(|| translate::build(&self.src, self.domain, true)).as_ref()
    }
}

/// A compiled pattern.
pub(crate) struct Regex {
    /// The flags (CPython's `Pattern.flags`).
    pub(crate) flags: u32,
    /// The number of capturing groups.
    pub(crate) groups: usize,
    /// Group names and numbers, in order of definition.
    pub(crate) names: Vec<(String, usize)>,
    /// A bytes pattern.
    pub(crate) bytes: bool,
    /// The innermost enclosing group of each group (0: none; index 0 unused).
    parents: Vec<usize>,
    node: Node,
    prog: Prog,
    /// The pattern has a `$` outside `re.MULTILINE`.
    dollar: bool,
    /// The pattern has a `\B`.
    nonboundary: bool,
    narrow: OnceLock<Option<Fast>>,
    wide: OnceLock<Option<Fast>>,
}

/// What a search found: the span of each group (in code units) and the last group closed.
#[derive(Clone, Debug)]
pub(crate) struct Hit {
    pub(crate) spans: Vec<Option<(usize, usize)>>,
    pub(crate) lastindex: Option<usize>,
}

impl Regex {
    /// Compiles `src` (code points, or bytes for a bytes pattern) with `flags`.
    pub(crate) fn new(src: &[u32], bytes: bool, flags: u32) -> Result<Regex, ReError> {
        let parsed = parse::parse(src, !bytes, flags)?;
        let prog = prog::compile(&parsed.node, parsed.groups, &parsed.widths);
        let mut parents = vec![0; parsed.groups + 1];
        fill_parents(&parsed.node, 0, &mut parents);
        let (mut dollar, mut nonboundary) = (false, false);
        walk(&parsed.node, &mut |n| match n {
            Node::At(At::End) => dollar = true,
            Node::At(At::NonBoundary(_)) => nonboundary = true,
            _ => {}
        });
        Ok(Regex {
            flags: parsed.flags,
            groups: parsed.groups,
            names: parsed.names,
            bytes,
            parents,
            node: parsed.node,
            prog,
            dollar,
            nonboundary,
            narrow: OnceLock::new(),
            wide: OnceLock::new(),
        })
    }

    /// The number of group `name`.
    pub(crate) fn group_index(&self, name: &str) -> Option<usize> {
        self.names.iter().find(|(n, _)| n == name).map(|e| e.1)
    }

    fn fast(&self, subj: &Subject<'_>) -> Option<&Fast> {
        let (cell, domain) = if self.bytes {
            (&self.narrow, Domain::Bytes)
        } else if subj.ascii {
            (&self.narrow, Domain::Ascii)
        } else {
            (&self.wide, Domain::Unicode)
        };
        cell.get_or_init(|| Fast::new(&self.node, domain)).as_ref()
    }

    /// Searches `subj[..endpos]` from `pos` in `mode`; `must_advance`: no empty match at
    /// `pos` (the search after an empty match).
    pub(crate) fn exec(
        &self,
        subj: &Subject<'_>,
        pos: usize,
        endpos: usize,
        mode: Mode,
        must_advance: bool,
    ) -> Option<Hit> {
        let endpos = endpos.min(subj.len);
        if pos > endpos {
            return None;
        }
        let exact = (self.dollar
            && subj.bytes.get(subj.byte(endpos).wrapping_sub(1)) == Some(&b'\n'))
            || (self.nonboundary && endpos == 0);
        let fast = if exact { None } else { self.fast(subj) };
        let Some(fast) = fast else { return self.backtrack(subj, pos, endpos, mode, must_advance) };
        let hit = self.fast_exec(fast, subj, pos, endpos, mode)?;
        if must_advance && hit.spans[0] == Some((pos, pos)) {
            if let Some(h) = self.backtrack(subj, pos, endpos, Mode::Match, true) {
                return Some(h);
            }
            if mode != Mode::Search || pos >= endpos {
                return None;
            }
            return self.fast_exec(fast, subj, pos + 1, endpos, mode);
        }
        Some(hit)
    }

    /// The backtracker's answer alone (for tests).
    #[cfg(test)]
    pub(crate) fn debug_backtrack(
        &self,
        subj: &Subject<'_>,
        pos: usize,
        endpos: usize,
        mode: Mode,
        must_advance: bool,
    ) -> Option<Hit> {
        self.backtrack(subj, pos, endpos, mode, must_advance)
    }

    /// The `regex` crate's answer alone, `None` where the crate does not serve the search
    /// (for tests; `must_advance` is applied as [`Regex::exec`] does, by the backtracker).
    #[cfg(test)]
    pub(crate) fn debug_fast(
        &self,
        subj: &Subject<'_>,
        pos: usize,
        endpos: usize,
        mode: Mode,
        must_advance: bool,
    ) -> Option<Option<Hit>> {
        let exact = (self.dollar
            && subj.bytes.get(subj.byte(endpos).wrapping_sub(1)) == Some(&b'\n'))
            || (self.nonboundary && endpos == 0);
        if exact {
            return None;
        }
        let fast = self.fast(subj)?;
        if must_advance {
            return Some(self.exec(subj, pos, endpos, mode, true));
        }
        Some(self.fast_exec(fast, subj, pos, endpos, mode))
    }

    fn backtrack(
        &self,
        subj: &Subject<'_>,
        pos: usize,
        endpos: usize,
        mode: Mode,
        must_advance: bool,
    ) -> Option<Hit> {
        let found = if subj.ascii {
            backtrack::exec(&self.prog, subj.bytes, pos, endpos, mode, must_advance)
        } else {
            let chars = subj.chars();
            backtrack::exec(&self.prog, chars, pos, endpos, mode, must_advance)
        }?;
        let Found { slots, lastindex } = found;
        let spans =
            slots
                .chunks(2)
                .map(|c| {
                    if c[0] == usize::MAX || c[1] == usize::MAX { None } else { Some((c[0], c[1])) }
                })
                .collect();
        Some(Hit { spans, lastindex: (lastindex > 0).then_some(lastindex) })
    }

    fn fast_exec(
        &self,
        fast: &Fast,
        subj: &Subject<'_>,
        pos: usize,
        endpos: usize,
        mode: Mode,
    ) -> Option<Hit> {
        let re = if mode == Mode::Full { fast.full()? } else { &fast.search };
        let hay = &subj.bytes[..subj.byte(endpos)];
        let anchored = if mode == Mode::Search { Anchored::No } else { Anchored::Yes };
        let input = Input::new(hay).span(subj.byte(pos)..hay.len()).anchored(anchored);
        let mut caps = re.create_captures();
        re.search_captures(&input, &mut caps);
        if !caps.is_match() {
            return None;
        }
        let spans: Vec<Option<(usize, usize)>> = (0..=self.groups)
            .map(|g| caps.get_group(g).map(|s| (subj.unit_at(s.start), subj.unit_at(s.end))))
            .collect();
        let lastindex = self.lastindex(&spans);
        Some(Hit { spans, lastindex })
    }

    /// The group closed last, from the spans: the one ending last; of those ending at the
    /// same place, an enclosing group before the groups inside it, then the later group.
    fn lastindex(&self, spans: &[Option<(usize, usize)>]) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (g, span) in spans.iter().enumerate().skip(1) {
            let Some((_, end)) = *span else { continue };
            best = match best {
                None => Some((g, end)),
                Some((b, bend)) => {
                    if end > bend || (end == bend && !self.encloses(b, g)) {
                        Some((g, end))
                    } else {
                        Some((b, bend))
                    }
                }
            };
        }
        best.map(|b| b.0)
    }

    /// Whether group `outer` encloses group `inner`.
    fn encloses(&self, outer: usize, inner: usize) -> bool {
        let mut g = self.parents.get(inner).copied().unwrap_or(0);
        while g != 0 {
            if g == outer {
                return true;
            }
            g = self.parents.get(g).copied().unwrap_or(0);
        }
        false
    }
}

fn fill_parents(node: &Node, parent: usize, out: &mut [usize]) {
    match node {
        Node::Group(g, n) => {
            if let Some(slot) = out.get_mut(*g) {
                *slot = parent;
            }
            fill_parents(n, *g, out);
        }
        Node::Atomic(n) => fill_parents(n, parent, out),
        Node::Look { node, .. } | Node::Repeat { node, .. } => fill_parents(node, parent, out),
        Node::Concat(items) | Node::Alt(items) => {
            items.iter().for_each(|n| fill_parents(n, parent, out))
        }
        Node::Cond { yes, no, .. } => {
            fill_parents(yes, parent, out);
            fill_parents(no, parent, out);
        }
        _ => {}
    }
}

/// A text being searched: its bytes (UTF-8 for a str) and the map between code points and
/// byte offsets.
pub(crate) struct Subject<'a> {
    /// The UTF-8 of a str, or the bytes.
    pub(crate) bytes: &'a [u8],
    /// One byte per code unit (ASCII str or bytes): positions are byte offsets.
    pub(crate) ascii: bool,
    /// The length in code units.
    pub(crate) len: usize,
    /// For other strs: the byte offset of each code point, then the length.
    offsets: Arc<Vec<usize>>,
    chars: OnceCell<Vec<char>>,
    text: Option<&'a str>,
}

impl<'a> Subject<'a> {
    /// A str text.
    pub(crate) fn from_str(s: &'a str) -> Subject<'a> {
        Subject::from_str_with(s, None)
    }

    /// A str text whose code point offsets (from [`Subject::offsets`]) may be known.
    pub(crate) fn from_str_with(s: &'a str, known: Option<Arc<Vec<usize>>>) -> Subject<'a> {
        if s.is_ascii() {
            return Subject {
                bytes: s.as_bytes(),
                ascii: true,
                len: s.len(),
                offsets: Arc::new(Vec::new()),
                chars: OnceCell::new(),
                text: Some(s),
            };
        }
        let offsets = known.unwrap_or_else(|| {
            let mut v: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
            v.push(s.len());
            Arc::new(v)
        });
        let len = offsets.len() - 1;
        Subject {
            bytes: s.as_bytes(),
            ascii: false,
            len,
            offsets,
            chars: OnceCell::new(),
            text: Some(s),
        }
    }

    /// A bytes text.
    pub(crate) fn from_bytes(b: &'a [u8]) -> Subject<'a> {
        Subject {
            bytes: b,
            ascii: true,
            len: b.len(),
            offsets: Arc::new(Vec::new()),
            chars: OnceCell::new(),
            text: None,
        }
    }

    /// The code point offsets, to build the same subject again cheaply.
    pub(crate) fn offsets(&self) -> Option<Arc<Vec<usize>>> {
        (!self.ascii).then(|| self.offsets.clone())
    }

    /// The byte offset of code unit `i`.
    #[inline]
    pub(crate) fn byte(&self, i: usize) -> usize {
        if self.ascii { i.min(self.bytes.len()) } else { self.offsets[i.min(self.len)] }
    }

    /// The code unit at byte offset `b` (a code point boundary).
    fn unit_at(&self, b: usize) -> usize {
        if self.ascii { b } else { self.offsets.partition_point(|&o| o < b) }
    }

    fn chars(&self) -> &[char] {
        self.chars.get_or_init(|| self.text.map_or_else(Vec::new, |t| t.chars().collect()))
    }

    /// The text between code units `a` and `b`, as bytes.
    pub(crate) fn slice(&self, a: usize, b: usize) -> &'a [u8] {
        let (x, y) = (self.byte(a), self.byte(b));
        &self.bytes[x..y.max(x)]
    }
}
