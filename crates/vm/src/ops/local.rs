//! `threading.local` (CPython's `_thread._local`): an object whose attributes each thread sees
//! separately.
//!
//! An instance of `local` (or of a Python subclass) is a `Payload::Instance` whose `value` is a
//! hidden native `_localstate` object ([`LocalState`]: a process-unique id, and the
//! constructor's arguments). The attribute dicts live on the threads' side: each thread's
//! [`Ctx`] holds a [`LocalSlots`] map from local id to that thread's dict, so reading an
//! attribute takes only the reading thread's own (uncontended) mutex, never a lock shared
//! between threads. The attribute paths in `ops::attr` ask [`dict_of`] for the dict in place of
//! the instance dict. The class and its constructor are in
//! `builtins/modules/thread_local.rs`.
//!
//! As in CPython: the creating thread's dict is made when the object is; another thread's is
//! made on its first access, and then the class's `__init__` (if it is not `local`'s own) runs
//! with the constructor's arguments (an exception from it removes the dict again); `local(1)`
//! itself is "Initialization arguments are not supported"; `__dict__` is the calling thread's
//! dict and cannot be replaced.
//!
//! Lifetimes: a thread's dicts go when its `Ctx` is dropped (the thread ends; still attached,
//! docs/safety.md I1). When a local object goes, its [`LocalState`] removes its dict from every
//! thread that made one (it keeps `Weak` references to their slots), so the values go with it
//! as they do in CPython. Removed dicts are always dropped after the slot mutex is released.

use super::attr;
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::dict::Dict;
use crate::object::{Instance, NativeObj, Payload, PyRef};
use parking_lot::Mutex;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Weak};

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// Hashes a local's id (a counter) by one multiplication: cheap, and it spreads sequential
/// ids over the table's control bits.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8 | u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, id: u64) {
        self.0 = id.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type SlotMap<B> = HashMap<u64, PyRef<B>, BuildHasherDefault<IdHasher>>;

/// One thread's attribute dicts of every local object it has touched, by local id. Only
/// its thread reads it; a dying local takes its entry out from whichever thread drops it.
pub struct LocalSlots<B: Backend> {
    map: Mutex<SlotMap<B>>,
}

impl<B: Backend> LocalSlots<B> {
    /// Takes every dict out, for the thread's end (the caller drops them, still attached).
    pub(crate) fn take_all(&self) -> Vec<PyRef<B>> {
        let map = std::mem::take(&mut *self.map.lock());
        map.into_values().collect()
    }
}

/// The native state behind one local object.
pub struct LocalState<B: Backend> {
    id: u64,
    /// The constructor's arguments (positional values, then keyword values), for `__init__`
    /// in the threads that touch the object later.
    args: Box<[PyRef<B>]>,
    kwnames: Box<[PyRef<B>]>,
    /// The slots of every thread that has a dict for this object.
    threads: Mutex<Vec<Weak<LocalSlots<B>>>>,
}

impl<B: Backend> Drop for LocalState<B> {
    fn drop(&mut self) {
        let threads = std::mem::take(&mut *self.threads.lock());
        let mut dicts = Vec::new();
        for slots in threads.iter().filter_map(Weak::upgrade) {
            let removed = slots.map.lock().remove(&self.id);
            dicts.extend(removed);
        }
        // Dropped here, outside every slot mutex.
        drop(dicts);
    }
}

/// The `LocalState` of a local object's `value`, or `None` for every other value (the
/// built-in value of a subclass of `list`, `int`, ...).
#[inline]
fn state_of<B: Backend>(value: &PyRef<B>) -> Option<&LocalState<B>> {
    match &value.payload {
        Payload::Native(n) => n.data.downcast_ref::<LocalState<B>>(),
        _ => None,
    }
}

/// Whether `inst` is a local object.
#[inline]
pub fn is_local<B: Backend>(inst: &Instance<B>) -> bool {
    inst.value.as_ref().is_some_and(|v| state_of(v).is_some())
}

/// The calling thread's slots (made on first use).
fn slots<B: Backend>(ctx: &mut Ctx<'_, B>) -> Arc<LocalSlots<B>> {
    ctx.thread_locals
        .get_or_insert_with(|| Arc::new(LocalSlots { map: Mutex::new(SlotMap::default()) }))
        .clone()
}

/// This thread's existing dict for `state`, if it has one.
#[inline]
fn existing<B: Backend>(ctx: &Ctx<'_, B>, state: &LocalState<B>) -> Option<PyRef<B>> {
    // Cloned out, so that no dict is touched while the mutex is held.
    ctx.thread_locals.as_ref()?.map.lock().get(&state.id).cloned()
}

/// A new empty dict for `state` in the calling thread.
fn insert<B: Backend>(ctx: &mut Ctx<'_, B>, state: &LocalState<B>) -> PyRef<B> {
    let dict = ctx.vm.dict(Dict::new());
    let mine = slots(ctx);
    mine.map.lock().insert(state.id, dict.clone());
    let mut threads = state.threads.lock();
    threads.retain(|w| w.strong_count() > 0);
    threads.push(Arc::downgrade(&mine));
    dict
}

/// The calling thread's attribute dict of `obj` when it is a local object (`inst` being its
/// payload): made on this thread's first access, running the class's `__init__` with the
/// constructor's arguments. `Ok(None)` for every other instance.
pub fn dict_of<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    inst: &Instance<B>,
) -> PyResult<B, Option<PyRef<B>>> {
    let Some(state) = inst.value.as_ref().and_then(|v| state_of(v)) else { return Ok(None) };
    if let Some(d) = existing(ctx, state) {
        return Ok(Some(d));
    }
    let dict = insert(ctx, state);
    let init = attr::lookup_in_type(&inst.class, "__init__", crate::hash_lit!("__init__"));
    if let Some(init) = init
        && !matches!(init.payload, Payload::Builtin(_))
    {
        let r = attr::call_special(ctx, init, obj, &inst.class, &state.args, &state.kwnames);
        if let Err(e) = r {
            let removed = ctx.thread_locals.as_ref().and_then(|s| s.map.lock().remove(&state.id));
            drop(removed);
            return Err(e);
        }
    }
    Ok(Some(dict))
}

/// `AttributeError` for assigning or deleting a local's `__dict__`.
pub fn dict_read_only<B: Backend>(ctx: &Ctx<'_, B>, obj: &PyRef<B>) -> crate::ctx::PyErr<B> {
    let name = crate::ops::type_name(ctx.vm, obj);
    ctx.attribute_error(format!("'{name}' object attribute '__dict__' is read-only"))
}

/// A new local object's state, with the calling (creating) thread's dict already made; the
/// arguments are the constructor's (positional values, then keyword values named by
/// `kwnames`).
pub fn new_state<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    class: PyRef<B>,
    args: &[PyRef<B>],
    kwnames: &[PyRef<B>],
) -> PyRef<B> {
    let state = LocalState {
        // Relaxed: only uniqueness matters.
        id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        args: args.into(),
        kwnames: kwnames.into(),
        threads: Mutex::new(Vec::new()),
    };
    drop(insert(ctx, &state));
    PyRef::new(Payload::Native(Box::new(NativeObj { class, data: Box::new(state) })))
}
