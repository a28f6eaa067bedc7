//! Methods of `str`, with CPython 3.11's semantics and error messages: the ones it shares with
//! `bytes` (`methods::text`, over the code points of `view`) and its own: `format`,
//! `format_map`, `encode`, `casefold`, `translate`, `maketrans` and the Unicode-only
//! predicates.
//!
//! Character classes (`isalpha`, `isdigit`, identifiers, case folding and titlecase) follow
//! CPython's Unicode 14 database through the tables in `tables.rs`; plain upper and lower case
//! mappings come from Rust's `char` methods.

mod chars;
mod codec;
mod format;
mod surrogates;
mod tables;
mod translate;
mod view;

pub(crate) use codec::{
    Codec, encode, lookup_codec, text_param, unknown_encoding, unknown_handler,
};

use crate::backend::Backend;
use crate::builtins::add;
use crate::builtins::methods::list::add_wrapped;
use crate::builtins::methods::text::{self, Methods, all_of};
use crate::object::Wrapper;
use crate::vm::Vm;
use chars::{casefold, is_id_continue, is_id_start};

/// `str`'s character classes for other crates (the `re` module's `\d`, `\w`, `\s`).
pub use chars::{is_alpha, is_decimal, is_numeric, is_space};

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    type M<B> = Methods<B, str>;
    let t = &vm.core.types.str_;
    text::install::<B, str>(vm, t);
    add(vm, t, "casefold", |c, a| M::<B>::map_text(c, a, "casefold", casefold));
    add(vm, t, "isdecimal", |c, a| M::<B>::predicate(c, a, "isdecimal", is_decimal_text));
    add(vm, t, "isnumeric", |c, a| M::<B>::predicate(c, a, "isnumeric", is_numeric_text));
    add(vm, t, "isidentifier", |c, a| M::<B>::predicate(c, a, "isidentifier", is_identifier));
    add(vm, t, "isprintable", |c, a| M::<B>::predicate(c, a, "isprintable", is_printable));
    add(vm, t, "format", format::format);
    add(vm, t, "format_map", format::format_map);
    add(vm, t, "encode", codec::str_encode);
    add(vm, t, "translate", translate::translate);
    add_wrapped(vm, t, "maketrans", translate::maketrans::<B>, Wrapper::StaticMethod);
}

/// `str.isdecimal`: not empty, and every character a decimal digit (category Nd).
fn is_decimal_text(s: &str) -> bool {
    all_of(s, is_decimal)
}

/// `str.isnumeric`: not empty, and every character numeric (digits, fractions, numerals...).
fn is_numeric_text(s: &str) -> bool {
    all_of(s, is_numeric)
}

/// `str.isidentifier`: a letter or `_`, then letters, digits, `_` and the other identifier
/// characters of Unicode (no check for keywords).
fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(is_id_start) && cs.all(is_id_continue)
}

/// `str.isprintable`: every character printable (true for the empty string).
fn is_printable(s: &str) -> bool {
    s.chars().all(crate::fmt::is_printable)
}
