//! `collections` and `collections.abc`, both Python source run when first imported.
//!
//! `collections.abc` (`python/collections_abc.py`, then
//! `python/collections_abc_containers.py` in the same namespace) has every ABC of CPython
//! 3.11's module: the one-trick ABCs with CPython's `__subclasshook__` structural checks,
//! the container ABCs with their mixin methods, the built-in types registered as
//! CPython registers them, `register()`, and `ABC[...]` giving a small generic alias with
//! CPython's repr. gil-lab has no metaclasses: the checks are classmethods on the ABCs,
//! which `isinstance`/`issubclass` consult through the VM's hook for Python classes
//! (`builtins/functions.rs`, `check_hook`), and `ABC[...]` reaches `__class_getitem__`
//! through `ops::seq::getitem`. The module's docstring lists the differences.
//!
//! `collections` is Python source in three parts run in one namespace
//! (`python/collections.py`: `defaultdict`, `namedtuple`, `OrderedDict`;
//! `python/collections_counter.py`: `Counter`, `ChainMap`; `python/collections_user.py`:
//! `UserDict`, `UserList`, `UserString`) over the native `_collections` module: `deque`
//! ([`deque`], [`deque_seq`]: a `VecDeque` in the backend's cell) and `_count_elements`.
//! Importing `collections` imports `collections.abc` (the classes derive from its ABCs).

mod deque;
mod deque_seq;
mod tuplegetter;

use gillab_vm::Backend;
use gillab_vm::builtins::{Args, add};
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::eval::imports::{exec_source, import_module};
use gillab_vm::object::{Payload, PyRef};
use gillab_vm::ops::{self, dicts};

const PACKAGE: &str = include_str!("../python/collections.py");
const COUNTER: &str = include_str!("../python/collections_counter.py");
const USER: &str = include_str!("../python/collections_user.py");
const ABC: &str = include_str!("../python/collections_abc.py");
const CONTAINERS: &str = include_str!("../python/collections_abc_containers.py");

/// Fills the `collections` package.
pub fn fill<B: Backend>(ctx: &mut Ctx<'_, B>, module: &PyRef<B>) -> PyResult<B, ()> {
    // In `sys.modules` while it runs, as a module from a file would be: importing
    // `collections.abc` from it finds this package instead of making another.
    let modules = ctx.vm.core.modules.clone();
    dicts::set_name(&modules, ctx.vm.intern("collections"), module.clone());
    let r = exec_source(ctx, PACKAGE, "<frozen collections>", module)
        .and_then(|()| exec_source(ctx, COUNTER, "<frozen collections counter>", module))
        .and_then(|()| exec_source(ctx, USER, "<frozen collections user>", module));
    if r.is_err() {
        dicts::del_name(&modules, "collections");
    }
    r
}

/// Fills `_collections`, the native part of `collections`: `deque` with its iterator classes
/// ([`deque`], [`deque_seq`]), `_tuplegetter` ([`tuplegetter`], namedtuple's fields) and
/// `_count_elements`, `Counter`'s counting loop.
pub fn fill_native<B: Backend>(ctx: &mut Ctx<'_, B>, module: &PyRef<B>) -> PyResult<B, ()> {
    let Payload::Module(m) = &module.payload else { return Ok(()) };
    deque::install(ctx, &m.dict);
    tuplegetter::install(ctx, &m.dict);
    add(ctx.vm, &m.dict, "_count_elements", count_elements);
    Ok(())
}

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1` for each item;
/// a plain dict is updated directly, anything else through its `get` and `__setitem__`.
fn count_elements<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "_count_elements", 2, 2, &[])?;
    let (mapping, iterable) = (&args.args[0], &args.args[1]);
    let vm = ctx.vm;
    let one = vm.int(1);
    let zero = vm.int(0);
    let plain = matches!(mapping.payload, Payload::Dict(_))
        && ops::type_of(vm, mapping).is(&vm.core.types.dict);
    let get = if plain { None } else { Some(ops::attr::getattr_str(ctx, mapping, "get")?) };
    let it = ops::iter::get_iter(ctx, iterable)?;
    while let Some(x) = ops::iter::next(ctx, &it)? {
        let old = match &get {
            None => dicts::get(ctx, mapping, &x)?.unwrap_or_else(|| zero.clone()),
            Some(g) => ops::call::call(ctx, g, &[x.clone(), zero.clone()], &[])?,
        };
        let new = ops::arith::binary_op(ctx, &old, &one, ops::arith::BinOp::Add, false)?;
        ops::seq::setitem(ctx, mapping, &x, new)?;
    }
    Ok(vm.core.none.clone())
}

/// Fills `collections.abc` and makes it the `abc` attribute of `collections`.
pub fn fill_abc<B: Backend>(ctx: &mut Ctx<'_, B>, module: &PyRef<B>) -> PyResult<B, ()> {
    exec_source(ctx, ABC, "<frozen _collections_abc>", module)?;
    exec_source(ctx, CONTAINERS, "<frozen _collections_abc containers>", module)?;
    let parent = import_module(ctx, "collections")?;
    if let Payload::Module(p) = &parent.payload {
        dicts::set_name(&p.dict, ctx.vm.intern("abc"), module.clone());
    }
    Ok(())
}
