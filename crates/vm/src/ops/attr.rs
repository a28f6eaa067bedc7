//! Attribute access: `getattr`, `setattr`, `delattr`, method lookup for `LOAD_METHOD`, and
//! calling dunder methods of instances.

use super::dicts;
use super::{call, descr, local, type_name, type_of};
use crate::backend::Backend;
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::str::hash_str;
use crate::object::{BuiltinFn, Payload, PyRef, Wrapper};

/// Looks `name` up in `cls` and then in the classes of its MRO.
pub fn lookup_in_type<B: Backend>(cls: &PyRef<B>, name: &str, hash: i64) -> Option<PyRef<B>> {
    lookup_with_owner(cls, name, hash).map(|(v, _)| v)
}

/// The value of `name` in the dict of class `c` itself.
fn own_attr<B: Backend>(c: &PyRef<B>, name: &str, hash: i64) -> Option<(PyRef<B>, bool)> {
    let Payload::Type(t) = &c.payload else { return None };
    dicts::get_str(c, name, hash).map(|v| (v, t.module == "builtins"))
}

/// [`lookup_in_type`], also saying whether the class it was found in is a built-in one.
pub(crate) fn lookup_with_owner<B: Backend>(
    cls: &PyRef<B>,
    name: &str,
    hash: i64,
) -> Option<(PyRef<B>, bool)> {
    let Payload::Type(t) = &cls.payload else { return None };
    if let Some(found) = own_attr(cls, name, hash) {
        return Some(found);
    }
    t.mro.iter().find_map(|c| own_attr(c, name, hash))
}

/// [`lookup_with_owner`] through this thread's type-attribute cache (`object::typever`).
#[inline]
pub(crate) fn class_lookup<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    cls: &PyRef<B>,
    name: &str,
    hash: i64,
) -> Option<(PyRef<B>, bool)> {
    let Payload::Type(t) = &cls.payload else { return None };
    ctx.type_cache.get_or(t.tag, name, hash, || lookup_with_owner(cls, name, hash))
}

/// [`class_lookup`] without the owner flag.
#[inline]
pub(crate) fn class_attr<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    cls: &PyRef<B>,
    name: &str,
    hash: i64,
) -> Option<PyRef<B>> {
    class_lookup(ctx, cls, name, hash).map(|(v, _)| v)
}

/// Looks `name` up in the MRO of `owner` after class `start` (what `super(start, obj)`
/// searches, `owner` being `obj`'s class or `obj` itself when it is a class).
pub(crate) fn lookup_after<B: Backend>(
    owner: &PyRef<B>,
    start: &PyRef<B>,
    name: &str,
    hash: i64,
) -> Option<PyRef<B>> {
    let Payload::Type(t) = &owner.payload else { return None };
    let full = std::iter::once(owner).chain(t.mro.iter());
    let mut after = full.skip_while(|c| !c.is(start));
    after.next()?;
    after.find_map(|c| own_attr(c, name, hash)).map(|(v, _)| v)
}

/// Looks `name` up on `type(obj)`.
pub fn lookup_special<B: Backend>(
    ctx: &Ctx<'_, B>,
    obj: &PyRef<B>,
    name: &str,
) -> Option<PyRef<B>> {
    lookup_in_type(&type_of(ctx.vm, obj), name, hash_str(name))
}

/// Calls the special method `type(obj).name` with `args` if the class defines it; `None` if it
/// does not. See [`call_special`] for how it is called.
///
/// A built-in method inherited from a built-in class runs directly, as a C slot does in
/// CPython, without counting a call against the recursion limit (every path by which it can
/// reach Python code again counts: `repr`/`str`, comparisons of containers, [`call::call`]);
/// the stack guard still applies. Anything found in a Python class's dict is called through
/// [`call::call`], which counts.
pub fn call_dunder<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    name: &str,
    args: &[PyRef<B>],
) -> PyResult<B, Option<PyRef<B>>> {
    let cls = type_of(ctx.vm, obj);
    let Some((f, builtin_owner)) = lookup_with_owner(&cls, name, hash_str(name)) else {
        return Ok(None);
    };
    if builtin_owner
        && let Payload::Builtin(b) = &f.payload
        && b.bound.is_none()
    {
        if ctx.stack_exhausted() {
            return Err(ctx.recursion_error(" while calling a Python object"));
        }
        let full = call::prepend(obj, args);
        return (b.func)(ctx, crate::args::Args { args: &full, kwnames: &[] }).map(Some);
    }
    call_special(ctx, f, obj, &cls, args, &[]).map(Some)
}

/// Calls `f`, the special method found on `obj`'s class `cls`, as CPython's slots do: a
/// function or built-in method is called with `obj` first; anything else is bound by the
/// descriptor protocol (a `staticmethod`, a `property`, an object with `__get__`) or, lacking
/// `__get__`, called as it is, without `obj` (so `C.__call__ = C()` recurses as in CPython,
/// without growing the argument list).
pub fn call_special<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    f: PyRef<B>,
    obj: &PyRef<B>,
    cls: &PyRef<B>,
    args: &[PyRef<B>],
    kwnames: &[PyRef<B>],
) -> PyResult<B> {
    let method = match &f.payload {
        Payload::Function(_) => true,
        Payload::Builtin(b) => b.bound.is_none(),
        _ => false,
    };
    if method {
        let full = call::prepend(obj, args);
        return call::call(ctx, &f, &full, kwnames);
    }
    let bound = bind(ctx, f, obj, cls)?;
    call::call(ctx, &bound, args, kwnames)
}

/// The value of class attribute `attr` read through `obj` (of class `cls`): functions and
/// built-in methods become bound methods, and descriptors give what their `__get__` returns.
pub(crate) fn bind<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    attr: PyRef<B>,
    obj: &PyRef<B>,
    cls: &PyRef<B>,
) -> PyResult<B, PyRef<B>> {
    Ok(match &attr.payload {
        Payload::Function(_) => PyRef::new(Payload::Method(Box::new((attr.clone(), obj.clone())))),
        Payload::Builtin(b) if b.bound.is_none() => {
            PyRef::new(Payload::Builtin(Box::new(BuiltinFn {
                name: b.name,
                func: b.func,
                bound: Some(obj.clone()),
                reads_frame: false,
            })))
        }
        Payload::Wrapper(w) => match &**w {
            Wrapper::StaticMethod(f) => f.clone(),
            Wrapper::ClassMethod(f) => {
                PyRef::new(Payload::Method(Box::new((f.clone(), cls.clone()))))
            }
            Wrapper::Property { fget, .. } => match fget {
                Some(g) => call::call(ctx, g, std::slice::from_ref(obj), &[])?,
                None => return Err(ctx.attribute_error("unreadable attribute")),
            },
        },
        Payload::Instance(_) | Payload::Native(_) => match descr::getter(&attr) {
            Some(get) => descr::call_get(ctx, &get, &attr, Some(obj), cls)?,
            None => attr,
        },
        _ => attr,
    })
}

pub(crate) fn no_attribute<B: Backend>(ctx: &Ctx<'_, B>, obj: &PyRef<B>, name: &str) -> PyErr<B> {
    match &obj.payload {
        Payload::Module(m) => {
            ctx.attribute_error(format!("module '{}' has no attribute '{name}'", m.name))
        }
        Payload::Type(t) => {
            ctx.attribute_error(format!("type object '{}' has no attribute '{name}'", t.name))
        }
        _ => ctx.attribute_error(format!(
            "'{}' object has no attribute '{name}'",
            type_name(ctx.vm, obj)
        )),
    }
}

/// `getattr(obj, name)` where `name` is a str object.
pub fn getattr<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    name: &PyRef<B>,
) -> PyResult<B, PyRef<B>> {
    let Payload::Str(s) = &name.payload else {
        return Err(ctx.type_error("attribute name must be string"));
    };
    match getattr_opt(ctx, obj, s.as_str(), s.hash())? {
        Some(v) => Ok(v),
        None => Err(no_attribute(ctx, obj, s.as_str())),
    }
}

/// `getattr(obj, name)` by Rust text.
pub fn getattr_str<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    name: &str,
) -> PyResult<B, PyRef<B>> {
    match getattr_opt(ctx, obj, name, hash_str(name))? {
        Some(v) => Ok(v),
        None => Err(no_attribute(ctx, obj, name)),
    }
}

/// Attribute lookup returning `None` instead of raising `AttributeError`.
pub fn getattr_opt<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    name: &str,
    hash: i64,
) -> PyResult<B, Option<PyRef<B>>> {
    let vm = ctx.vm;
    match &obj.payload {
        Payload::Module(m) => {
            if name == "__name__" {
                return Ok(Some(vm.str(m.name.as_str())));
            }
            if name == "__dict__" {
                return Ok(Some(m.dict.clone()));
            }
            Ok(dicts::get_str(&m.dict, name, hash))
        }
        Payload::Type(t) => {
            match name {
                "__name__" => return Ok(Some(vm.str(t.name.as_str()))),
                "__qualname__" => return Ok(Some(vm.str(t.qualname.as_str()))),
                "__module__" => return Ok(Some(vm.str(t.module.as_str()))),
                "__base__" => {
                    return Ok(Some(t.base.clone().unwrap_or_else(|| vm.core.none.clone())));
                }
                "__bases__" => return Ok(Some(vm.tuple(t.bases.to_vec()))),
                "__class__" => return Ok(Some(type_of(vm, obj))),
                "__annotations__" => {
                    if let Some(a) = class_annotations(ctx, obj) {
                        return Ok(Some(a));
                    }
                }
                "__mro__" => {
                    let mut mro = vec![obj.clone()];
                    mro.extend(t.mro.iter().cloned());
                    return Ok(Some(vm.tuple(mro)));
                }
                "__dict__" => return Ok(Some(vm.dict(obj.read(&t.dict, |d| d.clone())))),
                _ => {}
            }
            let Some(attr) = class_attr(ctx, obj, name, hash) else {
                // Then the metaclass (`type` by default): its methods bound to the class.
                let meta = type_of(vm, obj);
                let Some(attr) = class_attr(ctx, &meta, name, hash) else {
                    // Last, a Python metaclass's `__getattr__` (CPython's
                    // `slot_tp_getattr_hook` on the metaclass).
                    let hook = match t.metaclass {
                        Some(_) => {
                            class_lookup(ctx, &meta, "__getattr__", crate::hash_lit!("__getattr__"))
                        }
                        None => None,
                    };
                    return match hook {
                        Some((ga, false)) => {
                            call_special(ctx, ga, obj, &meta, &[vm.str(name)], &[]).map(Some)
                        }
                        _ => Ok(None),
                    };
                };
                if name == "__new__" {
                    return Ok(Some(attr));
                }
                return bind(ctx, attr, obj, &meta).map(Some);
            };
            Ok(Some(match &attr.payload {
                Payload::Wrapper(w) => match &**w {
                    Wrapper::StaticMethod(f) => f.clone(),
                    Wrapper::ClassMethod(f) => {
                        PyRef::new(Payload::Method(Box::new((f.clone(), obj.clone()))))
                    }
                    Wrapper::Property { .. } => attr.clone(),
                },
                Payload::Instance(_) | Payload::Native(_) => descr::get_from_class(ctx, attr, obj)?,
                _ => attr,
            }))
        }
        Payload::Super(s) => {
            let (start, inst) = (&s.0, &s.1);
            // `super()` in a classmethod or `__new__` searches the class's own MRO.
            let of_class =
                matches!(inst.payload, Payload::Type(_)) && super::is_subclass(inst, start);
            let owner = if of_class { inst.clone() } else { type_of(vm, inst) };
            let Some(attr) = lookup_after(&owner, start, name, hash) else { return Ok(None) };
            if name == "__new__" {
                // A static method in CPython: never bound.
                return Ok(Some(match &attr.payload {
                    Payload::Wrapper(w) => match &**w {
                        Wrapper::StaticMethod(f) => f.clone(),
                        _ => attr.clone(),
                    },
                    _ => attr,
                }));
            }
            if of_class {
                return Ok(Some(match &attr.payload {
                    Payload::Wrapper(w) => match &**w {
                        Wrapper::StaticMethod(f) => f.clone(),
                        Wrapper::ClassMethod(f) => {
                            PyRef::new(Payload::Method(Box::new((f.clone(), inst.clone()))))
                        }
                        Wrapper::Property { .. } => attr.clone(),
                    },
                    Payload::Instance(_) | Payload::Native(_) => {
                        descr::get_from_class(ctx, attr, inst)?
                    }
                    _ => attr,
                }));
            }
            bind(ctx, attr, inst, &owner).map(Some)
        }
        _ => {
            if name == "__class__" {
                return Ok(Some(type_of(vm, obj)));
            }
            let cls = type_of(vm, obj);
            // `__getattr__` runs when the attribute is missing, also when a property or
            // descriptor raised `AttributeError` (CPython's `slot_tp_getattr_hook`); it is
            // looked up only then.
            let err = match generic_getattr(ctx, obj, &cls, name, hash) {
                // A bound method forwards what it lacks to its function (`__wrapped__`,
                // `__doc__`, `cache_info`), as CPython's `method_getattro` does.
                Ok(None) if let Payload::Method(m) = &obj.payload => {
                    return getattr_opt(ctx, &m.0, name, hash);
                }
                Ok(None) => None,
                Err(e)
                    if matches!(obj.payload, Payload::Instance(_))
                        && super::isinstance(vm, &e.0, &vm.core.exc.attribute_error) =>
                {
                    Some(e)
                }
                found => return found,
            };
            let hook = match &obj.payload {
                Payload::Instance(_) => {
                    class_attr(ctx, &cls, "__getattr__", crate::hash_lit!("__getattr__"))
                }
                _ => None,
            };
            match (hook, err) {
                (Some(ga), _) => call::call(ctx, &ga, &[obj.clone(), vm.str(name)], &[]).map(Some),
                (None, Some(e)) => Err(e),
                (None, None) => Ok(None),
            }
        }
    }
}

/// `PyObject_GenericGetAttr` for everything but modules, classes and `super`: data
/// descriptors, then the instance dict (and exception fields), then the class attribute
/// (bound, or through its `__get__`).
pub(crate) fn generic_getattr<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    cls: &PyRef<B>,
    name: &str,
    hash: i64,
) -> PyResult<B, Option<PyRef<B>>> {
    let vm = ctx.vm;
    let class_attr = class_attr(ctx, cls, name, hash);
    if let Some(a) = &class_attr
        && descr::is_data(a)
        && (matches!(a.payload, Payload::Wrapper(_)) || descr::getter(a).is_some())
    {
        return bind(ctx, a.clone(), obj, cls).map(Some);
    }
    if let Payload::Instance(inst) = &obj.payload {
        if inst.value.is_some()
            && let Some(d) = local::dict_of(ctx, obj, inst)?
        {
            if let Some(v) = dicts::get_str(&d, name, hash) {
                return Ok(Some(v));
            }
            if name == "__dict__" {
                return Ok(Some(d));
            }
        }
        let found = dicts::get_str(obj, name, hash);
        if found.is_some() {
            return Ok(found);
        }
        if let Some(exc) = &inst.exc {
            let special = match name {
                "value" => super::isinstance(vm, obj, &vm.core.exc.stop_iteration),
                "code" => super::isinstance(vm, obj, &vm.core.exc.system_exit),
                _ => false,
            };
            let v = obj.read(exc, |e| match name {
                "args" => Some(Some(e.args.clone())),
                "__cause__" => Some(e.cause.clone()),
                "__context__" => Some(e.context.clone()),
                "__suppress_context__" => Some(Some(vm.bool(e.suppress_context))),
                "__traceback__" => Some(e.traceback.last().map(|t| traceback_object(vm, t.line))),
                "value" | "code" if special => match &e.args.payload {
                    Payload::Tuple(t) => match &t[..] {
                        [only] => Some(Some(only.clone())),
                        [] => Some(None),
                        _ => Some(Some(e.args.clone())),
                    },
                    _ => Some(Some(e.args.clone())),
                },
                _ => None,
            });
            if let Some(v) = v {
                return Ok(Some(v.unwrap_or_else(|| vm.core.none.clone())));
            }
        }
    }
    if let Payload::Function(f) = &obj.payload
        && let Some(v) = super::funcattrs::get(ctx, obj, f, name)
    {
        return Ok(Some(v));
    }
    if let Some(v) = special_attr(ctx, obj, name) {
        return Ok(Some(v));
    }
    match class_attr {
        Some(a) => bind(ctx, a, obj, cls).map(Some),
        None => Ok(None),
    }
}

/// `C.__annotations__` of a class defined in Python (CPython 3.10+): its own dict's entry,
/// else a new empty dict stored there (never a base class's annotations). `None` for a
/// built-in type, which has no such attribute.
fn class_annotations<B: Backend>(ctx: &Ctx<'_, B>, cls: &PyRef<B>) -> Option<PyRef<B>> {
    if let Some(a) = dicts::get_text(cls, "__annotations__") {
        return Some(a);
    }
    // A class statement always stores `__module__` in the class's namespace.
    dicts::get_text(cls, "__module__")?;
    let a = ctx.vm.dict(crate::object::dict::Dict::new());
    dicts::set_name(cls, ctx.vm.intern("__annotations__"), a.clone());
    Some(a)
}

/// The attributes of `staticmethod`/`classmethod` objects (`__func__`, `__wrapped__`) and of
/// `property` objects (`fget`, `fset`, `fdel`), and their `__isabstractmethod__`: whether a
/// function they hold has a true one (what `abc` reads).
fn wrapper_attr<B: Backend>(ctx: &Ctx<'_, B>, w: &Wrapper<B>, name: &str) -> Option<PyRef<B>> {
    let vm = ctx.vm;
    let abstract_fn = |f: &PyRef<B>| match &f.payload {
        Payload::Function(func) => super::funcattrs::get(ctx, f, func, "__isabstractmethod__")
            .is_some_and(|v| matches!(v.payload, Payload::Bool(true))),
        _ => false,
    };
    match (w, name) {
        (Wrapper::StaticMethod(f) | Wrapper::ClassMethod(f), "__func__" | "__wrapped__") => {
            Some(f.clone())
        }
        (Wrapper::StaticMethod(f) | Wrapper::ClassMethod(f), "__isabstractmethod__") => {
            Some(vm.bool(abstract_fn(f)))
        }
        (Wrapper::Property { fget, .. }, "fget") => {
            Some(fget.clone().unwrap_or_else(|| vm.core.none.clone()))
        }
        (Wrapper::Property { fset, .. }, "fset") => {
            Some(fset.clone().unwrap_or_else(|| vm.core.none.clone()))
        }
        (Wrapper::Property { .. }, "fdel") => Some(vm.core.none.clone()),
        (Wrapper::Property { fget, fset }, "__isabstractmethod__") => {
            Some(vm.bool(fget.iter().chain(fset.iter()).any(abstract_fn)))
        }
        _ => None,
    }
}

/// Attributes that built-in objects have without a class-dict entry.
fn special_attr<B: Backend>(ctx: &Ctx<'_, B>, obj: &PyRef<B>, name: &str) -> Option<PyRef<B>> {
    let vm = ctx.vm;
    match (&obj.payload, name) {
        (Payload::Wrapper(w), _) => wrapper_attr(ctx, w, name),
        (Payload::Function(f), "__name__") => Some(f.name.clone()),
        (Payload::Function(f), "__qualname__") => Some(f.qualname.clone()),
        (Payload::Function(f), "__module__") => Some(f.module.clone()),
        (Payload::Function(f), "__code__") => Some(f.code.clone()),
        (Payload::Function(f), "__defaults__") => {
            Some(f.defaults.clone().unwrap_or_else(|| vm.core.none.clone()))
        }
        (Payload::Function(f), "__globals__") => Some(f.globals.clone()),
        (Payload::Function(f), "__doc__") => Some(match &f.code.payload {
            // `constants[0]` of a `def`'s code (not a lambda's) is its docstring.
            Payload::Code(c) if !c.code.name.starts_with('<') => {
                c.code.docstring().map_or_else(|| vm.core.none.clone(), |d| vm.str(d))
            }
            _ => vm.core.none.clone(),
        }),
        (Payload::Builtin(b), "__name__" | "__qualname__") => Some(vm.str(b.name)),
        (Payload::Builtin(b), "__self__") => b.bound.clone(),
        (Payload::Method(m), "__self__") => Some(m.1.clone()),
        (Payload::Method(m), "__func__") => Some(m.0.clone()),
        (Payload::Method(m), "__name__" | "__qualname__") => match &m.0.payload {
            Payload::Function(f) => {
                Some(if name == "__name__" { f.name.clone() } else { f.qualname.clone() })
            }
            _ => None,
        },
        (Payload::Code(c), "co_name") => Some(vm.str(c.code.name.as_str())),
        (Payload::Code(c), "co_qualname") => Some(vm.str(c.code.qualname.as_str())),
        (Payload::Code(c), "co_firstlineno") => Some(vm.int(i64::from(c.code.first_line))),
        (Payload::Code(c), "co_argcount") => Some(vm.int(i64::from(c.code.argcount))),
        (Payload::Code(_), "co_posonlyargcount") => Some(vm.int(0)),
        (Payload::Code(c), "co_kwonlyargcount") => Some(vm.int(i64::from(c.code.kwonlyargcount))),
        (Payload::Code(c), "co_flags") => Some(vm.int(i64::from(c.code.flags.0))),
        (Payload::Code(c), "co_nlocals") => Some(vm.int(i64::from(c.code.nlocals))),
        (Payload::Code(c), "co_varnames") => {
            Some(vm.tuple(c.code.varnames.iter().map(|n| vm.str(n.as_str())).collect()))
        }
        (Payload::Function(f), "__kwdefaults__") => {
            Some(f.kwdefaults.clone().unwrap_or_else(|| vm.core.none.clone()))
        }
        (Payload::Code(c), "co_filename") => Some(vm.str(&*c.code.filename)),
        (Payload::Instance(i), "__dict__") => match &i.class.payload {
            Payload::Type(t) if t.slots.is_some() => None,
            _ => Some(vm.dict(obj.read(&i.dict, |d| d.clone()))),
        },
        (Payload::Native(n), "tb_lineno") if n.class.is(&vm.core.types.traceback) => {
            n.data.downcast_ref::<u32>().map(|l| vm.int(*l as i64))
        }
        (Payload::Range(r), "start") => Some(vm.int(r.start)),
        (Payload::Range(r), "stop") => Some(vm.int(r.stop)),
        (Payload::Range(r), "step") => Some(vm.int(r.step)),
        (Payload::Slice(s), "start" | "stop" | "step") => {
            let [start, stop, step] = &**s;
            Some(match name {
                "start" => start.clone(),
                "stop" => stop.clone(),
                _ => step.clone(),
            })
        }
        (Payload::Int(_) | Payload::BigInt(_) | Payload::Bool(_), "real" | "numerator") => {
            Some(obj.clone())
        }
        (Payload::Int(_) | Payload::BigInt(_) | Payload::Bool(_), "imag") => Some(vm.int(0)),
        (Payload::Int(_) | Payload::BigInt(_) | Payload::Bool(_), "denominator") => Some(vm.int(1)),
        (Payload::Float(_), "real") => Some(obj.clone()),
        (Payload::Float(_), "imag") => Some(vm.float(0.0)),
        _ => None,
    }
}

/// `LOAD_METHOD`: `(function, Some(self))` when the attribute is a plain method found on the
/// class (so no bound-method object is made), else `(attribute, None)`.
pub fn load_method<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    name: &PyRef<B>,
) -> PyResult<B, (PyRef<B>, Option<PyRef<B>>)> {
    let Payload::Str(s) = &name.payload else {
        return Err(ctx.type_error("attribute name must be string"));
    };
    let (text, hash) = (s.as_str(), s.hash());
    if !matches!(obj.payload, Payload::Module(_) | Payload::Type(_) | Payload::Super(_)) {
        let cls = type_of(ctx.vm, obj);
        if let Some(attr) = class_attr(ctx, &cls, text, hash) {
            let plain = match &attr.payload {
                Payload::Function(_) => true,
                Payload::Builtin(b) => b.bound.is_none(),
                _ => false,
            };
            let shadowed = match &obj.payload {
                Payload::Instance(inst) if local::is_local(inst) => true,
                Payload::Instance(_) => dicts::has_str(obj, text, hash),
                _ => false,
            };
            if plain && !shadowed {
                return Ok((attr, Some(obj.clone())));
            }
        }
    }
    Ok((getattr(ctx, obj, name)?, None))
}

/// `setattr(obj, name, value)`.
pub fn setattr<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    name: &PyRef<B>,
    value: PyRef<B>,
) -> PyResult<B, ()> {
    if let Some((f, cls)) = user_hook(ctx, obj, "__setattr__", crate::hash_lit!("__setattr__")) {
        return call_special(ctx, f, obj, &cls, &[name.clone(), value], &[]).map(drop);
    }
    generic_setattr(ctx, obj, name, value)
}

/// A `__setattr__`/`__delattr__` that a Python class (not `object`) defines for `obj` (or a
/// metaclass for the class `obj`), with that class.
pub(crate) fn user_hook<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    hook: &str,
    hash: i64,
) -> Option<(PyRef<B>, PyRef<B>)> {
    let cls = match &obj.payload {
        Payload::Instance(inst) => &inst.class,
        Payload::Type(t) => t.metaclass.as_ref()?,
        _ => return None,
    };
    match class_lookup(ctx, cls, hook, hash) {
        Some((f, false)) => Some((f, cls.clone())),
        _ => None,
    }
}

/// `object.__setattr__(obj, name, value)`: data descriptors, then the instance dict.
pub fn generic_setattr<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    name: &PyRef<B>,
    value: PyRef<B>,
) -> PyResult<B, ()> {
    let Payload::Str(s) = &name.payload else {
        return Err(ctx.type_error("attribute name must be string"));
    };
    let text = s.as_str();
    match &obj.payload {
        Payload::Instance(inst) => {
            let cls = inst.class.clone();
            if let Some(a) = class_attr(ctx, &cls, text, s.hash()) {
                if let Payload::Wrapper(w) = &a.payload
                    && let Wrapper::Property { fset, .. } = &**w
                {
                    return match fset {
                        Some(f) => call::call(ctx, f, &[obj.clone(), value], &[]).map(drop),
                        None => Err(ctx.attribute_error(format!(
                            "property '{text}' of '{}' object has no setter",
                            type_name(ctx.vm, obj)
                        ))),
                    };
                }
                if let Some(r) = descr::set(ctx, &a, obj, Some(value.clone())) {
                    return r;
                }
            }
            if let Some(exc) = &inst.exc {
                match text {
                    "__cause__" => {
                        let v =
                            if matches!(value.payload, Payload::None) { None } else { Some(value) };
                        let old = obj.write(exc, |e| {
                            e.suppress_context = true;
                            std::mem::replace(&mut e.cause, v)
                        });
                        drop(old);
                        return Ok(());
                    }
                    "args" => {
                        let t = super::seq::to_vec(ctx, &value)?;
                        let t = ctx.vm.tuple(t);
                        let old = obj.write(exc, |e| std::mem::replace(&mut e.args, t));
                        drop(old);
                        return Ok(());
                    }
                    _ => {}
                }
            }
            if let Payload::Type(ct) = &cls.payload
                && let Some(slots) = &ct.slots
                && !slots.iter().any(|n| n == text)
            {
                // `__slots__` without `__dict__`: no other attribute can be stored.
                return Err(
                    ctx.attribute_error(format!("'{}' object has no attribute '{text}'", ct.name))
                );
            }
            if inst.value.is_some()
                && let Some(d) = local::dict_of(ctx, obj, inst)?
            {
                if text == "__dict__" {
                    return Err(local::dict_read_only(ctx, obj));
                }
                dicts::set_name(&d, name.clone(), value);
                return Ok(());
            }
            dicts::set_name(obj, name.clone(), value);
            Ok(())
        }
        Payload::Type(t) if t.module != "builtins" => {
            dicts::set_name(obj, name.clone(), value);
            Ok(())
        }
        Payload::Type(t) => Err(
            ctx.type_error(format!("cannot set '{text}' attribute of immutable type '{}'", t.name))
        ),
        Payload::Module(m) => {
            dicts::set_name(&m.dict, name.clone(), value);
            Ok(())
        }
        Payload::Function(f) => super::funcattrs::set(ctx, obj, f, name, Some(value)),
        _ => Err(ctx.attribute_error(format!(
            "'{}' object has no attribute '{text}'",
            type_name(ctx.vm, obj)
        ))),
    }
}

/// `delattr(obj, name)`.
pub fn delattr<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    name: &PyRef<B>,
) -> PyResult<B, ()> {
    if let Some((f, cls)) = user_hook(ctx, obj, "__delattr__", crate::hash_lit!("__delattr__")) {
        return call_special(ctx, f, obj, &cls, std::slice::from_ref(name), &[]).map(drop);
    }
    generic_delattr(ctx, obj, name)
}

/// `object.__delattr__(obj, name)`: data descriptors, then the instance dict.
pub fn generic_delattr<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    obj: &PyRef<B>,
    name: &PyRef<B>,
) -> PyResult<B, ()> {
    let Payload::Str(s) = &name.payload else {
        return Err(ctx.type_error("attribute name must be string"));
    };
    let text = s.as_str();
    if let Payload::Instance(inst) = &obj.payload
        && let Some(a) = class_attr(ctx, &inst.class, text, s.hash())
    {
        if let Payload::Wrapper(w) = &a.payload
            && let Wrapper::Property { .. } = &**w
        {
            return Err(ctx.attribute_error(format!(
                "property '{text}' of '{}' object has no deleter",
                type_name(ctx.vm, obj)
            )));
        }
        if let Some(r) = descr::set(ctx, &a, obj, None) {
            return r;
        }
    }
    if let Payload::Function(f) = &obj.payload {
        return super::funcattrs::set(ctx, obj, f, name, None);
    }
    let removed = match &obj.payload {
        Payload::Instance(inst) if inst.value.is_some() => match local::dict_of(ctx, obj, inst)? {
            Some(_) if text == "__dict__" => {
                return Err(local::dict_read_only(ctx, obj));
            }
            Some(d) => dicts::del_name(&d, text),
            None => dicts::del_name(obj, text),
        },
        Payload::Instance(_) => dicts::del_name(obj, text),
        Payload::Module(m) => dicts::del_name(&m.dict, text),
        Payload::Type(t) if t.module != "builtins" => dicts::del_name(obj, text),
        _ => None,
    };
    match removed {
        Some(_) => Ok(()),
        None => Err(no_attribute(ctx, obj, text)),
    }
}

/// A `traceback` object standing for an exception's traceback (it carries `tb_lineno`; the
/// frames themselves are printed from the exception).
pub fn traceback_object<B: Backend>(vm: &crate::Vm<B>, line: u32) -> PyRef<B> {
    PyRef::new(Payload::Native(Box::new(crate::object::NativeObj {
        class: vm.core.types.traceback.clone(),
        data: Box::new(line),
    })))
}
