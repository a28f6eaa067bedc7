//! The sequence protocol of `array.array` (`len`, indexing and slicing with assignment and
//! deletion, `in`, iteration through `array.arrayiterator`), its operators (`+`, `*`, `+=`,
//! `*=`), its comparisons, `repr` and its unhashability.

use super::methods::{extend_from, item_at, len_of};
use super::{ArrayObj, as_array, new_array, positional, this};
use crate::num::{IntVal, index_of};
use gillab_vm::Backend;
use gillab_vm::builtins::{Args, NativeFn, add};
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::{Layout, NativeObj, Payload, PyRef};
use gillab_vm::ops::compare::{self, CmpOp};
use gillab_vm::ops::seq::{SliceSpec, norm_index};
use gillab_vm::ops::{self, dicts, repr, type_name};
use gillab_vm::types::new_class;
use gillab_vm::vm::Vm;

/// The class attribute holding `array.arrayiterator` (CPython keeps it in module state).
const ITER_CLASS: &str = "__iterator_class__";

pub(super) fn install<B: Backend>(vm: &Vm<B>, cls: &PyRef<B>) {
    let methods: [(&'static str, NativeFn<B>); 20] = [
        ("__len__", len),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__add__", concat),
        ("__iadd__", iadd),
        ("__mul__", mul),
        ("__rmul__", mul),
        ("__imul__", imul),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__repr__", array_repr),
        ("__hash__", unhashable),
        ("__reduce_ex__", no_pickle),
    ];
    for (name, f) in methods {
        add(vm, cls, name, f);
    }
    let it = new_class::<B>("arrayiterator", "array", vm.core.object_type.clone(), Layout::Builtin);
    add(vm, &it, "__iter__", it_iter);
    add(vm, &it, "__next__", it_next);
    dicts::set_name(cls, vm.intern(ITER_CLASS), it);
}

fn len<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "__len__")?;
    Ok(ctx.vm.int(len_of(o, a) as i64))
}

/// An index key: its value, or `None` if it is not an integer.
fn index_key<B: Backend>(ctx: &mut Ctx<'_, B>, key: &PyRef<B>) -> PyResult<B, Option<i64>> {
    match &key.payload {
        Payload::Int(i) => Ok(Some(*i)),
        _ => match index_of(ctx, key)? {
            Some(IntVal::Fits(i)) if i64::try_from(i).is_ok() => Ok(Some(i as i64)),
            Some(_) => Err(ctx.index_error("cannot fit 'int' into an index-sized integer")),
            None => Ok(None),
        },
    }
}

fn getitem<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "__getitem__")?;
    let key = &positional(ctx, &args, "__getitem__", 1, 1)?[0];
    if let Payload::Slice(s) = &key.payload {
        let spec = SliceSpec::new(ctx, s)?;
        let size = a.code.size();
        let data = o.read(&a.cell, |d| {
            let (start, _, step, n) = spec.adjust(d.len() / size);
            let mut out = Vec::with_capacity(n * size);
            for k in 0..n {
                let i = (start + k as i64 * step) as usize;
                out.extend_from_slice(&d[i * size..(i + 1) * size]);
            }
            out
        });
        return Ok(new_array(&a.base, &a.base, a.code, data));
    }
    let Some(i) = index_key(ctx, key)? else {
        return Err(ctx.type_error("array indices must be integers"));
    };
    let size = a.code.size();
    let v = o.read(&a.cell, |d| {
        norm_index(i, d.len() / size).map(|j| a.code.load(&d[j * size..(j + 1) * size]))
    });
    match v {
        Some(v) => Ok(a.code.object(ctx, v)),
        None => Err(ctx.index_error("array index out of range")),
    }
}

/// The positions a slice selects from an array of `n` items, in slice order.
fn positions(spec: SliceSpec, n: usize) -> (Vec<usize>, i64) {
    let (start, _, step, count) = spec.adjust(n);
    ((0..count).map(|k| (start + k as i64 * step) as usize).collect(), step)
}

/// `a[slice] = other` (`None` for `del a[slice]`).
fn assign_slice<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    o: &PyRef<B>,
    a: &ArrayObj<B>,
    s: &[PyRef<B>; 3],
    value: Option<&PyRef<B>>,
) -> PyResult<B, ()> {
    let spec = SliceSpec::new(ctx, s)?;
    let new: Vec<u8> = match value {
        None => Vec::new(),
        Some(v) => match as_array::<B>(v) {
            Some(other) if other.code == a.code => v.read(&other.cell, |d| d.clone()),
            Some(_) => return Err(ctx.type_error("bad argument type for built-in operation")),
            None => {
                return Err(ctx.type_error(format!(
                    "can only assign array (not \"{}\") to array slice",
                    type_name(ctx.vm, v)
                )));
            }
        },
    };
    let size = a.code.size();
    let r = o.write(&a.cell, |d| {
        let (pos, step) = positions(spec, d.len() / size);
        if step == 1 {
            let (start, _, _, _) = spec.adjust(d.len() / size);
            let start = start as usize * size;
            d.splice(start..start + pos.len() * size, new);
            return Ok(());
        }
        let needed = new.len() / size;
        if needed == 0 {
            let mut sorted = pos;
            sorted.sort_unstable();
            let mut keep = Vec::with_capacity(d.len());
            let mut next = sorted.iter().peekable();
            for (i, item) in d.chunks_exact(size).enumerate() {
                if next.peek() == Some(&&i) {
                    next.next();
                } else {
                    keep.extend_from_slice(item);
                }
            }
            *d = keep;
            return Ok(());
        }
        if needed != pos.len() {
            return Err((needed, pos.len()));
        }
        for (i, item) in pos.iter().zip(new.chunks_exact(size)) {
            d[i * size..(i + 1) * size].copy_from_slice(item);
        }
        Ok(())
    });
    r.map_err(|(n, k)| {
        ctx.value_error(format!(
            "attempt to assign array of size {n} to extended slice of size {k}"
        ))
    })
}

fn setitem<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "__setitem__")?;
    let p = positional(ctx, &args, "__setitem__", 2, 2)?;
    let key = &p[0];
    if let Payload::Slice(s) = &key.payload {
        assign_slice(ctx, o, a, s, Some(&p[1]))?;
        return Ok(ctx.vm.core.none.clone());
    }
    let Some(i) = index_key(ctx, key)? else {
        return Err(ctx.type_error("array indices must be integers"));
    };
    let size = a.code.size();
    if norm_index(i, len_of(o, a)).is_none() {
        return Err(ctx.index_error("array assignment index out of range"));
    }
    let v = a.code.convert(ctx, &p[1])?;
    let ok = o.write(&a.cell, |d| match norm_index(i, d.len() / size) {
        Some(j) => {
            a.code.store(v, &mut d[j * size..(j + 1) * size]);
            true
        }
        None => false,
    });
    if !ok {
        return Err(ctx.index_error("array assignment index out of range"));
    }
    Ok(ctx.vm.core.none.clone())
}

fn delitem<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "__delitem__")?;
    let key = &positional(ctx, &args, "__delitem__", 1, 1)?[0];
    if let Payload::Slice(s) = &key.payload {
        assign_slice(ctx, o, a, s, None)?;
        return Ok(ctx.vm.core.none.clone());
    }
    let Some(i) = index_key(ctx, key)? else {
        return Err(ctx.type_error("array indices must be integers"));
    };
    let size = a.code.size();
    let ok = o.write(&a.cell, |d| match norm_index(i, d.len() / size) {
        Some(j) => {
            d.drain(j * size..(j + 1) * size);
            true
        }
        None => false,
    });
    if !ok {
        return Err(ctx.index_error("array assignment index out of range"));
    }
    Ok(ctx.vm.core.none.clone())
}

fn contains<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "__contains__")?;
    let x = &positional(ctx, &args, "__contains__", 1, 1)?[0];
    let mut i = 0;
    while let Some(item) = item_at(ctx, o, a, i) {
        if compare::eq(ctx, &item, x)? {
            return Ok(ctx.vm.bool(true));
        }
        i += 1;
    }
    Ok(ctx.vm.bool(false))
}

/// The other operand of `+`/`+=` as an array of the same kind.
fn same_kind<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    a: &ArrayObj<B>,
    other: &'a PyRef<B>,
    not_array: &str,
) -> PyResult<B, &'a ArrayObj<B>> {
    match as_array::<B>(other) {
        Some(b) if b.code == a.code => Ok(b),
        Some(_) => Err(ctx.type_error("bad argument type for built-in operation")),
        None => Err(ctx.type_error(not_array.replace("{}", &type_name(ctx.vm, other)))),
    }
}

fn concat<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "__add__")?;
    let other = &positional(ctx, &args, "__add__", 1, 1)?[0];
    let b = same_kind(ctx, a, other, "can only append array (not \"{}\") to array")?;
    let mut data = o.read(&a.cell, |d| d.clone());
    other.read(&b.cell, |d| data.extend_from_slice(d));
    Ok(new_array(&a.base, &a.base, a.code, data))
}

fn iadd<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "__iadd__")?;
    let other = &positional(ctx, &args, "__iadd__", 1, 1)?[0];
    if as_array::<B>(other).is_none() {
        return Err(ctx.type_error(format!(
            "can only extend array with array (not \"{}\")",
            type_name(ctx.vm, other)
        )));
    }
    extend_from(ctx, o, a, other)?;
    Ok(o.clone())
}

/// The repeat count of `*`, with the sequence `TypeError` for a non-integer.
fn repeat_count<B: Backend>(ctx: &mut Ctx<'_, B>, n: &PyRef<B>) -> PyResult<B, usize> {
    match index_of(ctx, n)? {
        Some(IntVal::Fits(i)) if i <= 0 => Ok(0),
        Some(IntVal::Fits(i)) if i <= isize::MAX as i128 => Ok(i as usize),
        Some(IntVal::Huge(true)) => Ok(0),
        Some(_) => Err(ctx.overflow_error("cannot fit 'int' into an index-sized integer")),
        None => Err(ctx.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            type_name(ctx.vm, n)
        ))),
    }
}

fn mul<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "__mul__")?;
    let n = &positional(ctx, &args, "__mul__", 1, 1)?[0];
    let k = repeat_count(ctx, n)?;
    let data = o.read(&a.cell, |d| d.clone());
    if data.len().checked_mul(k).is_none_or(|t| t > isize::MAX as usize) {
        return Err(ctx.memory_error());
    }
    Ok(new_array(&a.base, &a.base, a.code, data.repeat(k)))
}

fn imul<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "__imul__")?;
    let n = &positional(ctx, &args, "__imul__", 1, 1)?[0];
    let k = repeat_count(ctx, n)?;
    let len = o.read(&a.cell, |d| d.len());
    if len.checked_mul(k).is_none_or(|t| t > isize::MAX as usize) {
        return Err(ctx.memory_error());
    }
    o.write(&a.cell, |d| *d = d.repeat(k));
    Ok(o.clone())
}

/// `a op b` as CPython's `array_richcompare`: `NotImplemented` unless both are arrays;
/// lengths first for `==`/`!=`, then the first differing items.
fn richcompare<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, op: CmpOp) -> PyResult<B> {
    let name = match op {
        CmpOp::Eq => "__eq__",
        CmpOp::Ne => "__ne__",
        CmpOp::Lt => "__lt__",
        CmpOp::Le => "__le__",
        CmpOp::Gt => "__gt__",
        _ => "__ge__",
    };
    let (o, a) = this(ctx, &args, name)?;
    let other = &positional(ctx, &args, name, 1, 1)?[0];
    let Some(b) = as_array::<B>(other) else { return Ok(ctx.vm.core.not_implemented.clone()) };
    let (la, lb) = (len_of(o, a), len_of(other, b));
    if la != lb && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(ctx.vm.bool(op == CmpOp::Ne));
    }
    let mut i = 0;
    loop {
        let (Some(x), Some(y)) = (item_at(ctx, o, a, i), item_at(ctx, other, b, i)) else {
            break;
        };
        if !compare::eq(ctx, &x, &y)? {
            return match op {
                CmpOp::Eq => Ok(ctx.vm.bool(false)),
                CmpOp::Ne => Ok(ctx.vm.bool(true)),
                _ => compare::rich_compare(ctx, &x, &y, op),
            };
        }
        i += 1;
    }
    let (la, lb) = (len_of(o, a), len_of(other, b));
    let r = match op {
        CmpOp::Eq => la == lb,
        CmpOp::Ne => la != lb,
        CmpOp::Lt => la < lb,
        CmpOp::Le => la <= lb,
        CmpOp::Gt => la > lb,
        _ => la >= lb,
    };
    Ok(ctx.vm.bool(r))
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

/// `array('d', [1.0, 2.0])`, `array('u', 'abc')`, `array('b')`.
fn array_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "__repr__")?;
    let name = type_name(ctx.vm, o);
    let c = a.code.ch();
    let data = o.read(&a.cell, |d| d.clone());
    if data.is_empty() {
        return Ok(ctx.vm.str(format!("{name}('{c}')")));
    }
    let body = if c == 'u' {
        gillab_vm::fmt::str_repr(&super::unicode_of(a.code, &data))
    } else {
        let list = ctx.vm.list(super::decode_all(ctx, a.code, &data));
        repr::repr(ctx, &list)?
    };
    Ok(ctx.vm.str(format!("{name}('{c}', {body})")))
}

fn unhashable<B: Backend>(ctx: &mut Ctx<'_, B>, _args: Args<'_, B>) -> PyResult<B> {
    Err(ctx.type_error("unhashable type: 'array.array'"))
}

fn no_pickle<B: Backend>(ctx: &mut Ctx<'_, B>, _args: Args<'_, B>) -> PyResult<B> {
    Err(ctx.type_error("gil-lab: array.array objects cannot be pickled"))
}

// ---- the iterator -------------------------------------------------------------------------

/// `array.arrayiterator`: the array (until exhausted) and the next position.
struct ArrayIter<B: Backend>(B::Cell<(Option<PyRef<B>>, usize)>);

fn iter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, a) = this(ctx, &args, "__iter__")?;
    positional(ctx, &args, "__iter__", 0, 0)?;
    let hash = gillab_vm::object::str::hash_str(ITER_CLASS);
    let Some(cls) = ops::attr::lookup_in_type(&a.base, ITER_CLASS, hash) else {
        return Err(ctx.type_error("array.arrayiterator is missing"));
    };
    Ok(PyRef::new(Payload::Native(Box::new(NativeObj {
        class: cls,
        data: Box::new(ArrayIter::<B>(B::cell_new((Some(o.clone()), 0)))),
    }))))
}

fn iter_state<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
) -> PyResult<B, (&'a PyRef<B>, &'a ArrayIter<B>)> {
    let o = args.args.first();
    match o.and_then(|o| match &o.payload {
        Payload::Native(n) => n.data.downcast_ref::<ArrayIter<B>>().map(|d| (o, d)),
        _ => None,
    }) {
        Some(pair) => Ok(pair),
        None => Err(ctx.type_error("descriptor requires an 'array.arrayiterator' object")),
    }
}

fn it_iter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = iter_state(ctx, &args)?;
    Ok(o.clone())
}

fn it_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, st) = iter_state(ctx, &args)?;
    loop {
        let Some((arr, i)) = o.read(&st.0, |s| s.0.clone().map(|a| (a, s.1))) else {
            return Err(ctx.stop_iteration());
        };
        let Some(a) = as_array::<B>(&arr) else { return Err(ctx.stop_iteration()) };
        let item = item_at(ctx, &arr, a, i);
        // Advance only if no other thread moved the iterator meanwhile.
        let claimed = o.write(&st.0, |s| {
            if s.1 != i || s.0.is_none() {
                return false;
            }
            if item.is_some() {
                s.1 += 1;
            } else {
                s.0 = None;
            }
            true
        });
        if claimed {
            return match item {
                Some(v) => Ok(v),
                None => Err(ctx.stop_iteration()),
            };
        }
    }
}
