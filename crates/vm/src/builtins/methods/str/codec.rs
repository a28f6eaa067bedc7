//! `str.encode` and the codec registry shared with `bytes.decode`.

use crate::backend::Backend;
use crate::builtins::Args;
use crate::builtins::methods::text::{Sig, bad_argument, recv};
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::fmt::push_escape;
use crate::object::{Payload, PyRef};

/// A text encoding the VM implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    /// UTF-8.
    Utf8,
    /// 7-bit ASCII.
    Ascii,
    /// ISO-8859-1.
    Latin1,
    /// UTF-16: `None` writes (and reads) a byte-order mark; `Some(true)` is big-endian.
    Utf16(Option<bool>),
    /// UTF-32, as for [`Codec::Utf16`].
    Utf32(Option<bool>),
}

impl Codec {
    /// The codec's name in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(false)) => "utf-16-le",
            Codec::Utf16(Some(true)) => "utf-16-be",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(false)) => "utf-32-le",
            Codec::Utf32(Some(true)) => "utf-32-be",
        }
    }
}

/// Finds a codec by any of Python's names for it (`"UTF-8"`, `"utf8"`, `"latin1"`, ...).
pub fn lookup_codec(name: &str) -> Option<Codec> {
    // `encodings.normalize_encoding`, then lowercase.
    let mut norm = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_alphanumeric() || c == '.' {
            if punct && !norm.is_empty() {
                norm.push('_');
            }
            if c.is_ascii() {
                norm.push(c.to_ascii_lowercase());
            }
            punct = false;
        } else {
            punct = true;
        }
    }
    Some(match norm.as_str() {
        "utf_8" | "u8" | "utf" | "utf8" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
        "ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367"
        | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us"
        | "us_ascii" => Codec::Ascii,
        "latin_1" | "8859" | "cp819" | "csisolatin1" | "ibm819" | "iso8859" | "iso8859_1"
        | "iso_8859_1" | "iso_8859_1_1987" | "iso_ir_100" | "l1" | "latin" | "latin1" => {
            Codec::Latin1
        }
        "utf_16" | "u16" | "utf16" => Codec::Utf16(None),
        "utf_16_le" | "utf_16le" | "unicodelittleunmarked" => Codec::Utf16(Some(false)),
        "utf_16_be" | "utf_16be" | "unicodebigunmarked" => Codec::Utf16(Some(true)),
        "utf_32" | "u32" | "utf32" => Codec::Utf32(None),
        "utf_32_le" | "utf_32le" => Codec::Utf32(Some(false)),
        "utf_32_be" | "utf_32be" => Codec::Utf32(Some(true)),
        _ => return None,
    })
}

/// `LookupError: unknown encoding: NAME`.
pub fn unknown_encoding<B: Backend>(ctx: &Ctx<'_, B>, name: &str) -> PyErr<B> {
    ctx.err(&ctx.vm.core.exc.lookup_error, format!("unknown encoding: {name}"))
}

/// `LookupError: unknown error handler name 'NAME'`.
pub fn unknown_handler<B: Backend>(ctx: &Ctx<'_, B>, name: &str) -> PyErr<B> {
    ctx.err(&ctx.vm.core.exc.lookup_error, format!("unknown error handler name '{name}'"))
}

/// `s.encode(codec, errors)`.
pub fn encode<B: Backend>(
    ctx: &Ctx<'_, B>,
    s: &str,
    codec: Codec,
    errors: &str,
) -> PyResult<B, Vec<u8>> {
    if matches!(codec, Codec::Utf8 | Codec::Utf16(_) | Codec::Utf32(_))
        && gillab_syntax::surrogate::contains_surrogate(s)
    {
        return super::surrogates::encode(ctx, s, codec, errors);
    }
    let limit: u32 = match codec {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Utf16(order) => {
            let mut out = Vec::with_capacity(s.len() * 2 + 2);
            let big = order == Some(true);
            if order.is_none() {
                out.extend_from_slice(&[0xff, 0xfe]);
            }
            for u in s.encode_utf16() {
                out.extend_from_slice(&if big { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            return Ok(out);
        }
        Codec::Utf32(order) => {
            let mut out = Vec::with_capacity(s.len() * 4 + 4);
            let big = order == Some(true);
            if order.is_none() {
                out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
            }
            for c in s.chars() {
                let u = c as u32;
                out.extend_from_slice(&if big { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            return Ok(out);
        }
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    if s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while chars.get(end).is_some_and(|&c| c as u32 >= limit) {
            end += 1;
        }
        let bad = chars.get(i..end).unwrap_or(&[]);
        let escaped = bad
            .iter()
            .map(|&c| gillab_syntax::surrogate::code_point(c))
            .filter(|n| (0xdc80..=0xdcff).contains(n))
            .map(|n| (n - 0xdc00) as u8)
            .collect::<Vec<u8>>();
        match errors {
            // `surrogateescape` turns U+DC80..U+DCFF back into the bytes they escaped.
            "surrogateescape" if escaped.len() == bad.len() => out.extend(escaped),
            "strict" | "surrogateescape" | "surrogatepass" | "namereplace" => {
                let reason = format!("ordinal not in range({limit})");
                let msg = if let [one] = bad {
                    let mut c = String::new();
                    push_escape(&mut c, *one);
                    format!(
                        "'{}' codec can't encode character '{c}' in position {i}: {reason}",
                        codec.name()
                    )
                } else {
                    format!(
                        "'{}' codec can't encode characters in position {i}-{}: {reason}",
                        codec.name(),
                        end - 1
                    )
                };
                return Err(ctx.err(&ctx.vm.core.exc.unicode_encode_error, msg));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', bad.len())),
            "xmlcharrefreplace" => {
                for &c in bad {
                    let n = gillab_syntax::surrogate::code_point(c);
                    out.extend_from_slice(format!("&#{n};").as_bytes());
                }
            }
            "backslashreplace" => {
                let mut escapes = String::new();
                bad.iter().for_each(|&c| push_escape(&mut escapes, c));
                out.extend_from_slice(escapes.as_bytes());
            }
            _ => return Err(unknown_handler(ctx, errors)),
        }
        i = end;
    }
    Ok(out)
}

/// An optional `str` argument of `encode`/`decode`, named `param`.
pub(crate) fn text_param<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    v: Option<&'a PyRef<B>>,
    fname: &str,
    param: &str,
) -> PyResult<B, Option<&'a str>> {
    match v {
        None => Ok(None),
        Some(v) => match &v.payload {
            Payload::Str(s) => Ok(Some(s.as_str())),
            _ => Err(bad_argument(ctx, fname, &format!("argument '{param}'"), "str", v)),
        },
    }
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub(super) fn str_encode<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, s, p) = recv::<B, str>(ctx, &args, "encode", Sig::Keywords(&["encoding", "errors"]))?;
    let encoding = text_param(ctx, p.get(0), "encode", "encoding")?.unwrap_or("utf-8");
    let errors = text_param(ctx, p.get(1), "encode", "errors")?.unwrap_or("strict");
    let codec = lookup_codec(encoding).ok_or_else(|| unknown_encoding(ctx, encoding))?;
    let out = encode(ctx, s, codec, errors)?;
    Ok(PyRef::new(Payload::Bytes(out.into_boxed_slice())))
}
