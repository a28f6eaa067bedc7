//! `_collections._tuplegetter(index, doc)`: the descriptor behind each field of a
//! `namedtuple` class, reading item `index` of the tuple it is read through. Native and
//! immutable (no cell: nothing in it changes), it is a data descriptor (assigning or deleting
//! the field raises CPython's `AttributeError`) whose `__doc__` is `doc`.

use gillab_vm::Backend;
use gillab_vm::builtins::{Args, add, add_property};
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::{Layout, NativeObj, Payload, PyRef};
use gillab_vm::ops::{self, dicts};
use gillab_vm::types::new_class;

struct TupleGetter<B: Backend> {
    index: usize,
    doc: PyRef<B>,
}

pub(super) fn install<B: Backend>(ctx: &Ctx<'_, B>, ns: &PyRef<B>) {
    let vm = ctx.vm;
    let cls = new_class::<B>(
        "_tuplegetter",
        "_collections",
        vm.core.object_type.clone(),
        Layout::Builtin,
    );
    add(vm, &cls, "__new__", new);
    add(vm, &cls, "__get__", get);
    add(vm, &cls, "__set__", set);
    add(vm, &cls, "__delete__", delete);
    add(vm, &cls, "__reduce__", reduce);
    add(vm, &cls, "__repr__", repr);
    add_property(vm, &cls, "__doc__", doc);
    dicts::set_name(ns, vm.intern("_tuplegetter"), cls);
}

fn this<'a, B: Backend>(ctx: &Ctx<'_, B>, args: &Args<'a, B>) -> PyResult<B, &'a TupleGetter<B>> {
    match args.args.first().map(|o| &o.payload) {
        Some(Payload::Native(n)) if let Some(g) = n.data.downcast_ref::<TupleGetter<B>>() => Ok(g),
        _ => Err(ctx.type_error("descriptor requires a '_collections._tuplegetter' object")),
    }
}

/// `_tuplegetter(index, doc)`.
fn new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("_tuplegetter() takes no keyword arguments"));
    }
    let [cls, index, doc] = args.positional() else {
        let n = args.positional().len().saturating_sub(1);
        return Err(ctx.type_error(format!("_tuplegetter expected 2 arguments, got {n}")));
    };
    let index = match &index.payload {
        Payload::Int(i) if *i >= 0 => *i as usize,
        Payload::Int(_) => 0,
        _ => {
            return Err(ctx.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                ops::type_name(ctx.vm, index)
            )));
        }
    };
    let data = TupleGetter { index, doc: doc.clone() };
    Ok(PyRef::new(Payload::Native(Box::new(NativeObj {
        class: cls.clone(),
        data: Box::new(data),
    }))))
}

/// `__get__(obj, type=None)`: `obj[index]`, or the descriptor itself when read through the
/// class.
fn get<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let g = this(ctx, &args)?;
    let Some(obj) = args.positional().get(1) else {
        return Err(ctx.type_error("__get__ expected at least 1 argument, got 0"));
    };
    if matches!(obj.payload, Payload::None) {
        return Ok(args.args[0].clone());
    }
    match &ops::value_of(obj).payload {
        Payload::Tuple(t) => {
            t.get(g.index).cloned().ok_or_else(|| ctx.index_error("tuple index out of range"))
        }
        _ => Err(ctx.type_error(format!(
            "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
            g.index,
            ops::type_name(ctx.vm, obj)
        ))),
    }
}

fn set<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    this(ctx, &args)?;
    Err(ctx.attribute_error("can't set attribute"))
}

fn delete<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    this(ctx, &args)?;
    Err(ctx.attribute_error("can't delete attribute"))
}

fn doc<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    Ok(this(ctx, &args)?.doc.clone())
}

fn reduce<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let g = this(ctx, &args)?;
    let vm = ctx.vm;
    let cls = ops::type_of(vm, &args.args[0]);
    Ok(vm.tuple(vec![cls, vm.tuple(vec![vm.int(g.index as i64), g.doc.clone()])]))
}

fn repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    this(ctx, &args)?;
    Ok(ctx.vm.str(format!("<_collections._tuplegetter object at {:#x}>", args.args[0].addr())))
}
