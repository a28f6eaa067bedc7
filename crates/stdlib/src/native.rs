//! What the native (Rust) objects of this crate share: their Rust value is a [`Guarded`], the
//! object's mutable state inside the backend's cell (`B::Cell`, reached through
//! `Object::read`/`Object::write`), held by a `Payload::Native` object of the module's class.
//! No closure given to the cell may call Python code (docs/safety.md, I3).

use gillab_vm::Backend;
use gillab_vm::object::{NativeObj, Payload, PyRef};

/// The Rust value of a native object: its state in the backend's cell.
pub(crate) struct Guarded<B: Backend, T: Send + Sync + 'static>(pub(crate) B::Cell<T>);

/// A new native object of class `cls` with state `state`.
pub(crate) fn new_obj<B: Backend, T: Send + Sync + 'static>(cls: &PyRef<B>, state: T) -> PyRef<B> {
    PyRef::new(Payload::Native(Box::new(NativeObj {
        class: cls.clone(),
        data: Box::new(Guarded::<B, T>(B::cell_new(state))),
    })))
}

/// The state cell of `o` if it is a native object with state `T`.
pub(crate) fn cell_of<B: Backend, T: Send + Sync + 'static>(o: &PyRef<B>) -> Option<&B::Cell<T>> {
    match &o.payload {
        Payload::Native(n) => n.data.downcast_ref::<Guarded<B, T>>().map(|g| &g.0),
        _ => None,
    }
}
