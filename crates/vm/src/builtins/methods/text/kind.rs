//! What the shared methods need to know about a kind of text: its units and their classes
//! ([`Unit`]), how to search, slice and build it ([`Text`]), and how it meets Python objects
//! and error messages ([`PyText`]). `str` implements them in `methods::str::view`, `bytes` in
//! `methods::bytes::view`.

use crate::backend::Backend;
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{Payload, PyRef};
use crate::vm::Vm;
use std::borrow::Cow;

/// A class of units the shared methods test.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Whitespace (`isspace`, `split()`, `strip()`).
    Space,
    /// A line boundary of `splitlines`.
    Linebreak,
    /// `isalpha`.
    Alpha,
    /// `isalnum`.
    Alnum,
    /// `isdigit`.
    Digit,
    /// An uppercase letter.
    Upper,
    /// A lowercase letter.
    Lower,
    /// A titlecase letter (category Lt; there is none among bytes).
    Title,
    /// `isascii`.
    Ascii,
}

/// One unit of a text: a code point of a `str` or a byte of a `bytes`, with its [`Class`]es
/// (Unicode ones for code points, ASCII ones for bytes, as in CPython).
pub(crate) trait Unit: Copy + Eq {
    /// The unit of an ASCII character (`b' '`, `b'0'`, `b'\t'`, ...).
    fn ascii(b: u8) -> Self;
    /// Whether the unit is of class `class`.
    fn is(self, class: Class) -> bool;
    /// A letter with case: upper, lower or title.
    fn is_cased(self) -> bool {
        self.is(Class::Upper) || self.is(Class::Lower) || self.is(Class::Title)
    }
}

/// A text as a sequence of [`Unit`]s: `str` (code points stored as UTF-8) or `[u8]`.
///
/// *Offsets* count storage bytes; *indices* count units, as Python's positions do. For bytes
/// the two are the same.
pub(crate) trait Text: PartialEq {
    /// What the text is made of.
    type Unit: Unit;
    /// A text being built (`String`, `Vec<u8>`).
    type Buf: Default;
    /// The length in storage bytes.
    fn size(&self) -> usize;
    /// The length in units (Python's `len`).
    fn units_len(&self) -> usize;
    /// The units, each with its offset.
    fn units(&self) -> impl DoubleEndedIterator<Item = (usize, Self::Unit)> + '_;
    /// The units, for algorithms that look at a unit's neighbours.
    fn unit_vec(&self) -> Cow<'_, [Self::Unit]>;
    /// The storage size of one unit.
    fn width(u: Self::Unit) -> usize;
    /// The part between two offsets (empty unless both are unit boundaries, `from <= to`).
    fn part(&self, from: usize, to: usize) -> &Self;
    /// The part between unit indices `a <= b` (clamped to the end).
    fn window(&self, a: usize, b: usize) -> &Self;
    /// The index of the unit at `offset`.
    fn index_at(&self, offset: usize) -> usize;
    /// The offset of the first occurrence of `sub`.
    fn find(&self, sub: &Self) -> Option<usize>;
    /// The offset of the last occurrence of `sub`.
    fn rfind(&self, sub: &Self) -> Option<usize>;
    /// Appends a unit.
    fn push(out: &mut Self::Buf, u: Self::Unit);
    /// Appends a text.
    fn push_text(out: &mut Self::Buf, t: &Self);
    /// Reserves room for `n` more storage bytes; `false` when that cannot be allocated.
    fn try_reserve(out: &mut Self::Buf, n: usize) -> bool;
    /// The text in uppercase.
    fn upper(&self) -> Self::Buf;
    /// The text in lowercase.
    fn lower(&self) -> Self::Buf;
    /// Appends the uppercase of `u`.
    fn push_upper(u: Self::Unit, out: &mut Self::Buf);
    /// Appends the titlecase of `u`.
    fn push_title(u: Self::Unit, out: &mut Self::Buf);
    /// Appends the lowercase of `units[i]`, which may depend on its neighbours (final sigma).
    fn push_lower(units: &[Self::Unit], i: usize, out: &mut Self::Buf);

    /// The rest of the text after `offset`.
    fn tail(&self, offset: usize) -> &Self {
        self.part(offset, self.size())
    }

    /// The text without `prefix`, if it starts with it.
    fn after_prefix(&self, prefix: &Self) -> Option<&Self> {
        let n = prefix.size();
        (n <= self.size() && self.part(0, n) == prefix).then(|| self.tail(n))
    }

    /// The text without `suffix`, if it ends with it.
    fn before_suffix(&self, suffix: &Self) -> Option<&Self> {
        let cut = self.size().checked_sub(suffix.size())?;
        (self.tail(cut) == suffix).then(|| self.part(0, cut))
    }

    /// The first unit, if any.
    fn first_unit(&self) -> Option<Self::Unit> {
        self.units().next().map(|(_, u)| u)
    }
}

/// Which argument of which method a text argument is: it decides the wording of the
/// `TypeError` when the argument has the wrong type (`str` words each one differently).
#[derive(Clone, Copy)]
pub(crate) enum Role<'n> {
    /// The substring of `find`/`index`/`count`/`partition`.
    Sub,
    /// The `sep` of `split`/`rsplit` (`None` is taken care of before).
    Sep,
    /// The `chars` of `strip` and friends, named by the method (`None` is taken care of
    /// before).
    Chars(&'n str),
    /// An item of the tuple given to `startswith`/`endswith`, named by the method.
    AffixItem(&'n str),
    /// Argument Clinic's argument `n` (from 1) of a method (`replace`, `maketrans`).
    Nth(&'n str, usize),
    /// Argument Clinic's only argument of a method (`removeprefix`).
    Only(&'n str),
}

/// A kind of text as Python sees it: its class, how it is stored in an object, and CPython's
/// messages about it.
pub(crate) trait PyText: Text {
    /// The class name, as messages show it (`str`, `bytes`).
    const CLASS: &'static str;
    /// The `ValueError` of `index`/`rindex` when nothing is found.
    const NOT_FOUND: &'static str;
    /// What `join` expected of an item (`sequence item 0: expected ..., int found`).
    const JOIN_ITEM: &'static str;
    /// Whether `expandtabs` returns the object itself when there is no tab (CPython's `str`
    /// does; its `bytes` always copies).
    const EXPANDTABS_KEEPS_SELF: bool;

    /// The text of an object of this kind.
    fn of<B: Backend>(p: &Payload<B>) -> Option<&Self>;
    /// A new object holding `t`.
    fn wrap<B: Backend>(vm: &Vm<B>, t: &Self) -> PyRef<B>;
    /// A new object holding a built text.
    fn wrap_buf<B: Backend>(vm: &Vm<B>, t: Self::Buf) -> PyRef<B>;
    /// The `TypeError` for `v` given as a text argument in role `role`.
    fn arg_error<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>, role: Role<'_>) -> PyErr<B>;
    /// The needle of `find`/`index`/`count` (a `bytes` method also takes one byte as an int).
    fn needle<'a, B: Backend>(ctx: &mut Ctx<'_, B>, v: &'a PyRef<B>) -> PyResult<B, &'a Self> {
        text_arg(ctx, v, Role::Sub)
    }
    /// The `fillchar` argument of method `name` (`center`, `ljust`, `rjust`).
    fn fill_char<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>, name: &str)
    -> PyResult<B, Self::Unit>;
}

/// A text argument in role `role`, or the `TypeError` CPython raises there.
pub(crate) fn text_arg<'a, B: Backend, T: PyText + ?Sized>(
    ctx: &Ctx<'_, B>,
    v: &'a PyRef<B>,
    role: Role<'_>,
) -> PyResult<B, &'a T> {
    T::of(&crate::ops::value_of(v).payload).ok_or_else(|| T::arg_error(ctx, v, role))
}

/// An optional text argument in which `None` means the default.
pub(crate) fn opt_text_arg<'a, B: Backend, T: PyText + ?Sized>(
    ctx: &Ctx<'_, B>,
    v: Option<&'a PyRef<B>>,
    role: Role<'_>,
) -> PyResult<B, Option<&'a T>> {
    match v {
        Some(v) if !matches!(v.payload, Payload::None) => text_arg(ctx, v, role).map(Some),
        _ => Ok(None),
    }
}
