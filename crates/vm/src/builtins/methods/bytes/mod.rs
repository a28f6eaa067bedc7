//! Methods of `bytes`, with CPython 3.11's semantics and error messages: the ones it shares
//! with `str` (`methods::text`, over the bytes of `view`) and its own: `decode` (the
//! decoders: UTF-8, ASCII, Latin-1, UTF-16 and UTF-32), `hex`, `fromhex`, `translate` and
//! `maketrans`.
//!
//! Character classes and case conversions of `bytes` are ASCII-only, as in CPython; whitespace
//! is `b' \t\n\r\x0b\x0c'`.

mod decode;
mod hex;
mod translate;
mod view;

pub(crate) use decode::decode;

use crate::backend::Backend;
use crate::builtins::add;
use crate::builtins::methods::list::{add_classmethod, add_wrapped};
use crate::builtins::methods::text;
use crate::object::Wrapper;
use crate::vm::Vm;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let t = &vm.core.types.bytes;
    text::install::<B, [u8]>(vm, t);
    add(vm, t, "decode", decode::bytes_decode);
    add(vm, t, "hex", hex::hex);
    add(vm, t, "translate", translate::translate);
    add_wrapped(vm, t, "maketrans", translate::maketrans::<B>, Wrapper::StaticMethod);
    add_classmethod(vm, t, "fromhex", hex::fromhex::<B>);
}
