//! `bytes.decode`: the UTF-8, ASCII, Latin-1, UTF-16 and UTF-32 decoders with CPython's
//! `UnicodeDecodeError` messages.

use crate::backend::Backend;
use crate::builtins::Args;
use crate::builtins::methods::str::{
    Codec, lookup_codec, text_param, unknown_encoding, unknown_handler,
};
use crate::builtins::methods::text::{Sig, recv};
use crate::ctx::{Ctx, PyResult};

/// Applies error handler `errors` to the undecodable bytes `data[start..end]`: appends the
/// replacement to `out`, or raises `UnicodeDecodeError` (strict) or `LookupError`.
#[allow(clippy::too_many_arguments)]
pub(super) fn decode_error<B: Backend>(
    ctx: &Ctx<'_, B>,
    codec: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    errors: &str,
    out: &mut String,
) -> PyResult<B, ()> {
    let bad = data.get(start..end).unwrap_or(&[]);
    match errors {
        // Each undecodable byte 0x80..0xff becomes the lone surrogate U+DC80..U+DCFF.
        "surrogateescape" if bad.iter().all(|&b| b >= 0x80) => {
            let escape = |b: u8| gillab_syntax::surrogate::from_code_point(0xdc00 + b as u32);
            out.extend(bad.iter().filter_map(|&b| escape(b)));
            Ok(())
        }
        "strict" | "surrogateescape" | "surrogatepass" => {
            let msg = match bad {
                [one] => format!(
                    "'{codec}' codec can't decode byte 0x{one:02x} in position {start}: {reason}"
                ),
                _ => format!(
                    "'{codec}' codec can't decode bytes in position {start}-{}: {reason}",
                    end.saturating_sub(1)
                ),
            };
            Err(ctx.err(&ctx.vm.core.exc.unicode_decode_error, msg))
        }
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for b in bad {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
        _ => Err(unknown_handler(ctx, errors)),
    }
}

pub(super) fn decode_utf8<B: Backend>(
    ctx: &Ctx<'_, B>,
    data: &[u8],
    errors: &str,
) -> PyResult<B, String> {
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    while let Some(rest) = data.get(pos..) {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                if let Some(Ok(s)) = rest.get(..good).map(std::str::from_utf8) {
                    out.push_str(s);
                }
                let start = pos + good;
                // `surrogatepass`: a surrogate's three-byte form decodes to it.
                if errors == "surrogatepass"
                    && let Some(&[0xed, b1 @ 0xa0..=0xbf, b2 @ 0x80..=0xbf]) =
                        data.get(start..start + 3)
                {
                    let n = 0xd000 | ((b1 as u32 & 0x3f) << 6) | (b2 as u32 & 0x3f);
                    out.extend(gillab_syntax::surrogate::from_code_point(n));
                    pos = start + 3;
                    continue;
                }
                let (end, reason) = match e.error_len() {
                    None => (data.len(), "unexpected end of data"),
                    Some(n) => {
                        let lead = data.get(start).copied().unwrap_or(0);
                        let valid_start = matches!(lead, 0x00..=0x7f | 0xc2..=0xf4);
                        let reason = if n == 1 && !valid_start {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        (start + n, reason)
                    }
                };
                decode_error(ctx, "utf-8", data, start, end, reason, errors, &mut out)?;
                pos = end;
            }
        }
    }
    Ok(out)
}

pub(super) fn decode_utf16<B: Backend>(
    ctx: &Ctx<'_, B>,
    data: &[u8],
    order: Option<bool>,
    errors: &str,
) -> PyResult<B, String> {
    let (big, mut pos) = match (order, data) {
        (Some(big), _) => (big, 0),
        (None, [0xff, 0xfe, ..]) => (false, 2),
        (None, [0xfe, 0xff, ..]) => (true, 2),
        (None, _) => (false, 0),
    };
    let name = if big { "utf-16-be" } else { "utf-16-le" };
    let unit = |i: usize| -> Option<u32> {
        let b = data.get(i..i + 2)?;
        let pair = [*b.first()?, *b.get(1)?];
        Some(if big { u16::from_be_bytes(pair) } else { u16::from_le_bytes(pair) } as u32)
    };
    let mut out = String::with_capacity(data.len() / 2);
    let len = data.len();
    while pos < len {
        let Some(u) = unit(pos) else {
            decode_error(ctx, name, data, pos, len, "truncated data", errors, &mut out)?;
            break;
        };
        if !(0xd800..0xe000).contains(&u) {
            out.extend(char::from_u32(u));
            pos += 2;
            continue;
        }
        if u >= 0xdc00 {
            decode_error(ctx, name, data, pos, pos + 2, "illegal encoding", errors, &mut out)?;
            pos += 2;
            continue;
        }
        let Some(low) = unit(pos + 2) else {
            decode_error(ctx, name, data, pos, len, "unexpected end of data", errors, &mut out)?;
            break;
        };
        if !(0xdc00..0xe000).contains(&low) {
            let reason = "illegal UTF-16 surrogate";
            decode_error(ctx, name, data, pos, pos + 2, reason, errors, &mut out)?;
            pos += 2;
            continue;
        }
        out.extend(char::from_u32(0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00)));
        pos += 4;
    }
    Ok(out)
}

pub(super) fn decode_utf32<B: Backend>(
    ctx: &Ctx<'_, B>,
    data: &[u8],
    order: Option<bool>,
    errors: &str,
) -> PyResult<B, String> {
    let (big, mut pos) = match (order, data) {
        (Some(big), _) => (big, 0),
        (None, [0xff, 0xfe, 0, 0, ..]) => (false, 4),
        (None, [0, 0, 0xfe, 0xff, ..]) => (true, 4),
        (None, _) => (false, 0),
    };
    let name = if big { "utf-32-be" } else { "utf-32-le" };
    let mut out = String::with_capacity(data.len() / 4);
    let len = data.len();
    while pos < len {
        let Some(&[a, b, c, d]) = data.get(pos..pos + 4) else {
            decode_error(ctx, name, data, pos, len, "truncated data", errors, &mut out)?;
            break;
        };
        let u =
            if big { u32::from_be_bytes([a, b, c, d]) } else { u32::from_le_bytes([a, b, c, d]) };
        match char::from_u32(u) {
            Some(ch) => out.push(ch),
            None => {
                let reason = if u > 0x10ffff {
                    "code point not in range(0x110000)"
                } else {
                    "code point in surrogate code point range(0xd800, 0xe000)"
                };
                decode_error(ctx, name, data, pos, pos + 4, reason, errors, &mut out)?;
            }
        }
        pos += 4;
    }
    Ok(out)
}

/// `data.decode(codec, errors)`.
pub fn decode<B: Backend>(
    ctx: &Ctx<'_, B>,
    data: &[u8],
    codec: Codec,
    errors: &str,
) -> PyResult<B, String> {
    match codec {
        Codec::Utf8 => decode_utf8(ctx, data, errors),
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            if data.is_ascii() {
                return Ok(data.iter().map(|&b| b as char).collect());
            }
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b.is_ascii() {
                    out.push(b as char);
                } else {
                    let reason = "ordinal not in range(128)";
                    decode_error(ctx, "ascii", data, i, i + 1, reason, errors, &mut out)?;
                }
            }
            Ok(out)
        }
        Codec::Utf16(order) => decode_utf16(ctx, data, order, errors),
        Codec::Utf32(order) => decode_utf32(ctx, data, order, errors),
    }
}

/// `data.decode(encoding, errors)` by encoding name, raising `LookupError` for an unknown one.
fn decode_named<B: Backend>(
    ctx: &Ctx<'_, B>,
    data: &[u8],
    encoding: &str,
    errors: &str,
) -> PyResult<B, String> {
    let codec = lookup_codec(encoding).ok_or_else(|| unknown_encoding(ctx, encoding))?;
    decode(ctx, data, codec, errors)
}

/// `bytes.decode(encoding='utf-8', errors='strict')`.
pub(super) fn bytes_decode<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, data, p) =
        recv::<B, [u8]>(ctx, &args, "decode", Sig::Keywords(&["encoding", "errors"]))?;
    let encoding = text_param(ctx, p.get(0), "decode", "encoding")?.unwrap_or("utf-8");
    let errors = text_param(ctx, p.get(1), "decode", "errors")?.unwrap_or("strict");
    let s = decode_named(ctx, data, encoding, errors)?;
    Ok(ctx.vm.str(s))
}
