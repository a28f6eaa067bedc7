//! Methods of `str`, with CPython 3.11's semantics and error messages.
//!
//! Indices are in code points while the text is stored as UTF-8, so every method that takes or
//! returns a position converts between the two (ASCII text, the common case, needs no walk).
//! Character classes (`isalpha`, `isdigit`, identifiers, case folding and titlecase) follow
//! CPython's Unicode 14 database through the tables in `tables.rs`; plain upper and
//! lower case mappings come from Rust's `char` methods.
//!
//! The argument-parsing helpers here ([`parse`], [`index_arg`], [`slice_index`], [`adjust`]) are
//! shared with `bytes` methods, which report errors in the same styles.

use crate::backend::Backend;
use crate::builtins::{Args, add, native, strings};
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{Payload, PyRef, Wrapper};
use crate::ops::{attr, dicts, isinstance, iter, repr, seq, type_name};
use crate::vm::Vm;

mod args;
mod codec;
mod format;
mod methods;
mod more;
mod tables;
mod text;

pub(crate) use args::*;
pub(crate) use codec::*;
#[allow(unused_imports)]
use format::*;
use methods::*;
use more::*;
use tables::*;
pub(crate) use text::*;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let t = &vm.core.types.str_;
    add(vm, t, "join", str_join);
    add(vm, t, "split", str_split);
    add(vm, t, "rsplit", str_rsplit);
    add(vm, t, "splitlines", str_splitlines);
    add(vm, t, "strip", str_strip);
    add(vm, t, "lstrip", str_lstrip);
    add(vm, t, "rstrip", str_rstrip);
    add(vm, t, "startswith", str_startswith);
    add(vm, t, "endswith", str_endswith);
    add(vm, t, "replace", str_replace);
    add(vm, t, "upper", str_upper);
    add(vm, t, "lower", str_lower);
    add(vm, t, "casefold", str_casefold);
    add(vm, t, "title", str_title);
    add(vm, t, "capitalize", str_capitalize);
    add(vm, t, "swapcase", str_swapcase);
    add(vm, t, "find", str_find);
    add(vm, t, "rfind", str_rfind);
    add(vm, t, "index", str_index);
    add(vm, t, "rindex", str_rindex);
    add(vm, t, "count", str_count);
    add(vm, t, "format", str_format);
    add(vm, t, "format_map", str_format_map);
    add(vm, t, "encode", str_encode);
    add(vm, t, "isdigit", str_isdigit);
    add(vm, t, "isalpha", str_isalpha);
    add(vm, t, "isalnum", str_isalnum);
    add(vm, t, "isspace", str_isspace);
    add(vm, t, "isupper", str_isupper);
    add(vm, t, "islower", str_islower);
    add(vm, t, "isdecimal", str_isdecimal);
    add(vm, t, "isnumeric", str_isnumeric);
    add(vm, t, "isidentifier", str_isidentifier);
    add(vm, t, "istitle", str_istitle);
    add(vm, t, "isascii", str_isascii);
    add(vm, t, "isprintable", str_isprintable);
    add(vm, t, "center", str_center);
    add(vm, t, "ljust", str_ljust);
    add(vm, t, "rjust", str_rjust);
    add(vm, t, "zfill", str_zfill);
    add(vm, t, "partition", str_partition);
    add(vm, t, "rpartition", str_rpartition);
    add(vm, t, "expandtabs", str_expandtabs);
    add(vm, t, "removeprefix", str_removeprefix);
    add(vm, t, "removesuffix", str_removesuffix);
    add(vm, t, "translate", str_translate);
    let maketrans = native("maketrans", str_maketrans::<B>);
    let wrapped = PyRef::new(Payload::Wrapper(Box::new(Wrapper::StaticMethod(maketrans))));
    dicts::set_name(t, vm.intern("maketrans"), wrapped);
}

// ---------------------------------------------------------------------------------------------
