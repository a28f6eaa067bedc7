//! The set operators `|`, `&`, `-`, `^` (and their in-place forms) on sets and frozensets,
//! and the helpers that turn a set into a frozenset for hashing and for results.

use super::arith::BinOp;
use super::compare;
use super::dicts;
use super::seq::contains;
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::dict::Dict;
use crate::object::{Payload, PyRef};

/// The key under which a set looks `item` up, with its hash: `item` itself, or for a `set`
/// (unhashable) a frozenset of its elements, as CPython's `set.__contains__`, `remove` and
/// `discard` do, so that `{1} in {frozenset({1})}` is true.
pub fn set_key<B: Backend>(ctx: &mut Ctx<'_, B>, item: &PyRef<B>) -> PyResult<B, (PyRef<B>, i64)> {
    if let Payload::Set(cell) = &item.payload {
        let table = item.read(cell, |t| t.clone());
        let key = ctx.vm.frozenset(table);
        let hash = compare::hash(ctx, &key)?;
        return Ok((key, hash));
    }
    let hash = compare::hash(ctx, item)?;
    Ok((item.clone(), hash))
}

/// A frozenset of the elements of `set`, a set object no other thread can see yet (its table
/// is moved, not copied).
pub fn freeze<B: Backend>(vm: &crate::Vm<B>, set: PyRef<B>) -> PyRef<B> {
    match &set.payload {
        Payload::Set(cell) => vm.frozenset(set.write(cell, std::mem::take)),
        _ => set,
    }
}

/// `a op b` for two sets or frozensets; `None` for an operator sets do not have.
pub fn set_op<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    a: &PyRef<B>,
    b: &PyRef<B>,
    op: BinOp,
    inplace: bool,
) -> PyResult<B, Option<PyRef<B>>> {
    let vm = ctx.vm;
    Ok(Some(match (&a.payload, &b.payload, op) {
        (
            Payload::Set(_),
            Payload::Set(_) | Payload::FrozenSet(_),
            BinOp::Or | BinOp::Sub | BinOp::Xor,
        ) if inplace => {
            // Element by element, each step one critical section (CPython's set_update_internal,
            // set_difference_update, set_symmetric_difference_update): an element another
            // thread adds meanwhile is never lost to a wholesale replacement.
            for k in dicts::keys_of(b) {
                match op {
                    BinOp::Or => dicts::set(ctx, a, k, None)?,
                    BinOp::Sub => drop(dicts::remove(ctx, a, &k)?),
                    _ => {
                        if dicts::remove(ctx, a, &k)?.is_none() {
                            dicts::set(ctx, a, k, None)?;
                        }
                    }
                }
            }
            a.clone()
        }
        (
            Payload::Set(_) | Payload::FrozenSet(_),
            Payload::Set(_) | Payload::FrozenSet(_),
            BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor,
        ) => {
            let (left, right) = (dicts::keys_of(a), dicts::keys_of(b));
            let result = vm.set(Dict::new());
            let (mut keep_left, mut keep_right) = (Vec::new(), Vec::new());
            for k in &left {
                let in_b = contains(ctx, b, k)?;
                let keep = match op {
                    BinOp::Or | BinOp::Xor | BinOp::Sub => !in_b || op == BinOp::Or,
                    _ => in_b,
                };
                if keep {
                    keep_left.push(k.clone());
                }
            }
            if matches!(op, BinOp::Or | BinOp::Xor) {
                for k in &right {
                    if !contains(ctx, a, k)? {
                        keep_right.push(k.clone());
                    }
                }
            }
            for k in keep_left.into_iter().chain(keep_right) {
                dicts::set(ctx, &result, k, None)?;
            }
            match &a.payload {
                // The result has the left operand's type, as in CPython; a frozenset's
                // in-place operator makes a new frozenset.
                Payload::FrozenSet(_) => freeze(vm, result),
                Payload::Set(cell) if inplace => {
                    let Payload::Set(rc) = &result.payload else { return Ok(Some(result)) };
                    let new = result.read(rc, |d| d.clone());
                    let old = a.write(cell, |d| std::mem::replace(d, new));
                    drop(old);
                    a.clone()
                }
                _ => result,
            }
        }
        _ => return Ok(None),
    }))
}
