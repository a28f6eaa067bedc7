//! `count`, `cycle`, `repeat`, `accumulate`, `chain` (with `chain.from_iterable`) and
//! `islice`.
//!
//! `count` over ints that fit 64 bits steps wholly under its cell, so threads sharing one
//! never see a value twice; beyond that (big ints, floats, any numbers) it computes
//! `cur + step` with the cell released and installs the sum only if `cur` is still the
//! current value (retrying otherwise), which keeps the same guarantee. `islice` claims the
//! positions it will consume under its cell before pulling them from the inner iterator.
//! `chain` never drops an inner iterator a racing thread took from its source: threads that
//! share one get, between them, every item of every iterable.

use super::{ClassSpec, clinic, make_class, new_obj, not_none, ssize, stop, this, unpack};
use gillab_vm::Backend;
use gillab_vm::builtins::{Args, native};
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::{Payload, PyRef, Wrapper};
use gillab_vm::ops::arith::{BinOp, binary_op};
use gillab_vm::ops::{self, attr, call, dicts, iter, repr};
use std::collections::VecDeque;

pub(super) fn install<B: Backend>(ctx: &Ctx<'_, B>, ns: &PyRef<B>) {
    make_class(
        ctx,
        ns,
        ClassSpec { name: "count", new: count_new, next: count_next, repr: Some(count_repr) },
    );
    make_class(ctx, ns, ClassSpec { name: "cycle", new: cycle_new, next: cycle_next, repr: None });
    let rep = make_class(
        ctx,
        ns,
        ClassSpec { name: "repeat", new: repeat_new, next: repeat_next, repr: Some(repeat_repr) },
    );
    gillab_vm::builtins::add(ctx.vm, &rep, "__length_hint__", repeat_length_hint);
    make_class(
        ctx,
        ns,
        ClassSpec { name: "accumulate", new: accumulate_new, next: accumulate_next, repr: None },
    );
    let chain = make_class(
        ctx,
        ns,
        ClassSpec { name: "chain", new: chain_new, next: chain_next, repr: None },
    );
    let from = PyRef::new(Payload::Wrapper(Box::new(Wrapper::ClassMethod(native(
        "from_iterable",
        chain_from_iterable,
    )))));
    dicts::set_name(&chain, ctx.vm.intern("from_iterable"), from);
    make_class(
        ctx,
        ns,
        ClassSpec { name: "islice", new: islice_new, next: islice_next, repr: None },
    );
}

// ---- count -------------------------------------------------------------------------------

enum Count<B: Backend> {
    /// Both ints fit 64 bits: stepped in place.
    Fast(i64, i64),
    /// Any numbers: `cur`, `step`.
    Slow(PyRef<B>, PyRef<B>),
}

/// `PyNumber_Check`: an int, a float, or an object with `__index__`, `__int__` or `__float__`.
fn is_number<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>) -> bool {
    match &v.payload {
        Payload::Int(_) | Payload::BigInt(_) | Payload::Bool(_) | Payload::Float(_) => true,
        Payload::Instance(_) | Payload::Native(_) => ["__index__", "__int__", "__float__"]
            .iter()
            .any(|n| attr::lookup_special(ctx, v, n).is_some()),
        _ => false,
    }
}

fn small_int<B: Backend>(v: &PyRef<B>) -> Option<i64> {
    match &v.payload {
        Payload::Int(i) => Some(*i),
        Payload::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

fn count_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = clinic(ctx, &args, "count", &["start", "step"], 0, 2)?;
    let start = a[0].cloned().unwrap_or_else(|| ctx.vm.int(0));
    let step = a[1].cloned().unwrap_or_else(|| ctx.vm.int(1));
    if !is_number(ctx, &start) || !is_number(ctx, &step) {
        return Err(ctx.type_error("a number is required"));
    }
    let state = match (small_int(&start), small_int(&step)) {
        (Some(a), Some(b)) => Count::Fast(a, b),
        _ => Count::Slow(start, step),
    };
    Ok(new_obj(&args.args[0], state))
}

fn count_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, Count<B>>(ctx, &args, "count", "__next__")?;
    let vm = ctx.vm;
    loop {
        // Under the cell: the fast step, or a copy of the slow state.
        let slow = o.write(cell, |st| match st {
            Count::Fast(cur, step) => match cur.checked_add(*step) {
                Some(n) => Ok(std::mem::replace(cur, n)),
                None => {
                    let (c, s) = (vm.int(*cur), vm.int(*step));
                    *st = Count::Slow(c.clone(), s.clone());
                    Err((c, s))
                }
            },
            Count::Slow(c, s) => Err((c.clone(), s.clone())),
        });
        let (cur, step) = match slow {
            Ok(v) => return Ok(vm.int(v)),
            Err(pair) => pair,
        };
        let next = binary_op(ctx, &cur, &step, BinOp::Add, false)?;
        let installed = o.write(cell, |st| match st {
            Count::Slow(c, _) if c.is(&cur) => {
                *c = next;
                true
            }
            _ => false,
        });
        if installed {
            return Ok(cur);
        }
    }
}

fn count_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, Count<B>>(ctx, &args, "count", "__repr__")?;
    let vm = ctx.vm;
    let (cur, step) = o.read(cell, |st| match st {
        Count::Fast(c, s) => (vm.int(*c), vm.int(*s)),
        Count::Slow(c, s) => (c.clone(), s.clone()),
    });
    let name = ops::type_name(vm, o);
    let c = repr::repr(ctx, &cur)?;
    let text = if matches!(step.payload, Payload::Int(1)) {
        format!("{name}({c})")
    } else {
        format!("{name}({c}, {})", repr::repr(ctx, &step)?)
    };
    Ok(vm.str(text))
}

// ---- cycle -------------------------------------------------------------------------------

struct Cycle<B: Backend> {
    /// The source, until it is exhausted.
    it: Option<PyRef<B>>,
    /// What it yielded, replayed afterwards.
    saved: Vec<PyRef<B>>,
    index: usize,
}

fn cycle_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = unpack(ctx, &args, "cycle", 1, 1)?;
    let it = iter::get_iter(ctx, &a[0])?;
    Ok(new_obj(&args.args[0], Cycle { it: Some(it), saved: Vec::new(), index: 0 }))
}

fn cycle_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, Cycle<B>>(ctx, &args, "cycle", "__next__")?;
    if let Some(it) = o.read(cell, |st| st.it.clone()) {
        match iter::next(ctx, &it)? {
            Some(v) => {
                o.write(cell, |st| st.saved.push(v.clone()));
                return Ok(v);
            }
            None => o.write(cell, |st| st.it = None),
        }
    }
    let v = o.write(cell, |st| {
        let v = st.saved.get(st.index).cloned();
        if v.is_some() {
            st.index = (st.index + 1) % st.saved.len();
        }
        v
    });
    match v {
        Some(v) => Ok(v),
        None => stop(ctx),
    }
}

// ---- repeat ------------------------------------------------------------------------------

struct Repeat<B: Backend> {
    obj: PyRef<B>,
    /// Repetitions left; `None` for ever.
    left: Option<i64>,
}

fn repeat_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = clinic(ctx, &args, "repeat", &["object", "times"], 1, 2)?;
    let obj = a[0].cloned().unwrap_or_else(|| ctx.vm.core.none.clone());
    let left = match a[1] {
        Some(t) => Some(ssize(ctx, t)?.max(0)),
        None => None,
    };
    Ok(new_obj(&args.args[0], Repeat { obj, left }))
}

fn repeat_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, Repeat<B>>(ctx, &args, "repeat", "__next__")?;
    let v = o.write(cell, |st| match &mut st.left {
        None => Some(st.obj.clone()),
        Some(0) => None,
        Some(n) => {
            *n -= 1;
            Some(st.obj.clone())
        }
    });
    match v {
        Some(v) => Ok(v),
        None => stop(ctx),
    }
}

fn repeat_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, Repeat<B>>(ctx, &args, "repeat", "__repr__")?;
    let (obj, left) = o.read(cell, |st| (st.obj.clone(), st.left));
    let name = ops::type_name(ctx.vm, o);
    let r = repr::repr(ctx, &obj)?;
    let text = match left {
        Some(n) => format!("{name}({r}, {n})"),
        None => format!("{name}({r})"),
    };
    Ok(ctx.vm.str(text))
}

fn repeat_length_hint<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, Repeat<B>>(ctx, &args, "repeat", "__length_hint__")?;
    match o.read(cell, |st| st.left) {
        Some(n) => Ok(ctx.vm.int(n)),
        None => Err(ctx.type_error("len() of unsized object")),
    }
}

// ---- accumulate --------------------------------------------------------------------------

struct Accumulate<B: Backend> {
    it: PyRef<B>,
    func: Option<PyRef<B>>,
    total: Option<PyRef<B>>,
    /// `initial`, until it is yielded first.
    initial: Option<PyRef<B>>,
}

fn accumulate_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = clinic(ctx, &args, "accumulate", &["iterable", "func", "initial"], 1, 2)?;
    let Some(src) = a[0] else { return Err(ctx.type_error("accumulate() needs an iterable")) };
    let it = iter::get_iter(ctx, src)?;
    let state = Accumulate {
        it,
        func: not_none(a[1]).cloned(),
        total: None,
        initial: not_none(a[2]).cloned(),
    };
    Ok(new_obj(&args.args[0], state))
}

fn accumulate_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, Accumulate<B>>(ctx, &args, "accumulate", "__next__")?;
    if let Some(first) = o.write(cell, |st| {
        let v = st.initial.take();
        if let Some(v) = &v {
            st.total = Some(v.clone());
        }
        v
    }) {
        return Ok(first);
    }
    let (it, func) = o.read(cell, |st| (st.it.clone(), st.func.clone()));
    let Some(v) = iter::next(ctx, &it)? else { return stop(ctx) };
    let total = o.read(cell, |st| st.total.clone());
    let new = match total {
        None => v,
        Some(t) => match &func {
            Some(f) => call::call(ctx, f, &[t, v], &[])?,
            None => binary_op(ctx, &t, &v, BinOp::Add, false)?,
        },
    };
    o.write(cell, |st| st.total = Some(new.clone()));
    Ok(new)
}

// ---- chain -------------------------------------------------------------------------------

struct Chain<B: Backend> {
    /// The iterator over the iterables, until it is exhausted.
    source: Option<PyRef<B>>,
    /// The iterator over the current iterable.
    active: Option<PyRef<B>>,
    /// Iterators that threads racing past an exhausted one took from `source` while another
    /// thread's was being installed: used next, so that no thread drops what it took.
    pending: VecDeque<PyRef<B>>,
}

fn new_chain<B: Backend>(cls: &PyRef<B>, source: PyRef<B>) -> PyRef<B> {
    new_obj(cls, Chain { source: Some(source), active: None, pending: VecDeque::new() })
}

fn chain_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("chain() takes no keyword arguments"));
    }
    let its = ctx.vm.tuple(args.args.get(1..).unwrap_or(&[]).to_vec());
    let source = iter::get_iter(ctx, &its)?;
    Ok(new_chain(&args.args[0], source))
}

fn chain_from_iterable<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if args.args.len() != 2 || !args.kwnames.is_empty() {
        let n = args.args.len().saturating_sub(1);
        return Err(
            ctx.type_error(format!("chain.from_iterable() takes exactly one argument ({n} given)"))
        );
    }
    let source = iter::get_iter(ctx, &args.args[1])?;
    Ok(new_chain(&args.args[0], source))
}

fn chain_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, Chain<B>>(ctx, &args, "chain", "__next__")?;
    loop {
        let (source, active) = o.write(cell, |st| {
            if st.active.is_none() {
                st.active = st.pending.pop_front();
            }
            (st.source.clone(), st.active.clone())
        });
        let active = match active {
            Some(a) => a,
            None => {
                let Some(source) = source else { return stop(ctx) };
                let Some(next_iterable) = iter::next(ctx, &source)? else {
                    o.write(cell, |st| st.source = None);
                    // A racing thread may have queued one meanwhile.
                    if o.read(cell, |st| st.active.is_some() || !st.pending.is_empty()) {
                        continue;
                    }
                    return stop(ctx);
                };
                let a = iter::get_iter(ctx, &next_iterable)?;
                o.write(cell, |st| {
                    if st.active.is_none() {
                        st.active = Some(a.clone());
                    } else {
                        st.pending.push_back(a.clone());
                    }
                });
                continue;
            }
        };
        if let Some(v) = iter::next(ctx, &active)? {
            return Ok(v);
        }
        o.write(cell, |st| {
            if st.active.as_ref().is_some_and(|a| a.is(&active)) {
                st.active = None;
            }
        });
    }
}

// ---- islice ------------------------------------------------------------------------------

struct Islice<B: Backend> {
    /// The source, until exhausted or past `stop`.
    it: Option<PyRef<B>>,
    /// Index of the next item to yield.
    next: i64,
    /// Items claimed from the source so far.
    cnt: i64,
    /// `None` for no limit.
    stop: Option<i64>,
    step: i64,
}

/// An islice index: `None`, or an int in `0..=sys.maxsize`.
fn islice_index<B: Backend>(
    ctx: &Ctx<'_, B>,
    v: &PyRef<B>,
    message: &str,
) -> PyResult<B, Option<i64>> {
    match &v.payload {
        Payload::None => Ok(None),
        Payload::Int(i) if *i >= 0 => Ok(Some(*i)),
        Payload::Bool(b) => Ok(Some(*b as i64)),
        _ => Err(ctx.value_error(message)),
    }
}

fn islice_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = unpack(ctx, &args, "islice", 2, 4)?;
    let (mut start, mut step) = (0, 1);
    let stop_at = if a.len() == 2 {
        let msg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        islice_index(ctx, &a[1], msg)?
    } else {
        let msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        start = islice_index(ctx, &a[1], msg)?.unwrap_or(0);
        let stop_at = islice_index(ctx, &a[2], msg)?;
        if let Some(s) = a.get(3) {
            let bad = "Step for islice() must be a positive integer or None.";
            step = match &s.payload {
                Payload::None => 1,
                Payload::Int(i) if *i > 0 => *i,
                Payload::Bool(true) => 1,
                _ => return Err(ctx.value_error(bad)),
            };
        }
        stop_at
    };
    let it = iter::get_iter(ctx, &a[0])?;
    let state = Islice { it: Some(it), next: start, cnt: 0, stop: stop_at, step };
    Ok(new_obj(&args.args[0], state))
}

fn islice_next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, cell) = this::<B, Islice<B>>(ctx, &args, "islice", "__next__")?;
    // Claim the items to skip and the one to yield, as CPython's loop consumes them (it
    // skips up to `stop` even when nothing is left to yield).
    let claim = o.write(cell, |st| {
        let it = st.it.clone()?;
        let skip = (st.next - st.cnt).max(0);
        let at = st.cnt + skip;
        st.cnt = at;
        if st.stop.is_some_and(|s| at >= s) {
            st.it = None;
            return Some((it, skip, false));
        }
        st.cnt = at + 1;
        let old = st.next;
        st.next = st.next.saturating_add(st.step);
        if let Some(s) = st.stop
            && (st.next < old || st.next > s)
        {
            st.next = s;
        }
        Some((it, skip, true))
    });
    let Some((it, skip, yields)) = claim else { return stop(ctx) };
    for _ in 0..skip {
        if iter::next(ctx, &it)?.is_none() {
            o.write(cell, |st| st.it = None);
            return stop(ctx);
        }
    }
    if !yields {
        return stop(ctx);
    }
    match iter::next(ctx, &it)? {
        Some(v) => Ok(v),
        None => {
            o.write(cell, |st| st.it = None);
            stop(ctx)
        }
    }
}
