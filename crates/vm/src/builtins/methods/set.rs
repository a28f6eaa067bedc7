//! Methods of `set`, and the set-building helpers the dict views share.
//!
//! Membership goes through `ops::seq::contains` / `ops::dicts`, which hash and resolve a
//! Python-level `__eq__` outside the table's guard. Elements are copied out of a table before
//! any of them is compared, and removed entries are dropped after the guard is left
//! (docs/safety.md, I3).

use super::list::{Sig, arity, receiver};
use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::object::dict::Dict;
use crate::object::{Payload, PyRef};
use crate::ops::{dicts, seq};
use crate::vm::Vm;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let t = &vm.core.types.set;
    add(vm, t, "add", add_);
    add(vm, t, "discard", discard);
    add(vm, t, "remove", remove);
    add(vm, t, "pop", pop);
    add(vm, t, "clear", clear);
    add(vm, t, "copy", copy);
    add(vm, t, "update", update);
    add(vm, t, "union", union);
    add(vm, t, "intersection", intersection);
    add(vm, t, "intersection_update", intersection_update);
    add(vm, t, "difference", difference);
    add(vm, t, "difference_update", difference_update);
    add(vm, t, "symmetric_difference", symmetric_difference);
    add(vm, t, "symmetric_difference_update", symmetric_difference_update);
    add(vm, t, "issubset", issubset);
    add(vm, t, "issuperset", issuperset);
    add(vm, t, "isdisjoint", isdisjoint);
}

type SetCell<B> = <B as Backend>::Cell<Dict<B>>;

fn this<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
) -> PyResult<B, (&'a PyRef<B>, &'a SetCell<B>)> {
    receiver(ctx, args, "set", name, |p| match p {
        Payload::Set(d) => Some(d),
        _ => None,
    })
}

// ---- Helpers ---------------------------------------------------------------------------------

/// The elements of a set (or the keys of a dict), copied out of the table.
pub(super) fn elements<B: Backend>(s: &PyRef<B>) -> Vec<PyRef<B>> {
    match &s.payload {
        Payload::Set(d) | Payload::Dict(d) => {
            s.read(d, |t| t.iter().map(|e| e.key.clone()).collect())
        }
        _ => Vec::new(),
    }
}

/// The number of elements of a set or dict.
fn size<B: Backend>(s: &PyRef<B>) -> usize {
    match &s.payload {
        Payload::Set(d) | Payload::Dict(d) => s.read(d, |t| t.len()),
        _ => 0,
    }
}

/// A shallow copy of set `s`.
pub(super) fn copy_of<B: Backend>(vm: &Vm<B>, s: &PyRef<B>) -> PyRef<B> {
    match &s.payload {
        Payload::Set(d) => vm.set(s.read(d, |t| t.clone())),
        _ => vm.set(Dict::new()),
    }
}

/// A new set holding the elements of `iterable`.
pub(super) fn set_of<B: Backend>(ctx: &mut Ctx<'_, B>, iterable: &PyRef<B>) -> PyResult<B> {
    let s = ctx.vm.set(Dict::new());
    add_all(ctx, &s, iterable)?;
    Ok(s)
}

/// `other` itself when it is a set, else a new set of its elements.
fn as_set<B: Backend>(ctx: &mut Ctx<'_, B>, other: &PyRef<B>) -> PyResult<B> {
    if matches!(other.payload, Payload::Set(_)) { Ok(other.clone()) } else { set_of(ctx, other) }
}

/// Adds every element of `iterable` to set `s`.
pub(super) fn add_all<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    s: &PyRef<B>,
    iterable: &PyRef<B>,
) -> PyResult<B, ()> {
    for x in seq::to_vec(ctx, iterable)? {
        dicts::set(ctx, s, x, None)?;
    }
    Ok(())
}

/// Removes every element of `iterable` from set `s` (absent ones are ignored).
pub(super) fn discard_all<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    s: &PyRef<B>,
    iterable: &PyRef<B>,
) -> PyResult<B, ()> {
    for x in seq::to_vec(ctx, iterable)? {
        drop(dicts::remove(ctx, s, &x)?);
    }
    Ok(())
}

/// A new set of the elements of set `s` that are also in `other` (any iterable). As in CPython
/// the elements kept are those of the collection iterated: the smaller set, or `other`.
pub(super) fn intersect<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    s: &PyRef<B>,
    other: &PyRef<B>,
) -> PyResult<B> {
    let result = ctx.vm.set(Dict::new());
    let (candidates, within) = if matches!(other.payload, Payload::Set(_)) {
        if size(other) > size(s) { (elements(s), other) } else { (elements(other), s) }
    } else {
        (seq::to_vec(ctx, other)?, s)
    };
    for x in candidates {
        if seq::contains(ctx, within, &x)? {
            dicts::set(ctx, &result, x, None)?;
        }
    }
    Ok(result)
}

/// Toggles in set `s` each element of `other` (any iterable, duplicates counted once).
pub(super) fn toggle_all<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    s: &PyRef<B>,
    other: &PyRef<B>,
) -> PyResult<B, ()> {
    let other = as_set(ctx, other)?;
    for x in elements(&other) {
        if dicts::remove(ctx, s, &x)?.is_none() {
            dicts::set(ctx, s, x, None)?;
        }
    }
    Ok(())
}

/// Whether every element of set `s` is in `other` (any iterable).
pub(super) fn subset_of<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    s: &PyRef<B>,
    other: &PyRef<B>,
) -> PyResult<B, bool> {
    let other = as_set(ctx, other)?;
    if size(s) > size(&other) {
        return Ok(false);
    }
    for x in elements(s) {
        if !seq::contains(ctx, &other, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Whether set `s` and `other` (any iterable) have no element in common.
pub(super) fn disjoint<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    s: &PyRef<B>,
    other: &PyRef<B>,
) -> PyResult<B, bool> {
    let (candidates, within) = if matches!(other.payload, Payload::Set(_)) && size(other) < size(s)
    {
        (elements(other), s)
    } else if matches!(other.payload, Payload::Set(_)) {
        (elements(s), other)
    } else {
        (seq::to_vec(ctx, other)?, s)
    };
    for x in candidates {
        if seq::contains(ctx, within, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Replaces the contents of set `s` by those of set `from`.
fn replace_contents<B: Backend>(s: &PyRef<B>, cell: &SetCell<B>, from: &PyRef<B>) {
    let Payload::Set(src) = &from.payload else { return };
    let new = from.read(src, |t| t.clone());
    let old = s.write(cell, |t| std::mem::replace(t, new));
    drop(old);
}

// ---- Methods ---------------------------------------------------------------------------------

fn add_<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "add")?;
    let a = arity(ctx, &args, "set", "add", Sig::One)?;
    dicts::set(ctx, o, a[0].clone(), None)?;
    Ok(ctx.vm.core.none.clone())
}

fn discard<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "discard")?;
    let a = arity(ctx, &args, "set", "discard", Sig::One)?;
    drop(dicts::remove(ctx, o, &a[0])?);
    Ok(ctx.vm.core.none.clone())
}

fn remove<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "remove")?;
    let a = arity(ctx, &args, "set", "remove", Sig::One)?;
    match dicts::remove(ctx, o, &a[0])? {
        Some(_) => Ok(ctx.vm.core.none.clone()),
        None => Err(ctx.key_error(a[0].clone())),
    }
}

fn pop<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "pop")?;
    arity(ctx, &args, "set", "pop", Sig::NoArgs)?;
    let entry = o.write(cell, |t| {
        let pos = t.entry_from(0).map(|(_, next)| next - 1)?;
        t.remove_at(pos)
    });
    match entry {
        Some(e) => Ok(e.key),
        None => Err(ctx.key_error(ctx.vm.str("pop from an empty set"))),
    }
}

fn clear<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "clear")?;
    arity(ctx, &args, "set", "clear", Sig::NoArgs)?;
    let old = o.write(cell, |t| t.take_all());
    drop(old);
    Ok(ctx.vm.core.none.clone())
}

fn copy<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "copy")?;
    arity(ctx, &args, "set", "copy", Sig::NoArgs)?;
    Ok(copy_of(ctx.vm, o))
}

fn update<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "update")?;
    for other in arity(ctx, &args, "set", "update", Sig::Any)? {
        add_all(ctx, o, other)?;
    }
    Ok(ctx.vm.core.none.clone())
}

fn union<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "union")?;
    let others = arity(ctx, &args, "set", "union", Sig::Any)?;
    let result = copy_of(ctx.vm, o);
    for other in others {
        add_all(ctx, &result, other)?;
    }
    Ok(result)
}

fn intersection_of<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    o: &PyRef<B>,
    others: &[PyRef<B>],
) -> PyResult<B> {
    let mut result = copy_of(ctx.vm, o);
    for other in others {
        result = intersect(ctx, &result, other)?;
    }
    Ok(result)
}

fn intersection<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "intersection")?;
    let others = arity(ctx, &args, "set", "intersection", Sig::Any)?;
    intersection_of(ctx, o, others)
}

fn intersection_update<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "intersection_update")?;
    let others = arity(ctx, &args, "set", "intersection_update", Sig::Any)?;
    let result = intersection_of(ctx, o, others)?;
    replace_contents(o, cell, &result);
    Ok(ctx.vm.core.none.clone())
}

fn difference<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "difference")?;
    let others = arity(ctx, &args, "set", "difference", Sig::Any)?;
    let result = copy_of(ctx.vm, o);
    for other in others {
        discard_all(ctx, &result, other)?;
    }
    Ok(result)
}

fn difference_update<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "difference_update")?;
    for other in arity(ctx, &args, "set", "difference_update", Sig::Any)? {
        discard_all(ctx, o, other)?;
    }
    Ok(ctx.vm.core.none.clone())
}

fn symmetric_difference<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "symmetric_difference")?;
    let a = arity(ctx, &args, "set", "symmetric_difference", Sig::One)?;
    let result = copy_of(ctx.vm, o);
    toggle_all(ctx, &result, &a[0])?;
    Ok(result)
}

fn symmetric_difference_update<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "symmetric_difference_update")?;
    let a = arity(ctx, &args, "set", "symmetric_difference_update", Sig::One)?;
    toggle_all(ctx, o, &a[0])?;
    Ok(ctx.vm.core.none.clone())
}

fn issubset<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "issubset")?;
    let a = arity(ctx, &args, "set", "issubset", Sig::One)?;
    let r = subset_of(ctx, o, &a[0])?;
    Ok(ctx.vm.bool(r))
}

fn issuperset<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "issuperset")?;
    let a = arity(ctx, &args, "set", "issuperset", Sig::One)?;
    let other = &a[0];
    if matches!(other.payload, Payload::Set(_)) {
        let r = subset_of(ctx, other, o)?;
        return Ok(ctx.vm.bool(r));
    }
    for x in seq::to_vec(ctx, other)? {
        if !seq::contains(ctx, o, &x)? {
            return Ok(ctx.vm.core.false_.clone());
        }
    }
    Ok(ctx.vm.core.true_.clone())
}

fn isdisjoint<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "isdisjoint")?;
    let a = arity(ctx, &args, "set", "isdisjoint", Sig::One)?;
    let r = disjoint(ctx, o, &a[0])?;
    Ok(ctx.vm.bool(r))
}
