//! The methods `str` and `bytes` have in common, each written once over `PyText` (which
//! `str` implements with code points as units, `[u8]` with bytes), with CPython 3.11's
//! semantics and error messages, and the argument handling both use.
//!
//! `install` stores them in the class dict of either; `methods::str` and `methods::bytes`
//! add the methods only one of them has (formatting, encoding, decoding, hex, translation).

mod args;
mod case;
mod kind;
mod pad;
mod predicates;
mod replace;
mod search;
mod split;
mod strip;

pub(crate) use args::{Sig, bad_argument, byte_arg, c_int_arg, index_arg, parse, recv};
pub(crate) use kind::{Class, PyText, Role, Text, Unit, text_arg};
pub(crate) use predicates::all_of;

use crate::backend::Backend;
use crate::builtins::add;
use crate::object::PyRef;
use crate::vm::Vm;
use std::marker::PhantomData;

/// The methods for texts of kind `T` on backend `B`, as associated functions (each file of
/// this module adds those of its responsibility). Never built: it only names them.
pub(crate) struct Methods<B, T: ?Sized>(PhantomData<fn(&T) -> B>);

/// Stores the shared methods, for texts of kind `T`, in the class dict `t`.
pub(crate) fn install<B: Backend, T: PyText + ?Sized>(vm: &Vm<B>, t: &PyRef<B>) {
    use kind::Class::{Alnum, Alpha, Digit, Lower, Space, Upper};
    use predicates::{all_are, all_ascii, cased_only, is_titled};
    // `register!(f(names))` stores `Methods::f` under each name, which it is also given
    // (`find` serves `find`, `rfind`, `index` and `rindex`); `register!(f(name => g))` also
    // gives it `g`; `register!(fn f, ...)` stores each `Methods::f` under its own name.
    macro_rules! register {
        (fn $($f:ident),*) => {
            $(add(vm, t, stringify!($f), Methods::<B, T>::$f);)*
        };
        ($f:ident($($name:literal),*)) => {
            $(add(vm, t, $name, |c, a| Methods::<B, T>::$f(c, a, $name));)*
        };
        ($f:ident($($name:literal => $g:expr),*)) => {
            $(add(vm, t, $name, |c, a| Methods::<B, T>::$f(c, a, $name, $g));)*
        };
    }
    register!(fn join, splitlines, count, replace, zfill, expandtabs);
    register!(split("split", "rsplit"));
    register!(partition("partition", "rpartition"));
    register!(strip("strip", "lstrip", "rstrip"));
    register!(remove("removeprefix", "removesuffix"));
    register!(affix("startswith", "endswith"));
    register!(find("find", "rfind", "index", "rindex"));
    register!(pad("center", "ljust", "rjust"));
    register!(map_text(
        "upper" => T::upper,
        "lower" => T::lower,
        "title" => case::titled,
        "capitalize" => case::capitalized,
        "swapcase" => case::swapped
    ));
    register!(predicate(
        "isdigit" => |s| all_are(s, Digit),
        "isalpha" => |s| all_are(s, Alpha),
        "isalnum" => |s| all_are(s, Alnum),
        "isspace" => |s| all_are(s, Space),
        "isupper" => |s| cased_only(s, Upper),
        "islower" => |s| cased_only(s, Lower),
        "istitle" => is_titled,
        "isascii" => all_ascii
    ));
}
