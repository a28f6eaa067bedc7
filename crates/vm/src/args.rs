//! The calling convention of everything implemented in Rust: [`NativeFn`], a function taking
//! the thread's [`Ctx`] and the call's [`Args`] (the vectorcall convention: positional values,
//! then keyword values named by `kwnames`).
//!
//! It sits at the object model's floor, next to [`Ctx`], because a built-in function object
//! ([`crate::object::BuiltinFn`]) holds a [`NativeFn`] and `ops` calls one; the built-ins
//! themselves (`builtins/`) are written against it from the floor above and re-export it.

use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::{Payload, PyRef};

/// The signature of every built-in.
pub type NativeFn<B> = for<'a, 'b, 'c> fn(&'a mut Ctx<'b, B>, Args<'c, B>) -> PyResult<B>;

/// The arguments of a call in the vectorcall convention.
#[derive(Clone, Copy)]
pub struct Args<'a, B: Backend> {
    /// Positional values followed by keyword values.
    pub args: &'a [PyRef<B>],
    /// Names of the trailing keyword values.
    pub kwnames: &'a [PyRef<B>],
}

impl<'a, B: Backend> Args<'a, B> {
    /// The positional values.
    pub fn positional(&self) -> &'a [PyRef<B>] {
        &self.args[..self.args.len() - self.kwnames.len()]
    }

    /// The keyword value named `name`.
    pub fn kwarg(&self, name: &str) -> Option<&'a PyRef<B>> {
        let npos = self.args.len() - self.kwnames.len();
        self.kwnames
            .iter()
            .position(|k| matches!(&k.payload, Payload::Str(s) if s.as_str() == name))
            .map(|i| &self.args[npos + i])
    }

    /// `(name, value)` for each keyword argument.
    pub fn kwargs(&self) -> impl Iterator<Item = (&'a str, &'a PyRef<B>)> + 'a {
        let npos = self.args.len() - self.kwnames.len();
        let args = self.args;
        self.kwnames.iter().enumerate().map(move |(i, k)| {
            let name = match &k.payload {
                Payload::Str(s) => s.as_str(),
                _ => "",
            };
            (name, &args[npos + i])
        })
    }

    /// Checks the positional count against `min..=max` and that every keyword is in
    /// `keywords`, raising CPython's `TypeError`s.
    pub fn check(
        &self,
        ctx: &Ctx<'_, B>,
        fname: &str,
        min: usize,
        max: usize,
        keywords: &[&str],
    ) -> PyResult<B, ()> {
        let n = self.positional().len();
        if n < min || n > max {
            let msg = if min == max {
                if min == 0 {
                    format!("{fname}() takes no arguments ({n} given)")
                } else if min == 1 {
                    format!("{fname}() takes exactly one argument ({n} given)")
                } else {
                    format!("{fname}() takes exactly {min} arguments ({n} given)")
                }
            } else if n < min {
                format!("{fname} expected at least {min} argument{}, got {n}", plural(min))
            } else {
                format!("{fname} expected at most {max} argument{}, got {n}", plural(max))
            };
            return Err(ctx.type_error(msg));
        }
        for (k, _) in self.kwargs() {
            if !keywords.contains(&k) {
                return Err(
                    ctx.type_error(format!("{fname}() got an unexpected keyword argument '{k}'"))
                );
            }
        }
        Ok(())
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
