//! Global sites: `LOAD_GLOBAL` specialized per instruction, as CPython 3.11's
//! `LOAD_GLOBAL_MODULE`/`LOAD_GLOBAL_BUILTIN` are (PEP 659), without rewriting the shared
//! bytecode.
//!
//! A dict table can carry a *keys tag* (`object::dict`, CPython's `dk_version`): a number drawn
//! once from a process-wide counter that stands for the table's keys at their positions, reset
//! to 0 by any change of either. Each `LOAD_GLOBAL` has two words in its code object:
//!
//! | word | holds | says |
//! |---|---|---|
//! | `CodeRef::sites[at]` | `tag << 24 \| pos` | the table tagged `tag` (the globals) holds the name at dense position `pos` |
//! | `CodeRef::sites[at]` | `tag << 24 \| ABSENT` | the table tagged `tag` (the globals) does not hold the name |
//! | `CodeRef::aux[at]` | `tag << 24 \| pos` | the table tagged `tag` (the builtins) holds the name at `pos` |
//!
//! A load reads the globals' tag under the dict's read access; if the site's word has that tag
//! it reads the entry at `pos` (one index, no hash, no probe, no key comparison), or, for
//! `ABSENT`, does the same with the second word in the builtins. Anything else (no word yet,
//! another tag, an entry whose value is gone) takes the generic lookup, which refills the
//! words.
//!
//! Soundness (docs/safety.md, I9): each word is one atomic store of a fact about the table
//! that carries its tag, found under the same read access in which the tag was read or drawn.
//! Tags are never drawn twice and are reset by every change of keys, so while a table carries
//! the tag the fact holds, whichever dict the table belongs to and whichever thread wrote the
//! word. The two words are independent facts, so a reader that sees one from one fill and the
//! other from another is still right.

use super::dicts;
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::dict::MAX_KEYS_TAG;
use crate::object::{CodeRef, Payload, PyRef};
use std::sync::atomic::{AtomicU64, Ordering};

/// Position bits of a site word.
const POS_BITS: u32 = 24;
/// The position that means "not in this table".
const ABSENT: u64 = (1 << POS_BITS) - 1;

/// What a site word says about a table whose tag it matches.
enum Known {
    /// The name is at this dense position.
    At(usize),
    /// The name is not in the table.
    Absent,
}

/// The fact `word` records, if it was recorded for the table tagged `tag` (nonzero).
#[inline(always)]
fn fact(word: u64, tag: u64) -> Option<Known> {
    if tag == 0 || word >> POS_BITS != tag {
        return None;
    }
    Some(match word & ABSENT {
        ABSENT => Known::Absent,
        pos => Known::At(pos as usize),
    })
}

/// The word recording `pos` (or absence) in the table tagged `tag`; 0 (no fact) when either
/// does not fit.
fn word(tag: u64, pos: Option<usize>) -> u64 {
    let pos = match pos {
        Some(p) if (p as u64) < ABSENT => p as u64,
        Some(_) => return 0,
        None => ABSENT,
    };
    if tag == 0 || tag > MAX_KEYS_TAG { 0 } else { tag << POS_BITS | pos }
}

/// The result of reading one namespace through its site word.
enum Probe<B: Backend> {
    /// The value.
    Hit(PyRef<B>),
    /// The word says the name is not there.
    Absent,
    /// The word does not describe the table: look up and refill.
    Stale,
}

/// Reads `ns` through `site`. Only exact dicts are read this way (a module's namespace, the
/// builtins); anything else is `Stale` and takes the generic lookup.
#[inline(always)]
fn probe<B: Backend>(ns: &PyRef<B>, site: &AtomicU64) -> Probe<B> {
    // Relaxed: the word is self-contained (see the module docs).
    let w = site.load(Ordering::Relaxed);
    let Payload::Dict(cell) = &ns.payload else { return Probe::Stale };
    if w == 0 {
        return Probe::Stale;
    }
    ns.read(cell, |d| match fact(w, d.keys_tag()) {
        Some(Known::At(pos)) => match d.value_at(pos) {
            Some(v) => Probe::Hit(v.clone()),
            None => Probe::Stale,
        },
        Some(Known::Absent) => Probe::Absent,
        None => Probe::Stale,
    })
}

/// Looks `name` up in `ns` and records the answer in `site`: the value, if present.
#[cold]
fn fill<B: Backend>(ns: &PyRef<B>, name: &str, hash: i64, site: &AtomicU64) -> Option<PyRef<B>> {
    let (w, v) = dicts::read_table(ns, |d| {
        let pos = d.find(hash, |k| dicts::is_text(k, name));
        let v = pos.and_then(|p| d.value_at(p)).cloned();
        (word(d.keys_tag_or_assign(), pos), v)
    })?;
    if w != 0 {
        // Relaxed: as in `probe`.
        site.store(w, Ordering::Relaxed);
    }
    v
}

/// `LOAD_GLOBAL` of name `i` at instruction `at` of `code`, run with `globals`: through its
/// site words unless `--no-global-cache`; `Ok(None)` when neither namespace holds the name
/// (the caller raises the `NameError`).
#[inline(never)]
pub fn load<B: Backend>(
    ctx: &Ctx<'_, B>,
    code: &CodeRef<B>,
    at: usize,
    globals: &PyRef<B>,
    name: &PyRef<B>,
) -> PyResult<B, Option<PyRef<B>>> {
    let builtins = &ctx.vm.core.builtins;
    let (Some(gsite), Some(bsite), true, Payload::Str(s)) =
        (code.sites.get(at), code.aux.get(at), ctx.vm.options.global_cache, &name.payload)
    else {
        return Ok(dicts::get_name(globals, name).or_else(|| dicts::get_name(builtins, name)));
    };
    match probe(globals, gsite) {
        Probe::Hit(v) => return Ok(Some(v)),
        Probe::Absent => {}
        Probe::Stale => {
            if let Some(v) = fill(globals, s.as_str(), s.hash(), gsite) {
                return Ok(Some(v));
            }
        }
    }
    Ok(match probe(builtins, bsite) {
        Probe::Hit(v) => Some(v),
        Probe::Absent => None,
        Probe::Stale => fill(builtins, s.as_str(), s.hash(), bsite),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip_and_refuse_what_does_not_fit() {
        assert!(matches!(fact(word(7, Some(3)), 7), Some(Known::At(3))));
        assert!(matches!(fact(word(7, None), 7), Some(Known::Absent)));
        assert!(fact(word(7, Some(3)), 8).is_none());
        assert!(fact(word(7, Some(3)), 0).is_none());
        assert_eq!(word(0, Some(1)), 0);
        assert_eq!(word(MAX_KEYS_TAG + 1, Some(1)), 0);
        assert_eq!(word(1, Some(ABSENT as usize)), 0);
        assert!(matches!(fact(word(MAX_KEYS_TAG, Some(5)), MAX_KEYS_TAG), Some(Known::At(5))));
    }
}
