//! Packing and unpacking one field of a `struct` layout, with CPython's range checks and
//! messages. CPython's messages depend on which of its C converters serves a code in a byte
//! order (on a little-endian machine `<` and `=` borrow the native ones where the sizes
//! agree), which [`rule`] reproduces.

use super::format::{Field, Order};
use crate::num::{IntVal, float_of, index_of};
use gillab_vm::Backend;
use gillab_vm::ctx::{Ctx, PyErr};
use gillab_vm::object::{Payload, PyRef};
use gillab_vm::ops::is_true;

/// Why a value did not pack: a `struct.error` message, or another exception.
pub(crate) enum Fail<B: Backend> {
    Struct(String),
    Py(PyErr<B>),
}

impl<B: Backend> From<PyErr<B>> for Fail<B> {
    fn from(e: PyErr<B>) -> Self {
        Fail::Py(e)
    }
}

type Res<B, T = ()> = Result<T, Fail<B>>;

fn fail<B: Backend, T>(msg: impl Into<String>) -> Res<B, T> {
    Err(Fail::Struct(msg.into()))
}

/// How an integer code checks its value.
#[derive(Clone, Copy)]
enum Rule {
    /// `np_byte`, `np_ubyte`, `np_short`, `np_ushort`: C `long`, then a named range.
    Named(&'static str, i128, i128),
    /// A signed value of `n` bytes with the generic range message.
    Signed(usize),
    /// An unsigned value of `n` bytes (C `unsigned long` first) with the generic message.
    Unsigned(usize),
    /// Any 64-bit signed value; "argument out of range" otherwise.
    I64,
    /// Any 64-bit unsigned value; "argument out of range" otherwise.
    U64,
    /// `P`: a pointer, signed or unsigned.
    Pointer,
    /// Big-endian `q`/`Q`: 64 bits, signed or not, or "int too large to convert".
    Big64(bool),
}

fn rule(code: u8, order: Order) -> Rule {
    let borrowed = match order {
        Order::Native => true,
        Order::StdNative | Order::Little => cfg!(target_endian = "little"),
        Order::Big => false,
    };
    match code {
        b'b' => Rule::Named("byte", -128, 127),
        b'B' => Rule::Named("ubyte", 0, 255),
        b'h' if borrowed => Rule::Named("short", -32768, 32767),
        b'H' if borrowed => Rule::Named("ushort", 0, 65535),
        b'h' => Rule::Signed(2),
        b'H' => Rule::Unsigned(2),
        b'i' => Rule::Signed(4),
        b'I' => Rule::Unsigned(4),
        b'l' if order == Order::Native => Rule::I64,
        b'L' if order == Order::Native => Rule::U64,
        b'l' => Rule::Signed(4),
        b'L' => Rule::Unsigned(4),
        b'q' if order == Order::Big => Rule::Big64(true),
        b'Q' if order == Order::Big => Rule::Big64(false),
        b'q' | b'n' => Rule::I64,
        b'Q' | b'N' => Rule::U64,
        _ => Rule::Pointer,
    }
}

const OUT_OF_RANGE: &str = "argument out of range";

/// The integer value to pack for `code`, checked.
fn int_value<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    code: u8,
    order: Order,
    v: &PyRef<B>,
) -> Res<B, i128> {
    let iv = match &v.payload {
        Payload::Int(i) => IntVal::Fits(*i as i128),
        _ => match index_of(ctx, v)? {
            Some(iv) => iv,
            None => return fail("required argument is not an integer"),
        },
    };
    let long = |iv: IntVal| match iv {
        IntVal::Fits(i) if i64::try_from(i).is_ok() => Ok(i),
        _ => fail(OUT_OF_RANGE),
    };
    let ulong = |iv: IntVal| match iv {
        IntVal::Fits(i) if (0..=u64::MAX as i128).contains(&i) => Ok(i),
        _ => fail(OUT_OF_RANGE),
    };
    let c = code as char;
    match rule(code, order) {
        Rule::Named(name, lo, hi) => {
            let i = long(iv)?;
            if i < lo || i > hi {
                return fail(format!("{name} format requires {lo} <= number <= {hi}"));
            }
            Ok(i)
        }
        Rule::Signed(n) => {
            let i = long(iv)?;
            let hi = (1i128 << (8 * n - 1)) - 1;
            let lo = -hi - 1;
            if n < 8 && (i < lo || i > hi) {
                return fail(format!("'{c}' format requires {lo} <= number <= {hi}"));
            }
            Ok(i)
        }
        Rule::Unsigned(n) => {
            let i = ulong(iv)?;
            let hi = (1i128 << (8 * n)) - 1;
            if n < 8 && i > hi {
                return fail(format!("'{c}' format requires 0 <= number <= {hi}"));
            }
            Ok(i)
        }
        Rule::I64 => long(iv),
        Rule::U64 => ulong(iv),
        Rule::Big64(signed) => {
            let ok = match iv {
                IntVal::Fits(i) if signed => i64::try_from(i).is_ok(),
                IntVal::Fits(i) => u64::try_from(i).is_ok(),
                IntVal::Huge(_) => false,
            };
            match iv {
                IntVal::Fits(i) if ok => Ok(i),
                _ => fail("int too large to convert"),
            }
        }
        Rule::Pointer => match iv {
            IntVal::Fits(i) if i >= i64::MIN as i128 && i <= u64::MAX as i128 => Ok(i),
            _ => fail("int too large to convert"),
        },
    }
}

/// `x` as IEEE 754 half precision, rounding half to even; `None` if it overflows.
pub(crate) fn f16_bits(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Some(sign);
    }
    let round_even = |y: f64| {
        let f = y.floor();
        let d = y - f;
        if d > 0.5 || (d == 0.5 && f % 2.0 == 1.0) { f + 1.0 } else { f }
    };
    if a < 2f64.powi(-14) {
        // Subnormal (or rounding up to the smallest normal, 0x400).
        let r = round_even(a * 2f64.powi(24)) as u16;
        return Some(sign | r);
    }
    let mut e = ((a.to_bits() >> 52) & 0x7ff) as i32 - 1023;
    let m = a / 2f64.powi(e);
    let mut r = round_even((m - 1.0) * 1024.0) as u16;
    if r == 1024 {
        r = 0;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | r)
}

/// The value of half-precision bits `h`.
pub(crate) fn f16_value(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    sign * match e {
        0 => f * 2f64.powi(-24),
        31 if f == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + f / 1024.0) * 2f64.powi(e - 15),
    }
}

/// Writes the low `out.len()` bytes of `v` in the layout's byte order.
fn put_int(out: &mut [u8], v: i128, little: bool) {
    let bytes = (v as u128).to_le_bytes();
    let n = out.len();
    for (k, slot) in out.iter_mut().enumerate() {
        *slot = if little { bytes[k] } else { bytes[n - 1 - k] };
    }
}

/// The integer stored in `b`, signed or not.
fn get_int(b: &[u8], little: bool, signed: bool) -> i128 {
    let mut v: u128 = 0;
    for k in 0..b.len() {
        let byte = if little { b[b.len() - 1 - k] } else { b[k] };
        v = (v << 8) | byte as u128;
    }
    let bits = 8 * b.len() as u32;
    if signed && bits < 128 && v >> (bits - 1) & 1 == 1 {
        (v as i128) - (1i128 << bits)
    } else {
        v as i128
    }
}

/// The bytes of a `bytes` value for `c`, `s` or `p`.
fn bytes_of<B: Backend>(v: &PyRef<B>) -> Option<&[u8]> {
    match &v.payload {
        Payload::Bytes(b) => Some(b),
        _ => None,
    }
}

/// Packs `v` as field `f` into `out` (the field's bytes).
pub(crate) fn pack<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    order: Order,
    f: Field,
    v: &PyRef<B>,
    out: &mut [u8],
) -> Res<B> {
    let little = order.little();
    match f.code {
        b'e' | b'f' | b'd' => {
            // Any failure to get a float (a `TypeError`, an int too large) is this error.
            let Ok(Some(x)) = float_of(ctx, v) else {
                return fail("required argument is not a float");
            };
            let overflow = |c: char| {
                Err(Fail::Py(
                    ctx.overflow_error(format!("float too large to pack with {c} format")),
                ))
            };
            let bytes: Vec<u8> = match f.code {
                b'e' => match f16_bits(x) {
                    Some(h) => h.to_le_bytes().to_vec(),
                    None => return overflow('e'),
                },
                b'f' => {
                    let y = x as f32;
                    if y.is_infinite() && x.is_finite() {
                        return overflow('f');
                    }
                    y.to_le_bytes().to_vec()
                }
                _ => x.to_le_bytes().to_vec(),
            };
            for (k, slot) in out.iter_mut().enumerate() {
                *slot = if little { bytes[k] } else { bytes[bytes.len() - 1 - k] };
            }
        }
        b'?' => {
            let t = is_true(ctx, v)?;
            out[0] = t as u8;
        }
        b'c' => match bytes_of(v) {
            Some([b]) => out[0] = *b,
            _ => return fail("char format requires a bytes object of length 1"),
        },
        b's' | b'p' => {
            let Some(b) = bytes_of(v) else {
                return fail(format!("argument for '{}' must be a bytes object", f.code as char));
            };
            out.fill(0);
            if f.code == b's' {
                let n = b.len().min(out.len());
                out[..n].copy_from_slice(&b[..n]);
            } else if !out.is_empty() {
                let n = b.len().min(out.len() - 1);
                out[1..1 + n].copy_from_slice(&b[..n]);
                out[0] = n.min(255) as u8;
            }
        }
        code => {
            let i = int_value(ctx, code, order, v)?;
            put_int(out, i, little);
        }
    }
    Ok(())
}

/// The value of field `f` stored in `b` (the field's bytes).
pub(crate) fn unpack<B: Backend>(ctx: &Ctx<'_, B>, order: Order, f: Field, b: &[u8]) -> PyRef<B> {
    let little = order.little();
    let vm = ctx.vm;
    let ordered = |n: usize| -> Vec<u8> {
        let mut v = b[..n].to_vec();
        if !little {
            v.reverse();
        }
        v
    };
    match f.code {
        b'e' => {
            let v = ordered(2);
            vm.float(f16_value(u16::from_le_bytes([v[0], v[1]])))
        }
        b'f' => {
            let v = ordered(4);
            vm.float(f32::from_le_bytes([v[0], v[1], v[2], v[3]]) as f64)
        }
        b'd' => {
            let v = ordered(8);
            let mut w = [0u8; 8];
            w.copy_from_slice(&v);
            vm.float(f64::from_le_bytes(w))
        }
        b'?' => vm.bool(b[0] != 0),
        b'c' => PyRef::new(Payload::Bytes(Box::new([b[0]]))),
        b's' => PyRef::new(Payload::Bytes(b.to_vec().into_boxed_slice())),
        b'p' => {
            let n = if b.is_empty() { 0 } else { (b[0] as usize).min(b.len() - 1) };
            PyRef::new(Payload::Bytes(b.get(1..1 + n).unwrap_or(&[]).to_vec().into_boxed_slice()))
        }
        code => {
            let signed = matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            crate::num::int_obj(ctx, get_int(b, little, signed))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_floats_round_half_to_even() {
        assert_eq!(f16_bits(1.5), Some(0x3e00));
        assert_eq!(f16_bits(65504.0), Some(0x7bff));
        assert_eq!(f16_bits(65519.0), Some(0x7bff));
        assert_eq!(f16_bits(65520.0), None);
        assert_eq!(f16_bits(2f64.powi(-25)), Some(0));
        assert_eq!(f16_bits(3.0 * 2f64.powi(-26)), Some(1));
        assert_eq!(f16_bits(f64::NEG_INFINITY), Some(0xfc00));
        assert_eq!(f16_value(0x0001), 2f64.powi(-24));
        assert_eq!(f16_value(0x3e00), 1.5);
    }

    #[test]
    fn ints_round_trip_in_both_orders() {
        let mut b = [0u8; 2];
        put_int(&mut b, -2, false);
        assert_eq!(b, [0xff, 0xfe]);
        assert_eq!(get_int(&b, false, true), -2);
        assert_eq!(get_int(&b, false, false), 0xfffe);
        put_int(&mut b, 513, true);
        assert_eq!(b, [1, 2]);
    }
}
