//! Text formatting shared by `format()`, f-strings and `str.format`: dispatch on the value's
//! type to the pure formatting code in [`crate::fmt`]. The `%` operator, which `ops` runs, is
//! in [`crate::ops::percent`].

use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::fmt;
use crate::object::{Payload, PyRef};
use crate::ops::compare::{Num, as_num};
use crate::ops::percent::kind_error;
use crate::ops::{attr, repr, type_name};
use num_bigint::BigInt;

/// `ascii(repr_text)`: escapes non-ASCII characters of an already computed repr.
pub fn ascii(s: &str) -> String {
    fmt::ascii_escape(s)
}

/// `format(value, spec)`.
pub fn format_value<B: Backend>(ctx: &mut Ctx<'_, B>, v: &PyRef<B>, spec: &str) -> PyResult<B> {
    let vm = ctx.vm;
    // An instance's `__format__` is called for every spec, the empty one included.
    if let Payload::Instance(_) = &v.payload
        && let Some(r) = attr::call_dunder(ctx, v, "__format__", &[vm.str(spec)])?
    {
        if !matches!(r.payload, Payload::Str(_)) {
            return Err(
                ctx.type_error(format!("__format__ must return a str, not {}", type_name(vm, &r)))
            );
        }
        return Ok(r);
    }
    if spec.is_empty() {
        return repr::str_obj(ctx, v);
    }
    let tn = type_name(vm, v);
    let parsed = fmt::parse_spec_for(spec, &tn).map_err(|m| ctx.value_error(m));
    let out = match (&v.payload, as_num(v)) {
        (Payload::Bool(_), _) if spec.chars().all(|c| !c.is_ascii_alphabetic()) => {
            let n = BigInt::from(matches!(v.payload, Payload::Bool(true)) as i64);
            fmt::format_int(&n, &parsed?)
        }
        (_, Some(Num::Int(i))) => fmt::format_int(&BigInt::from(i), &parsed?),
        (_, Some(Num::Big(b))) => fmt::format_int(b, &parsed?),
        (_, Some(Num::Float(f))) => fmt::format_float(f, &parsed?),
        (Payload::Str(s), _) => fmt::format_str(s.as_str(), &parsed?),
        _ => {
            return Err(ctx.type_error(format!(
                "unsupported format string passed to {}.__format__",
                type_name(vm, v)
            )));
        }
    };
    out.map(|s| vm.str(s)).map_err(|m| kind_error(ctx, fmt::format_error_kind(&m), m))
}
