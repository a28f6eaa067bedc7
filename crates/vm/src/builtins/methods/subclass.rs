//! What lets a Python class extend a built-in type (`class C(list)`, `class E(int, Enum)`):
//! the special methods of `int`, `float`, `str`, `bytes`, `tuple`, `list`, `dict`, `set` and
//! `frozenset`
//! as entries of their class dicts, so that an instance of a subclass (a `Payload::Instance`
//! whose `value` is the built-in object) reaches them through the ordinary dunder lookup,
//! `super().__getitem__(k)` and `dict.__setitem__(self, k, v)` work, and a subclass may
//! override any of them.
//!
//! Each method acts on the built-in value (`ops::value_of`), so on a plain built-in object it
//! does what the operator does. The operators themselves keep their payload fast paths and
//! never look these entries up for plain built-in objects, so they cost ordinary code
//! nothing. Binary operators and comparisons return `NotImplemented` for operands they cannot
//! handle, as CPython's slots do, so the reflected method is tried and the error names the
//! subclass. `dict.__getitem__` calls `__missing__` of a subclass, as CPython's does.
//!
//! Also here: [`subclass_new`], by which the built-in constructors make an instance of a
//! subclass when `__new__` is called with one (`int.__new__(cls, 5)`).

use crate::backend::Backend;
use crate::builtins::{Args, NativeFn, add};
use crate::ctx::{Ctx, PyResult};
use crate::object::dict::Dict;
use crate::object::str::hash_str;
use crate::object::{Payload, PyRef};
use crate::ops::arith::{BinOp, UnaryOp, binary_op, unary_op};
use crate::ops::compare::{self, CmpOp};
use crate::ops::{self, attr, has_dunders, is_true, iter, repr, seq, value_of};
use crate::vm::Vm;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let t = &vm.core.types;
    let all =
        [&t.int, &t.float, &t.str_, &t.bytes, &t.tuple, &t.list, &t.dict, &t.set, &t.frozenset];
    for c in all {
        add(vm, c, "__repr__", d_repr);
        add(vm, c, "__eq__", d_eq);
        add(vm, c, "__ne__", d_ne);
        add(vm, c, "__lt__", d_lt);
        add(vm, c, "__le__", d_le);
        add(vm, c, "__gt__", d_gt);
        add(vm, c, "__ge__", d_ge);
    }
    for c in [&t.int, &t.float, &t.str_, &t.bytes, &t.tuple, &t.frozenset] {
        add(vm, c, "__hash__", d_hash);
    }
    for c in [&t.list, &t.dict, &t.set] {
        // Unhashable, as in CPython (the `Hashable` ABC reads this).
        ops::dicts::set_name(c, vm.intern("__hash__"), vm.core.none.clone());
    }
    for c in [&t.str_, &t.bytes, &t.tuple, &t.list, &t.dict, &t.set, &t.frozenset] {
        add(vm, c, "__len__", d_len);
        add(vm, c, "__iter__", d_iter);
        add(vm, c, "__contains__", d_contains);
    }
    for c in [&t.str_, &t.bytes, &t.tuple, &t.list, &t.dict] {
        add(vm, c, "__getitem__", d_getitem);
    }
    for c in [&t.list, &t.dict] {
        add(vm, c, "__setitem__", d_setitem);
        add(vm, c, "__delitem__", d_delitem);
    }
    for c in [&t.int, &t.float, &t.str_] {
        add(vm, c, "__format__", d_format);
    }
    // `int` and `float` inherit `object.__str__`, which calls `__repr__`, as in CPython.
    add(vm, &t.str_, "__str__", d_str);
    let num: &[(&str, NativeFn<B>)] = &[
        ("__add__", d_add),
        ("__radd__", d_radd),
        ("__sub__", d_sub),
        ("__rsub__", d_rsub),
        ("__mul__", d_mul),
        ("__rmul__", d_rmul),
        ("__truediv__", d_truediv),
        ("__rtruediv__", d_rtruediv),
        ("__floordiv__", d_floordiv),
        ("__rfloordiv__", d_rfloordiv),
        ("__mod__", d_mod),
        ("__rmod__", d_rmod),
        ("__pow__", d_pow),
        ("__rpow__", d_rpow),
        ("__neg__", d_neg),
        ("__pos__", d_pos),
        ("__abs__", d_abs),
        ("__bool__", d_bool),
        ("__int__", d_int),
        ("__float__", d_float),
        ("__round__", d_round),
    ];
    for c in [&t.int, &t.float] {
        for (n, f) in num {
            add(vm, c, n, *f);
        }
    }
    let bits: &[(&str, NativeFn<B>)] = &[
        ("__and__", d_and),
        ("__rand__", d_rand),
        ("__or__", d_or),
        ("__ror__", d_ror),
        ("__xor__", d_xor),
        ("__rxor__", d_rxor),
    ];
    for (n, f) in bits {
        add(vm, &t.int, n, *f);
        add(vm, &t.set, n, *f);
        add(vm, &t.frozenset, n, *f);
    }
    add(vm, &t.frozenset, "__sub__", d_sub);
    add(vm, &t.frozenset, "__rsub__", d_rsub);
    add(vm, &t.int, "__lshift__", d_lshift);
    add(vm, &t.int, "__rlshift__", d_rlshift);
    add(vm, &t.int, "__rshift__", d_rshift);
    add(vm, &t.int, "__rrshift__", d_rrshift);
    add(vm, &t.int, "__invert__", d_invert);
    add(vm, &t.int, "__index__", d_index);
    add(vm, &t.set, "__sub__", d_sub);
    add(vm, &t.set, "__rsub__", d_rsub);
    for (n, f) in [("__ior__", d_ior as NativeFn<B>), ("__iand__", d_iand), ("__ixor__", d_ixor)] {
        add(vm, &t.set, n, f);
    }
    add(vm, &t.set, "__isub__", d_isub);
    add(vm, &t.dict, "__or__", d_or);
    add(vm, &t.dict, "__ror__", d_ror);
    add(vm, &t.dict, "__ior__", d_ior);
    for c in [&t.str_, &t.bytes, &t.tuple, &t.list] {
        add(vm, c, "__add__", d_add);
        add(vm, c, "__mul__", d_mul);
        add(vm, c, "__rmul__", d_rmul);
    }
    for c in [&t.str_, &t.bytes] {
        add(vm, c, "__mod__", d_mod);
        add(vm, c, "__rmod__", d_rmod);
    }
    add(vm, &t.list, "__iadd__", d_iadd);
    add(vm, &t.list, "__imul__", d_imul);
    add(vm, &t.list, "__reversed__", d_reversed);
    add(vm, &t.list, "__init__", list_init);
    add(vm, &t.dict, "__init__", dict_init);
    add(vm, &t.set, "__init__", set_init);
}

/// `self` and the one argument of a binary special method.
fn two<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
) -> PyResult<B, (&'a PyRef<B>, &'a PyRef<B>)> {
    match args.positional() {
        [s, o] => Ok((s, o)),
        _ => Err(ctx.type_error(format!(
            "expected 1 argument, got {}",
            args.positional().len().saturating_sub(1)
        ))),
    }
}

/// `self` of a special method without arguments.
fn one<'a, B: Backend>(ctx: &Ctx<'_, B>, args: &Args<'a, B>) -> PyResult<B, &'a PyRef<B>> {
    match args.positional() {
        [s] => Ok(s),
        _ => Err(ctx.type_error(format!(
            "expected 0 arguments, got {}",
            args.positional().len().saturating_sub(1)
        ))),
    }
}

/// `Ok(NotImplemented)` in place of a `TypeError`, as a slot that cannot handle its operands.
fn or_not_implemented<B: Backend>(ctx: &Ctx<'_, B>, r: PyResult<B>) -> PyResult<B> {
    match r {
        Err(e) if ops::isinstance(ctx.vm, &e.0, &ctx.vm.core.exc.type_error) => {
            Ok(ctx.vm.core.not_implemented.clone())
        }
        r => r,
    }
}

fn binary<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    op: BinOp,
    rev: bool,
) -> PyResult<B> {
    let (s, o) = two(ctx, &args)?;
    let (a, b) = (value_of(s), value_of(o));
    if has_dunders(a) || has_dunders(b) {
        return Ok(ctx.vm.core.not_implemented.clone());
    }
    let (x, y) = if rev { (b, a) } else { (a, b) };
    let r = binary_op(ctx, x, y, op, false);
    or_not_implemented(ctx, r)
}

/// An in-place operator on a mutable value: changes it and returns `self`.
fn inplace<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, op: BinOp) -> PyResult<B> {
    let (s, o) = two(ctx, &args)?;
    let (a, b) = (value_of(s), value_of(o));
    if has_dunders(a) || has_dunders(b) {
        return Ok(ctx.vm.core.not_implemented.clone());
    }
    let r = binary_op(ctx, a, b, op, true);
    let r = or_not_implemented(ctx, r)?;
    if matches!(r.payload, Payload::NotImplemented) {
        return Ok(r);
    }
    Ok(s.clone())
}

macro_rules! binops {
    ($($f:ident, $r:ident => $op:ident;)*) => {$(
        fn $f<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
            binary(ctx, args, BinOp::$op, false)
        }
        fn $r<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
            binary(ctx, args, BinOp::$op, true)
        }
    )*};
}

binops! {
    d_add, d_radd => Add;
    d_sub, d_rsub => Sub;
    d_mul, d_rmul => Mul;
    d_truediv, d_rtruediv => TrueDiv;
    d_floordiv, d_rfloordiv => FloorDiv;
    d_mod, d_rmod => Mod;
    d_pow, d_rpow => Pow;
    d_and, d_rand => And;
    d_or, d_ror => Or;
    d_xor, d_rxor => Xor;
    d_lshift, d_rlshift => LShift;
    d_rshift, d_rrshift => RShift;
}

macro_rules! inplace_ops {
    ($($f:ident => $op:ident;)*) => {$(
        fn $f<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
            inplace(ctx, args, BinOp::$op)
        }
    )*};
}

inplace_ops! {
    d_iadd => Add;
    d_imul => Mul;
    d_ior => Or;
    d_iand => And;
    d_ixor => Xor;
    d_isub => Sub;
}

fn compare<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, op: CmpOp) -> PyResult<B> {
    let (s, o) = two(ctx, &args)?;
    let (a, b) = (value_of(s), value_of(o));
    if has_dunders(a) || has_dunders(b) {
        return Ok(ctx.vm.core.not_implemented.clone());
    }
    let r = compare::rich_compare(ctx, a, b, op);
    or_not_implemented(ctx, r)
}

macro_rules! cmpops {
    ($($f:ident => $op:ident;)*) => {$(
        fn $f<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
            compare(ctx, args, CmpOp::$op)
        }
    )*};
}

cmpops! {
    d_eq => Eq;
    d_ne => Ne;
    d_lt => Lt;
    d_le => Le;
    d_gt => Gt;
    d_ge => Ge;
}

fn unary<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, op: UnaryOp) -> PyResult<B> {
    let s = one(ctx, &args)?;
    unary_op(ctx, value_of(s), op)
}

fn d_neg<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    unary(ctx, args, UnaryOp::Neg)
}

fn d_pos<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    unary(ctx, args, UnaryOp::Pos)
}

fn d_invert<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    unary(ctx, args, UnaryOp::Invert)
}

/// Calls the built-in function `name` of `builtins` on the value and the other arguments.
fn via_builtin<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, name: &str) -> PyResult<B> {
    let pos = args.positional();
    let Some((s, rest)) = pos.split_first() else {
        return Err(ctx.type_error("expected an argument"));
    };
    let Some(f) = ops::dicts::get_text(&ctx.vm.core.builtins, name) else {
        return Err(ctx.runtime_error(format!("builtins.{name} is missing")));
    };
    let mut full = vec![value_of(s).clone()];
    full.extend(rest.iter().cloned());
    ops::call::call(ctx, &f, &full, &[])
}

fn d_abs<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    via_builtin(ctx, args, "abs")
}

fn d_round<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    via_builtin(ctx, args, "round")
}

fn d_int<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    via_builtin(ctx, args, "int")
}

fn d_float<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    via_builtin(ctx, args, "float")
}

fn d_reversed<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    via_builtin(ctx, args, "reversed")
}

fn d_index<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let s = one(ctx, &args)?;
    Ok(value_of(s).clone())
}

fn d_bool<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let s = one(ctx, &args)?;
    let t = is_true(ctx, value_of(s))?;
    Ok(ctx.vm.bool(t))
}

fn d_repr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let s = one(ctx, &args)?;
    let r = repr::repr(ctx, value_of(s))?;
    Ok(ctx.vm.str(r))
}

fn d_str<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let s = one(ctx, &args)?;
    repr::str_obj(ctx, value_of(s))
}

fn d_format<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (s, spec) = two(ctx, &args)?;
    let Some(spec) = ops::as_str(value_of(spec)) else {
        return Err(ctx.type_error("format spec must be a str"));
    };
    let spec = spec.to_string();
    crate::builtins::strings::format_value(ctx, value_of(s), &spec)
}

fn d_hash<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let s = one(ctx, &args)?;
    let h = compare::hash(ctx, value_of(s))?;
    Ok(ctx.vm.int(h))
}

fn d_len<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let s = one(ctx, &args)?;
    let n = crate::builtins::functions::length(ctx, value_of(s))?;
    Ok(ctx.vm.int(n))
}

fn d_iter<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let s = one(ctx, &args)?;
    iter::get_iter(ctx, value_of(s))
}

fn d_contains<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (s, x) = two(ctx, &args)?;
    let r = seq::contains(ctx, value_of(s), x)?;
    Ok(ctx.vm.bool(r))
}

fn d_getitem<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (s, k) = two(ctx, &args)?;
    let v = value_of(s);
    match seq::getitem(ctx, v, k) {
        Err(e)
            if !v.is(s)
                && matches!(v.payload, Payload::Dict(_))
                && ops::isinstance(ctx.vm, &e.0, &ctx.vm.core.exc.key_error) =>
        {
            // `dict.__getitem__` of a subclass: `__missing__(key)` if the class has one.
            let cls = ops::type_of(ctx.vm, s);
            match attr::lookup_in_type(&cls, "__missing__", crate::hash_lit!("__missing__")) {
                Some(m) => attr::call_special(ctx, m, s, &cls, std::slice::from_ref(k), &[]),
                None => Err(e),
            }
        }
        r => r,
    }
}

fn d_setitem<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let [s, k, v] = args.positional() else {
        return Err(ctx.type_error("expected 2 arguments"));
    };
    seq::setitem(ctx, value_of(s), k, v.clone())?;
    Ok(ctx.vm.core.none.clone())
}

fn d_delitem<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (s, k) = two(ctx, &args)?;
    seq::delitem(ctx, value_of(s), k)?;
    Ok(ctx.vm.core.none.clone())
}

/// `list.__init__(self, iterable=())`: replaces the contents.
fn list_init<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("list() takes no keyword arguments"));
    }
    let pos = args.positional();
    let (s, src) = match pos {
        [s] => (s, None),
        [s, it] => (s, Some(it)),
        _ => {
            return Err(ctx.type_error(format!(
                "list expected at most 1 argument, got {}",
                pos.len().saturating_sub(1)
            )));
        }
    };
    let items = match src {
        Some(it) => seq::to_vec(ctx, it)?,
        None => Vec::new(),
    };
    let v = value_of(s);
    let Payload::List(cell) = &v.payload else {
        return Err(ctx.type_error("descriptor '__init__' requires a 'list' object"));
    };
    let old = v.write(cell, |l| std::mem::replace(l, items));
    drop(old);
    Ok(ctx.vm.core.none.clone())
}

/// Calls the built-in method `name` of class `cls` with `args` as they are.
fn method<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    cls: &PyRef<B>,
    name: &str,
    args: Args<'_, B>,
) -> PyResult<B> {
    match attr::lookup_in_type(cls, name, hash_str(name)).map(|m| (m.clone(), m)) {
        Some((_, m)) => match &m.payload {
            Payload::Builtin(b) => (b.func)(ctx, args),
            _ => Err(ctx.runtime_error(format!("{name} is not built in"))),
        },
        None => Err(ctx.runtime_error(format!("{name} is missing"))),
    }
}

/// `dict.__init__(self, *args, **kwds)`: `update`.
fn dict_init<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let dict = ctx.vm.core.types.dict.clone();
    if args.positional().len() > 2 {
        return Err(ctx.type_error(format!(
            "dict expected at most 1 argument, got {}",
            args.positional().len() - 1
        )));
    }
    method(ctx, &dict, "update", args)
}

/// `set.__init__(self, iterable=())`: clears, then adds the items.
fn set_init<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let set = ctx.vm.core.types.set.clone();
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("set() takes no keyword arguments"));
    }
    let pos = args.positional();
    if pos.len() > 2 {
        return Err(
            ctx.type_error(format!("set expected at most 1 argument, got {}", pos.len() - 1))
        );
    }
    method(ctx, &set, "clear", Args { args: &pos[..1.min(pos.len())], kwnames: &[] })?;
    method(ctx, &set, "update", args)
}

/// For a built-in constructor called with a Python subclass as its class
/// (`int.__new__(cls, 5)`, `tuple.__new__(cls, items)`): the new instance of the subclass,
/// its value made by `plain` (or empty, for `list`, `dict` and `set`, whose `__init__`
/// fills it). `None` when the class is the built-in type itself.
pub fn subclass_new<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: &Args<'_, B>,
    plain: NativeFn<B>,
) -> PyResult<B, Option<PyRef<B>>> {
    let Some(cls) = args.args.first() else { return Ok(None) };
    let Payload::Type(t) = &cls.payload else { return Ok(None) };
    let Some(vt) = &t.value_type else { return Ok(None) };
    let types = &ctx.vm.core.types;
    let value = if vt.is(&types.list) {
        ctx.vm.list(Vec::new())
    } else if vt.is(&types.dict) {
        ctx.vm.dict(Dict::new())
    } else if vt.is(&types.set) {
        ctx.vm.set(Dict::new())
    } else {
        let mut full = args.args.to_vec();
        full[0] = vt.clone();
        plain(ctx, Args { args: &full, kwnames: args.kwnames })?
    };
    Ok(Some(ops::call::new_instance(cls, None, Some(value))))
}
