//! The symbol-table rules for generators, coroutines and assignment expressions (`:=`), with
//! CPython 3.11's errors.
//!
//! * `yield`/`yield from` make the enclosing function or lambda a generator. In a comprehension
//!   they are a symbol-table error ("'yield' inside list comprehension", ...); outside any
//!   function, a compiler-stage one ("'yield' outside function").
//! * `await` marks the enclosing function-like scope as a coroutine; outside functions it is
//!   "'await' outside function", in a function or lambda that is not an `async def` "'await'
//!   outside async function" (comprehensions may await: they become coroutines themselves).
//! * A list, set or dict comprehension that is a coroutine is awaited where it is built, so its
//!   enclosing scope becomes a coroutine too, and must be an `async def` or another comprehension
//!   ("asynchronous comprehension outside of an asynchronous function"). Generator expressions
//!   become async generators instead and may appear anywhere.
//! * `name := value` inside a comprehension binds `name` in the nearest enclosing function (a
//!   free variable of the comprehensions in between) or, at module level, as a global; in a
//!   class body it is an error, and so is rebinding an iteration variable or using `:=` in a
//!   comprehension's iterable.
//!
//! Compiler-stage errors are deferred ([`Builder::defer`]); symbol-table errors return at once.

use super::visit::{Builder, Result};
use super::{DEF_COMP_ITER, DEF_GLOBAL, DEF_LOCAL, DEF_NONLOCAL, ScopeId, ScopeKind};
use gillab_syntax::ast::{Expr, ExprKind};
use gillab_syntax::{Span, SyntaxError};

impl Builder {
    /// A `yield` (or `yield from`, if `from`) at `span`, after its value was visited.
    pub(super) fn yield_expr(&mut self, span: Span, from: bool) -> Result<()> {
        let scope = self.cur();
        if scope.kind == ScopeKind::Comprehension {
            let what = match scope.name.as_str() {
                "listcomp" => "list comprehension",
                "setcomp" => "set comprehension",
                "dictcomp" => "dict comprehension",
                _ => "generator expression",
            };
            return Err(SyntaxError::new(format!("'yield' inside {what}"), span));
        }
        if !scope.kind.is_function_like() {
            self.defer("'yield' outside function", span);
            return Ok(());
        }
        scope.is_generator = true;
        if from && scope.is_async_def {
            self.defer("'yield from' inside async function", span);
        }
        Ok(())
    }

    /// An `await` at `span`, after its value was visited.
    pub(super) fn await_expr(&mut self, span: Span) {
        let scope = self.cur();
        if !scope.kind.is_function_like() {
            self.defer("'await' outside function", span);
            return;
        }
        scope.is_coroutine = true;
        if scope.kind != ScopeKind::Comprehension && !scope.is_async_def {
            self.defer("'await' outside async function", span);
        }
    }

    /// The check for an `async for` or `async with` statement at `span` (`msg` is its error).
    pub(super) fn check_async_statement(&mut self, msg: &str, span: Span) {
        if !self.cur().is_async_def {
            self.defer(msg, span);
        }
    }

    /// At the end of a function body: `return value` is not allowed in an async generator.
    pub(super) fn check_async_generator_return(&mut self) {
        let scope = self.cur();
        if let Some(span) = scope.return_value
            && scope.is_async_generator()
        {
            self.defer("'return' with value in async generator", span);
        }
    }

    /// Leaves a comprehension scope (the expression at `span`): a list, set or dict
    /// comprehension that is a coroutine makes its enclosing scope one.
    pub(super) fn exit_comprehension(&mut self, span: Span) {
        let scope = self.cur();
        let awaited = scope.is_coroutine && !scope.is_generator_expression();
        self.exit();
        if awaited {
            let parent = self.cur();
            parent.is_coroutine = true;
            if !parent.is_async_def && parent.kind != ScopeKind::Comprehension {
                let msg = "asynchronous comprehension outside of an asynchronous function";
                self.defer(msg, span);
            }
        }
    }

    /// `target := value` (the expression `e`).
    pub(super) fn named_expr(&mut self, e: &Expr, target: &Expr, value: &Expr) -> Result<()> {
        if self.cur().comp_iter_expr > 0 {
            let msg = "assignment expression cannot be used in a comprehension iterable expression";
            return Err(SyntaxError::new(msg, e.span));
        }
        if self.cur().kind == ScopeKind::Comprehension
            && let ExprKind::Name(name) = &target.kind
        {
            self.bind_in_enclosing_scope(name, target.span)?;
        }
        self.expr(value)?;
        self.target(target)
    }

    /// Binds the `:=` target `name` (at `span`) of a comprehension in the nearest enclosing
    /// function or module scope: there as a local (or a global, in the module or where the
    /// function declared it `global`), and in the comprehension as nonlocal (or global).
    fn bind_in_enclosing_scope(&mut self, name: &str, span: Span) -> Result<()> {
        let stack: Vec<ScopeId> = self.stack.iter().rev().copied().collect();
        for id in stack {
            let flags = self.flags_in(id, name);
            match self.scopes[id].kind {
                ScopeKind::Comprehension => {
                    if flags & DEF_COMP_ITER != 0 {
                        let msg = format!(
                            "assignment expression cannot rebind comprehension iteration variable \
                             '{name}'"
                        );
                        return Err(SyntaxError::new(msg, span));
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    let flag = if flags & DEF_GLOBAL != 0 { DEF_GLOBAL } else { DEF_NONLOCAL };
                    self.add_def(name, flag, span)?;
                    self.directive(name, span);
                    return self.add_def_in(id, name, DEF_LOCAL, span);
                }
                ScopeKind::Module => {
                    self.add_def(name, DEF_GLOBAL, span)?;
                    self.directive(name, span);
                    return self.add_def_in(id, name, DEF_GLOBAL, span);
                }
                ScopeKind::Class => {
                    let msg = "assignment expression within a comprehension cannot be used in a \
                               class body";
                    return Err(SyntaxError::new(msg, span));
                }
            }
        }
        Ok(())
    }
}
