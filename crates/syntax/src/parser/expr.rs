//! Expressions from the top down to `**`: lambda, conditional expressions, `or`/`and`/`not`,
//! comparisons, binary operators (by precedence climbing), unary operators and powers.
//!
//! Precedence, loosest first: lambda < if-else < or < and < not < comparisons < `|` < `^` < `&`
//! < shifts < `+ -` < `* @ / // %` < unary `+ - ~` < `**` < await/primary.

use super::targets::{expr_name, is_bitwise_or_level};
use super::{PResult, Parser, node, starts_expr, unsupported};
use crate::ast::{BinOp, BoolOp, CmpOp, Expr, ExprKind, UnaryOp};
use crate::error::SyntaxError;
use crate::span::Span;
use crate::token::TokenKind;

/// The binary operator a token stands for and its precedence (1 = `|` ... 6 = `*`).
fn binop(kind: &TokenKind) -> Option<(BinOp, u8)> {
    use TokenKind as T;
    Some(match kind {
        T::Pipe => (BinOp::BitOr, 1),
        T::Caret => (BinOp::BitXor, 2),
        T::Amper => (BinOp::BitAnd, 3),
        T::LShift => (BinOp::LShift, 4),
        T::RShift => (BinOp::RShift, 4),
        T::Plus => (BinOp::Add, 5),
        T::Minus => (BinOp::Sub, 5),
        T::Star => (BinOp::Mult, 6),
        T::At => (BinOp::MatMult, 6),
        T::Slash => (BinOp::Div, 6),
        T::DoubleSlash => (BinOp::FloorDiv, 6),
        T::Percent => (BinOp::Mod, 6),
        _ => return None,
    })
}

impl Parser<'_> {
    /// `expression`: a lambda, or a disjunction with an optional `if ... else ...`.
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        if self.at(&TokenKind::Lambda) {
            return self.lambda();
        }
        let body = self.disjunction()?;
        if !self.at(&TokenKind::If) {
            return Ok(body);
        }
        self.bump();
        let test = self.disjunction()?;
        if !self.eat(&TokenKind::Else) {
            if self.at(&TokenKind::Colon) {
                return Err(self.unexpected());
            }
            let msg = "expected 'else' after 'if' expression";
            return Err(SyntaxError::new(msg, body.span.to(test.span)));
        }
        self.enter()?;
        let orelse = self.expression()?;
        self.leave();
        let span = body.span.to(orelse.span);
        let kind = ExprKind::IfExp {
            test: Box::new(test),
            body: Box::new(body),
            orelse: Box::new(orelse),
        };
        Ok(node(kind, span))
    }

    /// `named_expression`: an expression where `:=` could appear (and `=` is a likely typo).
    pub(super) fn named_expression(&mut self) -> PResult<Expr> {
        let e = self.expression()?;
        self.named_tail(e)
    }

    /// The checks after the expression of a `named_expression`: `:=` is unsupported, and `=`
    /// gets CPython's "Maybe you meant '=='" hints.
    pub(super) fn named_tail(&mut self, e: Expr) -> PResult<Expr> {
        if self.at(&TokenKind::Walrus) {
            return Err(self.unexpected());
        }
        if self.at(&TokenKind::Assign)
            && let Some(err) = self.eq_hint(&e)
        {
            return Err(err);
        }
        Ok(e)
    }

    /// At a `=` after `e` where no assignment can be: CPython's `invalid_named_expression` hints,
    /// if a bitwise-or expression follows the `=` (and no further `=` or `:=` follows that).
    pub(super) fn eq_hint(&mut self, e: &Expr) -> Option<SyntaxError> {
        let is_name = matches!(e.kind, ExprKind::Name(_));
        let excluded = matches!(
            e.kind,
            ExprKind::Tuple(_)
                | ExprKind::List(_)
                | ExprKind::GeneratorExp { .. }
                | ExprKind::Bool(_)
                | ExprKind::None
        );
        if !is_name && (excluded || !is_bitwise_or_level(e)) {
            return None;
        }
        let m = self.mark();
        self.bump();
        let ok = self.bitwise_or().is_ok()
            && !self.at(&TokenKind::Assign)
            && !self.at(&TokenKind::Walrus);
        let end = self.prev_end();
        self.reset(m);
        if !ok {
            return None;
        }
        Some(if is_name {
            let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
            SyntaxError::new(msg, Span { start: e.span.start, end })
        } else {
            let name = expr_name(e);
            let msg = format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?");
            SyntaxError::new(msg, e.span)
        })
    }

    /// `star_expression`: `*bitwise_or` or an expression.
    pub(super) fn star_expression(&mut self) -> PResult<Expr> {
        if self.at(&TokenKind::Star) {
            return self.starred(Self::bitwise_or);
        }
        self.expression()
    }

    /// `star_named_expression`: `*bitwise_or` or a named expression (display elements).
    pub(super) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at(&TokenKind::Star) {
            return self.starred(Self::bitwise_or);
        }
        self.named_expression()
    }

    /// `'*' operand` as a `Starred` node; the current token is the `*`.
    pub(super) fn starred(&mut self, operand: fn(&mut Self) -> PResult<Expr>) -> PResult<Expr> {
        let start = self.bump().span.start;
        self.enter()?;
        let value = operand(self)?;
        self.leave();
        Ok(node(ExprKind::Starred(Box::new(value)), self.span_from(start)))
    }

    /// The items of `star_expressions` and whether a trailing comma ended them.
    pub(super) fn star_expr_list(&mut self) -> PResult<(Vec<Expr>, bool)> {
        let mut items = vec![self.star_expression()?];
        while self.eat(&TokenKind::Comma) {
            if !starts_expr(self.peek()) && !self.at(&TokenKind::Star) {
                return Ok((items, true));
            }
            items.push(self.star_expression()?);
        }
        Ok((items, false))
    }

    /// `star_expressions`: one expression, or a tuple of them without parentheses.
    pub(super) fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.tok().span.start;
        let (items, trailing) = self.star_expr_list()?;
        Ok(self.tuple_of(items, trailing, start))
    }

    /// The single item, or an unparenthesized tuple of the items (from `start` to here).
    pub(super) fn tuple_of(&self, mut items: Vec<Expr>, trailing: bool, start: u32) -> Expr {
        if items.len() == 1 && !trailing {
            if let Some(only) = items.pop() {
                return only;
            }
        }
        node(ExprKind::Tuple(items), self.span_from(start))
    }

    /// `disjunction`: `conjunction ('or' conjunction)*`.
    pub(super) fn disjunction(&mut self) -> PResult<Expr> {
        let first = self.conjunction()?;
        if !self.at(&TokenKind::Or) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(&TokenKind::Or) {
            values.push(self.conjunction()?);
        }
        Ok(bool_op(BoolOp::Or, values))
    }

    /// `conjunction`: `inversion ('and' inversion)*`.
    fn conjunction(&mut self) -> PResult<Expr> {
        let first = self.inversion()?;
        if !self.at(&TokenKind::And) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(&TokenKind::And) {
            values.push(self.inversion()?);
        }
        Ok(bool_op(BoolOp::And, values))
    }

    /// `inversion`: `'not' inversion | comparison`.
    fn inversion(&mut self) -> PResult<Expr> {
        if !self.at(&TokenKind::Not) {
            return self.comparison();
        }
        let start = self.bump().span.start;
        self.enter()?;
        let operand = self.inversion()?;
        self.leave();
        let span = Span { start, end: operand.span.end };
        Ok(node(ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(operand) }, span))
    }

    /// `comparison`: `bitwise_or (compare_op bitwise_or)*`, one `Compare` node for a chain.
    fn comparison(&mut self) -> PResult<Expr> {
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            use TokenKind as T;
            let op = match self.peek() {
                T::EqEqual => CmpOp::Eq,
                T::NotEqual => CmpOp::NotEq,
                T::Less => CmpOp::Lt,
                T::LessEqual => CmpOp::LtE,
                T::Greater => CmpOp::Gt,
                T::GreaterEqual => CmpOp::GtE,
                T::In => CmpOp::In,
                T::Not if self.nth(1).kind == T::In => {
                    self.bump();
                    CmpOp::NotIn
                }
                T::Is if self.nth(1).kind == T::Not => {
                    self.bump();
                    CmpOp::IsNot
                }
                T::Is => CmpOp::Is,
                _ => break,
            };
            self.bump();
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        let Some(last) = comparators.last() else { return Ok(left) };
        let span = left.span.to(last.span);
        Ok(node(ExprKind::Compare { left: Box::new(left), ops, comparators }, span))
    }

    /// `bitwise_or`: the binary operators `|` down to `*`.
    pub(super) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    /// Precedence climbing over the binary operators binding at least as tightly as `min`.
    fn binary(&mut self, min: u8) -> PResult<Expr> {
        let mut left = self.factor()?;
        let saved = self.tree;
        while let Some((op, prec)) = binop(self.peek()) {
            if prec < min {
                break;
            }
            self.bump();
            self.grow()?;
            let right = self.binary(prec + 1)?;
            let span = left.span.to(right.span);
            left = node(ExprKind::BinOp { left: Box::new(left), op, right: Box::new(right) }, span);
        }
        self.tree = saved;
        Ok(left)
    }

    /// `factor`: unary `+`, `-`, `~`, or a power.
    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.peek() {
            TokenKind::Minus => UnaryOp::Neg,
            TokenKind::Plus => UnaryOp::Pos,
            TokenKind::Tilde => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.bump().span.start;
        self.enter()?;
        let operand = self.factor()?;
        self.leave();
        let span = Span { start, end: operand.span.end };
        Ok(node(ExprKind::UnaryOp { op, operand: Box::new(operand) }, span))
    }

    /// `power`: `primary ['**' factor]` (right-associative, tighter than a unary on its left).
    fn power(&mut self) -> PResult<Expr> {
        if self.at(&TokenKind::Await) {
            return Err(unsupported("'await'", self.tok().span));
        }
        let base = self.primary()?;
        if !self.eat(&TokenKind::DoubleStar) {
            return Ok(base);
        }
        self.enter()?;
        let exp = self.factor()?;
        self.leave();
        let span = base.span.to(exp.span);
        let kind = ExprKind::BinOp { left: Box::new(base), op: BinOp::Pow, right: Box::new(exp) };
        Ok(node(kind, span))
    }

    /// `lambda params: body`.
    fn lambda(&mut self) -> PResult<Expr> {
        let start = self.bump().span.start;
        self.enter()?;
        let params = self.parameters(false)?;
        self.expect(&TokenKind::Colon)?;
        let body = self.expression()?;
        self.leave();
        let span = Span { start, end: body.span.end };
        Ok(node(ExprKind::Lambda { params: Box::new(params), body: Box::new(body) }, span))
    }
}

/// A `BoolOp` over two or more values.
fn bool_op(op: BoolOp, values: Vec<Expr>) -> Expr {
    let span = match (values.first(), values.last()) {
        (Some(a), Some(b)) => a.span.to(b.span),
        _ => Span::default(),
    };
    node(ExprKind::BoolOp { op, values }, span)
}
