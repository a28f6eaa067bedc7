//! Built-in functions, methods of built-in types, and built-in modules.
//!
//! Everything here is a [`NativeFn`]: a Rust function taking the thread's [`Ctx`] and the call's
//! [`Args`] (the vectorcall convention: positional values, then keyword values named by
//! `kwnames`; both defined a floor below, in [`crate::args`], and re-exported here). Methods of
//! built-in types live in their class dict and receive `self` as the first positional argument.

pub mod exec;
pub mod functions;
pub mod iterators;
pub mod methods;
pub mod modules;
pub mod sort;
pub mod strings;

pub use crate::args::{Args, NativeFn};

use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::{BuiltinFn, CodeRef, Payload, PyRef};
use crate::ops::dicts;
use crate::vm::Vm;
use gillab_compiler::{CodeObject, Constant};
use gillab_syntax::ast::IntLit;
use std::sync::Arc;

/// A built-in function object.
pub fn native<B: Backend>(name: &'static str, func: NativeFn<B>) -> PyRef<B> {
    PyRef::new(Payload::Builtin(Box::new(BuiltinFn {
        name,
        func,
        bound: None,
        reads_frame: false,
    })))
}

/// Stores in `builtins` a built-in function that reads its caller's namespaces
/// ([`BuiltinFn::reads_frame`]).
pub fn add_frame_reader<B: Backend>(vm: &Vm<B>, name: &'static str, func: NativeFn<B>) {
    let f = BuiltinFn { name, func, bound: None, reads_frame: true };
    dicts::set_name(&vm.core.builtins, vm.intern(name), PyRef::new(Payload::Builtin(Box::new(f))));
}

/// Stores a built-in function under `name` in a namespace (a dict, class or module dict).
pub fn add<B: Backend>(vm: &Vm<B>, ns: &PyRef<B>, name: &'static str, func: NativeFn<B>) {
    dicts::set_name(ns, vm.intern(name), native(name, func));
}

/// Stores a read-only attribute computed by `getter(self)` in a class dict (a `property`
/// whose getter is a built-in function).
pub fn add_property<B: Backend>(
    vm: &Vm<B>,
    class: &PyRef<B>,
    name: &'static str,
    getter: NativeFn<B>,
) {
    let prop = PyRef::new(Payload::Wrapper(Box::new(crate::object::Wrapper::Property {
        fget: Some(native(name, getter)),
        fset: None,
    })));
    dicts::set_name(class, vm.intern(name), prop);
}

/// Stores a property with a built-in getter and setter (`setter(self, value)`) in a class
/// dict.
pub fn add_property_rw<B: Backend>(
    vm: &Vm<B>,
    class: &PyRef<B>,
    name: &'static str,
    getter: NativeFn<B>,
    setter: NativeFn<B>,
) {
    let prop = PyRef::new(Payload::Wrapper(Box::new(crate::object::Wrapper::Property {
        fget: Some(native(name, getter)),
        fset: Some(native(name, setter)),
    })));
    dicts::set_name(class, vm.intern(name), prop);
}

/// Builds the `builtins` namespace and the methods of the built-in classes.
pub fn install<B: Backend>(vm: &Vm<B>) {
    functions::install(vm);
    iterators::install(vm);
    exec::install(vm);
    methods::install(vm);
    modules::io::fill(vm, &vm.core.builtins);
    let b = &vm.core.builtins;
    let put = |name: &str, v: &PyRef<B>| dicts::set_name(b, vm.intern(name), v.clone());
    put("object", &vm.core.object_type);
    for (name, t) in vm.core.types.all() {
        if !matches!(
            name,
            "NoneType"
                | "NotImplementedType"
                | "ellipsis"
                | "code"
                | "function"
                | "cell"
                | "module"
                | "iterator"
                | "method"
                | "builtin_function_or_method"
                | "generator"
                | "coroutine"
                | "coroutine_wrapper"
                | "async_generator"
                | "async_generator_asend"
                | "async_generator_athrow"
                | "async_generator_wrapped_value"
        ) && !name.ends_with("iterator")
        {
            put(name, t);
        }
    }
    for (name, t) in vm.core.exc.all() {
        put(name, t);
    }
    put("None", &vm.core.none);
    put("Ellipsis", &vm.core.ellipsis);
    put("NotImplemented", &vm.core.not_implemented);
    put("True", &vm.core.true_);
    put("False", &vm.core.false_);
    put("IOError", &vm.core.exc.os_error);
    put("EnvironmentError", &vm.core.exc.os_error);
    // Built-in functions and the built-in classes' methods are shared by every thread.
    if let Payload::Dict(d) = &b.payload {
        vm.immortalize_values(b, d);
    }
    let core_types = vm.core.types.all().into_iter().chain(vm.core.exc.all());
    for t in std::iter::once(&vm.core.object_type).chain(core_types.map(|(_, t)| t)) {
        if let Payload::Type(to) = &t.payload {
            vm.immortalize_values(t, &to.dict);
        }
    }
}

/// Creates a built-in module by name, or `None` if there is no such built-in module.
pub fn make_module<B: Backend>(ctx: &mut Ctx<'_, B>, name: &str) -> PyResult<B, Option<PyRef<B>>> {
    modules::make(ctx, name)
}

/// Converts a compiled code object into a VM code object (constants and names as objects),
/// after checking it with `eval::verify`; the error describes bytecode the VM refuses to run.
pub fn code_object<B: Backend>(vm: &Vm<B>, code: Arc<CodeObject>) -> Result<PyRef<B>, String> {
    let max_stack = crate::eval::verify::verify(&code)
        .map_err(|e| format!("invalid bytecode in {}: {e}", code.qualname))?;
    let consts = code.constants.iter().map(|c| constant(vm, c)).collect::<Result<_, _>>()?;
    let names = code.names.iter().map(|n| vm.intern(n)).collect();
    let class_cell = code.freevar_names().iter().position(|n| n == "__class__");
    let fused = crate::eval::fuse::find(&code);
    let words = || code.instructions.iter().map(|_| std::sync::atomic::AtomicU64::new(0));
    let sites = words().collect();
    let aux = words().collect();
    let code = PyRef::new(Payload::Code(Box::new(CodeRef {
        code,
        consts,
        names,
        class_cell,
        max_stack,
        fused,
        sites,
        aux,
    })));
    // A module's code and constants are read by every thread that runs it, and live as long
    // as its functions do: immortal (`object::immortal`), as free-threaded CPython makes them.
    vm.immortalize(&code);
    if let Payload::Code(c) = &code.payload {
        c.consts.iter().for_each(|k| immortalize_constant(vm, k));
    }
    Ok(code)
}

/// Makes a constant immortal, with the items of a tuple constant.
fn immortalize_constant<B: Backend>(vm: &Vm<B>, k: &PyRef<B>) {
    vm.immortalize(k);
    if let Payload::Tuple(items) = &k.payload {
        items.iter().for_each(|i| immortalize_constant(vm, i));
    }
}

fn constant<B: Backend>(vm: &Vm<B>, c: &Constant) -> Result<PyRef<B>, String> {
    Ok(match c {
        Constant::None => vm.core.none.clone(),
        Constant::Bool(b) => vm.bool(*b),
        Constant::Ellipsis => vm.core.ellipsis.clone(),
        Constant::Int(IntLit::Small(i)) => vm.int(*i),
        Constant::Int(IntLit::Big(b)) => vm.bigint(b.clone()),
        Constant::Float(f) => vm.float(*f),
        Constant::Str(s) => {
            if s.len() <= 40 && s.chars().all(|c| c.is_alphanumeric() || c == '_') {
                vm.intern(s)
            } else {
                vm.str(s.as_str())
            }
        }
        Constant::Bytes(b) => PyRef::new(Payload::Bytes(b.clone().into_boxed_slice())),
        Constant::Tuple(items) => {
            vm.tuple(items.iter().map(|c| constant(vm, c)).collect::<Result<_, _>>()?)
        }
        Constant::Code(code) => code_object(vm, code.clone())?,
    })
}
