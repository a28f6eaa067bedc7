//! Standard-library modules written above the VM: each is a Rust module that fills a module
//! object's namespace with built-in functions and classes, generic over the backend like the
//! VM itself. The VM finds them through the provider [`register`] installs
//! (`gillab_vm::builtins::modules::above`); `import` tries the VM's own built-in modules
//! first, then these, then `NAME.py` files next to the script.
//!
//! Modules: `asyncio` ([`asyncio`]: Python source over [`selector`]'s native readiness API
//! `_gillab_selector`); `__future__` ([`future`]); `itertools` ([`itertools`]: native Rust
//! iterator objects, their state in the backend's cell); `collections` and `collections.abc`
//! ([`collections`]: Python source, the ABCs checked through the VM's `isinstance` hook);
//! `random` and its core `_random` ([`random`]: Python over a native MT19937); `bisect`
//! ([`bisect`]: native); `heapq` ([`heapq`]: native heap operations, Python `merge`,
//! `nlargest`, `nsmallest`); `abc`, `enum`, `dataclasses` and `typing` ([`meta`]: Python
//! source over the VM's metaclasses).

pub mod asyncio;
pub mod bisect;
pub mod collections;
pub mod future;
pub mod heapq;
pub mod itertools;
pub mod meta;
pub mod random;
pub mod selector;

use gillab_vm::Backend;
use gillab_vm::builtins::modules::above::register_modules;
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::PyRef;

/// Fills `module` if `name` is one of this crate's modules; `false` otherwise.
pub fn make<B: Backend>(ctx: &mut Ctx<'_, B>, name: &str, module: &PyRef<B>) -> PyResult<B, bool> {
    match name {
        "__future__" => future::fill(ctx, module)?,
        "_gillab_selector" => selector::fill(ctx, module),
        "itertools" => itertools::fill(ctx, module)?,
        "collections" => collections::fill(ctx, module)?,
        "collections.abc" => collections::fill_abc(ctx, module)?,
        "random" => random::fill(ctx, module)?,
        "_random" => random::fill_core(ctx, module),
        "bisect" => bisect::fill(ctx, module),
        "heapq" => heapq::fill(ctx, module)?,
        "abc" | "enum" | "dataclasses" | "typing" | "_gillab_meta" => {
            return meta::fill(ctx, name, module);
        }
        _ => return asyncio::fill(ctx, name, module),
    }
    Ok(true)
}

/// Makes this crate's modules importable by every VM of backend `B`.
pub fn register<B: Backend>() {
    register_modules::<B>(make::<B>);
}
