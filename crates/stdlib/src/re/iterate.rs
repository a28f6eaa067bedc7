//! The searches that walk the whole text: `Pattern.findall`, `finditer` (a lazy iterator,
//! its position in the backend's cell, each step one critical section) and `split`. After an empty match the next search
//! starts at the same position but may not match empty there, CPython's rule since 3.7.

use super::backtrack::Mode;
use super::engine::{Hit, Subject};
use super::matchobj::new_match;
use super::{PatternObj, pattern_of, position, subject, text_obj, this_pattern};
use crate::itertools::{cell_of, clinic, new_obj, ssize};
use gillab_vm::Backend;
use gillab_vm::builtins::{Args, add};
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::{Payload, PyRef};
use gillab_vm::ops;
use std::sync::Arc;

/// Calls `f` on each match in `subj[pos..endpos]`, while it returns `true`.
pub(crate) fn each_match<B: Backend>(
    p: &PatternObj<B>,
    subj: &Subject<'_>,
    pos: usize,
    endpos: usize,
    mut f: impl FnMut(Hit) -> PyResult<B, bool>,
) -> PyResult<B, ()> {
    let (mut at, mut must_advance) = (pos, false);
    while at <= endpos {
        let Some(hit) = p.regex.exec(subj, at, endpos, Mode::Search, must_advance) else { break };
        let (s, e) = hit.spans[0].unwrap_or((at, at));
        if !f(hit)? {
            break;
        }
        must_advance = s == e;
        at = e;
    }
    Ok(())
}

/// The text of a group for `findall` and `split` (`None`: it did not take part).
fn group_text<B: Backend>(
    ctx: &Ctx<'_, B>,
    p: &PatternObj<B>,
    subj: &Subject<'_>,
    span: Option<(usize, usize)>,
) -> Option<PyRef<B>> {
    span.map(|(a, b)| text_obj(ctx, p.regex.bytes, subj.slice(a, b)))
}

/// `findall(string, pos=0, endpos=sys.maxsize)`.
pub(crate) fn findall<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let p = this_pattern(ctx, &args, "findall")?.1;
    let a = clinic(ctx, &args, "findall", &["string", "pos", "endpos"], 1, 3)?;
    let Some(string) = a[0] else { return Err(ctx.type_error("findall")) };
    let subj = subject(ctx, &p.regex, string)?;
    let pos = position(ctx, a[1], 0, subj.len)?;
    let endpos = position(ctx, a[2], usize::MAX, subj.len)?;
    let empty = text_obj(ctx, p.regex.bytes, b"");
    let mut out = Vec::new();
    let groups = p.regex.groups;
    each_match(p, &subj, pos, endpos, |hit| {
        let item = match groups {
            0 => group_text(ctx, p, &subj, hit.spans[0]).unwrap_or_else(|| empty.clone()),
            1 => group_text(ctx, p, &subj, hit.spans[1]).unwrap_or_else(|| empty.clone()),
            _ => {
                let items = (1..=groups)
                    .map(|g| {
                        group_text(ctx, p, &subj, hit.spans[g]).unwrap_or_else(|| empty.clone())
                    })
                    .collect();
                ctx.vm.tuple(items)
            }
        };
        out.push(item);
        Ok(true)
    })?;
    Ok(ctx.vm.list(out))
}

/// `split(string, maxsplit=0)`.
pub(crate) fn split<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let p = this_pattern(ctx, &args, "split")?.1;
    let a = clinic(ctx, &args, "split", &["string", "maxsplit"], 1, 2)?;
    let Some(string) = a[0] else { return Err(ctx.type_error("split")) };
    let maxsplit = match a[1] {
        Some(m) => ssize(ctx, m)?,
        None => 0,
    };
    let subj = subject(ctx, &p.regex, string)?;
    let mut out = Vec::new();
    let none = ctx.vm.core.none.clone();
    let (mut last, mut n) = (0usize, 0i64);
    if maxsplit >= 0 {
        each_match(p, &subj, 0, subj.len, |hit| {
            let (s, e) = hit.spans[0].unwrap_or((0, 0));
            out.push(text_obj(ctx, p.regex.bytes, subj.slice(last, s)));
            for g in 1..=p.regex.groups {
                out.push(group_text(ctx, p, &subj, hit.spans[g]).unwrap_or_else(|| none.clone()));
            }
            last = e;
            n += 1;
            Ok(maxsplit == 0 || n < maxsplit)
        })?;
    }
    out.push(text_obj(ctx, p.regex.bytes, subj.slice(last, subj.len)));
    Ok(ctx.vm.list(out))
}

/// The state of a `finditer` iterator.
struct Finder<B: Backend> {
    pattern: PyRef<B>,
    string: PyRef<B>,
    /// The `pos` given, which the matches report.
    pos: usize,
    at: usize,
    endpos: usize,
    must_advance: bool,
    done: bool,
    offsets: Option<Arc<Vec<usize>>>,
}

/// `finditer(string, pos=0, endpos=sys.maxsize)`.
pub(crate) fn finditer<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (pat, p) = this_pattern(ctx, &args, "finditer")?;
    let a = clinic(ctx, &args, "finditer", &["string", "pos", "endpos"], 1, 3)?;
    let Some(string) = a[0] else { return Err(ctx.type_error("finditer")) };
    let subj = subject(ctx, &p.regex, string)?;
    let at = position(ctx, a[1], 0, subj.len)?;
    let endpos = position(ctx, a[2], usize::MAX, subj.len)?;
    let state = Finder {
        pattern: pat.clone(),
        string: string.clone(),
        pos: at,
        at,
        endpos,
        must_advance: false,
        done: false,
        offsets: subj.offsets(),
    };
    Ok(new_obj(&p.iter_class, state))
}

pub(super) fn install_iter<B: Backend>(ctx: &mut Ctx<'_, B>, cls: &PyRef<B>) {
    let vm = ctx.vm;
    add(vm, cls, "__iter__", |ctx, args| {
        args.check(ctx, "__iter__", 1, 1, &[])?;
        Ok(args.args[0].clone())
    });
    add(vm, cls, "__next__", next);
}

fn next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "__next__", 1, 1, &[])?;
    let o = &args.args[0];
    let Some(cell) = cell_of::<B, Finder<B>>(o) else {
        return Err(ctx.type_error(format!(
            "descriptor '__next__' for 'callable_iterator' objects doesn't apply to a '{}' object",
            ops::type_name(ctx.vm, o)
        )));
    };
    let (pat, string, offsets) =
        o.read(cell, |s| (s.pattern.clone(), s.string.clone(), s.offsets.clone()));
    let Some(p) = pattern_of(&pat) else { return Err(ctx.stop_iteration()) };
    let subj = match &ops::value_of(&string).payload {
        Payload::Str(s) => Subject::from_str_with(s.as_str(), offsets),
        Payload::Bytes(b) => Subject::from_bytes(b),
        _ => return Err(ctx.stop_iteration()),
    };
    // The search runs inside the critical section (it calls no Python code), so threads
    // sharing the iterator each get a different match.
    let step = o.write(cell, |st| {
        if st.done || st.at > st.endpos {
            return None;
        }
        match p.regex.exec(&subj, st.at, st.endpos, Mode::Search, st.must_advance) {
            None => {
                st.done = true;
                None
            }
            Some(hit) => {
                let (s, e) = hit.spans[0].unwrap_or((st.at, st.at));
                st.at = e;
                st.must_advance = s == e;
                Some((hit, st.pos, st.endpos))
            }
        }
    });
    let Some((hit, pos, endpos)) = step else { return Err(ctx.stop_iteration()) };
    Ok(new_match(ctx, &pat, p, &string, &subj, hit, pos, endpos))
}
