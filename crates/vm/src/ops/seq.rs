//! Sequences and containers: indexing and slicing, concatenation and repetition, `in`,
//! and turning any iterable into a vector (a dict view in one read of its dict).

use super::arith::BinOp;
use super::compare;
use super::{dicts, iter, type_name};
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::{Payload, PyRef};

/// The value of an object used as an index (`__index__` semantics for int and bool).
pub fn index_value<B: Backend>(ctx: &Ctx<'_, B>, obj: &PyRef<B>) -> PyResult<B, i64> {
    match &super::value_of(obj).payload {
        Payload::Int(i) => Ok(*i),
        Payload::Bool(b) => Ok(*b as i64),
        Payload::BigInt(_) => {
            Err(ctx
                .err(&ctx.vm.core.exc.index_error, "cannot fit 'int' into an index-sized integer"))
        }
        _ => Err(ctx.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(ctx.vm, obj)
        ))),
    }
}

/// All items of an iterable, in order.
pub fn to_vec<B: Backend>(ctx: &mut Ctx<'_, B>, obj: &PyRef<B>) -> PyResult<B, Vec<PyRef<B>>> {
    match &obj.payload {
        Payload::Tuple(t) => Ok(t.to_vec()),
        Payload::List(l) => Ok(obj.read(l, |v| v.clone())),
        // One read, as CPython's `list(d)` runs no bytecode while it copies: a concurrent
        // insert or delete is before or after the copy, never a "changed size" error.
        Payload::Dict(d) | Payload::Set(d) => {
            Ok(obj.read(d, |t| t.iter().map(|e| e.key.clone()).collect()))
        }
        Payload::FrozenSet(f) => Ok(f.table.iter().map(|e| e.key.clone()).collect()),
        Payload::Range(r) => {
            // Sized up front, as CPython's `__length_hint__` does: a range too long to hold
            // is a `MemoryError` at once rather than memory growing until the process dies.
            let mut out = reserve(ctx, r.len().max(0) as usize)?;
            let mut v = r.start;
            for _ in 0..r.len() {
                out.push(ctx.vm.int(v));
                v = v.wrapping_add(r.step);
            }
            Ok(out)
        }
        // A dict view likewise, in one read of its dict.
        Payload::Native(_) if let Some(v) = dicts::as_view(obj) => {
            Ok(dicts::snapshot(ctx.vm, &v.dict, v.kind))
        }
        _ => {
            let it = iter::get_iter(ctx, obj)?;
            let mut out = Vec::new();
            while let Some(v) = iter::next(ctx, &it)? {
                out.push(v);
            }
            Ok(out)
        }
    }
}

/// Normalises a possibly negative index against `len`; `None` if out of range.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let j = if i < 0 { i + len } else { i };
    (0..len).contains(&j).then_some(j as usize)
}

/// A slice's bounds resolved to integers but not yet to a length: CPython's `PySlice_Unpack`.
///
/// Resolving may call Python code (`__index__`), so it happens before any guard is taken;
/// [`SliceSpec::adjust`] (CPython's `PySlice_AdjustIndices`) is pure and runs against the
/// length read under the same guard as the access it bounds (`docs/safety.md`, rule G1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SliceSpec {
    start: Option<i64>,
    stop: Option<i64>,
    step: i64,
}

impl SliceSpec {
    /// Resolves `slice(start, stop, step)`; raises for a zero step or non-integer bounds.
    pub fn new<B: Backend>(ctx: &mut Ctx<'_, B>, s: &[PyRef<B>; 3]) -> PyResult<B, SliceSpec> {
        let step = Self::bound(ctx, &s[2])?.unwrap_or(1);
        if step == 0 {
            return Err(ctx.value_error("slice step cannot be zero"));
        }
        Ok(SliceSpec { start: Self::bound(ctx, &s[0])?, stop: Self::bound(ctx, &s[1])?, step })
    }

    /// One bound: `None`, an int (a big one saturates, as CPython clamps), or an object with
    /// `__index__`.
    fn bound<B: Backend>(ctx: &mut Ctx<'_, B>, o: &PyRef<B>) -> PyResult<B, Option<i64>> {
        let index = match &o.payload {
            Payload::None => return Ok(None),
            Payload::Instance(_) => match super::attr::call_dunder(ctx, o, "__index__", &[])? {
                Some(v) if matches!(v.payload, Payload::Int(_) | Payload::BigInt(_)) => v,
                Some(v) => {
                    return Err(ctx.type_error(format!(
                        "__index__ returned non-int (type {})",
                        type_name(ctx.vm, &v)
                    )));
                }
                None => o.clone(),
            },
            _ => o.clone(),
        };
        match &index.payload {
            Payload::BigInt(b) => Ok(Some(if b.sign() == num_bigint::Sign::Minus {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            })),
            _ => index_value(ctx, &index).map(Some).map_err(|_| {
                ctx.type_error("slice indices must be integers or None or have an __index__ method")
            }),
        }
    }

    /// The bounds against a sequence of `len` items: (start, stop, step, count). Every index
    /// `start + k * step` for `k < count` is within `0..len`.
    pub fn adjust(self, len: usize) -> (i64, i64, i64, usize) {
        let step = self.step;
        let len = len as i64;
        let clamp = |v: Option<i64>, default: i64| -> i64 {
            match v {
                None => default,
                Some(v) => {
                    let v = if v < 0 { v + len } else { v };
                    if step > 0 { v.clamp(0, len) } else { v.clamp(-1, len - 1) }
                }
            }
        };
        let (start, stop) = if step > 0 {
            (clamp(self.start, 0), clamp(self.stop, len))
        } else {
            (clamp(self.start, len - 1), clamp(self.stop, -1))
        };
        let count = if step > 0 {
            if stop > start { ((stop - start - 1) / step + 1) as usize } else { 0 }
        } else if start > stop {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        };
        (start, stop, step, count)
    }
}

/// Resolves `slice(start, stop, step)` against `len`: (start, stop, step, count). Only for
/// immutable sequences; a mutable one must [`SliceSpec::adjust`] under its guard.
pub fn slice_indices<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    s: &[PyRef<B>; 3],
    len: usize,
) -> PyResult<B, (i64, i64, i64, usize)> {
    Ok(SliceSpec::new(ctx, s)?.adjust(len))
}

/// The `count` items a slice selects from `start` by `step`, as produced by
/// [`SliceSpec::adjust`], in slice order.
fn slice_iter<T>(
    items: &mut [T],
    start: i64,
    step: i64,
    count: usize,
) -> Box<dyn Iterator<Item = &mut T> + '_> {
    let stride = step.unsigned_abs() as usize;
    if count == 0 {
        Box::new(std::iter::empty())
    } else if step > 0 {
        Box::new(items.iter_mut().skip(start as usize).step_by(stride).take(count))
    } else {
        let from_end = items.len().saturating_sub(start as usize + 1);
        Box::new(items.iter_mut().rev().skip(from_end).step_by(stride).take(count))
    }
}

fn slice_of<T: Clone>(items: &[T], start: i64, step: i64, count: usize) -> Vec<T> {
    let stride = step.unsigned_abs() as usize;
    if count == 0 {
        Vec::new()
    } else if step > 0 {
        items.iter().skip(start as usize).step_by(stride).take(count).cloned().collect()
    } else {
        let from_end = items.len().saturating_sub(start as usize + 1);
        items.iter().rev().skip(from_end).step_by(stride).take(count).cloned().collect()
    }
}

/// `obj[key]`.
pub fn getitem<B: Backend>(ctx: &mut Ctx<'_, B>, obj: &PyRef<B>, key: &PyRef<B>) -> PyResult<B> {
    let vm = ctx.vm;
    if let Payload::Slice(s) = &key.payload {
        return get_slice(ctx, obj, s);
    }
    match &obj.payload {
        Payload::List(l) => {
            let i = seq_index(ctx, key, "list")?;
            obj.read(l, |v| norm_index(i, v.len()).and_then(|j| v.get(j)).cloned())
                .ok_or_else(|| ctx.index_error("list index out of range"))
        }
        Payload::Tuple(t) => {
            let i = seq_index(ctx, key, "tuple")?;
            norm_index(i, t.len())
                .and_then(|j| t.get(j))
                .cloned()
                .ok_or_else(|| ctx.index_error("tuple index out of range"))
        }
        Payload::Str(s) => {
            let i = seq_index(ctx, key, "string")?;
            let text = s.as_str();
            let ch = if text.is_ascii() {
                norm_index(i, text.len()).map(|j| text[j..j + 1].to_string())
            } else {
                let n = text.chars().count();
                norm_index(i, n).and_then(|j| text.chars().nth(j)).map(|c| c.to_string())
            };
            ch.map(|c| vm.str(c)).ok_or_else(|| ctx.index_error("string index out of range"))
        }
        Payload::Bytes(b) => {
            let i = seq_index(ctx, key, "byte")?;
            norm_index(i, b.len())
                .and_then(|j| b.get(j))
                .map(|&x| vm.int(x as i64))
                .ok_or_else(|| ctx.index_error("index out of range"))
        }
        Payload::Range(r) => {
            let i = seq_index(ctx, key, "range object")?;
            norm_index(i, r.len() as usize)
                .map(|j| vm.int(r.start + j as i64 * r.step))
                .ok_or_else(|| ctx.index_error("range object index out of range"))
        }
        Payload::Dict(_) => match dicts::get(ctx, obj, key)? {
            Some(v) => Ok(v),
            None => Err(ctx.key_error(key.clone())),
        },
        Payload::Instance(_) | Payload::Native(_) => {
            match super::attr::call_dunder(ctx, obj, "__getitem__", std::slice::from_ref(key))? {
                Some(v) => Ok(v),
                None => Err(not_subscriptable(ctx, obj)),
            }
        }
        Payload::Type(t)
            if t.metaclass.is_some()
                && let Some(v) = super::attr::call_dunder(
                    ctx,
                    obj,
                    "__getitem__",
                    std::slice::from_ref(key),
                )? =>
        {
            // A metaclass's `__getitem__` (`Color['RED']` of an `Enum`).
            Ok(v)
        }
        Payload::Type(_) => {
            // A class defined in Python with a `__class_getitem__` (an implicit classmethod,
            // as in CPython: `collections.abc.Iterator[int]`) is asked; `list[int]` and
            // friends, generic aliases of built-in types, are accepted and ignored.
            let name = "__class_getitem__";
            if super::layout(obj) == Some(crate::object::Layout::Object)
                && let Some(f) =
                    super::attr::lookup_in_type(obj, name, crate::object::str::hash_str(name))
            {
                if let Payload::Function(_) = f.payload {
                    return super::call::call(ctx, &f, &[obj.clone(), key.clone()], &[]);
                }
                let bound = super::attr::getattr_str(ctx, obj, name)?;
                return super::call::call(ctx, &bound, std::slice::from_ref(key), &[]);
            }
            Ok(obj.clone())
        }
        _ => Err(not_subscriptable(ctx, obj)),
    }
}

fn not_subscriptable<B: Backend>(ctx: &Ctx<'_, B>, obj: &PyRef<B>) -> crate::ctx::PyErr<B> {
    ctx.type_error(format!("'{}' object is not subscriptable", type_name(ctx.vm, obj)))
}

fn seq_index<B: Backend>(ctx: &Ctx<'_, B>, key: &PyRef<B>, what: &str) -> PyResult<B, i64> {
    match &super::value_of(key).payload {
        Payload::Int(i) => Ok(*i),
        Payload::Bool(b) => Ok(*b as i64),
        Payload::BigInt(_) => Err(ctx.index_error("cannot fit 'int' into an index-sized integer")),
        _ => Err(ctx.type_error(format!(
            "{what} indices must be integers or slices, not {}",
            type_name(ctx.vm, key)
        ))),
    }
}

fn get_slice<B: Backend>(ctx: &mut Ctx<'_, B>, obj: &PyRef<B>, s: &[PyRef<B>; 3]) -> PyResult<B> {
    let vm = ctx.vm;
    match &obj.payload {
        Payload::List(l) => {
            let spec = SliceSpec::new(ctx, s)?;
            let items = obj.read(l, |v| {
                let (start, _, step, n) = spec.adjust(v.len());
                slice_of(v, start, step, n)
            });
            Ok(vm.list(items))
        }
        Payload::Tuple(t) => {
            let (start, _, step, n) = slice_indices(ctx, s, t.len())?;
            Ok(vm.tuple(slice_of(t, start, step, n)))
        }
        Payload::Str(st) => {
            let chars: Vec<char> = st.as_str().chars().collect();
            let (start, _, step, n) = slice_indices(ctx, s, chars.len())?;
            Ok(vm.str(slice_of(&chars, start, step, n).into_iter().collect::<String>()))
        }
        Payload::Bytes(b) => {
            let (start, _, step, n) = slice_indices(ctx, s, b.len())?;
            Ok(PyRef::new(Payload::Bytes(slice_of(b, start, step, n).into_boxed_slice())))
        }
        Payload::Range(r) => {
            let (start, _, step, n) = slice_indices(ctx, s, r.len() as usize)?;
            let first = r.start + start * r.step;
            let st = r.step * step;
            Ok(PyRef::new(Payload::Range(crate::object::RangeObj {
                start: first,
                stop: first + n as i64 * st,
                step: st,
            })))
        }
        Payload::Instance(_) | Payload::Native(_) => {
            let key = PyRef::new(Payload::Slice(Box::new(s.clone())));
            match super::attr::call_dunder(ctx, obj, "__getitem__", &[key])? {
                Some(v) => Ok(v),
                None => Err(not_subscriptable(ctx, obj)),
            }
        }
        _ => Err(not_subscriptable(ctx, obj)),
    }
}

/// `obj[key] = value`.
pub fn setitem<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    key: &PyRef<B>,
    value: PyRef<B>,
) -> PyResult<B, ()> {
    match &obj.payload {
        Payload::List(l) => {
            if let Payload::Slice(s) = &key.payload {
                return set_list_slice(ctx, obj, l, s, &value);
            }
            let i = seq_index(ctx, key, "list")?;
            let old = obj.write(l, |v| {
                norm_index(i, v.len())
                    .and_then(|j| v.get_mut(j))
                    .map(|slot| std::mem::replace(slot, value))
            });
            match old {
                Some(o) => {
                    drop(o);
                    Ok(())
                }
                None => Err(ctx.index_error("list assignment index out of range")),
            }
        }
        Payload::Dict(_) => dicts::set(ctx, obj, key.clone(), Some(value)),
        Payload::Instance(_) | Payload::Native(_) => {
            match super::attr::call_dunder(ctx, obj, "__setitem__", &[key.clone(), value])? {
                Some(_) => Ok(()),
                None => Err(ctx.type_error(format!(
                    "'{}' object does not support item assignment",
                    type_name(ctx.vm, obj)
                ))),
            }
        }
        _ => Err(ctx.type_error(format!(
            "'{}' object does not support item assignment",
            type_name(ctx.vm, obj)
        ))),
    }
}

/// `L[a:b] = value` and `L[a:b:c] = value`. The bounds are adjusted to the length under the
/// same guard as the splice (rule G1 of `docs/safety.md`): another thread may have shrunk or
/// grown the list since the slice was resolved.
fn set_list_slice<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    l: &<B as Backend>::Cell<Vec<PyRef<B>>>,
    s: &[PyRef<B>; 3],
    value: &PyRef<B>,
) -> PyResult<B, ()> {
    let spec = SliceSpec::new(ctx, s)?;
    let new = to_vec(ctx, value).map_err(|e| {
        if super::isinstance(ctx.vm, &e.0, &ctx.vm.core.exc.type_error) {
            ctx.type_error("can only assign an iterable")
        } else {
            e
        }
    })?;
    // The replaced items (or, on a size mismatch, the new ones) come back out so that they are
    // released after the guard is left.
    let outcome = obj.write(l, |v| {
        let (start, stop, step, n) = spec.adjust(v.len());
        if step == 1 {
            let (a, b) = (start as usize, stop.max(start) as usize);
            return Ok(v.splice(a..b, new).collect::<Vec<_>>());
        }
        if new.len() != n {
            return Err((new, n));
        }
        Ok(slice_iter(v, start, step, n)
            .zip(new)
            .map(|(slot, x)| std::mem::replace(slot, x))
            .collect())
    });
    match outcome {
        Ok(old) => {
            drop(old);
            Ok(())
        }
        Err((new, n)) => {
            let got = new.len();
            drop(new);
            Err(ctx.value_error(format!(
                "attempt to assign sequence of size {got} to extended slice of size {n}"
            )))
        }
    }
}

/// Removes the items a slice selects, adjusted against the list's length now; returns them so
/// that they are released outside the guard.
fn delete_slice<T>(v: &mut Vec<T>, spec: SliceSpec) -> Vec<T> {
    let (start, stop, step, n) = spec.adjust(v.len());
    if n == 0 {
        return Vec::new();
    }
    if step == 1 {
        return v.drain(start as usize..stop as usize).collect();
    }
    // Walk upwards whatever the step's sign: the lowest selected index and a positive stride.
    let (lo, stride) =
        if step > 0 { (start, step) } else { (start + (n as i64 - 1) * step, -step) };
    let mut out = Vec::with_capacity(n);
    let mut keep = Vec::with_capacity(v.len() - n);
    for (i, x) in std::mem::take(v).into_iter().enumerate() {
        let i = i as i64;
        if i >= lo && (i - lo) % stride == 0 && out.len() < n {
            out.push(x);
        } else {
            keep.push(x);
        }
    }
    *v = keep;
    out
}

/// `del obj[key]`.
pub fn delitem<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    key: &PyRef<B>,
) -> PyResult<B, ()> {
    match &obj.payload {
        Payload::List(l) => {
            if let Payload::Slice(s) = &key.payload {
                let spec = SliceSpec::new(ctx, s)?;
                let removed = obj.write(l, |v| delete_slice(v, spec));
                drop(removed);
                return Ok(());
            }
            let i = seq_index(ctx, key, "list")?;
            let old = obj.write(l, |v| norm_index(i, v.len()).map(|j| v.remove(j)));
            match old {
                Some(o) => {
                    drop(o);
                    Ok(())
                }
                None => Err(ctx.index_error("list assignment index out of range")),
            }
        }
        Payload::Dict(_) => match dicts::remove(ctx, obj, key)? {
            Some(_) => Ok(()),
            None => Err(ctx.key_error(key.clone())),
        },
        Payload::Instance(_) | Payload::Native(_) => {
            match super::attr::call_dunder(ctx, obj, "__delitem__", std::slice::from_ref(key))? {
                Some(_) => Ok(()),
                None => Err(ctx.type_error(format!(
                    "'{}' object does not support item deletion",
                    type_name(ctx.vm, obj)
                ))),
            }
        }
        _ => Err(ctx.type_error(format!(
            "'{}' object does not support item deletion",
            type_name(ctx.vm, obj)
        ))),
    }
}

/// `item in container`.
pub fn contains<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    container: &PyRef<B>,
    item: &PyRef<B>,
) -> PyResult<B, bool> {
    match &container.payload {
        Payload::Str(s) => match &item.payload {
            Payload::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
            _ => Err(ctx.type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                type_name(ctx.vm, item)
            ))),
        },
        Payload::Bytes(b) => match &item.payload {
            Payload::Int(i) => Ok(b.contains(&(*i as u8))),
            Payload::Bytes(sub) => {
                Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == &sub[..]))
            }
            _ => Err(ctx.type_error("a bytes-like object is required")),
        },
        Payload::Dict(_) => {
            let hash = compare::hash(ctx, item)?;
            dicts::has_key(ctx, container, item, hash)
        }
        Payload::Set(_) | Payload::FrozenSet(_) => {
            let (key, hash) = super::sets::set_key(ctx, item)?;
            dicts::has_key(ctx, container, &key, hash)
        }
        Payload::Range(r) => match compare::as_num(item) {
            Some(compare::Num::Int(i)) => Ok(if r.step > 0 {
                i >= r.start && i < r.stop && (i - r.start) % r.step == 0
            } else {
                i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
            }),
            _ => Ok(false),
        },
        Payload::Instance(_) | Payload::Native(_) | Payload::Type(_)
            if super::has_dunders(container) =>
        {
            if let Some(r) = super::attr::call_dunder(
                ctx,
                container,
                "__contains__",
                std::slice::from_ref(item),
            )? {
                return super::is_true(ctx, &r);
            }
            let items = to_vec(ctx, container)?;
            contains_in(ctx, &items, item)
        }
        Payload::List(_) | Payload::Tuple(_) | Payload::Iter(_) => {
            let items = to_vec(ctx, container)?;
            contains_in(ctx, &items, item)
        }
        _ => Err(ctx.type_error(format!(
            "argument of type '{}' is not iterable",
            type_name(ctx.vm, container)
        ))),
    }
}

fn contains_in<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    items: &[PyRef<B>],
    item: &PyRef<B>,
) -> PyResult<B, bool> {
    for x in items {
        if x.is(item) || compare::eq(ctx, x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Whether `b` can be a repetition count (an int or a bool).
fn is_repeat_count<B: Backend>(b: &PyRef<B>) -> bool {
    matches!(b.payload, Payload::Int(_) | Payload::Bool(_) | Payload::BigInt(_))
}

/// Sequence and set operators on built-in types; `None` when not applicable.
pub fn sequence_op<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    a: &PyRef<B>,
    b: &PyRef<B>,
    op: BinOp,
    inplace: bool,
) -> PyResult<B, Option<PyRef<B>>> {
    let vm = ctx.vm;
    Ok(Some(match (&a.payload, &b.payload, op) {
        (Payload::Str(x), Payload::Str(y), BinOp::Add) => {
            let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
            s.push_str(x.as_str());
            s.push_str(y.as_str());
            vm.str(s)
        }
        (Payload::Str(_), _, BinOp::Mod) => {
            return super::percent::percent(ctx, a, b).map(Some);
        }
        (Payload::Bytes(_), _, BinOp::Mod) => {
            return super::percent::bytes_percent(ctx, a, b).map(Some);
        }
        (Payload::Bytes(x), Payload::Bytes(y), BinOp::Add) => {
            PyRef::new(Payload::Bytes([&x[..], &y[..]].concat().into_boxed_slice()))
        }
        (Payload::List(l), _, BinOp::Add) if inplace => {
            let items = to_vec(ctx, b)?;
            a.write(l, |v| v.extend(items));
            a.clone()
        }
        (Payload::List(x), Payload::List(y), BinOp::Add) => {
            let mut items = a.read(x, |v| v.clone());
            items.extend(b.read(y, |v| v.clone()));
            vm.list(items)
        }
        (Payload::Tuple(x), Payload::Tuple(y), BinOp::Add) => {
            vm.tuple(x.iter().chain(y.iter()).cloned().collect())
        }
        (
            Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_),
            _,
            BinOp::Mul,
        ) if is_repeat_count(b) => repeat(ctx, a, b, inplace)?,
        (
            _,
            Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_),
            BinOp::Mul,
        ) if is_repeat_count(a) => repeat(ctx, b, a, false)?,
        (Payload::Set(_) | Payload::FrozenSet(_), Payload::Set(_) | Payload::FrozenSet(_), _) => {
            return super::sets::set_op(ctx, a, b, op, inplace);
        }
        (Payload::Dict(x), Payload::Dict(_), BinOp::Or) => {
            let target = if inplace { a.clone() } else { vm.dict(a.read(x, |d| d.clone())) };
            let Payload::Dict(y) = &b.payload else { return Ok(None) };
            let entries: Vec<_> = b.read(y, |d| d.iter().cloned().collect());
            for e in entries {
                dicts::set(ctx, &target, e.key, e.value)?;
            }
            target
        }
        _ => return Ok(None),
    }))
}

/// Reserves room for `n` items of `T`, or raises `MemoryError` (instead of aborting the
/// process, as an infallible allocation would).
pub fn reserve<B: Backend, T>(ctx: &Ctx<'_, B>, n: usize) -> PyResult<B, Vec<T>> {
    let mut v = Vec::new();
    match v.try_reserve_exact(n) {
        Ok(()) => Ok(v),
        Err(_) => Err(ctx.memory_error()),
    }
}

/// `seq * count`. As CPython: a count beyond a `Py_ssize_t` is an `OverflowError`; an empty
/// sequence or a count <= 0 gives an empty result at once (whatever the count); a result longer
/// than `sys.maxsize` items is an `OverflowError` for `str` and `bytes` and a `MemoryError` for
/// `list` and `tuple`, as is one that cannot be allocated.
fn repeat<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    seq: &PyRef<B>,
    count: &PyRef<B>,
    inplace: bool,
) -> PyResult<B> {
    let vm = ctx.vm;
    let n = match &count.payload {
        Payload::Int(i) => *i,
        Payload::Bool(v) => *v as i64,
        _ => return Err(ctx.overflow_error("cannot fit 'int' into an index-sized integer")),
    };
    let n = n.max(0) as usize;
    /// `len * n` items, or the error for a result longer than `sys.maxsize`.
    fn total<B: Backend>(
        ctx: &Ctx<'_, B>,
        len: usize,
        n: usize,
        too_long: Option<&str>,
    ) -> PyResult<B, usize> {
        match len.checked_mul(n).filter(|&t| t <= isize::MAX as usize) {
            Some(t) => Ok(t),
            None => Err(match too_long {
                Some(msg) => ctx.overflow_error(msg),
                None => ctx.memory_error(),
            }),
        }
    }
    Ok(match &seq.payload {
        Payload::Str(s) => {
            let text = s.as_str();
            let n = if text.is_empty() { 0 } else { n };
            total(ctx, s.char_len(), n, Some("repeated string is too long"))?;
            let mut out: Vec<u8> = reserve(ctx, total(ctx, text.len(), n, None)?)?;
            for _ in 0..n {
                out.extend_from_slice(text.as_bytes());
            }
            vm.str(String::from_utf8(out).unwrap_or_default())
        }
        Payload::Bytes(b) => {
            let n = if b.is_empty() { 0 } else { n };
            let mut out: Vec<u8> =
                reserve(ctx, total(ctx, b.len(), n, Some("repeated bytes are too long"))?)?;
            for _ in 0..n {
                out.extend_from_slice(b);
            }
            PyRef::new(Payload::Bytes(out.into_boxed_slice()))
        }
        Payload::Tuple(t) => {
            let n = if t.is_empty() { 0 } else { n };
            let mut out = reserve(ctx, total(ctx, t.len(), n, None)?)?;
            for _ in 0..n {
                out.extend(t.iter().cloned());
            }
            vm.tuple(out)
        }
        Payload::List(l) if inplace => {
            // `L *= n` reads and replaces the items in one critical section (rule G1): an item
            // another thread appends meanwhile is repeated too, never lost.
            let grown = seq.write(l, |v| {
                let n = if v.is_empty() { 0 } else { n };
                let len = v.len();
                let total = len.checked_mul(n).filter(|&t| t <= isize::MAX as usize)?;
                if n == 0 {
                    return Some(std::mem::take(v));
                }
                v.try_reserve_exact(total - len).ok()?;
                for _ in 1..n {
                    v.extend_from_within(..len);
                }
                Some(Vec::new())
            });
            match grown {
                Some(removed) => drop(removed),
                None => return Err(ctx.memory_error()),
            }
            seq.clone()
        }
        Payload::List(l) => {
            let items = seq.read(l, |v| v.clone());
            let n = if items.is_empty() { 0 } else { n };
            let mut out = reserve(ctx, total(ctx, items.len(), n, None)?)?;
            for _ in 0..n {
                out.extend(items.iter().cloned());
            }
            vm.list(out)
        }
        _ => return Err(ctx.type_error("can't multiply sequence")),
    })
}
