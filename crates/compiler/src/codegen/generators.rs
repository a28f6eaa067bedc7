//! `yield`, `yield from` and lazy generator expressions (CPython 3.11's `compiler_visit_expr1`
//! cases and `compiler_add_yield_from`).
//!
//! ```text
//! yield x:       x; YIELD_VALUE                      (the sent value is the result)
//! yield from x:  x; GET_YIELD_FROM_ITER; LOAD_CONST None
//!         start: SEND exit; YIELD_VALUE; JUMP_BACKWARD start
//!          exit: (the delegate's return value is the result)
//! ```
//!
//! A scope the symbol table marked as a generator gets the `GENERATOR` code flag, so that
//! calling it makes a generator object (there is no `RETURN_GENERATOR`); a `<genexpr>` body
//! yields each element and returns `None`.

use super::{Compiler, Result};
use crate::code::Constant;
use crate::opcode::Opcode;
use gillab_syntax::ast::Expr;

impl<'a> Compiler<'a> {
    /// `yield` / `yield value`.
    pub fn yield_expr(&mut self, value: Option<&'a Expr>) -> Result<()> {
        match value {
            Some(v) => self.expr(v)?,
            None => self.load_const(Constant::None),
        }
        self.emit(Opcode::YieldValue, 0);
        Ok(())
    }

    /// `yield from value`.
    pub fn yield_from(&mut self, value: &'a Expr) -> Result<()> {
        self.expr(value)?;
        self.emit(Opcode::GetYieldFromIter, 0);
        self.load_const(Constant::None);
        self.add_yield_from();
        Ok(())
    }

    /// The `SEND`/`YIELD_VALUE` loop over the delegate and the value on the stack.
    pub fn add_yield_from(&mut self) {
        let start = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.emit_jump(Opcode::Send, exit);
        self.emit(Opcode::YieldValue, 0);
        self.jump(start);
        self.bind(exit);
    }
}
