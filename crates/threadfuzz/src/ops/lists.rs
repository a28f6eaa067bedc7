//! List ops: the chaos lists `L0`/`L1` (every mutating and reading operation, slices and
//! extended slices, sorts with keys, `extend` both ways, `clear`, `del`, iteration; checked
//! for never-stored values) and the queue list `Q` (operations that conserve elements:
//! appends, inserts, pops, removes of one's own values, key-less sorts, reverses and reads).

use super::{Block, Emit, Group, OpSpec, block, one};
use crate::allow::*;

/// The list an op works on, and the other one: mostly `L0`, so that threads meet on it.
fn lists(e: &mut Emit<'_>) -> (&'static str, &'static str) {
    if e.chance(0.7) { ("L0", "L1") } else { ("L1", "L0") }
}

/// `del L[CAP:]` after an op that grows `l`, so that `a.extend(b)` racing `b.extend(a)` stays
/// bounded.
fn truncate(l: &str) -> Block {
    block("list.delslice", vec![format!("del {l}[CAP:]")])
}

fn check_each(expr: &str, space: u8) -> Vec<String> {
    vec![format!("for x in {expr}:"), format!("    _chk(x, {space}, bad)")]
}

fn append(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    one("list.append", &[&format!("{l}.append(_new(1, k))")])
}

fn extend(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    let n = e.int(1, 4);
    vec![block("list.extend", vec![format!("{l}.extend(_news(1, k, {n}))")]), truncate(l)]
}

/// `a.extend(b)`; another thread's `b.extend(a)` makes the both-ways race.
fn extend_other(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, o) = lists(e);
    let src = if e.chance(0.2) { l } else { o };
    vec![block("list.extend_other", vec![format!("{l}.extend({src})")]), truncate(l)]
}

fn iadd(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, o) = lists(e);
    let rhs = if e.chance(0.5) { format!("_news(1, k, {})", e.int(1, 3)) } else { o.to_string() };
    vec![block("list.iadd", vec![format!("{l} += {rhs}")]), truncate(l)]
}

fn imul(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    vec![block("list.imul", vec![format!("{l} *= 2")]), truncate(l)]
}

fn insert(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    let i = e.index();
    one("list.insert", &[&format!("{l}.insert({i}, _new(1, k))")])
}

fn pop(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    let arg = if e.chance(0.5) { String::new() } else { e.index().to_string() };
    one("list.pop", &[&format!("_chk({l}.pop({arg}), 1, bad)")])
}

fn remove(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    let v = e.guess(1);
    one("list.remove", &[&format!("{l}.remove({v})")])
}

fn index(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    let v = e.guess(1);
    one("list.index", &[&format!("{l}.index({v})")])
}

fn search(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    let v = e.guess(1);
    let line = match e.int(0, 2) {
        0 => format!("n = {l}.count({v})"),
        1 => format!("n = {v} in {l}"),
        _ => format!("n = len({l})"),
    };
    one("list.search", &[&line])
}

fn getitem(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    let i = e.index();
    one("list.getitem", &[&format!("_chk({l}[{i}], 1, bad)")])
}

fn setitem(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    let i = e.index();
    one("list.setitem", &[&format!("{l}[{i}] = _new(1, k)")])
}

fn delitem(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    let i = e.index();
    one("list.delitem", &[&format!("del {l}[{i}]")])
}

fn getslice(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    let s = if e.chance(0.5) { e.slice() } else { e.ext_slice() };
    vec![block("list.getslice", check_each(&format!("{l}[{s}]"), 1))]
}

/// `L[a:b] = ...`: new values, the other list, a slice of itself or itself.
fn setslice(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, o) = lists(e);
    let s = e.slice();
    let (rhs, grows) = match e.int(0, 5) {
        0 | 1 => (format!("_news(1, k, {})", e.int(0, 5)), false),
        2 => ("[]".to_string(), false),
        3 => (o.to_string(), true),
        4 => (format!("{l}[{}]", e.slice()), true),
        _ => (l.to_string(), true),
    };
    let mut out = vec![block("list.setslice", vec![format!("{l}[{s}] = {rhs}")])];
    if grows {
        out.push(truncate(l));
    }
    out
}

/// `L[a:b:c] = ...` with as many values as the slice had when they were made: a ValueError
/// when another thread changed the length in between, never anything else.
fn setslice_ext(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    let s = e.ext_slice();
    let line = match e.int(0, 3) {
        0 | 1 => format!("{l}[{s}] = _news(1, k, len({l}[{s}]))"),
        2 => format!("{l}[{s}] = {l}[{s}][::-1]"),
        _ => format!("{l}[{s}] = _news(1, k, {})", e.int(0, 4)),
    };
    one("list.setslice_ext", &[&line])
}

fn delslice(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    let s = if e.chance(0.6) { e.slice() } else { e.ext_slice() };
    one("list.delslice", &[&format!("del {l}[{s}]")])
}

fn sort_key(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    let key = e.pick(&["_kneg", "_kmod", "lambda x: -x"]);
    let rev = if e.chance(0.3) { ", reverse=True" } else { "" };
    one("list.sort_key", &[&format!("{l}.sort(key={key}{rev})")])
}

/// A key-less sort of ints runs no Python code: atomic under CPython's GIL.
fn sort(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    let rev = if e.chance(0.3) { "reverse=True" } else { "" };
    one("list.sort", &[&format!("{l}.sort({rev})")])
}

fn reverse(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    one("list.reverse", &[&format!("{l}.reverse()")])
}

fn clear(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    one("list.clear", &[&format!("{l}.clear()")])
}

/// Rebinding the global drops the old list while other threads may still be using it.
fn rebind(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    let n = e.int(0, 8);
    one("list.rebind", &[&format!("{l} = _news(1, k, {n})")])
}

fn copy(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, o) = lists(e);
    let expr = match e.int(0, 5) {
        0 => format!("{l}.copy()"),
        1 => format!("list({l})"),
        2 => format!("tuple({l})"),
        3 => format!("{l}[:]"),
        4 => format!("{l} + {o}"),
        _ => format!("{l} * 2"),
    };
    vec![block("list.copy", check_each(&expr, 1))]
}

fn iterate(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    let lines = match e.int(0, 2) {
        0 => check_each(l, 1),
        1 => check_each(&format!("reversed({l})"), 1),
        _ => vec![format!("for i, x in enumerate({l}):"), "    _chk(x, 1, bad)".to_string()],
    };
    vec![block("list.iter", lines)]
}

fn builtins(e: &mut Emit<'_>) -> Vec<Block> {
    let (l, _) = lists(e);
    let lines = match e.int(0, 4) {
        0 => check_each(&format!("sorted({l}, key=_kmod)"), 1),
        1 => check_each(&format!("sorted({l})"), 1),
        2 => vec![
            format!("m = max({l}, default=None)"),
            "if m is not None:".into(),
            "    _chk(m, 1, bad)".into(),
        ],
        3 => vec![
            format!("m = sum({l})"),
            "if type(m) is not int:".into(),
            "    bad.append(\"sum: \" + repr(m))".into(),
        ],
        _ => vec![
            format!("m = repr({l})"),
            "if m[:1] != \"[\" or m[-1:] != \"]\":".into(),
            "    bad.append(\"repr: \" + m)".into(),
        ],
    };
    vec![block("list.builtins", lines)]
}

// ---- Q: elements conserved ------------------------------------------------------------------

fn q_add(e: &mut Emit<'_>) -> Vec<Block> {
    let lines = match e.int(0, 3) {
        0 | 1 => vec!["v = _new(2, k)".into(), "Q.append(v)".into(), "mine.append(v)".into()],
        2 => {
            let i = e.index();
            vec!["v = _new(2, k)".into(), format!("Q.insert({i}, v)"), "mine.append(v)".into()]
        }
        _ => {
            let n = e.int(1, 3);
            vec![format!("vs = _news(2, k, {n})"), "Q.extend(vs)".into(), "mine.extend(vs)".into()]
        }
    };
    vec![block("queue.add", lines)]
}

fn q_pop(e: &mut Emit<'_>) -> Vec<Block> {
    let arg = match e.int(0, 3) {
        0 | 1 => String::new(),
        2 => "0".to_string(),
        _ => e.index().to_string(),
    };
    vec![block(
        "queue.pop",
        vec![format!("v = Q.pop({arg})"), "_chk(v, 2, bad)".into(), "got[0].append(v)".into()],
    )]
}

fn q_remove(e: &mut Emit<'_>) -> Vec<Block> {
    let at = if e.chance(0.5) { "" } else { "0" };
    vec![block(
        "queue.remove",
        vec![
            "if mine:".into(),
            format!("    v = mine.pop({at})"),
            "    Q.remove(v)".into(),
            "    got[0].append(v)".into(),
        ],
    )]
}

/// Key-less sorts and reverses permute Q; CPython runs both without a thread switch.
fn q_sort(e: &mut Emit<'_>) -> Vec<Block> {
    let line = e.pick(&["Q.sort()", "Q.sort(reverse=True)", "Q.reverse()"]);
    one("queue.sort", &[line])
}

fn q_read(e: &mut Emit<'_>) -> Vec<Block> {
    match e.int(0, 5) {
        0 => vec![block("queue.iter", check_each("Q", 2))],
        1 => vec![block("queue.iter", check_each(&format!("Q[{}]", e.slice()), 2))],
        2 => vec![block("queue.iter", check_each("sorted(Q)", 2))],
        3 => {
            let i = e.index();
            one("queue.getitem", &[&format!("_chk(Q[{i}], 2, bad)")])
        }
        4 => {
            let v = e.guess(2);
            one("queue.index", &[&format!("Q.index({v})")])
        }
        _ => {
            let v = e.guess(2);
            one("queue.search", &[&format!("n = Q.count({v}) + len(Q) + ({v} in Q)")])
        }
    }
}

fn q_read_spec(name: &'static str, raises: &'static [crate::allow::Exc]) -> OpSpec {
    // Reads are emitted by `q_read`, which picks the block's op; these entries carry the
    // allow-lists (weight 0: never chosen directly).
    OpSpec { name, group: Group::Queue, weight: 0, raises, emit: q_read }
}

/// The list and queue ops.
pub fn specs() -> Vec<OpSpec> {
    let l = |name, weight, raises, emit| OpSpec { name, group: Group::List, weight, raises, emit };
    let q = |name, weight, raises, emit| OpSpec { name, group: Group::Queue, weight, raises, emit };
    vec![
        l("list.append", 4, &[], append),
        l("list.extend", 2, &[], extend),
        l("list.extend_other", 3, &[], extend_other),
        l("list.iadd", 1, &[], iadd),
        l("list.imul", 1, &[], imul),
        l("list.insert", 2, &[], insert),
        l("list.pop", 4, &[POP_EMPTY, POP_INDEX], pop),
        l("list.remove", 1, &[REMOVE_MISSING], remove),
        l("list.index", 1, &[INDEX_MISSING], index),
        l("list.search", 1, &[], search),
        l("list.getitem", 2, &[LIST_INDEX], getitem),
        l("list.setitem", 2, &[LIST_ASSIGN_INDEX], setitem),
        l("list.delitem", 2, &[LIST_ASSIGN_INDEX], delitem),
        l("list.getslice", 2, &[], getslice),
        l("list.setslice", 6, &[], setslice),
        l("list.setslice_ext", 5, &[EXT_SLICE_SIZE], setslice_ext),
        l("list.delslice", 4, &[], delslice),
        l("list.sort_key", 3, &[MODIFIED_DURING_SORT], sort_key),
        l("list.sort", 1, &[], sort),
        l("list.reverse", 1, &[], reverse),
        l("list.clear", 1, &[], clear),
        l("list.rebind", 1, &[], rebind),
        l("list.copy", 2, &[], copy),
        l("list.iter", 2, &[], iterate),
        l("list.builtins", 2, &[], builtins),
        q("queue.add", 6, &[], q_add),
        q("queue.pop", 5, &[POP_EMPTY, POP_INDEX], q_pop),
        q("queue.remove", 2, &[REMOVE_MISSING], q_remove),
        q("queue.sort", 1, &[], q_sort),
        q("queue.read", 3, &[], q_read),
        q_read_spec("queue.iter", &[]),
        q_read_spec("queue.getitem", &[LIST_INDEX]),
        q_read_spec("queue.index", &[INDEX_MISSING]),
        q_read_spec("queue.search", &[]),
    ]
}
