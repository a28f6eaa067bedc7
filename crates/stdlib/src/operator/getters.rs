//! `operator.itemgetter`, `operator.attrgetter` and `operator.methodcaller`: native
//! callable objects whose Rust value is fixed at construction (no cell: nothing in them ever
//! changes, so any number of threads may call one at once), with CPython's reprs
//! (`operator.itemgetter(1)`), argument errors and `__reduce__`.

use gillab_vm::Backend;
use gillab_vm::builtins::{Args, NativeFn, add};
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::eval::imports::import_module;
use gillab_vm::object::{Layout, NativeObj, Payload, PyRef};
use gillab_vm::ops::{self, attr, call, dicts, repr, seq};
use gillab_vm::types::new_class;

struct ItemGetter<B: Backend> {
    items: Vec<PyRef<B>>,
}

struct AttrGetter<B: Backend> {
    /// The names as given (for the repr and `__reduce__`).
    names: Vec<PyRef<B>>,
    /// Each name split at its dots, the parts interned.
    paths: Vec<Vec<PyRef<B>>>,
}

struct MethodCaller<B: Backend> {
    name: PyRef<B>,
    /// The positional arguments, then the keyword values.
    args: Vec<PyRef<B>>,
    kwnames: Vec<PyRef<B>>,
}

/// A class's name with its `__new__`, `__call__`, `__repr__` and `__reduce__`.
type Spec<B> = (&'static str, NativeFn<B>, NativeFn<B>, NativeFn<B>, NativeFn<B>);

pub(super) fn install<B: Backend>(ctx: &Ctx<'_, B>, ns: &PyRef<B>) {
    let specs: [Spec<B>; 3] = [
        ("itemgetter", item_new, item_call, item_repr, item_reduce),
        ("attrgetter", attr_new, attr_call, attr_repr, attr_reduce),
        ("methodcaller", method_new, method_call, method_repr, method_reduce),
    ];
    for (name, new, call, repr, reduce) in specs {
        let vm = ctx.vm;
        let cls = new_class::<B>(name, "operator", vm.core.object_type.clone(), Layout::Builtin);
        add(vm, &cls, "__new__", new);
        add(vm, &cls, "__call__", call);
        add(vm, &cls, "__repr__", repr);
        add(vm, &cls, "__reduce__", reduce);
        dicts::set_name(ns, vm.intern(name), cls);
    }
}

fn new_obj<B: Backend, T: Send + Sync + 'static>(cls: &PyRef<B>, data: T) -> PyRef<B> {
    PyRef::new(Payload::Native(Box::new(NativeObj { class: cls.clone(), data: Box::new(data) })))
}

/// The receiver of a method of class `cls` and its Rust value, or CPython's descriptor error.
fn this<'a, B: Backend, T: 'static>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    cls: &str,
    method: &str,
) -> PyResult<B, &'a T> {
    let found = args.positional().first().and_then(|o| match &o.payload {
        Payload::Native(n) => n.data.downcast_ref::<T>(),
        _ => None,
    });
    match (found, args.positional().first()) {
        (Some(v), _) => Ok(v),
        (None, None) => Err(ctx.type_error(format!(
            "descriptor '{method}' of 'operator.{cls}' object needs an argument"
        ))),
        (None, Some(o)) => Err(ctx.type_error(format!(
            "descriptor '{method}' for 'operator.{cls}' objects doesn't apply to a '{}' object",
            ops::type_name(ctx.vm, o)
        ))),
    }
}

/// The single argument of a getter call: `NAME expected 1 argument, got N`, no keywords.
fn one_arg<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
) -> PyResult<B, &'a PyRef<B>> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error(format!("{name}() takes no keyword arguments")));
    }
    match args.positional() {
        [_, o] => Ok(o),
        p => Err(ctx
            .type_error(format!("{name} expected 1 argument, got {}", p.len().saturating_sub(1)))),
    }
}

/// The constructor arguments (after the class), at least one, no keywords.
fn ctor_args<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
) -> PyResult<B, &'a [PyRef<B>]> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error(format!("{name}() takes no keyword arguments")));
    }
    let pos = args.positional().get(1..).unwrap_or(&[]);
    if pos.is_empty() {
        return Err(ctx.type_error(format!("{name} expected 1 argument, got 0")));
    }
    Ok(pos)
}

/// `operator.NAME(a, b, ...)` with each argument's repr.
fn call_repr<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    name: &str,
    items: &[PyRef<B>],
    kw: &[(String, PyRef<B>)],
) -> PyResult<B> {
    let mut parts = Vec::with_capacity(items.len() + kw.len());
    for i in items {
        parts.push(repr::repr(ctx, i)?);
    }
    for (k, v) in kw {
        parts.push(format!("{k}={}", repr::repr(ctx, v)?));
    }
    Ok(ctx.vm.str(format!("operator.{name}({})", parts.join(", "))))
}

// ---- itemgetter --------------------------------------------------------------------------

fn item_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let items = ctor_args(ctx, &args, "itemgetter")?.to_vec();
    Ok(new_obj(&args.args[0], ItemGetter { items }))
}

fn item_call<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let g = this::<B, ItemGetter<B>>(ctx, &args, "itemgetter", "__call__")?;
    let o = one_arg(ctx, &args, "itemgetter")?;
    if let [one] = g.items.as_slice() {
        return seq::getitem(ctx, o, one);
    }
    let mut out = Vec::with_capacity(g.items.len());
    for k in &g.items {
        out.push(seq::getitem(ctx, o, k)?);
    }
    Ok(ctx.vm.tuple(out))
}

fn item_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let g = this::<B, ItemGetter<B>>(ctx, &args, "itemgetter", "__repr__")?;
    call_repr(ctx, "itemgetter", &g.items, &[])
}

fn item_reduce<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let g = this::<B, ItemGetter<B>>(ctx, &args, "itemgetter", "__reduce__")?;
    let cls = ops::type_of(ctx.vm, &args.args[0]);
    Ok(ctx.vm.tuple(vec![cls, ctx.vm.tuple(g.items.clone())]))
}

// ---- attrgetter --------------------------------------------------------------------------

fn attr_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let names = ctor_args(ctx, &args, "attrgetter")?.to_vec();
    let mut paths = Vec::with_capacity(names.len());
    for n in &names {
        let Some(text) = ops::as_str(n) else {
            return Err(ctx.type_error("attribute name must be a string"));
        };
        paths.push(text.split('.').map(|p| ctx.vm.intern(p)).collect());
    }
    Ok(new_obj(&args.args[0], AttrGetter { names, paths }))
}

fn attr_call<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let g = this::<B, AttrGetter<B>>(ctx, &args, "attrgetter", "__call__")?;
    let o = one_arg(ctx, &args, "attrgetter")?;
    let walk = |ctx: &mut Ctx<'_, B>, path: &[PyRef<B>]| -> PyResult<B> {
        let mut cur = o.clone();
        for part in path {
            cur = attr::getattr(ctx, &cur, part)?;
        }
        Ok(cur)
    };
    if let [one] = g.paths.as_slice() {
        return walk(ctx, one);
    }
    let mut out = Vec::with_capacity(g.paths.len());
    for p in &g.paths {
        out.push(walk(ctx, p)?);
    }
    Ok(ctx.vm.tuple(out))
}

fn attr_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let g = this::<B, AttrGetter<B>>(ctx, &args, "attrgetter", "__repr__")?;
    call_repr(ctx, "attrgetter", &g.names, &[])
}

fn attr_reduce<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let g = this::<B, AttrGetter<B>>(ctx, &args, "attrgetter", "__reduce__")?;
    let cls = ops::type_of(ctx.vm, &args.args[0]);
    Ok(ctx.vm.tuple(vec![cls, ctx.vm.tuple(g.names.clone())]))
}

// ---- methodcaller ------------------------------------------------------------------------

fn method_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let pos = args.positional();
    let Some(name) = pos.get(1) else {
        return Err(ctx.type_error("methodcaller needs at least one argument, the method name"));
    };
    if ops::as_str(name).is_none() {
        return Err(ctx.type_error("method name must be a string"));
    }
    let name = ctx.vm.intern(ops::as_str(name).unwrap_or_default());
    let rest = args.args.get(2..).unwrap_or(&[]).to_vec();
    let data = MethodCaller { name, args: rest, kwnames: args.kwnames.to_vec() };
    Ok(new_obj(&args.args[0], data))
}

fn method_call<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let g = this::<B, MethodCaller<B>>(ctx, &args, "methodcaller", "__call__")?;
    let o = one_arg(ctx, &args, "methodcaller")?;
    let m = attr::getattr(ctx, o, &g.name)?;
    call::call(ctx, &m, &g.args, &g.kwnames)
}

/// The keyword arguments of a methodcaller as (name, value).
/// Keyword arguments as (name, value).
type Keywords<B> = Vec<(String, PyRef<B>)>;

fn keywords<B: Backend>(g: &MethodCaller<B>) -> (Vec<PyRef<B>>, Keywords<B>) {
    let npos = g.args.len() - g.kwnames.len();
    let pos = g.args.get(..npos).unwrap_or(&[]).to_vec();
    let kw = g
        .kwnames
        .iter()
        .zip(g.args.get(npos..).unwrap_or(&[]))
        .map(|(k, v)| (ops::as_str(k).unwrap_or_default().to_string(), v.clone()))
        .collect();
    (pos, kw)
}

fn method_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let g = this::<B, MethodCaller<B>>(ctx, &args, "methodcaller", "__repr__")?;
    let (pos, kw) = keywords(g);
    let mut items = vec![g.name.clone()];
    items.extend(pos);
    call_repr(ctx, "methodcaller", &items, &kw)
}

/// `(methodcaller, (name, *args))`, or with keywords
/// `(functools.partial(methodcaller, name, **kwargs), args)`, as CPython reduces it.
fn method_reduce<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let g = this::<B, MethodCaller<B>>(ctx, &args, "methodcaller", "__reduce__")?;
    let cls = ops::type_of(ctx.vm, &args.args[0]);
    let (pos, _) = keywords(g);
    if g.kwnames.is_empty() {
        let mut items = vec![g.name.clone()];
        items.extend(pos);
        return Ok(ctx.vm.tuple(vec![cls, ctx.vm.tuple(items)]));
    }
    let functools = import_module(ctx, "functools")?;
    let partial = attr::getattr_str(ctx, &functools, "partial")?;
    let npos = g.args.len() - g.kwnames.len();
    let mut pargs = vec![cls, g.name.clone()];
    pargs.extend_from_slice(g.args.get(npos..).unwrap_or(&[]));
    let p = call::call(ctx, &partial, &pargs, &g.kwnames)?;
    Ok(ctx.vm.tuple(vec![p, ctx.vm.tuple(pos)]))
}
