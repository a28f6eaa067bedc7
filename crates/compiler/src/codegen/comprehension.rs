//! Comprehensions, as in CPython 3.11: each is a nested function (`<listcomp>`, `<setcomp>`,
//! `<dictcomp>`, `<genexpr>`) whose one parameter `.0` is the iterator of the outermost
//! iterable. The enclosing scope evaluates that iterable, and runs
//! `MAKE_FUNCTION; <iterable>; GET_ITER; CALL 0` (the iterator sits in the `self_or_null` slot,
//! so it is passed as the one argument).
//!
//! Inside, the result container is built with `BUILD_LIST/SET/MAP 0` and filled with
//! `LIST_APPEND`/`SET_ADD`/`MAP_ADD depth+1`, where `depth` counts the iterators on the stack.
//! A generator expression's `<genexpr>` is a generator (the symbol table marks its scope): it
//! builds nothing and yields each element (`YIELD_VALUE; POP_TOP`), then returns `None`, so
//! calling it makes the lazy generator object.

use super::{Compiler, Label, Result};
use crate::opcode::Opcode;
use gillab_syntax::ast::{Comprehension, Expr, ExprKind};

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

impl<'a> Compiler<'a> {
    /// A comprehension or generator expression `e`.
    pub fn comprehension(&mut self, e: &'a Expr) -> Result<()> {
        let (kind, name, generators, elt, value) = match &e.kind {
            ExprKind::ListComp { elt, generators } => {
                (CompKind::List, "<listcomp>", generators, &**elt, None)
            }
            ExprKind::SetComp { elt, generators } => {
                (CompKind::Set, "<setcomp>", generators, &**elt, None)
            }
            ExprKind::DictComp { key, value, generators } => {
                (CompKind::Dict, "<dictcomp>", generators, &**key, Some(&**value))
            }
            ExprKind::GeneratorExp { elt, generators } => {
                (CompKind::Gen, "<genexpr>", generators, &**elt, None)
            }
            _ => unreachable!("not a comprehension"),
        };
        let scope = self.table.scope_for(e).expect("comprehension scope");
        let is_async = self.table.scopes[scope].is_coroutine;
        let line = self.line_of(e.span);
        self.enter_unit(scope, name.to_string(), line);
        self.u().argcount = 1;
        let build = match kind {
            CompKind::List => Some(Opcode::BuildList),
            CompKind::Set => Some(Opcode::BuildSet),
            CompKind::Dict => Some(Opcode::BuildMap),
            CompKind::Gen => None,
        };
        if let Some(build) = build {
            self.emit(build, 0);
        }
        self.comp_generator(generators, 0, 0, elt, value, kind)?;
        if kind == CompKind::Gen {
            self.load_const(crate::code::Constant::None);
        }
        self.emit(Opcode::ReturnValue, 0);
        let code = self.exit_unit(false);
        self.make_closure(code, 0);
        self.iter_expr(&generators[0].iter)?;
        self.emit(if generators[0].is_async { Opcode::GetAiter } else { Opcode::GetIter }, 0);
        self.emit(Opcode::Call, 0);
        if is_async && kind != CompKind::Gen {
            // An async comprehension is a coroutine: the call's result is awaited (an
            // asynchronous generator expression is an async generator, returned as is).
            self.await_top(0);
        }
        Ok(())
    }

    /// One `for` clause and everything inside it (CPython's
    /// `compiler_sync_comprehension_generator`).
    fn comp_generator(
        &mut self,
        generators: &'a [Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> Result<()> {
        let gen_ = &generators[index];
        let mut start: Option<Label> = Some(self.new_label());
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if index == 0 {
            self.emit(Opcode::LoadFast, 0);
        } else {
            // Fast path for the temporary-variable idiom `for y in [f(x)]`.
            if !gen_.is_async
                && let ExprKind::List(elts) | ExprKind::Tuple(elts) = &gen_.iter.kind
                && let [single] = elts.as_slice()
                && !matches!(single.kind, ExprKind::Starred(_))
            {
                self.expr(single)?;
                start = None;
            }
            if start.is_some() {
                self.iter_expr(&gen_.iter)?;
                self.emit(if gen_.is_async { Opcode::GetAiter } else { Opcode::GetIter }, 0);
            }
        }
        if gen_.is_async {
            // `async for` clause (CPython's `compiler_async_comprehension_generator`): the
            // iterator stays below, and `END_ASYNC_FOR` ends the loop on StopAsyncIteration.
            return self.async_comp_clause(generators, index, depth, elt, value, kind);
        }
        if let Some(start) = start {
            depth += 1;
            self.bind(start);
            self.emit_jump(Opcode::ForIter, anchor);
        }
        self.store_target(&gen_.target)?;
        for cond in &gen_.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < generators.len() {
            self.comp_generator(generators, index + 1, depth, elt, value, kind)?;
        } else {
            self.comp_element(depth, elt, value, kind)?;
        }
        self.bind(if_cleanup);
        if let Some(start) = start {
            self.jump(start);
            self.bind(anchor);
        }
        Ok(())
    }
}

impl<'a> Compiler<'a> {
    /// The innermost step: add the element to the result (or yield it).
    fn comp_element(
        &mut self,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> Result<()> {
        self.expr(elt)?;
        match kind {
            CompKind::List => self.emit(Opcode::ListAppend, depth + 1),
            CompKind::Gen => {
                if self.in_async_generator() {
                    self.emit(Opcode::AsyncGenWrap, 0);
                }
                self.emit(Opcode::YieldValue, 0);
                self.emit(Opcode::PopTop, 0);
            }
            CompKind::Set => self.emit(Opcode::SetAdd, depth + 1),
            CompKind::Dict => {
                self.expr(value.expect("dict comprehension value"))?;
                self.emit(Opcode::MapAdd, depth + 1);
            }
        }
        Ok(())
    }

    /// The body of an `async for` clause whose async iterator is on the stack.
    fn async_comp_clause(
        &mut self,
        generators: &'a [Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> Result<()> {
        let gen_ = &generators[index];
        let start = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        self.bind(start);
        self.setup(except, false);
        self.emit(Opcode::GetAnext, 0);
        self.load_const(crate::code::Constant::None);
        self.add_yield_from();
        self.pop_block();
        self.store_target(&gen_.target)?;
        for cond in &gen_.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        let depth = depth + 1;
        if index + 1 < generators.len() {
            self.comp_generator(generators, index + 1, depth, elt, value, kind)?;
        } else {
            self.comp_element(depth, elt, value, kind)?;
        }
        self.bind(if_cleanup);
        self.jump(start);
        self.bind(except);
        self.emit(Opcode::EndAsyncFor, 0);
        Ok(())
    }
}
