//! The `socket` module (being written).

use crate::PyRef;
use crate::backend::Backend;
use crate::vm::Vm;

/// Fills the module namespace.
pub(super) fn fill<B: Backend>(_vm: &Vm<B>, _ns: &PyRef<B>) {}
