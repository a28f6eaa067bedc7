//! The built-in iterator classes: `enumerate`, `zip`, `map`, `filter` and `reversed` are
//! classes whose `__new__` makes the iterator (so `type(enumerate([])) is enumerate`), `iter()`
//! with its two-argument form, and `__iter__`/`__next__` on every iterator class
//! (`list_iterator`, `dict_keyiterator`, ...). The iterators themselves run in `ops::iter`.
//!
//! Argument errors are CPython 3.11's, which differ from class to class (Argument Clinic for
//! `enumerate`, hand-written checks for the others).

use super::{Args, add};
use crate::backend::Backend;
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{IterKind, IterState, Payload, PyRef};
use crate::ops::{attr, dicts, is_true, iter, seq, type_name};
use crate::vm::Vm;
use num_bigint::BigInt;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let t = &vm.core.types;
    add(vm, &t.reversed, "__new__", reversed);
    add(vm, &t.enumerate, "__new__", enumerate);
    add(vm, &t.zip, "__new__", zip);
    add(vm, &t.map, "__new__", map);
    add(vm, &t.filter, "__new__", filter);
    add(vm, &vm.core.builtins, "iter", iter_);
    let classes = [
        &t.list_iterator,
        &t.list_reverseiterator,
        &t.tuple_iterator,
        &t.range_iterator,
        &t.str_iterator,
        &t.str_ascii_iterator,
        &t.bytes_iterator,
        &t.dict_keyiterator,
        &t.dict_valueiterator,
        &t.dict_itemiterator,
        &t.dict_reversekeyiterator,
        &t.dict_reversevalueiterator,
        &t.dict_reverseitemiterator,
        &t.set_iterator,
        &t.callable_iterator,
        &t.iterator,
        &t.reversed,
        &t.enumerate,
        &t.zip,
        &t.map,
        &t.filter,
    ];
    for (i, cls) in classes.into_iter().enumerate() {
        add(vm, cls, "__iter__", iter_self);
        add(vm, cls, "__next__", next_);
        // The first 16 are made only by `iter()` and friends.
        if i < 16 {
            add(vm, cls, "__new__", no_new);
        }
    }
}

/// `__new__` of an iterator class that Python code cannot instantiate.
fn no_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let name = args.args.first().map_or("iterator", |c| crate::ops::class_name(c));
    Err(ctx.type_error(format!("cannot create '{name}' instances")))
}

/// The positional arguments after the class of a `__new__` call, checking that the class is
/// one (`enumerate.__new__(5)`).
fn after_cls<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
) -> PyResult<B, &'a [PyRef<B>]> {
    let pos = args.positional();
    match pos.first() {
        Some(c) if matches!(c.payload, Payload::Type(_)) => Ok(&pos[1..]),
        Some(c) => Err(ctx.type_error(format!(
            "{name}.__new__(X): X is not a type object ({})",
            type_name(ctx.vm, c)
        ))),
        None => Err(ctx.type_error(format!("{name}.__new__(): not enough arguments"))),
    }
}

/// `TypeError: NAME() takes no keyword arguments` when there are any.
fn no_keywords<B: Backend>(ctx: &Ctx<'_, B>, args: &Args<'_, B>, name: &str) -> PyResult<B, ()> {
    if args.kwnames.is_empty() {
        Ok(())
    } else {
        Err(ctx.type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// `NAME expected N argument(s), got K` (CPython's `_PyArg_CheckPositional`).
fn expect_exactly<B: Backend>(ctx: &Ctx<'_, B>, name: &str, n: usize, got: usize) -> PyErr<B> {
    let s = if n == 1 { "" } else { "s" };
    ctx.type_error(format!("{name} expected {n} argument{s}, got {got}"))
}

/// `enumerate(iterable, start=0)`.
fn enumerate<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let pos = after_cls(ctx, &args, "enumerate")?;
    let total = pos.len() + args.kwnames.len();
    if total > 2 {
        return Err(
            ctx.type_error(format!("enumerate() takes at most 2 arguments ({total} given)"))
        );
    }
    let mut iterable = pos.first();
    let mut start = pos.get(1);
    for (k, v) in args.kwargs() {
        let (slot, index) = match k {
            "iterable" => (&mut iterable, 1),
            "start" => (&mut start, 2),
            _ => {
                return Err(
                    ctx.type_error(format!("'{k}' is an invalid keyword argument for enumerate()"))
                );
            }
        };
        if slot.is_some() {
            return Err(ctx.type_error(format!(
                "argument for enumerate() given by name ('{k}') and position ({index})"
            )));
        }
        *slot = Some(v);
    }
    let Some(iterable) = iterable else {
        return Err(ctx.type_error("enumerate() missing required argument 'iterable'"));
    };
    let (start, big) = match start.map(|s| (s, &s.payload)) {
        None => (0, None),
        Some((_, Payload::Int(i))) => (*i, None),
        Some((_, Payload::Bool(b))) => (*b as i64, None),
        Some((_, Payload::BigInt(b))) => (0, Some(b.clone())),
        Some((s, _)) => match attr::call_dunder(ctx, s, "__index__", &[])? {
            Some(r) => match &r.payload {
                Payload::Int(i) => (*i, None),
                Payload::BigInt(b) => (0, Some(b.clone())),
                _ => return Err(ctx.type_error("__index__ returned non-int")),
            },
            None => {
                return Err(ctx.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(ctx.vm, s)
                )));
            }
        },
    };
    let it = iter::get_iter(ctx, iterable)?;
    let big: Option<Box<BigInt>> = big;
    Ok(iter::new_iter(IterKind::Enumerate, IterState::Enumerate(it, start, big)))
}

/// `zip(*iterables, strict=False)`.
fn zip<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let pos = after_cls(ctx, &args, "zip")?;
    let mut strict = false;
    for (k, v) in args.kwargs() {
        if k != "strict" {
            return Err(ctx.type_error(format!("'{k}' is an invalid keyword argument for zip()")));
        }
        strict = is_true(ctx, v)?;
    }
    let mut its = Vec::with_capacity(pos.len());
    for a in pos {
        its.push(iter::get_iter(ctx, a)?);
    }
    Ok(iter::new_iter(IterKind::Zip, IterState::Zip(its, strict)))
}

/// `map(function, iterable, *iterables)`.
fn map<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let pos = after_cls(ctx, &args, "map")?;
    no_keywords(ctx, &args, "map")?;
    let Some((f, iterables)) = pos.split_first().filter(|(_, rest)| !rest.is_empty()) else {
        return Err(ctx.type_error("map() must have at least two arguments."));
    };
    let mut its = Vec::with_capacity(iterables.len());
    for a in iterables {
        its.push(iter::get_iter(ctx, a)?);
    }
    Ok(iter::new_iter(IterKind::Map, IterState::Map(f.clone(), its)))
}

/// `filter(function or None, iterable)`.
fn filter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let pos = after_cls(ctx, &args, "filter")?;
    no_keywords(ctx, &args, "filter")?;
    let [f, iterable] = pos else { return Err(expect_exactly(ctx, "filter", 2, pos.len())) };
    let it = iter::get_iter(ctx, iterable)?;
    Ok(iter::new_iter(IterKind::Filter, IterState::Filter(f.clone(), it)))
}

/// `reversed(sequence)`: the object's `__reversed__`, or an iterator over a snapshot of the
/// sequence taken backwards (a range counts down without a snapshot; a dict or its views
/// give their reverse iterators).
fn reversed<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let pos = after_cls(ctx, &args, "reversed")?;
    no_keywords(ctx, &args, "reversed")?;
    let [o] = pos else { return Err(expect_exactly(ctx, "reversed", 1, pos.len())) };
    let not_reversible = |ctx: &Ctx<'_, B>| {
        ctx.type_error(format!("'{}' object is not reversible", type_name(ctx.vm, o)))
    };
    let kind = match &o.payload {
        Payload::Range(r) => {
            let n = r.len();
            let last = r.start.wrapping_add(n.wrapping_sub(1).wrapping_mul(r.step));
            let state = IterState::Range(last, n, r.step.wrapping_neg());
            return Ok(iter::new_iter(IterKind::Range, state));
        }
        Payload::List(_) => IterKind::ListReverse,
        Payload::Dict(_) => IterKind::DictReverseKeys,
        Payload::Tuple(_) | Payload::Str(_) | Payload::Bytes(_) => IterKind::Reversed,
        // A class is reversible through its metaclass (an enum class is).
        Payload::Instance(_) | Payload::Native(_) | Payload::Type(_) => {
            if let Some(r) = attr::call_dunder(ctx, o, "__reversed__", &[])? {
                return Ok(r);
            }
            if dicts::as_view(o).is_none()
                && attr::lookup_special(ctx, o, "__getitem__").is_some()
                && attr::lookup_special(ctx, o, "__len__").is_some()
            {
                return reversed_sequence(ctx, o);
            }
            return Err(not_reversible(ctx));
        }
        _ => return Err(not_reversible(ctx)),
    };
    let mut items = seq::to_vec(ctx, o)?;
    items.reverse();
    Ok(iter::new_iter(kind, IterState::Seq(items, 0)))
}

/// `reversed()` of an object with `__len__` and `__getitem__`: its items from `len - 1`
/// down to 0, read at once.
fn reversed_sequence<B: Backend>(ctx: &mut Ctx<'_, B>, o: &PyRef<B>) -> PyResult<B> {
    let n = super::functions::length(ctx, o)?;
    let mut items = Vec::new();
    for i in (0..n).rev() {
        let key = ctx.vm.int(i);
        items.push(seq::getitem(ctx, o, &key)?);
    }
    Ok(iter::new_iter(IterKind::Reversed, IterState::Seq(items, 0)))
}

/// `iter(iterable)` and `iter(callable, sentinel)`.
fn iter_<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    no_keywords(ctx, &args, "iter")?;
    match args.positional() {
        [o] => iter::get_iter(ctx, o),
        [f, sentinel] => {
            if !super::functions::is_callable(ctx, f) {
                return Err(ctx.type_error("iter(v, w): v must be callable"));
            }
            let state = IterState::Callable(f.clone(), sentinel.clone());
            Ok(iter::new_iter(IterKind::Callable, state))
        }
        [] => Err(ctx.type_error("iter expected at least 1 argument, got 0")),
        more => {
            Err(ctx.type_error(format!("iter expected at most 2 arguments, got {}", more.len())))
        }
    }
}

/// `it.__iter__()`: the iterator itself.
fn iter_self<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let o = this(ctx, &args, "__iter__")?;
    Ok(o.clone())
}

/// `it.__next__()`: the next item, or `StopIteration`.
fn next_<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let o = this(ctx, &args, "__next__")?;
    match iter::next(ctx, o)? {
        Some(v) => Ok(v),
        None => Err(ctx.stop_iteration()),
    }
}

/// The receiver of an iterator method (a built-in iterator, without further arguments).
fn this<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
) -> PyResult<B, &'a PyRef<B>> {
    let pos = args.positional();
    match pos.first() {
        Some(o) if matches!(o.payload, Payload::Iter(_)) => {
            if pos.len() > 1 || !args.kwnames.is_empty() {
                let n = pos.len() - 1 + args.kwnames.len();
                return Err(ctx.type_error(format!("expected 0 arguments, got {n}")));
            }
            Ok(o)
        }
        Some(o) => Err(ctx.type_error(format!(
            "descriptor '{name}' requires an iterator object but received a '{}'",
            type_name(ctx.vm, o)
        ))),
        None => Err(ctx.type_error(format!("descriptor '{name}' needs an argument"))),
    }
}
