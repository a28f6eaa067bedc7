//! `bytes` as a [`Text`] of bytes for the shared methods: ASCII-only character classes and
//! case mappings, whitespace `b' \t\n\r\x0b\x0c'`, and the `TypeError`s in `bytes`'s wordings
//! (a text argument may be any bytes-like object; a needle may be one byte given as an int).

use crate::backend::Backend;
use crate::builtins::methods::text::{Class, PyText, Role, Text, Unit, bad_argument, byte_arg};
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{Payload, PyRef};
use crate::ops::type_name;
use crate::vm::Vm;
use std::borrow::Cow;

/// Every byte, so that a needle given as an int can be borrowed like any other.
static BYTES: [u8; 256] = {
    let mut all = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        all[i] = i as u8;
        i += 1;
    }
    all
};

/// A new `bytes` object.
pub(super) fn new_bytes<B: Backend>(data: impl Into<Box<[u8]>>) -> PyRef<B> {
    PyRef::new(Payload::Bytes(data.into()))
}

/// A bytes-like argument, or `TypeError: a bytes-like object is required, not 'T'`.
pub(super) fn bytes_arg<'a, B: Backend>(
    ctx: &Ctx<'_, B>,
    v: &'a PyRef<B>,
) -> PyResult<B, &'a [u8]> {
    <[u8]>::of(&v.payload).ok_or_else(|| <[u8]>::arg_error(ctx, v, Role::Sub))
}

/// `bytes.isspace` for one byte.
pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

impl Unit for u8 {
    fn ascii(b: u8) -> u8 {
        b
    }

    fn is(self, class: Class) -> bool {
        match class {
            Class::Space => is_space(self),
            Class::Linebreak => self == b'\n' || self == b'\r',
            Class::Alpha => self.is_ascii_alphabetic(),
            Class::Alnum => self.is_ascii_alphanumeric(),
            Class::Digit => self.is_ascii_digit(),
            Class::Upper => self.is_ascii_uppercase(),
            Class::Lower => self.is_ascii_lowercase(),
            Class::Title => false,
            Class::Ascii => self.is_ascii(),
        }
    }
}

impl Text for [u8] {
    type Unit = u8;
    type Buf = Vec<u8>;

    fn size(&self) -> usize {
        self.len()
    }

    fn units_len(&self) -> usize {
        self.len()
    }

    fn units(&self) -> impl DoubleEndedIterator<Item = (usize, u8)> + '_ {
        self.iter().copied().enumerate()
    }

    fn unit_vec(&self) -> Cow<'_, [u8]> {
        Cow::Borrowed(self)
    }

    fn width(_: u8) -> usize {
        1
    }

    fn part(&self, from: usize, to: usize) -> &[u8] {
        self.get(from..to).unwrap_or(&[])
    }

    fn window(&self, a: usize, b: usize) -> &[u8] {
        self.part(a.min(self.len()), b.min(self.len()))
    }

    fn index_at(&self, offset: usize) -> usize {
        offset
    }

    fn find(&self, sub: &[u8]) -> Option<usize> {
        match sub {
            [] => Some(0),
            [b] => self.iter().position(|x| x == b),
            _ if sub.len() > self.len() => None,
            _ => self.windows(sub.len()).position(|w| w == sub),
        }
    }

    fn rfind(&self, sub: &[u8]) -> Option<usize> {
        match sub {
            [] => Some(self.len()),
            [b] => self.iter().rposition(|x| x == b),
            _ if sub.len() > self.len() => None,
            _ => self.windows(sub.len()).rposition(|w| w == sub),
        }
    }

    fn push(out: &mut Vec<u8>, u: u8) {
        out.push(u);
    }

    fn push_text(out: &mut Vec<u8>, t: &[u8]) {
        out.extend_from_slice(t);
    }

    fn try_reserve(out: &mut Vec<u8>, n: usize) -> bool {
        out.try_reserve(n).is_ok()
    }

    fn upper(&self) -> Vec<u8> {
        self.to_ascii_uppercase()
    }

    fn lower(&self) -> Vec<u8> {
        self.to_ascii_lowercase()
    }

    fn push_upper(u: u8, out: &mut Vec<u8>) {
        out.push(u.to_ascii_uppercase());
    }

    fn push_title(u: u8, out: &mut Vec<u8>) {
        out.push(u.to_ascii_uppercase());
    }

    fn push_lower(units: &[u8], i: usize, out: &mut Vec<u8>) {
        out.extend(units.get(i).map(u8::to_ascii_lowercase));
    }
}

impl PyText for [u8] {
    const CLASS: &'static str = "bytes";
    const NOT_FOUND: &'static str = "subsection not found";
    const JOIN_ITEM: &'static str = "a bytes-like object";
    const EXPANDTABS_KEEPS_SELF: bool = false;

    fn of<B: Backend>(p: &Payload<B>) -> Option<&[u8]> {
        match p {
            Payload::Bytes(b) => Some(b),
            _ => None,
        }
    }

    fn wrap<B: Backend>(_: &Vm<B>, t: &[u8]) -> PyRef<B> {
        new_bytes(t)
    }

    fn wrap_buf<B: Backend>(_: &Vm<B>, t: Vec<u8>) -> PyRef<B> {
        new_bytes(t)
    }

    fn arg_error<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>, _: Role<'_>) -> PyErr<B> {
        ctx.type_error(format!("a bytes-like object is required, not '{}'", type_name(ctx.vm, v)))
    }

    fn needle<'a, B: Backend>(ctx: &mut Ctx<'_, B>, v: &'a PyRef<B>) -> PyResult<B, &'a [u8]> {
        if let Some(b) = Self::of(&v.payload) {
            return Ok(b);
        }
        let b = usize::from(byte_arg(ctx, v)?);
        Ok(BYTES.get(b..=b).unwrap_or(&[]))
    }

    fn fill_char<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>, name: &str) -> PyResult<B, u8> {
        match Self::of(&v.payload) {
            Some(&[b]) => Ok(b),
            _ => Err(bad_argument(ctx, name, "argument 2", "a byte string of length 1", v)),
        }
    }
}
