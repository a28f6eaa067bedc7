//! Standard-library modules written above the VM: each is a Rust module that fills a module
//! object's namespace with built-in functions and classes, generic over the backend like the
//! VM itself. The VM finds them through the provider [`register`] installs
//! (`gillab_vm::builtins::modules::above`); `import` tries the VM's own built-in modules
//! first, then these, then `NAME.py` files next to the script.
//!
//! Modules: `asyncio` ([`asyncio`]: Python source over [`selector`]'s native readiness API
//! `_gillab_selector`); `__future__` ([`future`]); `itertools` ([`itertools`]: native Rust
//! iterator objects, their state in the backend's cell); `collections` and `collections.abc`
//! ([`collections`]: Python source, the ABCs checked through the VM's `isinstance` hook,
//! over the native `_collections`: `deque`, namedtuple's field descriptors);
//! `operator` ([`operator`]: native); `functools`, `copy`, `pprint` ([`pylib`]: Python
//! source; pprint's walk in [`pprint_native`]);
//! `random` and its core `_random` ([`random`]: Python over a native MT19937); `bisect`
//! ([`bisect`]: native); `heapq` ([`heapq`]: native heap operations, Python `merge`,
//! `nlargest`, `nsmallest`).
//! `json`, `json.encoder`, `json.decoder` ([`json`]: Python source over the native core
//! `_gillab_json`); `struct` ([`structmod`]) and `array` ([`array`]), native. `docs/stdlib.md`
//! describes each module and its differences from CPython. `argparse` ([`argparse`]: Python
//! source); `pyperf` ([`pyperf`]: Python source, the part of pyperf's API that pyperformance's
//! benchmark files call, portable to CPython). `re` ([`re`]: Python over the native
//! `_gillab_re`: a backtracking matcher with `sre`'s semantics and the `regex` crate where
//! they agree); `string` ([`string`]: Python source); `platform` ([`platform`]: Python over
//! the native `_gillab_platform`). `abc`, `enum`, `dataclasses` and `typing` ([`meta`]:
//! Python source over the VM's metaclasses).

pub mod argparse;
pub mod array;
pub mod asyncio;
pub mod bisect;
pub mod collections;
pub mod future;
pub mod heapq;
pub mod itertools;
pub mod json;
pub mod meta;
mod native;
mod num;
pub mod operator;
pub mod platform;
pub mod pprint_native;
pub mod pylib;
pub mod pyperf;
pub mod random;
pub mod re;
pub mod selector;
pub mod string;
pub mod structmod;

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
        "array" => array::fill(ctx, module)?,
        "json" => json::fill(ctx, module)?,
        "json.encoder" | "json.decoder" => json::fill_sub(ctx, name, module)?,
        "_gillab_json" => json::fill_core(ctx, module)?,
        "struct" => structmod::fill(ctx, module)?,
        "_collections" => collections::fill_native(ctx, module)?,
        "operator" => operator::fill(ctx, module)?,
        "functools" | "copy" | "pprint" | "multiprocessing.managers" => {
            return pylib::fill(ctx, name, module);
        }
        "_gillab_pprint" => pprint_native::fill(ctx, module),
        "argparse" => argparse::fill(ctx, module)?,
        "pyperf" => pyperf::fill(ctx, module)?,
        "re" => re::fill(ctx, module)?,
        "_gillab_re" => re::fill_native(ctx, module)?,
        "string" => string::fill(ctx, module)?,
        "platform" => platform::fill(ctx, module)?,
        "_gillab_platform" => platform::fill_native(ctx, module),
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
