//! `bytes.translate` and `bytes.maketrans`: bytes mapped through a 256-byte table, and
//! deleted.

use super::view::{bytes_arg, new_bytes};
use crate::backend::Backend;
use crate::builtins::Args;
use crate::builtins::methods::text::{Sig, recv};
use crate::ctx::{Ctx, PyResult};
use crate::object::Payload;

/// `bytes.translate(table, delete=b'')`.
pub(super) fn translate<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (o, data, p) =
        recv::<B, [u8]>(ctx, &args, "translate", Sig::Keywords(&["table", "delete"]))?;
    let table = match p.get(0) {
        Some(v) if !matches!(v.payload, Payload::None) => {
            let t = bytes_arg(ctx, v)?;
            if t.len() != 256 {
                return Err(ctx.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
        _ => None,
    };
    let delete = match p.get(1) {
        Some(v) => bytes_arg(ctx, v)?,
        None => &[],
    };
    if table.is_none() && delete.is_empty() {
        return Ok(o.clone());
    }
    let out: Vec<u8> = data
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.and_then(|t| t.get(b as usize).copied()).unwrap_or(b))
        .collect();
    Ok(new_bytes::<B>(out))
}

/// `bytes.maketrans(from, to)` (a static method: no `self`).
pub(super) fn maketrans<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    if !args.kwnames.is_empty() {
        return Err(ctx.type_error("maketrans() takes no keyword arguments"));
    }
    let [from, to] = args.positional() else {
        let n = args.positional().len();
        return Err(ctx.type_error(format!("maketrans expected 2 arguments, got {n}")));
    };
    let from = bytes_arg(ctx, from)?;
    let to = bytes_arg(ctx, to)?;
    if from.len() != to.len() {
        return Err(ctx.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in from.iter().zip(to) {
        if let Some(slot) = table.get_mut(f as usize) {
            *slot = t;
        }
    }
    Ok(new_bytes::<B>(table))
}
