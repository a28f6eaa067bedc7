//! `threading.local`, CPython's `_thread._local`: the class and its constructor. The
//! per-thread dicts and the attribute hooks are in `ops::local`.

use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::object::dict::Dict;
use crate::object::{Layout, Payload, PyRef, TypeObj};
use crate::ops::dicts;
use crate::vm::Vm;

/// `_localstate.__new__(cls, *args, **kwargs)`: the state of a new local object, with the
/// calling (creating) thread's dict already made.
fn state_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let Some((class, rest)) = args.args.split_first() else {
        return Err(ctx.type_error("_localstate.__new__(): not enough arguments"));
    };
    Ok(crate::ops::local::new_state(ctx, class.clone(), rest, args.kwnames))
}

/// `local.__init__(self, *args, **kwargs)`: arguments are for a subclass's `__init__`.
fn local_init<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if args.args.len() > 1 {
        return Err(ctx.type_error("Initialization arguments are not supported"));
    }
    Ok(ctx.vm.core.none.clone())
}

/// Adds `local` to the `threading` module's namespace.
pub(super) fn install<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>) {
    let object = vm.core.object_type.clone();
    let state_class =
        crate::types::new_class::<B>("_localstate", "_thread", object.clone(), Layout::Builtin);
    add(vm, &state_class, "__new__", state_new);
    // Built like a Python subclass of a built-in type: instances are `Instance`s whose value
    // (`_localstate`) is made by `state_new` when the class is called.
    let local = PyRef::new(Payload::Type(Box::new(TypeObj {
        name: "_local".to_string(),
        qualname: "_local".to_string(),
        base: Some(object.clone()),
        bases: Box::new([object.clone()]),
        mro: Box::new([object]),
        metaclass: None,
        value_type: Some(state_class),
        slots: None,
        dict: B::cell_new(Dict::new()),
        layout: Layout::Object,
        module: "_thread".to_string(),
        tag: crate::object::typever::new_tag(),
    })));
    add(vm, &local, "__init__", local_init);
    dicts::set_name(ns, vm.intern("local"), local);
}
