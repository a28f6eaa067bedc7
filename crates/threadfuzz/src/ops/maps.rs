//! Dict, set, instance and global ops: the chaos dict `D` and set `S` (any operation,
//! iteration included), the conserving dict `DQ` and set `SQ` (inserts of unique keys and
//! every way of removing one, each removal recorded), the shared instance `box` with the class
//! attribute `Box.c`, and the globals `G` and `G2`.

use super::{Block, Emit, Group, OpSpec, block, one};
use crate::allow::*;

fn lines(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

// ---- D: string keys, any operation ----------------------------------------------------------

fn d_set(e: &mut Emit<'_>) -> Vec<Block> {
    let (a, b) = (e.key(), e.key());
    let line = match e.int(0, 2) {
        0 => format!("D[{a}] = _new(1, k)"),
        1 => format!("D.update({{{a}: _new(1, k), {b}: _new(1, k)}})"),
        _ => format!("_chk(D.setdefault({a}, _new(1, k)), 1, bad)"),
    };
    one("dict.set", &[&line])
}

fn d_getitem(e: &mut Emit<'_>) -> Vec<Block> {
    let a = e.key();
    one("dict.getitem", &[&format!("_chk(D[{a}], 1, bad)")])
}

fn d_get(e: &mut Emit<'_>) -> Vec<Block> {
    let a = e.key();
    let l = if e.chance(0.5) {
        vec![format!("v = D.get({a})"), "if v is not None:".into(), "    _chk(v, 1, bad)".into()]
    } else {
        vec![format!("n = ({a} in D) + len(D)")]
    };
    vec![block("dict.get", l)]
}

fn d_del(e: &mut Emit<'_>) -> Vec<Block> {
    let a = e.key();
    let line =
        if e.chance(0.5) { format!("del D[{a}]") } else { format!("_chk(D.pop({a}), 1, bad)") };
    one("dict.del", &[&line])
}

fn d_pop_default(e: &mut Emit<'_>) -> Vec<Block> {
    let a = e.key();
    vec![block(
        "dict.pop_default",
        vec![
            format!("v = D.pop({a}, None)"),
            "if v is not None:".into(),
            "    _chk(v, 1, bad)".into(),
        ],
    )]
}

fn d_popitem(_: &mut Emit<'_>) -> Vec<Block> {
    vec![block(
        "dict.popitem",
        lines(&["kk, v = D.popitem()", "_chkkey(kk, bad)", "_chk(v, 1, bad)"]),
    )]
}

fn d_clear(_: &mut Emit<'_>) -> Vec<Block> {
    one("dict.clear", &["D.clear()"])
}

fn d_rebind(e: &mut Emit<'_>) -> Vec<Block> {
    let a = e.key();
    one("dict.rebind", &[&format!("D = {{{a}: _new(1, k)}}")])
}

/// A Python-level loop over the dict: sees other threads' changes between steps.
fn d_iter(e: &mut Emit<'_>) -> Vec<Block> {
    let l = match e.int(0, 2) {
        0 => lines(&["for kk in D:", "    _chkkey(kk, bad)"]),
        1 => lines(&["for kk, v in D.items():", "    _chkkey(kk, bad)", "    _chk(v, 1, bad)"]),
        _ => lines(&["for v in D.values():", "    _chk(v, 1, bad)"]),
    };
    vec![block("dict.iter", l)]
}

/// Copies made in C (`list(d)`, `d.copy()`, `sorted(d)`, `repr(d)`): atomic under the GIL.
fn d_copy(e: &mut Emit<'_>) -> Vec<Block> {
    let l = match e.int(0, 4) {
        0 => lines(&["for kk in list(D):", "    _chkkey(kk, bad)"]),
        1 => lines(&["for kk in sorted(D):", "    _chkkey(kk, bad)"]),
        2 => lines(&["for v in D.copy().values():", "    _chk(v, 1, bad)"]),
        3 => lines(&["for kk, v in dict(D).items():", "    _chk(v, 1, bad)"]),
        _ => lines(&[
            "m = repr(D)",
            "if m[:1] != \"{\" or m[-1:] != \"}\":",
            "    bad.append(\"repr: \" + m)",
        ]),
    };
    vec![block("dict.copy", l)]
}

// ---- DQ: unique int keys, conserved ---------------------------------------------------------

fn dq_add(e: &mut Emit<'_>) -> Vec<Block> {
    let store = match e.int(0, 2) {
        0 => "DQ[kk] = \"v\" + str(kk)",
        1 => "_chkdq(kk, DQ.setdefault(kk, \"v\" + str(kk)), bad)",
        _ => "DQ.update({kk: \"v\" + str(kk)})",
    };
    vec![block(
        "dictqueue.add",
        vec!["kk = _new(3, k)".into(), store.into(), "mydq.append(kk)".into()],
    )]
}

fn dq_popitem(_: &mut Emit<'_>) -> Vec<Block> {
    vec![block(
        "dictqueue.popitem",
        lines(&["kk, v = DQ.popitem()", "_chkdq(kk, v, bad)", "got[1].append(kk)"]),
    )]
}

/// Removes one of its own keys (if it still has one) or a guessed one.
fn dq_remove(e: &mut Emit<'_>) -> Vec<Block> {
    let own = e.chance(0.6);
    let (op, body) = match e.int(0, 2) {
        0 => {
            ("dictqueue.pop", lines(&["v = DQ.pop(kk)", "_chkdq(kk, v, bad)", "got[1].append(kk)"]))
        }
        1 => ("dictqueue.pop", lines(&["del DQ[kk]", "got[1].append(kk)"])),
        _ => (
            "dictqueue.pop_default",
            lines(&[
                "v = DQ.pop(kk, None)",
                "if v is not None:",
                "    _chkdq(kk, v, bad)",
                "    got[1].append(kk)",
            ]),
        ),
    };
    let (mut l, indent) = if own {
        (lines(&["if mydq:", "    kk = mydq.pop(0)"]), "    ")
    } else {
        (vec![format!("kk = {}", e.guess(3))], "")
    };
    l.extend(body.into_iter().map(|s| format!("{indent}{s}")));
    vec![block(op, l)]
}

/// `next(iter(DQ))` then pop it: the iterator may see the dict change, the key may be gone.
fn dq_first(_: &mut Emit<'_>) -> Vec<Block> {
    vec![block(
        "dictqueue.first",
        lines(&[
            "kk = next(iter(DQ))",
            "v = DQ.pop(kk)",
            "_chkdq(kk, v, bad)",
            "got[1].append(kk)",
        ]),
    )]
}

fn dq_iter(e: &mut Emit<'_>) -> Vec<Block> {
    let l = if e.chance(0.5) {
        lines(&["for kk in DQ:", "    _chk(kk, 3, bad)"])
    } else {
        lines(&["for kk, v in DQ.items():", "    _chkdq(kk, v, bad)"])
    };
    vec![block("dictqueue.iter", l)]
}

fn dq_read(e: &mut Emit<'_>) -> Vec<Block> {
    let g = e.guess(3);
    let l = match e.int(0, 3) {
        0 => vec![
            format!("v = DQ.get({g})"),
            "if v is not None:".into(),
            format!("    _chkdq({g}, v, bad)"),
        ],
        1 => vec![format!("n = ({g} in DQ) + len(DQ)")],
        2 => lines(&["for kk, v in DQ.copy().items():", "    _chkdq(kk, v, bad)"]),
        _ => lines(&["for kk in sorted(DQ):", "    _chk(kk, 3, bad)"]),
    };
    vec![block("dictqueue.read", l)]
}

// ---- S: small tags, any operation -----------------------------------------------------------

fn s_add(e: &mut Emit<'_>) -> Vec<Block> {
    let (a, b) = (e.small(), e.small());
    let line = match e.int(0, 2) {
        0 => format!("S.add({a})"),
        1 => format!("S.update([{a}, {b}])"),
        _ => format!("S |= {{{a}, {b}}}"),
    };
    one("set.add", &[&line])
}

fn s_discard(e: &mut Emit<'_>) -> Vec<Block> {
    let (a, b, c) = (e.small(), e.small(), e.small());
    let line = match e.int(0, 3) {
        0 => format!("S.discard({a})"),
        1 => format!("S -= {{{a}, {b}}}"),
        2 => format!("S &= {{{a}, {b}, {c}}} | set(list(S)[:6])"),
        _ => format!("S ^= {{{a}}}"),
    };
    one("set.discard", &[&line])
}

fn s_remove(e: &mut Emit<'_>) -> Vec<Block> {
    let a = e.small();
    one("set.remove", &[&format!("S.remove({a})")])
}

fn s_pop(_: &mut Emit<'_>) -> Vec<Block> {
    one("set.pop", &["_chk(S.pop(), 5, bad)"])
}

fn s_clear(_: &mut Emit<'_>) -> Vec<Block> {
    one("set.clear", &["S.clear()"])
}

fn s_iter(_: &mut Emit<'_>) -> Vec<Block> {
    vec![block("set.iter", lines(&["for x in S:", "    _chk(x, 5, bad)"]))]
}

fn s_copy(e: &mut Emit<'_>) -> Vec<Block> {
    let a = e.small();
    let l = match e.int(0, 3) {
        0 => lines(&["for x in sorted(S):", "    _chk(x, 5, bad)"]),
        1 => lines(&["for x in S.copy():", "    _chk(x, 5, bad)"]),
        2 => vec![format!("for x in S | {{{a}}}:"), "    _chk(x, 5, bad)".into()],
        _ => vec![format!("n = len(S) + ({a} in S)")],
    };
    vec![block("set.copy", l)]
}

// ---- SQ: conserved --------------------------------------------------------------------------

fn sq_add(_: &mut Emit<'_>) -> Vec<Block> {
    vec![block("setqueue.add", lines(&["v = _new(4, k)", "SQ.add(v)", "mysq.append(v)"]))]
}

fn sq_pop(_: &mut Emit<'_>) -> Vec<Block> {
    vec![block("setqueue.pop", lines(&["v = SQ.pop()", "_chk(v, 4, bad)", "got[2].append(v)"]))]
}

fn sq_remove(_: &mut Emit<'_>) -> Vec<Block> {
    vec![block(
        "setqueue.remove",
        lines(&["if mysq:", "    v = mysq.pop()", "    SQ.remove(v)", "    got[2].append(v)"]),
    )]
}

fn sq_iter(_: &mut Emit<'_>) -> Vec<Block> {
    vec![block("setqueue.iter", lines(&["for x in SQ:", "    _chk(x, 4, bad)"]))]
}

fn sq_read(e: &mut Emit<'_>) -> Vec<Block> {
    let g = e.guess(4);
    let l = if e.chance(0.5) {
        lines(&["for x in sorted(SQ):", "    _chk(x, 4, bad)"])
    } else {
        vec![format!("n = len(SQ) + ({g} in SQ)")]
    };
    vec![block("setqueue.read", l)]
}

// ---- box and Box.c --------------------------------------------------------------------------

fn box_set(e: &mut Emit<'_>) -> Vec<Block> {
    let a = e.attr();
    let line = if e.chance(0.5) {
        format!("box.{a} = _new(1, k)")
    } else {
        format!("setattr(box, \"{a}\", _new(1, k))")
    };
    one("instance.set", &[&line])
}

fn box_get(e: &mut Emit<'_>) -> Vec<Block> {
    let a = e.attr();
    let line = if e.chance(0.5) {
        format!("_chk(box.{a}, 1, bad)")
    } else {
        format!("_chk(getattr(box, \"{a}\"), 1, bad)")
    };
    one("instance.get", &[&line])
}

fn box_get_default(e: &mut Emit<'_>) -> Vec<Block> {
    let a = e.attr();
    let l = if e.chance(0.5) {
        vec![
            format!("v = getattr(box, \"{a}\", None)"),
            "if v is not None:".into(),
            "    _chk(v, 1, bad)".into(),
        ]
    } else {
        vec![format!("n = hasattr(box, \"{a}\")")]
    };
    vec![block("instance.get_default", l)]
}

fn box_del(e: &mut Emit<'_>) -> Vec<Block> {
    let a = e.attr();
    let line =
        if e.chance(0.5) { format!("del box.{a}") } else { format!("delattr(box, \"{a}\")") };
    one("instance.del", &[&line])
}

fn box_items(e: &mut Emit<'_>) -> Vec<Block> {
    match e.int(0, 4) {
        0 | 1 => one("instance.items_append", &["box.items.append(_new(1, k))"]),
        2 => one("instance.items_pop", &["_chk(box.items.pop(), 1, bad)"]),
        3 => one("instance.items_set", &[&format!("box.items = _news(1, k, {})", e.int(0, 4))]),
        _ => vec![block(
            "instance.items_iter",
            lines(&["for x in box.items:", "    _chk(x, 1, bad)"]),
        )],
    }
}

fn cls(e: &mut Emit<'_>) -> Vec<Block> {
    match e.int(0, 4) {
        0 | 1 => one("instance.cls_set", &["Box.c = _new(1, k)"]),
        2 => one("instance.cls_get", &["_chk(box.c, 1, bad)"]),
        3 => one("instance.cls_get_type", &["_chk(Box.c, 1, bad)"]),
        _ => one("instance.cls_del", &["del Box.c"]),
    }
}

// ---- G and G2 -------------------------------------------------------------------------------

fn g_set(_: &mut Emit<'_>) -> Vec<Block> {
    one("global.set", &["G = _new(1, k)"])
}

fn g_get(_: &mut Emit<'_>) -> Vec<Block> {
    one("global.get", &["_chk(G, 1, bad)"])
}

fn g_del(_: &mut Emit<'_>) -> Vec<Block> {
    one("global.del", &["del G"])
}

fn g_pair(e: &mut Emit<'_>) -> Vec<Block> {
    if e.chance(0.5) {
        vec![block("global.pair_set", lines(&["v = _new(1, k)", "G2 = (v, v)"]))]
    } else {
        one("global.pair_get", &["_chkpair(G2, bad)"])
    }
}

/// Entries that only carry an allow-list for a block another emitter produces.
fn carrier(
    name: &'static str,
    group: Group,
    raises: &'static [Exc],
    emit: fn(&mut Emit<'_>) -> Vec<Block>,
) -> OpSpec {
    OpSpec { name, group, weight: 0, raises, emit }
}

/// The dict, set, instance and global ops.
pub fn specs() -> Vec<OpSpec> {
    let op = |name, group, weight, raises, emit| OpSpec { name, group, weight, raises, emit };
    let it: &'static [Exc] = &[DICT_CHANGED_SIZE, DICT_KEYS_CHANGED];
    use Group::*;
    vec![
        op("dict.set", Dict, 5, &[], d_set),
        op("dict.getitem", Dict, 2, &[KEY_ERROR_STR], d_getitem),
        op("dict.get", Dict, 2, &[], d_get),
        op("dict.del", Dict, 3, &[KEY_ERROR_STR], d_del),
        op("dict.pop_default", Dict, 1, &[], d_pop_default),
        op("dict.popitem", Dict, 1, &[POPITEM_EMPTY], d_popitem),
        op("dict.clear", Dict, 1, &[], d_clear),
        op("dict.rebind", Dict, 1, &[], d_rebind),
        op("dict.iter", Dict, 3, it, d_iter),
        op("dict.copy", Dict, 2, &[], d_copy),
        op("dictqueue.add", DictQueue, 6, &[], dq_add),
        op("dictqueue.popitem", DictQueue, 2, &[POPITEM_EMPTY], dq_popitem),
        op("dictqueue.pop", DictQueue, 3, &[KEY_ERROR_INT], dq_remove),
        carrier("dictqueue.pop_default", DictQueue, &[], dq_remove),
        op(
            "dictqueue.first",
            DictQueue,
            1,
            &[STOP_ITERATION, DICT_CHANGED_SIZE, DICT_KEYS_CHANGED, KEY_ERROR_INT],
            dq_first,
        ),
        op("dictqueue.iter", DictQueue, 2, it, dq_iter),
        op("dictqueue.read", DictQueue, 2, &[], dq_read),
        op("set.add", Set, 4, &[], s_add),
        op("set.discard", Set, 3, &[], s_discard),
        op("set.remove", Set, 2, &[KEY_ERROR_INT], s_remove),
        op("set.pop", Set, 2, &[SET_POP_EMPTY], s_pop),
        op("set.clear", Set, 1, &[], s_clear),
        op("set.iter", Set, 3, &[SET_CHANGED_SIZE], s_iter),
        op("set.copy", Set, 2, &[], s_copy),
        op("setqueue.add", SetQueue, 5, &[], sq_add),
        op("setqueue.pop", SetQueue, 3, &[SET_POP_EMPTY], sq_pop),
        op("setqueue.remove", SetQueue, 2, &[KEY_ERROR_INT], sq_remove),
        op("setqueue.iter", SetQueue, 2, &[SET_CHANGED_SIZE], sq_iter),
        op("setqueue.read", SetQueue, 2, &[], sq_read),
        op("instance.set", Instance, 4, &[], box_set),
        op("instance.get", Instance, 3, &[NO_ATTR], box_get),
        op("instance.get_default", Instance, 2, &[], box_get_default),
        op("instance.del", Instance, 2, &[NO_ATTR_DEL], box_del),
        op("instance.items", Instance, 4, &[], box_items),
        carrier("instance.items_append", Instance, &[], box_items),
        carrier("instance.items_pop", Instance, &[POP_EMPTY], box_items),
        carrier("instance.items_set", Instance, &[], box_items),
        carrier("instance.items_iter", Instance, &[], box_items),
        op("instance.cls", Instance, 3, &[], cls),
        carrier("instance.cls_set", Instance, &[], cls),
        carrier("instance.cls_get", Instance, &[NO_ATTR], cls),
        carrier("instance.cls_get_type", Instance, &[TYPE_NO_ATTR], cls),
        carrier("instance.cls_del", Instance, &[TYPE_NO_ATTR_DEL], cls),
        op("global.set", Global, 3, &[], g_set),
        op("global.get", Global, 3, &[NAME_G], g_get),
        op("global.del", Global, 1, &[NAME_G_DEL], g_del),
        op("global.pair", Global, 4, &[], g_pair),
        carrier("global.pair_set", Global, &[], g_pair),
        carrier("global.pair_get", Global, &[], g_pair),
    ]
}
