//! Python-compatible text formatting primitives.
//!
//! Everything here reproduces CPython 3.11's output byte for byte and has no
//! dependency on the VM's object model:
//!
//! - [`float_repr`]: `repr(float)` / `str(float)`.
//! - [`parse_spec_for`], [`FormatSpec`], [`format_int`], [`format_float`],
//!   [`format_str`]: the format-spec mini-language of `format()`, f-strings
//!   and `str.format`.
//! - [`percent_format`] with [`PercentArg`]: `str % args`.
//! - [`int_to_base`], [`int_to_str`], [`parse_int`], [`parse_float`]:
//!   `hex()`/`oct()`/`bin()`, `str(int)`, `int(str, base)`, `float(str)`.
//! - [`str_repr`], [`bytes_repr`], [`ascii_escape`], [`push_escape`],
//!   [`is_printable`]: `repr()` of str and bytes, `ascii()`, the `\x`/`\u`/`\U`
//!   escapes, `str.isprintable()` (from `gillab_compiler::repr`, which the
//!   disassembler uses too).
//!
//! Errors are returned as CPython's exception messages (never panics). The
//! format functions return `Err(message)`; the message is a `ValueError`
//! except for the few that [`format_error_kind`] classifies as
//! `OverflowError`.

mod float;
mod number;
mod parse;
mod percent;
mod spec;
mod unicode_tables;

#[cfg(test)]
mod tests;

pub use float::float_repr;
pub use gillab_compiler::repr::{ascii_escape, bytes_repr, is_printable, push_escape, str_repr};
pub use number::{format_float, format_int, format_str};
pub use parse::{INT_MAX_STR_DIGITS, int_to_base, int_to_str, parse_float, parse_int};
pub use percent::{ARG_ERROR, PercentArg, PercentError, percent_format};
pub use spec::{FormatSpec, parse_spec, parse_spec_for};

/// The CPython exception type of an error message returned by
/// [`format_int`], [`format_float`], [`format_str`] or the spec parser:
/// `"OverflowError"` for `int too large to convert to float`,
/// `%c arg not in range(0x110000)` and `Python int too large to convert to
/// C long`, `"MemoryError"` for `MemoryError`,
/// `"ValueError"` for everything else.
pub fn format_error_kind(msg: &str) -> &'static str {
    match msg {
        "int too large to convert to float"
        | "%c arg not in range(0x110000)"
        | "Python int too large to convert to C long" => "OverflowError",
        "MemoryError" => "MemoryError",
        _ => "ValueError",
    }
}
