//! `dict.keys()`, `dict.values()` and `dict.items()` views: live views of a dict.
//!
//! A view is a `Payload::Native` object holding an `ops::dicts::View` (the dict and what it
//! yields; `ops::seq::to_vec` copies a view in one read of its dict, as it does a dict); its class
//! (`dict_keys`, `dict_values`, `dict_items`) is created once per VM at install time and kept
//! in the `dict` class dict under a private name (see [`new_view`]). Iteration returns a real
//! dict iterator (`IterState::Dict`), which sees the dict's current contents and raises
//! `RuntimeError` if its size changes. Keys and items views are set-like: `==` and the
//! ordering comparisons with sets and other views, `&`, `|`, `-`, `^` and `isdisjoint`.
//!
//! Those operators and `in` are methods of the view classes (`__contains__`, `__eq__`,
//! `__and__`, ...): they take effect wherever the VM dispatches a native object's dunders.

use super::list::{Sig, arity, receiver};
use super::set;
use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::object::{
    DictIterKind, IterKind, IterState, Layout, NativeObj, Payload, PyRef, TableExpect,
};
use crate::ops::dicts::{self, View, snapshot};
use crate::ops::{compare, iter, repr, seq};
use crate::types::new_type;
use crate::vm::Vm;
use std::cell::RefCell;

const KINDS: [DictIterKind; 3] = [DictIterKind::Keys, DictIterKind::Values, DictIterKind::Items];

/// The class name of a view.
fn kind_name(kind: DictIterKind) -> &'static str {
    match kind {
        DictIterKind::Keys => "dict_keys",
        DictIterKind::Values => "dict_values",
        DictIterKind::Items => "dict_items",
    }
}

/// Where the class of a view is kept in the `dict` class dict.
fn class_slot(kind: DictIterKind) -> &'static str {
    match kind {
        DictIterKind::Keys => "__dict_keys_type__",
        DictIterKind::Values => "__dict_values_type__",
        DictIterKind::Items => "__dict_items_type__",
    }
}

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    for kind in KINDS {
        let cls =
            new_type::<B>(kind_name(kind), Some(vm.core.object_type.clone()), Layout::Builtin);
        add(vm, &cls, "__new__", view_new);
        add(vm, &cls, "__iter__", view_iter);
        add(vm, &cls, "__len__", view_len);
        add(vm, &cls, "__repr__", view_repr);
        add(vm, &cls, "__contains__", view_contains);
        add(vm, &cls, "__reversed__", view_reversed);
        if kind != DictIterKind::Values {
            add(vm, &cls, "__eq__", view_eq);
            add(vm, &cls, "__ne__", view_ne);
            add(vm, &cls, "__lt__", view_lt);
            add(vm, &cls, "__le__", view_le);
            add(vm, &cls, "__gt__", view_gt);
            add(vm, &cls, "__ge__", view_ge);
            add(vm, &cls, "__and__", view_and);
            add(vm, &cls, "__rand__", view_and);
            add(vm, &cls, "__or__", view_or);
            add(vm, &cls, "__ror__", view_or);
            add(vm, &cls, "__xor__", view_xor);
            add(vm, &cls, "__rxor__", view_xor);
            add(vm, &cls, "__sub__", view_sub);
            add(vm, &cls, "__rsub__", view_rsub);
            add(vm, &cls, "isdisjoint", view_isdisjoint);
        }
        dicts::set_name(&vm.core.types.dict, vm.intern(class_slot(kind)), cls);
    }
}

/// A new view of `dict` (a `Payload::Dict`). Before the view classes exist (during VM
/// start-up) it falls back to a list snapshot.
pub(crate) fn new_view<B: Backend>(vm: &Vm<B>, dict: &PyRef<B>, kind: DictIterKind) -> PyRef<B> {
    match dicts::get_text(&vm.core.types.dict, class_slot(kind)) {
        Some(class) => PyRef::new(Payload::Native(Box::new(NativeObj {
            class,
            data: Box::new(View::new(dict.clone(), kind)),
        }))),
        None => vm.list(snapshot(vm, dict, kind)),
    }
}

/// A view method's receiver: the view object, its contents, and the arguments after it.
type Receiver<'a, B> = (&'a PyRef<B>, &'a View<B>, &'a [PyRef<B>]);

fn this<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
    sig: Sig,
) -> PyResult<B, Receiver<'a, B>> {
    let (o, v) = receiver(ctx, args, "dict_keys", name, |p| match p {
        Payload::Native(n) => n.data.downcast_ref::<View<B>>(),
        _ => None,
    })?;
    let rest = arity(ctx, args, kind_name(v.kind), name, sig)?;
    Ok((o, v, rest))
}

fn len_of<B: Backend>(v: &View<B>) -> usize {
    match &v.dict.payload {
        Payload::Dict(cell) => v.dict.read(cell, |d| d.len()),
        _ => 0,
    }
}

/// `dict_keys()`: views are made only by `dict.keys()` and friends.
fn view_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let name = args.args.first().map_or("dict_keys", |c| crate::ops::class_name(c));
    Err(ctx.type_error(format!("cannot create '{name}' instances")))
}

fn view_iter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, v, _) = this(ctx, &args, "__iter__", Sig::NoArgs)?;
    let Payload::Dict(cell) = &v.dict.payload else { return Err(ctx.type_error("not a dict")) };
    let expect = TableExpect::new(v.dict.read(cell, |d| d.len()));
    let kind = match v.kind {
        DictIterKind::Keys => IterKind::DictKeys,
        DictIterKind::Values => IterKind::DictValues,
        DictIterKind::Items => IterKind::DictItems,
    };
    Ok(iter::new_iter(kind, IterState::Dict(v.dict.clone(), 0, expect, v.kind)))
}

fn view_len<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, v, _) = this(ctx, &args, "__len__", Sig::NoArgs)?;
    Ok(ctx.vm.int(len_of(v) as i64))
}

thread_local! {
    /// Views whose repr is being built on this thread (a view may be inside its own dict).
    static IN_REPR: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

fn view_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, v, _) = this(ctx, &args, "__repr__", Sig::NoArgs)?;
    let vm = ctx.vm;
    let addr = o.addr();
    if IN_REPR.with(|s| s.borrow().contains(&addr)) {
        return Ok(vm.str("..."));
    }
    let items = vm.list(snapshot(vm, &v.dict, v.kind));
    IN_REPR.with(|s| s.borrow_mut().push(addr));
    let inner = repr::repr(ctx, &items);
    IN_REPR.with(|s| {
        let mut s = s.borrow_mut();
        if let Some(i) = s.iter().rposition(|&a| a == addr) {
            s.remove(i);
        }
    });
    Ok(vm.str(format!("{}({})", kind_name(v.kind), inner?)))
}

/// `x in view`.
fn contains<B: Backend>(ctx: &mut Ctx<'_, B>, v: &View<B>, x: &PyRef<B>) -> PyResult<B, bool> {
    match v.kind {
        DictIterKind::Keys => seq::contains(ctx, &v.dict, x),
        DictIterKind::Items => {
            let Payload::Tuple(pair) = &x.payload else { return Ok(false) };
            let [key, value] = &pair[..] else { return Ok(false) };
            match dicts::get(ctx, &v.dict, key)? {
                Some(found) => compare::eq(ctx, &found, value),
                None => Ok(false),
            }
        }
        DictIterKind::Values => {
            for found in snapshot(ctx.vm, &v.dict, DictIterKind::Values) {
                if compare::eq(ctx, &found, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn view_contains<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, v, a) = this(ctx, &args, "__contains__", Sig::One)?;
    let r = contains(ctx, v, &a[0])?;
    Ok(ctx.vm.bool(r))
}

fn view_reversed<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, v, _) = this(ctx, &args, "__reversed__", Sig::NoArgs)?;
    let mut items = snapshot(ctx.vm, &v.dict, v.kind);
    items.reverse();
    let kind = match v.kind {
        DictIterKind::Keys => IterKind::DictReverseKeys,
        DictIterKind::Values => IterKind::DictReverseValues,
        DictIterKind::Items => IterKind::DictReverseItems,
    };
    Ok(iter::new_iter(kind, IterState::Seq(items, 0)))
}

// ---- Set-like behaviour of keys and items views ----------------------------------------------

/// Whether every element of view `o` is in `other` (a set or a keys/items view).
fn all_in<B: Backend>(ctx: &mut Ctx<'_, B>, o: &PyRef<B>, other: &PyRef<B>) -> PyResult<B, bool> {
    for x in seq::to_vec(ctx, o)? {
        let found = match dicts::as_view(other) {
            Some(w) => contains(ctx, w, &x)?,
            None => seq::contains(ctx, other, &x)?,
        };
        if !found {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The size of `other` if it is set-like (a set, or a keys or items view).
fn set_like_len<B: Backend>(other: &PyRef<B>) -> Option<usize> {
    match &other.payload {
        Payload::Set(_) | Payload::FrozenSet(_) => Some(dicts::len_of(other)),
        _ => dicts::as_view(other).filter(|w| w.kind != DictIterKind::Values).map(len_of),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// CPython's `dictview_richcompare`: `NotImplemented` unless `other` is set-like.
fn compare_views<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, op: Cmp) -> PyResult<B> {
    let name = match op {
        Cmp::Eq => "__eq__",
        Cmp::Ne => "__ne__",
        Cmp::Lt => "__lt__",
        Cmp::Le => "__le__",
        Cmp::Gt => "__gt__",
        Cmp::Ge => "__ge__",
    };
    let (o, v, a) = this(ctx, &args, name, Sig::One)?;
    let other = &a[0];
    let Some(len_other) = set_like_len(other) else {
        return Ok(ctx.vm.core.not_implemented.clone());
    };
    let len_self = len_of(v);
    let r = match op {
        Cmp::Eq => len_self == len_other && all_in(ctx, o, other)?,
        Cmp::Ne => !(len_self == len_other && all_in(ctx, o, other)?),
        Cmp::Lt => len_self < len_other && all_in(ctx, o, other)?,
        Cmp::Le => len_self <= len_other && all_in(ctx, o, other)?,
        Cmp::Gt => len_self > len_other && all_in(ctx, other, o)?,
        Cmp::Ge => len_self >= len_other && all_in(ctx, other, o)?,
    };
    Ok(ctx.vm.bool(r))
}

fn view_eq<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    compare_views(ctx, args, Cmp::Eq)
}

fn view_ne<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    compare_views(ctx, args, Cmp::Ne)
}

fn view_lt<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    compare_views(ctx, args, Cmp::Lt)
}

fn view_le<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    compare_views(ctx, args, Cmp::Le)
}

fn view_gt<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    compare_views(ctx, args, Cmp::Gt)
}

fn view_ge<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    compare_views(ctx, args, Cmp::Ge)
}

/// `view & other` (and `other & view`): a new set.
fn view_and<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _, a) = this(ctx, &args, "__and__", Sig::One)?;
    let mine = set::set_of(ctx, o)?;
    set::intersect(ctx, &mine, &a[0])
}

/// `view | other` (and `other | view`): a new set.
fn view_or<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _, a) = this(ctx, &args, "__or__", Sig::One)?;
    let result = set::set_of(ctx, o)?;
    set::add_all(ctx, &result, &a[0])?;
    Ok(result)
}

/// `view ^ other` (and `other ^ view`): a new set.
fn view_xor<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _, a) = this(ctx, &args, "__xor__", Sig::One)?;
    let result = set::set_of(ctx, o)?;
    set::toggle_all(ctx, &result, &a[0])?;
    Ok(result)
}

/// `view - other`: a new set.
fn view_sub<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _, a) = this(ctx, &args, "__sub__", Sig::One)?;
    let result = set::set_of(ctx, o)?;
    set::discard_all(ctx, &result, &a[0])?;
    Ok(result)
}

/// `other - view`: a new set.
fn view_rsub<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _, a) = this(ctx, &args, "__rsub__", Sig::One)?;
    let result = set::set_of(ctx, &a[0])?;
    set::discard_all(ctx, &result, o)?;
    Ok(result)
}

fn view_isdisjoint<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, v, a) = this(ctx, &args, "isdisjoint", Sig::One)?;
    for x in seq::to_vec(ctx, &a[0])? {
        if contains(ctx, v, &x)? {
            return Ok(ctx.vm.core.false_.clone());
        }
    }
    Ok(ctx.vm.core.true_.clone())
}
