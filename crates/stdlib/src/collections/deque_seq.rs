//! `deque` as a sequence: indexing (`d[i]`, `d[i] = v`, `del d[i]`), searching (`in`,
//! `count`, `index`, `remove`, `insert`), comparison with other deques, `+` and `*`, and
//! the iterators `_collections._deque_iterator` / `_deque_reverse_iterator`.
//!
//! Searching and comparing run `__eq__` (Python code) on a snapshot of the items, outside
//! the cell, and check the deque's `state` after each comparison as CPython does ("deque
//! mutated during iteration"). An iterator reads its position, then the deque, then
//! advances only if no other thread advanced it meanwhile, so threads sharing one get each
//! item once.

use super::deque::{Cell, Deque, new_like, none, one, ssize_index, this};
use crate::native::{cell_of, new_obj};
use gillab_vm::Backend;
use gillab_vm::builtins::{Args, NativeFn, add};
use gillab_vm::ctx::{Ctx, PyErr, PyResult};
use gillab_vm::object::{Layout, Payload, PyRef};
use gillab_vm::ops::compare::{self, CmpOp};
use gillab_vm::ops::{self, dicts, repr};
use gillab_vm::types::new_class;
use std::collections::VecDeque;

pub(super) fn install<B: Backend>(ctx: &Ctx<'_, B>, cls: &PyRef<B>, ns: &PyRef<B>) {
    let vm = ctx.vm;
    let methods: [(&'static str, NativeFn<B>); 20] = [
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("count", count),
        ("index", index),
        ("insert", insert),
        ("remove", remove),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__add__", concat),
        ("__mul__", mul),
        ("__rmul__", mul),
        ("__iter__", iter_new),
        ("__reversed__", reversed_new),
        ("__bool__", truth),
    ];
    for (name, f) in methods {
        add(vm, cls, name, f);
    }
    for name in ["_deque_iterator", "_deque_reverse_iterator"] {
        let it = new_class::<B>(name, "_collections", vm.core.object_type.clone(), Layout::Builtin);
        add(vm, &it, "__iter__", iter_self);
        add(vm, &it, "__next__", iter_next);
        add(vm, &it, "__length_hint__", iter_length_hint);
        add(vm, &it, "__repr__", iter_repr);
        dicts::set_name(ns, vm.intern(name), it);
    }
}

fn mutated<B: Backend>(ctx: &Ctx<'_, B>) -> PyErr<B> {
    ctx.runtime_error("deque mutated during iteration")
}

/// The items and the state of a deque, copied out of its cell.
fn snapshot<B: Backend>(o: &PyRef<B>, cell: &Cell<B>) -> (Vec<PyRef<B>>, u64) {
    o.read(cell, |d| (d.items.iter().cloned().collect(), d.state))
}

fn state_of<B: Backend>(o: &PyRef<B>, cell: &Cell<B>) -> u64 {
    o.read(cell, |d| d.state)
}

/// `x is v or x == v` (`PyObject_RichCompareBool`).
fn same<B: Backend>(ctx: &mut Ctx<'_, B>, x: &PyRef<B>, v: &PyRef<B>) -> PyResult<B, bool> {
    Ok(x.is(v) || compare::eq(ctx, x, v)?)
}

/// A deque index (`d[i]`): an int, with CPython's sequence messages.
fn item_index<B: Backend>(ctx: &Ctx<'_, B>, key: &PyRef<B>) -> PyResult<B, i64> {
    match &key.payload {
        Payload::Int(i) => Ok(*i),
        Payload::Bool(b) => Ok(*b as i64),
        Payload::BigInt(_) => Err(ctx.index_error("cannot fit 'int' into an index-sized integer")),
        _ => Err(ctx.type_error(format!(
            "sequence index must be integer, not '{}'",
            ops::type_name(ctx.vm, key)
        ))),
    }
}

/// `i` as a position in a deque of `len` items (negative from the end).
fn position(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

fn getitem<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "__getitem__")?;
    let key = one(ctx, &args, "__getitem__")?;
    let i = item_index(ctx, key)?;
    o.read(cell, |d| position(i, d.items.len()).and_then(|p| d.items.get(p).cloned()))
        .ok_or_else(|| ctx.index_error("deque index out of range"))
}

fn setitem<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "__setitem__")?;
    let [_, key, value] = args.positional() else {
        return Err(ctx.type_error("expected 2 arguments"));
    };
    let i = item_index(ctx, key)?;
    let old = o.write(cell, |d| {
        let p = position(i, d.items.len())?;
        d.items.get_mut(p).map(|slot| std::mem::replace(slot, value.clone()))
    });
    match old {
        Some(old) => {
            drop(old);
            Ok(ctx.vm.core.none.clone())
        }
        None => Err(ctx.index_error("deque index out of range")),
    }
}

fn delitem<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "__delitem__")?;
    let key = one(ctx, &args, "__delitem__")?;
    let i = item_index(ctx, key)?;
    let old = o.write(cell, |d| {
        let p = position(i, d.items.len())?;
        d.state = d.state.wrapping_add(1);
        d.items.remove(p)
    });
    match old {
        Some(old) => {
            drop(old);
            Ok(ctx.vm.core.none.clone())
        }
        None => Err(ctx.index_error("deque index out of range")),
    }
}

/// The position of the first item equal to `v` among `items[start..stop]`, checking after
/// each comparison that the deque did not change (`err` makes the error).
fn find<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    o: &PyRef<B>,
    cell: &Cell<B>,
    v: &PyRef<B>,
    range: Option<(usize, usize)>,
    err: fn(&Ctx<'_, B>) -> PyErr<B>,
) -> PyResult<B, Option<usize>> {
    let (items, state) = snapshot(o, cell);
    let (start, stop) = range.unwrap_or((0, items.len()));
    for (i, x) in items.iter().enumerate().take(stop).skip(start) {
        let hit = same(ctx, x, v)?;
        if state_of(o, cell) != state {
            return Err(err(ctx));
        }
        if hit {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn contains<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "__contains__")?;
    let v = one(ctx, &args, "__contains__")?;
    let found = find(ctx, o, cell, v, None, mutated)?;
    Ok(ctx.vm.bool(found.is_some()))
}

fn count<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "count")?;
    let v = one(ctx, &args, "count")?;
    let (items, state) = snapshot(o, cell);
    let mut n = 0i64;
    for x in &items {
        if same(ctx, x, v)? {
            n += 1;
        }
        if state_of(o, cell) != state {
            return Err(mutated(ctx));
        }
    }
    Ok(ctx.vm.int(n))
}

fn not_in<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>) -> PyErr<B> {
    match repr::repr(ctx, v) {
        Ok(r) => ctx.value_error(format!("{r} is not in deque")),
        Err(e) => e,
    }
}

/// A bound of `index(x, start, stop)` (`_PyEval_SliceIndexNotNone`: big ints clamp).
fn slice_bound<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, i64> {
    let i = match &v.payload {
        Payload::Int(_) | Payload::BigInt(_) | Payload::Bool(_) => v.clone(),
        Payload::Instance(_) | Payload::Native(_)
            if ops::attr::lookup_special(ctx, v, "__index__").is_some() =>
        {
            crate::operator::index_of(ctx, v)?
        }
        _ => {
            return Err(
                ctx.type_error("slice indices must be integers or have an __index__ method")
            );
        }
    };
    Ok(match &i.payload {
        Payload::Int(n) => *n,
        Payload::Bool(b) => *b as i64,
        // A big int clamps to the nearest end.
        _ => match compare::as_num(&i) {
            Some(n) if compare::num_cmp(&n, &compare::Num::Int(0)).is_some_and(|o| o.is_lt()) => {
                i64::MIN
            }
            _ => i64::MAX,
        },
    })
}

fn index<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "index")?;
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("index() takes no keyword arguments"));
    }
    let pos = args.positional().get(1..).unwrap_or(&[]);
    let v = match pos.len() {
        0 => return Err(ctx.type_error("index() takes at least 1 argument (0 given)")),
        1..=3 => &pos[0],
        n => return Err(ctx.type_error(format!("index() takes at most 3 arguments ({n} given)"))),
    };
    let n = o.read(cell, |d| d.items.len()) as i64;
    let clamp = |i: i64| if i < 0 { (i.saturating_add(n)).max(0) } else { i.min(n) };
    let start = match pos.get(1) {
        Some(s) => clamp(slice_bound(ctx, s)?),
        None => 0,
    };
    let stop = match pos.get(2) {
        Some(s) => clamp(slice_bound(ctx, s)?),
        None => n,
    };
    let start = start.min(stop);
    match find(ctx, o, cell, v, Some((start as usize, stop as usize)), mutated)? {
        Some(i) => Ok(ctx.vm.int(i as i64)),
        None => Err(not_in(ctx, v)),
    }
}

fn insert<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "insert")?;
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("insert() takes no keyword arguments"));
    }
    let [_, i, v] = args.positional() else {
        let n = args.positional().len().saturating_sub(1);
        return Err(ctx.type_error(format!("insert() takes exactly 2 arguments ({n} given)")));
    };
    let i = ssize_index(ctx, i)?;
    let v = v.clone();
    let full = o.write(cell, |d| {
        let n = d.items.len();
        if d.maxlen == Some(n) {
            return true;
        }
        let p = if i < 0 { (i + n as i64).max(0) as usize } else { (i as usize).min(n) };
        d.state = d.state.wrapping_add(1);
        d.items.insert(p, v);
        false
    });
    if full {
        return Err(ctx.index_error("deque already at its maximum size"));
    }
    Ok(ctx.vm.core.none.clone())
}

fn remove<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "remove")?;
    let v = one(ctx, &args, "remove")?;
    let found =
        find(ctx, o, cell, v, None, |ctx| ctx.index_error("deque mutated during iteration"))?;
    let Some(i) = found else { return Err(not_in(ctx, v)) };
    let old = o.write(cell, |d| {
        d.state = d.state.wrapping_add(1);
        d.items.remove(i)
    });
    drop(old);
    Ok(ctx.vm.core.none.clone())
}

/// CPython's `deque_richcompare`: deques only, the first unequal pair decides, else the
/// lengths.
fn richcompare<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, op: CmpOp) -> PyResult<B> {
    let name = match op {
        CmpOp::Lt => "__lt__",
        CmpOp::Le => "__le__",
        CmpOp::Eq => "__eq__",
        CmpOp::Ne => "__ne__",
        CmpOp::Gt => "__gt__",
        CmpOp::Ge => "__ge__",
    };
    let (o, cell) = this(ctx, &args, name)?;
    let w = one(ctx, &args, name)?;
    let Some(wcell) = cell_of::<B, Deque<B>>(w) else {
        return Ok(ctx.vm.core.not_implemented.clone());
    };
    let (a, _) = snapshot(o, cell);
    let (b, _) = snapshot(w, wcell);
    match op {
        CmpOp::Eq | CmpOp::Ne if o.is(w) || a.len() != b.len() => {
            let equal = o.is(w);
            return Ok(ctx.vm.bool(equal == (op == CmpOp::Eq)));
        }
        _ => {}
    }
    for (x, y) in a.iter().zip(&b) {
        if !same(ctx, x, y)? {
            return compare::rich_compare(ctx, x, y, op);
        }
    }
    let (la, lb) = (a.len(), b.len());
    Ok(ctx.vm.bool(match op {
        CmpOp::Lt => la < lb,
        CmpOp::Le => la <= lb,
        CmpOp::Eq => la == lb,
        CmpOp::Ne => la != lb,
        CmpOp::Gt => la > lb,
        CmpOp::Ge => la >= lb,
    }))
}

fn eq<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    richcompare(ctx, args, CmpOp::Eq)
}

fn ne<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    richcompare(ctx, args, CmpOp::Ne)
}

fn lt<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    richcompare(ctx, args, CmpOp::Lt)
}

fn le<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    richcompare(ctx, args, CmpOp::Le)
}

fn gt<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    richcompare(ctx, args, CmpOp::Gt)
}

fn ge<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    richcompare(ctx, args, CmpOp::Ge)
}

fn truth<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "__bool__")?;
    let t = o.read(cell, |d| !d.items.is_empty());
    Ok(ctx.vm.bool(t))
}

/// `d + other`: a copy of `d` (its class and bound) extended with the deque `other`.
fn concat<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "__add__")?;
    let w = one(ctx, &args, "__add__")?;
    let Some(wcell) = cell_of::<B, Deque<B>>(w) else {
        if matches!(w.payload, Payload::Instance(_)) {
            return Ok(ctx.vm.core.not_implemented.clone());
        }
        return Err(ctx.type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            ops::type_name(ctx.vm, w)
        )));
    };
    let (items, maxlen) = o.read(cell, |d| (d.items.clone(), d.maxlen));
    let more: Vec<PyRef<B>> = w.read(wcell, |d| d.items.iter().cloned().collect());
    let mut all = items;
    all.extend(more);
    Ok(new_like(ctx, o, all, maxlen))
}

/// The repetition count of `d * n`: `None` for an operand that is not an integer (the
/// other operand's `__rmul__` may handle it).
pub(super) fn repeat_count<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    n: &PyRef<B>,
) -> PyResult<B, Option<i64>> {
    match &n.payload {
        Payload::Int(i) => Ok(Some(*i)),
        Payload::Bool(b) => Ok(Some(*b as i64)),
        Payload::BigInt(_) => {
            Err(ctx.overflow_error("cannot fit 'int' into an index-sized integer"))
        }
        Payload::Instance(_) | Payload::Native(_)
            if ops::attr::lookup_special(ctx, n, "__index__").is_some() =>
        {
            ssize_index(ctx, n).map(Some)
        }
        Payload::Instance(_) => Ok(None),
        _ => Err(ctx.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            ops::type_name(ctx.vm, n)
        ))),
    }
}

/// `d * n` and `n * d`: a copy of `d` repeated, keeping the last `maxlen` items.
fn mul<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "__mul__")?;
    let nv = one(ctx, &args, "__mul__")?;
    let Some(n) = repeat_count(ctx, nv)? else {
        return Ok(ctx.vm.core.not_implemented.clone());
    };
    let (items, maxlen) = o.read(cell, |d| (d.items.clone(), d.maxlen));
    let total = items.len().saturating_mul(n.max(0) as usize);
    let keep = maxlen.map_or(total, |m| m.min(total));
    let mut out = VecDeque::with_capacity(keep);
    for k in (total - keep)..total {
        if let Some(v) = items.get(k % items.len().max(1)) {
            out.push_back(v.clone());
        }
    }
    Ok(new_like(ctx, o, out, maxlen))
}

// ---- iterators ---------------------------------------------------------------------------

struct DequeIter<B: Backend> {
    deque: PyRef<B>,
    /// Items handed out so far.
    done: usize,
    /// Items left (CPython's `counter`).
    left: usize,
    /// The deque's `state` when the iterator was made.
    state: u64,
    reverse: bool,
}

fn make_iter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, reverse: bool) -> PyResult<B> {
    let name = if reverse { "__reversed__" } else { "__iter__" };
    let (o, cell) = this(ctx, &args, name)?;
    none(ctx, &args, name)?;
    let (len, state) = o.read(cell, |d| (d.items.len(), d.state));
    let class_name = if reverse { "_deque_reverse_iterator" } else { "_deque_iterator" };
    let Some(cls) = iter_class(ctx, class_name) else {
        return Err(ctx.runtime_error("_collections is not initialized"));
    };
    let it = DequeIter { deque: o.clone(), done: 0, left: len, state, reverse };
    Ok(new_obj(&cls, it))
}

/// The iterator class `name` of the `_collections` module (imported before any deque can
/// exist).
fn iter_class<B: Backend>(ctx: &Ctx<'_, B>, name: &str) -> Option<PyRef<B>> {
    let module = dicts::get_text(&ctx.vm.core.modules, "_collections")?;
    match &module.payload {
        Payload::Module(m) => dicts::get_text(&m.dict, name),
        _ => None,
    }
}

fn iter_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    make_iter(ctx, args, false)
}

fn reversed_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    make_iter(ctx, args, true)
}

/// An iterator object and its state cell.
type IterRef<'a, B> = (&'a PyRef<B>, &'a <B as Backend>::Cell<DequeIter<B>>);

fn iter_this<'a, B: Backend>(ctx: &Ctx<'_, B>, args: &Args<'a, B>) -> PyResult<B, IterRef<'a, B>> {
    match args.positional().first() {
        Some(o) => match cell_of::<B, DequeIter<B>>(o) {
            Some(c) => Ok((o, c)),
            None => {
                Err(ctx.type_error("descriptor requires a '_collections._deque_iterator' object"))
            }
        },
        None => Err(ctx.type_error("descriptor needs an argument")),
    }
}

fn iter_self<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = iter_this(ctx, &args)?;
    Ok(o.clone())
}

fn iter_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = iter_this(ctx, &args)?;
    loop {
        let (deque, done, left, state, reverse) =
            o.read(cell, |it| (it.deque.clone(), it.done, it.left, it.state, it.reverse));
        let Some(dcell) = cell_of::<B, Deque<B>>(&deque) else {
            return Err(ctx.stop_iteration());
        };
        let (now, item) = deque.read(dcell, |d| {
            let len = d.items.len();
            let pos = if reverse { len.checked_sub(done + 1) } else { Some(done) };
            (d.state, pos.and_then(|p| d.items.get(p).cloned()))
        });
        if now != state {
            o.write(cell, |it| it.left = 0);
            return Err(mutated(ctx));
        }
        if left == 0 {
            return Err(ctx.stop_iteration());
        }
        // Advance only if no other thread did meanwhile; otherwise look again.
        let advanced = o.write(cell, |it| {
            if it.done == done {
                it.done += 1;
                it.left -= 1;
                true
            } else {
                false
            }
        });
        if advanced {
            return item.ok_or_else(|| ctx.stop_iteration());
        }
    }
}

fn iter_length_hint<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = iter_this(ctx, &args)?;
    let left = o.read(cell, |it| it.left);
    Ok(ctx.vm.int(left as i64))
}

/// `<_collections._deque_iterator object at 0x...>`.
fn iter_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = iter_this(ctx, &args)?;
    let name = ops::type_name(ctx.vm, o);
    Ok(ctx.vm.str(format!("<_collections.{name} object at {:#x}>", o.addr())))
}
