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
//! yields each element and returns `None`. An `async def` gets `COROUTINE`, and the
//! coroutine constructs follow `compile.c` likewise:
//!
//! ```text
//! await x:       x; GET_AWAITABLE 0; LOAD_CONST None; (the yield-from loop)
//! async for:     iter; GET_AITER
//!         start: SETUP_FINALLY except; GET_ANEXT; LOAD_CONST None; (loop); POP_BLOCK
//!                target; body; JUMP start
//!        except: END_ASYNC_FOR; orelse
//! async with:    (`exceptions::with_stmt` with `is_async`)
//!                mgr; BEFORE_ASYNC_WITH; GET_AWAITABLE 1; LOAD_CONST None; (loop)
//!                SETUP_WITH final; target; body; POP_BLOCK
//!                exit(None, None, None); GET_AWAITABLE 2; LOAD_CONST None; (loop); POP_TOP
//!         final: as `with`, with GET_AWAITABLE 2; LOAD_CONST None; (loop) after
//!                WITH_EXCEPT_START
//! ```
//!
//! In an async generator (`yield` inside `async def`, or an asynchronous generator
//! expression) each yielded value is wrapped (`ASYNC_GEN_WRAP`) before `YIELD_VALUE`.

use super::{Compiler, FBlockKind, Result};
use crate::code::Constant;
use crate::opcode::Opcode;
use gillab_syntax::ast::{Expr, Stmt};

impl<'a> Compiler<'a> {
    /// Whether the unit being compiled is an async generator.
    pub fn in_async_generator(&self) -> bool {
        self.table.scopes[self.ur().scope].is_async_generator()
    }

    /// `yield` / `yield value` (in an async generator, the value is wrapped first so that its
    /// driver tells it from what an `await` passes through).
    pub fn yield_expr(&mut self, value: Option<&'a Expr>) -> Result<()> {
        match value {
            Some(v) => self.expr(v)?,
            None => self.load_const(Constant::None),
        }
        if self.in_async_generator() {
            self.emit(Opcode::AsyncGenWrap, 0);
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

    /// `await value`.
    pub fn await_expr(&mut self, value: &'a Expr) -> Result<()> {
        self.expr(value)?;
        self.emit(Opcode::GetAwaitable, 0);
        self.load_const(Constant::None);
        self.add_yield_from();
        Ok(())
    }

    /// Awaits the awaitable on top of the stack (`where` as for `GET_AWAITABLE`).
    pub fn await_top(&mut self, where_: u32) {
        self.emit(Opcode::GetAwaitable, where_);
        self.load_const(Constant::None);
        self.add_yield_from();
    }

    /// `async for target in iter: body else: orelse`.
    pub fn async_for(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<()> {
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.expr(iter)?;
        self.emit(Opcode::GetAiter, 0);
        self.bind(start);
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end));
        self.setup(except, false);
        self.emit(Opcode::GetAnext, 0);
        self.load_const(Constant::None);
        self.add_yield_from();
        self.pop_block();
        self.store_target(target)?;
        self.body_stmts(body)?;
        self.set_line(s.span);
        self.jump(start);
        self.pop_fblock();
        self.bind(except);
        self.emit(Opcode::EndAsyncFor, 0);
        self.body_stmts(orelse)?;
        self.bind(end);
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
