//! The `is*` predicates both kinds have: `isalpha`, `isalnum`, `isdigit`, `isspace`,
//! `isascii`, `isupper`, `islower` and `istitle` (`str` adds its Unicode-only ones).

use super::Methods;
use super::args::{Sig, recv};
use super::kind::{Class, PyText, Text, Unit};
use crate::backend::Backend;
use crate::builtins::Args;
use crate::ctx::{Ctx, PyResult};

impl<B: Backend, T: PyText + ?Sized> Methods<B, T> {
    /// A method without arguments that tests the text with `f`.
    pub(crate) fn predicate(
        ctx: &mut Ctx<'_, B>,
        args: Args<'_, B>,
        name: &str,
        f: impl FnOnce(&T) -> bool,
    ) -> PyResult<B> {
        let (_, s, _) = recv::<B, T>(ctx, &args, name, Sig::NoArgs)?;
        Ok(ctx.vm.bool(f(s)))
    }
}

/// Whether the text is not empty and every unit passes `f`.
pub(crate) fn all_of<T: Text + ?Sized>(s: &T, f: impl Fn(T::Unit) -> bool) -> bool {
    s.size() > 0 && s.units().all(|(_, u)| f(u))
}

/// `isalpha`, `isalnum`, `isdigit`, `isspace`: not empty, and every unit of class `class`.
pub(super) fn all_are<T: Text + ?Sized>(s: &T, class: Class) -> bool {
    all_of(s, |u| u.is(class))
}

/// `isascii`: every unit (of none, too) ASCII.
pub(super) fn all_ascii<T: Text + ?Sized>(s: &T) -> bool {
    s.units().all(|(_, u)| u.is(Class::Ascii))
}

/// `isupper`, `islower`: some letter of case `case` (`Upper` or `Lower`), and none of another
/// case.
pub(super) fn cased_only<T: Text + ?Sized>(s: &T, case: Class) -> bool {
    let mut found = false;
    for (_, u) in s.units() {
        let other = [Class::Upper, Class::Lower, Class::Title];
        if other.into_iter().any(|k| k != case && u.is(k)) {
            return false;
        }
        found |= u.is(case);
    }
    found
}

/// `istitle`: some cased letter; uppercase and titlecase ones only after uncased units,
/// lowercase ones only after cased ones.
pub(super) fn is_titled<T: Text + ?Sized>(s: &T) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for (_, u) in s.units() {
        if u.is(Class::Upper) || u.is(Class::Title) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if u.is(Class::Lower) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}
