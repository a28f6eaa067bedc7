//! Building and unpacking containers (`BUILD_*`, `UNPACK_*`, comprehension appends, `*`/`**`
//! merges) and f-string pieces (`FORMAT_VALUE`, `BUILD_STRING`).

use super::{Frame, as_refs};
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::dict::Dict;
use crate::object::{Payload, PyRef};
use crate::ops::{dicts, repr, seq, type_name};
use gillab_compiler::Opcode as Op;

fn take_n<B: Backend>(f: &mut Frame<'_, B>, n: usize) -> Vec<PyRef<B>> {
    let start = f.stack.len() - n;
    let items = as_refs(&f.stack[start..]).to_vec();
    f.stack.truncate(start);
    items
}

/// Executes one of the container-building instructions.
pub fn exec<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    f: &mut Frame<'_, B>,
    op: Op,
    arg: u32,
) -> PyResult<B, ()> {
    let vm = ctx.vm;
    let n = arg as usize;
    match op {
        Op::BuildTuple => {
            let items = take_n(f, n);
            f.push(vm.tuple(items));
        }
        Op::BuildList => {
            let items = take_n(f, n);
            f.push(vm.list(items));
        }
        Op::BuildSet => {
            let items = take_n(f, n);
            let s = vm.set(Dict::new());
            for it in items {
                dicts::set(ctx, &s, it, None)?;
            }
            f.push(s);
        }
        Op::BuildMap => {
            let items = take_n(f, 2 * n);
            let d = vm.dict(Dict::with_capacity(n));
            let mut it = items.into_iter();
            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                dicts::set(ctx, &d, k, Some(v))?;
            }
            f.push(d);
        }
        Op::BuildConstKeyMap => {
            let keys = f.pop();
            let values = take_n(f, n);
            let d = vm.dict(Dict::with_capacity(n));
            if let Payload::Tuple(ks) = &keys.payload {
                for (k, v) in ks.iter().zip(values) {
                    dicts::set(ctx, &d, k.clone(), Some(v))?;
                }
            }
            f.push(d);
        }
        Op::BuildString => {
            let parts = take_n(f, n);
            let mut s = String::new();
            for p in &parts {
                if let Payload::Str(t) = &p.payload {
                    s.push_str(t.as_str());
                }
            }
            f.push(vm.str(s));
        }
        Op::BuildSlice => {
            let step = if n == 3 { f.pop() } else { vm.core.none.clone() };
            let stop = f.pop();
            let start = f.pop();
            f.push(PyRef::new(Payload::Slice(Box::new([start, stop, step]))));
        }
        Op::ListToTuple => {
            let l = f.pop();
            let items = seq::to_vec(ctx, &l)?;
            f.push(vm.tuple(items));
        }
        Op::ListAppend => {
            let v = f.pop();
            let l = f.peek(n).clone();
            if let Payload::List(cell) = &l.payload {
                l.write(cell, |items| items.push(v));
            }
        }
        Op::SetAdd => {
            let v = f.pop();
            let s = f.peek(n).clone();
            dicts::set(ctx, &s, v, None)?;
        }
        Op::MapAdd => {
            let v = f.pop();
            let k = f.pop();
            let d = f.peek(n).clone();
            dicts::set(ctx, &d, k, Some(v))?;
        }
        Op::ListExtend => {
            let it = f.pop();
            let items = seq::to_vec(ctx, &it).map_err(|e| {
                if crate::ops::isinstance(vm, &e.0, &vm.core.exc.type_error) {
                    ctx.type_error(format!(
                        "Value after * must be an iterable, not {}",
                        type_name(vm, &it)
                    ))
                } else {
                    e
                }
            })?;
            let l = f.peek(n).clone();
            if let Payload::List(cell) = &l.payload {
                l.write(cell, |v| v.extend(items));
            }
        }
        Op::SetUpdate => {
            let it = f.pop();
            let items = seq::to_vec(ctx, &it)?;
            let s = f.peek(n).clone();
            for x in items {
                dicts::set(ctx, &s, x, None)?;
            }
        }
        Op::DictUpdate | Op::DictMerge => {
            let m = f.pop();
            let d = f.peek(n).clone();
            merge_mapping(ctx, &d, &m, op == Op::DictMerge, f)?;
        }
        Op::UnpackSequence => {
            let s = f.pop();
            // A tuple or list of the right length goes straight onto the stack (CPython's
            // `UNPACK_SEQUENCE_TUPLE`/`_LIST`), without an intermediate vector; a list is read
            // in one guarded section, so its length and items agree.
            let done = match &s.payload {
                Payload::Tuple(t) if t.len() == n => {
                    f.stack.extend(t.iter().rev().map(|v| Some(v.clone())));
                    true
                }
                Payload::List(l) => s.read(l, |v| {
                    v.len() == n && {
                        f.stack.extend(v.iter().rev().map(|x| Some(x.clone())));
                        true
                    }
                }),
                _ => false,
            };
            if done {
                return Ok(());
            }
            let items = unpack_items(ctx, &s)?;
            if items.len() != n {
                return Err(ctx.value_error(if items.len() < n {
                    format!("not enough values to unpack (expected {n}, got {})", items.len())
                } else {
                    format!("too many values to unpack (expected {n})")
                }));
            }
            for v in items.into_iter().rev() {
                f.push(v);
            }
        }
        Op::UnpackEx => {
            let before = n & 0xff;
            let after = n >> 8;
            let s = f.pop();
            let items = unpack_items(ctx, &s)?;
            if items.len() < before + after {
                return Err(ctx.value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    before + after,
                    items.len()
                )));
            }
            let mid_end = items.len() - after;
            for v in items[mid_end..].iter().rev() {
                f.push(v.clone());
            }
            f.push(vm.list(items[before..mid_end].to_vec()));
            for v in items[..before].iter().rev() {
                f.push(v.clone());
            }
        }
        Op::FormatValue => {
            let spec = if arg & 4 != 0 { Some(f.pop()) } else { None };
            let v = f.pop();
            let v = match arg & 3 {
                1 => repr::str_obj(ctx, &v)?,
                2 => vm.str(repr::repr(ctx, &v)?),
                3 => vm.str(crate::builtins::strings::ascii(&repr::repr(ctx, &v)?)),
                _ => v,
            };
            let spec_text = spec.as_ref().and_then(crate::ops::as_str).unwrap_or("");
            let s = crate::builtins::strings::format_value(ctx, &v, spec_text)?;
            f.push(s);
        }
        _ => return Err(ctx.runtime_error(format!("unexpected opcode {op:?} in build"))),
    }
    Ok(())
}

fn unpack_items<B: Backend>(ctx: &mut Ctx<'_, B>, s: &PyRef<B>) -> PyResult<B, Vec<PyRef<B>>> {
    match &s.payload {
        Payload::Tuple(t) => Ok(t.to_vec()),
        Payload::List(l) => Ok(s.read(l, |v| v.clone())),
        _ => seq::to_vec(ctx, s).map_err(|e| {
            if crate::ops::isinstance(ctx.vm, &e.0, &ctx.vm.core.exc.type_error) {
                ctx.type_error(format!(
                    "cannot unpack non-iterable {} object",
                    type_name(ctx.vm, s)
                ))
            } else {
                e
            }
        }),
    }
}

/// `{**m}` (`DICT_UPDATE`) and `f(**m)` (`DICT_MERGE`, which rejects duplicate keys).
fn merge_mapping<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    d: &PyRef<B>,
    m: &PyRef<B>,
    reject_duplicates: bool,
    f: &Frame<'_, B>,
) -> PyResult<B, ()> {
    let entries: Vec<(PyRef<B>, PyRef<B>)> = match &m.payload {
        Payload::Dict(cell) => m.read(cell, |t| {
            t.iter()
                .map(|e| {
                    (e.key.clone(), e.value.clone().unwrap_or_else(|| ctx.vm.core.none.clone()))
                })
                .collect()
        }),
        _ => {
            if crate::ops::attr::lookup_special(ctx, m, "keys").is_none() {
                let what = type_name(ctx.vm, m);
                return Err(ctx.type_error(if reject_duplicates {
                    let callee = callee_name(ctx, f);
                    format!("{callee} argument after ** must be a mapping, not {what}")
                } else {
                    format!("'{what}' object is not a mapping")
                }));
            }
            let keys_fn = crate::ops::attr::getattr_str(ctx, m, "keys")?;
            let keys = crate::ops::call::call(ctx, &keys_fn, &[], &[])?;
            let mut out = Vec::new();
            for k in seq::to_vec(ctx, &keys)? {
                let v = seq::getitem(ctx, m, &k)?;
                out.push((k, v));
            }
            out
        }
    };
    for (k, v) in entries {
        if reject_duplicates && dicts::get(ctx, d, &k)?.is_some() {
            let callee = callee_name(ctx, f);
            let key = crate::ops::as_str(&k).unwrap_or("?").to_string();
            return Err(ctx
                .type_error(format!("{callee} got multiple values for keyword argument '{key}'")));
        }
        dicts::set(ctx, d, k, Some(v))?;
    }
    Ok(())
}

/// `f()` text naming the callable of the call being built (for `**` errors).
fn callee_name<B: Backend>(ctx: &Ctx<'_, B>, f: &Frame<'_, B>) -> String {
    // The callable sits below the NULL slot, the positional tuple and the kwargs dict.
    let n = f.stack.len();
    let callable = if n >= 4 { f.stack[n - 4].as_ref() } else { None };
    match callable.map(|c| &c.payload) {
        Some(Payload::Function(func)) => {
            format!("{}()", crate::ops::as_str(&func.qualname).unwrap_or("?"))
        }
        Some(Payload::Builtin(b)) => format!("{}()", b.name),
        Some(Payload::Type(t)) => format!("{}()", t.name),
        _ => {
            let _ = ctx;
            "function".to_string()
        }
    }
}
