//! `repr()` and `str()` of every object, with user `__repr__`/`__str__` and the `[...]` guard
//! against self-containing containers.

use super::attr::call_dunder;
use super::{class_name, type_name};
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::fmt::{bytes_repr, float_repr, str_repr};
use crate::object::{Payload, PyRef, Wrapper};
use std::cell::RefCell;
use std::collections::HashSet;

thread_local! {
    /// Containers whose repr is being built on this thread (CPython's `Py_ReprEnter`); a set,
    /// so that a deeply nested repr (with a raised recursion limit) stays linear.
    static IN_REPR: RefCell<HashSet<usize>> = RefCell::new(HashSet::new());
}

/// Runs `f` to build the repr of container `obj`, or gives `placeholder` if this thread is
/// already building it (CPython's `Py_ReprEnter`/`Py_ReprLeave`).
pub fn guarded<B: Backend>(
    obj: &PyRef<B>,
    placeholder: &str,
    f: impl FnOnce() -> PyResult<B, String>,
) -> PyResult<B, String> {
    let addr = obj.addr();
    if !IN_REPR.with(|s| s.borrow_mut().insert(addr)) {
        return Ok(placeholder.to_string());
    }
    let r = f();
    IN_REPR.with(|s| s.borrow_mut().remove(&addr));
    r
}

fn join_reprs<B: Backend>(ctx: &mut Ctx<'_, B>, items: &[PyRef<B>]) -> PyResult<B, String> {
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr(ctx, it)?);
    }
    Ok(out)
}

/// `repr(obj)`. Like CPython's `PyObject_Repr`, it counts against the recursion limit: a repr
/// may recurse without running any Python frame (nested containers, an exception whose
/// argument is itself).
pub fn repr<B: Backend>(ctx: &mut Ctx<'_, B>, obj: &PyRef<B>) -> PyResult<B, String> {
    ctx.enter_recursive(" while getting the repr of an object")?;
    let r = repr_inner(ctx, obj);
    ctx.leave_recursive();
    r
}

/// `repr(obj)` without counting against the recursion limit: what `object.__str__` calls, as
/// CPython's `object_str` calls the type's `tp_repr` directly.
pub fn repr_slot<B: Backend>(ctx: &mut Ctx<'_, B>, obj: &PyRef<B>) -> PyResult<B, String> {
    if ctx.stack_exhausted() {
        return Err(ctx.recursion_error(" while getting the repr of an object"));
    }
    repr_inner(ctx, obj)
}

fn repr_inner<B: Backend>(ctx: &mut Ctx<'_, B>, obj: &PyRef<B>) -> PyResult<B, String> {
    let vm = ctx.vm;
    Ok(match &obj.payload {
        Payload::None => "None".into(),
        Payload::NotImplemented => "NotImplemented".into(),
        Payload::Ellipsis => "Ellipsis".into(),
        Payload::Bool(b) => if *b { "True" } else { "False" }.into(),
        Payload::Int(i) => i.to_string(),
        Payload::BigInt(b) => match crate::fmt::int_to_str(b) {
            Ok(s) => s,
            Err(m) => return Err(ctx.value_error(m)),
        },
        Payload::Float(f) => float_repr(*f),
        Payload::Str(s) => str_repr(s.as_str()),
        Payload::Bytes(b) => bytes_repr(b),
        Payload::Tuple(t) => {
            let items = t.to_vec();
            return guarded(obj, "(...)", || {
                let inner = join_reprs(ctx, &items)?;
                Ok(if items.len() == 1 { format!("({inner},)") } else { format!("({inner})") })
            });
        }
        Payload::List(l) => {
            if obj.read(l, |v| v.is_empty()) {
                return Ok("[]".into());
            }
            // As CPython's `list_repr`: by index, re-reading the list at every step, since an
            // element's repr may change it (the lock is never held while Python code runs).
            return guarded(obj, "[...]", || {
                let mut out = String::from("[");
                let mut i = 0;
                while let Some(item) = obj.read(l, |v| v.get(i).cloned()) {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&repr(ctx, &item)?);
                    i += 1;
                }
                out.push(']');
                Ok(out)
            });
        }
        Payload::Dict(d) => {
            // As CPython's `dict_repr`: entry by entry (`PyDict_Next`), re-reading the table
            // at every step, since a key's or value's repr may change it.
            return guarded(obj, "{...}", || {
                let mut out = String::from("{");
                let mut pos = 0;
                let mut first = true;
                while let Some((e, next)) =
                    obj.read(d, |d| d.entry_from(pos).map(|(e, next)| (e.clone(), next)))
                {
                    if !first {
                        out.push_str(", ");
                    }
                    first = false;
                    pos = next;
                    out.push_str(&repr(ctx, &e.key)?);
                    out.push_str(": ");
                    match &e.value {
                        Some(v) => out.push_str(&repr(ctx, v)?),
                        None => out.push_str("None"),
                    }
                }
                out.push('}');
                Ok(out)
            });
        }
        Payload::Set(d) => {
            let keys: Vec<_> = obj.read(d, |d| d.iter().map(|e| e.key.clone()).collect());
            if keys.is_empty() {
                return Ok("set()".into());
            }
            return guarded(obj, "set(...)", || Ok(format!("{{{}}}", join_reprs(ctx, &keys)?)));
        }
        Payload::FrozenSet(f) => {
            let keys: Vec<_> = f.table.iter().map(|e| e.key.clone()).collect();
            if keys.is_empty() {
                return Ok("frozenset()".into());
            }
            return guarded(obj, "frozenset(...)", || {
                Ok(format!("frozenset({{{}}})", join_reprs(ctx, &keys)?))
            });
        }
        Payload::Range(r) => {
            if r.step == 1 {
                format!("range({}, {})", r.start, r.stop)
            } else {
                format!("range({}, {}, {})", r.start, r.stop, r.step)
            }
        }
        Payload::Slice(s) => {
            let parts = s.to_vec();
            format!("slice({})", join_reprs(ctx, &parts)?)
        }
        Payload::Code(c) => format!(
            "<code object {} at {:#x}, file \"{}\", line {}>",
            c.code.name,
            obj.addr(),
            c.code.filename,
            c.code.first_line
        ),
        Payload::Function(f) => {
            let q = super::funcattrs::qualname(obj, f);
            let q = super::as_str(&q).unwrap_or("?").to_string();
            format!("<function {q} at {:#x}>", obj.addr())
        }
        Payload::Builtin(b) => match &b.bound {
            Some(s) if !matches!(s.payload, Payload::Module(_)) => format!(
                "<built-in method {} of {} object at {:#x}>",
                b.name,
                type_name(vm, s),
                s.addr()
            ),
            _ => format!("<built-in function {}>", b.name),
        },
        Payload::Method(m) => {
            let name = match &m.0.payload {
                Payload::Function(f) => {
                    let q = super::funcattrs::qualname(&m.0, f);
                    super::as_str(&q).unwrap_or("?").to_string()
                }
                _ => "?".into(),
            };
            let target = repr(ctx, &m.1)?;
            format!("<bound method {name} of {target}>")
        }
        Payload::Cell(_) => format!("<cell at {:#x}>", obj.addr()),
        Payload::Type(t) => {
            if let Some(meta) = &t.metaclass
                && let Some((f, false)) =
                    super::attr::lookup_with_owner(meta, "__repr__", crate::hash_lit!("__repr__"))
            {
                let r = super::attr::call_special(ctx, f, obj, meta, &[], &[])?;
                return str_of_result(ctx, &r);
            }
            if t.module == "builtins" {
                format!("<class '{}'>", t.name)
            } else {
                format!("<class '{}.{}'>", t.module, t.qualname)
            }
        }
        Payload::Module(m) => {
            if m.builtin {
                format!("<module '{}' (built-in)>", m.name)
            } else {
                format!("<module '{}'>", m.name)
            }
        }
        Payload::Iter(i) => format!(
            "<{} object at {:#x}>",
            super::class_name(super::iter::iter_class(vm, i.kind)),
            obj.addr()
        ),
        Payload::Wrapper(w) => match &**w {
            Wrapper::StaticMethod(_) => format!("<staticmethod object at {:#x}>", obj.addr()),
            Wrapper::ClassMethod(_) => format!("<classmethod object at {:#x}>", obj.addr()),
            Wrapper::Property { .. } => format!("<property object at {:#x}>", obj.addr()),
        },
        Payload::Super(_) => "<super object>".into(),
        Payload::Instance(inst) => {
            if let Some(r) = call_dunder(ctx, obj, "__repr__", &[])? {
                return match &r.payload {
                    Payload::Str(s) => Ok(s.as_str().to_string()),
                    _ => Err(ctx.type_error(format!(
                        "__repr__ returned non-string (type {})",
                        type_name(vm, &r)
                    ))),
                };
            }
            if let Some(exc) = &inst.exc {
                let args = obj.read(exc, |e| e.args.clone());
                let inner = match &args.payload {
                    Payload::Tuple(t) => match &t[..] {
                        [only] => repr(ctx, only)?,
                        _ => join_reprs(ctx, t)?,
                    },
                    _ => String::new(),
                };
                return Ok(format!("{}({inner})", class_name(&inst.class)));
            }
            let (module, qual) = match &inst.class.payload {
                Payload::Type(t) => (t.module.clone(), t.qualname.clone()),
                _ => ("?".into(), "?".into()),
            };
            format!("<{module}.{qual} object at {:#x}>", obj.addr())
        }
        Payload::Native(n) => {
            if let Some(r) = call_dunder(ctx, obj, "__repr__", &[])? {
                return str_of_result(ctx, &r);
            }
            format!("<{} object at {:#x}>", class_name(&n.class), obj.addr())
        }
    })
}

fn str_of_result<B: Backend>(ctx: &Ctx<'_, B>, r: &PyRef<B>) -> PyResult<B, String> {
    match &r.payload {
        Payload::Str(s) => Ok(s.as_str().to_string()),
        _ => {
            Err(ctx
                .type_error(format!("__str__ returned non-string (type {})", type_name(ctx.vm, r))))
        }
    }
}

/// `str(obj)`. Like CPython's `PyObject_Str`, the str of an instance counts against the
/// recursion limit (an exception whose argument is itself recurses natively).
pub fn str<B: Backend>(ctx: &mut Ctx<'_, B>, obj: &PyRef<B>) -> PyResult<B, String> {
    match &obj.payload {
        Payload::Str(s) => Ok(s.as_str().to_string()),
        Payload::Instance(_) => {
            ctx.enter_recursive(" while getting the str of an object")?;
            let r = instance_str(ctx, obj);
            ctx.leave_recursive();
            r
        }
        _ => repr(ctx, obj),
    }
}

fn instance_str<B: Backend>(ctx: &mut Ctx<'_, B>, obj: &PyRef<B>) -> PyResult<B, String> {
    match &obj.payload {
        Payload::Instance(inst) => {
            if let Some(r) = call_dunder(ctx, obj, "__str__", &[])? {
                return str_of_result(ctx, &r);
            }
            if let Some(exc) = &inst.exc {
                if super::attr::lookup_special(ctx, obj, "__repr__").is_some() {
                    return repr(ctx, obj);
                }
                let args = obj.read(exc, |e| e.args.clone());
                return match &args.payload {
                    Payload::Tuple(t) if t.is_empty() => Ok(String::new()),
                    Payload::Tuple(t) if t.len() == 1 => {
                        let only = t.first().unwrap_or(&args);
                        if super::isinstance(ctx.vm, obj, &ctx.vm.core.exc.key_error) {
                            repr(ctx, only)
                        } else {
                            str(ctx, only)
                        }
                    }
                    _ => repr(ctx, &args),
                };
            }
            repr(ctx, obj)
        }
        _ => repr(ctx, obj),
    }
}

/// `str(obj)` as an object (no copy for a str).
pub fn str_obj<B: Backend>(ctx: &mut Ctx<'_, B>, obj: &PyRef<B>) -> PyResult<B> {
    if let Payload::Str(_) = &obj.payload {
        return Ok(obj.clone());
    }
    let s = str(ctx, obj)?;
    Ok(ctx.vm.str(s))
}
