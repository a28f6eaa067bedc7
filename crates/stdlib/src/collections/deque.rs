//! `collections.deque`, native: a double-ended queue over a `VecDeque` in the object's cell,
//! with CPython 3.11's methods, messages and repr (`deque([1, 2], maxlen=3)`).
//!
//! Every change of the contents bumps `state` (CPython's `deque->state`), which the
//! iterators and the searching methods (`count`, `index`, `remove`, `in`) compare against to
//! raise "deque mutated during iteration". Searching and comparing call `__eq__`, which is
//! Python code: they work on a snapshot of the items taken under the cell and check `state`
//! after each comparison; nothing runs with the cell held. Removed items are dropped after
//! the cell is released.
//!
//! This file has the class, construction and the methods that change the deque;
//! [`super::deque_seq`] has indexing, searching, comparison, arithmetic and the iterators.

use super::deque_seq;
use crate::native::{cell_of, new_obj};
use gillab_vm::Backend;
use gillab_vm::builtins::{Args, NativeFn, add, add_property};
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::{Layout, Payload, PyRef};
use gillab_vm::ops::{self, dicts, iter, repr, seq};
use gillab_vm::types::new_class;
use std::collections::VecDeque;

/// The state of a deque.
pub(super) struct Deque<B: Backend> {
    pub(super) items: VecDeque<PyRef<B>>,
    /// `None`: unbounded.
    pub(super) maxlen: Option<usize>,
    /// Bumped by every change (see the module docs).
    pub(super) state: u64,
}

impl<B: Backend> Deque<B> {
    /// Appends on the right; a full bounded deque drops (and returns) its leftmost item.
    pub(super) fn push_back(&mut self, v: PyRef<B>) -> Option<PyRef<B>> {
        self.state = self.state.wrapping_add(1);
        if self.maxlen == Some(0) {
            return Some(v);
        }
        self.items.push_back(v);
        match self.maxlen {
            Some(m) if self.items.len() > m => self.items.pop_front(),
            _ => None,
        }
    }

    /// Appends on the left; a full bounded deque drops (and returns) its rightmost item.
    pub(super) fn push_front(&mut self, v: PyRef<B>) -> Option<PyRef<B>> {
        self.state = self.state.wrapping_add(1);
        if self.maxlen == Some(0) {
            return Some(v);
        }
        self.items.push_front(v);
        match self.maxlen {
            Some(m) if self.items.len() > m => self.items.pop_back(),
            _ => None,
        }
    }
}

pub(super) type Cell<B> = <B as Backend>::Cell<Deque<B>>;

/// The receiver of a deque method and its cell, or CPython's descriptor errors.
pub(super) fn this<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    method: &str,
) -> PyResult<B, (&'a PyRef<B>, &'a Cell<B>)> {
    let Some(o) = args.positional().first() else {
        return Err(ctx.type_error(format!("unbound method deque.{method}() needs an argument")));
    };
    match cell_of::<B, Deque<B>>(ops::value_of(o)) {
        Some(c) => Ok((ops::value_of(o), c)),
        None => Err(ctx.type_error(format!(
            "descriptor '{method}' for 'collections.deque' objects doesn't apply to a '{}' object",
            ops::type_name(ctx.vm, o)
        ))),
    }
}

/// The one argument of a `METH_O` method (`deque.append() takes exactly one argument`).
pub(super) fn one<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    method: &str,
) -> PyResult<B, &'a PyRef<B>> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error(format!("deque.{method}() takes no keyword arguments")));
    }
    match args.positional() {
        [_, v] => Ok(v),
        p => Err(ctx.type_error(format!(
            "deque.{method}() takes exactly one argument ({} given)",
            p.len().saturating_sub(1)
        ))),
    }
}

/// Checks a `METH_NOARGS` method's call (`deque.pop() takes no arguments (1 given)`).
pub(super) fn none<B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'_, B>,
    method: &str,
) -> PyResult<B, ()> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error(format!("deque.{method}() takes no keyword arguments")));
    }
    match args.positional().len() {
        1 => Ok(()),
        n => Err(ctx.type_error(format!("deque.{method}() takes no arguments ({} given)", n - 1))),
    }
}

pub(crate) fn install<B: Backend>(ctx: &Ctx<'_, B>, ns: &PyRef<B>) {
    let vm = ctx.vm;
    let cls = new_class::<B>("deque", "collections", vm.core.object_type.clone(), Layout::Builtin);
    let methods: [(&'static str, NativeFn<B>); 18] = [
        ("__new__", deque_new),
        ("__init__", deque_init),
        ("append", append),
        ("appendleft", appendleft),
        ("pop", pop),
        ("popleft", popleft),
        ("extend", extend),
        ("extendleft", extendleft),
        ("clear", clear),
        ("rotate", rotate),
        ("reverse", reverse),
        ("copy", copy),
        ("__copy__", copy),
        ("__len__", len),
        ("__repr__", deque_repr),
        ("__reduce__", reduce),
        ("__iadd__", iadd),
        ("__imul__", imul),
    ];
    for (name, f) in methods {
        add(vm, &cls, name, f);
    }
    add_property(vm, &cls, "maxlen", maxlen);
    // Unhashable, as a mutable container.
    dicts::set_name(&cls, vm.intern("__hash__"), vm.core.none.clone());
    deque_seq::install(ctx, &cls, ns);
    dicts::set_name(ns, vm.intern("deque"), cls);
}

/// `deque(iterable=(), maxlen=None)`'s arguments, with CPython's messages.
fn parse<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
) -> PyResult<B, (Option<&'a PyRef<B>>, Option<usize>)> {
    let pos = args.positional().get(1..).unwrap_or(&[]);
    let total = pos.len() + args.kwnames.len();
    if total > 2 {
        return Err(ctx.type_error(format!("deque() takes at most 2 arguments ({total} given)")));
    }
    let mut iterable = pos.first();
    let mut maxlen = pos.get(1);
    for (k, v) in args.kwargs() {
        match k {
            "iterable" if iterable.is_none() => iterable = Some(v),
            "maxlen" if maxlen.is_none() => maxlen = Some(v),
            "iterable" | "maxlen" => {
                let at = if k == "iterable" { 1 } else { 2 };
                return Err(ctx.type_error(format!(
                    "argument for deque() given by name ('{k}') and position ({at})"
                )));
            }
            _ => {
                return Err(
                    ctx.type_error(format!("'{k}' is an invalid keyword argument for deque()"))
                );
            }
        }
    }
    let maxlen = match maxlen {
        None => None,
        Some(m) => match &m.payload {
            Payload::None => None,
            Payload::Int(i) if *i < 0 => {
                return Err(ctx.value_error("maxlen must be non-negative"));
            }
            Payload::Int(i) => Some(*i as usize),
            Payload::Bool(b) => Some(*b as usize),
            Payload::BigInt(_) => {
                return Err(ctx.overflow_error("Python int too large to convert to C ssize_t"));
            }
            _ => return Err(ctx.type_error("an integer is required")),
        },
    };
    Ok((iterable, maxlen))
}

fn deque_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (iterable, maxlen) = parse(ctx, &args)?;
    let Some(cls) = args.args.first() else { return Err(ctx.type_error("deque.__new__: no type")) };
    let d = new_obj(cls, Deque::<B> { items: VecDeque::new(), maxlen, state: 0 });
    if let Some(it) = iterable {
        let cell = cell_of::<B, Deque<B>>(&d).ok_or_else(|| ctx.type_error("deque"))?;
        extend_from(ctx, &d, cell, it, false)?;
    }
    Ok(d)
}

/// `d.__init__(iterable=(), maxlen=None)`: empties the deque and refills it.
fn deque_init<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "__init__")?;
    let (iterable, maxlen) = parse(ctx, &args)?;
    let old = o.write(cell, |d| {
        d.state = d.state.wrapping_add(1);
        d.maxlen = maxlen;
        std::mem::take(&mut d.items)
    });
    drop(old);
    if let Some(it) = iterable {
        extend_from(ctx, o, cell, it, false)?;
    }
    Ok(ctx.vm.core.none.clone())
}

/// Appends every item of `it` on the right (or, `left`, on the left, reversing them).
pub(super) fn extend_from<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    o: &PyRef<B>,
    cell: &Cell<B>,
    it: &PyRef<B>,
    left: bool,
) -> PyResult<B, ()> {
    let push = |d: &mut Deque<B>, v: PyRef<B>| if left { d.push_front(v) } else { d.push_back(v) };
    // A deque extended with itself, or a list or tuple: their items as they are now.
    let snapshot = if it.is(o) {
        Some(o.read(cell, |d| d.items.iter().cloned().collect::<Vec<_>>()))
    } else {
        match &it.payload {
            Payload::List(_) | Payload::Tuple(_) => Some(seq::to_vec(ctx, it)?),
            _ => None,
        }
    };
    if let Some(items) = snapshot {
        let dropped =
            o.write(cell, |d| items.into_iter().filter_map(|v| push(d, v)).collect::<Vec<_>>());
        drop(dropped);
        return Ok(());
    }
    let iterator = iter::get_iter(ctx, it)?;
    while let Some(v) = iter::next(ctx, &iterator)? {
        let dropped = o.write(cell, |d| push(d, v));
        drop(dropped);
    }
    Ok(())
}

fn append<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "append")?;
    let v = one(ctx, &args, "append")?.clone();
    let dropped = o.write(cell, |d| d.push_back(v));
    drop(dropped);
    Ok(ctx.vm.core.none.clone())
}

fn appendleft<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "appendleft")?;
    let v = one(ctx, &args, "appendleft")?.clone();
    let dropped = o.write(cell, |d| d.push_front(v));
    drop(dropped);
    Ok(ctx.vm.core.none.clone())
}

fn pop_end<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, left: bool) -> PyResult<B> {
    let name = if left { "popleft" } else { "pop" };
    let (o, cell) = this(ctx, &args, name)?;
    none(ctx, &args, name)?;
    let v = o.write(cell, |d| {
        let v = if left { d.items.pop_front() } else { d.items.pop_back() };
        if v.is_some() {
            d.state = d.state.wrapping_add(1);
        }
        v
    });
    v.ok_or_else(|| ctx.index_error("pop from an empty deque"))
}

fn pop<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pop_end(ctx, args, false)
}

fn popleft<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pop_end(ctx, args, true)
}

fn extend<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "extend")?;
    let it = one(ctx, &args, "extend")?;
    extend_from(ctx, o, cell, it, false)?;
    Ok(ctx.vm.core.none.clone())
}

fn extendleft<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "extendleft")?;
    let it = one(ctx, &args, "extendleft")?;
    extend_from(ctx, o, cell, it, true)?;
    Ok(ctx.vm.core.none.clone())
}

fn clear<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "clear")?;
    none(ctx, &args, "clear")?;
    let old = o.write(cell, |d| {
        d.state = d.state.wrapping_add(1);
        std::mem::take(&mut d.items)
    });
    drop(old);
    Ok(ctx.vm.core.none.clone())
}

/// `rotate(n=1)`: `n` steps to the right (left when negative).
fn rotate<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "rotate")?;
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("deque.rotate() takes no keyword arguments"));
    }
    let n = match args.positional() {
        [_] => 1,
        [_, n] => ssize_index(ctx, n)?,
        p => {
            return Err(ctx.type_error(format!(
                "deque.rotate expected at most 1 argument, got {}",
                p.len() - 1
            )));
        }
    };
    o.write(cell, |d| {
        let len = d.items.len();
        if len > 1 {
            d.state = d.state.wrapping_add(1);
            let k = n.rem_euclid(len as i64) as usize;
            d.items.rotate_right(k);
        }
    });
    Ok(ctx.vm.core.none.clone())
}

/// An index argument (`__index__` semantics) as a Py_ssize_t.
pub(super) fn ssize_index<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, i64> {
    let i = crate::operator::index_of(ctx, v)?;
    match &i.payload {
        Payload::BigInt(_) => {
            Err(ctx.overflow_error("Python int too large to convert to C ssize_t"))
        }
        _ => seq::index_value(ctx, &i),
    }
}

fn reverse<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "reverse")?;
    none(ctx, &args, "reverse")?;
    o.write(cell, |d| {
        d.state = d.state.wrapping_add(1);
        d.items.make_contiguous().reverse();
    });
    Ok(ctx.vm.core.none.clone())
}

/// A new deque of `o`'s class holding `items` with bound `maxlen`.
pub(super) fn new_like<B: Backend>(
    ctx: &Ctx<'_, B>,
    o: &PyRef<B>,
    items: VecDeque<PyRef<B>>,
    maxlen: Option<usize>,
) -> PyRef<B> {
    let mut d = Deque { items: VecDeque::new(), maxlen, state: 0 };
    for v in items {
        drop(d.push_back(v));
    }
    new_obj(&ops::type_of(ctx.vm, o), d)
}

fn copy<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "copy")?;
    none(ctx, &args, "copy")?;
    let (items, maxlen) = o.read(cell, |d| (d.items.clone(), d.maxlen));
    Ok(new_like(ctx, o, items, maxlen))
}

fn len<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "__len__")?;
    let n = o.read(cell, |d| d.items.len());
    Ok(ctx.vm.int(n as i64))
}

fn maxlen<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "maxlen")?;
    Ok(match o.read(cell, |d| d.maxlen) {
        Some(m) => ctx.vm.int(m as i64),
        None => ctx.vm.core.none.clone(),
    })
}

/// `deque([1, 2])`, `deque([1, 2], maxlen=3)`, with the subclass's name, and `[...]` for a
/// deque inside itself.
fn deque_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "__repr__")?;
    let name = ops::type_name(ctx.vm, o);
    let (items, maxlen) = o.read(cell, |d| (d.items.iter().cloned().collect::<Vec<_>>(), d.maxlen));
    let text = repr::guarded(o, "[...]", || {
        let list = ctx.vm.list(items);
        let inner = repr::repr(ctx, &list)?;
        Ok(match maxlen {
            Some(m) => format!("{name}({inner}, maxlen={m})"),
            None => format!("{name}({inner})"),
        })
    })?;
    Ok(ctx.vm.str(text))
}

/// `(type(d), (), None, iter(d))`, or with a bound `(type(d), ((), maxlen), None, iter(d))`;
/// the state is `None` since a native deque has no `__dict__`.
fn reduce<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "__reduce__")?;
    none(ctx, &args, "__reduce__")?;
    let vm = ctx.vm;
    let cls = ops::type_of(vm, o);
    let maxlen = o.read(cell, |d| d.maxlen);
    let ctor_args = match maxlen {
        Some(m) => vm.tuple(vec![vm.core.empty_tuple.clone(), vm.int(m as i64)]),
        None => vm.core.empty_tuple.clone(),
    };
    let it = iter::get_iter(ctx, o)?;
    Ok(vm.tuple(vec![cls, ctor_args, vm.core.none.clone(), it]))
}

/// `d += iterable`: extends in place.
fn iadd<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "__iadd__")?;
    let it = one(ctx, &args, "__iadd__")?;
    extend_from(ctx, o, cell, it, false)?;
    Ok(o.clone())
}

/// `d *= n`: repeats the contents in place (emptying it for `n <= 0`), keeping the last
/// `maxlen` items of a bounded deque.
fn imul<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this(ctx, &args, "__imul__")?;
    let nv = one(ctx, &args, "__imul__")?;
    let n = deque_seq::repeat_count(ctx, nv)?;
    let Some(n) = n else { return Ok(ctx.vm.core.not_implemented.clone()) };
    let old = o.write(cell, |d| {
        d.state = d.state.wrapping_add(1);
        let items: Vec<PyRef<B>> = std::mem::take(&mut d.items).into();
        let total = items.len().saturating_mul(n.max(0) as usize);
        let keep = d.maxlen.map_or(total, |m| m.min(total));
        let skip = total - keep;
        for k in skip..total {
            if let Some(v) = items.get(k % items.len().max(1)) {
                d.items.push_back(v.clone());
            }
        }
        items
    });
    drop(old);
    Ok(o.clone())
}
