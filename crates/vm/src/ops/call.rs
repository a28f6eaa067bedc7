//! Calls: dispatch on the callee (Python function, built-in, bound method, class, instance
//! with `__call__`) and CPython's argument binding for Python functions, with its error
//! messages.
//!
//! Arguments use the vectorcall convention: `args` holds the positional values followed by the
//! keyword values, and `kwnames` names the last `kwnames.len()` of them.
// Argument binding indexes the new frame's fast locals, which are sized from the verified code
// object (I6) and not yet visible to any other thread: no concurrent change can invalidate an
// index, unlike the shared containers the rest of `ops` works on.
#![allow(clippy::indexing_slicing)]

use super::{as_str, class_name, type_name};
use crate::args::Args;
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::dict::Dict;
use crate::object::{ExcState, Function, Instance, Layout, Payload, PyRef, Wrapper};
use gillab_compiler::CodeFlags;

/// Calls `f(*args)` with `kwnames` naming the trailing keyword values.
///
/// This is the one door through which native code calls anything back (dunder methods, sort
/// keys, `map` callbacks, `__init__`, property getters, ...), so it is where recursion that
/// never runs a Python frame is counted: every call of a non-function (a built-in, a class,
/// an object with `__call__`) counts against the recursion limit and the stack guard, as
/// `_Py_EnterRecursiveCall(" while calling a Python object")` does in CPython. Python
/// functions are counted by their frame (`eval::run`), bound methods by what they call.
pub fn call<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    f: &PyRef<B>,
    args: &[PyRef<B>],
    kwnames: &[PyRef<B>],
) -> PyResult<B> {
    match &f.payload {
        Payload::Function(func) => call_function(ctx, func, args, kwnames),
        Payload::Method(m) => {
            let full = prepend(&m.1, args);
            call(ctx, &m.0, &full, kwnames)
        }
        _ => {
            ctx.enter_recursive(" while calling a Python object")?;
            let r = call_native(ctx, f, args, kwnames);
            ctx.leave_recursive();
            r
        }
    }
}

/// `[first, *rest]`: the argument vector of a call that passes a receiver first (a bound
/// method's `self`, a class to `__new__`, the object to its special method).
pub fn prepend<B: Backend>(first: &PyRef<B>, rest: &[PyRef<B>]) -> Vec<PyRef<B>> {
    let mut full = Vec::with_capacity(rest.len() + 1);
    full.push(first.clone());
    full.extend_from_slice(rest);
    full
}

/// [`call`] for everything but Python functions and bound methods, inside the guard.
fn call_native<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    f: &PyRef<B>,
    args: &[PyRef<B>],
    kwnames: &[PyRef<B>],
) -> PyResult<B> {
    match &f.payload {
        Payload::Builtin(b) => match &b.bound {
            None => (b.func)(ctx, Args { args, kwnames }),
            Some(recv) => {
                let full = prepend(recv, args);
                (b.func)(ctx, Args { args: &full, kwnames })
            }
        },
        Payload::Type(t) => {
            if let Some(meta) = &t.metaclass
                && let Some((c, false)) =
                    super::attr::class_lookup(ctx, meta, "__call__", crate::hash_lit!("__call__"))
            {
                // A metaclass's own `__call__` (a built-in one is `type.__call__`).
                return super::attr::call_special(ctx, c, f, meta, args, kwnames);
            }
            type_call(ctx, f, args, kwnames)
        }
        Payload::Instance(_) | Payload::Native(_) => {
            let cls = super::type_of(ctx.vm, f);
            match super::attr::class_attr(ctx, &cls, "__call__", crate::hash_lit!("__call__")) {
                Some(c) => super::attr::call_special(ctx, c, f, &cls, args, kwnames),
                None => Err(not_callable(ctx, f)),
            }
        }
        _ => Err(not_callable(ctx, f)),
    }
}

fn not_callable<B: Backend>(ctx: &Ctx<'_, B>, f: &PyRef<B>) -> crate::ctx::PyErr<B> {
    ctx.type_error(format!("'{}' object is not callable", type_name(ctx.vm, f)))
}

/// Calls a class (`type.__call__`): built-in constructors live in the class dict as
/// `__new__`; a Python `__new__` is called with the class first; instances of subclasses of
/// built-in types get their built-in value; then `__init__` runs if what `__new__` made is an
/// instance of the class.
pub fn type_call<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    cls: &PyRef<B>,
    args: &[PyRef<B>],
    kwnames: &[PyRef<B>],
) -> PyResult<B> {
    let Payload::Type(t) = &cls.payload else { return Err(not_callable(ctx, cls)) };
    // A built-in constructor anywhere up the chain (a subclass of a native class included).
    if t.layout == Layout::Builtin || t.module == "builtins" && t.layout == Layout::Object {
        if let Some(new) = super::attr::class_attr(ctx, cls, "__new__", crate::hash_lit!("__new__"))
            && let Payload::Builtin(b) = &new.payload
        {
            let full = prepend(cls, args);
            return (b.func)(ctx, Args { args: &full, kwnames });
        }
        if t.layout == Layout::Builtin {
            return Err(ctx.type_error(format!("cannot create '{}' instances", t.name)));
        }
    }
    if let Some(new) = super::attr::class_attr(ctx, cls, "__new__", crate::hash_lit!("__new__")) {
        let f = match &new.payload {
            Payload::Wrapper(w) => match &**w {
                Wrapper::StaticMethod(f) => Some(f.clone()),
                _ => None,
            },
            Payload::Function(_) => Some(new.clone()),
            _ => None,
        };
        if let Some(f) = f {
            let obj = call(ctx, &f, &prepend(cls, args), kwnames)?;
            if super::isinstance(ctx.vm, &obj, cls) {
                run_init(ctx, &obj, args, kwnames, true)?;
            }
            return Ok(obj);
        }
    }
    if let Some(vt) = &t.value_type {
        let obj = if vt.is(&ctx.vm.core.types.type_) {
            // A metaclass called as `Meta(name, bases, namespace)`.
            let npos = args.len() - kwnames.len();
            let kw: Vec<(PyRef<B>, PyRef<B>)> =
                kwnames.iter().cloned().zip(args[npos..].iter().cloned()).collect();
            crate::eval::classes::type_new3(ctx, cls, &args[..npos], &kw)?
        } else {
            let value = new_value(ctx, vt, args, kwnames)?;
            new_instance(cls, None, Some(value))
        };
        run_init(ctx, &obj, args, kwnames, vt.is(&ctx.vm.core.types.type_))?;
        return Ok(obj);
    }
    let exc = (t.layout == Layout::Exception).then(|| {
        let npos = args.len() - kwnames.len();
        B::cell_new(ExcState {
            args: ctx.vm.tuple(args[..npos].to_vec()),
            traceback: Vec::new(),
            context: None,
            cause: None,
            suppress_context: false,
        })
    });
    let inst = new_instance(cls, exc, None);
    let has_init = run_init(ctx, &inst, args, kwnames, false)?;
    if !has_init && t.layout == Layout::Object && !args.is_empty() {
        return Err(ctx.type_error(format!("{}() takes no arguments", t.name)));
    }
    Ok(inst)
}

/// A new instance of Python class `cls`.
pub fn new_instance<B: Backend>(
    cls: &PyRef<B>,
    exc: Option<B::Cell<ExcState<B>>>,
    value: Option<PyRef<B>>,
) -> PyRef<B> {
    PyRef::new(Payload::Instance(Box::new(Instance {
        class: cls.clone(),
        dict: B::cell_new(Dict::new()),
        exc,
        value,
    })))
}

/// The built-in value a new instance of a subclass of built-in `vt` starts with: an empty
/// `list`, `dict` or `set` (their `__init__` fills it), or what `vt(*args)` makes for the
/// immutable types.
pub fn new_value<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    vt: &PyRef<B>,
    args: &[PyRef<B>],
    kwnames: &[PyRef<B>],
) -> PyResult<B> {
    let vm = ctx.vm;
    let t = &vm.core.types;
    if vt.is(&t.list) {
        return Ok(vm.list(Vec::new()));
    }
    if vt.is(&t.dict) {
        return Ok(vm.dict(Dict::new()));
    }
    if vt.is(&t.set) {
        return Ok(vm.set(Dict::new()));
    }
    match super::attr::lookup_in_type(vt, "__new__", crate::hash_lit!("__new__")) {
        Some(new) => match &new.payload {
            Payload::Builtin(b) => {
                let full = prepend(vt, args);
                (b.func)(ctx, Args { args: &full, kwnames })
            }
            _ => Err(ctx.type_error(format!("cannot create '{}' instances", class_name(vt)))),
        },
        None => Err(ctx.type_error(format!("cannot create '{}' instances", class_name(vt)))),
    }
}

/// Runs `type(obj).__init__(obj, *args)` unless it is `object.__init__` (or, when
/// `skip_builtin`, another built-in one); whether an `__init__` ran.
fn run_init<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    args: &[PyRef<B>],
    kwnames: &[PyRef<B>],
    skip_builtin: bool,
) -> PyResult<B, bool> {
    let cls = super::type_of(ctx.vm, obj);
    let Some((init, builtin)) =
        super::attr::class_lookup(ctx, &cls, "__init__", crate::hash_lit!("__init__"))
    else {
        return Ok(false);
    };
    let vm = ctx.vm;
    let object_init = super::attr::class_attr(
        ctx,
        &vm.core.object_type,
        "__init__",
        crate::hash_lit!("__init__"),
    );
    if object_init.as_ref().is_some_and(|o| o.is(&init)) || (skip_builtin && builtin) {
        return Ok(false);
    }
    let r = super::attr::call_special(ctx, init, obj, &cls, args, kwnames)?;
    if !matches!(r.payload, Payload::None) {
        return Err(ctx.type_error(format!(
            "__init__() should return None, not '{}'",
            type_name(ctx.vm, &r)
        )));
    }
    Ok(true)
}

/// Calls a Python function: binds the arguments into a new frame and runs it.
pub fn call_function<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    func: &Function<B>,
    args: &[PyRef<B>],
    kwnames: &[PyRef<B>],
) -> PyResult<B> {
    let Payload::Code(code) = &func.code.payload else {
        return Err(ctx.type_error("function without code"));
    };
    let co = &code.code;
    let mut fast = ctx.take_vec(co.varnames.len());
    fast.resize_with(co.varnames.len(), || None);
    // The common case: positional arguments only, the missing ones taken from the defaults.
    let fill = match kwnames.is_empty() {
        true => code.defaults_to_fill(args.len(), func.positional_defaults().len()),
        false => None,
    };
    if let Some(fill) = fill {
        let defaults = func.positional_defaults();
        let given = args.iter().chain(&defaults[defaults.len() - fill..]);
        for (slot, a) in fast.iter_mut().zip(given) {
            *slot = Some(a.clone());
        }
    } else {
        bind_args(ctx, func, co, &mut fast, args, kwnames)?;
    }
    crate::eval::run_frame(ctx, func, code, fast)
}

fn fn_name<B: Backend>(func: &Function<B>) -> String {
    as_str(&func.qualname).unwrap_or("?").to_string()
}

fn bind_args<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    func: &Function<B>,
    co: &gillab_compiler::CodeObject,
    fast: &mut [Option<PyRef<B>>],
    args: &[PyRef<B>],
    kwnames: &[PyRef<B>],
) -> PyResult<B, ()> {
    let vm = ctx.vm;
    let argcount = co.argcount as usize;
    let kwonly = co.kwonlyargcount as usize;
    let has_varargs = co.flags.contains(CodeFlags::VARARGS);
    let has_varkw = co.flags.contains(CodeFlags::VARKEYWORDS);
    let npos = args.len() - kwnames.len();
    let name = fn_name(func);
    let params = co.param_names();

    for (i, a) in args[..npos.min(argcount)].iter().enumerate() {
        fast[i] = Some(a.clone());
    }
    let mut slot = argcount + kwonly;
    if has_varargs {
        let extra = if npos > argcount { args[argcount..npos].to_vec() } else { Vec::new() };
        fast[slot] = Some(vm.tuple(extra));
        slot += 1;
    } else if npos > argcount {
        let given = npos;
        let ndefaults = func.defaults.as_ref().map_or(0, |d| match &d.payload {
            Payload::Tuple(t) => t.len(),
            _ => 0,
        });
        let takes = if ndefaults > 0 {
            format!("from {} to {} positional arguments", argcount - ndefaults, argcount)
        } else {
            format!("{argcount} positional argument{}", if argcount == 1 { "" } else { "s" })
        };
        let kw_given = kwnames.len();
        let extra = if kw_given > 0 {
            format!(
                " positional argument{} (and {kw_given} keyword-only argument{})",
                if given == 1 { "" } else { "s" },
                if kw_given == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        };
        let were = if given == 1 && kw_given == 0 { "was" } else { "were" };
        return Err(ctx.type_error(if extra.is_empty() {
            format!("{name}() takes {takes} but {given} {were} given")
        } else {
            format!("{name}() takes {takes} but {given}{extra} were given")
        }));
    }
    let kwdict = if has_varkw {
        let d = vm.dict(Dict::new());
        fast[slot] = Some(d.clone());
        Some(d)
    } else {
        None
    };
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let key = as_str(k).unwrap_or("");
        match params[..argcount + kwonly].iter().position(|p| p == key) {
            Some(i) => {
                if fast[i].is_some() {
                    return Err(ctx
                        .type_error(format!("{name}() got multiple values for argument '{key}'")));
                }
                fast[i] = Some(v.clone());
            }
            None => match &kwdict {
                Some(d) => super::dicts::set(ctx, d, k.clone(), Some(v.clone()))?,
                None => {
                    return Err(ctx.type_error(format!(
                        "{name}() got an unexpected keyword argument '{key}'"
                    )));
                }
            },
        }
    }
    // Defaults for missing positional parameters.
    let defaults: Vec<PyRef<B>> = match func.defaults.as_ref().map(|d| &d.payload) {
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    };
    let first_default = argcount - defaults.len().min(argcount);
    let mut missing = Vec::new();
    for i in 0..argcount {
        if fast[i].is_none() {
            if i >= first_default {
                fast[i] = Some(defaults[i - first_default].clone());
            } else {
                missing.push(params[i].clone());
            }
        }
    }
    if !missing.is_empty() {
        return Err(ctx.type_error(missing_message(&name, &missing, "positional")));
    }
    let mut missing_kw = Vec::new();
    for i in argcount..argcount + kwonly {
        if fast[i].is_none() {
            let d = match &func.kwdefaults {
                Some(kd) => super::dicts::get_text(kd, &params[i]),
                None => None,
            };
            match d {
                Some(v) => fast[i] = Some(v),
                None => missing_kw.push(params[i].clone()),
            }
        }
    }
    if !missing_kw.is_empty() {
        return Err(ctx.type_error(missing_message(&name, &missing_kw, "keyword-only")));
    }
    Ok(())
}

fn missing_message(name: &str, missing: &[String], kind: &str) -> String {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    format!(
        "{name}() missing {} required {kind} argument{}: {list}",
        missing.len(),
        if missing.len() == 1 { "" } else { "s" }
    )
}
