//! `operator`, complete as in CPython 3.11: the functions of the operators (`add`, `lt`,
//! `getitem`, `not_`, ..., the in-place `iadd`...), their dunder aliases (`__add__` is the
//! same object as `add`, as in CPython), `index`, `length_hint`, `countOf`, `indexOf`,
//! `concat`/`iconcat`, `call`, and the callable classes `itemgetter`, `attrgetter` and
//! `methodcaller` ([`getters`]).
//!
//! **Style: native Rust.** Each function goes straight to the VM operation the operator's
//! bytecode uses (`gillab_vm::ops`: `binary_op`, `rich_compare`, `seq::getitem`, ...), so
//! `operator.add(a, b)` behaves exactly as `a + b`, user dunders, errors and all. The
//! functions hold no state; the getter objects are immutable after construction. Argument
//! errors carry CPython's messages (`add expected 2 arguments, got 1`,
//! `_operator.neg() takes exactly one argument (0 given)`).

mod getters;

use gillab_vm::Backend;
use gillab_vm::builtins::{Args, NativeFn, native};
use gillab_vm::ctx::{Ctx, PyResult};
use gillab_vm::object::{IterState, Payload, PyRef};
use gillab_vm::ops::arith::{BinOp, UnaryOp, binary_op, unary_op};
use gillab_vm::ops::compare::{CmpOp, rich_compare};
use gillab_vm::ops::{self, attr, call, compare, dicts, iter, seq};

/// `PyArg_UnpackTuple`-style checks for the functions that take a fixed number of
/// positional arguments: no keywords, exactly `n` positionals.
fn fixed<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'a, B>,
    name: &str,
    n: usize,
) -> PyResult<B, &'a [PyRef<B>]> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error(format!("_operator.{name}() takes no keyword arguments")));
    }
    let pos = args.positional();
    if pos.len() != n {
        let got = pos.len();
        return Err(ctx.type_error(if n == 1 {
            format!("_operator.{name}() takes exactly one argument ({got} given)")
        } else {
            format!("{name} expected {n} arguments, got {got}")
        }));
    }
    Ok(pos)
}

macro_rules! binary {
    ($($fname:ident, $name:literal, $op:expr, $inplace:expr;)*) => {
        $(
            fn $fname<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
                let a = fixed(ctx, &args, $name, 2)?;
                binary_op(ctx, &a[0], &a[1], $op, $inplace)
            }
        )*
        /// The binary operator functions: (name, function).
        fn binaries<B: Backend>() -> Vec<(&'static str, NativeFn<B>)> {
            vec![$(($name, $fname::<B> as NativeFn<B>)),*]
        }
    };
}

binary! {
    add, "add", BinOp::Add, false;
    sub, "sub", BinOp::Sub, false;
    mul, "mul", BinOp::Mul, false;
    matmul, "matmul", BinOp::MatMul, false;
    truediv, "truediv", BinOp::TrueDiv, false;
    floordiv, "floordiv", BinOp::FloorDiv, false;
    mod_, "mod", BinOp::Mod, false;
    pow, "pow", BinOp::Pow, false;
    lshift, "lshift", BinOp::LShift, false;
    rshift, "rshift", BinOp::RShift, false;
    and_, "and_", BinOp::And, false;
    or_, "or_", BinOp::Or, false;
    xor, "xor", BinOp::Xor, false;
    iadd, "iadd", BinOp::Add, true;
    isub, "isub", BinOp::Sub, true;
    imul, "imul", BinOp::Mul, true;
    imatmul, "imatmul", BinOp::MatMul, true;
    itruediv, "itruediv", BinOp::TrueDiv, true;
    ifloordiv, "ifloordiv", BinOp::FloorDiv, true;
    imod, "imod", BinOp::Mod, true;
    ipow, "ipow", BinOp::Pow, true;
    ilshift, "ilshift", BinOp::LShift, true;
    irshift, "irshift", BinOp::RShift, true;
    iand, "iand", BinOp::And, true;
    ior, "ior", BinOp::Or, true;
    ixor, "ixor", BinOp::Xor, true;
}

macro_rules! comparisons {
    ($($fname:ident, $name:literal, $op:expr;)*) => {
        $(
            fn $fname<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
                let a = fixed(ctx, &args, $name, 2)?;
                rich_compare(ctx, &a[0], &a[1], $op)
            }
        )*
        /// The comparison functions: (name, function).
        fn comparisons<B: Backend>() -> Vec<(&'static str, NativeFn<B>)> {
            vec![$(($name, $fname::<B> as NativeFn<B>)),*]
        }
    };
}

comparisons! {
    lt, "lt", CmpOp::Lt;
    le, "le", CmpOp::Le;
    eq, "eq", CmpOp::Eq;
    ne, "ne", CmpOp::Ne;
    gt, "gt", CmpOp::Gt;
    ge, "ge", CmpOp::Ge;
}

macro_rules! unary {
    ($($fname:ident, $name:literal, $op:expr;)*) => {
        $(
            fn $fname<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
                let a = fixed(ctx, &args, $name, 1)?;
                unary_op(ctx, &a[0], $op)
            }
        )*
    };
}

unary! {
    neg, "neg", UnaryOp::Neg;
    pos, "pos", UnaryOp::Pos;
    invert, "invert", UnaryOp::Invert;
    inv, "inv", UnaryOp::Invert;
}

/// A function of the `builtins` module (`abs`), called with `args`.
fn builtin<B: Backend>(ctx: &mut Ctx<'_, B>, name: &str, args: &[PyRef<B>]) -> PyResult<B> {
    match dicts::get_text(&ctx.vm.core.builtins, name) {
        Some(f) => call::call(ctx, &f, args, &[]),
        None => Err(ctx.runtime_error(format!("builtins.{name} is missing"))),
    }
}

fn abs<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = fixed(ctx, &args, "abs", 1)?;
    builtin(ctx, "abs", a)
}

fn not_<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = fixed(ctx, &args, "not_", 1)?;
    let t = ops::is_true(ctx, &a[0])?;
    Ok(ctx.vm.bool(!t))
}

fn truth<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = fixed(ctx, &args, "truth", 1)?;
    let t = ops::is_true(ctx, &a[0])?;
    Ok(ctx.vm.bool(t))
}

fn is_<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = fixed(ctx, &args, "is_", 2)?;
    Ok(ctx.vm.bool(a[0].is(&a[1])))
}

fn is_not<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = fixed(ctx, &args, "is_not", 2)?;
    Ok(ctx.vm.bool(!a[0].is(&a[1])))
}

fn contains<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = fixed(ctx, &args, "contains", 2)?;
    let r = seq::contains(ctx, &a[0], &a[1])?;
    Ok(ctx.vm.bool(r))
}

fn getitem<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = fixed(ctx, &args, "getitem", 2)?;
    seq::getitem(ctx, &a[0], &a[1])
}

fn setitem<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = fixed(ctx, &args, "setitem", 3)?;
    seq::setitem(ctx, &a[0], &a[1], a[2].clone())?;
    Ok(ctx.vm.core.none.clone())
}

fn delitem<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = fixed(ctx, &args, "delitem", 2)?;
    seq::delitem(ctx, &a[0], &a[1])?;
    Ok(ctx.vm.core.none.clone())
}

/// Whether `o` supports the sequence protocol as `PySequence_Check` sees it: a built-in
/// sequence, or a class with `__getitem__` that is not a dict.
fn is_sequence<B: Backend>(ctx: &Ctx<'_, B>, o: &PyRef<B>) -> bool {
    match &o.payload {
        Payload::Str(_) | Payload::Bytes(_) | Payload::Tuple(_) | Payload::List(_) => true,
        Payload::Range(_) => true,
        Payload::Dict(_) => false,
        Payload::Instance(_) | Payload::Native(_) => {
            attr::lookup_special(ctx, o, "__getitem__").is_some()
        }
        _ => false,
    }
}

fn concat_impl<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, inplace: bool) -> PyResult<B> {
    let name = if inplace { "iconcat" } else { "concat" };
    let a = fixed(ctx, &args, name, 2)?;
    if !is_sequence(ctx, &a[0]) {
        return Err(ctx.type_error(format!(
            "'{}' object can't be concatenated",
            ops::type_name(ctx.vm, &a[0])
        )));
    }
    binary_op(ctx, &a[0], &a[1], BinOp::Add, inplace)
}

fn concat<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    concat_impl(ctx, args, false)
}

fn iconcat<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    concat_impl(ctx, args, true)
}

/// `operator.index(a)`: `a.__index__()`, which must be an int.
fn index<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = fixed(ctx, &args, "index", 1)?;
    index_of(ctx, &a[0])
}

/// `PyNumber_Index`: an int as it is (a bool as its int), else `__index__()`.
pub(crate) fn index_of<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B> {
    match &v.payload {
        Payload::Int(_) | Payload::BigInt(_) => Ok(v.clone()),
        Payload::Bool(b) => Ok(ctx.vm.int(*b as i64)),
        Payload::Instance(_) | Payload::Native(_) => {
            match attr::call_dunder(ctx, v, "__index__", &[])? {
                Some(r) if matches!(r.payload, Payload::Int(_) | Payload::BigInt(_)) => Ok(r),
                Some(r) if matches!(r.payload, Payload::Bool(_)) => Ok(r),
                Some(r) => Err(ctx.type_error(format!(
                    "__index__ returned non-int (type {})",
                    ops::type_name(ctx.vm, &r)
                ))),
                None => Err(not_integer(ctx, v)),
            }
        }
        _ => Err(not_integer(ctx, v)),
    }
}

fn not_integer<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>) -> gillab_vm::ctx::PyErr<B> {
    ctx.type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        ops::type_name(ctx.vm, v)
    ))
}

/// `iter(o)` with the message of CPython's `PySequence_Count`/`Index` for a non-iterable.
fn iter_arg<B: Backend>(ctx: &mut Ctx<'_, B>, o: &PyRef<B>) -> PyResult<B> {
    let iterable = match &o.payload {
        Payload::Instance(_) | Payload::Native(_) => {
            attr::lookup_special(ctx, o, "__iter__").is_some()
                || attr::lookup_special(ctx, o, "__getitem__").is_some()
        }
        Payload::List(_)
        | Payload::Tuple(_)
        | Payload::Str(_)
        | Payload::Bytes(_)
        | Payload::Range(_)
        | Payload::Dict(_)
        | Payload::Set(_)
        | Payload::Iter(_) => true,
        _ => false,
    };
    if !iterable {
        return Err(ctx.type_error(format!(
            "argument of type '{}' is not iterable",
            ops::type_name(ctx.vm, o)
        )));
    }
    iter::get_iter(ctx, o)
}

/// `x is v or x == v`, as CPython's sequence searches compare.
fn same<B: Backend>(ctx: &mut Ctx<'_, B>, x: &PyRef<B>, v: &PyRef<B>) -> PyResult<B, bool> {
    Ok(x.is(v) || compare::eq(ctx, x, v)?)
}

fn count_of<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = fixed(ctx, &args, "countOf", 2)?;
    let it = iter_arg(ctx, &a[0])?;
    let mut n = 0i64;
    while let Some(x) = iter::next(ctx, &it)? {
        if same(ctx, &x, &a[1])? {
            n += 1;
        }
    }
    Ok(ctx.vm.int(n))
}

fn index_of_item<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = fixed(ctx, &args, "indexOf", 2)?;
    let it = iter_arg(ctx, &a[0])?;
    let mut i = 0i64;
    while let Some(x) = iter::next(ctx, &it)? {
        if same(ctx, &x, &a[1])? {
            return Ok(ctx.vm.int(i));
        }
        i += 1;
    }
    Err(ctx.value_error("sequence.index(x): x not in sequence"))
}

/// What a built-in iterator has left, as its `__length_hint__` would say.
fn builtin_iter_left<B: Backend>(it: &PyRef<B>) -> Option<i64> {
    let Payload::Iter(obj) = &it.payload else { return None };
    it.read(&obj.state, |st| match st {
        IterState::List(l, i) => match &l.payload {
            Payload::List(v) => Some(l.read(v, |v| v.len().saturating_sub(*i) as i64)),
            _ => None,
        },
        IterState::Tuple(t, i) => match &t.payload {
            Payload::Tuple(v) => Some(v.len().saturating_sub(*i) as i64),
            _ => None,
        },
        IterState::Range(_, left, _) => Some(*left),
        IterState::Str(s, off) => match &s.payload {
            Payload::Str(s) => Some(s.as_str().get(*off..).map_or(0, |r| r.chars().count()) as i64),
            _ => None,
        },
        IterState::Bytes(b, i) => match &b.payload {
            Payload::Bytes(v) => Some(v.len().saturating_sub(*i) as i64),
            _ => None,
        },
        IterState::Dict(_, _, expect, _) => Some(expect.left as i64),
        IterState::Seq(v, i) => Some(v.len().saturating_sub(*i) as i64),
        IterState::Done => Some(0),
        _ => None,
    })
}

/// `operator.length_hint(obj, default=0)`: `len(obj)`, else `obj.__length_hint__()`, else
/// `default`, with CPython's checks of each answer.
fn length_hint<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("length_hint() takes no keyword arguments"));
    }
    let pos = args.positional();
    if pos.is_empty() || pos.len() > 2 {
        let n = pos.len();
        return Err(ctx.type_error(if n == 0 {
            "length_hint expected at least 1 argument, got 0".to_string()
        } else {
            format!("length_hint expected at most 2 arguments, got {n}")
        }));
    }
    let o = &pos[0];
    let default = match pos.get(1) {
        None => 0,
        Some(d)
            if !matches!(d.payload, Payload::Int(_) | Payload::Bool(_) | Payload::BigInt(_)) =>
        {
            return Err(ctx.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                ops::type_name(ctx.vm, d)
            )));
        }
        Some(d) => ssize(ctx, d)?,
    };
    let has_len = match &o.payload {
        Payload::Instance(_) | Payload::Native(_) => {
            attr::lookup_special(ctx, o, "__len__").is_some()
        }
        Payload::Str(_)
        | Payload::Bytes(_)
        | Payload::Tuple(_)
        | Payload::List(_)
        | Payload::Dict(_)
        | Payload::Set(_)
        | Payload::Range(_) => true,
        _ => false,
    };
    if has_len {
        match gillab_vm::builtins::functions::length(ctx, o) {
            Ok(n) => return Ok(ctx.vm.int(n)),
            Err(e) if ops::isinstance(ctx.vm, &e.0, &ctx.vm.core.exc.type_error) => {}
            Err(e) => return Err(e),
        }
    }
    if let Some(n) = builtin_iter_left(o) {
        return Ok(ctx.vm.int(n));
    }
    let hint = match &o.payload {
        Payload::Instance(_) | Payload::Native(_) => {
            match attr::call_dunder(ctx, o, "__length_hint__", &[]) {
                Ok(r) => r,
                Err(e) if ops::isinstance(ctx.vm, &e.0, &ctx.vm.core.exc.type_error) => None,
                Err(e) => return Err(e),
            }
        }
        _ => None,
    };
    let Some(r) = hint else { return Ok(ctx.vm.int(default)) };
    if matches!(r.payload, Payload::NotImplemented) {
        return Ok(ctx.vm.int(default));
    }
    if !matches!(r.payload, Payload::Int(_) | Payload::Bool(_) | Payload::BigInt(_)) {
        return Err(ctx.type_error(format!(
            "__length_hint__ must be an integer, not {}",
            ops::type_name(ctx.vm, &r)
        )));
    }
    let n = ssize(ctx, &r)?;
    if n < 0 {
        return Err(ctx.value_error("__length_hint__() should return >= 0"));
    }
    Ok(ctx.vm.int(n))
}

/// An int as a Py_ssize_t, with CPython's `OverflowError`.
fn ssize<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, i64> {
    match &v.payload {
        Payload::BigInt(_) => {
            Err(ctx.overflow_error("Python int too large to convert to C ssize_t"))
        }
        _ => seq::index_value(ctx, v),
    }
}

/// `operator.call(obj, /, *args, **kwargs)`.
fn call_<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let Some((f, rest)) = args.positional().split_first() else {
        return Err(ctx.type_error("call expected at least 1 argument, got 0"));
    };
    let _ = rest;
    call::call(ctx, f, args.args.get(1..).unwrap_or(&[]), args.kwnames)
}

/// Fills the `operator` module.
pub fn fill<B: Backend>(ctx: &mut Ctx<'_, B>, module: &PyRef<B>) -> PyResult<B, ()> {
    let Payload::Module(m) = &module.payload else { return Ok(()) };
    let ns = m.dict.clone();
    let vm = ctx.vm;
    let mut fns: Vec<(&'static str, NativeFn<B>)> = binaries::<B>();
    fns.extend(comparisons::<B>());
    fns.extend([
        ("neg", neg::<B> as NativeFn<B>),
        ("pos", pos::<B>),
        ("invert", invert::<B>),
        ("inv", inv::<B>),
        ("abs", abs::<B>),
        ("not_", not_::<B>),
        ("truth", truth::<B>),
        ("is_", is_::<B>),
        ("is_not", is_not::<B>),
        ("contains", contains::<B>),
        ("getitem", getitem::<B>),
        ("setitem", setitem::<B>),
        ("delitem", delitem::<B>),
        ("concat", concat::<B>),
        ("iconcat", iconcat::<B>),
        ("index", index::<B>),
        ("countOf", count_of::<B>),
        ("indexOf", index_of_item::<B>),
        ("length_hint", length_hint::<B>),
        ("call", call_::<B>),
    ]);
    for (name, f) in fns {
        let obj = native(name, f);
        dicts::set_name(&ns, vm.intern(name), obj.clone());
        // `__add__ = add`, ...: the dunder alias is the same object (the names with a
        // trailing underscore drop it: `__and__`, `__not__`).
        if !matches!(name, "truth" | "is_" | "is_not" | "countOf" | "indexOf" | "length_hint") {
            let alias = format!("__{}__", name.trim_end_matches('_'));
            dicts::set_name(&ns, vm.intern(&alias), obj);
        }
    }
    // `from builtins import abs as _abs`, as operator.py has it.
    if let Some(a) = dicts::get_text(&vm.core.builtins, "abs") {
        dicts::set_name(&ns, vm.intern("_abs"), a);
    }
    getters::install(ctx, &ns);
    let all: Vec<PyRef<B>> = [
        "abs",
        "add",
        "and_",
        "attrgetter",
        "call",
        "concat",
        "contains",
        "countOf",
        "delitem",
        "eq",
        "floordiv",
        "ge",
        "getitem",
        "gt",
        "iadd",
        "iand",
        "iconcat",
        "ifloordiv",
        "ilshift",
        "imatmul",
        "imod",
        "imul",
        "index",
        "indexOf",
        "inv",
        "invert",
        "ior",
        "ipow",
        "irshift",
        "is_",
        "is_not",
        "isub",
        "itemgetter",
        "itruediv",
        "ixor",
        "le",
        "length_hint",
        "lshift",
        "lt",
        "matmul",
        "methodcaller",
        "mod",
        "mul",
        "ne",
        "neg",
        "not_",
        "or_",
        "pos",
        "pow",
        "rshift",
        "setitem",
        "sub",
        "truediv",
        "truth",
        "xor",
    ]
    .iter()
    .map(|n| vm.str(*n))
    .collect();
    dicts::set_name(&ns, vm.intern("__all__"), vm.list(all));
    Ok(())
}
