//! `compress`, `dropwhile`, `takewhile`, `filterfalse`, `starmap`, `pairwise` and
//! `zip_longest`: iterators over one or a few inner iterators. Each copies its inner
//! iterators and functions out of its cell, calls them with the cell released, and records
//! what changed (a flag, the previous item, an exhausted input) in a second critical section.

use super::{ClassSpec, clinic, make_class, new_obj, stop, this, unpack};
use gillab_vm::Backend;
use gillab_vm::builtins::Args;
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::{Payload, PyRef};
use gillab_vm::ops::{call, is_true, iter, seq};

pub(super) fn install<B: Backend>(ctx: &Ctx<'_, B>, ns: &PyRef<B>) {
    let specs: [(&'static str, gillab_vm::builtins::NativeFn<B>, gillab_vm::builtins::NativeFn<B>);
        7] = [
        ("compress", compress_new, compress_next),
        ("dropwhile", dropwhile_new, dropwhile_next),
        ("takewhile", takewhile_new, takewhile_next),
        ("filterfalse", filterfalse_new, filterfalse_next),
        ("starmap", starmap_new, starmap_next),
        ("pairwise", pairwise_new, pairwise_next),
        ("zip_longest", zip_longest_new, zip_longest_next),
    ];
    for (name, new, next) in specs {
        make_class(ctx, ns, ClassSpec { name, new, next, repr: None });
    }
}

/// Calls predicate `f` on `v` (`None`: `v`'s truth).
fn test<B: Backend>(ctx: &mut Ctx<'_, B>, f: &PyRef<B>, v: &PyRef<B>) -> PyResult<B, bool> {
    if matches!(f.payload, Payload::None) {
        return is_true(ctx, v);
    }
    let r = call::call(ctx, f, std::slice::from_ref(v), &[])?;
    is_true(ctx, &r)
}

// ---- compress ----------------------------------------------------------------------------

struct Compress<B: Backend> {
    data: PyRef<B>,
    selectors: PyRef<B>,
}

fn compress_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = clinic(ctx, &args, "compress", &["data", "selectors"], 2, 2)?;
    let (Some(d), Some(s)) = (a[0], a[1]) else { return Err(ctx.type_error("compress()")) };
    let data = iter::get_iter(ctx, d)?;
    let selectors = iter::get_iter(ctx, s)?;
    Ok(new_obj(&args.args[0], Compress { data, selectors }))
}

fn compress_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, Compress<B>>(ctx, &args, "compress", "__next__")?;
    let (data, selectors) = o.read(cell, |st| (st.data.clone(), st.selectors.clone()));
    loop {
        let Some(d) = iter::next(ctx, &data)? else { return stop(ctx) };
        let Some(s) = iter::next(ctx, &selectors)? else { return stop(ctx) };
        if is_true(ctx, &s)? {
            return Ok(d);
        }
    }
}

// ---- dropwhile / takewhile / filterfalse -------------------------------------------------

/// A predicate, an iterator, and whether the predicate is still consulted.
struct Pred<B: Backend> {
    pred: PyRef<B>,
    it: PyRef<B>,
    active: bool,
}

fn pred_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, name: &str) -> PyResult<B> {
    let a = unpack(ctx, &args, name, 2, 2)?;
    let it = iter::get_iter(ctx, &a[1])?;
    Ok(new_obj(&args.args[0], Pred { pred: a[0].clone(), it, active: true }))
}

fn parts<B: Backend>(o: &PyRef<B>, cell: &B::Cell<Pred<B>>) -> (PyRef<B>, PyRef<B>, bool) {
    o.read(cell, |st| (st.pred.clone(), st.it.clone(), st.active))
}

fn dropwhile_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pred_new(ctx, args, "dropwhile")
}

fn dropwhile_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, Pred<B>>(ctx, &args, "dropwhile", "__next__")?;
    let (pred, it, dropping) = parts(o, cell);
    loop {
        let Some(v) = iter::next(ctx, &it)? else { return stop(ctx) };
        if !dropping || !o.read(cell, |st| st.active) {
            return Ok(v);
        }
        let r = call::call(ctx, &pred, std::slice::from_ref(&v), &[])?;
        if !is_true(ctx, &r)? {
            o.write(cell, |st| st.active = false);
            return Ok(v);
        }
    }
}

fn takewhile_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pred_new(ctx, args, "takewhile")
}

fn takewhile_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, Pred<B>>(ctx, &args, "takewhile", "__next__")?;
    let (pred, it, taking) = parts(o, cell);
    if !taking {
        return stop(ctx);
    }
    let Some(v) = iter::next(ctx, &it)? else { return stop(ctx) };
    let r = call::call(ctx, &pred, std::slice::from_ref(&v), &[])?;
    if is_true(ctx, &r)? {
        return Ok(v);
    }
    o.write(cell, |st| st.active = false);
    stop(ctx)
}

fn filterfalse_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pred_new(ctx, args, "filterfalse")
}

fn filterfalse_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, Pred<B>>(ctx, &args, "filterfalse", "__next__")?;
    let (pred, it, _) = parts(o, cell);
    loop {
        let Some(v) = iter::next(ctx, &it)? else { return stop(ctx) };
        if !test(ctx, &pred, &v)? {
            return Ok(v);
        }
    }
}

// ---- starmap -----------------------------------------------------------------------------

struct Starmap<B: Backend> {
    func: PyRef<B>,
    it: PyRef<B>,
}

fn starmap_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = unpack(ctx, &args, "starmap", 2, 2)?;
    let it = iter::get_iter(ctx, &a[1])?;
    Ok(new_obj(&args.args[0], Starmap { func: a[0].clone(), it }))
}

fn starmap_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, Starmap<B>>(ctx, &args, "starmap", "__next__")?;
    let (func, it) = o.read(cell, |st| (st.func.clone(), st.it.clone()));
    let Some(v) = iter::next(ctx, &it)? else { return stop(ctx) };
    let call_args = seq::to_vec(ctx, &v)?;
    call::call(ctx, &func, &call_args, &[])
}

// ---- pairwise ----------------------------------------------------------------------------

struct Pairwise<B: Backend> {
    /// The source, until exhausted.
    it: Option<PyRef<B>>,
    /// The item before the next one.
    old: Option<PyRef<B>>,
}

fn pairwise_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = unpack(ctx, &args, "pairwise", 1, 1)?;
    let it = iter::get_iter(ctx, &a[0])?;
    Ok(new_obj(&args.args[0], Pairwise { it: Some(it), old: None }))
}

fn pairwise_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, Pairwise<B>>(ctx, &args, "pairwise", "__next__")?;
    let (it, old) = o.read(cell, |st| (st.it.clone(), st.old.clone()));
    let Some(it) = it else { return stop(ctx) };
    let finish = |o: &PyRef<B>| {
        o.write(cell, |st| {
            st.it = None;
            st.old = None;
        })
    };
    let old = match old {
        Some(v) => v,
        None => match iter::next(ctx, &it)? {
            Some(v) => v,
            None => {
                finish(o);
                return stop(ctx);
            }
        },
    };
    let Some(new) = iter::next(ctx, &it)? else {
        finish(o);
        return stop(ctx);
    };
    o.write(cell, |st| st.old = Some(new.clone()));
    Ok(ctx.vm.tuple(vec![old, new]))
}

// ---- zip_longest -------------------------------------------------------------------------

struct ZipLongest<B: Backend> {
    /// The inputs; `None` once exhausted.
    its: Vec<Option<PyRef<B>>>,
    /// Inputs not yet exhausted.
    active: usize,
    fill: PyRef<B>,
}

fn zip_longest_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let mut fill = ctx.vm.core.none.clone();
    for (k, v) in args.kwargs() {
        if k != "fillvalue" || args.kwnames.len() > 1 {
            return Err(ctx.type_error("zip_longest() got an unexpected keyword argument"));
        }
        fill = v.clone();
    }
    let mut its = Vec::new();
    for src in args.positional().get(1..).unwrap_or(&[]) {
        its.push(Some(iter::get_iter(ctx, src)?));
    }
    let active = its.len();
    Ok(new_obj(&args.args[0], ZipLongest { its, active, fill }))
}

fn zip_longest_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, ZipLongest<B>>(ctx, &args, "zip_longest", "__next__")?;
    let (its, active, fill) = o.read(cell, |st| (st.its.clone(), st.active, st.fill.clone()));
    if its.is_empty() || active == 0 {
        return stop(ctx);
    }
    let mut out = Vec::with_capacity(its.len());
    for (i, it) in its.iter().enumerate() {
        let Some(it) = it else {
            out.push(fill.clone());
            continue;
        };
        match iter::next(ctx, it)? {
            Some(v) => out.push(v),
            None => {
                let left = o.write(cell, |st| {
                    if let Some(slot) = st.its.get_mut(i)
                        && slot.take().is_some()
                    {
                        st.active = st.active.saturating_sub(1);
                    }
                    st.active
                });
                if left == 0 {
                    return stop(ctx);
                }
                out.push(fill.clone());
            }
        }
    }
    Ok(ctx.vm.tuple(out))
}
