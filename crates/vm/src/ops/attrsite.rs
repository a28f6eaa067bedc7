//! Attribute sites: `LOAD_ATTR` and `STORE_ATTR` on plain instances, specialized per
//! instruction as CPython 3.11's `LOAD_ATTR_INSTANCE_VALUE`/`STORE_ATTR_INSTANCE_VALUE` are
//! (PEP 659), without rewriting the shared bytecode.
//!
//! Each site has one word in its code object (`CodeRef::sites`). A site that has seen an
//! instance of class `C` whose class and MRO hold no attribute of the site's name (so no
//! descriptor, no method, and for a store no Python `__setattr__`) records
//! `site_key(C.tag, epoch)`. While the epoch is unchanged and the next object's class has that
//! tag, the load is one probe of the instance dict and the store one insert into it, skipping
//! the class lookup and the generic path. A second word (`CodeRef::aux`) remembers where in
//! the instance dict the name was last found; instances of one class usually store their
//! attributes in the same order, so the probe is usually one identity check of the entry
//! there (CPython's `LOAD_ATTR_WITH_HINT`). Anything else (a miss in the instance dict, a
//! different class, a changed class dict, exceptions, built-in subclasses, a store of a name
//! that the class's `__slots__` do not list, dunder names) takes the generic path
//! (`ops::attr`), which gives the same answer.
//!
//! Soundness is the type-attribute cache's (docs/safety.md, I8): the key is filled only after
//! a lookup that began by loading that epoch, and it is one atomic word, so no thread can pair
//! a tag with an epoch it was not checked at.

use super::{attr, dicts};
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::{CodeRef, Instance, Payload, PyRef, typever};
use std::sync::atomic::{AtomicU64, Ordering};

/// The instance and its class's tag when `obj` is a plain instance (no built-in value, no
/// exception state), the only objects sites specialize on.
#[inline(always)]
fn plain<B: Backend>(obj: &PyRef<B>) -> Option<(&Instance<B>, u64)> {
    match &obj.payload {
        Payload::Instance(inst) if inst.value.is_none() && inst.exc.is_none() => {
            match &inst.class.payload {
                Payload::Type(t) => Some((inst, t.tag)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Whether a site may specialize on `name`: dunder names have meanings of their own
/// (`__class__`, `__dict__`) that the generic path gives.
fn specializable(name: &str) -> bool {
    !(name.starts_with("__") && name.ends_with("__"))
}

/// `LOAD_ATTR` at instruction `at` of `code`: through its site unless `--no-attr-cache`.
/// Out of line, as `attr::getattr` is, so that the dispatch loop stays small.
#[inline(never)]
pub fn load<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    code: &CodeRef<B>,
    at: usize,
    obj: &PyRef<B>,
    name: &PyRef<B>,
) -> PyResult<B> {
    match (code.sites.get(at), code.aux.get(at)) {
        (Some(site), Some(hint)) if ctx.vm.options.attr_cache => {
            getattr_site(ctx, obj, name, site, hint)
        }
        _ => attr::getattr(ctx, obj, name),
    }
}

/// Whether instances of `cls` may hold `name` in their own storage: always, unless the class
/// has `__slots__` without `__dict__` that do not name it. A class's slots are fixed when it is
/// created, so a site keyed on its tag may rely on the answer.
fn slot_allowed<B: Backend>(cls: &PyRef<B>, name: &str) -> bool {
    match &cls.payload {
        Payload::Type(t) => t.slots.as_ref().is_none_or(|slots| slots.iter().any(|n| n == name)),
        _ => false,
    }
}

/// `STORE_ATTR` at instruction `at` of `code` (see [`load`]).
#[inline(never)]
pub fn store<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    code: &CodeRef<B>,
    at: usize,
    obj: &PyRef<B>,
    name: &PyRef<B>,
    value: PyRef<B>,
) -> PyResult<B, ()> {
    match (code.sites.get(at), code.aux.get(at)) {
        (Some(site), Some(hint)) if ctx.vm.options.attr_cache => {
            setattr_site(ctx, obj, name, value, site, hint)
        }
        _ => attr::setattr(ctx, obj, name, value),
    }
}

/// Records at `site` that the class in `key` has no class attribute of its name; `true`.
#[inline]
fn learned(site: &AtomicU64, key: u64) -> bool {
    // Relaxed: the word is self-contained (see the module docs).
    site.store(key, Ordering::Relaxed);
    true
}

/// `obj.name` at a `LOAD_ATTR` site.
#[inline(always)]
pub fn getattr_site<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    name: &PyRef<B>,
    site: &AtomicU64,
    hint: &AtomicU64,
) -> PyResult<B> {
    if let Some((inst, tag)) = plain(obj)
        && let Payload::Str(s) = &name.payload
        && let Some(key) = typever::site_key(tag, typever::epoch())
    {
        // Relaxed: as in `learned`.
        let known = site.load(Ordering::Relaxed) == key
            || specializable(s.as_str())
                && attr::class_attr(ctx, &inst.class, s.as_str(), s.hash()).is_none()
                && learned(site, key);
        if known && let Some(v) = dicts::get_hinted(obj, name, s.as_str(), s.hash(), hint) {
            return Ok(v);
        }
    }
    attr::getattr(ctx, obj, name)
}

/// `obj.name = value` at a `STORE_ATTR` site.
#[inline(always)]
pub fn setattr_site<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    name: &PyRef<B>,
    value: PyRef<B>,
    site: &AtomicU64,
    hint: &AtomicU64,
) -> PyResult<B, ()> {
    if let Some((inst, tag)) = plain(obj)
        && let Payload::Str(s) = &name.payload
        && let Some(key) = typever::site_key(tag, typever::epoch())
    {
        let cls = &inst.class;
        let known = site.load(Ordering::Relaxed) == key
            || slot_allowed(cls, s.as_str())
                && specializable(s.as_str())
                && attr::class_attr(ctx, cls, s.as_str(), s.hash()).is_none()
                && attr::user_hook(ctx, obj, "__setattr__", crate::hash_lit!("__setattr__"))
                    .is_none()
                && learned(site, key);
        if known {
            dicts::set_hinted(obj, name.clone(), value, hint);
            return Ok(());
        }
    }
    attr::setattr(ctx, obj, name, value)
}
