//! `groupby` (with its `_grouper` groups) and `tee` (with its `_tee` copies).
//!
//! `groupby` follows CPython's state machine: the groupby object holds the current key and
//! value, and a group yields from the shared source only while it is the current group (a
//! generation number stands for CPython's `currgrouper` pointer) and its key equals the
//! current key; asking the groupby for the next group abandons the current one.
//!
//! `tee` copies share a singly linked list of links, each filled at most once with an item
//! and the next (empty) link; a copy holds the link it reads next, so the list is freed as
//! the slowest copy advances. One thread at a time pulls from the source: a second puller
//! meanwhile gets CPython's `RuntimeError: cannot re-enter the tee iterator`.

use super::{ClassSpec, clinic, make_class, module_class, new_obj, not_none, stop, this, unpack};
use gillab_vm::Backend;
use gillab_vm::builtins::{Args, add};
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::{Layout, PyRef};
use gillab_vm::ops::{attr, call, compare, dicts, iter};
use gillab_vm::types::new_class;

pub(super) fn install<B: Backend>(ctx: &Ctx<'_, B>, ns: &PyRef<B>) {
    make_class(
        ctx,
        ns,
        ClassSpec { name: "groupby", new: groupby_new, next: groupby_next, repr: None },
    );
    make_class(
        ctx,
        ns,
        ClassSpec { name: "_grouper", new: grouper_new, next: grouper_next, repr: None },
    );
    let tee_cls = make_class(
        ctx,
        ns,
        ClassSpec { name: "_tee", new: tee_class_new, next: tee_next, repr: None },
    );
    add(ctx.vm, &tee_cls, "__copy__", tee_copy);
    // The links are objects only so that a long list is freed without deep recursion.
    let link = new_class::<B>(
        "_tee_dataobject",
        "itertools",
        ctx.vm.core.object_type.clone(),
        Layout::Builtin,
    );
    dicts::set_name(&tee_cls, ctx.vm.intern("__link_type__"), link);
    add(ctx.vm, ns, "tee", tee);
}

// ---- groupby -----------------------------------------------------------------------------

struct GroupBy<B: Backend> {
    it: PyRef<B>,
    keyfunc: Option<PyRef<B>>,
    tgtkey: Option<PyRef<B>>,
    currkey: Option<PyRef<B>>,
    currvalue: Option<PyRef<B>>,
    /// The generation of the current group (0: none).
    current: u64,
    /// The last generation handed out.
    generation: u64,
}

struct Grouper<B: Backend> {
    parent: PyRef<B>,
    tgtkey: PyRef<B>,
    generation: u64,
}

fn groupby_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = clinic(ctx, &args, "groupby", &["iterable", "key"], 1, 2)?;
    let Some(src) = a[0] else { return Err(ctx.type_error("groupby() needs an iterable")) };
    let it = iter::get_iter(ctx, src)?;
    let state = GroupBy {
        it,
        keyfunc: not_none(a[1]).cloned(),
        tgtkey: None,
        currkey: None,
        currvalue: None,
        current: 0,
        generation: 0,
    };
    Ok(new_obj(&args.args[0], state))
}

/// Advances the source: the next value and its key become current. `false` when exhausted.
fn groupby_step<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    o: &PyRef<B>,
    cell: &B::Cell<GroupBy<B>>,
) -> PyResult<B, bool> {
    let (it, keyfunc) = o.read(cell, |st| (st.it.clone(), st.keyfunc.clone()));
    let Some(v) = iter::next(ctx, &it)? else { return Ok(false) };
    let key = match keyfunc {
        Some(f) => call::call(ctx, &f, std::slice::from_ref(&v), &[])?,
        None => v.clone(),
    };
    o.write(cell, |st| {
        st.currvalue = Some(v);
        st.currkey = Some(key);
    });
    Ok(true)
}

fn groupby_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, GroupBy<B>>(ctx, &args, "groupby", "__next__")?;
    o.write(cell, |st| st.current = 0);
    loop {
        let (curr, tgt) = o.read(cell, |st| (st.currkey.clone(), st.tgtkey.clone()));
        if let Some(curr) = curr {
            match tgt {
                None => break,
                Some(t) => {
                    if !compare::eq(ctx, &t, &curr)? {
                        break;
                    }
                }
            }
        }
        if !groupby_step(ctx, o, cell)? {
            return stop(ctx);
        }
    }
    let (key, generation) = o.write(cell, |st| {
        st.tgtkey = st.currkey.clone();
        st.generation += 1;
        st.current = st.generation;
        (st.currkey.clone(), st.generation)
    });
    let Some(key) = key else { return stop(ctx) };
    let cls = module_class(ctx, "_grouper")?;
    let group = new_obj(&cls, Grouper { parent: o.clone(), tgtkey: key.clone(), generation });
    Ok(ctx.vm.tuple(vec![key, group]))
}

fn grouper_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = unpack(ctx, &args, "_grouper", 2, 2)?;
    let Some(parent_cell) = super::cell_of::<B, GroupBy<B>>(&a[0]) else {
        return Err(ctx.type_error(format!(
            "_grouper() argument 1 must be itertools.groupby, not {}",
            gillab_vm::ops::type_name(ctx.vm, &a[0])
        )));
    };
    let generation = a[0].read(parent_cell, |st| st.current);
    let g = Grouper { parent: a[0].clone(), tgtkey: a[1].clone(), generation };
    Ok(new_obj(&args.args[0], g))
}

fn grouper_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, Grouper<B>>(ctx, &args, "_grouper", "__next__")?;
    let (parent, tgtkey, generation) =
        o.read(cell, |g| (g.parent.clone(), g.tgtkey.clone(), g.generation));
    let Some(pcell) = super::cell_of::<B, GroupBy<B>>(&parent) else { return stop(ctx) };
    let (current, has_value) = parent.read(pcell, |st| (st.current, st.currvalue.is_some()));
    if current != generation {
        return stop(ctx);
    }
    if !has_value && !groupby_step(ctx, &parent, pcell)? {
        return stop(ctx);
    }
    let Some(curr) = parent.read(pcell, |st| st.currkey.clone()) else { return stop(ctx) };
    if !compare::eq(ctx, &tgtkey, &curr)? {
        return stop(ctx);
    }
    let v = parent.write(pcell, |st| {
        st.currkey = None;
        st.currvalue.take()
    });
    match v {
        Some(v) => Ok(v),
        None => stop(ctx),
    }
}

// ---- tee ---------------------------------------------------------------------------------

/// The source shared by the copies of one `tee`.
struct TeeSource<B: Backend> {
    it: PyRef<B>,
    /// A thread is pulling from `it`.
    running: bool,
}

/// A link of the shared list: empty, or an item and the next link. `source` is a
/// `TeeSource` object.
struct TeeLink<B: Backend> {
    source: PyRef<B>,
    filled: Option<(PyRef<B>, PyRef<B>)>,
}

/// A copy: the link it reads next.
struct Tee<B: Backend> {
    link: PyRef<B>,
}

fn link_class<B: Backend>(ctx: &mut Ctx<'_, B>) -> PyResult<B> {
    let tee_cls = module_class(ctx, "_tee")?;
    attr::getattr_str(ctx, &tee_cls, "__link_type__")
}

/// A new `_tee` over the iterator `it`.
fn tee_from_iter<B: Backend>(ctx: &mut Ctx<'_, B>, cls: &PyRef<B>, it: PyRef<B>) -> PyResult<B> {
    let link_cls = link_class(ctx)?;
    let source = new_obj(&link_cls, TeeSource { it, running: false });
    let link = new_obj(&link_cls, TeeLink { source, filled: None });
    Ok(new_obj(cls, Tee { link }))
}

/// `itertools._tee(iterable)`.
fn tee_class_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = unpack(ctx, &args, "_tee", 1, 1)?;
    let it = iter::get_iter(ctx, &a[0])?;
    if let Some(c) = super::cell_of::<B, Tee<B>>(&it) {
        let link = it.read(c, |t| t.link.clone());
        return Ok(new_obj(&args.args[0], Tee { link }));
    }
    tee_from_iter(ctx, &args.args[0], it)
}

fn tee_copy<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, Tee<B>>(ctx, &args, "_tee", "__copy__")?;
    let link = o.read(cell, |t| t.link.clone());
    let cls = gillab_vm::ops::type_of(ctx.vm, o);
    Ok(new_obj(&cls, Tee { link }))
}

fn tee_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, Tee<B>>(ctx, &args, "_tee", "__next__")?;
    loop {
        let link = o.read(cell, |t| t.link.clone());
        let Some(lcell) = super::cell_of::<B, TeeLink<B>>(&link) else { return stop(ctx) };
        let (filled, source) = link.read(lcell, |l| (l.filled.clone(), l.source.clone()));
        if let Some((v, next)) = filled {
            o.write(cell, |t| {
                if t.link.is(&link) {
                    t.link = next;
                }
            });
            return Ok(v);
        }
        let Some(scell) = super::cell_of::<B, TeeSource<B>>(&source) else { return stop(ctx) };
        let it = source.write(scell, |s| {
            if s.running {
                return Err(());
            }
            s.running = true;
            Ok(s.it.clone())
        });
        let Ok(it) = it else { return Err(ctx.runtime_error("cannot re-enter the tee iterator")) };
        // Another thread may have filled the link before this one started pulling.
        if link.read(lcell, |l| l.filled.is_some()) {
            source.write(scell, |s| s.running = false);
            continue;
        }
        let r = iter::next(ctx, &it);
        source.write(scell, |s| s.running = false);
        let Some(v) = r? else { return stop(ctx) };
        let link_cls = gillab_vm::ops::type_of(ctx.vm, &link);
        let next = new_obj(&link_cls, TeeLink { source: source.clone(), filled: None });
        link.write(lcell, |l| l.filled = Some((v.clone(), next.clone())));
        o.write(cell, |t| {
            if t.link.is(&link) {
                t.link = next;
            }
        });
        return Ok(v);
    }
}

/// `tee(iterable, n=2)`: a tuple of `n` independent iterators.
fn tee<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("itertools.tee() takes no keyword arguments"));
    }
    let pos = args.positional();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if pos.is_empty() || pos.len() > 2 {
        let (word, k) = if pos.is_empty() { ("least", 1) } else { ("most", 2) };
        return Err(ctx.type_error(format!(
            "tee expected at {word} {k} argument{}, got {}",
            plural(k),
            pos.len()
        )));
    }
    let n = match pos.get(1) {
        Some(v) => super::ssize(ctx, v)?,
        None => 2,
    };
    if n < 0 {
        return Err(ctx.value_error("n must be >= 0"));
    }
    let it = iter::get_iter(ctx, &pos[0])?;
    if n == 0 {
        return Ok(ctx.vm.tuple(vec![]));
    }
    let first = if attr::lookup_special(ctx, &it, "__copy__").is_some() {
        it
    } else {
        let cls = module_class(ctx, "_tee")?;
        tee_from_iter(ctx, &cls, it)?
    };
    let mut out = vec![first.clone()];
    for _ in 1..n {
        match attr::call_dunder(ctx, &first, "__copy__", &[])? {
            Some(c) => out.push(c),
            None => return Err(ctx.type_error("tee() copy failed")),
        }
    }
    Ok(ctx.vm.tuple(out))
}
