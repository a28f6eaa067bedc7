//! Modules written wholly in Python and embedded in the binary: `functools`
//! (`python/functools.py`), `copy` (`python/copy.py`), `pprint` (`python/pprint.py`) and
//! `multiprocessing.managers` (`python/multiprocessing_managers.py`, the client side, and
//! `python/multiprocessing_manager_server.py`, the manager process's side). Each
//! is compiled from its source when first imported; each module's docstring lists what it
//! provides and how it differs from CPython 3.11's.

use gillab_vm::Backend;
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::PyRef;

/// The embedded sources by module name.
pub const SOURCES: [(&str, &str); 4] = [
    ("functools", include_str!("python/functools.py")),
    ("copy", include_str!("python/copy.py")),
    ("pprint", include_str!("python/pprint.py")),
    ("multiprocessing.managers", include_str!("python/multiprocessing_managers.py")),
];

/// The second source of `multiprocessing.managers`: its manager process's side.
const MANAGER_SERVER: &str = include_str!("python/multiprocessing_manager_server.py");

/// Runs the source of `name` in `module`; `false` if `name` is not one of these modules.
pub fn fill<B: Backend>(ctx: &mut Ctx<'_, B>, name: &str, module: &PyRef<B>) -> PyResult<B, bool> {
    let Some((_, source)) = SOURCES.iter().find(|(n, _)| *n == name) else { return Ok(false) };
    let filename = format!("<frozen {name}>");
    gillab_vm::eval::imports::exec_source(ctx, source, &filename, module)?;
    if name == "multiprocessing.managers" {
        let filename = "<frozen multiprocessing.managers.server>";
        gillab_vm::eval::imports::exec_source(ctx, MANAGER_SERVER, filename, module)?;
    }
    Ok(true)
}
