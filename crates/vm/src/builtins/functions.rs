//! The functions of the `builtins` module: `print`, `len`, `range`, `sorted`, `isinstance`, ...

use super::{Args, add};
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::{Payload, PyRef, Wrapper};
use crate::ops::compare::{self, Num, as_num};
use crate::ops::{self, attr, call, is_true, iter, repr, seq, type_name};
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::Signed;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let b = &vm.core.builtins;
    add(vm, b, "print", print);
    add(vm, b, "len", len);
    add(vm, b, "repr", repr_);
    add(vm, b, "ascii", ascii);
    add(vm, b, "abs", abs);
    add(vm, b, "min", min);
    add(vm, b, "max", max);
    add(vm, b, "sum", sum);
    add(vm, b, "sorted", sorted);
    add(vm, b, "any", any);
    add(vm, b, "all", all);
    add(vm, b, "isinstance", isinstance);
    add(vm, b, "issubclass", issubclass);
    add(vm, b, "id", id);
    add(vm, b, "hash", hash);
    add(vm, b, "next", next);
    add(vm, b, "round", round);
    add(vm, b, "divmod", divmod);
    add(vm, b, "pow", pow);
    add(vm, b, "chr", chr);
    add(vm, b, "ord", ord);
    add(vm, b, "hex", hex);
    add(vm, b, "oct", oct);
    add(vm, b, "bin", bin);
    add(vm, b, "callable", callable);
    add(vm, b, "getattr", getattr);
    add(vm, b, "setattr", setattr);
    add(vm, b, "hasattr", hasattr);
    add(vm, b, "delattr", delattr);
    add(vm, b, "format", format);
    add(vm, b, "__build_class__", crate::eval::classes::build_class);
    add(vm, b, "__import__", import);
}

fn print<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "print", 0, usize::MAX, &["sep", "end", "file", "flush"])?;
    let text_arg = |ctx: &mut Ctx<'_, B>, name: &str, default: &str| -> PyResult<B, String> {
        match args.kwarg(name) {
            None => Ok(default.to_string()),
            Some(v) if matches!(v.payload, Payload::None) => Ok(default.to_string()),
            Some(v) => match ops::as_str(v) {
                Some(s) => Ok(s.to_string()),
                None => Err(ctx.type_error(format!(
                    "{name} must be None or a string, not {}",
                    type_name(ctx.vm, v)
                ))),
            },
        }
    };
    let sep = text_arg(ctx, "sep", " ")?;
    let end = text_arg(ctx, "end", "\n")?;
    let mut out = String::new();
    for (i, a) in args.positional().iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&repr::str(ctx, a)?);
    }
    out.push_str(&end);
    let flush = match args.kwarg("flush") {
        Some(f) => is_true(ctx, f)?,
        None => false,
    };
    let file = args.kwarg("file").filter(|f| !matches!(f.payload, Payload::None));
    super::modules::write_to(ctx, file, &out, flush)?;
    Ok(ctx.vm.core.none.clone())
}

/// `len(obj)` as a Rust integer.
pub fn length<B: Backend>(ctx: &mut Ctx<'_, B>, o: &PyRef<B>) -> PyResult<B, i64> {
    Ok(match &o.payload {
        Payload::Str(s) => s.char_len() as i64,
        Payload::Bytes(b) => b.len() as i64,
        Payload::Tuple(t) => t.len() as i64,
        Payload::List(l) => o.read(l, |v| v.len()) as i64,
        Payload::Dict(d) | Payload::Set(d) => o.read(d, |d| d.len()) as i64,
        Payload::FrozenSet(f) => f.table.len() as i64,
        Payload::Range(r) => r.len(),
        _ => match attr::call_dunder(ctx, o, "__len__", &[])? {
            Some(r) => {
                let n = seq::index_value(ctx, &r)?;
                if n < 0 {
                    return Err(ctx.value_error("__len__() should return >= 0"));
                }
                n
            }
            None => {
                return Err(ctx.type_error(format!(
                    "object of type '{}' has no len()",
                    type_name(ctx.vm, o)
                )));
            }
        },
    })
}

fn len<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "len", 1, 1, &[])?;
    let n = length(ctx, &args.args[0])?;
    Ok(ctx.vm.int(n))
}

fn repr_<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "repr", 1, 1, &[])?;
    let s = repr::repr(ctx, &args.args[0])?;
    Ok(ctx.vm.str(s))
}

fn ascii<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "ascii", 1, 1, &[])?;
    let s = repr::repr(ctx, &args.args[0])?;
    Ok(ctx.vm.str(super::strings::ascii(&s)))
}

fn abs<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "abs", 1, 1, &[])?;
    let v = &args.args[0];
    let vm = ctx.vm;
    Ok(match &v.payload {
        Payload::Int(i) => {
            i.checked_abs().map_or_else(|| vm.bigint(BigInt::from(*i).abs()), |a| vm.int(a))
        }
        Payload::Bool(b) => vm.int(*b as i64),
        Payload::BigInt(b) => vm.bigint(b.abs()),
        Payload::Float(f) => vm.float(f.abs()),
        _ => match attr::call_dunder(ctx, v, "__abs__", &[])? {
            Some(r) => r,
            None => {
                return Err(
                    ctx.type_error(format!("bad operand type for abs(): '{}'", type_name(vm, v)))
                );
            }
        },
    })
}

fn min_max<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, want_max: bool) -> PyResult<B> {
    let name = if want_max { "max" } else { "min" };
    args.check(ctx, name, 1, usize::MAX, &["key", "default"])?;
    let pos = args.positional();
    let items = if pos.len() == 1 { seq::to_vec(ctx, &pos[0])? } else { pos.to_vec() };
    let key = args.kwarg("key").filter(|k| !matches!(k.payload, Payload::None));
    if items.is_empty() {
        if let Some(d) = args.kwarg("default") {
            return Ok(d.clone());
        }
        return Err(ctx.value_error(format!("{name}() arg is an empty sequence")));
    }
    if pos.len() > 1 && args.kwarg("default").is_some() {
        return Err(ctx.type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let mut best = items[0].clone();
    let mut best_key = match key {
        Some(k) => call::call(ctx, k, std::slice::from_ref(&best), &[])?,
        None => best.clone(),
    };
    for it in &items[1..] {
        let k = match key {
            Some(kf) => call::call(ctx, kf, std::slice::from_ref(it), &[])?,
            None => it.clone(),
        };
        let better = if want_max {
            compare::lt(ctx, &best_key, &k)?
        } else {
            compare::lt(ctx, &k, &best_key)?
        };
        if better {
            best = it.clone();
            best_key = k;
        }
    }
    Ok(best)
}

fn min<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    min_max(ctx, args, false)
}

fn max<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    min_max(ctx, args, true)
}

fn sum<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "sum", 1, 2, &["start"])?;
    let pos = args.positional();
    let mut acc = match (pos.get(1), args.kwarg("start")) {
        (Some(s), _) | (None, Some(s)) => s.clone(),
        _ => ctx.vm.int(0),
    };
    if let Payload::Str(_) = &acc.payload {
        return Err(ctx.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = iter::get_iter(ctx, &pos[0])?;
    while let Some(v) = iter::next(ctx, &it)? {
        acc = ops::arith::binary_op(ctx, &acc, &v, ops::arith::BinOp::Add, false)?;
    }
    Ok(acc)
}

fn sorted<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "sorted", 1, 1, &["key", "reverse"])?;
    let items = seq::to_vec(ctx, &args.args[0])?;
    let key = args.kwarg("key").filter(|k| !matches!(k.payload, Payload::None));
    let reverse = match args.kwarg("reverse") {
        Some(r) => is_true(ctx, r)?,
        None => false,
    };
    let out = super::sort::sort_values(ctx, items, key, reverse, || {})?;
    Ok(ctx.vm.list(out))
}

fn any_all<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>, want: bool) -> PyResult<B> {
    args.check(ctx, if want { "any" } else { "all" }, 1, 1, &[])?;
    let it = iter::get_iter(ctx, &args.args[0])?;
    while let Some(v) = iter::next(ctx, &it)? {
        if is_true(ctx, &v)? == want {
            return Ok(ctx.vm.bool(want));
        }
    }
    Ok(ctx.vm.bool(!want))
}

fn any<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    any_all(ctx, args, true)
}

fn all<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    any_all(ctx, args, false)
}

/// The classes in `isinstance`/`issubclass`'s second argument; nested tuples count against the
/// recursion limit, as in CPython (" in __instancecheck__").
fn class_list<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    c: &PyRef<B>,
    fname: &str,
) -> PyResult<B, Vec<PyRef<B>>> {
    match &c.payload {
        Payload::Type(_) => Ok(vec![c.clone()]),
        Payload::Tuple(t) => {
            let mut out = Vec::new();
            let what = if fname == "isinstance" {
                " in __instancecheck__"
            } else {
                " in __subclasscheck__"
            };
            for x in t.iter() {
                ctx.enter_recursive(what)?;
                let r = class_list(ctx, x, fname);
                ctx.leave_recursive();
                out.extend(r?);
            }
            Ok(out)
        }
        // An object whose class defines the check (`typing`'s aliases and special forms).
        Payload::Instance(inst)
            if attr::lookup_in_type(
                &inst.class,
                hook_name(fname),
                crate::object::str::hash_str(hook_name(fname)),
            )
            .is_some() =>
        {
            Ok(vec![c.clone()])
        }
        _ => Err(
            ctx.type_error(format!("{fname}() arg 2 must be a type, a tuple of types, or a union"))
        ),
    }
}

fn hook_name(fname: &str) -> &'static str {
    if fname == "isinstance" { "__instancecheck__" } else { "__subclasscheck__" }
}

fn isinstance<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "isinstance", 2, 2, &[])?;
    let classes = class_list(ctx, &args.args[1], "isinstance")?;
    for c in &classes {
        if ops::isinstance(ctx.vm, &args.args[0], c)
            || check_hook(ctx, c, "__instancecheck__", &args.args[0])?
        {
            return Ok(ctx.vm.core.true_.clone());
        }
    }
    Ok(ctx.vm.core.false_.clone())
}

fn issubclass<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "issubclass", 2, 2, &[])?;
    if !matches!(args.args[0].payload, Payload::Type(_)) {
        return Err(ctx.type_error("issubclass() arg 1 must be a class"));
    }
    let classes = class_list(ctx, &args.args[1], "issubclass")?;
    let c = &args.args[0];
    for k in &classes {
        if ops::is_subclass(c, k)
            || k.is(&ctx.vm.core.object_type)
            || (k.is(&ctx.vm.core.types.int) && c.is(&ctx.vm.core.types.bool_))
            || check_hook(ctx, k, "__subclasscheck__", c)?
        {
            return Ok(ctx.vm.core.true_.clone());
        }
    }
    Ok(ctx.vm.core.false_.clone())
}

/// The hook behind abstract base classes (`collections.abc`): when the plain check fails
/// and `cls` is a class defined in Python (`Layout::Object`) whose MRO defines `name`
/// (`__instancecheck__` or `__subclasscheck__`), `cls.name(x)` decides. gil-lab has no
/// metaclasses, so the hook is read from the class itself (a `classmethod` there plays the
/// part of `ABCMeta`'s method). A plain check that succeeds is never overridden, and built-in
/// and exception classes are never searched, so ordinary checks cost nothing more.
fn check_hook<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    cls: &PyRef<B>,
    name: &str,
    x: &PyRef<B>,
) -> PyResult<B, bool> {
    let hash = crate::object::str::hash_str(name);
    if let Payload::Instance(inst) = &cls.payload {
        // Not a class: its class's hook decides (`class_list` let only such objects in).
        let Some(hook) = attr::lookup_in_type(&inst.class, name, hash) else { return Ok(false) };
        ctx.enter_recursive(if name == "__instancecheck__" {
            " in __instancecheck__"
        } else {
            " in __subclasscheck__"
        })?;
        let r = attr::call_special(ctx, hook, cls, &inst.class, std::slice::from_ref(x), &[]);
        ctx.leave_recursive();
        return is_true(ctx, &r?);
    }
    if let Payload::Type(t) = &cls.payload
        && let Some(meta) = &t.metaclass
        && let Some((hook, false)) = attr::lookup_with_owner(meta, name, hash)
    {
        // The metaclass's `__instancecheck__`/`__subclasscheck__` (`abc.ABCMeta`'s).
        let what = if name == "__instancecheck__" {
            " in __instancecheck__"
        } else {
            " in __subclasscheck__"
        };
        ctx.enter_recursive(what)?;
        let r = attr::call_special(ctx, hook, cls, meta, std::slice::from_ref(x), &[]);
        ctx.leave_recursive();
        return is_true(ctx, &r?);
    }
    // Only a classmethod hook: a plain function of that name in a class body is a method
    // for the class's instances (a metaclass's own `__instancecheck__`), not a hook.
    let classmethod_hook = attr::lookup_in_type(cls, name, hash).is_some_and(
        |h| matches!(&h.payload, Payload::Wrapper(w) if matches!(**w, Wrapper::ClassMethod(_))),
    );
    if ops::layout(cls) != Some(crate::object::Layout::Object)
        || cls.is(&ctx.vm.core.object_type)
        || !classmethod_hook
    {
        return Ok(false);
    }
    let what =
        if name == "__instancecheck__" { " in __instancecheck__" } else { " in __subclasscheck__" };
    ctx.enter_recursive(what)?;
    let r = attr::getattr_str(ctx, cls, name)
        .and_then(|hook| call::call(ctx, &hook, std::slice::from_ref(x), &[]));
    ctx.leave_recursive();
    is_true(ctx, &r?)
}

fn id<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "id", 1, 1, &[])?;
    Ok(ctx.vm.int(args.args[0].addr() as i64))
}

fn hash<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "hash", 1, 1, &[])?;
    let h = compare::hash(ctx, &args.args[0])?;
    Ok(ctx.vm.int(h))
}

fn next<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "next", 1, 2, &[])?;
    let it = &args.args[0];
    if !matches!(it.payload, Payload::Iter(_))
        && attr::lookup_special(ctx, it, "__next__").is_none()
    {
        return Err(
            ctx.type_error(format!("'{}' object is not an iterator", type_name(ctx.vm, it)))
        );
    }
    let default = args.positional().get(1);
    if !matches!(it.payload, Payload::Iter(_)) {
        // Not a built-in iterator: the `StopIteration` that ends it (a generator's return
        // value, a class's own exception) reaches the caller as it is, unless there is a
        // default.
        let r = match crate::eval::generator::as_gen(it) {
            Some(g) => {
                let none = ctx.vm.core.none.clone();
                match crate::eval::generator::send(ctx, g, none)? {
                    crate::eval::generator::Outcome::Yield(v) => Ok(v),
                    crate::eval::generator::Outcome::Return(v) => {
                        Err(super::methods::generator::stop_iteration(ctx, v))
                    }
                }
            }
            None => attr::call_dunder(ctx, it, "__next__", &[])
                .map(|v| v.unwrap_or_else(|| ctx.vm.core.none.clone())),
        };
        return match (r, default) {
            (Err(e), Some(d))
                if crate::ops::isinstance(ctx.vm, &e.0, &ctx.vm.core.exc.stop_iteration) =>
            {
                Ok(d.clone())
            }
            (r, _) => r,
        };
    }
    match iter::next(ctx, it)? {
        Some(v) => Ok(v),
        None => match default {
            Some(d) => Ok(d.clone()),
            None => Err(ctx.stop_iteration()),
        },
    }
}

fn round<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "round", 1, 2, &["ndigits"])?;
    let vm = ctx.vm;
    let v = &args.args[0];
    let nd = args
        .positional()
        .get(1)
        .or(args.kwarg("ndigits"))
        .filter(|n| !matches!(n.payload, Payload::None));
    match (as_num(v), nd) {
        (Some(Num::Float(f)), None) => {
            let r = round_half_even(f);
            if !r.is_finite() {
                return Err(ctx.overflow_error("cannot convert float infinity to integer"));
            }
            Ok(vm.bigint(num_traits::FromPrimitive::from_f64(r).unwrap_or_default()))
        }
        (Some(Num::Float(f)), Some(n)) => {
            let n = ops::expect_int(ctx, n, "ndigits")?;
            Ok(vm.float(round_float_digits(f, n)))
        }
        (Some(Num::Int(i)), Some(n)) => {
            let n = ops::expect_int(ctx, n, "ndigits")?;
            if n >= 0 {
                return Ok(vm.int(i));
            }
            let p = 10i128.pow((-n).min(30) as u32);
            let q = (i as i128).div_euclid(p);
            let r = (i as i128).rem_euclid(p);
            let q = if 2 * r > p || (2 * r == p && q % 2 != 0) { q + 1 } else { q };
            Ok(vm.bigint(BigInt::from(q * p)))
        }
        (Some(Num::Int(_)) | Some(Num::Big(_)), None) => {
            Ok(if let Payload::Bool(b) = v.payload { vm.int(b as i64) } else { v.clone() })
        }
        (Some(Num::Big(_)), Some(_)) => Ok(v.clone()),
        _ => match attr::call_dunder(ctx, v, "__round__", &args.positional()[1..])? {
            Some(r) => Ok(r),
            None => Err(ctx
                .type_error(format!("type {} doesn't define __round__ method", type_name(vm, v)))),
        },
    }
}

/// Rounds half to even, as Python's `round(x)`.
pub fn round_half_even(f: f64) -> f64 {
    let r = f.round();
    if (f - f.trunc()).abs() == 0.5 { 2.0 * (f / 2.0).round() } else { r }
}

fn round_float_digits(f: f64, n: i64) -> f64 {
    if !f.is_finite() || n > 323 {
        return f;
    }
    if n < -308 {
        return 0.0f64.copysign(f);
    }
    // Correctly rounded via the decimal string, as CPython's round() does.
    let s = format!("{:.*e}", 17, f);
    let _ = s;
    let text = if n >= 0 { format!("{:.*}", n as usize, f) } else { String::new() };
    if n >= 0 {
        // `format!` rounds half-to-even on the exact binary value, which is what CPython does.
        return text.parse().unwrap_or(f);
    }
    let p = 10f64.powi((-n) as i32);
    round_half_even(f / p) * p
}

fn divmod<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "divmod", 2, 2, &[])?;
    let (a, b) = (&args.args[0], &args.args[1]);
    if let (Some(Num::Float(_)), _) | (_, Some(Num::Float(_))) = (as_num(a), as_num(b)) {
        let x = ops::arith::num_to_f64(ctx, &as_num(a).unwrap_or(Num::Int(0)))?;
        let y = match as_num(b) {
            Some(n) => ops::arith::num_to_f64(ctx, &n)?,
            None => {
                return Err(ops::arith::unsupported(ctx, a, b, ops::arith::BinOp::FloorDiv, false));
            }
        };
        if y == 0.0 {
            return Err(ctx.zero_division("float divmod()"));
        }
        let (q, r) = ops::arith::float_divmod(x, y);
        return Ok(ctx.vm.tuple(vec![ctx.vm.float(q), ctx.vm.float(r)]));
    }
    let q = ops::arith::binary_op(ctx, a, b, ops::arith::BinOp::FloorDiv, false)?;
    let r = ops::arith::binary_op(ctx, a, b, ops::arith::BinOp::Mod, false)?;
    Ok(ctx.vm.tuple(vec![q, r]))
}

fn pow<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "pow", 2, 3, &["base", "exp", "mod"])?;
    let pos = args.positional();
    let m = pos.get(2).or(args.kwarg("mod")).filter(|m| !matches!(m.payload, Payload::None));
    let Some(m) = m else {
        return ops::arith::binary_op(ctx, &pos[0], &pos[1], ops::arith::BinOp::Pow, false);
    };
    let to_big = |o: &PyRef<B>| match as_num(o) {
        Some(Num::Int(i)) => Some(BigInt::from(i)),
        Some(Num::Big(b)) => Some(b.clone()),
        _ => None,
    };
    let (Some(b), Some(e), Some(md)) = (to_big(&pos[0]), to_big(&pos[1]), to_big(m)) else {
        return Err(
            ctx.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    };
    if md == BigInt::from(0) {
        return Err(ctx.value_error("pow() 3rd argument cannot be 0"));
    }
    let r = if e.is_negative() {
        let inv = mod_inverse(&b, &md)
            .ok_or_else(|| ctx.value_error("base is not invertible for the given modulus"))?;
        inv.modpow(&(-e), &md.abs())
    } else {
        b.modpow(&e, &md.abs())
    };
    let r = if md.is_negative() && r != BigInt::from(0) { r + md } else { r };
    Ok(ctx.vm.bigint(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    use num_integer::Integer;
    let m = m.abs();
    let g = a.mod_floor(&m).extended_gcd(&m);
    (g.gcd == BigInt::from(1)).then(|| g.x.mod_floor(&m))
}

fn chr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "chr", 1, 1, &[])?;
    let i = ops::expect_int(ctx, &args.args[0], "an integer")?;
    let n = u32::try_from(i).ok().filter(|&n| n <= 0x10ffff);
    match n.map(|n| (n, gillab_syntax::surrogate::from_code_point(n))) {
        Some((_, Some(c))) => Ok(ctx.vm.str(c.to_string())),
        Some((n, None)) => Err(ctx.value_error(format!(
            "chr(): U+{n:X} is not supported by gil-lab (U+FF800..U+FFFFF stand for lone \
             surrogates)"
        ))),
        None => Err(ctx.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "ord", 1, 1, &[])?;
    match &args.args[0].payload {
        Payload::Str(s) => {
            let mut chars = s.as_str().chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(ctx.vm.int(gillab_syntax::surrogate::code_point(c) as i64)),
                _ => Err(ctx.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len()
                ))),
            }
        }
        Payload::Bytes(b) if b.len() == 1 => Ok(ctx.vm.int(b[0] as i64)),
        _ => Err(ctx.type_error(format!(
            "ord() expected string of length 1, but {} found",
            type_name(ctx.vm, &args.args[0])
        ))),
    }
}

fn radix<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    args: Args<'_, B>,
    name: &str,
    base: u32,
) -> PyResult<B> {
    args.check(ctx, name, 1, 1, &[])?;
    let v = match as_num(ops::value_of(&args.args[0])) {
        Some(Num::Int(i)) => BigInt::from(i),
        Some(Num::Big(b)) => b.clone(),
        _ => {
            return Err(ctx.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(ctx.vm, &args.args[0])
            )));
        }
    };
    Ok(ctx.vm.str(crate::fmt::int_to_base(&v, base)))
}

fn hex<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    radix(ctx, args, "hex", 16)
}

fn oct<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    radix(ctx, args, "oct", 8)
}

fn bin<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    radix(ctx, args, "bin", 2)
}

fn callable<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "callable", 1, 1, &[])?;
    Ok(ctx.vm.bool(is_callable(ctx, &args.args[0])))
}

/// `callable(o)`.
pub fn is_callable<B: Backend>(ctx: &Ctx<'_, B>, o: &PyRef<B>) -> bool {
    match &o.payload {
        Payload::Function(_) | Payload::Builtin(_) | Payload::Method(_) | Payload::Type(_) => true,
        Payload::Instance(_) | Payload::Native(_) => {
            attr::lookup_special(ctx, o, "__call__").is_some()
        }
        _ => false,
    }
}

fn getattr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "getattr", 2, 3, &[])?;
    let pos = args.positional();
    let Some(name) = ops::as_str(&pos[1]) else {
        return Err(ctx.type_error("attribute name must be string"));
    };
    let hash = crate::object::str::hash_str(name);
    match attr::getattr_opt(ctx, &pos[0], name, hash) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match pos.get(2) {
            Some(d) => Ok(d.clone()),
            None => attr::getattr(ctx, &pos[0], &pos[1]),
        },
        Err(e)
            if pos.len() == 3
                && ops::isinstance(ctx.vm, &e.0, &ctx.vm.core.exc.attribute_error) =>
        {
            Ok(pos[2].clone())
        }
        Err(e) => Err(e),
    }
}

fn setattr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "setattr", 3, 3, &[])?;
    attr::setattr(ctx, &args.args[0], &args.args[1], args.args[2].clone())?;
    Ok(ctx.vm.core.none.clone())
}

fn delattr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "delattr", 2, 2, &[])?;
    attr::delattr(ctx, &args.args[0], &args.args[1])?;
    Ok(ctx.vm.core.none.clone())
}

fn hasattr<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "hasattr", 2, 2, &[])?;
    let Some(name) = ops::as_str(&args.args[1]) else {
        return Err(ctx.type_error("hasattr(): attribute name must be string"));
    };
    let hash = crate::object::str::hash_str(name);
    match attr::getattr_opt(ctx, &args.args[0], name, hash) {
        Ok(v) => Ok(ctx.vm.bool(v.is_some())),
        Err(e) if ops::isinstance(ctx.vm, &e.0, &ctx.vm.core.exc.attribute_error) => {
            Ok(ctx.vm.bool(false))
        }
        Err(e) => Err(e),
    }
}

fn format<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "format", 1, 2, &[])?;
    let spec = args.positional().get(1).and_then(ops::as_str).unwrap_or("");
    super::strings::format_value(ctx, &args.args[0], spec)
}

fn import<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    args.check(ctx, "__import__", 1, 5, &["globals", "locals", "fromlist", "level"])?;
    let Some(name) = ops::as_str(&args.args[0]) else {
        return Err(ctx.type_error("__import__() argument 1 must be str"));
    };
    let name = name.to_string();
    crate::eval::imports::import_module(ctx, &name)
}

/// `staticmethod`, `classmethod` and `property` constructors (`__new__` of their classes).
pub fn wrapper_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let pos = args.positional();
    let cls = &pos[0];
    let vm = ctx.vm;
    let first = pos.get(1).cloned();
    let w = if cls.is(&vm.core.types.staticmethod) {
        Wrapper::StaticMethod(
            first.ok_or_else(|| ctx.type_error("staticmethod expected 1 argument, got 0"))?,
        )
    } else if cls.is(&vm.core.types.classmethod) {
        Wrapper::ClassMethod(
            first.ok_or_else(|| ctx.type_error("classmethod expected 1 argument, got 0"))?,
        )
    } else {
        let fset = pos.get(2).cloned().or_else(|| args.kwarg("fset").cloned());
        let fget = first.or_else(|| args.kwarg("fget").cloned());
        let none = |o: Option<PyRef<B>>| o.filter(|v| !matches!(v.payload, Payload::None));
        Wrapper::Property { fget: none(fget), fset: none(fset) }
    };
    Ok(PyRef::new(Payload::Wrapper(Box::new(w))))
}

/// `super()` and `super(cls, obj)`.
pub fn super_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let pos = &args.positional()[1..];
    match pos.len() {
        2 => Ok(PyRef::new(Payload::Super(Box::new((pos[0].clone(), pos[1].clone()))))),
        0 => {
            let Some((cell, first)) = ctx.super_stack.last().cloned() else {
                return Err(ctx.runtime_error("super(): no arguments"));
            };
            let cls = match &cell.payload {
                Payload::Cell(c) => cell.read(c, |v| v.clone()),
                _ => None,
            };
            let Some(cls) = cls else {
                return Err(ctx.runtime_error("super(): empty __class__ cell"));
            };
            let Some(first) = first else {
                return Err(ctx.runtime_error("super(): no arguments"));
            };
            Ok(PyRef::new(Payload::Super(Box::new((cls, first)))))
        }
        _ => Err(ctx.type_error("super() takes 0 or 2 arguments")),
    }
}
