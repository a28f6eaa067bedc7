//! The iterator protocol: `iter()` and `next()` for built-in containers, built-in iterators
//! (`enumerate`, `zip`, `map`, `filter`, `iter(f, sentinel)`) and user classes with
//! `__iter__`/`__next__`.
//!
//! Every built-in iterator is one `Payload::Iter`; its [`IterKind`], fixed when it is made,
//! names its class (`list_iterator`, `dict_keyiterator`, `enumerate`, ...: [`iter_class`]).

use super::attr::call_dunder;
use super::{is_true, type_name};
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::{DictIterKind, IterKind, IterObj, IterState, Payload, PyRef, TableExpect};
use crate::vm::Vm;

/// Wraps an iterator state in an object of class `kind`.
pub fn new_iter<B: Backend>(kind: IterKind, state: IterState<B>) -> PyRef<B> {
    PyRef::new(Payload::Iter(Box::new(IterObj { kind, state: B::cell_new(state) })))
}

/// The class of a built-in iterator.
pub fn iter_class<B: Backend>(vm: &Vm<B>, kind: IterKind) -> &PyRef<B> {
    let t = &vm.core.types;
    match kind {
        IterKind::List => &t.list_iterator,
        IterKind::ListReverse => &t.list_reverseiterator,
        IterKind::Tuple => &t.tuple_iterator,
        IterKind::Range => &t.range_iterator,
        IterKind::Str => &t.str_iterator,
        IterKind::StrAscii => &t.str_ascii_iterator,
        IterKind::Bytes => &t.bytes_iterator,
        IterKind::DictKeys => &t.dict_keyiterator,
        IterKind::DictValues => &t.dict_valueiterator,
        IterKind::DictItems => &t.dict_itemiterator,
        IterKind::DictReverseKeys => &t.dict_reversekeyiterator,
        IterKind::DictReverseValues => &t.dict_reversevalueiterator,
        IterKind::DictReverseItems => &t.dict_reverseitemiterator,
        IterKind::Set => &t.set_iterator,
        IterKind::Reversed => &t.reversed,
        IterKind::Enumerate => &t.enumerate,
        IterKind::Zip => &t.zip,
        IterKind::Map => &t.map,
        IterKind::Filter => &t.filter,
        IterKind::Callable => &t.callable_iterator,
        IterKind::Seq => &t.iterator,
    }
}

/// The iterator class over a dict yielding `kind` (forwards or reversed).
pub fn dict_iter_kind(kind: DictIterKind, reverse: bool) -> IterKind {
    match (kind, reverse) {
        (DictIterKind::Keys, false) => IterKind::DictKeys,
        (DictIterKind::Values, false) => IterKind::DictValues,
        (DictIterKind::Items, false) => IterKind::DictItems,
        (DictIterKind::Keys, true) => IterKind::DictReverseKeys,
        (DictIterKind::Values, true) => IterKind::DictReverseValues,
        (DictIterKind::Items, true) => IterKind::DictReverseItems,
    }
}

/// `iter(obj)`.
pub fn get_iter<B: Backend>(ctx: &mut Ctx<'_, B>, obj: &PyRef<B>) -> PyResult<B> {
    Ok(match &obj.payload {
        Payload::List(_) => new_iter(IterKind::List, IterState::List(obj.clone(), 0)),
        Payload::Tuple(_) => new_iter(IterKind::Tuple, IterState::Tuple(obj.clone(), 0)),
        Payload::Str(s) => {
            let kind = if s.as_str().is_ascii() { IterKind::StrAscii } else { IterKind::Str };
            new_iter(kind, IterState::Str(obj.clone(), 0))
        }
        Payload::Bytes(_) => new_iter(IterKind::Bytes, IterState::Bytes(obj.clone(), 0)),
        Payload::Range(r) => new_iter(IterKind::Range, IterState::Range(r.start, r.len(), r.step)),
        Payload::Dict(_) | Payload::Set(_) | Payload::FrozenSet(_) => {
            let expect = TableExpect::new(super::dicts::len_of(obj));
            let kind = if matches!(obj.payload, Payload::Dict(_)) {
                IterKind::DictKeys
            } else {
                IterKind::Set
            };
            new_iter(kind, IterState::Dict(obj.clone(), 0, expect, DictIterKind::Keys))
        }
        Payload::Iter(_) => obj.clone(),
        Payload::Instance(_) | Payload::Native(_) | Payload::Type(_) if super::has_dunders(obj) => {
            if let Some(it) = call_dunder(ctx, obj, "__iter__", &[])? {
                if super::attr::lookup_special(ctx, &it, "__next__").is_none()
                    && !matches!(it.payload, Payload::Iter(_))
                {
                    return Err(ctx.type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        type_name(ctx.vm, &it)
                    )));
                }
                return Ok(it);
            }
            if super::attr::lookup_special(ctx, obj, "__getitem__").is_some() {
                // The old sequence protocol: index from 0 until IndexError.
                let mut items = Vec::new();
                let mut i = 0;
                loop {
                    let key = ctx.vm.int(i);
                    match super::seq::getitem(ctx, obj, &key) {
                        Ok(v) => items.push(v),
                        Err(e) if super::isinstance(ctx.vm, &e.0, &ctx.vm.core.exc.index_error) => {
                            break;
                        }
                        Err(e) => return Err(e),
                    }
                    i += 1;
                }
                return Ok(new_iter(IterKind::Seq, IterState::Seq(items, 0)));
            }
            return Err(not_iterable(ctx, obj));
        }
        _ => return Err(not_iterable(ctx, obj)),
    })
}

fn not_iterable<B: Backend>(ctx: &Ctx<'_, B>, obj: &PyRef<B>) -> crate::ctx::PyErr<B> {
    ctx.type_error(format!("'{}' object is not iterable", type_name(ctx.vm, obj)))
}

enum Step<B: Backend> {
    Value(PyRef<B>),
    Done,
    /// Needs work outside the iterator's guard (calling Python code or another iterator).
    Delegate,
}

/// `next(it)`: `Ok(None)` when exhausted.
pub fn next<B: Backend>(ctx: &mut Ctx<'_, B>, it: &PyRef<B>) -> PyResult<B, Option<PyRef<B>>> {
    let vm = ctx.vm;
    let Payload::Iter(io) = &it.payload else {
        // A generator runs its frame directly: its return ends the loop without a
        // `StopIteration` object (CPython's `FOR_ITER_GEN` does likewise).
        if let Some(g) = crate::eval::generator::as_gen(it)
            && g.kind == crate::eval::generator::GenKind::Generator
        {
            let none = vm.core.none.clone();
            return Ok(match crate::eval::generator::send(ctx, g, none)? {
                crate::eval::generator::Outcome::Yield(v) => Some(v),
                crate::eval::generator::Outcome::Return(_) => None,
            });
        }
        return match call_dunder(ctx, it, "__next__", &[]) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => {
                Err(ctx.type_error(format!("'{}' object is not an iterator", type_name(vm, it))))
            }
            Err(e) if super::isinstance(vm, &e.0, &vm.core.exc.stop_iteration) => Ok(None),
            Err(e) => Err(e),
        };
    };
    let cell = &io.state;
    let mut changed = None;
    let step = it.write_unique(cell, |st| match st {
        IterState::List(list, i) => {
            let Payload::List(l) = &list.payload else { return Step::Done };
            match list.read(l, |v| v.get(*i).cloned()) {
                Some(v) => {
                    *i += 1;
                    Step::Value(v)
                }
                None => {
                    *st = IterState::Done;
                    Step::Done
                }
            }
        }
        IterState::Tuple(t, i) => {
            let Payload::Tuple(items) = &t.payload else { return Step::Done };
            match items.get(*i) {
                Some(v) => {
                    *i += 1;
                    Step::Value(v.clone())
                }
                None => Step::Done,
            }
        }
        IterState::Range(next, left, step) => {
            if *left <= 0 {
                return Step::Done;
            }
            let v = *next;
            *left -= 1;
            *next = next.wrapping_add(*step);
            Step::Value(vm.int(v))
        }
        IterState::Str(s, pos) => {
            let Payload::Str(text) = &s.payload else { return Step::Done };
            match text.as_str()[*pos..].chars().next() {
                Some(c) => {
                    *pos += c.len_utf8();
                    Step::Value(vm.str(c.to_string()))
                }
                None => Step::Done,
            }
        }
        IterState::Bytes(b, pos) => {
            let Payload::Bytes(bytes) = &b.payload else { return Step::Done };
            match bytes.get(*pos) {
                Some(&x) => {
                    *pos += 1;
                    Step::Value(vm.int(x as i64))
                }
                None => Step::Done,
            }
        }
        IterState::Dict(d, pos, expect, kind) => {
            let is_set = !matches!(d.payload, Payload::Dict(_));
            // The check and the read are one critical section (rule G1).
            let r = super::dicts::read_table(d, |t| {
                if t.len() != expect.used {
                    return Err(if is_set {
                        "Set changed size during iteration"
                    } else {
                        "dictionary changed size during iteration"
                    });
                }
                let found = t.entry_from(*pos);
                if found.is_some() && expect.left == 0 && !is_set {
                    return Err("dictionary keys changed during iteration");
                }
                Ok(found.map(|(e, next)| (e.key.clone(), e.value.clone(), next)))
            });
            let Some(r) = r else { return Step::Done };
            match r {
                Err(message) => {
                    changed = Some(message);
                    *st = IterState::Done;
                    Step::Done
                }
                Ok(None) => Step::Done,
                Ok(Some((k, v, next))) => {
                    *pos = next;
                    expect.left = expect.left.saturating_sub(1);
                    let v = v.unwrap_or_else(|| vm.core.none.clone());
                    Step::Value(match kind {
                        DictIterKind::Keys => k,
                        DictIterKind::Values => v,
                        DictIterKind::Items => vm.tuple(vec![k, v]),
                    })
                }
            }
        }
        IterState::Seq(items, i) => match items.get(*i) {
            Some(v) => {
                *i += 1;
                Step::Value(v.clone())
            }
            None => Step::Done,
        },
        IterState::Done => Step::Done,
        IterState::Enumerate(..)
        | IterState::Zip(..)
        | IterState::Map(..)
        | IterState::Filter(..)
        | IterState::Callable(..) => Step::Delegate,
    });
    if let Some(message) = changed {
        return Err(ctx.runtime_error(message));
    }
    match step {
        Step::Value(v) => Ok(Some(v)),
        Step::Done => Ok(None),
        Step::Delegate => next_composite(ctx, it, cell),
    }
}

/// `enumerate`, `zip`, `map`, `filter`, `iter(f, sentinel)`: their inner iterators and
/// functions are called with the outer iterator's guard released (they may run Python code).
fn next_composite<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    it: &PyRef<B>,
    cell: &B::Cell<IterState<B>>,
) -> PyResult<B, Option<PyRef<B>>> {
    enum Parts<B: Backend> {
        Enumerate(PyRef<B>),
        Zip(Vec<PyRef<B>>, bool),
        Map(PyRef<B>, Vec<PyRef<B>>),
        Filter(PyRef<B>, PyRef<B>),
        Callable(PyRef<B>, PyRef<B>),
        Done,
    }
    let parts = it.read(cell, |st| match st {
        IterState::Enumerate(inner, ..) => Parts::Enumerate(inner.clone()),
        IterState::Zip(its, strict) => Parts::Zip(its.clone(), *strict),
        IterState::Map(f, its) => Parts::Map(f.clone(), its.clone()),
        IterState::Filter(f, inner) => Parts::Filter(f.clone(), inner.clone()),
        IterState::Callable(f, sentinel) => Parts::Callable(f.clone(), sentinel.clone()),
        _ => Parts::Done,
    });
    let vm = ctx.vm;
    match parts {
        Parts::Done => Ok(None),
        Parts::Enumerate(inner) => {
            let Some(v) = next(ctx, &inner)? else { return Ok(None) };
            let n = it.write(cell, |st| match st {
                IterState::Enumerate(_, n, big) => Some(match big {
                    Some(b) => {
                        let now = (**b).clone();
                        **b += 1;
                        Err(now)
                    }
                    None => match n.checked_add(1) {
                        Some(after) => Ok(std::mem::replace(n, after)),
                        None => {
                            *big = Some(Box::new(num_bigint::BigInt::from(*n) + 1));
                            Ok(*n)
                        }
                    },
                }),
                _ => None,
            });
            let count = match n {
                Some(Ok(n)) => vm.int(n),
                Some(Err(b)) => vm.bigint(b),
                None => return Ok(None),
            };
            Ok(Some(vm.tuple(vec![count, v])))
        }
        Parts::Zip(its, strict) => next_zip(ctx, it, cell, &its, strict),
        Parts::Map(f, its) => {
            let mut args = Vec::with_capacity(its.len());
            for i in &its {
                match next(ctx, i)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            super::call::call(ctx, &f, &args, &[]).map(Some)
        }
        Parts::Filter(f, inner) => loop {
            let Some(v) = next(ctx, &inner)? else { return Ok(None) };
            let keep = if matches!(f.payload, Payload::None) {
                is_true(ctx, &v)?
            } else {
                let r = super::call::call(ctx, &f, std::slice::from_ref(&v), &[])?;
                is_true(ctx, &r)?
            };
            if keep {
                return Ok(Some(v));
            }
        },
        Parts::Callable(f, sentinel) => {
            let v = match super::call::call(ctx, &f, &[], &[]) {
                Ok(v) => v,
                // A `StopIteration` from the callable ends the iteration, as in CPython.
                Err(e) if super::isinstance(vm, &e.0, &vm.core.exc.stop_iteration) => {
                    finish(it, cell);
                    return Ok(None);
                }
                Err(e) => return Err(e),
            };
            if super::compare::eq(ctx, &v, &sentinel)? {
                finish(it, cell);
                return Ok(None);
            }
            Ok(Some(v))
        }
    }
}

/// Marks a composite iterator exhausted (its inner references released outside the guard).
fn finish<B: Backend>(it: &PyRef<B>, cell: &B::Cell<IterState<B>>) {
    let old = it.write(cell, |st| std::mem::replace(st, IterState::Done));
    drop(old);
}

/// The next tuple of `zip(*its, strict=strict)`. With `strict`, iterators of unequal lengths
/// raise CPython's `ValueError` naming the first one that differs.
fn next_zip<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    it: &PyRef<B>,
    cell: &B::Cell<IterState<B>>,
    its: &[PyRef<B>],
    strict: bool,
) -> PyResult<B, Option<PyRef<B>>> {
    if its.is_empty() {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(its.len());
    for (k, i) in its.iter().enumerate() {
        match next(ctx, i)? {
            Some(v) => out.push(v),
            None if !strict => return Ok(None),
            None => {
                finish(it, cell);
                if k > 0 {
                    return Err(zip_mismatch(ctx, k, "shorter"));
                }
                for (j, rest) in its.iter().enumerate().skip(1) {
                    if next(ctx, rest)?.is_some() {
                        return Err(zip_mismatch(ctx, j, "longer"));
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(ctx.vm.tuple(out)))
}

/// `ValueError: zip() argument 3 is shorter than arguments 1-2` (`k` is 0-based).
fn zip_mismatch<B: Backend>(ctx: &Ctx<'_, B>, k: usize, what: &str) -> crate::ctx::PyErr<B> {
    let before = if k == 1 { "argument 1".to_string() } else { format!("arguments 1-{k}") };
    ctx.value_error(format!("zip() argument {} is {what} than {before}", k + 1))
}
