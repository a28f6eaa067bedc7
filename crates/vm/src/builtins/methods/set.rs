//! Methods of `set` and `frozenset`, and the set-building helpers the dict views share.
//!
//! The methods that do not mutate are written once for both classes (`FROZEN` picks the
//! receiver's class and the result's type: a frozenset's `union` makes a frozenset). A
//! frozenset's table never changes, so it is read without a guard (`dicts::read_table`).
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
    add(vm, t, "copy", copy::<B, false>);
    add(vm, t, "update", update);
    add(vm, t, "intersection_update", intersection_update);
    add(vm, t, "difference_update", difference_update);
    add(vm, t, "symmetric_difference_update", symmetric_difference_update);
    let f = &vm.core.types.frozenset;
    add(vm, f, "__new__", frozenset_new);
    add(vm, f, "copy", copy::<B, true>);
    for (cls, frozen) in [(t, false), (f, true)] {
        macro_rules! both {
            ($($name:literal => $f:ident),* $(,)?) => {
                $(add(vm, cls, $name, if frozen { $f::<B, true> } else { $f::<B, false> });)*
            };
        }
        both! {
            "union" => union,
            "intersection" => intersection,
            "difference" => difference,
            "symmetric_difference" => symmetric_difference,
            "issubset" => issubset,
            "issuperset" => issuperset,
            "isdisjoint" => isdisjoint,
        }
    }
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

/// The class name of a method written for both classes.
fn cls_name(frozen: bool) -> &'static str {
    if frozen { "frozenset" } else { "set" }
}

/// The receiver of a method of `set` (`FROZEN` false) or `frozenset` (true).
fn any_this<'a, B: Backend, const FROZEN: bool>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
) -> PyResult<B, &'a PyRef<B>> {
    let (o, ()) = receiver(ctx, args, cls_name(FROZEN), name, |p| match (p, FROZEN) {
        (Payload::Set(_), false) | (Payload::FrozenSet(_), true) => Some(&()),
        _ => None,
    })?;
    Ok(o)
}

/// A method's result: the set built, frozen when the receiver is a frozenset.
fn result_of<B: Backend, const FROZEN: bool>(vm: &Vm<B>, result: PyRef<B>) -> PyRef<B> {
    if FROZEN { crate::ops::sets::freeze(vm, result) } else { result }
}

// ---- Helpers ---------------------------------------------------------------------------------

/// The elements of a set or frozenset (or the keys of a dict), copied out of the table.
pub(super) fn elements<B: Backend>(s: &PyRef<B>) -> Vec<PyRef<B>> {
    dicts::keys_of(s)
}

/// The number of elements of a set, frozenset or dict.
fn size<B: Backend>(s: &PyRef<B>) -> usize {
    dicts::len_of(s)
}

/// A new set with the elements of set or frozenset `s`.
pub(super) fn copy_of<B: Backend>(vm: &Vm<B>, s: &PyRef<B>) -> PyRef<B> {
    match &s.payload {
        Payload::Set(_) | Payload::FrozenSet(_) => {
            vm.set(dicts::read_table(s, |t| t.clone()).unwrap_or_default())
        }
        _ => vm.set(Dict::new()),
    }
}

/// A new set holding the elements of `iterable`.
pub(super) fn set_of<B: Backend>(ctx: &mut Ctx<'_, B>, iterable: &PyRef<B>) -> PyResult<B> {
    let s = ctx.vm.set(Dict::new());
    add_all(ctx, &s, iterable)?;
    Ok(s)
}

/// `other` itself when it is a set or frozenset, else a new set of its elements.
fn as_set<B: Backend>(ctx: &mut Ctx<'_, B>, other: &PyRef<B>) -> PyResult<B> {
    if dicts::is_anyset(other) { Ok(other.clone()) } else { set_of(ctx, other) }
}

/// `frozenset(iterable=())`: a frozenset argument itself when the class is exactly
/// `frozenset`, as in CPython.
fn frozenset_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if let Some(o) = super::subclass::subclass_new(ctx, &args, frozenset_new)? {
        return Ok(o);
    }
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("frozenset() takes no keyword arguments"));
    }
    let rest = args.positional().get(1..).unwrap_or(&[]);
    if rest.len() > 1 {
        return Err(
            ctx.type_error(format!("frozenset expected at most 1 argument, got {}", rest.len()))
        );
    }
    let Some(src) = rest.first() else { return Ok(ctx.vm.frozenset(Dict::new())) };
    if matches!(src.payload, Payload::FrozenSet(_)) {
        return Ok(src.clone());
    }
    let s = set_of(ctx, src)?;
    Ok(crate::ops::sets::freeze(ctx.vm, s))
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
    let (candidates, within) = if dicts::is_anyset(other) {
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
    let (candidates, within) = if dicts::is_anyset(other) && size(other) < size(s) {
        (elements(other), s)
    } else if dicts::is_anyset(other) {
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
    let (key, _) = crate::ops::sets::set_key(ctx, &a[0])?;
    drop(dicts::remove(ctx, o, &key)?);
    Ok(ctx.vm.core.none.clone())
}

fn remove<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "remove")?;
    let a = arity(ctx, &args, "set", "remove", Sig::One)?;
    let (key, _) = crate::ops::sets::set_key(ctx, &a[0])?;
    match dicts::remove(ctx, o, &key)? {
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

fn copy<B: Backend, const FROZEN: bool>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let o = any_this::<B, FROZEN>(ctx, &args, "copy")?;
    arity(ctx, &args, cls_name(FROZEN), "copy", Sig::NoArgs)?;
    // A frozenset is its own copy.
    Ok(if FROZEN { o.clone() } else { copy_of(ctx.vm, o) })
}

fn update<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "update")?;
    for other in arity(ctx, &args, "set", "update", Sig::Any)? {
        add_all(ctx, o, other)?;
    }
    Ok(ctx.vm.core.none.clone())
}

fn union<B: Backend, const FROZEN: bool>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let o = any_this::<B, FROZEN>(ctx, &args, "union")?;
    let others = arity(ctx, &args, cls_name(FROZEN), "union", Sig::Any)?;
    let result = copy_of(ctx.vm, o);
    for other in others {
        add_all(ctx, &result, other)?;
    }
    Ok(result_of::<B, FROZEN>(ctx.vm, result))
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

fn intersection<B: Backend, const FROZEN: bool>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
) -> PyResult<B> {
    let o = any_this::<B, FROZEN>(ctx, &args, "intersection")?;
    let others = arity(ctx, &args, cls_name(FROZEN), "intersection", Sig::Any)?;
    let result = intersection_of(ctx, o, others)?;
    Ok(result_of::<B, FROZEN>(ctx.vm, result))
}

fn intersection_update<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "intersection_update")?;
    let others = arity(ctx, &args, "set", "intersection_update", Sig::Any)?;
    let result = intersection_of(ctx, o, others)?;
    replace_contents(o, cell, &result);
    Ok(ctx.vm.core.none.clone())
}

fn difference<B: Backend, const FROZEN: bool>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
) -> PyResult<B> {
    let o = any_this::<B, FROZEN>(ctx, &args, "difference")?;
    let others = arity(ctx, &args, cls_name(FROZEN), "difference", Sig::Any)?;
    let result = copy_of(ctx.vm, o);
    for other in others {
        discard_all(ctx, &result, other)?;
    }
    Ok(result_of::<B, FROZEN>(ctx.vm, result))
}

fn difference_update<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "difference_update")?;
    for other in arity(ctx, &args, "set", "difference_update", Sig::Any)? {
        discard_all(ctx, o, other)?;
    }
    Ok(ctx.vm.core.none.clone())
}

fn symmetric_difference<B: Backend, const FROZEN: bool>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
) -> PyResult<B> {
    let o = any_this::<B, FROZEN>(ctx, &args, "symmetric_difference")?;
    let a = arity(ctx, &args, cls_name(FROZEN), "symmetric_difference", Sig::One)?;
    let result = copy_of(ctx.vm, o);
    toggle_all(ctx, &result, &a[0])?;
    Ok(result_of::<B, FROZEN>(ctx.vm, result))
}

fn symmetric_difference_update<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "symmetric_difference_update")?;
    let a = arity(ctx, &args, "set", "symmetric_difference_update", Sig::One)?;
    toggle_all(ctx, o, &a[0])?;
    Ok(ctx.vm.core.none.clone())
}

fn issubset<B: Backend, const FROZEN: bool>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
) -> PyResult<B> {
    let o = any_this::<B, FROZEN>(ctx, &args, "issubset")?;
    let a = arity(ctx, &args, cls_name(FROZEN), "issubset", Sig::One)?;
    let r = subset_of(ctx, o, &a[0])?;
    Ok(ctx.vm.bool(r))
}

fn issuperset<B: Backend, const FROZEN: bool>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
) -> PyResult<B> {
    let o = any_this::<B, FROZEN>(ctx, &args, "issuperset")?;
    let a = arity(ctx, &args, cls_name(FROZEN), "issuperset", Sig::One)?;
    let other = &a[0];
    if dicts::is_anyset(other) {
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

fn isdisjoint<B: Backend, const FROZEN: bool>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
) -> PyResult<B> {
    let o = any_this::<B, FROZEN>(ctx, &args, "isdisjoint")?;
    let a = arity(ctx, &args, cls_name(FROZEN), "isdisjoint", Sig::One)?;
    let r = disjoint(ctx, o, &a[0])?;
    Ok(ctx.vm.bool(r))
}
