//! `heapq`: `heappush`, `heappop`, `heapify`, `heapreplace`, `heappushpop` (and the
//! max-heap helpers `_heapify_max`, `_heappop_max`, `_heapreplace_max`) native, as CPython's
//! `_heapq`; `merge`, `nlargest` and `nsmallest` in Python (`python/heapq.py`) over them.
//!
//! **Style: native Rust core, Python glue.** A heap is a list; every sift step copies the
//! two items it compares out of the list's cell, compares them with `<` with the cell
//! released (the comparison may run Python code), then swaps them in a second short
//! critical section, after checking the list's size did not change (CPython's
//! `RuntimeError: list changed size during iteration`). The sift order and comparisons are
//! CPython's, so heaps built from the same pushes hold the same items in the same places.

use gillab_vm::Backend;
use gillab_vm::builtins::{Args, add};
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::eval::imports::exec_source;
use gillab_vm::object::{Payload, PyRef};
use gillab_vm::ops::{self, compare};

const SOURCE: &str = include_str!("python/heapq.py");

/// Fills `heapq`: the native functions, then the Python ones.
pub fn fill<B: Backend>(ctx: &mut Ctx<'_, B>, module: &PyRef<B>) -> PyResult<B, ()> {
    let Payload::Module(m) = &module.payload else { return Ok(()) };
    let (vm, ns) = (ctx.vm, &m.dict);
    add(vm, ns, "heappush", heappush);
    add(vm, ns, "heappop", heappop);
    add(vm, ns, "heapify", heapify);
    add(vm, ns, "heapreplace", heapreplace);
    add(vm, ns, "heappushpop", heappushpop);
    add(vm, ns, "_heapify_max", heapify_max);
    add(vm, ns, "_heappop_max", heappop_max);
    add(vm, ns, "_heapreplace_max", heapreplace_max);
    exec_source(ctx, SOURCE, "<frozen heapq>", module)
}

type Cell<B> = <B as Backend>::Cell<Vec<PyRef<B>>>;

/// The positional arguments of `name`, exactly `n` of them and no keywords.
fn positional<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
    n: usize,
) -> PyResult<B, &'a [PyRef<B>]> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error(format!("_heapq.{name}() takes no keyword arguments")));
    }
    let pos = args.positional();
    if pos.len() != n {
        let msg = if n == 1 {
            format!("_heapq.{name}() takes exactly one argument ({} given)", pos.len())
        } else {
            format!("{name} expected {n} arguments, got {}", pos.len())
        };
        return Err(ctx.type_error(msg));
    }
    Ok(pos)
}

/// The list holding the heap argument's items (the argument itself, or the built-in value
/// of an instance of a subclass of `list`) and its cell, or CPython's `TypeError`.
fn heap_list<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    heap: &'a PyRef<B>,
    name: &str,
    two_args: bool,
) -> PyResult<B, (&'a PyRef<B>, &'a Cell<B>)> {
    let list = ops::value_of(heap);
    match &list.payload {
        Payload::List(cell) => Ok((list, cell)),
        _ => {
            let which = if two_args { " 1" } else { "" };
            Err(ctx.type_error(format!(
                "{name}() argument{which} must be list, not {}",
                ops::type_name(ctx.vm, heap)
            )))
        }
    }
}

/// `a < b` for a min-heap, `b < a` for a max-heap.
fn before<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    a: &PyRef<B>,
    b: &PyRef<B>,
    max: bool,
) -> PyResult<B, bool> {
    if max { compare::lt(ctx, b, a) } else { compare::lt(ctx, a, b) }
}

fn changed_size<B: Backend>(ctx: &Ctx<'_, B>) -> gillab_vm::ctx::PyErr<B> {
    ctx.runtime_error("list changed size during iteration")
}

/// Moves the item at `pos` up towards `start` while it comes before its parent.
fn sift_down<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    heap: &PyRef<B>,
    cell: &Cell<B>,
    start: usize,
    mut pos: usize,
    max: bool,
) -> PyResult<B, ()> {
    let size = heap.read(cell, |v| v.len());
    if pos >= size {
        return Err(ctx.index_error("index out of range"));
    }
    while pos > start {
        let parent = (pos - 1) >> 1;
        let pair = heap.read(cell, |v| match (v.get(pos), v.get(parent)) {
            (Some(a), Some(b)) if v.len() == size => Some((a.clone(), b.clone())),
            _ => None,
        });
        let Some((item, up)) = pair else { return Err(changed_size(ctx)) };
        if !before(ctx, &item, &up, max)? {
            break;
        }
        let swapped = heap.write(cell, |v| {
            if v.len() != size {
                return false;
            }
            v.swap(pos, parent);
            true
        });
        if !swapped {
            return Err(changed_size(ctx));
        }
        pos = parent;
    }
    Ok(())
}

/// Moves the item at `pos` down to a leaf along the path of the children that come first,
/// then back up to its place (CPython's `siftup`, which makes fewer comparisons).
fn sift_up<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    heap: &PyRef<B>,
    cell: &Cell<B>,
    mut pos: usize,
    max: bool,
) -> PyResult<B, ()> {
    let end = heap.read(cell, |v| v.len());
    let start = pos;
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let pair = heap.read(cell, |v| match (v.get(child), v.get(child + 1)) {
                (Some(a), Some(b)) if v.len() == end => Some((a.clone(), b.clone())),
                _ => None,
            });
            let Some((left, right)) = pair else { return Err(changed_size(ctx)) };
            if !before(ctx, &left, &right, max)? {
                child += 1;
            }
        }
        let ok = heap.write(cell, |v| {
            if v.len() != end {
                return false;
            }
            v.swap(pos, child);
            true
        });
        if !ok {
            return Err(changed_size(ctx));
        }
        pos = child;
    }
    sift_down(ctx, heap, cell, start, pos, max)
}

fn heappush<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = positional(ctx, &args, "heappush", 2)?;
    let (heap, cell) = heap_list(ctx, &a[0], "heappush", true)?;
    let last = heap.write(cell, |v| {
        v.push(a[1].clone());
        v.len() - 1
    });
    sift_down(ctx, heap, cell, 0, last, false)?;
    Ok(ctx.vm.core.none.clone())
}

fn pop_with<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, max: bool) -> PyResult<B> {
    let name = if max { "_heappop_max" } else { "heappop" };
    let a = positional(ctx, &args, name, 1)?;
    let (heap, cell) = heap_list(ctx, &a[0], name, false)?;
    let popped = heap.write(cell, |v| {
        let last = v.pop()?;
        match v.first_mut() {
            Some(top) => Some((std::mem::replace(top, last), true)),
            None => Some((last, false)),
        }
    });
    match popped {
        None => Err(ctx.index_error("index out of range")),
        Some((item, false)) => Ok(item),
        Some((item, true)) => {
            sift_up(ctx, heap, cell, 0, max)?;
            Ok(item)
        }
    }
}

fn heappop<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pop_with(ctx, args, false)
}

fn heappop_max<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    pop_with(ctx, args, true)
}

fn replace_with<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, max: bool) -> PyResult<B> {
    let name = if max { "_heapreplace_max" } else { "heapreplace" };
    let a = positional(ctx, &args, name, 2)?;
    let (heap, cell) = heap_list(ctx, &a[0], name, true)?;
    let old = heap.write(cell, |v| v.first_mut().map(|top| std::mem::replace(top, a[1].clone())));
    let Some(old) = old else { return Err(ctx.index_error("index out of range")) };
    sift_up(ctx, heap, cell, 0, max)?;
    Ok(old)
}

fn heapreplace<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    replace_with(ctx, args, false)
}

fn heapreplace_max<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    replace_with(ctx, args, true)
}

fn heappushpop<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = positional(ctx, &args, "heappushpop", 2)?;
    let (heap, cell) = heap_list(ctx, &a[0], "heappushpop", true)?;
    let item = &a[1];
    let Some(top) = heap.read(cell, |v| v.first().cloned()) else { return Ok(item.clone()) };
    if !compare::lt(ctx, &top, item)? {
        return Ok(item.clone());
    }
    let old = heap.write(cell, |v| v.first_mut().map(|t| std::mem::replace(t, item.clone())));
    let Some(old) = old else { return Err(ctx.index_error("index out of range")) };
    sift_up(ctx, heap, cell, 0, false)?;
    Ok(old)
}

fn heapify_with<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, max: bool) -> PyResult<B> {
    let name = if max { "_heapify_max" } else { "heapify" };
    let a = positional(ctx, &args, name, 1)?;
    let (heap, cell) = heap_list(ctx, &a[0], name, false)?;
    let n = heap.read(cell, |v| v.len());
    for i in (0..n / 2).rev() {
        sift_up(ctx, heap, cell, i, max)?;
    }
    Ok(ctx.vm.core.none.clone())
}

fn heapify<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    heapify_with(ctx, args, false)
}

fn heapify_max<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    heapify_with(ctx, args, true)
}
