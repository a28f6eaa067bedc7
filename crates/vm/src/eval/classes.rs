//! Class creation, as CPython's `type.__new__` and `__build_class__` do it: the metaclass
//! (explicit `metaclass=`, else the most derived metaclass of the bases), its `__prepare__`,
//! the C3 linearization of the bases ([`c3`]), the instance layout (an exception's state, or
//! the built-in value a subclass of `list`, `dict`, `int`, ... extends), `__slots__`, the
//! implicit `staticmethod`/`classmethod` of `__new__`, `__init_subclass__` and
//! `__class_getitem__`, `__set_name__`, then `__init_subclass__` of the parent.
//!
//! A class's MRO is computed once and kept in its [`TypeObj`]: `__bases__` cannot be
//! reassigned in gil-lab, so lookups read it without a lock on every backend.

use crate::backend::Backend;
use crate::builtins::Args;
use crate::ctx::{Ctx, PyResult};
use crate::object::dict::Dict;
use crate::object::str::hash_str;
use crate::object::{Layout, Payload, PyRef, TypeObj, Wrapper};
use crate::ops::{self, attr, call as callop, type_name};

/// `__build_class__(body, name, *bases, metaclass=None, **kwds)`: runs the class body in the
/// namespace the metaclass prepares and calls the metaclass.
pub fn build_class<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let vm = ctx.vm;
    let pos = args.positional();
    if pos.len() < 2 {
        return Err(ctx.type_error("__build_class__: not enough arguments"));
    }
    let (body, name_obj) = (&pos[0], &pos[1]);
    let Payload::Function(func) = &body.payload else {
        return Err(ctx.type_error("__build_class__: func must be a function"));
    };
    let name = ops::as_str(name_obj).unwrap_or("?").to_string();
    let orig_bases = &pos[2..];
    let resolved = resolve_bases(ctx, orig_bases)?;
    let bases = resolved.as_deref().unwrap_or(orig_bases);
    let mut kw: Vec<(PyRef<B>, PyRef<B>)> = Vec::new();
    let mut explicit = None;
    let npos = args.args.len() - args.kwnames.len();
    for (k, v) in args.kwnames.iter().zip(&args.args[npos..]) {
        if ops::as_str(k) == Some("metaclass") {
            explicit = Some(v.clone());
        } else {
            kw.push((k.clone(), v.clone()));
        }
    }
    let meta = match explicit {
        Some(m) if matches!(m.payload, Payload::Type(_)) => winner(ctx, &m, bases)?,
        Some(m) => m,
        None => winner(ctx, &vm.core.types.type_, bases)?,
    };
    let is_type = meta.is(&vm.core.types.type_);
    let bases_tuple = vm.tuple(bases.to_vec());
    let ns = if is_type {
        vm.dict(Dict::new())
    } else {
        prepare(ctx, &meta, name_obj, &bases_tuple, &kw)?
    };
    if resolved.is_some() {
        let key = vm.intern("__orig_bases__");
        ops::seq::setitem(ctx, &ns, &key, vm.tuple(orig_bases.to_vec()))?;
    }
    let Payload::Code(code) = &func.code.payload else {
        return Err(ctx.type_error("class body without code"));
    };
    // A mapping from `__prepare__` that extends `dict` runs the body through its
    // `__getitem__`/`__setitem__` (`names::mapping_locals`).
    let body_ns = ops::value_of(&ns).clone();
    if !matches!(body_ns.payload, Payload::Dict(_)) {
        return Err(ctx.type_error(format!(
            "{}.__prepare__() must return a mapping, not {}",
            ops::class_name(&meta),
            type_name(vm, &ns)
        )));
    }
    let class_cell = super::run_code(ctx, code, &func.globals, Some(func), ns.clone())?;
    let cls = if is_type {
        let Payload::Dict(nsd) = &body_ns.payload else { unreachable!("checked above") };
        let table = body_ns.write(nsd, std::mem::take);
        create_class(ctx, &meta, name, bases, table, &kw)?
    } else {
        let mut call_args = vec![name_obj.clone(), bases_tuple, ns];
        let kwnames: Vec<PyRef<B>> = kw.iter().map(|(k, _)| k.clone()).collect();
        call_args.extend(kw.iter().map(|(_, v)| v.clone()));
        callop::call(ctx, &meta, &call_args, &kwnames)?
    };
    if let Payload::Cell(c) = &class_cell.payload {
        let old = class_cell.write(c, |slot| slot.replace(cls.clone()));
        drop(old);
    }
    if body.is_immortal()
        && let Payload::Type(t) = &cls.payload
    {
        // The body was made by a module body (or an immortal class's): so is the class.
        // Immortal, with its methods (`object::immortal`).
        vm.immortalize(&cls);
        vm.immortalize_values(&cls, &t.dict);
    }
    Ok(cls)
}

/// PEP 560's `__mro_entries__`: each base that is not a class but has the method is replaced
/// by the classes it returns for the original bases. `None` when no base was replaced (the
/// class then gets no `__orig_bases__`).
fn resolve_bases<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    bases: &[PyRef<B>],
) -> PyResult<B, Option<Vec<PyRef<B>>>> {
    if bases.iter().all(|b| matches!(b.payload, Payload::Type(_))) {
        return Ok(None);
    }
    let vm = ctx.vm;
    let orig = vm.tuple(bases.to_vec());
    let mut out = Vec::with_capacity(bases.len());
    let mut changed = false;
    for b in bases {
        let entries = match &b.payload {
            Payload::Type(_) => None,
            _ => attr::getattr_opt(ctx, b, "__mro_entries__", crate::hash_lit!("__mro_entries__"))?,
        };
        let Some(f) = entries else {
            out.push(b.clone());
            continue;
        };
        let r = callop::call(ctx, &f, std::slice::from_ref(&orig), &[])?;
        let Payload::Tuple(t) = &r.payload else {
            return Err(ctx.type_error("__mro_entries__ must return a tuple"));
        };
        out.extend(t.iter().cloned());
        changed = true;
    }
    Ok(changed.then_some(out))
}

/// `meta.__prepare__(name, bases, **kwds)`.
fn prepare<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    meta: &PyRef<B>,
    name: &PyRef<B>,
    bases: &PyRef<B>,
    kw: &[(PyRef<B>, PyRef<B>)],
) -> PyResult<B> {
    let Some(prep) = attr::getattr_opt(ctx, meta, "__prepare__", crate::hash_lit!("__prepare__"))?
    else {
        return Ok(ctx.vm.dict(Dict::new()));
    };
    let mut args = vec![name.clone(), bases.clone()];
    let kwnames: Vec<PyRef<B>> = kw.iter().map(|(k, _)| k.clone()).collect();
    args.extend(kw.iter().map(|(_, v)| v.clone()));
    callop::call(ctx, &prep, &args, &kwnames)
}

/// The metaclass of a class with `bases` whose requested metaclass is `meta`: the most
/// derived of `meta` and the bases' metaclasses, or CPython's "metaclass conflict".
pub fn winner<B: Backend>(
    ctx: &Ctx<'_, B>,
    meta: &PyRef<B>,
    bases: &[PyRef<B>],
) -> PyResult<B, PyRef<B>> {
    let mut win = meta.clone();
    for b in bases {
        let bm = ops::type_of(ctx.vm, b);
        if ops::is_subclass(&win, &bm) {
            continue;
        }
        if ops::is_subclass(&bm, &win) {
            win = bm;
            continue;
        }
        return Err(ctx.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
             subclass of the metaclasses of all its bases",
        ));
    }
    Ok(win)
}

/// The C3 linearization of a class with `bases`, without the class itself.
pub fn c3<B: Backend>(ctx: &Ctx<'_, B>, bases: &[PyRef<B>]) -> PyResult<B, Vec<PyRef<B>>> {
    let mut seqs: Vec<Vec<PyRef<B>>> = bases
        .iter()
        .map(|b| {
            let mut s = vec![b.clone()];
            if let Payload::Type(t) = &b.payload {
                s.extend(t.mro.iter().cloned());
            }
            s
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let in_tail = |c: &PyRef<B>, seqs: &[Vec<PyRef<B>>]| {
            seqs.iter().any(|s| s.iter().skip(1).any(|x| x.is(c)))
        };
        let Some(next) = seqs.iter().map(|s| &s[0]).find(|c| !in_tail(c, &seqs)).cloned() else {
            let names: Vec<&str> = bases.iter().map(|b| ops::class_name(b)).collect();
            return Err(ctx.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in &mut seqs {
            if s[0].is(&next) {
                s.remove(0);
            }
        }
        out.push(next);
    }
}

/// Built-in types a Python class may extend, besides `object` and the exceptions.
fn subclassable<B: Backend>(ctx: &Ctx<'_, B>, cls: &PyRef<B>) -> bool {
    let t = &ctx.vm.core.types;
    [
        &t.int,
        &t.float,
        &t.str_,
        &t.bytes,
        &t.tuple,
        &t.list,
        &t.dict,
        &t.set,
        &t.frozenset,
        &t.type_,
    ]
    .iter()
    .any(|c| c.is(cls))
}

/// What the instances of a class are: its layout, the built-in value they extend (if any),
/// and `__base__`.
type InstanceShape<B> = (Layout, Option<PyRef<B>>, PyRef<B>);

/// The [`InstanceShape`] of a class with `bases`.
fn layout_of<B: Backend>(ctx: &Ctx<'_, B>, bases: &[PyRef<B>]) -> PyResult<B, InstanceShape<B>> {
    let vm = ctx.vm;
    let mut layout = Layout::Object;
    let mut value: Option<PyRef<B>> = None;
    let mut solid: Option<PyRef<B>> = None;
    for b in bases {
        let Payload::Type(t) = &b.payload else { unreachable!("bases are checked to be types") };
        let vt = if t.layout == Layout::Builtin && !b.is(&vm.core.object_type) {
            if !subclassable(ctx, b) {
                return Err(
                    ctx.type_error(format!("type '{}' is not an acceptable base type", t.name))
                );
            }
            Some(b.clone())
        } else {
            t.value_type.clone()
        };
        let exc = t.layout == Layout::Exception;
        let conflict = (exc && value.is_some()) || (vt.is_some() && layout == Layout::Exception);
        if conflict {
            return Err(ctx.type_error("multiple bases have instance lay-out conflict"));
        }
        if exc {
            layout = Layout::Exception;
            solid.get_or_insert_with(|| b.clone());
        }
        if let Some(vt) = vt {
            match &value {
                None => value = Some(vt),
                Some(v) if ops::is_subclass(v, &vt) => {}
                Some(v) if ops::is_subclass(&vt, v) => value = Some(vt),
                Some(_) => {
                    return Err(ctx.type_error("multiple bases have instance lay-out conflict"));
                }
            }
            solid.get_or_insert_with(|| b.clone());
        }
    }
    let base = solid.unwrap_or_else(|| bases[0].clone());
    Ok((layout, value, base))
}

/// The names a class's `__slots__` declares, checked as CPython checks them.
fn slot_names<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    slots: &PyRef<B>,
    table: &Dict<B>,
) -> PyResult<B, Vec<String>> {
    let items = match &slots.payload {
        Payload::Str(_) => vec![slots.clone()],
        _ => ops::seq::to_vec(ctx, slots)?,
    };
    let mut names = Vec::new();
    for it in &items {
        let Some(n) = ops::as_str(it) else {
            return Err(ctx.type_error(format!(
                "__slots__ items must be strings, not '{}'",
                type_name(ctx.vm, it)
            )));
        };
        let ident = !n.is_empty()
            && !n.starts_with(|c: char| c.is_ascii_digit())
            && n.chars().all(|c| c == '_' || c.is_alphanumeric());
        if !ident {
            return Err(ctx.type_error("__slots__ must be identifiers"));
        }
        if n != "__dict__" && n != "__weakref__" && has_key(table, n) {
            return Err(
                ctx.value_error(format!("'{n}' in __slots__ conflicts with class variable"))
            );
        }
        names.push(n.to_string());
    }
    Ok(names)
}

fn has_key<B: Backend>(t: &Dict<B>, n: &str) -> bool {
    t.iter().any(|e| matches!(&e.key.payload, Payload::Str(s) if s.as_str() == n))
}

/// Stores `v` under the str key `n`, dropping what it replaces.
fn put<B: Backend>(ctx: &Ctx<'_, B>, t: &mut Dict<B>, n: &str, v: PyRef<B>) {
    let k = ctx.vm.intern(n);
    let old = t.insert(hash_str(n), k, Some(v), |k| ops::as_str(k) == Some(n));
    drop(old);
}

fn get_key<B: Backend>(t: &Dict<B>, n: &str) -> Option<PyRef<B>> {
    t.iter()
        .find(|e| matches!(&e.key.payload, Payload::Str(s) if s.as_str() == n))
        .and_then(|e| e.value.clone())
}

/// Replaces the plain function stored under `n` by `wrap(function)`.
fn wrap_implicit<B: Backend>(
    ctx: &Ctx<'_, B>,
    t: &mut Dict<B>,
    n: &str,
    wrap: fn(PyRef<B>) -> Wrapper<B>,
) {
    let Some(f) = get_key(t, n) else { return };
    if !matches!(f.payload, Payload::Function(_)) {
        return;
    }
    let w = PyRef::new(Payload::Wrapper(Box::new(wrap(f))));
    put(ctx, t, n, w);
}

/// `type.__new__(meta, name, bases, namespace, **kwds)` with the namespace's entries in
/// `table`: makes the class, runs `__set_name__` and the parent's `__init_subclass__`.
pub fn create_class<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    meta: &PyRef<B>,
    name: String,
    bases: &[PyRef<B>],
    mut table: Dict<B>,
    kw: &[(PyRef<B>, PyRef<B>)],
) -> PyResult<B> {
    let vm = ctx.vm;
    let bases: Vec<PyRef<B>> =
        if bases.is_empty() { vec![vm.core.object_type.clone()] } else { bases.to_vec() };
    for (i, b) in bases.iter().enumerate() {
        if !matches!(b.payload, Payload::Type(_)) {
            return Err(ctx.type_error(format!("bases must be types, not {}", type_name(vm, b))));
        }
        if bases[..i].iter().any(|o| o.is(b)) {
            return Err(ctx.type_error(format!("duplicate base class {}", ops::class_name(b))));
        }
    }
    let (layout, value_type, base) = layout_of(ctx, &bases)?;
    let mro = c3(ctx, &bases)?;
    let text =
        |t: &Dict<B>, n: &str| get_key(t, n).and_then(|q| ops::as_str(&q).map(str::to_string));
    let qualname = text(&table, "__qualname__").unwrap_or_else(|| name.clone());
    let module = match text(&table, "__module__") {
        Some(m) => m,
        None => {
            // `type(name, bases, ns)` without `__module__`: gil-lab has no caller frame
            // to take it from, so it is `__main__` (docs/language.md).
            put(ctx, &mut table, "__module__", vm.str("__main__"));
            "__main__".to_string()
        }
    };
    let qpos =
        table.find(crate::hash_lit!("__qualname__"), |k| ops::as_str(k) == Some("__qualname__"));
    if let Some(pos) = qpos {
        let old = table.remove_at(pos);
        drop(old);
    }
    // A class that defines __eq__ without __hash__ is unhashable, as in Python.
    if has_key(&table, "__eq__") && !has_key(&table, "__hash__") {
        put(ctx, &mut table, "__hash__", vm.core.none.clone());
    }
    wrap_implicit(ctx, &mut table, "__new__", Wrapper::StaticMethod);
    wrap_implicit(ctx, &mut table, "__init_subclass__", Wrapper::ClassMethod);
    wrap_implicit(ctx, &mut table, "__class_getitem__", Wrapper::ClassMethod);
    let slots = match get_key(&table, "__slots__") {
        None => None,
        Some(s) => {
            let own = slot_names(ctx, &s, &table)?;
            if own.iter().any(|n| n == "__dict__") {
                None
            } else {
                inherited_slots(vm, &mro).map(|mut all| {
                    all.extend(own);
                    all.into_boxed_slice()
                })
            }
        }
    };
    let metaclass = (!meta.is(&vm.core.types.type_)).then(|| meta.clone());
    let cls = PyRef::new(Payload::Type(Box::new(TypeObj {
        name,
        qualname,
        base: Some(base),
        bases: bases.into_boxed_slice(),
        mro: mro.into_boxed_slice(),
        metaclass,
        value_type,
        slots,
        dict: B::cell_new(table),
        layout,
        module,
        tag: crate::object::typever::new_tag(),
    })));
    ops::descr::set_names(ctx, &cls)?;
    init_subclass(ctx, &cls, kw)?;
    Ok(cls)
}

/// The slot names every class of `mro` declares, or `None` if one of them gives its
/// instances a `__dict__` (a Python class without `__slots__`, or an exception class).
fn inherited_slots<B: Backend>(vm: &crate::vm::Vm<B>, mro: &[PyRef<B>]) -> Option<Vec<String>> {
    let mut all = Vec::new();
    for c in mro {
        let Payload::Type(t) = &c.payload else { return None };
        if t.layout == Layout::Builtin || c.is(&vm.core.object_type) {
            continue;
        }
        all.extend(t.slots.as_ref()?.iter().cloned());
    }
    Some(all)
}

/// Calls the parent's `__init_subclass__(**kwds)` for the new class `cls`.
fn init_subclass<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    cls: &PyRef<B>,
    kw: &[(PyRef<B>, PyRef<B>)],
) -> PyResult<B, ()> {
    let name = "__init_subclass__";
    let Some(f) = attr::lookup_after(cls, cls, name, hash_str(name)) else { return Ok(()) };
    let bound = match &f.payload {
        Payload::Wrapper(w) => match &**w {
            Wrapper::ClassMethod(f) => {
                PyRef::new(Payload::Method(Box::new((f.clone(), cls.clone()))))
            }
            Wrapper::StaticMethod(f) => f.clone(),
            Wrapper::Property { .. } => return Ok(()),
        },
        _ => f.clone(),
    };
    let kwnames: Vec<PyRef<B>> = kw.iter().map(|(k, _)| k.clone()).collect();
    let vals: Vec<PyRef<B>> = kw.iter().map(|(_, v)| v.clone()).collect();
    callop::call(ctx, &bound, &vals, &kwnames).map(drop)
}

/// `object.__init_subclass__()`: accepts no keyword arguments.
pub fn object_init_subclass<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if !args.kwnames.is_empty() || args.positional().len() > 1 {
        let cls = args.args.first().map(ops::class_name).unwrap_or("object").to_string();
        return Err(ctx.type_error(format!("{cls}.__init_subclass__() takes no keyword arguments")));
    }
    Ok(ctx.vm.core.none.clone())
}

/// `type(name, bases, dict, **kwds)` and `type.__new__(meta, name, bases, dict, **kwds)`
/// (`args` without the metaclass).
pub fn type_new3<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    meta: &PyRef<B>,
    args: &[PyRef<B>],
    kw: &[(PyRef<B>, PyRef<B>)],
) -> PyResult<B> {
    let [name, bases, ns] = args else {
        return Err(ctx.type_error("type() takes 1 or 3 arguments"));
    };
    let Some(name) = ops::as_str(name) else {
        return Err(ctx.type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            type_name(ctx.vm, name)
        )));
    };
    let Payload::Tuple(bases) = &bases.payload else {
        return Err(ctx.type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            type_name(ctx.vm, bases)
        )));
    };
    let nsd = ops::value_of(ns);
    let Payload::Dict(d) = &nsd.payload else {
        return Err(ctx.type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            type_name(ctx.vm, ns)
        )));
    };
    let table = nsd.read(d, |d| d.clone());
    let win = winner(ctx, meta, bases)?;
    if !win.is(meta)
        && let Some((new, false)) =
            attr::lookup_with_owner(&win, "__new__", crate::hash_lit!("__new__"))
        && let Payload::Wrapper(w) = &new.payload
        && let Wrapper::StaticMethod(f) = &**w
    {
        // `type(name, bases, ns)` whose bases have a metaclass with its own `__new__`:
        // CPython hands the call to that metaclass (`__new__`, then `__init__`).
        let mut full = vec![win.clone()];
        full.extend(args.iter().cloned());
        let kwnames: Vec<PyRef<B>> = kw.iter().map(|(k, _)| k.clone()).collect();
        full.extend(kw.iter().map(|(_, v)| v.clone()));
        let cls = callop::call(ctx, f, &full, &kwnames)?;
        if ops::isinstance(ctx.vm, &cls, &win)
            && let Some((init, false)) =
                attr::lookup_with_owner(&win, "__init__", crate::hash_lit!("__init__"))
        {
            attr::call_special(ctx, init, &cls, &win, &full[1..], &kwnames)?;
        }
        return Ok(cls);
    }
    create_class(ctx, &win, name.to_string(), bases, table, kw)
}
