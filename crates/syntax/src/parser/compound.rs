//! Compound statements: `if`, `while`, `for`, `try`, `with`, `def`, `class`, their `async`
//! forms and decorators, and the indented blocks (or one-line bodies) after their headers.

use super::stmt::{body_end, stmt};
use super::{MAX_BLOCK_DEPTH, PResult, Parser, Stage, unsupported};
use crate::ast::{ClassDef, ExceptHandler, Expr, FunctionDef, Stmt, StmtKind, WithItem};
use crate::error::SyntaxError;
use crate::span::{LineIndex, Span};
use crate::token::{Token, TokenKind};

impl Parser<'_> {
    /// `':' block` after the header of a compound statement introduced by `keyword`; `what`
    /// names the statement in "expected an indented block after {what} on line N". A missing
    /// `:` is "expected ':'" before a newline, and anywhere after `def ...`, `else`, `try` and
    /// `finally` (where CPython's grammar forces the `:`).
    fn suite(&mut self, what: &str, keyword: &Token) -> PResult<Vec<Stmt>> {
        if !self.at(&TokenKind::Colon) {
            let forced = matches!(
                keyword.kind,
                TokenKind::Def | TokenKind::Else | TokenKind::Try | TokenKind::Finally
            );
            if forced || self.at(&TokenKind::Newline) {
                return Err(SyntaxError::new("expected ':'", self.tok().span));
            }
            return Err(self.unexpected());
        }
        self.bump();
        let mut body = Vec::new();
        if !self.at(&TokenKind::Newline) {
            self.simple_stmts(&mut body)?;
            return Ok(body);
        }
        let newline = self.bump();
        if !self.at(&TokenKind::Indent) {
            return Err(self.expected_block(what, keyword, newline));
        }
        let indent = self.bump();
        self.blocks += 1;
        if self.blocks > MAX_BLOCK_DEPTH {
            let msg = "too many levels of indentation";
            return Err(SyntaxError::indentation(msg, indent.span, false));
        }
        loop {
            match self.peek() {
                TokenKind::Dedent => {
                    self.bump();
                    break;
                }
                TokenKind::EndOfFile => break,
                TokenKind::Newline => {
                    self.bump();
                }
                TokenKind::Indent => return Err(self.unexpected_indent()),
                _ => self.statement(&mut body)?,
            }
        }
        self.blocks -= 1;
        Ok(body)
    }

    /// IndentationError "expected an indented block after ..." when no `Indent` follows the
    /// header's `newline`: at the next statement's first token, or (without a caret) at the
    /// header's end if the file ends there.
    #[cold]
    fn expected_block(&self, what: &str, keyword: &Token, newline: &Token) -> SyntaxError {
        let line = LineIndex::new(self.src).line(keyword.span.start);
        let msg = format!("expected an indented block after {what} on line {line}");
        let (span, caret) = self.next_statement_at(newline);
        SyntaxError::indentation(msg, span, caret)
    }

    /// Where CPython reports an error about the statement that should start here: at its first
    /// token (with a caret, as an empty span, unless dedents came first), or without a caret at
    /// `newline` (the end of the previous line) if the file ends here.
    fn next_statement_at(&self, newline: &Token) -> (Span, bool) {
        let mut n = 0;
        while self.nth(n).kind == TokenKind::Dedent {
            n += 1;
        }
        let next = self.nth(n);
        if next.kind == TokenKind::EndOfFile {
            return (newline.span, false);
        }
        (Span { start: next.span.start, end: next.span.start }, n == 0)
    }

    /// The last consumed token that is not a `Dedent` (the `Newline` ending a block).
    fn last_newline(&self) -> &Token {
        let consumed = self.toks.get(..self.pos).unwrap_or_default();
        consumed.iter().rev().find(|t| t.kind != TokenKind::Dedent).unwrap_or(self.tok())
    }

    /// `if` (or `elif`) with its `elif` and `else` branches.
    pub(super) fn if_stmt(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        // (keyword offset, test, body) for `if` and each `elif`, folded into nested `If`s.
        let mut branches = Vec::new();
        let saved = self.tree;
        loop {
            self.if_branch(&mut branches)?;
            if !self.at(&TokenKind::Elif) {
                break;
            }
            self.grow()?;
        }
        self.tree = saved;
        let orelse = self.else_block()?;
        out.push(fold_if(branches, orelse));
        Ok(())
    }

    /// The header and body of an `if` or `elif` branch, added to `branches`.
    fn if_branch(&mut self, branches: &mut Vec<(u32, Expr, Vec<Stmt>)>) -> PResult<()> {
        let keyword = self.bump();
        let what =
            if keyword.kind == TokenKind::If { "'if' statement" } else { "'elif' statement" };
        let test = self.named_expression()?;
        let body = self.suite(what, keyword)?;
        branches.push((keyword.span.start, test, body));
        Ok(())
    }

    /// An optional `else:` block.
    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if !self.at(&TokenKind::Else) {
            return Ok(Vec::new());
        }
        let keyword = self.bump();
        self.suite("'else' statement", keyword)
    }

    /// `while test: body [else: orelse]`.
    pub(super) fn while_stmt(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let keyword = self.bump();
        let test = self.named_expression()?;
        let (body, orelse) = self.loop_bodies("'while' statement", keyword)?;
        let end = body_end(&[&body, &orelse], keyword.span.end);
        out.push(stmt(StmtKind::While { test, body, orelse }, keyword.span.start, end));
        Ok(())
    }

    /// `for target in iter: body [else: orelse]`; `async_start` is the offset of the `async`
    /// before an `async for`.
    pub(super) fn for_stmt(
        &mut self,
        out: &mut Vec<Stmt>,
        async_start: Option<u32>,
    ) -> PResult<()> {
        let keyword = self.bump();
        let target = self.for_target()?;
        let iter = self.star_expressions()?;
        self.check_value(&iter);
        let (body, orelse) = self.loop_bodies("'for' statement", keyword)?;
        let end = body_end(&[&body, &orelse], keyword.span.end);
        let kind = StmtKind::For { is_async: async_start.is_some(), target, iter, body, orelse };
        out.push(stmt(kind, async_start.unwrap_or(keyword.span.start), end));
        Ok(())
    }

    /// A statement starting with `async` (`async def`, `async for`, `async with`), after the
    /// `decorators` of an `async def`; anything else is "invalid syntax" after the `async`.
    pub(super) fn async_stmt(&mut self, out: &mut Vec<Stmt>, decorators: Vec<Expr>) -> PResult<()> {
        let start = self.tok().span.start;
        let next = self.nth(1);
        match next.kind {
            TokenKind::Def => {
                self.bump();
                self.funcdef(out, decorators, Some(start))
            }
            TokenKind::For if decorators.is_empty() => {
                self.bump();
                self.for_stmt(out, Some(start))
            }
            TokenKind::With if decorators.is_empty() => {
                self.bump();
                self.with_stmt(out, Some(start))
            }
            _ => Err(SyntaxError::new("invalid syntax", next.span)),
        }
    }

    /// The body and optional `else` block of a loop.
    fn loop_bodies(&mut self, what: &str, keyword: &Token) -> PResult<(Vec<Stmt>, Vec<Stmt>)> {
        let body = self.suite(what, keyword)?;
        Ok((body, self.else_block()?))
    }

    /// `try:` with `except`, `else` and `finally` clauses.
    pub(super) fn try_stmt(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let keyword = self.bump();
        let body = self.suite("'try' statement", keyword)?;
        let handlers = self.except_clauses()?;
        if handlers.is_empty() && !self.at(&TokenKind::Finally) {
            return Err(self.missing_except());
        }
        let orelse = if handlers.is_empty() { Vec::new() } else { self.else_block()? };
        let finalbody = if self.at(&TokenKind::Finally) {
            let finally = self.bump();
            self.suite("'finally' statement", finally)?
        } else {
            Vec::new()
        };
        out.push(build_try(keyword.span, body, handlers, orelse, finalbody));
        Ok(())
    }

    /// "expected 'except' or 'finally' block" after a `try` body.
    #[cold]
    fn missing_except(&self) -> SyntaxError {
        let msg = "expected 'except' or 'finally' block";
        let (span, caret) = self.next_statement_at(self.last_newline());
        let span = if caret { self.tok().span } else { span };
        SyntaxError { caret, ..SyntaxError::new(msg, span) }
    }

    /// The `except` clauses of a `try`; a bare `except:` before another is a (deferred) error.
    fn except_clauses(&mut self) -> PResult<Vec<ExceptHandler>> {
        let mut handlers: Vec<ExceptHandler> = Vec::new();
        while self.at(&TokenKind::Except) {
            let handler = self.except_clause()?;
            if let Some(bare) = handlers.iter().find(|h| h.typ.is_none()) {
                let end = body_end(&[&bare.body], bare.span.end);
                let span = Span { start: bare.span.start, end };
                let err = SyntaxError::new("default 'except:' must be last", span);
                self.defer(Stage::Compile, err);
            }
            handlers.push(handler);
        }
        Ok(handlers)
    }

    /// One `except [type [as name]]: body` clause.
    fn except_clause(&mut self) -> PResult<ExceptHandler> {
        let except = self.bump();
        if self.at(&TokenKind::Star) {
            return Err(unsupported("'except*'", self.tok().span));
        }
        let typ = if self.at(&TokenKind::Colon) { None } else { Some(self.except_type()?) };
        let name =
            if typ.is_some() && self.eat(&TokenKind::As) { Some(self.ident()?) } else { None };
        let header_end = if self.at(&TokenKind::Colon) { self.tok().span.end } else { 0 };
        let span = Span { start: except.span.start, end: header_end.max(except.span.end) };
        let body = self.suite("'except' statement", except)?;
        Ok(ExceptHandler { typ, name, body, span })
    }

    /// The exception type of an `except` clause; `except A, B:` needs parentheses.
    fn except_type(&mut self) -> PResult<Expr> {
        let typ = self.expression()?;
        if self.at(&TokenKind::Comma) {
            let m = self.mark();
            self.bump();
            let rest = self.star_expressions();
            let end = self.prev_end();
            self.reset(m);
            if rest.is_ok() {
                let msg = "multiple exception types must be parenthesized";
                return Err(SyntaxError::new(msg, Span { start: typ.span.start, end }));
            }
        }
        Ok(typ)
    }

    /// `with item, ...: body`, including the parenthesized form `with (a as b, c):`;
    /// `async_start` is the offset of the `async` before an `async with`.
    pub(super) fn with_stmt(
        &mut self,
        out: &mut Vec<Stmt>,
        async_start: Option<u32>,
    ) -> PResult<()> {
        let keyword = self.bump();
        let items = match self.paren_with_items() {
            Some(items) => items,
            None => self.with_items(false)?,
        };
        for item in &items {
            if let Some(target) = &item.target {
                self.check_store(target)?;
            }
        }
        let body = self.suite("'with' statement", keyword)?;
        let end = body_end(&[&body], keyword.span.end);
        let kind = StmtKind::With { is_async: async_start.is_some(), items, body };
        out.push(stmt(kind, async_start.unwrap_or(keyword.span.start), end));
        Ok(())
    }

    /// Tries `'(' with_item, ... [','] ')' ':'`; restores the position if that does not match.
    fn paren_with_items(&mut self) -> Option<Vec<WithItem>> {
        if !self.at(&TokenKind::LParen) {
            return None;
        }
        let m = self.mark();
        self.bump();
        self.brackets += 1;
        let items = self.with_items(true).ok();
        if items.is_some() && self.eat(&TokenKind::RParen) && self.at(&TokenKind::Colon) {
            self.brackets -= 1;
            return items;
        }
        self.reset(m);
        None
    }

    /// `with_item (',' with_item)*` (with an optional trailing comma inside parentheses); the
    /// targets are checked by the caller.
    fn with_items(&mut self, parenthesized: bool) -> PResult<Vec<WithItem>> {
        let mut items = Vec::new();
        loop {
            let context = self.expression()?;
            let target = if self.eat(&TokenKind::As) { Some(self.expression()?) } else { None };
            items.push(WithItem { context, target });
            if !self.eat(&TokenKind::Comma) {
                return Ok(items);
            }
            if parenthesized && self.at(&TokenKind::RParen) {
                return Ok(items);
            }
        }
    }

    /// A `def`, `async def` or `class`, with any decorators before it.
    pub(super) fn decorated(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let mut decorators = Vec::new();
        while self.eat(&TokenKind::At) {
            decorators.push(self.named_expression()?);
            self.expect(&TokenKind::Newline)?;
        }
        match self.peek() {
            TokenKind::Def => self.funcdef(out, decorators, None),
            TokenKind::Class => self.classdef(out, decorators),
            TokenKind::Async => self.async_stmt(out, decorators),
            _ => Err(self.unexpected()),
        }
    }

    /// `def name(params) [-> annotation]: body`; `async_start` is the offset of the `async`
    /// before an `async def`.
    fn funcdef(
        &mut self,
        out: &mut Vec<Stmt>,
        decorators: Vec<Expr>,
        async_start: Option<u32>,
    ) -> PResult<()> {
        let keyword = self.bump();
        let mut def = self.def_header(decorators)?;
        def.is_async = async_start.is_some();
        def.body = self.suite("function definition", keyword)?;
        let end = body_end(&[&def.body], keyword.span.end);
        let start = async_start.unwrap_or(keyword.span.start);
        out.push(stmt(StmtKind::FunctionDef(def), start, end));
        Ok(())
    }

    /// `name(params) [-> annotation]` of a `def`, as a definition with an empty body; the
    /// annotations are discarded.
    fn def_header(&mut self, decorators: Vec<Expr>) -> PResult<Box<FunctionDef>> {
        let name = self.ident()?;
        if !self.at(&TokenKind::LParen) {
            return Err(SyntaxError::new("expected '('", self.tok().span));
        }
        self.bump();
        self.brackets += 1;
        let params = self.parameters(true)?;
        self.expect(&TokenKind::RParen)?;
        self.brackets -= 1;
        if self.eat(&TokenKind::Arrow) {
            self.expression()?;
        }
        Ok(Box::new(FunctionDef { name, params, body: Vec::new(), decorators, is_async: false }))
    }

    /// `class name[(bases)]: body`.
    fn classdef(&mut self, out: &mut Vec<Stmt>, decorators: Vec<Expr>) -> PResult<()> {
        let keyword = self.bump();
        let mut def = self.class_header(decorators)?;
        def.body = self.suite("class definition", keyword)?;
        let end = body_end(&[&def.body], keyword.span.end);
        out.push(stmt(StmtKind::ClassDef(def), keyword.span.start, end));
        Ok(())
    }

    /// `name[(bases, keywords)]` of a class, as a definition with an empty body.
    fn class_header(&mut self, decorators: Vec<Expr>) -> PResult<Box<ClassDef>> {
        let name = self.ident()?;
        let mut bases = Vec::new();
        let mut keywords = Vec::new();
        if self.at(&TokenKind::LParen) {
            let (args, kws, _) = self.bracketed(Self::call_args)?;
            bases = args;
            keywords = kws;
        }
        Ok(Box::new(ClassDef { name, bases, keywords, body: Vec::new(), decorators }))
    }
}

/// The `Try` statement from its parts; `keyword` is the `try` token's span.
fn build_try(
    keyword: Span,
    body: Vec<Stmt>,
    handlers: Vec<ExceptHandler>,
    orelse: Vec<Stmt>,
    finalbody: Vec<Stmt>,
) -> Stmt {
    let last_handler = handlers.last().map_or(&[][..], |h| &h.body[..]);
    let end = body_end(&[&body, last_handler, &orelse, &finalbody], keyword.end);
    stmt(StmtKind::Try { body, handlers, orelse, finalbody }, keyword.start, end)
}

/// Folds `if`/`elif` branches and the final `else` body into nested `If` statements.
fn fold_if(mut branches: Vec<(u32, Expr, Vec<Stmt>)>, mut orelse: Vec<Stmt>) -> Stmt {
    let mut end = body_end(&[&orelse], 0);
    let mut result: Option<Stmt> = None;
    while let Some((start, test, body)) = branches.pop() {
        if let Some(inner) = result.take() {
            orelse = vec![inner];
        }
        end = end.max(body_end(&[&body, &orelse], start));
        let orelse = std::mem::take(&mut orelse);
        result = Some(stmt(StmtKind::If { test, body, orelse }, start, end));
    }
    result.unwrap_or_else(|| stmt(StmtKind::Pass, 0, end))
}
