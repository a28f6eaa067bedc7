//! `bytes.hex` and `bytes.fromhex`: bytes to hexadecimal digits (optionally grouped) and
//! back.

use super::view::{is_space, new_bytes};
use crate::backend::Backend;
use crate::builtins::Args;
use crate::builtins::methods::text::{Sig, bad_argument, c_int_arg, parse, recv};
use crate::ctx::{Ctx, PyResult};
use crate::object::Payload;
use crate::ops::type_name;

/// `bytes.hex(sep=None, bytes_per_sep=1)`.
pub(super) fn hex<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, data, p) =
        recv::<B, [u8]>(ctx, &args, "hex", Sig::Keywords(&["sep", "bytes_per_sep"]))?;
    let sep = match p.get(0) {
        None => None,
        Some(v) => {
            let c = match &v.payload {
                Payload::Str(s) => {
                    let mut cs = s.as_str().chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) => c as u32,
                        _ => return Err(ctx.value_error("sep must be length 1.")),
                    }
                }
                Payload::Bytes(b) => match &b[..] {
                    [c] => *c as u32,
                    _ => return Err(ctx.value_error("sep must be length 1.")),
                },
                _ => {
                    return Err(ctx.type_error(format!(
                        "object of type '{}' has no len()",
                        type_name(ctx.vm, v)
                    )));
                }
            };
            match u8::try_from(c) {
                Ok(c) if c.is_ascii() => Some(c as char),
                _ => return Err(ctx.value_error("sep must be ASCII.")),
            }
        }
    };
    let per = match p.get(1) {
        Some(v) => c_int_arg(ctx, v)?,
        None => 1,
    };
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(data.len() * 3);
    let group = per.unsigned_abs() as usize;
    // Bytes before the first separator: groups are counted from the right when `per > 0`.
    let first = match sep {
        Some(_) if group > 0 && per > 0 => match data.len() % group {
            0 => group,
            r => r,
        },
        _ => group,
    };
    for (i, &b) in data.iter().enumerate() {
        if let Some(s) = sep
            && group > 0
            && i > 0
            && i >= first
            && (i - first) % group == 0
        {
            out.push(s);
        }
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    Ok(ctx.vm.str(out))
}

/// `bytes.fromhex(string)` (a class method: the first argument is the class).
pub(super) fn fromhex<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let p = parse::<B, [u8]>(ctx, &args, "fromhex", Sig::One)?;
    let v = p.req(ctx, 0)?;
    let Payload::Str(s) = &v.payload else {
        return Err(bad_argument(ctx, "fromhex", "argument", "str", v));
    };
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    let bad = |i: usize| {
        ctx.value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}"))
    };
    let is_ws = |c: char| c.is_ascii() && is_space(c as u8);
    while i < chars.len() {
        if chars.get(i).is_some_and(|&c| is_ws(c)) {
            while chars.get(i).is_some_and(|&c| is_ws(c)) {
                i += 1;
            }
            if i >= chars.len() {
                break;
            }
        }
        let Some(hi) = chars.get(i).and_then(|c| c.to_digit(16)) else { return Err(bad(i)) };
        i += 1;
        let Some(lo) = chars.get(i).and_then(|c| c.to_digit(16)) else { return Err(bad(i)) };
        i += 1;
        out.push((hi * 16 + lo) as u8);
    }
    Ok(new_bytes::<B>(out))
}
