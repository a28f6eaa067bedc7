//! `str` as a [`Text`] of code points for the shared methods: positions count code points
//! while the text is stored as UTF-8 (ASCII text, the common case, needs no walk), classes and
//! case mappings follow CPython's Unicode 14 database (`chars.rs`), and the `TypeError`s use
//! `str`'s wordings.

use super::chars::{
    cp_len, is_alpha, is_digit, is_linebreak, is_lower, is_numeric, is_space, is_title_char,
    is_upper, lower, push_lower, push_title, push_upper, upper, window,
};
use crate::backend::Backend;
use crate::builtins::methods::text::{Class, PyText, Role, Text, Unit, bad_argument};
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{Payload, PyRef};
use crate::ops::type_name;
use crate::vm::Vm;
use std::borrow::Cow;

impl Unit for char {
    fn ascii(b: u8) -> char {
        char::from(b)
    }

    fn is(self, class: Class) -> bool {
        match class {
            Class::Space => is_space(self),
            Class::Linebreak => is_linebreak(self),
            Class::Alpha => is_alpha(self),
            Class::Alnum => is_alpha(self) || is_numeric(self),
            Class::Digit => is_digit(self),
            Class::Upper => is_upper(self),
            Class::Lower => is_lower(self),
            Class::Title => is_title_char(self),
            Class::Ascii => self.is_ascii(),
        }
    }
}

impl Text for str {
    type Unit = char;
    type Buf = String;

    fn size(&self) -> usize {
        self.len()
    }

    fn units_len(&self) -> usize {
        cp_len(self)
    }

    fn units(&self) -> impl DoubleEndedIterator<Item = (usize, char)> + '_ {
        self.char_indices()
    }

    fn unit_vec(&self) -> Cow<'_, [char]> {
        Cow::Owned(self.chars().collect())
    }

    fn width(u: char) -> usize {
        u.len_utf8()
    }

    fn part(&self, from: usize, to: usize) -> &str {
        self.get(from..to).unwrap_or("")
    }

    fn window(&self, a: usize, b: usize) -> &str {
        window(self, a, b)
    }

    fn index_at(&self, offset: usize) -> usize {
        cp_len(self.part(0, offset))
    }

    fn find(&self, sub: &str) -> Option<usize> {
        str::find(self, sub)
    }

    fn rfind(&self, sub: &str) -> Option<usize> {
        str::rfind(self, sub)
    }

    fn push(out: &mut String, u: char) {
        out.push(u);
    }

    fn push_text(out: &mut String, t: &str) {
        out.push_str(t);
    }

    fn try_reserve(out: &mut String, n: usize) -> bool {
        out.try_reserve(n).is_ok()
    }

    fn upper(&self) -> String {
        upper(self)
    }

    fn lower(&self) -> String {
        lower(self)
    }

    fn push_upper(u: char, out: &mut String) {
        push_upper(u, out);
    }

    fn push_title(u: char, out: &mut String) {
        push_title(u, out);
    }

    fn push_lower(units: &[char], i: usize, out: &mut String) {
        push_lower(units, i, out);
    }
}

impl PyText for str {
    const CLASS: &'static str = "str";
    const NOT_FOUND: &'static str = "substring not found";
    const JOIN_ITEM: &'static str = "str instance";
    const EXPANDTABS_KEEPS_SELF: bool = true;

    fn of<B: Backend>(p: &Payload<B>) -> Option<&str> {
        match p {
            Payload::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }

    fn wrap<B: Backend>(vm: &Vm<B>, t: &str) -> PyRef<B> {
        vm.str(t)
    }

    fn wrap_buf<B: Backend>(vm: &Vm<B>, t: String) -> PyRef<B> {
        vm.str(t)
    }

    fn arg_error<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>, role: Role<'_>) -> PyErr<B> {
        let t = type_name(ctx.vm, v);
        match role {
            Role::Sub => ctx.type_error(format!("must be str, not {t}")),
            Role::Sep => ctx.type_error(format!("must be str or None, not {t}")),
            Role::Chars(name) => ctx.type_error(format!("{name} arg must be None or str")),
            Role::AffixItem(name) => {
                ctx.type_error(format!("tuple for {name} must only contain str, not {t}"))
            }
            Role::Nth(func, n) => bad_argument(ctx, func, &format!("argument {n}"), "str", v),
            Role::Only(func) => bad_argument(ctx, func, "argument", "str", v),
        }
    }

    fn fill_char<B: Backend>(ctx: &Ctx<'_, B>, v: &PyRef<B>, _name: &str) -> PyResult<B, char> {
        let Payload::Str(f) = &v.payload else {
            return Err(ctx.type_error(format!(
                "The fill character must be a unicode character, not {}",
                type_name(ctx.vm, v)
            )));
        };
        let mut cs = f.as_str().chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(ctx.type_error("The fill character must be exactly one character long")),
        }
    }
}
