//! Statements: the file, statement dispatch, and the simple statements (expression statements,
//! assignments, `del`, `import`, `global`, `raise`, `assert`, ...).

use super::targets::{TargetUse, expr_name, invalid_target};
use super::{Mark, PResult, Parser, starts_expr, unsupported};
use crate::ast::{Alias, BinOp, Expr, ExprKind, Ident, Stmt, StmtKind};
use crate::error::SyntaxError;
use crate::span::Span;
use crate::token::TokenKind;

/// The operator of an augmented-assignment token.
fn aug_op(kind: &TokenKind) -> Option<BinOp> {
    use TokenKind as T;
    Some(match kind {
        T::PlusEqual => BinOp::Add,
        T::MinusEqual => BinOp::Sub,
        T::StarEqual => BinOp::Mult,
        T::AtEqual => BinOp::MatMult,
        T::SlashEqual => BinOp::Div,
        T::DoubleSlashEqual => BinOp::FloorDiv,
        T::PercentEqual => BinOp::Mod,
        T::DoubleStarEqual => BinOp::Pow,
        T::LShiftEqual => BinOp::LShift,
        T::RShiftEqual => BinOp::RShift,
        T::PipeEqual => BinOp::BitOr,
        T::CaretEqual => BinOp::BitXor,
        T::AmperEqual => BinOp::BitAnd,
        _ => return None,
    })
}

impl Parser<'_> {
    /// The statements of the whole file.
    pub(super) fn file(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        loop {
            match self.peek() {
                TokenKind::EndOfFile => return Ok(body),
                TokenKind::Newline | TokenKind::Dedent => {
                    self.bump();
                }
                TokenKind::Indent => return Err(self.unexpected_indent()),
                _ => self.statement(&mut body)?,
            }
        }
    }

    /// One statement, or the `;`-separated simple statements of one line, appended to `out`.
    pub(super) fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        match self.peek() {
            TokenKind::If => self.if_stmt(out),
            TokenKind::While => self.while_stmt(out),
            TokenKind::For => self.for_stmt(out, None),
            TokenKind::Try => self.try_stmt(out),
            TokenKind::With => self.with_stmt(out, None),
            TokenKind::Def | TokenKind::Class | TokenKind::At => self.decorated(out),
            TokenKind::Async => self.async_stmt(out, Vec::new()),
            TokenKind::Name(n) if n == "match" => self.simple_or_match(out),
            _ => self.simple_stmts(out),
        }
    }

    /// Simple statements that might instead be a `match` statement (`match` is a soft keyword):
    /// if they fail to parse and the line looks like `match subject:`, report `match` as
    /// unsupported.
    fn simple_or_match(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let start = self.pos;
        let err = match self.simple_stmts(out) {
            Ok(()) => return Ok(()),
            Err(err) => err,
        };
        let line = self.toks.get(start..).unwrap_or_default();
        let end = line.iter().position(|t| t.kind == TokenKind::Newline).unwrap_or(line.len());
        let line = line.get(..end).unwrap_or_default();
        let looks_like_match = line.len() > 2
            && line.last().is_some_and(|t| t.kind == TokenKind::Colon)
            && !matches!(line.get(1).map(|t| &t.kind), Some(TokenKind::Colon | TokenKind::Assign));
        match line.first() {
            Some(first) if looks_like_match => Err(unsupported("'match'", first.span)),
            _ => Err(err),
        }
    }

    /// `simple_stmt (';' simple_stmt)* [';'] NEWLINE`, appended to `out`.
    pub(super) fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            out.push(self.simple_stmt()?);
            if !self.eat(&TokenKind::Semi) || matches!(self.peek(), TokenKind::Newline) {
                break;
            }
            if self.at(&TokenKind::EndOfFile) {
                return Ok(());
            }
        }
        match self.peek() {
            TokenKind::Newline => {
                self.bump();
                Ok(())
            }
            TokenKind::EndOfFile => Ok(()),
            _ => Err(self.statement_end_error(out.last())),
        }
    }

    /// The error for a simple statement followed by something else: CPython's "Missing
    /// parentheses in call to 'print'" for Python 2 style `print x`, or "invalid syntax".
    fn statement_end_error(&mut self, last: Option<&Stmt>) -> SyntaxError {
        if let Some(Stmt { kind: StmtKind::Expr(e), .. }) = last
            && let ExprKind::Name(name) = &e.kind
            && matches!(name.as_str(), "print" | "exec")
            && (starts_expr(self.peek()) || self.at(&TokenKind::Star))
        {
            let m = self.mark();
            let rest = self.star_expressions();
            self.reset(m);
            if let Ok(rest) = rest {
                let msg =
                    format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
                return SyntaxError::new(msg, e.span.to(rest.span));
            }
        }
        self.unexpected()
    }

    /// One simple statement.
    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let t = self.tok();
        let start = t.span.start;
        let kind = match &t.kind {
            TokenKind::Pass => {
                self.bump();
                StmtKind::Pass
            }
            TokenKind::Break => {
                self.bump();
                StmtKind::Break
            }
            TokenKind::Continue => {
                self.bump();
                StmtKind::Continue
            }
            TokenKind::Return => {
                self.bump();
                StmtKind::Return(self.optional_value()?)
            }
            TokenKind::Global => {
                self.bump();
                StmtKind::Global(self.name_list()?)
            }
            TokenKind::Nonlocal => {
                self.bump();
                StmtKind::Nonlocal(self.name_list()?)
            }
            TokenKind::Del => self.del_stmt()?,
            TokenKind::Import => self.import_stmt()?,
            TokenKind::From => self.import_from()?,
            TokenKind::Raise => {
                self.bump();
                let exc = if self.at_stmt_end() { None } else { Some(self.expression()?) };
                let cause = if exc.is_some() && self.eat(&TokenKind::From) {
                    Some(self.expression()?)
                } else {
                    None
                };
                StmtKind::Raise { exc, cause }
            }
            TokenKind::Assert => {
                self.bump();
                let test = self.expression()?;
                let msg = if self.eat(&TokenKind::Comma) { Some(self.expression()?) } else { None };
                StmtKind::Assert { test, msg }
            }
            _ => self.expr_stmt()?,
        };
        Ok(Stmt { kind, span: self.span_from(start) })
    }

    /// The optional `star_expressions` value of a `return`.
    fn optional_value(&mut self) -> PResult<Option<Expr>> {
        if self.at_stmt_end() {
            return Ok(None);
        }
        let value = self.star_expressions()?;
        self.check_value(&value);
        Ok(Some(value))
    }

    /// `NAME (',' NAME)*` after `global` or `nonlocal`.
    fn name_list(&mut self) -> PResult<Vec<Ident>> {
        let mut names = vec![self.ident()?];
        while self.eat(&TokenKind::Comma) {
            names.push(self.ident()?);
        }
        Ok(names)
    }

    /// `del targets`.
    fn del_stmt(&mut self) -> PResult<StmtKind> {
        self.bump();
        let m = self.mark();
        let (targets, _) = match self.star_expr_list() {
            Ok(list) => list,
            Err(err) => return Err(self.del_error(m, err)),
        };
        for target in &targets {
            self.check_delete(target)?;
        }
        Ok(StmtKind::Delete(targets))
    }

    /// The error for `del` targets that do not parse: CPython reports "invalid syntax" where its
    /// `del` target grammar (primaries only) stops, before any error deeper in an expression.
    #[cold]
    fn del_error(&mut self, m: Mark, err: SyntaxError) -> SyntaxError {
        if err.msg != "invalid syntax" {
            return err;
        }
        let failed = self.mark();
        self.reset(m);
        while self.pos < failed.pos {
            let start = self.tok().span;
            match self.primary() {
                Err(e) if e.span.start == start.start => return SyntaxError::new(e.msg, start),
                Err(_) => return err,
                Ok(_) => {}
            }
            if !self.eat(&TokenKind::Comma) {
                if self.at_stmt_end() {
                    return err;
                }
                return SyntaxError::new("invalid syntax", self.tok().span);
            }
        }
        err
    }

    /// `import dotted [as name], ...`.
    fn import_stmt(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut names = Vec::new();
        loop {
            let name = self.dotted_name()?;
            let asname = if self.eat(&TokenKind::As) { Some(self.ident()?) } else { None };
            names.push(Alias { name, asname });
            if !self.eat(&TokenKind::Comma) {
                return Ok(StmtKind::Import(names));
            }
        }
    }

    /// `NAME ('.' NAME)*` as one identifier.
    fn dotted_name(&mut self) -> PResult<Ident> {
        let mut name = self.ident()?;
        while self.eat(&TokenKind::Dot) {
            let part = self.ident()?;
            name.name.push('.');
            name.name.push_str(&part.name);
            name.span = name.span.to(part.span);
        }
        Ok(name)
    }

    /// `from module import names` (absolute imports of named members only).
    fn import_from(&mut self) -> PResult<StmtKind> {
        self.bump();
        if matches!(self.peek(), TokenKind::Dot | TokenKind::Ellipsis) {
            return Err(unsupported("relative import", self.tok().span));
        }
        let module = self.dotted_name()?;
        self.expect(&TokenKind::Import)?;
        if self.at(&TokenKind::Star) {
            return Err(unsupported("'from ... import *'", self.tok().span));
        }
        let parens = self.eat(&TokenKind::LParen);
        let mut names = Vec::new();
        loop {
            let name = self.ident()?;
            let asname = if self.eat(&TokenKind::As) { Some(self.ident()?) } else { None };
            names.push(Alias { name, asname });
            if !self.eat(&TokenKind::Comma) {
                break;
            }
            if parens && self.at(&TokenKind::RParen) {
                break;
            }
            if !parens && self.at_stmt_end() {
                let msg = "trailing comma not allowed without surrounding parentheses";
                return Err(SyntaxError::new(msg, self.tok().span));
            }
        }
        if parens {
            self.expect(&TokenKind::RParen)?;
        }
        Ok(StmtKind::ImportFrom { module, names })
    }

    /// An expression statement, an assignment, an augmented or an annotated assignment.
    fn expr_stmt(&mut self) -> PResult<StmtKind> {
        if self.at(&TokenKind::Yield) {
            return self.yield_stmt();
        }
        let start = self.tok().span.start;
        let (mut items, trailing) = self.star_expr_list()?;
        if self.at(&TokenKind::Walrus)
            && !trailing
            && let Some(last) = items.pop()
        {
            return Err(self.statement_walrus_error(last));
        }
        let bare_tuple = items.len() > 1 || trailing;
        let first = self.tuple_of(items, trailing, start);
        if self.at(&TokenKind::Assign) {
            return self.assignment(first, bare_tuple);
        }
        if self.at(&TokenKind::Colon) {
            return self.annotated(first, bare_tuple);
        }
        if let Some(op) = aug_op(self.peek()) {
            let valid = is_single_target(&first);
            let op_span = self.bump().span;
            let value = match self.assigned_value() {
                Ok(value) => value,
                // CPython only reads past the operator of a valid target.
                Err(err) if !valid && err.msg == "invalid syntax" => {
                    return Err(SyntaxError::new("invalid syntax", op_span));
                }
                Err(err) => return Err(err),
            };
            if !valid {
                let name = expr_name(&first);
                let msg = format!("'{name}' is an illegal expression for augmented assignment");
                return Err(SyntaxError::new(msg, first.span));
            }
            return Ok(StmtKind::AugAssign { target: first, op, value });
        }
        self.check_value(&first);
        Ok(StmtKind::Expr(first))
    }

    /// A statement starting with `yield`: a yield expression, which cannot be assigned to.
    #[inline(never)]
    fn yield_stmt(&mut self) -> PResult<StmtKind> {
        let value = self.yield_expr()?;
        if self.at(&TokenKind::Assign) {
            return Err(yield_assign_error(&value));
        }
        Ok(StmtKind::Expr(value))
    }

    /// The error for `target := value` as a statement: "invalid syntax" at the `:=` for a bare
    /// name `target`, otherwise CPython's "cannot use assignment expressions with ..." (its
    /// `invalid_assignment` rule re-reads the line's items as named expressions).
    #[cold]
    fn statement_walrus_error(&mut self, target: Expr) -> SyntaxError {
        if matches!(target.kind, ExprKind::Name(_)) && !self.parenthesized(&target) {
            return self.unexpected();
        }
        match self.named_tail(target) {
            Err(err) => err,
            Ok(_) => self.unexpected(),
        }
    }

    /// The right-hand side of an assignment: a yield expression or `star_expressions`.
    fn assigned_value(&mut self) -> PResult<Expr> {
        if self.at(&TokenKind::Yield) {
            return self.yield_expr();
        }
        let value = self.star_expressions()?;
        self.check_value(&value);
        Ok(value)
    }

    /// `target = [target = ...] value`, the current token being the first `=`.
    fn assignment(&mut self, first: Expr, bare_tuple: bool) -> PResult<StmtKind> {
        let first_eq = self.mark();
        let mut targets = vec![first];
        loop {
            if let (Some(first), Some(target)) = (targets.first(), targets.last()) {
                if let Some(bad) = invalid_target(target, TargetUse::Store) {
                    return Err(self.invalid_assignment(first, bare_tuple, first_eq, bad));
                }
                self.check_star_targets(target);
            }
            self.bump();
            if self.at(&TokenKind::Yield) {
                let value = self.yield_expr()?;
                if self.at(&TokenKind::Assign) {
                    return Err(yield_assign_error(&value));
                }
                return Ok(StmtKind::Assign { targets, value });
            }
            let value = self.star_expressions()?;
            if !self.at(&TokenKind::Assign) {
                self.check_value(&value);
                return Ok(StmtKind::Assign { targets, value });
            }
            targets.push(value);
        }
    }

    /// The error for an assignment with the invalid target part `bad`. CPython first tries its
    /// `==` hints on the expression just before the first `=` (at `first_eq`): the whole first
    /// target, or the last item of an unparenthesized tuple ("invalid syntax. Maybe you meant
    /// '==' or ':=' instead of '='?", "cannot assign to ... here. Maybe you meant '==' ...").
    #[cold]
    fn invalid_assignment(
        &mut self,
        first: &Expr,
        bare_tuple: bool,
        first_eq: Mark,
        bad: &Expr,
    ) -> SyntaxError {
        let before_eq = match &first.kind {
            ExprKind::Tuple(items) if bare_tuple => items.last(),
            _ => Some(first),
        };
        let here = self.mark();
        self.reset(first_eq);
        let hint = before_eq.and_then(|e| self.eq_hint(e));
        self.reset(here);
        hint.unwrap_or_else(|| {
            SyntaxError::new(format!("cannot assign to {}", expr_name(bad)), bad.span)
        })
    }

    /// `target: annotation [= value]`.
    fn annotated(&mut self, target: Expr, bare_tuple: bool) -> PResult<StmtKind> {
        let colon = self.bump().span;
        let annotation = match self.expression() {
            Ok(a) => a,
            // CPython only reads past the `:` of a valid target.
            Err(err) if !is_single_target(&target) && err.msg == "invalid syntax" => {
                return Err(SyntaxError::new("invalid syntax", colon));
            }
            Err(err) => return Err(err),
        };
        let error = match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
            ExprKind::Tuple(items) => {
                let span = match items.first() {
                    Some(first) if bare_tuple => first.span,
                    _ => target.span,
                };
                Some(("only single target (not tuple) can be annotated", span))
            }
            ExprKind::List(_) => {
                Some(("only single target (not list) can be annotated", target.span))
            }
            _ => Some(("illegal target for annotation", target.span)),
        };
        if let Some((msg, span)) = error {
            return Err(SyntaxError::new(msg, span));
        }
        let simple = matches!(target.kind, ExprKind::Name(_)) && !self.parenthesized(&target);
        let value = if self.eat(&TokenKind::Assign) { Some(self.assigned_value()?) } else { None };
        Ok(StmtKind::AnnAssign { target, annotation, value, simple })
    }
}

/// CPython's error for a `yield` expression followed by `=`.
#[cold]
fn yield_assign_error(value: &Expr) -> SyntaxError {
    SyntaxError::new("assignment to yield expression not possible", value.span)
}

/// The end of the last statement of the last non-empty body, or `default`.
pub(super) fn body_end(bodies: &[&[Stmt]], default: u32) -> u32 {
    bodies.iter().rev().find_map(|b| b.last()).map_or(default, |s| s.span.end)
}

/// A statement node spanning `start..end`.
pub(super) fn stmt(kind: StmtKind, start: u32, end: u32) -> Stmt {
    Stmt { kind, span: Span { start, end: end.max(start) } }
}

/// A name, attribute or subscript: the targets of augmented and annotated assignments.
fn is_single_target(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. })
}
