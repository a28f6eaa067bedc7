//! Sorting for `list.sort` and `sorted`: one stable merge sort with a fallible comparison,
//! used two ways.
//!
//! - [`sort_values`] compares with Python's `<` (which may run `__lt__`) and key functions,
//!   outside any guard.
//! - [`sort_plain`] sorts a key-less vector of *plain* values (`compare::is_plain`: numbers,
//!   `str`, `bytes`, `None` and tuples of them) with `compare::lt_plain`, which runs no Python
//!   code and reads no cell. `list.sort` runs it inside the list's write guard, so that the sort
//!   is one step, as in CPython (whose sort of such a list runs no bytecode and so never
//!   switches threads): a racing append lands before or after it, never in between.
//!
//! Both make the same comparisons in the same order (`sort_indices`), so they put values in the
//! same order and stop at the same unorderable pair, and the `TypeError` names the same two
//! types. On that error the values are left as they were.

use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::PyRef;
use crate::ops::{call, compare};
use compare::Unorderable;
use std::cmp::Ordering;

/// Sorts `items` stably by `key` (or the items themselves), `reverse` keeping stability.
/// `after_python` runs after every key call and comparison (each may have run Python code).
/// Without a key, plain values are sorted by [`sort_plain`] (no Python code runs then, so
/// `after_python` is not called).
pub fn sort_values<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    mut items: Vec<PyRef<B>>,
    key: Option<&PyRef<B>>,
    reverse: bool,
    mut after_python: impl FnMut(),
) -> PyResult<B, Vec<PyRef<B>>> {
    if key.is_none() {
        match sort_plain(&mut items, reverse) {
            Some(Ok(())) => return Ok(items),
            Some(Err(e)) => return Err(ctx.type_error(e.message())),
            None => {}
        }
    }
    let keys = match key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for it in &items {
                let r = call::call(ctx, k, std::slice::from_ref(it), &[]);
                after_python();
                ks.push(r?);
            }
            ks
        }
        None => items.clone(),
    };
    let mut err = None;
    let mut less = |a: usize, b: usize| -> bool {
        if err.is_some() {
            return false;
        }
        let r = compare::lt(ctx, &keys[a], &keys[b]);
        after_python();
        match r {
            Ok(r) => r,
            Err(e) => {
                err = Some(e);
                false
            }
        }
    };
    let order = sort_indices(items.len(), reverse, &mut less);
    if let Some(e) = err {
        return Err(e);
    }
    Ok(order.into_iter().map(|i| items[i].clone()).collect())
}

/// Sorts `v` in place, stably (with `reverse`, descending with equal values in their original
/// order), if every value is plain (`compare::is_plain`); `None`, with `v` untouched, otherwise.
/// `Some(Err(pair))` names the first pair that `<` does not order, with `v` left as it was.
///
/// Runs no Python code and touches no cell, moves references without counting them, and drops
/// none: it may run inside the guard of the list that holds `v` (`docs/safety.md`, I3).
pub fn sort_plain<B: Backend>(
    v: &mut Vec<PyRef<B>>,
    reverse: bool,
) -> Option<Result<(), Unorderable>> {
    if !v.iter().all(compare::is_plain) {
        return None;
    }
    if sort_total(v, reverse) {
        return Some(Ok(()));
    }
    let mut err = None;
    let order = {
        let items: &[PyRef<B>] = v;
        let mut less = |a: usize, b: usize| -> bool {
            if err.is_some() {
                return false;
            }
            compare::lt_plain(&items[a], &items[b]).unwrap_or_else(|e| {
                err = Some(e);
                false
            })
        };
        sort_indices(items.len(), reverse, &mut less)
    };
    if let Some(e) = err {
        return Some(Err(e));
    }
    let mut slots: Vec<Option<PyRef<B>>> = std::mem::take(v).into_iter().map(Some).collect();
    *v = order.into_iter().filter_map(|i| slots[i].take()).collect();
    Some(Ok(()))
}

/// Sorts `v` with the standard library's stable sort when its values are totally ordered: all
/// `str`, or all numbers and none a NaN. A stable sort's result is then unique, so it is the
/// one [`sort_indices`] would give. `false` (and `v` untouched) otherwise.
fn sort_total<B: Backend>(v: &mut [PyRef<B>], reverse: bool) -> bool {
    use crate::object::Payload;
    let order = |o: Ordering| if reverse { o.reverse() } else { o };
    if v.iter().all(|x| matches!(x.payload, Payload::Str(_))) {
        // `str`'s order (UTF-8 bytes) is Python's code-point order.
        v.sort_by(|a, b| match (&a.payload, &b.payload) {
            (Payload::Str(x), Payload::Str(y)) => order(x.as_str().cmp(y.as_str())),
            _ => Ordering::Equal,
        });
        return true;
    }
    let numbers = v.iter().all(|x| match compare::as_num(x) {
        Some(compare::Num::Float(f)) => !f.is_nan(),
        Some(_) => true,
        None => false,
    });
    if !numbers {
        return false;
    }
    v.sort_by(|a, b| match (compare::as_num(a), compare::as_num(b)) {
        (Some(x), Some(y)) => order(compare::num_cmp(&x, &y).unwrap_or(Ordering::Equal)),
        _ => Ordering::Equal,
    });
    true
}

/// The positions `0..n` in sorted order by `less`, a merge sort that is stable and, with
/// `reverse`, descending while keeping equal values in their original order (as Python's).
/// `less` may be inconsistent (NaN) or fail part-way (it then returns `false` from then on):
/// the result is still a permutation.
fn sort_indices(
    n: usize,
    reverse: bool,
    less: &mut impl FnMut(usize, usize) -> bool,
) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    if reverse {
        merge_sort(&mut idx, &mut |a, b| less(b, a));
    } else {
        merge_sort(&mut idx, less);
    }
    idx
}

fn merge_sort(v: &mut [usize], less: &mut impl FnMut(usize, usize) -> bool) {
    if v.len() <= 1 {
        return;
    }
    if v.len() <= 16 {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && less(v[j], v[j - 1]) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let mid = v.len() / 2;
    merge_sort(&mut v[..mid], less);
    merge_sort(&mut v[mid..], less);
    let mut merged = Vec::with_capacity(v.len());
    let (mut i, mut j) = (0, mid);
    while i < mid && j < v.len() {
        if less(v[j], v[i]) {
            merged.push(v[j]);
            j += 1;
        } else {
            merged.push(v[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&v[i..mid]);
    merged.extend_from_slice(&v[j..]);
    v.copy_from_slice(&merged);
}
