//! Methods of the immutable built-ins: `int` (and `bool`), `float`, `range` and `tuple`.
//!
//! None of these payloads has a guarded cell, so nothing here takes a guard; comparisons with
//! arbitrary objects go through `ops::compare::eq`.

use super::list::{Sig, add_classmethod, arity, index_bounds, receiver, ssize};
use crate::backend::Backend;
use crate::builtins::{Args, add};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Payload, PyRef, RangeObj};
use crate::ops::{call, compare, is_true, repr, seq, type_name};
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};
use num_traits::{One, ToPrimitive, Zero};

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let t = &vm.core.types;
    for cls in [&t.int, &t.bool_] {
        add(vm, cls, "bit_length", int_bit_length);
        add(vm, cls, "bit_count", int_bit_count);
        add(vm, cls, "conjugate", int_conjugate);
        add(vm, cls, "as_integer_ratio", int_as_integer_ratio);
        add(vm, cls, "to_bytes", int_to_bytes);
        add_classmethod(vm, cls, "from_bytes", int_from_bytes);
    }
    add(vm, &t.float, "is_integer", float_is_integer);
    add(vm, &t.float, "as_integer_ratio", float_as_integer_ratio);
    add(vm, &t.float, "hex", float_hex);
    add(vm, &t.float, "conjugate", float_conjugate);
    add_classmethod(vm, &t.float, "fromhex", float_fromhex);
    add(vm, &t.range, "index", range_index);
    add(vm, &t.range, "count", range_count);
    add(vm, &t.tuple, "index", tuple_index);
    add(vm, &t.tuple, "count", tuple_count);
}

// ---- int -------------------------------------------------------------------------------------

/// The receiver of an `int` method as a big integer.
fn int_self<B: Backend>(ctx: &Ctx<'_, B>, args: &Args<'_, B>, name: &str) -> PyResult<B, BigInt> {
    let (o, _) = receiver(ctx, args, "int", name, |p| match p {
        Payload::Int(_) | Payload::BigInt(_) | Payload::Bool(_) => Some(&()),
        _ => None,
    })?;
    Ok(match &o.payload {
        Payload::Int(i) => BigInt::from(*i),
        Payload::Bool(b) => BigInt::from(*b as i64),
        Payload::BigInt(b) => (**b).clone(),
        _ => BigInt::zero(),
    })
}

fn int_bit_length<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let n = int_self(ctx, &args, "bit_length")?;
    arity(ctx, &args, "int", "bit_length", Sig::NoArgs)?;
    Ok(ctx.vm.int(n.bits() as i64))
}

fn int_bit_count<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let n = int_self(ctx, &args, "bit_count")?;
    arity(ctx, &args, "int", "bit_count", Sig::NoArgs)?;
    let ones: u64 = n.magnitude().iter_u64_digits().map(|d| d.count_ones() as u64).sum();
    Ok(ctx.vm.int(ones as i64))
}

fn int_conjugate<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let n = int_self(ctx, &args, "conjugate")?;
    arity(ctx, &args, "int", "conjugate", Sig::NoArgs)?;
    Ok(ctx.vm.bigint(n))
}

fn int_as_integer_ratio<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let n = int_self(ctx, &args, "as_integer_ratio")?;
    arity(ctx, &args, "int", "as_integer_ratio", Sig::NoArgs)?;
    let vm = ctx.vm;
    Ok(vm.tuple(vec![vm.bigint(n), vm.int(1)]))
}

/// Binds CPython-style `(positional-or-keyword..., *, keyword-only...)` arguments of a
/// built-in: `names[..npos]` may be given by position, the rest only by keyword.
fn bind_args<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    given: &'a [PyRef<B>],
    args: &Args<'a, B>,
    fname: &str,
    names: &[&str],
    npos: usize,
) -> PyResult<B, Vec<Option<&'a PyRef<B>>>> {
    if given.len() > npos {
        return Err(ctx.type_error(format!(
            "{fname}() takes at most {npos} positional argument{} ({} given)",
            if npos == 1 { "" } else { "s" },
            given.len()
        )));
    }
    let mut out: Vec<Option<&PyRef<B>>> = given.iter().map(Some).collect();
    out.resize(names.len(), None);
    for (k, v) in args.kwargs() {
        let Some(i) = names.iter().position(|n| *n == k) else {
            return Err(
                ctx.type_error(format!("'{k}' is an invalid keyword argument for {fname}()"))
            );
        };
        if out[i].is_some() {
            return Err(ctx.type_error(format!(
                "argument for {fname}() given by name ('{k}') and position ({})",
                i + 1
            )));
        }
        out[i] = Some(v);
    }
    Ok(out)
}

/// The `byteorder` argument: `true` for little-endian.
fn little_endian<B: Backend>(
    ctx: &Ctx<'_, B>,
    v: Option<&PyRef<B>>,
    fname: &str,
) -> PyResult<B, bool> {
    let Some(v) = v else { return Ok(false) };
    match &v.payload {
        Payload::Str(s) if s.as_str() == "little" => Ok(true),
        Payload::Str(s) if s.as_str() == "big" => Ok(false),
        Payload::Str(_) => Err(ctx.value_error("byteorder must be either 'little' or 'big'")),
        _ => Err(ctx.type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            type_name(ctx.vm, v)
        ))),
    }
}

fn flag<B: Backend>(ctx: &mut Ctx<'_, B>, v: Option<&PyRef<B>>) -> PyResult<B, bool> {
    match v {
        Some(v) => is_true(ctx, v),
        None => Ok(false),
    }
}

fn int_to_bytes<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let n = int_self(ctx, &args, "to_bytes")?;
    let given = args.positional().get(1..).unwrap_or(&[]);
    let a = bind_args(ctx, given, &args, "to_bytes", &["length", "byteorder", "signed"], 2)?;
    let length = match a[0] {
        Some(l) => ssize(ctx, l)?,
        None => 1,
    };
    let little = little_endian(ctx, a[1], "to_bytes")?;
    let signed = flag(ctx, a[2])?;
    if length < 0 {
        return Err(ctx.value_error("length argument must be non-negative"));
    }
    if !signed && n.sign() == Sign::Minus {
        return Err(ctx.overflow_error("can't convert negative int to unsigned"));
    }
    // Minimal little-endian representation (empty for zero).
    let mut bytes = if n.is_zero() {
        Vec::new()
    } else if signed {
        n.to_signed_bytes_le()
    } else {
        n.magnitude().to_bytes_le()
    };
    if bytes.len() as u64 > length as u64 {
        return Err(ctx.overflow_error("int too big to convert"));
    }
    let pad = if n.sign() == Sign::Minus { 0xff } else { 0 };
    bytes.resize(length as usize, pad);
    if !little {
        bytes.reverse();
    }
    Ok(PyRef::new(Payload::Bytes(bytes.into_boxed_slice())))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`, a classmethod.
fn int_from_bytes<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let vm = ctx.vm;
    let given = args.positional().get(1..).unwrap_or(&[]);
    let a = bind_args(ctx, given, &args, "from_bytes", &["bytes", "byteorder", "signed"], 2)?;
    let Some(src) = a[0] else {
        return Err(ctx.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let little = little_endian(ctx, a[1], "from_bytes")?;
    let signed = flag(ctx, a[2])?;
    let mut data = bytes_of(ctx, src)?;
    if !little {
        data.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&data)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &data)
    };
    let cls = &args.args[0];
    if cls.is(&vm.core.types.bool_) {
        return Ok(vm.bool(!n.is_zero()));
    }
    let r = vm.bigint(n);
    if cls.is(&vm.core.types.int) || !matches!(cls.payload, Payload::Type(_)) {
        return Ok(r);
    }
    call::call(ctx, cls, &[r], &[])
}

/// The bytes of a bytes object or of an iterable of ints (`bytes(x)` without an encoding).
fn bytes_of<B: Backend>(ctx: &mut Ctx<'_, B>, src: &PyRef<B>) -> PyResult<B, Vec<u8>> {
    let cannot = |ctx: &Ctx<'_, B>| {
        ctx.type_error(format!("cannot convert '{}' object to bytes", type_name(ctx.vm, src)))
    };
    match &src.payload {
        Payload::Bytes(b) => Ok(b.to_vec()),
        Payload::List(_) | Payload::Tuple(_) | Payload::Iter(_) | Payload::Range(_) => {
            let mut out = Vec::new();
            for x in seq::to_vec(ctx, src)? {
                let i = ssize(ctx, &x)?;
                out.push(
                    u8::try_from(i)
                        .map_err(|_| ctx.value_error("bytes must be in range(0, 256)"))?,
                );
            }
            Ok(out)
        }
        _ => Err(cannot(ctx)),
    }
}

// ---- float -----------------------------------------------------------------------------------

fn float_self<B: Backend>(ctx: &Ctx<'_, B>, args: &Args<'_, B>, name: &str) -> PyResult<B, f64> {
    let (_, f) = receiver(ctx, args, "float", name, |p| match p {
        Payload::Float(f) => Some(f),
        _ => None,
    })?;
    arity(ctx, args, "float", name, Sig::NoArgs)?;
    Ok(*f)
}

fn float_is_integer<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let f = float_self(ctx, &args, "is_integer")?;
    Ok(ctx.vm.bool(f.is_finite() && f.trunc() == f))
}

fn float_conjugate<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let f = float_self(ctx, &args, "conjugate")?;
    Ok(ctx.vm.float(f))
}

/// A finite float as `mantissa * 2**exponent` with an integer mantissa (sign included).
fn decompose(f: f64) -> (i64, i32) {
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = (bits & ((1u64 << 52) - 1)) as i64;
    let (m, e) = if biased == 0 { (frac, -1074) } else { (frac | (1i64 << 52), biased - 1075) };
    (if f.is_sign_negative() { -m } else { m }, e)
}

fn float_as_integer_ratio<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let f = float_self(ctx, &args, "as_integer_ratio")?;
    let vm = ctx.vm;
    if f.is_infinite() {
        return Err(ctx.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(ctx.value_error("cannot convert NaN to integer ratio"));
    }
    let (mut m, mut e) = decompose(f);
    if m == 0 {
        return Ok(vm.tuple(vec![vm.int(0), vm.int(1)]));
    }
    if e < 0 {
        let shift = (m.trailing_zeros() as i32).min(-e);
        m >>= shift;
        e += shift;
    }
    let (num, den) = if e >= 0 {
        (BigInt::from(m) << e as usize, BigInt::one())
    } else {
        (BigInt::from(m), BigInt::one() << (-e) as usize)
    };
    Ok(vm.tuple(vec![vm.bigint(num), vm.bigint(den)]))
}

fn float_hex<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let f = float_self(ctx, &args, "hex")?;
    Ok(ctx.vm.str(hex_of(f)))
}

/// `float.hex()`: `[-]0x<h>.<13 hex digits>p<exp>`, CPython's format.
fn hex_of(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    format!("{sign}0x{lead}.{frac:013x}p{exp:+}")
}

/// `float.fromhex(s)`, a classmethod.
fn float_fromhex<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let vm = ctx.vm;
    let a = arity(ctx, &args, "float", "fromhex", Sig::One)?;
    let Payload::Str(s) = &a[0].payload else {
        return Err(ctx.type_error("bad argument type for built-in operation"));
    };
    let f = match parse_hex_float(s.as_str()) {
        Ok(f) => f,
        Err(HexError::Invalid) => {
            return Err(ctx.value_error("invalid hexadecimal floating-point string"));
        }
        Err(HexError::TooLarge) => {
            return Err(ctx.overflow_error("hexadecimal value too large to represent as a float"));
        }
    };
    let r = vm.float(f);
    let cls = &args.args[0];
    if cls.is(&vm.core.types.float) || !matches!(cls.payload, Payload::Type(_)) {
        return Ok(r);
    }
    call::call(ctx, cls, &[r], &[])
}

#[derive(Debug, PartialEq)]
enum HexError {
    Invalid,
    TooLarge,
}

fn parse_hex_float(text: &str) -> Result<f64, HexError> {
    let t = text.trim();
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Ok(if negative { -v } else { v });
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (digits, exp_text) = match body.split_once('p') {
        Some((d, e)) => (d, Some(e)),
        None => (body, None),
    };
    let (int_part, frac_part) = match digits.split_once('.') {
        Some((i, f)) => (i, f),
        None => (digits, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(HexError::Invalid);
    }
    let mut mant = BigInt::zero();
    for c in int_part.chars().chain(frac_part.chars()) {
        let d = c.to_digit(16).ok_or(HexError::Invalid)?;
        mant = (mant << 4usize) + BigInt::from(d);
    }
    let mut exp: i64 = -4 * frac_part.len() as i64;
    if let Some(e) = exp_text {
        let (eneg, edigits) = match e.as_bytes().first() {
            Some(b'-') => (true, &e[1..]),
            Some(b'+') => (false, &e[1..]),
            _ => (false, e),
        };
        if edigits.is_empty() || !edigits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(HexError::Invalid);
        }
        let mut v: i64 = 0;
        for b in edigits.bytes() {
            v = v.saturating_mul(10).saturating_add((b - b'0') as i64);
        }
        exp = exp.saturating_add(if eneg { -v } else { v });
    }
    let magnitude = scale_to_f64(&mant, exp)?;
    Ok(if negative { -magnitude } else { magnitude })
}

/// `mant * 2**exp` correctly rounded (half to even) to a float.
fn scale_to_f64(mant: &BigInt, exp: i64) -> Result<f64, HexError> {
    if mant.is_zero() {
        return Ok(0.0);
    }
    let bits = mant.bits() as i64;
    let top = bits - 1 + exp;
    if top > 1023 {
        return Err(HexError::TooLarge);
    }
    if top < -1100 {
        return Ok(0.0);
    }
    // Significant bits a float keeps at this magnitude (fewer for subnormals).
    let keep = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    let shift = bits - keep;
    let (m, k) = if shift <= 0 {
        (mant << (-shift) as usize, exp + shift)
    } else {
        let kept = mant >> shift as usize;
        let rem = mant - (&kept << shift as usize);
        let half = BigInt::one() << (shift - 1) as usize;
        let odd = (&kept % 2u32).is_one();
        let up = rem > half || (rem == half && odd);
        (if up { kept + 1u32 } else { kept }, exp + shift)
    };
    let m = m.to_u64().unwrap_or(0);
    if m == 0 {
        return Ok(0.0);
    }
    if (64 - m.leading_zeros()) as i64 - 1 + k > 1023 {
        return Err(HexError::TooLarge);
    }
    Ok(ldexp(m as f64, k))
}

/// `x * 2**k` for a result known to be representable.
fn ldexp(x: f64, k: i64) -> f64 {
    let pow2 = |e: i64| f64::from_bits(((e + 1023) as u64) << 52);
    if k > 1023 {
        x * pow2(1023) * pow2(k - 1023)
    } else if k < -1022 {
        x * pow2(-1000) * pow2(k + 1000)
    } else {
        x * pow2(k)
    }
}

// ---- range -----------------------------------------------------------------------------------

fn range_self<B: Backend>(
    ctx: &Ctx<'_, B>,
    args: &Args<'_, B>,
    name: &str,
) -> PyResult<B, (RangeObj, PyRef<B>)> {
    let (_, r) = receiver(ctx, args, "range", name, |p| match p {
        Payload::Range(r) => Some(r),
        _ => None,
    })?;
    let a = arity(ctx, args, "range", name, Sig::One)?;
    Ok((*r, a[0].clone()))
}

/// The position of integer `i` in `r`, if it is there.
fn range_position(r: &RangeObj, i: i64) -> Option<i64> {
    let (i, start, step) = (i as i128, r.start as i128, r.step as i128);
    let inside =
        if step > 0 { i >= start && i < r.stop as i128 } else { i <= start && i > r.stop as i128 };
    (inside && (i - start) % step == 0).then(|| ((i - start) / step) as i64)
}

/// How `x` is looked up in a range: as an integer, by iteration, or never found.
enum RangeKey {
    Int(i64),
    Search,
    Absent,
}

fn range_key<B: Backend>(x: &PyRef<B>) -> RangeKey {
    match &x.payload {
        Payload::Int(i) => RangeKey::Int(*i),
        Payload::Bool(b) => RangeKey::Int(*b as i64),
        Payload::Float(f) if f.is_finite() && f.trunc() == *f && f.abs() < 9.2e18 => {
            RangeKey::Int(*f as i64)
        }
        // Range values are 64-bit, so no big int, other float, str, ... equals one.
        Payload::Instance(_) | Payload::Native(_) => RangeKey::Search,
        _ => RangeKey::Absent,
    }
}

fn range_index<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (r, x) = range_self(ctx, &args, "index")?;
    let exact = matches!(x.payload, Payload::Int(_) | Payload::Bool(_) | Payload::BigInt(_));
    let found = match range_key(&x) {
        RangeKey::Int(i) => range_position(&r, i),
        RangeKey::Absent => None,
        RangeKey::Search => {
            let mut found = None;
            for k in 0..r.len() {
                let v = ctx.vm.int(r.start + k * r.step);
                if compare::eq(ctx, &v, &x)? {
                    found = Some(k);
                    break;
                }
            }
            found
        }
    };
    match found {
        Some(k) => Ok(ctx.vm.int(k)),
        None if exact => {
            let text = repr::repr(ctx, &x)?;
            Err(ctx.value_error(format!("{text} is not in range")))
        }
        None => Err(ctx.value_error("sequence.index(x): x not in sequence")),
    }
}

fn range_count<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (r, x) = range_self(ctx, &args, "count")?;
    let n = match range_key(&x) {
        RangeKey::Int(i) => range_position(&r, i).is_some() as i64,
        RangeKey::Absent => 0,
        RangeKey::Search => {
            let mut n = 0;
            for k in 0..r.len() {
                let v = ctx.vm.int(r.start + k * r.step);
                if compare::eq(ctx, &v, &x)? {
                    n += 1;
                }
            }
            n
        }
    };
    Ok(ctx.vm.int(n))
}

// ---- tuple -----------------------------------------------------------------------------------

fn tuple_index<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, items) = receiver(ctx, &args, "tuple", "index", |p| match p {
        Payload::Tuple(t) => Some(t),
        _ => None,
    })?;
    let a = arity(ctx, &args, "tuple", "index", Sig::Var(1, 3))?;
    let (start, stop) = index_bounds(ctx, &a[1..], items.len())?;
    for (i, x) in items.iter().enumerate().take(stop).skip(start) {
        if compare::eq(ctx, x, &a[0])? {
            return Ok(ctx.vm.int(i as i64));
        }
    }
    Err(ctx.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count<B: Backend>(ctx: &mut Ctx<'_, B>, args: Args<'_, B>) -> PyResult<B> {
    let (_, items) = receiver(ctx, &args, "tuple", "count", |p| match p {
        Payload::Tuple(t) => Some(t),
        _ => None,
    })?;
    let a = arity(ctx, &args, "tuple", "count", Sig::One)?;
    let mut n = 0;
    for x in items.iter() {
        if compare::eq(ctx, x, &a[0])? {
            n += 1;
        }
    }
    Ok(ctx.vm.int(n))
}

#[cfg(test)]
mod tests {
    use super::{HexError, hex_of, parse_hex_float};

    #[test]
    fn hex_roundtrip() {
        for f in [1.0, 5.5, 0.1, -2.5, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308] {
            assert_eq!(parse_hex_float(&hex_of(f)), Ok(f), "{f}");
        }
        assert_eq!(hex_of(5.5), "0x1.6000000000000p+2");
        assert_eq!(hex_of(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(hex_of(-0.0), "-0x0.0p+0");
    }

    #[test]
    fn hex_parse() {
        assert_eq!(parse_hex_float("0x1.8p1"), Ok(3.0));
        assert_eq!(parse_hex_float("  -0X.8  "), Ok(-0.5));
        assert_eq!(parse_hex_float("1p-1"), Ok(0.5));
        assert_eq!(parse_hex_float("0x1p-1075"), Ok(0.0));
        assert_eq!(parse_hex_float("0x3p-1076"), Ok(5e-324));
        assert_eq!(parse_hex_float("0x1.fffffffffffff8p1023"), Err(HexError::TooLarge));
        assert_eq!(parse_hex_float("zz"), Err(HexError::Invalid));
        assert_eq!(parse_hex_float("0x"), Err(HexError::Invalid));
        assert_eq!(parse_hex_float("0x1p"), Err(HexError::Invalid));
    }
}
