//! `str.translate` and `str.maketrans`: code points mapped through a table (a mapping from
//! ordinals to ordinals, strings or `None`).

use crate::backend::Backend;
use crate::builtins::Args;
use crate::builtins::methods::text::{Role, Sig, recv, text_arg};
use crate::ctx::{Ctx, PyResult};
use crate::object::Payload;
use crate::object::dict::Dict;
use crate::ops::{dicts, isinstance, seq};

/// `str.translate(table)`: each code point looked up in `table`; a `LookupError` keeps it.
pub(super) fn translate<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, s, p) = recv::<B, str>(ctx, &args, "translate", Sig::One)?;
    let table = p.req(ctx, 0)?;
    let vm = ctx.vm;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let key = vm.int(c as i64);
        let v = match seq::getitem(ctx, table, &key) {
            Ok(v) => v,
            Err(e) if isinstance(vm, &e.0, &vm.core.exc.lookup_error) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match &v.payload {
            Payload::None => {}
            Payload::Str(t) => out.push_str(t.as_str()),
            Payload::Int(_) | Payload::Bool(_) | Payload::BigInt(_) => {
                let n = match &v.payload {
                    Payload::Int(i) => *i,
                    Payload::Bool(b) => *b as i64,
                    _ => -1,
                };
                match u32::try_from(n).ok().and_then(char::from_u32) {
                    Some(m) => out.push(m),
                    None => {
                        return Err(ctx.value_error("character mapping must be in range(0x110000)"));
                    }
                }
            }
            _ => {
                return Err(ctx.type_error("character mapping must return integer, None or str"));
            }
        }
    }
    Ok(vm.str(out))
}

/// `str.maketrans(x[, y[, z]])` (a static method: no `self`).
pub(super) fn maketrans<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let pos = args.positional();
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("maketrans() takes no keyword arguments"));
    }
    if pos.is_empty() || pos.len() > 3 {
        let q = if pos.is_empty() { "at least 1 argument" } else { "at most 3 arguments" };
        return Err(ctx.type_error(format!("maketrans expected {q}, got {}", pos.len())));
    }
    let vm = ctx.vm;
    let d = vm.dict(Dict::new());
    if let [x] = pos {
        let Payload::Dict(cell) = &x.payload else {
            return Err(
                ctx.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        let entries: Vec<_> = x.read(cell, |t| t.iter().cloned().collect());
        for e in entries {
            let key = match &e.key.payload {
                Payload::Str(k) => {
                    let mut cs = k.as_str().chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) => vm.int(c as i64),
                        _ => {
                            return Err(ctx.value_error(
                                "string keys in translate table must be of length 1",
                            ));
                        }
                    }
                }
                Payload::Int(_) | Payload::BigInt(_) | Payload::Bool(_) => e.key.clone(),
                _ => {
                    return Err(
                        ctx.type_error("keys in translate table must be strings or integers")
                    );
                }
            };
            dicts::set(ctx, &d, key, Some(e.value.unwrap_or_else(|| vm.core.none.clone())))?;
        }
        return Ok(d);
    }
    let [x, y, rest @ ..] = pos else { return Ok(d) };
    let Payload::Str(x) = &x.payload else {
        return Err(ctx.type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    let x = x.as_str();
    let y = text_arg::<B, str>(ctx, y, Role::Nth("maketrans", 2))?;
    if x.chars().count() != y.chars().count() {
        return Err(ctx.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.chars().zip(y.chars()) {
        dicts::set(ctx, &d, vm.int(a as i64), Some(vm.int(b as i64)))?;
    }
    if let Some(z) = rest.first() {
        let z = text_arg::<B, str>(ctx, z, Role::Nth("maketrans", 3))?;
        for c in z.chars() {
            dicts::set(ctx, &d, vm.int(c as i64), Some(vm.core.none.clone()))?;
        }
    }
    Ok(d)
}
