//! Code points as `re` sees them: sets of code points ([`RangeSet`]), the categories `\d`,
//! `\w` and `\s` (Unicode ones through `str`'s own tables in the VM, so `\w` is exactly
//! `str.isalnum() or '_'`), and case-insensitive matching as CPython's `sre` does it: a
//! character matches a literal or a set when its *simple lower case* does, where the
//! literal's or set's lower cases are widened by the groups of lower-case letters that share
//! an upper case ([`EQUIVALENCES`]).

use gillab_vm::builtins::methods::str as pystr;
use std::sync::OnceLock;

/// The largest code point.
pub(crate) const MAX_CP: u32 = 0x10FFFF;

/// A category escape: `\d`, `\w` or `\s`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Cat {
    Digit,
    Word,
    Space,
}

/// How a literal, set or back-reference compares characters.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Fold {
    /// Exactly.
    None,
    /// ASCII letters without case (`re.IGNORECASE` with `re.ASCII`, or a bytes pattern).
    Ascii,
    /// By simple lower case, with [`EQUIVALENCES`] (`re.IGNORECASE` on a str pattern).
    Unicode,
}

/// Lower-case letters that share one upper case (so that `(?i)s` matches `ſ`), from the
/// Unicode data of CPython 3.11: every group of single code points whose upper case (full
/// mapping) is the same string.
const EQUIVALENCES: &[&[u32]] = &[
    &[0x69, 0x131],
    &[0x73, 0x17f],
    &[0xb5, 0x3bc],
    &[0x345, 0x3b9, 0x1fbe],
    &[0x390, 0x1fd3],
    &[0x3b0, 0x1fe3],
    &[0x3b2, 0x3d0],
    &[0x3b5, 0x3f5],
    &[0x3b8, 0x3d1],
    &[0x3ba, 0x3f0],
    &[0x3c0, 0x3d6],
    &[0x3c1, 0x3f1],
    &[0x3c2, 0x3c3],
    &[0x3c6, 0x3d5],
    &[0x432, 0x1c80],
    &[0x434, 0x1c81],
    &[0x43e, 0x1c82],
    &[0x441, 0x1c83],
    &[0x442, 0x1c84, 0x1c85],
    &[0x44a, 0x1c86],
    &[0x463, 0x1c87],
    &[0x1c88, 0xa64b],
    &[0x1e61, 0x1e9b],
    &[0xfb05, 0xfb06],
];

/// The group of [`EQUIVALENCES`] holding `c`, if any.
fn equivalents(c: u32) -> &'static [u32] {
    EQUIVALENCES.iter().find(|g| g.contains(&c)).copied().unwrap_or(&[])
}

/// The blocks holding every letter with a lower case in CPython 3.11's Unicode 14 (checked by
/// a unit test over all code points): Rust's newer data also lowers the letters of later
/// scripts, which CPython 3.11 leaves uncased, as [`lower`] does.
const BLOCKS: &[(u32, u32)] = &[
    (0x41, 0x5a),
    (0xc0, 0x58f),
    (0x10a0, 0x10ff),
    (0x13a0, 0x13ff),
    (0x1c80, 0x1cbf),
    (0x1e00, 0x1fff),
    (0x2100, 0x218f),
    (0x24b6, 0x24cf),
    (0x2c00, 0x2d2f),
    (0xa640, 0xa7ff),
    (0xab70, 0xabbf),
    (0xff21, 0xff3a),
    (0x10400, 0x104ff),
    (0x10570, 0x105bf),
    (0x10c80, 0x10cff),
    (0x118a0, 0x118df),
    (0x16e40, 0x16e7f),
    (0x1e900, 0x1e94f),
];

/// CPython's `_PyUnicode_ToLowercase`: the first code point of the lower case.
pub(crate) fn lower(c: u32) -> u32 {
    if c < 0x80 {
        return (c as u8).to_ascii_lowercase() as u32;
    }
    if !BLOCKS.iter().any(|&(lo, hi)| lo <= c && c <= hi) {
        return c;
    }
    match char::from_u32(c) {
        Some(ch) => ch.to_lowercase().next().map_or(c, |l| l as u32),
        None => c,
    }
}

/// `c` compared under `fold`: the value a literal or set is tested with.
#[inline]
pub(crate) fn canon(fold: Fold, c: u32) -> u32 {
    match fold {
        Fold::None => c,
        Fold::Ascii => {
            if c < 0x80 {
                (c as u8).to_ascii_lowercase() as u32
            } else {
                c
            }
        }
        Fold::Unicode => lower(c),
    }
}

/// Code points whose lower case is not themselves, as `(lower, code point)` sorted: the
/// inverse of [`lower`], to list every character a folded literal or set matches.
fn lower_pairs() -> &'static [(u32, u32)] {
    static PAIRS: OnceLock<Vec<(u32, u32)>> = OnceLock::new();
    PAIRS.get_or_init(|| {
        let mut v = Vec::new();
        for &(lo, hi) in BLOCKS {
            for c in lo..=hi {
                let l = lower(c);
                if l != c {
                    v.push((l, c));
                }
            }
        }
        v.sort_unstable();
        v
    })
}

/// The code points of one folded literal `c` (its canonical value first): every `d` with
/// `canon(d)` in `{canon(c)}` widened by [`EQUIVALENCES`].
pub(crate) fn literal_set(fold: Fold, c: u32) -> Vec<u32> {
    let mut out = vec![c];
    match fold {
        Fold::None => {}
        Fold::Ascii => {
            if (c as u8 as u32 == c) && (c as u8).is_ascii_alphabetic() {
                out.push((c as u8 ^ 0x20) as u32);
            }
        }
        Fold::Unicode => {
            let l = lower(c);
            let mut keys = vec![l];
            keys.extend(equivalents(l).iter().copied().filter(|&e| e != l));
            for k in keys {
                out.push(k);
                out.extend(preimages(k));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The code points other than `l` whose lower case is `l`.
fn preimages(l: u32) -> impl Iterator<Item = u32> {
    let pairs = lower_pairs();
    let start = pairs.partition_point(|&(k, _)| k < l);
    pairs[start..].iter().take_while(move |&&(k, _)| k == l).map(|&(_, c)| c)
}

/// Whether `c` is in category `cat` (`ascii`: the ASCII definitions of `re.ASCII` and bytes).
pub(crate) fn in_cat(cat: Cat, ascii: bool, c: u32) -> bool {
    if c < 0x80 {
        let b = c as u8;
        return match cat {
            Cat::Digit => b.is_ascii_digit(),
            Cat::Word => b.is_ascii_alphanumeric() || b == b'_',
            Cat::Space => {
                matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
                    || (!ascii && (0x1c..=0x1f).contains(&b))
            }
        };
    }
    if ascii {
        return false;
    }
    let Some(ch) = char::from_u32(c) else { return false };
    match cat {
        Cat::Digit => pystr::is_decimal(ch),
        Cat::Word => pystr::is_alpha(ch) || pystr::is_numeric(ch),
        Cat::Space => pystr::is_space(ch),
    }
}

/// The code points of a Unicode category as ranges (computed once: the planes past 3 hold
/// no letters, digits or spaces).
pub(crate) fn cat_ranges(cat: Cat) -> &'static RangeSet {
    static SETS: [OnceLock<RangeSet>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let i = cat as usize;
    SETS[i].get_or_init(|| {
        let mut v: Vec<(u32, u32)> = Vec::new();
        for c in 0..0x40000 {
            if in_cat(cat, false, c) {
                match v.last_mut() {
                    Some(last) if last.1 + 1 == c => last.1 = c,
                    _ => v.push((c, c)),
                }
            }
        }
        RangeSet(v)
    })
}

/// A set of code points: sorted, disjoint, non-adjacent inclusive ranges.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct RangeSet(pub(crate) Vec<(u32, u32)>);

impl RangeSet {
    /// The set of `ranges` (in any order, overlapping or not).
    pub(crate) fn from_ranges(mut ranges: Vec<(u32, u32)>) -> RangeSet {
        ranges.sort_unstable();
        let mut out: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
        for (lo, hi) in ranges {
            match out.last_mut() {
                Some(last) if lo <= last.1.saturating_add(1) => last.1 = last.1.max(hi),
                _ => out.push((lo, hi)),
            }
        }
        RangeSet(out)
    }

    /// Whether `c` is in the set.
    #[inline]
    pub(crate) fn contains(&self, c: u32) -> bool {
        let r = &self.0;
        if r.len() <= 4 {
            return r.iter().any(|&(lo, hi)| lo <= c && c <= hi);
        }
        let i = r.partition_point(|&(_, hi)| hi < c);
        r.get(i).is_some_and(|&(lo, _)| lo <= c)
    }

    /// The union of two sets.
    pub(crate) fn union(&self, other: &RangeSet) -> RangeSet {
        let mut v = self.0.clone();
        v.extend_from_slice(&other.0);
        RangeSet::from_ranges(v)
    }

    /// The code points up to `max` not in the set.
    pub(crate) fn complement(&self, max: u32) -> RangeSet {
        let mut out = Vec::new();
        let mut next = 0u32;
        for &(lo, hi) in &self.0 {
            if lo > max {
                break;
            }
            if lo > next {
                out.push((next, lo - 1));
            }
            next = hi.saturating_add(1);
        }
        if next <= max {
            out.push((next, max));
        }
        RangeSet(out)
    }

    /// The set cut to `0..=max`.
    pub(crate) fn clamp(&self, max: u32) -> RangeSet {
        RangeSet(
            self.0
                .iter()
                .filter(|&&(lo, _)| lo <= max)
                .map(|&(lo, hi)| (lo, hi.min(max)))
                .collect(),
        )
    }

    /// Whether the set is empty.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// For a set tested with `canon(fold, c)`: its closure under case (adding the lower
    /// cases of its members and their [`EQUIVALENCES`]), as CPython compiles a set under
    /// `re.IGNORECASE`.
    pub(crate) fn fold_closure(&self, fold: Fold) -> RangeSet {
        let mut extra: Vec<(u32, u32)> = Vec::new();
        match fold {
            Fold::None => return self.clone(),
            Fold::Ascii => {
                for c in (b'A'..=b'Z').map(u32::from) {
                    if self.contains(c) {
                        extra.push((c + 32, c + 32));
                    }
                }
            }
            Fold::Unicode => {
                for &(l, c) in lower_pairs() {
                    if self.contains(c) {
                        extra.push((l, l));
                    }
                }
                let base = self.union(&RangeSet::from_ranges(extra.clone()));
                for g in EQUIVALENCES {
                    if g.iter().any(|&e| base.contains(e)) {
                        extra.extend(g.iter().map(|&e| (e, e)));
                    }
                }
            }
        }
        self.union(&RangeSet::from_ranges(extra))
    }

    /// For a set `s` tested with `canon(fold, c)`: every `c` with `canon(fold, c)` in `s`.
    pub(crate) fn fold_preimage(&self, fold: Fold) -> RangeSet {
        let mut add: Vec<(u32, u32)> = Vec::new();
        let mut remove: Vec<(u32, u32)> = Vec::new();
        match fold {
            Fold::None => return self.clone(),
            Fold::Ascii => {
                for c in (b'A'..=b'Z').map(u32::from) {
                    if self.contains(c + 32) {
                        add.push((c, c));
                    } else if self.contains(c) {
                        remove.push((c, c));
                    }
                }
            }
            Fold::Unicode => {
                for &(l, c) in lower_pairs() {
                    if self.contains(l) {
                        add.push((c, c));
                    } else if self.contains(c) {
                        remove.push((c, c));
                    }
                }
            }
        }
        let widened = self.union(&RangeSet::from_ranges(add));
        if remove.is_empty() {
            return widened;
        }
        let rm = RangeSet::from_ranges(remove);
        RangeSet::from_ranges(
            widened.0.iter().flat_map(|&(lo, hi)| split_out(lo, hi, &rm)).collect(),
        )
    }
}

/// The parts of `lo..=hi` outside `rm`.
fn split_out(lo: u32, hi: u32, rm: &RangeSet) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut start = lo;
    for &(a, b) in &rm.0 {
        if b < start || a > hi {
            continue;
        }
        if a > start {
            out.push((start, a - 1));
        }
        start = b.saturating_add(1);
        if start > hi {
            return out;
        }
    }
    if start <= hi {
        out.push((start, hi));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cased_letters_lie_in_the_scanned_blocks() {
        // Scripts Rust's data has and CPython 3.11's Unicode 14 does not (Garay, Beria Erfe).
        let newer = |c: u32| (0x10d50..=0x10d8f).contains(&c) || (0x16ea0..=0x16edf).contains(&c);
        let mut outside = Vec::new();
        for c in 0..=MAX_CP {
            let l =
                char::from_u32(c).and_then(|ch| ch.to_lowercase().next()).map_or(c, |l| l as u32);
            if l != c && !BLOCKS.iter().any(|&(lo, hi)| lo <= c && c <= hi) && !newer(c) {
                outside.push(c);
            }
        }
        assert!(outside.is_empty(), "cased letters outside the blocks: {outside:x?}");
    }

    #[test]
    fn folded_literals() {
        assert_eq!(literal_set(Fold::Unicode, 'k' as u32), vec![0x4b, 0x6b, 0x212a]);
        assert_eq!(literal_set(Fold::Unicode, 'S' as u32), vec![0x53, 0x73, 0x17f]);
        assert_eq!(literal_set(Fold::Ascii, 'k' as u32), vec![0x4b, 0x6b]);
        assert_eq!(literal_set(Fold::None, 'k' as u32), vec![0x6b]);
    }

    #[test]
    fn sets() {
        let s = RangeSet::from_ranges(vec![(5, 7), (1, 2), (3, 3), (10, 12)]);
        assert_eq!(s.0, vec![(1, 3), (5, 7), (10, 12)]);
        assert_eq!(s.complement(20).0, vec![(0, 0), (4, 4), (8, 9), (13, 20)]);
        assert!(s.contains(11) && !s.contains(9));
        let az = RangeSet(vec![(0x61, 0x7a)]);
        let pre = az.fold_preimage(Fold::Unicode);
        assert!(pre.contains(0x41) && pre.contains(0x212a) && pre.contains(0x130));
    }
}
