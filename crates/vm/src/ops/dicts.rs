//! Dict and set operations on objects: hashing keys, resolving key equality (including
//! Python-level `__eq__`, which runs outside the backend's guard), get/set/delete.

use super::compare;
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::dict::Dict;
use crate::object::str::hash_str;
use crate::object::{Payload, PyRef};

/// Equality of two keys decided without running Python code, or `None` if it needs `__eq__`.
pub fn key_eq_fast<B: Backend>(a: &PyRef<B>, b: &PyRef<B>) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    compare::eq_builtin(a, b)
}

/// The table inside a dict or set object, or the namespace of an instance or class.
pub fn table<B: Backend>(obj: &PyRef<B>) -> Option<&B::Cell<Dict<B>>> {
    match &obj.payload {
        Payload::Dict(d) | Payload::Set(d) => Some(d),
        Payload::Instance(i) => Some(&i.dict),
        Payload::Type(t) => Some(&t.dict),
        _ => None,
    }
}

/// Finds `key` (with `hash`) in the table of `obj`: its dense position.
pub fn find<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    key: &PyRef<B>,
    hash: i64,
) -> PyResult<B, Option<usize>> {
    let Some(cell) = table(obj) else { return Ok(None) };
    let mut undecided = false;
    let pos = obj.read(cell, |d| {
        d.find(hash, |k| match key_eq_fast(k, key) {
            Some(eq) => eq,
            None => {
                undecided = true;
                false
            }
        })
    });
    if pos.is_some() || !undecided {
        return Ok(pos);
    }
    // Some stored key with the same hash needs a Python `__eq__`: compare outside the guard,
    // then find the matching stored key again by identity.
    let candidates = obj.read(cell, |d| d.same_hash(hash));
    for cand in candidates {
        if compare::eq(ctx, &cand, key)? {
            return Ok(obj.read(cell, |d| d.find(hash, |k| k.is(&cand))));
        }
    }
    Ok(None)
}

/// `d[key]` lookup: the value, or `None` if absent.
pub fn get<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    key: &PyRef<B>,
) -> PyResult<B, Option<PyRef<B>>> {
    let hash = compare::hash(ctx, key)?;
    let Some(pos) = find(ctx, obj, key, hash)? else { return Ok(None) };
    let cell = table(obj).expect("checked by find");
    Ok(obj.read(cell, |d| d.get_at(pos).and_then(|e| e.value.clone())))
}

/// `d[key] = value` (or `s.add(key)` with `value == None`).
pub fn set<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    key: PyRef<B>,
    value: Option<PyRef<B>>,
) -> PyResult<B, ()> {
    let hash = compare::hash(ctx, &key)?;
    let pos = find(ctx, obj, &key, hash)?;
    let Some(cell) = table(obj) else { return Ok(()) };
    let replaced = obj.write(cell, |d| match pos {
        // Another thread may have removed it meanwhile: then the position holds nothing and
        // the key is added again.
        Some(p) if d.get_at(p).is_some() => (d.set_at(p, value), None),
        _ => d.insert(hash, key, value, |k| key_eq_fast_identity(k)),
    });
    drop(replaced);
    Ok(())
}

fn key_eq_fast_identity<B: Backend>(_: &PyRef<B>) -> bool {
    // Used only after `find` established absence: a concurrent insert of an equal key is a
    // Python-level race, and the table then keeps both (as a racing free-threaded CPython
    // may); it never corrupts the table.
    false
}

/// `del d[key]` / `s.discard(key)`: the removed entry's value, or `Err(())`-like `None` if
/// absent (the caller raises `KeyError` where Python does).
pub fn remove<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    key: &PyRef<B>,
) -> PyResult<B, Option<crate::object::dict::Entry<B>>> {
    let hash = compare::hash(ctx, key)?;
    let Some(pos) = find(ctx, obj, key, hash)? else { return Ok(None) };
    let cell = table(obj).expect("checked by find");
    Ok(obj.write(cell, |d| d.remove_at(pos)))
}

/// Lookup of a str key in a namespace dict (globals, class and instance dicts) by text.
#[inline]
pub fn get_str<B: Backend>(obj: &PyRef<B>, name: &str, hash: i64) -> Option<PyRef<B>> {
    let cell = table(obj)?;
    obj.read(cell, |d| {
        let pos = d.find(hash, |k| match &k.payload {
            Payload::Str(s) => s.as_str() == name,
            _ => false,
        })?;
        d.get_at(pos).and_then(|e| e.value.clone())
    })
}

/// Lookup by a str object (uses its cached hash).
#[inline]
pub fn get_name<B: Backend>(obj: &PyRef<B>, name: &PyRef<B>) -> Option<PyRef<B>> {
    match &name.payload {
        Payload::Str(s) => get_str(obj, s.as_str(), s.hash()),
        _ => None,
    }
}

/// Lookup by Rust text.
pub fn get_text<B: Backend>(obj: &PyRef<B>, name: &str) -> Option<PyRef<B>> {
    get_str(obj, name, hash_str(name))
}

/// Stores under a str key (namespaces); returns the replaced value for the caller to drop.
pub fn set_name<B: Backend>(obj: &PyRef<B>, name: PyRef<B>, value: PyRef<B>) {
    let Payload::Str(s) = &name.payload else { return };
    let hash = s.hash();
    let Some(cell) = table(obj) else { return };
    let probe = name.clone();
    let replaced = obj.write(cell, |d| {
        d.insert(hash, name, Some(value), |k| k.is(&probe) || as_text(k) == as_text(&probe))
    });
    drop(replaced);
}

/// Removes a str key; the removed value, if any.
pub fn del_name<B: Backend>(obj: &PyRef<B>, name: &str) -> Option<PyRef<B>> {
    let cell = table(obj)?;
    let hash = hash_str(name);
    let entry = obj.write(cell, |d| {
        let pos = d.find(hash, |k| matches!(&k.payload, Payload::Str(s) if s.as_str() == name))?;
        d.remove_at(pos)
    })?;
    entry.value
}

#[inline]
fn as_text<B: Backend>(k: &PyRef<B>) -> Option<&str> {
    match &k.payload {
        Payload::Str(s) => Some(s.as_str()),
        _ => None,
    }
}
