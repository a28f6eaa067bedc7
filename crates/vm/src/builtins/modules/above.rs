//! Modules defined above the VM (the `gillab-stdlib` crate): the VM cannot name that crate, so
//! it registers, per backend type, a function that fills a module by name
//! ([`register_modules`]); `import` consults it after the modules built into the VM.
//!
//! The table is process-wide and keyed by the backend's `TypeId`, because the functions are
//! monomorphized per backend. The `gillab` binary registers every backend of its registry at
//! start; a VM built by hand without registering simply lacks those modules.

use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::PyRef;
use parking_lot::Mutex;
use std::any::{Any, TypeId};

/// Fills the (empty) module object `module` if `name` is a module it provides; `false` if
/// it does not know `name`.
pub type ModuleFn<B> = fn(&mut Ctx<'_, B>, &str, &PyRef<B>) -> PyResult<B, bool>;

type Table = Vec<(TypeId, Box<dyn Any + Send + Sync>)>;

static TABLE: Mutex<Table> = Mutex::new(Vec::new());

/// Registers `f` as the provider of modules above the VM for backend `B` (replacing any
/// earlier one).
pub fn register_modules<B: Backend + 'static>(f: ModuleFn<B>) {
    let mut t = TABLE.lock();
    t.retain(|(id, _)| *id != TypeId::of::<B>());
    t.push((TypeId::of::<B>(), Box::new(f)));
}

/// The provider registered for `B`, if any.
pub fn provider<B: Backend + 'static>() -> Option<ModuleFn<B>> {
    let t = TABLE.lock();
    t.iter()
        .find(|(id, _)| *id == TypeId::of::<B>())
        .and_then(|(_, f)| f.downcast_ref::<ModuleFn<B>>().copied())
}
