//! Encoding text that holds lone surrogates (their stand-ins, `gillab_syntax::surrogate`) with
//! the Unicode codecs, and the error handlers CPython applies to them: `strict` ("surrogates
//! not allowed"), `surrogatepass` (the surrogate's own code unit), `surrogateescape` (U+DC80..
//! U+DCFF back to the byte they escaped), `ignore`, `replace`, `backslashreplace` and
//! `xmlcharrefreplace`.

use super::codec::{Codec, unknown_handler};
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::fmt::push_escape;
use gillab_syntax::surrogate::{code_point, is_surrogate};

/// Appends the encoding of Python code point `n` (a surrogate only with `surrogatepass`).
fn push_unit(out: &mut Vec<u8>, codec: Codec, n: u32) {
    match codec {
        Codec::Utf16(order) => {
            let big = order == Some(true);
            let mut units = [0u16; 2];
            let units: &[u16] = match char::from_u32(n) {
                Some(c) => c.encode_utf16(&mut units),
                None => {
                    units[0] = n as u16;
                    &units[..1]
                }
            };
            for u in units {
                out.extend_from_slice(&if big { u.to_be_bytes() } else { u.to_le_bytes() });
            }
        }
        Codec::Utf32(order) => {
            let big = order == Some(true);
            out.extend_from_slice(&if big { n.to_be_bytes() } else { n.to_le_bytes() });
        }
        _ => match char::from_u32(n) {
            Some(c) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            // A surrogate's three-byte form (what `surrogatepass` writes).
            None => out.extend_from_slice(&[
                0xe0 | (n >> 12) as u8,
                0x80 | ((n >> 6) & 0x3f) as u8,
                0x80 | (n & 0x3f) as u8,
            ]),
        },
    }
}

/// `s` (which holds lone surrogates) encoded with UTF-8, UTF-16 or UTF-32 and handler
/// `errors`.
pub(super) fn encode<B: Backend>(
    ctx: &Ctx<'_, B>,
    s: &str,
    codec: Codec,
    errors: &str,
) -> PyResult<B, Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() + 4);
    match codec {
        Codec::Utf16(None) => out.extend_from_slice(&[0xff, 0xfe]),
        Codec::Utf32(None) => out.extend_from_slice(&[0xff, 0xfe, 0, 0]),
        _ => {}
    }
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if !is_surrogate(c) {
            push_unit(&mut out, codec, c as u32);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while chars.get(end).is_some_and(|&c| is_surrogate(c)) {
            end += 1;
        }
        let run: Vec<u32> =
            chars.get(i..end).unwrap_or(&[]).iter().map(|&c| code_point(c)).collect();
        let escapable = codec == Codec::Utf8 && run.iter().all(|n| (0xdc80..=0xdcff).contains(n));
        match errors {
            "surrogatepass" => run.iter().for_each(|&n| push_unit(&mut out, codec, n)),
            "surrogateescape" if escapable => out.extend(run.iter().map(|n| (n - 0xdc00) as u8)),
            "strict" | "surrogateescape" | "namereplace" => {
                let msg = if let [one] = chars.get(i..end).unwrap_or(&[]) {
                    let mut c = String::new();
                    push_escape(&mut c, *one);
                    format!(
                        "'{}' codec can't encode character '{c}' in position {i}: surrogates not \
                         allowed",
                        codec.name()
                    )
                } else {
                    format!(
                        "'{}' codec can't encode characters in position {i}-{}: surrogates not \
                         allowed",
                        codec.name(),
                        end - 1
                    )
                };
                return Err(ctx.err(&ctx.vm.core.exc.unicode_encode_error, msg));
            }
            "ignore" => {}
            "replace" => run.iter().for_each(|_| push_unit(&mut out, codec, '?' as u32)),
            "backslashreplace" | "xmlcharrefreplace" => {
                let mut text = String::new();
                for (&c, n) in chars.get(i..end).unwrap_or(&[]).iter().zip(&run) {
                    if errors == "backslashreplace" {
                        push_escape(&mut text, c);
                    } else {
                        text.push_str(&format!("&#{n};"));
                    }
                }
                text.chars().for_each(|c| push_unit(&mut out, codec, c as u32));
            }
            _ => return Err(unknown_handler(ctx, errors)),
        }
        i = end;
    }
    Ok(out)
}
