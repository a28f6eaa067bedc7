//! Immortal objects (PEP 683): objects that every thread reads and none frees before the VM
//! ends, whose reference counts a backend may stop updating ([`Backend::immortalize`]), so
//! that threads sharing them write nothing shared.
//!
//! Which objects: the VM's singletons, small ints, built-in classes, the `builtins` and
//! `sys.modules` namespaces, interned strs, each module's code objects with their constants
//! and names, modules and their namespaces, built-in functions, and the functions and classes
//! made by module and class bodies (as free-threaded CPython defers their counts; here they
//! are immortal instead). A function or class made inside a function stays mortal.
//!
//! The registry keeps one counted reference to each object a backend made immortal (so its
//! true count never reaches zero, whatever a racing update did), and [`Immortals::teardown`]
//! frees them in two steps once the program is over: first their payloads are dropped (which
//! releases their mortal children, while every immortal block is still allocated), then, after
//! the backend itself was dropped (so no deferred destructor that could still touch an
//! immortal is pending), their blocks. On a backend that keeps counting (`immortalize`
//! returns `false`) nothing is registered and the objects die by their counts as before.

use super::{Object, Payload, PyRef, free_now};
use crate::backend::Backend;
use std::ptr::NonNull;
use std::sync::Mutex;

/// A pointer to an immortal object, owning the registry's reference to it.
struct Entry<B: Backend>(NonNull<Object<B>>);

// SAFETY: the entry is a counted reference (a forgotten `PyRef`), and `PyRef` is `Send`.
unsafe impl<B: Backend> Send for Entry<B> {}

/// The VM's immortal objects.
pub struct Immortals<B: Backend> {
    entries: Mutex<Vec<Entry<B>>>,
}

impl<B: Backend> Default for Immortals<B> {
    fn default() -> Self {
        Immortals { entries: Mutex::new(Vec::new()) }
    }
}

impl<B: Backend> Immortals<B> {
    /// Makes `obj` immortal if the backend supports it and it is not already; the caller is
    /// attached and holds `obj`.
    pub fn add(&self, obj: &PyRef<B>) {
        if B::is_immortal(&obj.rc) {
            return;
        }
        // The registry's own counted reference, taken before the count stops moving.
        let owned = obj.clone();
        if B::immortalize(&owned.rc) {
            let ptr = owned.ptr;
            std::mem::forget(owned);
            self.entries.lock().unwrap_or_else(|e| e.into_inner()).push(Entry(ptr));
        }
    }

    /// Drops every immortal's payload (releasing its mortal children) and leaves the object
    /// an empty shell (`None`'s payload); returns the shells for [`Immortals::free`].
    ///
    /// # Safety
    /// The calling thread is attached, no other thread runs Python code in this VM any more,
    /// and no reference to an immortal is used afterwards except by dropping it (a decref on
    /// an immortal touches only its count).
    pub unsafe fn empty(&self) -> Shells<B> {
        let entries = std::mem::take(&mut *self.entries.lock().unwrap_or_else(|e| e.into_inner()));
        let payloads: Vec<Payload<B>> = entries
            .iter()
            .map(|e| {
                // SAFETY: the registry's reference keeps the object allocated; no other
                // thread runs (the caller's contract) and nothing on this one borrows the
                // payload now, so replacing it through the raw pointer aliases nothing.
                unsafe { std::ptr::replace(&raw mut (*e.0.as_ptr()).payload, Payload::None) }
            })
            .collect();
        // Releases the children: mortal ones die (possibly deferred by the backend), immortal
        // ones only see a decref, which their still-allocated count ignores.
        drop(payloads);
        Shells(entries)
    }
}

/// Immortal objects whose payloads are gone, waiting for their blocks to be freed.
pub struct Shells<B: Backend>(Vec<Entry<B>>);

impl<B: Backend> Shells<B> {
    /// Frees the blocks.
    ///
    /// # Safety
    /// The VM's backend has been dropped (every deferred destructor has run) and nothing
    /// references the objects any more.
    pub unsafe fn free(self) {
        for Entry(ptr) in self.0 {
            // SAFETY: the object was allocated by `PyRef::new`, its payload is `None` (the
            // shell), and the caller guarantees nothing reaches it: this is its one free.
            unsafe { free_now::<B>(ptr.cast()) };
        }
    }
}
