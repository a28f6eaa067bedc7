//! Methods of `list` and `dict` used everywhere (the rest of each class's methods are in their
//! own files).

use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::object::{DictIterKind, Payload, PyRef};
use crate::ops::{dicts, seq};
use crate::receiver;
use crate::vm::Vm;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let t = &vm.types;
    add(vm, &t.list, "append", list_append);
    add(vm, &t.list, "extend", list_extend);
    add(vm, &t.list, "pop", list_pop);
    add(vm, &t.dict, "get", dict_get);
    add(vm, &t.dict, "keys", dict_keys);
    add(vm, &t.dict, "values", dict_values);
    add(vm, &t.dict, "items", dict_items);
}

fn list_append<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "append", 2, 2, &[])?;
    let (o, cell) = receiver!(ctx, args, "append", Payload::List(l) => l);
    let v = args.args[1].clone();
    o.write(cell, |items| items.push(v));
    Ok(ctx.vm.none.clone())
}

fn list_extend<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "extend", 2, 2, &[])?;
    let (o, cell) = receiver!(ctx, args, "extend", Payload::List(l) => l);
    // Copy the source under its own guard first, then append under ours: never two guards at
    // once, so `a.extend(b)` racing `b.extend(a)` cannot deadlock.
    let items = seq::to_vec(ctx, &args.args[1])?;
    o.write(cell, |v| v.extend(items));
    Ok(ctx.vm.none.clone())
}

fn list_pop<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "pop", 1, 2, &[])?;
    let (o, cell) = receiver!(ctx, args, "pop", Payload::List(l) => l);
    let idx = match args.positional().get(1) {
        Some(i) => Some(seq::index_value(ctx, i)?),
        None => None,
    };
    let r = o.write(cell, |v| {
        if v.is_empty() {
            return Err("pop from empty list");
        }
        let i = match idx {
            None => v.len() - 1,
            Some(i) => seq::norm_index(i, v.len()).ok_or("pop index out of range")?,
        };
        Ok(v.remove(i))
    });
    r.map_err(|m| ctx.index_error(m))
}

fn dict_get<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "get", 2, 3, &[])?;
    let (o, _) = receiver!(ctx, args, "get", Payload::Dict(d) => d);
    match dicts::get(ctx, o, &args.args[1])? {
        Some(v) => Ok(v),
        None => Ok(args.positional().get(2).cloned().unwrap_or_else(|| ctx.vm.none.clone())),
    }
}

fn dict_view<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, kind: DictIterKind) -> PyResult<B> {
    let (o, cell) = receiver!(ctx, args, "keys", Payload::Dict(d) => d);
    // Views are materialised as lists: they iterate, index-free, in insertion order; a
    // size change during iteration is then not detected (documented in docs/semantics.md).
    let vm = ctx.vm;
    let items: Vec<PyRef<B>> = o.read(cell, |d| {
        d.iter()
            .map(|e| {
                let v = e.value.clone().unwrap_or_else(|| vm.none.clone());
                match kind {
                    DictIterKind::Keys => e.key.clone(),
                    DictIterKind::Values => v,
                    DictIterKind::Items => vm.tuple(vec![e.key.clone(), v]),
                }
            })
            .collect()
    });
    Ok(vm.list(items))
}

fn dict_keys<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    dict_view(ctx, args, DictIterKind::Keys)
}

fn dict_values<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    dict_view(ctx, args, DictIterKind::Values)
}

fn dict_items<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    dict_view(ctx, args, DictIterKind::Items)
}
