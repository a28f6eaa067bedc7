//! Methods of `dict`. `keys`/`values`/`items` return live views (see `views.rs`).
//!
//! Key lookups go through `ops::dicts`, which hashes and resolves a Python-level `__eq__`
//! outside the table's guard; entries removed from a table are returned out of the guard and
//! dropped after it (docs/safety.md, I3).

use super::constructors::update_from;
use super::list::{Sig, add_classmethod, arity, check_count, receiver};
use super::views;
use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::object::dict::Dict;
use crate::object::{DictIterKind, Payload, PyRef};
use crate::ops::{call, dicts, seq};
use crate::vm::Vm;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let t = &vm.core.types.dict;
    add(vm, t, "get", get);
    add(vm, t, "keys", keys);
    add(vm, t, "values", values);
    add(vm, t, "items", items);
    add(vm, t, "pop", pop);
    add(vm, t, "popitem", popitem);
    add(vm, t, "setdefault", setdefault);
    add(vm, t, "update", update);
    add(vm, t, "copy", copy);
    add(vm, t, "clear", clear);
    add_classmethod(vm, t, "fromkeys", fromkeys);
}

type DictCell<B> = <B as Backend>::Cell<Dict<B>>;

fn this<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
) -> PyResult<B, (&'a PyRef<B>, &'a DictCell<B>)> {
    receiver(ctx, args, "dict", name, |p| match p {
        Payload::Dict(d) => Some(d),
        _ => None,
    })
}

fn get<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "get")?;
    let a = arity(ctx, &args, "dict", "get", Sig::Var(1, 2))?;
    match dicts::get(ctx, o, &a[0])? {
        Some(v) => Ok(v),
        None => Ok(a.get(1).cloned().unwrap_or_else(|| ctx.vm.core.none.clone())),
    }
}

fn view<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &str,
    kind: DictIterKind,
) -> PyResult<B> {
    let (o, _) = this(ctx, &args, name)?;
    arity(ctx, &args, "dict", name, Sig::NoArgs)?;
    Ok(views::new_view(ctx.vm, o, kind))
}

fn keys<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    view(ctx, args, "keys", DictIterKind::Keys)
}

fn values<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    view(ctx, args, "values", DictIterKind::Values)
}

fn items<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    view(ctx, args, "items", DictIterKind::Items)
}

fn pop<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "pop")?;
    let a = arity(ctx, &args, "dict", "pop", Sig::Var(1, 2))?;
    match dicts::remove(ctx, o, &a[0])? {
        Some(entry) => Ok(entry.value.unwrap_or_else(|| ctx.vm.core.none.clone())),
        None => match a.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(ctx.key_error(a[0].clone())),
        },
    }
}

fn popitem<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "popitem")?;
    arity(ctx, &args, "dict", "popitem", Sig::NoArgs)?;
    let vm = ctx.vm;
    match o.write(cell, |d| d.pop_last()) {
        Some(e) => Ok(vm.tuple(vec![e.key, e.value.unwrap_or_else(|| vm.core.none.clone())])),
        None => Err(ctx.key_error(vm.str("popitem(): dictionary is empty"))),
    }
}

fn setdefault<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "setdefault")?;
    let a = arity(ctx, &args, "dict", "setdefault", Sig::Var(1, 2))?;
    let default = a.get(1).cloned().unwrap_or_else(|| ctx.vm.core.none.clone());
    dicts::set_default(ctx, o, a[0].clone(), default)
}

fn update<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, _) = this(ctx, &args, "update")?;
    let a = args.positional().get(1..).unwrap_or(&[]);
    check_count(ctx, a.len(), "dict", "update", Sig::Var(0, 1))?;
    if let Some(src) = a.first() {
        update_from(ctx, o, src)?;
    }
    for (k, v) in args.kwargs() {
        let key = ctx.vm.str(k);
        dicts::set(ctx, o, key, Some(v.clone()))?;
    }
    Ok(ctx.vm.core.none.clone())
}

fn copy<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "copy")?;
    arity(ctx, &args, "dict", "copy", Sig::NoArgs)?;
    let table = o.read(cell, |d| d.clone());
    Ok(ctx.vm.dict(table))
}

fn clear<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "clear")?;
    arity(ctx, &args, "dict", "clear", Sig::NoArgs)?;
    let old = o.write(cell, |d| d.take_all());
    drop(old);
    Ok(ctx.vm.core.none.clone())
}

/// `dict.fromkeys(iterable, value=None)`, a classmethod: the class arrives first.
fn fromkeys<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let vm = ctx.vm;
    let a = arity(ctx, &args, "dict", "fromkeys", Sig::Var(1, 2))?;
    let cls = &args.args[0];
    let d = if cls.is(&vm.core.types.dict) || !matches!(cls.payload, Payload::Type(_)) {
        vm.dict(Dict::new())
    } else {
        call::call(ctx, cls, &[], &[])?
    };
    let value = a.get(1).cloned().unwrap_or_else(|| vm.core.none.clone());
    for k in seq::to_vec(ctx, &a[0])? {
        if matches!(d.payload, Payload::Dict(_)) {
            dicts::set(ctx, &d, k, Some(value.clone()))?;
        } else {
            seq::setitem(ctx, &d, &k, value.clone())?;
        }
    }
    Ok(d)
}
