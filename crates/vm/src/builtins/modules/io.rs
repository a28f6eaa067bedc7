//! The `io` module (being written).

use crate::backend::Backend;
use crate::vm::Vm;
use crate::PyRef;

/// Fills the module namespace.
pub(crate) fn fill<B: Backend>(_vm: &Vm<B>, _ns: &PyRef<B>) {}
