//! Methods of `bytes`, with CPython 3.11's semantics and error messages, and the decoders
//! behind `bytes.decode` (UTF-8, ASCII, Latin-1, UTF-16 and UTF-32).
//!
//! Character classes and case conversions of `bytes` are ASCII-only, as in CPython; whitespace is
//! `b' \t\n\r\x0b\x0c'`. Argument parsing is shared with `str` (see [`super::str::parse`]).

use super::str::{
    Codec, Parsed, Sig, adjust, c_int_arg, index_arg, join_items, lookup_codec, parse, slice_index,
    text_param, too_long, unknown_encoding, unknown_handler,
};
use crate::backend::Backend;
use crate::builtins::{Args, add, native};
use crate::ctx::{Ctx, PyResult};
use crate::object::{Payload, PyRef, Wrapper};
use crate::ops::{dicts, type_name};
use crate::vm::Vm;

mod decode;
mod helpers;
mod methods;
mod more;

pub(crate) use decode::*;
use helpers::*;
use methods::*;
use more::*;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let t = &vm.core.types.bytes;
    add(vm, t, "decode", bytes_decode);
    add(vm, t, "hex", bytes_hex);
    add(vm, t, "split", bytes_split);
    add(vm, t, "rsplit", bytes_rsplit);
    add(vm, t, "splitlines", bytes_splitlines);
    add(vm, t, "join", bytes_join);
    add(vm, t, "strip", bytes_strip);
    add(vm, t, "lstrip", bytes_lstrip);
    add(vm, t, "rstrip", bytes_rstrip);
    add(vm, t, "startswith", bytes_startswith);
    add(vm, t, "endswith", bytes_endswith);
    add(vm, t, "find", bytes_find);
    add(vm, t, "rfind", bytes_rfind);
    add(vm, t, "index", bytes_index);
    add(vm, t, "rindex", bytes_rindex);
    add(vm, t, "count", bytes_count);
    add(vm, t, "replace", bytes_replace);
    add(vm, t, "upper", bytes_upper);
    add(vm, t, "lower", bytes_lower);
    add(vm, t, "capitalize", bytes_capitalize);
    add(vm, t, "swapcase", bytes_swapcase);
    add(vm, t, "title", bytes_title);
    add(vm, t, "isdigit", bytes_isdigit);
    add(vm, t, "isalpha", bytes_isalpha);
    add(vm, t, "isalnum", bytes_isalnum);
    add(vm, t, "isspace", bytes_isspace);
    add(vm, t, "isupper", bytes_isupper);
    add(vm, t, "islower", bytes_islower);
    add(vm, t, "istitle", bytes_istitle);
    add(vm, t, "isascii", bytes_isascii);
    add(vm, t, "partition", bytes_partition);
    add(vm, t, "rpartition", bytes_rpartition);
    add(vm, t, "removeprefix", bytes_removeprefix);
    add(vm, t, "removesuffix", bytes_removesuffix);
    add(vm, t, "center", bytes_center);
    add(vm, t, "ljust", bytes_ljust);
    add(vm, t, "rjust", bytes_rjust);
    add(vm, t, "zfill", bytes_zfill);
    add(vm, t, "expandtabs", bytes_expandtabs);
    add(vm, t, "translate", bytes_translate);
    let maketrans = native("maketrans", bytes_maketrans::<B>);
    let wrapped = PyRef::new(Payload::Wrapper(Box::new(Wrapper::StaticMethod(maketrans))));
    dicts::set_name(t, vm.intern("maketrans"), wrapped);
    let fromhex = native("fromhex", bytes_fromhex::<B>);
    let wrapped = PyRef::new(Payload::Wrapper(Box::new(Wrapper::ClassMethod(fromhex))));
    dicts::set_name(t, vm.intern("fromhex"), wrapped);
}
