//! Case mapping: `upper`, `lower`, `capitalize`, `swapcase` and `title`. Code points map as
//! CPython 3.11's Unicode 14 says (a mapping may give several code points); bytes map only
//! ASCII letters.

use super::Methods;
use super::args::{Sig, recv};
use super::kind::{Class, PyText, Text, Unit};
use crate::backend::Backend;
use crate::builtins::Args;
use crate::ctx::{Ctx, PyResult};

impl<B: Backend, T: PyText + ?Sized> Methods<B, T> {
    /// A method without arguments that maps the text to a new one with `f` (`upper`, `title`,
    /// ...).
    pub(crate) fn map_text(
        ctx: &mut Ctx<'_, B>,
        args: Args<'_, B>,
        name: &str,
        f: fn(&T) -> T::Buf,
    ) -> PyResult<B> {
        let (_, s, _) = recv::<B, T>(ctx, &args, name, Sig::NoArgs)?;
        Ok(T::wrap_buf(ctx.vm, f(s)))
    }
}

/// Each cased unit titlecased after an uncased one, lowercased after a cased one.
pub(super) fn titled<T: Text + ?Sized>(s: &T) -> T::Buf {
    let units = s.unit_vec();
    let mut out = T::Buf::default();
    let mut prev_cased = false;
    for (i, &u) in units.iter().enumerate() {
        if prev_cased {
            T::push_lower(&units, i, &mut out);
        } else {
            T::push_title(u, &mut out);
        }
        prev_cased = u.is_cased();
    }
    out
}

/// The first unit titlecased, the others lowercased.
pub(super) fn capitalized<T: Text + ?Sized>(s: &T) -> T::Buf {
    let units = s.unit_vec();
    let mut out = T::Buf::default();
    for (i, &u) in units.iter().enumerate() {
        if i == 0 {
            T::push_title(u, &mut out);
        } else {
            T::push_lower(&units, i, &mut out);
        }
    }
    out
}

/// Uppercase letters lowercased and lowercase ones uppercased.
pub(super) fn swapped<T: Text + ?Sized>(s: &T) -> T::Buf {
    let units = s.unit_vec();
    let mut out = T::Buf::default();
    for (i, &u) in units.iter().enumerate() {
        if u.is(Class::Upper) {
            T::push_lower(&units, i, &mut out);
        } else if u.is(Class::Lower) {
            T::push_upper(u, &mut out);
        } else {
            T::push(&mut out, u);
        }
    }
    out
}
