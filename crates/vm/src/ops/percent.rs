//! The `%` operator on `str` and `bytes` (printf-style formatting): each argument is converted
//! up front (its `str`, `repr`, int and float forms, which may run Python code), then the pure
//! formatter in [`crate::fmt`] lays the text out.

use crate::backend::Backend;
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::fmt::{self, PercentArg};
use crate::object::{Payload, PyRef};
use crate::ops::compare::{Num, as_num};
use crate::ops::{attr, repr, type_name};
use num_bigint::BigInt;

/// The exception for a formatting error of `kind` (a Python exception class name, as
/// [`fmt::format_error_kind`] and the `%` formatter give it).
pub fn kind_error<B: Backend>(ctx: &Ctx<'_, B>, kind: &str, msg: String) -> PyErr<B> {
    let exc = &ctx.vm.core.exc;
    let class = match kind {
        "ValueError" => &exc.value_error,
        "OverflowError" => &exc.overflow_error,
        "MemoryError" => return ctx.memory_error(),
        _ => &exc.type_error,
    };
    ctx.err(class, msg)
}

/// One `%` argument with every form the formatter may ask for computed up front (the
/// formatter is pure Rust and cannot call back into the VM).
struct Prepared {
    int: Result<BigInt, String>,
    float: Result<f64, String>,
    str: String,
    repr: String,
    type_name: String,
}

impl PercentArg for Prepared {
    fn as_int(&self) -> Result<BigInt, String> {
        self.int.clone()
    }
    fn as_float(&self) -> Result<f64, String> {
        self.float.clone()
    }
    fn to_str(&self) -> Result<String, String> {
        Ok(self.str.clone())
    }
    fn to_repr(&self) -> Result<String, String> {
        Ok(self.repr.clone())
    }
    fn type_name(&self) -> String {
        self.type_name.clone()
    }
}

/// `bytes % values`: formatted as text over Latin-1 (byte `n` is code point `n`), where a
/// `bytes` argument's `%s` is its bytes, then encoded back.
pub fn bytes_percent<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    fmt_obj: &PyRef<B>,
    values: &PyRef<B>,
) -> PyResult<B> {
    let Payload::Bytes(f) = &fmt_obj.payload else {
        return Err(ctx.type_error("format must be bytes"));
    };
    let latin1 = |b: &[u8]| b.iter().map(|&c| c as char).collect::<String>();
    let template = latin1(f);
    // A tuple subclass counts as a tuple (`PyTuple_Check`): a namedtuple's fields.
    let items: Vec<PyRef<B>> = match &super::value_of(values).payload {
        Payload::Tuple(t) => t.to_vec(),
        _ => vec![values.clone()],
    };
    let mut prepared = Vec::with_capacity(items.len());
    for v in &items {
        let mut p = prepare(ctx, v)?;
        if let Payload::Bytes(b) = &v.payload {
            p.str = latin1(b);
        } else if matches!(v.payload, Payload::Str(_)) {
            p.str = String::new();
            p.int = Err(format!("%b requires a bytes-like object, not '{}'", p.type_name));
        }
        prepared.push(p);
    }
    let args: Vec<&dyn PercentArg> = prepared.iter().map(|p| p as &dyn PercentArg).collect();
    match fmt::percent_format(&template.replace("%b", "%s"), &args) {
        Ok(s) => {
            let bytes: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
            Ok(PyRef::new(Payload::Bytes(bytes.into_boxed_slice())))
        }
        Err(e) => Err(kind_error(ctx, e.kind, e.msg)),
    }
}

fn prepare<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>) -> PyResult<B, Prepared> {
    let tn = type_name(ctx.vm, v);
    let (int, float) = match as_num(super::value_of(v)) {
        Some(Num::Int(i)) => (Ok(BigInt::from(i)), Ok(i as f64)),
        Some(Num::Big(b)) => (
            Ok(b.clone()),
            num_traits::ToPrimitive::to_f64(b)
                .filter(|f| f.is_finite())
                .ok_or_else(|| "int too large to convert to float".to_string()),
        ),
        Some(Num::Float(f)) => {
            (Ok(num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_default()), Ok(f))
        }
        None => (
            Err(format!("a real number is required, not {tn}")),
            Err(format!("must be real number, not {tn}")),
        ),
    };
    Ok(Prepared { int, float, str: repr::str(ctx, v)?, repr: repr::repr(ctx, v)?, type_name: tn })
}

/// `fmt % values`.
pub fn percent<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    fmt_obj: &PyRef<B>,
    values: &PyRef<B>,
) -> PyResult<B> {
    let Payload::Str(f) = &fmt_obj.payload else {
        return Err(ctx.type_error("format must be str"));
    };
    if f.as_str().contains("%(") {
        return percent_mapping(ctx, f.as_str(), values);
    }
    // A tuple subclass counts as a tuple (`PyTuple_Check`): a namedtuple's fields.
    let items: Vec<PyRef<B>> = match &super::value_of(values).payload {
        Payload::Tuple(t) => t.to_vec(),
        _ => vec![values.clone()],
    };
    let mut prepared = Vec::with_capacity(items.len());
    for v in &items {
        prepared.push(prepare(ctx, v)?);
    }
    let args: Vec<&dyn PercentArg> = prepared.iter().map(|p| p as &dyn PercentArg).collect();
    let mut result = fmt::percent_format(f.as_str(), &args);
    // CPython never says "not all arguments converted" when the right operand is a mapping
    // (anything with `__getitem__` but a tuple or a str: `"text" % {"k": 1}` is "text"). The
    // operand is then the only argument, so the error means no directive took it.
    if let Err(e) = &result
        && e.msg.starts_with("not all arguments")
        && (matches!(
            values.payload,
            Payload::Dict(_) | Payload::List(_) | Payload::Bytes(_) | Payload::Range(_)
        ) || matches!(values.payload, Payload::Instance(_))
            && attr::lookup_special(ctx, values, "__getitem__").is_some())
    {
        result = fmt::percent_format(f.as_str(), &[]);
    }
    match result {
        Ok(s) => Ok(ctx.vm.str(s)),
        Err(e) if e.kind == fmt::ARG_ERROR && e.msg.contains("too large") => {
            Err(kind_error(ctx, "OverflowError", e.msg))
        }
        Err(e) => Err(kind_error(ctx, e.kind, e.msg)),
    }
}

/// `"%(key)s" % mapping`: each keyed directive formats `mapping[key]` on its own.
// Slices only the local template, at boundaries `find` and `char_indices` returned.
#[allow(clippy::indexing_slicing)]
fn percent_mapping<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    template: &str,
    mapping: &PyRef<B>,
) -> PyResult<B> {
    if !matches!(mapping.payload, Payload::Dict(_))
        && attr::lookup_special(ctx, mapping, "__getitem__").is_none()
    {
        return Err(ctx.type_error("format requires a mapping"));
    }
    let mut out = String::new();
    let mut rest = template;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if let Some(stripped) = after.strip_prefix('%') {
            out.push('%');
            rest = stripped;
            continue;
        }
        let Some(key_part) = after.strip_prefix('(') else {
            return Err(ctx.type_error("format requires a mapping"));
        };
        let mut depth = 1;
        let mut end = None;
        for (j, c) in key_part.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(j);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(end) = end else { return Err(ctx.value_error("incomplete format key")) };
        let key = ctx.vm.str(&key_part[..end]);
        let spec_start = &key_part[end + 1..];
        let spec_len = spec_start
            .char_indices()
            .find(|(_, c)| c.is_ascii_alphabetic() && !matches!(c, 'h' | 'l' | 'L') || *c == '%')
            .map(|(j, c)| j + c.len_utf8())
            .ok_or_else(|| ctx.value_error("incomplete format"))?;
        let value = super::seq::getitem(ctx, mapping, &key)?;
        let one = ctx.vm.str(format!("%{}", &spec_start[..spec_len]));
        let single = ctx.vm.tuple(vec![value]);
        let piece = percent(ctx, &one, &single)?;
        out.push_str(super::as_str(&piece).unwrap_or(""));
        rest = &spec_start[spec_len..];
    }
    out.push_str(rest);
    Ok(ctx.vm.str(out))
}
