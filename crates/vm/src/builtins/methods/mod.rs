//! Methods of the built-in classes, one file per class family, each with an `install` that
//! stores its functions in the class dict. `text` holds the methods `str` and `bytes` share,
//! written once for both.

pub mod asyncgen;
pub mod bytes;
pub mod constructors;
pub mod descriptors;
pub mod dict;
pub mod generator;
pub mod list;
pub mod numbers;
pub mod object;
pub mod set;
pub mod str;
pub mod subclass;
pub mod syntax_error;
pub mod text;
pub mod types;
pub mod views;

use crate::backend::Backend;
use crate::vm::Vm;

pub(crate) fn install<B: Backend>(vm: &Vm<B>) {
    constructors::install(vm);
    object::install(vm);
    syntax_error::install(vm);
    list::install(vm);
    dict::install(vm);
    views::install(vm);
    generator::install(vm);
    asyncgen::install(vm);
    set::install(vm);
    numbers::install(vm);
    str::install(vm);
    bytes::install(vm);
    subclass::install(vm);
    types::install(vm);
    descriptors::install(vm);
}

/// The `self` argument of a method, checked against the expected payload by the caller's
/// pattern; raises `TypeError` like CPython's descriptor check when it does not match.
#[macro_export]
macro_rules! receiver {
    ($ctx:expr, $args:expr, $name:literal, $pat:pat => $out:expr) => {{
        match $args.args.first().map(|o| (o, &o.payload)) {
            Some((o, $pat)) => (o, $out),
            _ => {
                return Err($ctx.type_error(concat!(
                    "descriptor '",
                    $name,
                    "' requires a different object"
                )));
            }
        }
    }};
}
