//! `try`, `with`, `raise`, `assert`, and leaving blocks early (`break`, `continue`, `return`).
//!
//! Handlers use CPython 3.11's zero-cost scheme: `Setup` pseudo-instructions (SETUP_FINALLY,
//! SETUP_CLEANUP, SETUP_WITH) and `PopBlock` delimit protected code, and the assembler turns
//! them into exception-table entries. The handler bodies follow `compile.c` exactly:
//!
//! ```text
//! try/except:   SETUP_FINALLY except; body; POP_BLOCK; orelse; JUMP end
//!   except:     SETUP_CLEANUP cleanup; PUSH_EXC_INFO
//!               [type; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next]
//!               (as e: STORE e; SETUP_CLEANUP cleanup_end; body; POP_BLOCK; POP_BLOCK;
//!                POP_EXCEPT; e = None; del e; JUMP end;
//!                cleanup_end: e = None; del e; RERAISE 1)
//!               (no name: POP_TOP; body; POP_BLOCK; POP_EXCEPT; JUMP end)
//!     next:     ... RERAISE 0
//!   cleanup:    COPY 3; POP_EXCEPT; RERAISE 1
//! try/finally:  SETUP_FINALLY end; body; POP_BLOCK; finalbody; JUMP exit
//!   end:        SETUP_CLEANUP cleanup; PUSH_EXC_INFO; finalbody; RERAISE 0
//!   cleanup:    COPY 3; POP_EXCEPT; RERAISE 1
//! with:         mgr; BEFORE_WITH; SETUP_WITH final; (store or POP_TOP); body; POP_BLOCK;
//!               LOAD_CONST None x3; CALL 2; POP_TOP; JUMP exit
//!   final:      SETUP_CLEANUP cleanup; PUSH_EXC_INFO; WITH_EXCEPT_START;
//!               POP_JUMP_IF_TRUE suppress; RERAISE 2
//!   cleanup:    COPY 3; POP_EXCEPT; RERAISE 1
//!   suppress:   POP_TOP; POP_BLOCK; POP_EXCEPT; POP_TOP; POP_TOP
//! ```
//!
//! `break`/`continue`/`return` unwind the frame blocks between them and their target
//! (CPython's `compiler_unwind_fblock_stack`): pop the `for` iterator, `POP_BLOCK` a `try`,
//! run a copy of a `finally` body, call a `with`'s `__exit__(None, None, None)`, end an
//! `except` handler (`POP_EXCEPT`, clearing the `as` name).

use super::{Compiler, FBlock, FBlockKind, Result};
use crate::code::Constant;
use crate::opcode::Opcode;
use gillab_syntax::ast::{ExceptHandler, Expr, Stmt, WithItem};
use gillab_syntax::{Span, SyntaxError};

impl<'a> Compiler<'a> {
    /// `try` with any combination of handlers, `else` and `finally`.
    pub fn try_stmt(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> Result<()> {
        if finalbody.is_empty() {
            return self.try_except(body, handlers, orelse);
        }
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.setup(end, false);
        self.push_fblock(FBlockKind::FinallyTry(finalbody), None, None);
        if handlers.is_empty() {
            self.body_stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.pop_block();
        self.pop_fblock();
        self.body_stmts(finalbody)?;
        self.jump(exit);
        self.bind(end);
        self.setup(cleanup, true);
        self.emit(Opcode::PushExcInfo, 0);
        self.push_fblock(FBlockKind::FinallyEnd, None, None);
        self.body_stmts(finalbody)?;
        self.pop_fblock();
        self.emit(Opcode::Reraise, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    fn pop_except_and_reraise(&mut self) {
        self.emit(Opcode::Copy, 3);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 1);
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> Result<()> {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.setup(except, false);
        self.push_fblock(FBlockKind::TryExcept, None, None);
        self.body_stmts(body)?;
        self.pop_fblock();
        self.pop_block();
        self.body_stmts(orelse)?;
        self.jump(end);
        self.bind(except);
        self.setup(cleanup, true);
        self.emit(Opcode::PushExcInfo, 0);
        self.push_fblock(FBlockKind::ExceptionHandler, None, None);
        for (i, h) in handlers.iter().enumerate() {
            self.set_line(h.span);
            if h.typ.is_none() && i + 1 < handlers.len() {
                let span = h.body.last().map_or(h.span, |s| h.span.to(s.span));
                return Err(SyntaxError::new("default 'except:' must be last", span));
            }
            let next = self.new_label();
            if let Some(t) = &h.typ {
                self.expr(t)?;
                self.emit(Opcode::CheckExcMatch, 0);
                self.emit_jump(Opcode::PopJumpIfFalse, next);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                self.nameop(&name.name, super::Ctx::Store, name.span)?;
                self.setup(cleanup_end, true);
                self.push_fblock(FBlockKind::HandlerCleanup(Some(&name.name)), None, None);
                self.body_stmts(&h.body)?;
                self.pop_fblock();
                self.pop_block();
                self.pop_block();
                self.emit(Opcode::PopExcept, 0);
                self.clear_name(&name.name, name.span)?;
                self.jump(end);
                self.bind(cleanup_end);
                self.clear_name(&name.name, name.span)?;
                self.emit(Opcode::Reraise, 1);
            } else {
                self.emit(Opcode::PopTop, 0);
                self.push_fblock(FBlockKind::HandlerCleanup(None), None, None);
                self.body_stmts(&h.body)?;
                self.pop_fblock();
                self.pop_block();
                self.emit(Opcode::PopExcept, 0);
                self.jump(end);
            }
            self.bind(next);
        }
        self.pop_fblock();
        self.emit(Opcode::Reraise, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    /// `name = None; del name` (the end of `except ... as name:`).
    fn clear_name(&mut self, name: &str, span: Span) -> Result<()> {
        self.load_const(Constant::None);
        self.nameop(name, super::Ctx::Store, span)?;
        self.nameop(name, super::Ctx::Del, span)
    }

    /// `with` (or, with `is_async`, `async with`: `BEFORE_ASYNC_WITH`, and the results of
    /// `__aenter__` and of `__aexit__` awaited, as in CPython 3.11's `compiler_async_with`).
    pub fn with_stmt(
        &mut self,
        stmt: &'a Stmt,
        items: &'a [WithItem],
        body: &'a [Stmt],
        is_async: bool,
    ) -> Result<()> {
        let Some((item, rest)) = items.split_first() else { return self.body_stmts(body) };
        let line = self.line_of(stmt.span);
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.expr(&item.context)?;
        if is_async {
            self.emit(Opcode::BeforeAsyncWith, 0);
            self.await_top(1);
        } else {
            self.emit(Opcode::BeforeWith, 0);
        }
        self.setup_with(final_);
        let kind = if is_async { FBlockKind::AsyncWith(line) } else { FBlockKind::With(line) };
        self.push_fblock(kind, None, None);
        match &item.target {
            Some(t) => self.store_target(t)?,
            None => self.emit(Opcode::PopTop, 0),
        }
        if rest.is_empty() {
            self.body_stmts(body)?;
        } else {
            self.with_stmt(stmt, rest, body, is_async)?;
        }
        self.pop_block();
        self.pop_fblock();
        self.u().line = line;
        self.call_exit_with_nones();
        if is_async {
            self.await_top(2);
        }
        self.emit(Opcode::PopTop, 0);
        self.jump(exit);
        self.bind(final_);
        self.setup(cleanup, true);
        self.emit(Opcode::PushExcInfo, 0);
        self.emit(Opcode::WithExceptStart, 0);
        if is_async {
            self.await_top(2);
        }
        let suppress = self.new_label();
        self.emit_jump(Opcode::PopJumpIfTrue, suppress);
        self.emit(Opcode::Reraise, 2);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(suppress);
        self.emit(Opcode::PopTop, 0);
        self.pop_block();
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::PopTop, 0);
        self.emit(Opcode::PopTop, 0);
        self.bind(exit);
        Ok(())
    }

    /// `exit_fn(None, None, None)` with `[exit_fn, ...]` below: the first `None` fills the
    /// `self_or_null` slot, so `CALL 2` passes three arguments (as CPython 3.11 does).
    pub(crate) fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Opcode::Call, 2);
    }

    /// `raise`, `raise exc`, `raise exc from cause`.
    pub fn raise(&mut self, exc: &'a Option<Expr>, cause: &'a Option<Expr>) -> Result<()> {
        let mut n = 0;
        if let Some(e) = exc {
            self.expr(e)?;
            n += 1;
            if let Some(c) = cause {
                self.expr(c)?;
                n += 1;
            }
        }
        self.emit(Opcode::RaiseVarargs, n);
        Ok(())
    }

    /// `assert test, msg`: `LOAD_ASSERTION_ERROR; [msg; CALL 0]; RAISE_VARARGS 1`.
    pub fn assert_stmt(&mut self, test: &'a Expr, msg: &'a Option<Expr>) -> Result<()> {
        let end = self.new_label();
        self.jump_if(test, end, true)?;
        self.emit(Opcode::LoadAssertionError, 0);
        if let Some(m) = msg {
            self.expr(m)?;
            self.emit(Opcode::Call, 0);
        }
        self.emit(Opcode::RaiseVarargs, 1);
        self.bind(end);
        Ok(())
    }

    /// Emits the code that leaves frame block `fb` early (CPython's `compiler_unwind_fblock`).
    /// `preserve_tos`: a return value is on top of the stack and must survive.
    fn unwind_fblock(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> Result<()> {
        match &fb.kind {
            FBlockKind::WhileLoop | FBlockKind::ExceptionHandler => {}
            FBlockKind::ForLoop | FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
            }
            FBlockKind::TryExcept => self.pop_block(),
            FBlockKind::FinallyTry(finalbody) => {
                self.pop_block();
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, None, None);
                }
                self.body_stmts(finalbody)?;
                if preserve_tos {
                    self.pop_fblock();
                }
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.pop_block();
                self.emit(Opcode::PopExcept, 0);
            }
            FBlockKind::With(line) | FBlockKind::AsyncWith(line) => {
                let saved = self.ur().line;
                self.u().line = *line;
                self.pop_block();
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.call_exit_with_nones();
                if matches!(fb.kind, FBlockKind::AsyncWith(_)) {
                    self.await_top(2);
                }
                self.emit(Opcode::PopTop, 0);
                self.u().line = saved;
            }
            FBlockKind::HandlerCleanup(name) => {
                if name.is_some() {
                    self.pop_block();
                }
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.pop_block();
                self.emit(Opcode::PopExcept, 0);
                if let Some(name) = name {
                    self.clear_name(name, Span::default())?;
                }
            }
        }
        Ok(())
    }

    /// Unwinds every frame block, innermost first, stopping at the innermost loop when
    /// `to_loop` is set; returns that loop.
    pub fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        to_loop: bool,
    ) -> Result<Option<FBlock<'a>>> {
        let Some(top) = self.ur().fblocks.last().cloned() else { return Ok(None) };
        if to_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        self.unwind_fblock(&top, preserve_tos)?;
        let found = self.unwind_fblock_stack(preserve_tos, to_loop)?;
        self.u().fblocks.push(top);
        Ok(found)
    }

    /// `break` (`continue` when `is_continue`).
    pub fn break_continue(&mut self, stmt: &'a Stmt, is_continue: bool) -> Result<()> {
        let lp = self.unwind_fblock_stack(false, true)?;
        let Some(lp) = lp else {
            let msg = if is_continue {
                "'continue' not properly in loop"
            } else {
                "'break' outside loop"
            };
            return Err(SyntaxError::new(msg, stmt.span));
        };
        if is_continue {
            self.jump(lp.block.expect("loops have a continue target"));
        } else {
            self.unwind_fblock(&lp, false)?;
            self.jump(lp.exit.expect("loops have a break target"));
        }
        Ok(())
    }

    /// `return` / `return value`.
    pub fn return_stmt(&mut self, stmt: &'a Stmt, value: &'a Option<Expr>) -> Result<()> {
        if !self.ur().kind.is_function_like() {
            return Err(SyntaxError::new("'return' outside function", stmt.span));
        }
        let constant = value.as_ref().and_then(crate::fold::fold);
        let preserve_tos = value.is_some() && constant.is_none();
        if preserve_tos && let Some(v) = value {
            self.expr(v)?;
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        self.set_line(stmt.span);
        match constant {
            Some(c) => self.load_const(c),
            None if !preserve_tos => self.load_const(Constant::None),
            None => {}
        }
        self.emit(Opcode::ReturnValue, 0);
        Ok(())
    }
}
