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
use crate::builtins::methods::text;
use crate::builtins::{add, native};
use crate::object::{Payload, PyRef, Wrapper};
use crate::ops::dicts;
use crate::vm::Vm;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    let t = &vm.core.types.bytes;
    text::install::<B, [u8]>(vm, t);
    add(vm, t, "decode", decode::bytes_decode);
    add(vm, t, "hex", hex::hex);
    add(vm, t, "translate", translate::translate);
    let maketrans = native("maketrans", translate::maketrans::<B>);
    let wrapped = PyRef::new(Payload::Wrapper(Box::new(Wrapper::StaticMethod(maketrans))));
    dicts::set_name(t, vm.intern("maketrans"), wrapped);
    let fromhex = native("fromhex", hex::fromhex::<B>);
    let wrapped = PyRef::new(Payload::Wrapper(Box::new(Wrapper::ClassMethod(fromhex))));
    dicts::set_name(t, vm.intern("fromhex"), wrapped);
}
