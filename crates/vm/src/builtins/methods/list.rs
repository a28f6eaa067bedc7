//! Methods of `list`, and the argument helpers the other built-in method files share
//! (receiver checks, argument counts and index conversion with CPython's messages).
//!
//! Cell discipline (docs/safety.md, I3): a closure given to `read`/`write` only copies
//! references in or out. Comparisons (which may run a user `__eq__`/`__lt__`) happen outside,
//! on items read one at a time as CPython does; a removal then finds its item again by identity
//! under the write guard, and removed items are dropped after the guard is left. The one
//! exception is a key-less sort of plain values, whose comparisons run no Python code and read
//! no cell: it runs inside the write guard (`builtins::sort`).

use crate::backend::Backend;
use crate::builtins::{Args, NativeFn, add, native, sort};
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{Payload, PyRef, Wrapper};
use crate::ops::{attr, compare, dicts, repr, seq, type_name};
use crate::vm::Vm;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let t = &vm.core.types.list;
    add(vm, t, "append", append);
    add(vm, t, "extend", extend);
    add(vm, t, "pop", pop);
    add(vm, t, "insert", insert);
    add(vm, t, "remove", remove);
    add(vm, t, "index", index);
    add(vm, t, "count", count);
    add(vm, t, "sort", sort);
    add(vm, t, "reverse", reverse);
    add(vm, t, "copy", copy);
    add(vm, t, "clear", clear);
}

type ListCell<B> = <B as Backend>::Cell<Vec<PyRef<B>>>;

fn this<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
) -> PyResult<B, (&'a PyRef<B>, &'a ListCell<B>)> {
    receiver(ctx, args, "list", name, |p| match p {
        Payload::List(l) => Some(l),
        _ => None,
    })
}

/// The item at `i`, read under the guard (`None` past the end).
fn item_at<B: Backend>(o: &PyRef<B>, cell: &ListCell<B>, i: usize) -> Option<PyRef<B>> {
    o.read(cell, |v| v.get(i).cloned())
}

/// Removes `x` from the list, preferring position `hint` and otherwise its first occurrence by
/// identity. The removed reference is returned so that it is dropped outside the guard.
fn remove_identical<B: Backend>(
    o: &PyRef<B>,
    cell: &ListCell<B>,
    hint: usize,
    x: &PyRef<B>,
) -> Option<PyRef<B>> {
    o.write(cell, |v| {
        let pos = if v.get(hint).is_some_and(|y| y.is(x)) {
            Some(hint)
        } else {
            v.iter().position(|y| y.is(x))
        };
        pos.map(|p| v.remove(p))
    })
}

fn append<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "append")?;
    let a = arity(ctx, &args, "list", "append", Sig::One)?;
    let v = a[0].clone();
    o.write(cell, |items| items.push(v));
    Ok(ctx.vm.core.none.clone())
}

fn extend<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "extend")?;
    let a = arity(ctx, &args, "list", "extend", Sig::One)?;
    // Copy the source under its own guard first, then append under ours: never two guards at
    // once, so `a.extend(b)` racing `b.extend(a)` cannot deadlock (and `a.extend(a)` works).
    let items = seq::to_vec(ctx, &a[0])?;
    o.write(cell, |v| v.extend(items));
    Ok(ctx.vm.core.none.clone())
}

fn pop<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "pop")?;
    let a = arity(ctx, &args, "list", "pop", Sig::Var(0, 1))?;
    let idx = match a.first() {
        Some(i) => Some(ssize(ctx, i)?),
        None => None,
    };
    let r = o.write(cell, |v| {
        if v.is_empty() {
            return Err("pop from empty list");
        }
        let i = match idx {
            None => v.len() - 1,
            Some(i) => seq::norm_index(i, v.len()).ok_or("pop index out of range")?,
        };
        Ok(v.remove(i))
    });
    r.map_err(|m| ctx.index_error(m))
}

fn insert<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "insert")?;
    let a = arity(ctx, &args, "list", "insert", Sig::Var(2, 2))?;
    let i = ssize(ctx, &a[0])?;
    let v = a[1].clone();
    o.write(cell, |items| {
        let n = items.len() as i64;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
        items.insert(at as usize, v);
    });
    Ok(ctx.vm.core.none.clone())
}

fn remove<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "remove")?;
    let a = arity(ctx, &args, "list", "remove", Sig::One)?;
    let target = &a[0];
    let mut i = 0;
    while let Some(x) = item_at(o, cell, i) {
        if compare::eq(ctx, &x, target)? {
            // The item may have moved or gone while `__eq__` ran: find it again by identity.
            if let Some(removed) = remove_identical(o, cell, i, &x) {
                drop(removed);
                return Ok(ctx.vm.core.none.clone());
            }
            break;
        }
        i += 1;
    }
    Err(ctx.value_error("list.remove(x): x not in list"))
}

fn index<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "index")?;
    let a = arity(ctx, &args, "list", "index", Sig::Var(1, 3))?;
    let len = o.read(cell, |v| v.len());
    let (start, stop) = index_bounds(ctx, &a[1..], len)?;
    let target = &a[0];
    let mut i = start;
    while i < stop {
        let Some(x) = item_at(o, cell, i) else { break };
        if compare::eq(ctx, &x, target)? {
            return Ok(ctx.vm.int(i as i64));
        }
        i += 1;
    }
    let r = repr::repr(ctx, target)?;
    Err(ctx.value_error(format!("{r} is not in list")))
}

fn count<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "count")?;
    let a = arity(ctx, &args, "list", "count", Sig::One)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(x) = item_at(o, cell, i) {
        if compare::eq(ctx, &x, &a[0])? {
            n += 1;
        }
        i += 1;
    }
    Ok(ctx.vm.int(n))
}

fn sort<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "sort")?;
    if args.positional().len() > 1 {
        return Err(ctx.type_error("sort() takes no positional arguments"));
    }
    let mut key = None;
    let mut reverse = false;
    for (k, v) in args.kwargs() {
        match k {
            "key" => key = Some(v).filter(|f| !matches!(f.payload, Payload::None)),
            "reverse" => reverse = ssize(ctx, v)? != 0,
            _ => {
                return Err(
                    ctx.type_error(format!("'{k}' is an invalid keyword argument for sort()"))
                );
            }
        }
    }
    // Without a key, a list of plain values (numbers, strs, bytes, None and tuples of them) is
    // sorted in one critical section, since no Python code can run: atomic, as under CPython
    // (whose sort of such a list runs no bytecode and so never switches threads), so a racing
    // append is neither lost nor reported as a modification. An unorderable pair leaves the
    // list as it was.
    if key.is_none() {
        match o.write(cell, |v| sort::sort_plain(v, reverse)) {
            Some(Ok(())) => return Ok(ctx.vm.core.none.clone()),
            Some(Err(e)) => return Err(ctx.type_error(e.message())),
            None => {}
        }
    }
    // As in CPython the list is empty while it is being sorted: key functions and comparisons
    // see `[]`, and anything they do to it is discarded with a ValueError. CPython detects any
    // reallocation of the emptied list; here the list is left with no capacity, so anything
    // that ever stored an item shows as a capacity, even if the length is back to 0 (an append
    // then a pop). It is checked after every call into Python, so that a later call emptying
    // the list again (`clear`) cannot hide an earlier one's change.
    let items = o.write(cell, std::mem::take);
    let mut modified = false;
    let watch = || modified |= o.read(cell, |v| v.capacity() != 0);
    let result = sort::sort_values(ctx, items.clone(), key, reverse, watch);
    let (new, outcome) = match result {
        Ok(sorted) => (sorted, Ok(())),
        Err(e) => (items, Err(e)),
    };
    let meddled = o.write(cell, |v| std::mem::replace(v, new));
    let modified = modified || meddled.capacity() != 0;
    drop(meddled);
    outcome?;
    if modified {
        return Err(ctx.value_error("list modified during sort"));
    }
    Ok(ctx.vm.core.none.clone())
}

fn reverse<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "reverse")?;
    arity(ctx, &args, "list", "reverse", Sig::NoArgs)?;
    o.write(cell, |v| v.reverse());
    Ok(ctx.vm.core.none.clone())
}

fn copy<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "copy")?;
    arity(ctx, &args, "list", "copy", Sig::NoArgs)?;
    let items = o.read(cell, |v| v.clone());
    Ok(ctx.vm.list(items))
}

fn clear<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "clear")?;
    arity(ctx, &args, "list", "clear", Sig::NoArgs)?;
    let old = o.write(cell, std::mem::take);
    drop(old);
    Ok(ctx.vm.core.none.clone())
}

// ---- Argument helpers shared by the method files --------------------------------------------

/// Stores `func` in class `cls` as a classmethod: called on the class or an instance, it
/// receives the class first (`dict.fromkeys`, `int.from_bytes`).
pub(super) fn add_classmethod<B: Backend>(
    vm: &Vm<B>,
    cls: &PyRef<B>,
    name: &'static str,
    func: NativeFn<B>,
) {
    add_wrapped(vm, cls, name, func, Wrapper::ClassMethod);
}

/// Stores `func` in class `cls` wrapped by `wrap` (`Wrapper::ClassMethod`, or
/// `Wrapper::StaticMethod` for a function called without `self` or class: `str.maketrans`).
pub(super) fn add_wrapped<B: Backend>(
    vm: &Vm<B>,
    cls: &PyRef<B>,
    name: &'static str,
    func: NativeFn<B>,
    wrap: fn(PyRef<B>) -> Wrapper<B>,
) {
    let wrapper = PyRef::new(Payload::Wrapper(Box::new(wrap(native(name, func)))));
    dicts::set_name(cls, vm.intern(name), wrapper);
}

/// The calling convention of a built-in method, which decides CPython's wording of argument
/// count errors. Counts exclude `self`.
#[derive(Debug, Clone, Copy)]
pub(super) enum Sig {
    /// `METH_NOARGS`: "list.copy() takes no arguments (1 given)".
    NoArgs,
    /// `METH_O`: "list.append() takes exactly one argument (0 given)".
    One,
    /// Argument Clinic positional-only, `min..=max`: "pop expected at most 1 argument, got 2".
    Var(usize, usize),
    /// `METH_VARARGS` without limits: only keywords are refused.
    Any,
}

/// Checks the arguments after `self` against `sig` (keywords are refused) and returns them.
pub(super) fn arity<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    cls: &str,
    name: &str,
    sig: Sig,
) -> PyResult<B, &'a [PyRef<B>]> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error(format!("{cls}.{name}() takes no keyword arguments")));
    }
    let rest = args.positional().get(1..).unwrap_or(&[]);
    check_count(ctx, rest.len(), cls, name, sig)?;
    Ok(rest)
}

/// Raises CPython's `TypeError` when `n` arguments (after `self`) do not fit `sig`.
pub(super) fn check_count<B: Backend>(
    ctx: &Ctx<'_, B>,
    n: usize,
    cls: &str,
    name: &str,
    sig: Sig,
) -> PyResult<B, ()> {
    let s = |k: usize| if k == 1 { "" } else { "s" };
    let msg = match sig {
        Sig::NoArgs if n != 0 => format!("{cls}.{name}() takes no arguments ({n} given)"),
        Sig::One if n != 1 => format!("{cls}.{name}() takes exactly one argument ({n} given)"),
        Sig::Var(min, max) if min == max && n != min => {
            format!("{name} expected {min} argument{}, got {n}", s(min))
        }
        Sig::Var(min, _) if n < min => {
            format!("{name} expected at least {min} argument{}, got {n}", s(min))
        }
        Sig::Var(_, max) if n > max => {
            format!("{name} expected at most {max} argument{}, got {n}", s(max))
        }
        _ => return Ok(()),
    };
    Err(ctx.type_error(msg))
}

/// The `self` of a method of built-in class `cls`, with the part of its payload `pick` selects;
/// raises CPython's descriptor `TypeError` otherwise.
pub(super) fn receiver<'a, B: Backend, T: ?Sized>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    cls: &str,
    name: &str,
    pick: impl FnOnce(&'a Payload<B>) -> Option<&'a T>,
) -> PyResult<B, (&'a PyRef<B>, &'a T)> {
    let Some(o) = args.positional().first() else {
        return Err(ctx.type_error(format!("unbound method {cls}.{name}() needs an argument")));
    };
    // An instance of a Python subclass (`class C(list)`) lends its built-in value.
    let o = crate::ops::value_of(o);
    match pick(&o.payload) {
        Some(t) => Ok((o, t)),
        None => Err(ctx.type_error(format!(
            "descriptor '{name}' for '{cls}' objects doesn't apply to a '{}' object",
            type_name(ctx.vm, o)
        ))),
    }
}

/// An integer argument as a Py_ssize_t (`__index__` semantics): `OverflowError` for a big
/// int, `TypeError` for a non-integer.
pub(super) fn ssize<B: Backend>(ctx: &mut Ctx<'_, B>, obj: &PyRef<B>) -> PyResult<B, i64> {
    match &obj.payload {
        Payload::Int(i) => Ok(*i),
        Payload::Bool(b) => Ok(*b as i64),
        Payload::BigInt(_) => Err(too_big(ctx)),
        Payload::Instance(_) => match attr::call_dunder(ctx, obj, "__index__", &[])? {
            Some(r) if matches!(r.payload, Payload::Int(_) | Payload::Bool(_)) => {
                seq::index_value(ctx, &r)
            }
            Some(r) if matches!(r.payload, Payload::BigInt(_)) => Err(too_big(ctx)),
            Some(r) => Err(ctx.type_error(format!(
                "__index__ returned non-int (type {})",
                type_name(ctx.vm, &r)
            ))),
            None => Err(not_integer(ctx, obj)),
        },
        _ => Err(not_integer(ctx, obj)),
    }
}

fn too_big<B: Backend>(ctx: &Ctx<'_, B>) -> PyErr<B> {
    ctx.overflow_error("Python int too large to convert to C ssize_t")
}

fn not_integer<B: Backend>(ctx: &Ctx<'_, B>, obj: &PyRef<B>) -> PyErr<B> {
    ctx.type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        type_name(ctx.vm, obj)
    ))
}

/// A slice bound argument (`list.index(x, start, stop)`): big ints clamp, `None` and other
/// non-integers raise CPython's `TypeError`.
fn slice_bound<B: Backend>(ctx: &mut Ctx<'_, B>, obj: &PyRef<B>) -> PyResult<B, i64> {
    let bad = |ctx: &Ctx<'_, B>| {
        ctx.type_error("slice indices must be integers or have an __index__ method")
    };
    match &obj.payload {
        Payload::Int(i) => Ok(*i),
        Payload::Bool(b) => Ok(*b as i64),
        Payload::BigInt(b) => {
            Ok(if b.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX })
        }
        Payload::Instance(_) => match attr::call_dunder(ctx, obj, "__index__", &[])? {
            Some(r) if !matches!(r.payload, Payload::Instance(_)) => slice_bound(ctx, &r),
            _ => Err(bad(ctx)),
        },
        _ => Err(bad(ctx)),
    }
}

/// The optional `start, stop` of `index()` resolved against `len` as CPython does: negative
/// values count from the end and clamp at 0; the result may exceed `len` (callers stop at the
/// end of the sequence).
pub(super) fn index_bounds<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    bounds: &[PyRef<B>],
    len: usize,
) -> PyResult<B, (usize, usize)> {
    let len = len as i64;
    let norm = |v: i64| -> usize {
        let v = if v < 0 { v.saturating_add(len).max(0) } else { v };
        usize::try_from(v).unwrap_or(usize::MAX)
    };
    let start = match bounds.first() {
        Some(s) => norm(slice_bound(ctx, s)?),
        None => 0,
    };
    let stop = match bounds.get(1) {
        Some(s) => norm(slice_bound(ctx, s)?),
        // Unbounded: a list that grows while `__eq__` runs is searched to its new end.
        None => usize::MAX,
    };
    Ok((start, stop))
}
