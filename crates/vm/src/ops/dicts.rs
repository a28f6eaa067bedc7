//! Dict and set operations on objects: hashing keys, resolving key equality (including
//! Python-level `__eq__`, which runs outside the backend's guard), get/set/delete, and what a
//! `dict.keys()`/`values()`/`items()` view holds and yields ([`View`], [`snapshot`]).

use super::compare;
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::dict::Dict;
use crate::object::str::hash_str;
use crate::object::{DictIterKind, Payload, PyRef};
use crate::vm::Vm;
use std::sync::atomic::{AtomicU64, Ordering};

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

/// After a write to `obj`'s table: a class's dict changed, so the type-attribute caches'
/// entries are stale (`object::typever`).
#[inline]
fn written<B: Backend>(obj: &PyRef<B>) {
    if let Payload::Type(_) = obj.payload {
        crate::object::typever::class_dict_changed();
    }
}

/// Runs `f` on the table of a dict, set, frozenset, instance or class: under the cell's guard,
/// or directly for a frozenset, whose table never changes once the object exists. `None` for
/// other objects.
#[inline]
pub fn read_table<B: Backend, R>(obj: &PyRef<B>, f: impl FnOnce(&Dict<B>) -> R) -> Option<R> {
    match &obj.payload {
        Payload::FrozenSet(fs) => Some(f(&fs.table)),
        _ => table(obj).map(|cell| obj.read(cell, f)),
    }
}

/// Whether `obj` is a `set` or a `frozenset`.
#[inline]
pub fn is_anyset<B: Backend>(obj: &PyRef<B>) -> bool {
    matches!(obj.payload, Payload::Set(_) | Payload::FrozenSet(_))
}

/// The keys of a dict or the elements of a set or frozenset, copied out of the table in one
/// read (empty for other objects).
pub fn keys_of<B: Backend>(obj: &PyRef<B>) -> Vec<PyRef<B>> {
    match &obj.payload {
        Payload::Dict(_) | Payload::Set(_) | Payload::FrozenSet(_) => {
            read_table(obj, |t| t.iter().map(|e| e.key.clone()).collect()).unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

/// The number of entries of a dict, set or frozenset (0 for other objects).
pub fn len_of<B: Backend>(obj: &PyRef<B>) -> usize {
    match &obj.payload {
        Payload::Dict(_) | Payload::Set(_) | Payload::FrozenSet(_) => {
            read_table(obj, |t| t.len()).unwrap_or(0)
        }
        _ => 0,
    }
}

/// Looks `key` up under the guard, deciding equality without Python code: `Some(position)`
/// when decided, `None` when some stored key with the same hash needs a Python `__eq__`.
fn probe<B: Backend>(d: &Dict<B>, key: &PyRef<B>, hash: i64) -> Option<Option<usize>> {
    let mut undecided = false;
    let pos = d.find(hash, |k| match key_eq_fast(k, key) {
        Some(eq) => eq,
        None => {
            undecided = true;
            false
        }
    });
    if pos.is_some() || !undecided { Some(pos) } else { None }
}

/// The stored key equal to `key` by Python `__eq__`, compared outside the guard (the
/// comparison may run any Python code, including code that mutates this table). The caller
/// finds it again by identity under the guard where it acts: positions read under one guard are
/// never used under another (`docs/safety.md`, rule G1).
fn equal_stored_key<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    key: &PyRef<B>,
    hash: i64,
) -> PyResult<B, Option<PyRef<B>>> {
    let candidates = read_table(obj, |d| d.same_hash(hash)).unwrap_or_default();
    for cand in candidates {
        if compare::eq(ctx, &cand, key)? {
            return Ok(Some(cand));
        }
    }
    Ok(None)
}

/// Whether the table of `obj` holds `key` (with `hash`).
pub fn has_key<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    key: &PyRef<B>,
    hash: i64,
) -> PyResult<B, bool> {
    let Some(decided) = read_table(obj, |d| probe(d, key, hash)) else { return Ok(false) };
    if let Some(pos) = decided {
        return Ok(pos.is_some());
    }
    Ok(equal_stored_key(ctx, obj, key, hash)?.is_some())
}

/// `d[key]` lookup: the value, or `None` if absent.
pub fn get<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    key: &PyRef<B>,
) -> PyResult<B, Option<PyRef<B>>> {
    let hash = compare::hash(ctx, key)?;
    let value_at = |d: &Dict<B>, pos: Option<usize>| {
        pos.and_then(|p| d.get_at(p)).and_then(|e| e.value.clone())
    };
    let Some(decided) = read_table(obj, |d| probe(d, key, hash).map(|pos| value_at(d, pos))) else {
        return Ok(None);
    };
    if let Some(v) = decided {
        return Ok(v);
    }
    let Some(stored) = equal_stored_key(ctx, obj, key, hash)? else { return Ok(None) };
    // Gone since the comparison: the lookup is ordered after the removal.
    Ok(read_table(obj, |d| value_at(d, d.find(hash, |k| k.is(&stored)))).flatten())
}

/// `d[key] = value` (or `s.add(key)` with `value == None`).
pub fn set<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    key: PyRef<B>,
    value: Option<PyRef<B>>,
) -> PyResult<B, ()> {
    let hash = compare::hash(ctx, &key)?;
    let Some(cell) = table(obj) else { return Ok(()) };
    // Found or absent, decided and acted on in one critical section; the replaced value (and,
    // when undecided, the key and value themselves) come back out to be released unguarded.
    let first = obj.write(cell, |d| match probe(d, &key, hash) {
        Some(Some(p)) => Ok(d.set_at(p, value)),
        Some(None) => {
            d.push_new(hash, key, value);
            Ok(None)
        }
        None => Err((key, value)),
    });
    let (key, value) = match first {
        Ok(replaced) => {
            written(obj);
            drop(replaced);
            return Ok(());
        }
        Err(kv) => kv,
    };
    let stored = equal_stored_key(ctx, obj, &key, hash)?;
    let replaced = obj.write(cell, |d| {
        match stored.as_ref().and_then(|s| d.find(hash, |k| k.is(s))) {
            Some(p) => (d.set_at(p, value), Some(key)),
            // Absent, or removed since the comparison: added as a new key. An equal key added
            // meanwhile by another thread is a Python-level race; the table then holds both,
            // as a racing free-threaded CPython may, and stays consistent.
            None => {
                d.push_new(hash, key, value);
                (None, None)
            }
        }
    });
    written(obj);
    drop(replaced);
    Ok(())
}

/// `d.setdefault(key, default)`: the value stored under `key`, storing `default` first if the
/// key is absent — decided and done in one critical section, so two racing calls agree on one
/// value.
pub fn set_default<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    key: PyRef<B>,
    default: PyRef<B>,
) -> PyResult<B, PyRef<B>> {
    let hash = compare::hash(ctx, &key)?;
    let Some(cell) = table(obj) else { return Ok(default) };
    let fill = |d: &mut Dict<B>, pos: Option<usize>, key: PyRef<B>, default: PyRef<B>| match pos
        .and_then(|p| d.get_at(p))
    {
        Some(e) => (e.value.clone().unwrap_or_else(|| default.clone()), Some((key, default))),
        None => {
            d.push_new(hash, key, Some(default.clone()));
            (default, None)
        }
    };
    let first = obj.write(cell, |d| match probe(d, &key, hash) {
        Some(pos) => Ok(fill(d, pos, key, default)),
        None => Err((key, default)),
    });
    let (key, default) = match first {
        Ok((value, unused)) => {
            written(obj);
            drop(unused);
            return Ok(value);
        }
        Err(kd) => kd,
    };
    let stored = equal_stored_key(ctx, obj, &key, hash)?;
    let (value, unused) = obj.write(cell, |d| {
        let pos = stored.as_ref().and_then(|s| d.find(hash, |k| k.is(s)));
        fill(d, pos, key, default)
    });
    written(obj);
    drop(unused);
    Ok(value)
}

/// `del d[key]` / `s.discard(key)`: the removed entry, or `None` if absent (the caller raises
/// `KeyError` where Python does).
pub fn remove<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    key: &PyRef<B>,
) -> PyResult<B, Option<crate::object::dict::Entry<B>>> {
    let hash = compare::hash(ctx, key)?;
    let Some(cell) = table(obj) else { return Ok(None) };
    if let Some(entry) =
        obj.write(cell, |d| probe(d, key, hash).map(|p| p.and_then(|p| d.remove_at(p))))
    {
        written(obj);
        return Ok(entry);
    }
    let Some(stored) = equal_stored_key(ctx, obj, key, hash)? else { return Ok(None) };
    let entry = obj.write(cell, |d| d.find(hash, |k| k.is(&stored)).and_then(|p| d.remove_at(p)));
    written(obj);
    Ok(entry)
}

/// Whether the key `k` is a str with text `name` (namespace lookups by text).
#[inline(always)]
pub fn is_text<B: Backend>(k: &PyRef<B>, name: &str) -> bool {
    matches!(&k.payload, Payload::Str(s) if crate::object::str::text_eq(s.as_str(), name))
}

/// Lookup of a str key in a namespace dict (globals, class and instance dicts) by text.
#[inline]
pub fn get_str<B: Backend>(obj: &PyRef<B>, name: &str, hash: i64) -> Option<PyRef<B>> {
    let cell = table(obj)?;
    obj.read(cell, |d| {
        let pos = d.find(hash, |k| is_text(k, name))?;
        d.get_at(pos).and_then(|e| e.value.clone())
    })
}

/// Lookup of the str `name` (text `text`, hash `hash`) starting from a remembered position:
/// the entry at `hint` answers if its key is `name` itself; otherwise the table is probed and
/// the position found is remembered. The hint is only a guess, checked by identity under the
/// same guard that reads the value (docs/safety.md, G1), so any thread may overwrite it.
#[inline]
pub fn get_hinted<B: Backend>(
    obj: &PyRef<B>,
    name: &PyRef<B>,
    text: &str,
    hash: i64,
    hint: &AtomicU64,
) -> Option<PyRef<B>> {
    let cell = table(obj)?;
    // Relaxed: a hint carries no data (see above).
    let h = hint.load(Ordering::Relaxed) as usize;
    let (v, found) = obj.read(cell, |d| match d.value_if_key_at(h, name) {
        Some(v) => (Some(v.clone()), None),
        None => {
            let pos = d.find(hash, |k| is_text(k, text));
            (pos.and_then(|p| d.value_at(p)).cloned(), pos)
        }
    });
    if let Some(p) = found {
        hint.store(p as u64, Ordering::Relaxed);
    }
    v
}

/// Stores `value` under the str key `name` (hash `hash`) in `d`, keeping an equal key already
/// there, as CPython does: the key's position, and what the caller drops after leaving the
/// guard (the value replaced and the unused new key).
type Leftover<B> = (Option<PyRef<B>>, Option<PyRef<B>>);

fn put_name<B: Backend>(
    d: &mut Dict<B>,
    hash: i64,
    name: PyRef<B>,
    value: PyRef<B>,
) -> (usize, Leftover<B>) {
    match d.find(hash, |k| k.is(&name) || as_text(k) == as_text(&name)) {
        Some(p) => (p, (d.set_at(p, Some(value)), Some(name))),
        None => (d.push_new_at(hash, name, Some(value)), (None, None)),
    }
}

/// `set_name` starting from a remembered position (see [`get_hinted`]).
#[inline]
pub fn set_hinted<B: Backend>(obj: &PyRef<B>, name: PyRef<B>, value: PyRef<B>, hint: &AtomicU64) {
    let Payload::Str(s) = &name.payload else { return };
    let hash = s.hash();
    let Some(cell) = table(obj) else { return };
    // Relaxed: as in `get_hinted`.
    let h = hint.load(Ordering::Relaxed) as usize;
    // The hit is one small write; a miss stores as `set_name` does and remembers where.
    match obj.write(cell, |d| d.replace_if_key_at(h, &name, value)) {
        Ok(old) => {
            written(obj);
            drop(old);
        }
        Err(value) => {
            let (pos, leftover) = obj.write(cell, |d| put_name(d, hash, name, value));
            written(obj);
            drop(leftover);
            hint.store(pos as u64, Ordering::Relaxed);
        }
    }
}

/// Whether a namespace dict has a str key with text `name`.
#[inline]
pub fn has_str<B: Backend>(obj: &PyRef<B>, name: &str, hash: i64) -> bool {
    read_table(obj, |d| d.find(hash, |k| is_text(k, name)).is_some()).unwrap_or(false)
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
    let (_, leftover) = obj.write(cell, |d| put_name(d, hash, name, value));
    written(obj);
    drop(leftover);
}

/// Removes a str key; the removed value, if any.
pub fn del_name<B: Backend>(obj: &PyRef<B>, name: &str) -> Option<PyRef<B>> {
    let cell = table(obj)?;
    let hash = hash_str(name);
    let entry = obj.write(cell, |d| {
        let pos = d.find(hash, |k| is_text(k, name))?;
        d.remove_at(pos)
    });
    written(obj);
    entry?.value
}

#[inline]
fn as_text<B: Backend>(k: &PyRef<B>) -> Option<&str> {
    match &k.payload {
        Payload::Str(s) => Some(s.as_str()),
        _ => None,
    }
}

/// The Rust value inside a `dict_keys`, `dict_values` or `dict_items` view object (a
/// `Payload::Native` whose class `builtins::methods::views` makes).
pub struct View<B: Backend> {
    /// The dict viewed (a `Payload::Dict`).
    pub dict: PyRef<B>,
    /// What the view yields.
    pub kind: DictIterKind,
}

impl<B: Backend> View<B> {
    /// A view of `dict` yielding `kind`.
    pub fn new(dict: PyRef<B>, kind: DictIterKind) -> View<B> {
        View { dict, kind }
    }
}

/// The view inside `obj`, if `obj` is a dict view.
pub fn as_view<B: Backend>(obj: &PyRef<B>) -> Option<&View<B>> {
    match &obj.payload {
        Payload::Native(n) => n.data.downcast_ref::<View<B>>(),
        _ => None,
    }
}

/// What a view of `dict` yields now, in order, copied in one read of the dict: as in CPython,
/// where `list(d.items())` runs no bytecode, a concurrent insert or delete lands before or
/// after the copy and never shows as "changed size during iteration". Pairs are copied out
/// under the guard and the item tuples built after it.
pub fn snapshot<B: Backend>(vm: &Vm<B>, dict: &PyRef<B>, kind: DictIterKind) -> Vec<PyRef<B>> {
    let Payload::Dict(cell) = &dict.payload else { return Vec::new() };
    let pairs: Vec<(PyRef<B>, Option<PyRef<B>>)> =
        dict.read(cell, |d| d.iter().map(|e| (e.key.clone(), e.value.clone())).collect());
    pairs
        .into_iter()
        .map(|(k, v)| {
            let v = v.unwrap_or_else(|| vm.core.none.clone());
            match kind {
                DictIterKind::Keys => k,
                DictIterKind::Values => v,
                DictIterKind::Items => vm.tuple(vec![k, v]),
            }
        })
        .collect()
}
