//! Constructors of the built-in classes (`int(x)`, `list(it)`, `dict(**kw)`, ...), stored as
//! `__new__` in each class dict; the first positional argument is the class.

use crate::backend::Backend;
use crate::builtins::{Args, add, functions};
use crate::ctx::{Ctx, PyResult};
use crate::object::dict::Dict;
use crate::object::{ExcState, Layout, Payload, PyRef, RangeObj};
use crate::ops::compare::{Num, as_num};
use crate::ops::{attr, dicts, is_true, repr, seq, type_name};
use crate::vm::Vm;
use num_bigint::BigInt;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let t = &vm.core.types;
    add(vm, &t.int, "__new__", int_new);
    add(vm, &t.float, "__new__", float_new);
    add(vm, &t.str_, "__new__", str_new);
    add(vm, &t.bool_, "__new__", bool_new);
    add(vm, &t.list, "__new__", list_new);
    add(vm, &t.tuple, "__new__", tuple_new);
    add(vm, &t.dict, "__new__", dict_new);
    add(vm, &t.set, "__new__", set_new);
    add(vm, &t.bytes, "__new__", bytes_new);
    add(vm, &t.range, "__new__", range_new);
    add(vm, &t.slice, "__new__", slice_new);
    add(vm, &t.type_, "__new__", super::types::type_new);
    add(vm, &t.staticmethod, "__new__", functions::wrapper_new);
    add(vm, &t.classmethod, "__new__", functions::wrapper_new);
    add(vm, &t.property, "__new__", functions::wrapper_new);
    add(vm, &t.super_, "__new__", functions::super_new);
    add(vm, &vm.core.object_type, "__new__", object_new);
    add(vm, &t.method, "__new__", method_new);
}

/// `method(function, instance)` (`types.MethodType`): `function` bound to `instance`.
fn method_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("method() takes no keyword arguments"));
    }
    let [f, obj] = rest(&args) else {
        let n = rest(&args).len();
        return Err(ctx.type_error(format!("method expected 2 arguments, got {n}")));
    };
    if !functions::is_callable(ctx, f) {
        return Err(ctx.type_error("first argument must be callable"));
    }
    if matches!(obj.payload, Payload::None) {
        return Err(ctx.type_error("instance must not be None"));
    }
    Ok(PyRef::new(Payload::Method(Box::new((f.clone(), obj.clone())))))
}

fn rest<'a, B: Backend>(args: &Args<'a, B>) -> &'a [PyRef<B>] {
    &args.positional()[1..]
}

fn object_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let vm = ctx.vm;
    let Some(cls) = args.args.first() else {
        return Err(ctx.type_error("object.__new__(): not enough arguments"));
    };
    let Payload::Type(t) = &cls.payload else {
        return Err(ctx.type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            type_name(vm, cls)
        )));
    };
    // `BaseException.__new__` keeps its arguments as `args`.
    let exc_layout = t.layout == Layout::Exception;
    if !exc_layout && (!rest(&args).is_empty() || !args.kwnames.is_empty()) {
        // CPython's `object_new`: extra arguments are an error unless `__init__` is
        // overridden and `__new__` is not.
        let new = attr::lookup_in_type(cls, "__new__", crate::hash_lit!("__new__"));
        let own_new = new.as_ref().is_some_and(|n| !matches!(n.payload, Payload::Builtin(_)));
        if own_new {
            return Err(ctx.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        let init = attr::lookup_in_type(cls, "__init__", crate::hash_lit!("__init__"));
        let object_init =
            attr::lookup_in_type(&vm.core.object_type, "__init__", crate::hash_lit!("__init__"));
        if init.is_none() || object_init.is_some_and(|o| init.as_ref().is_some_and(|i| i.is(&o))) {
            return Err(ctx.type_error(format!("{}() takes no arguments", t.name)));
        }
    }
    if t.value_type.is_some() {
        return Err(ctx.type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            t.name, t.name
        )));
    }
    if t.layout == Layout::Builtin {
        return Err(ctx.type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            t.name, t.name
        )));
    }
    let exc = (t.layout == Layout::Exception).then(|| {
        B::cell_new(ExcState {
            args: vm.tuple(rest(&args).to_vec()),
            traceback: Vec::new(),
            context: None,
            cause: None,
            suppress_context: false,
        })
    });
    Ok(crate::ops::call::new_instance(cls, exc, None))
}

fn int_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if let Some(o) = super::subclass::subclass_new(ctx, &args, int_new)? {
        return Ok(o);
    }
    let vm = ctx.vm;
    let a = rest(&args);
    let base = a.get(1).or(args.kwarg("base"));
    let Some(v) = a.first() else { return Ok(vm.int(0)) };
    if let Some(base) = base {
        let b = crate::ops::expect_int(ctx, base, "base")?;
        let Some(text) = crate::ops::as_str(v) else {
            return Err(ctx.type_error("int() can't convert non-string with explicit base"));
        };
        if b != 0 && !(2..=36).contains(&b) {
            return Err(ctx.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        return crate::fmt::parse_int(text, b as u32)
            .map(|n| vm.bigint(n))
            .map_err(|m| ctx.value_error(m));
    }
    match (&v.payload, as_num(v)) {
        (Payload::Bool(b), _) => Ok(vm.int(*b as i64)),
        (_, Some(Num::Int(_) | Num::Big(_))) => Ok(v.clone()),
        (_, Some(Num::Float(f))) => {
            if f.is_nan() {
                return Err(ctx.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(ctx.overflow_error("cannot convert float infinity to integer"));
            }
            let b: BigInt = num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_default();
            Ok(vm.bigint(b))
        }
        (Payload::Str(s), _) => {
            crate::fmt::parse_int(s.as_str(), 10).map(|n| vm.bigint(n)).map_err(|m| ctx.value_error(m))
        }
        (Payload::Bytes(b), _) => crate::fmt::parse_int(&String::from_utf8_lossy(b), 10)
            .map(|n| vm.bigint(n))
            .map_err(|m| ctx.value_error(m)),
        _ => match attr::call_dunder(ctx, v, "__int__", &[])? {
            Some(r) => Ok(r),
            None => match attr::call_dunder(ctx, v, "__index__", &[])? {
                Some(r) => Ok(r),
                None => Err(ctx.type_error(format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    type_name(vm, v)
                ))),
            },
        },
    }
}

fn float_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if let Some(o) = super::subclass::subclass_new(ctx, &args, float_new)? {
        return Ok(o);
    }
    let vm = ctx.vm;
    let a = rest(&args);
    let Some(v) = a.first() else { return Ok(vm.float(0.0)) };
    match (&v.payload, as_num(v)) {
        (_, Some(n)) => Ok(vm.float(crate::ops::arith::num_to_f64(ctx, &n)?)),
        (Payload::Str(s), _) => {
            crate::fmt::parse_float(s.as_str()).map(|f| vm.float(f)).map_err(|m| ctx.value_error(m))
        }
        _ => match attr::call_dunder(ctx, v, "__float__", &[])? {
            Some(r) => Ok(r),
            None => Err(ctx.type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                type_name(vm, v)
            ))),
        },
    }
}

fn str_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if let Some(o) = super::subclass::subclass_new(ctx, &args, str_new)? {
        return Ok(o);
    }
    let a = rest(&args);
    match a.first() {
        None => Ok(ctx.vm.str("")),
        Some(v) => {
            if let (Payload::Bytes(b), Some(_)) = (&v.payload, a.get(1).or(args.kwarg("encoding")))
            {
                return match std::str::from_utf8(b) {
                    Ok(s) => Ok(ctx.vm.str(s)),
                    Err(_) => Err(ctx.err(
                        &ctx.vm.core.exc.unicode_decode_error,
                        "'utf-8' codec can't decode bytes",
                    )),
                };
            }
            repr::str_obj(ctx, v)
        }
    }
}

fn bool_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let r = match rest(&args).first() {
        Some(v) => is_true(ctx, v)?,
        None => false,
    };
    Ok(ctx.vm.bool(r))
}

fn list_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if let Some(o) = super::subclass::subclass_new(ctx, &args, list_new)? {
        return Ok(o);
    }
    let items = match rest(&args).first() {
        Some(v) => seq::to_vec(ctx, v)?,
        None => Vec::new(),
    };
    Ok(ctx.vm.list(items))
}

fn tuple_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if let Some(o) = super::subclass::subclass_new(ctx, &args, tuple_new)? {
        return Ok(o);
    }
    match rest(&args).first() {
        Some(v) if matches!(v.payload, Payload::Tuple(_)) => Ok(v.clone()),
        Some(v) => {
            let items = seq::to_vec(ctx, v)?;
            Ok(ctx.vm.tuple(items))
        }
        None => Ok(ctx.vm.core.empty_tuple.clone()),
    }
}

/// Fills dict `d` from a mapping or an iterable of pairs (`dict(x)`, `d.update(x)`).
pub fn update_from<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    d: &PyRef<B>,
    src: &PyRef<B>,
) -> PyResult<B, ()> {
    if let Payload::Dict(cell) = &src.payload {
        let entries: Vec<_> = src.read(cell, |t| t.iter().cloned().collect());
        for e in entries {
            dicts::set(ctx, d, e.key, e.value)?;
        }
        return Ok(());
    }
    if attr::lookup_special(ctx, src, "keys").is_some() {
        let keys_fn = attr::getattr_str(ctx, src, "keys")?;
        let keys = crate::ops::call::call(ctx, &keys_fn, &[], &[])?;
        for k in seq::to_vec(ctx, &keys)? {
            let v = seq::getitem(ctx, src, &k)?;
            dicts::set(ctx, d, k, Some(v))?;
        }
        return Ok(());
    }
    for (i, pair) in seq::to_vec(ctx, src)?.into_iter().enumerate() {
        let kv = seq::to_vec(ctx, &pair).map_err(|_| {
            ctx.type_error(format!(
                "cannot convert dictionary update sequence element #{i} to a sequence"
            ))
        })?;
        if kv.len() != 2 {
            return Err(ctx.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                kv.len()
            )));
        }
        let mut it = kv.into_iter();
        if let (Some(k), Some(v)) = (it.next(), it.next()) {
            dicts::set(ctx, d, k, Some(v))?;
        }
    }
    Ok(())
}

fn dict_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if let Some(o) = super::subclass::subclass_new(ctx, &args, dict_new)? {
        return Ok(o);
    }
    let d = ctx.vm.dict(Dict::new());
    if let Some(src) = rest(&args).first() {
        update_from(ctx, &d, src)?;
    }
    for (k, v) in args.kwargs() {
        dicts::set(ctx, &d, ctx.vm.str(k), Some(v.clone()))?;
    }
    Ok(d)
}

fn set_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if let Some(o) = super::subclass::subclass_new(ctx, &args, set_new)? {
        return Ok(o);
    }
    let s = ctx.vm.set(Dict::new());
    if let Some(src) = rest(&args).first() {
        for v in seq::to_vec(ctx, src)? {
            dicts::set(ctx, &s, v, None)?;
        }
    }
    Ok(s)
}

fn bytes_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if let Some(o) = super::subclass::subclass_new(ctx, &args, bytes_new)? {
        return Ok(o);
    }
    let a = rest(&args);
    let data: Vec<u8> = match a.first().map(|v| (v, &v.payload)) {
        None => Vec::new(),
        Some((_, Payload::Str(s))) => {
            let Some(encoding) = a.get(1).or(args.kwarg("encoding")) else {
                return Err(ctx.type_error("string argument without an encoding"));
            };
            let errors = a.get(2).or(args.kwarg("errors"));
            let text = |v: &PyRef<B>| crate::ops::as_str(v).map(str::to_string);
            let (Some(encoding), errors) = (text(encoding), errors.map(text)) else {
                return Err(ctx.type_error("bytes() argument 'encoding' must be str"));
            };
            let errors = errors.flatten().unwrap_or_else(|| "strict".to_string());
            let codec = super::str::lookup_codec(&encoding)
                .ok_or_else(|| super::str::unknown_encoding(ctx, &encoding))?;
            super::str::encode(ctx, s.as_str(), codec, &errors)?
        }
        Some((_, Payload::Bytes(b))) => b.to_vec(),
        Some((_, Payload::Int(n))) => {
            if *n < 0 {
                return Err(ctx.value_error("negative count"));
            }
            let mut v = crate::ops::seq::reserve(ctx, *n as usize)?;
            v.resize(*n as usize, 0u8);
            v
        }
        Some((_, Payload::BigInt(_))) => {
            return Err(ctx.overflow_error("cannot fit 'int' into an index-sized integer"));
        }
        Some((v, _)) => {
            let mut out = Vec::new();
            for x in seq::to_vec(ctx, v)? {
                let i = crate::ops::expect_int(ctx, &x, "bytes item")?;
                if !(0..256).contains(&i) {
                    return Err(ctx.value_error("bytes must be in range(0, 256)"));
                }
                out.push(i as u8);
            }
            out
        }
    };
    Ok(PyRef::new(Payload::Bytes(data.into_boxed_slice())))
}

fn range_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = rest(&args);
    let mut n = [0i64; 3];
    for (i, v) in a.iter().enumerate().take(3) {
        n[i] = match &crate::ops::value_of(v).payload {
            Payload::Int(x) => *x,
            Payload::Bool(b) => *b as i64,
            Payload::BigInt(_) => {
                return Err(ctx.overflow_error("Python int too large to convert to C ssize_t"));
            }
            _ => {
                return Err(ctx.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(ctx.vm, v)
                )));
            }
        };
    }
    let r = match a.len() {
        1 => RangeObj { start: 0, stop: n[0], step: 1 },
        2 => RangeObj { start: n[0], stop: n[1], step: 1 },
        3 => {
            if n[2] == 0 {
                return Err(ctx.value_error("range() arg 3 must not be zero"));
            }
            RangeObj { start: n[0], stop: n[1], step: n[2] }
        }
        0 => return Err(ctx.type_error("range expected at least 1 argument, got 0")),
        k => return Err(ctx.type_error(format!("range expected at most 3 arguments, got {k}"))),
    };
    Ok(PyRef::new(Payload::Range(r)))
}

fn slice_new<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let a = rest(&args);
    let none = ctx.vm.core.none.clone();
    let parts = match a.len() {
        1 => [none.clone(), a[0].clone(), none],
        2 => [a[0].clone(), a[1].clone(), none],
        3 => [a[0].clone(), a[1].clone(), a[2].clone()],
        _ => return Err(ctx.type_error("slice expected 1 to 3 arguments")),
    };
    Ok(PyRef::new(Payload::Slice(Box::new(parts))))
}
