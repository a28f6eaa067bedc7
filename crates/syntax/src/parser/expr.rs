//! Expressions from the top down to primaries: lambda, conditional expressions, and the
//! operators (`or`, `and`, `not`, comparisons, binary and unary operators, `**`), parsed by one
//! precedence-climbing loop so that deep nesting costs few stack frames.
//!
//! Precedence, loosest first: lambda < if-else < or < and < not < comparisons < `|` < `^` < `&`
//! < shifts < `+ -` < `* @ / // %` < unary `+ - ~` < `**` < await/primary. Also here: the
//! assignment expression `name := value` (after a `named_expression`) and `yield` expressions.

use super::targets::{expr_name, is_bitwise_or_level};
use super::{PResult, Parser, node, starts_expr};
use crate::ast::{BinOp, BoolOp, CmpOp, Expr, ExprKind, UnaryOp};
use crate::error::SyntaxError;
use crate::span::Span;
use crate::token::TokenKind;

/// Precedence levels (higher binds tighter).
mod level {
    /// `or`
    pub const OR: u8 = 1;
    /// `and`
    pub const AND: u8 = 2;
    /// prefix `not`
    pub const NOT: u8 = 3;
    /// comparisons
    pub const CMP: u8 = 4;
    /// `|`, the loosest binary operator (`bitwise_or` in the grammar)
    pub const BITOR: u8 = 5;
    /// prefix `+ - ~`
    pub const UNARY: u8 = 11;
    /// `**`
    pub const POW: u8 = 12;
}

/// The binary operator a token stands for and its level (`|` is [`level::BITOR`]).
fn binop(kind: &TokenKind) -> Option<(BinOp, u8)> {
    use TokenKind as T;
    Some(match kind {
        T::Pipe => (BinOp::BitOr, 5),
        T::Caret => (BinOp::BitXor, 6),
        T::Amper => (BinOp::BitAnd, 7),
        T::LShift => (BinOp::LShift, 8),
        T::RShift => (BinOp::RShift, 8),
        T::Plus => (BinOp::Add, 9),
        T::Minus => (BinOp::Sub, 9),
        T::Star => (BinOp::Mult, 10),
        T::At => (BinOp::MatMult, 10),
        T::Slash => (BinOp::Div, 10),
        T::DoubleSlash => (BinOp::FloorDiv, 10),
        T::Percent => (BinOp::Mod, 10),
        T::DoubleStar => (BinOp::Pow, level::POW),
        _ => return None,
    })
}

impl Parser<'_> {
    /// `expression`: a lambda, or a disjunction with an optional `if ... else ...`.
    pub(super) fn expression(&mut self) -> PResult<Expr> {
        self.expression_in(false)
    }

    /// `named_expression`: an expression where `:=` could appear (and `=` is a likely typo).
    pub(super) fn named_expression(&mut self) -> PResult<Expr> {
        self.expression_in(true)
    }

    /// An expression, with the `named_expression` checks if `named`.
    fn expression_in(&mut self, named: bool) -> PResult<Expr> {
        if self.at(&TokenKind::Lambda) {
            let e = self.lambda()?;
            return if named && self.at(&TokenKind::Walrus) { self.named_tail(e) } else { Ok(e) };
        }
        let start = self.tok().span.start;
        let e = self.operators(level::OR)?;
        if matches!(self.peek(), TokenKind::If | TokenKind::Walrus | TokenKind::Assign) {
            self.expression_tail(e, named, start)
        } else {
            Ok(e)
        }
    }

    /// A conditional expression after its body (which started at offset `start`), then the
    /// `named_expression` checks.
    #[inline(never)]
    fn expression_tail(&mut self, e: Expr, named: bool, start: u32) -> PResult<Expr> {
        let e = if self.at(&TokenKind::If) { self.conditional(e, start)? } else { e };
        if named { self.named_tail(e) } else { Ok(e) }
    }

    /// The `if test else orelse` after the `body` (from offset `start`) of a conditional
    /// expression.
    fn conditional(&mut self, body: Expr, start: u32) -> PResult<Expr> {
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
        let span = self.span_from(start);
        let kind = ExprKind::IfExp {
            test: Box::new(test),
            body: Box::new(body),
            orelse: Box::new(orelse),
        };
        Ok(node(kind, span))
    }

    /// The end of a `named_expression` after its expression `e`: `e := value` if a `:=`
    /// follows (`e` must be a bare name), and CPython's "Maybe you meant '=='" hints at a `=`.
    #[inline(never)]
    pub(super) fn named_tail(&mut self, e: Expr) -> PResult<Expr> {
        if self.at(&TokenKind::Walrus) {
            return self.assignment_expression(e);
        }
        if self.at(&TokenKind::Assign)
            && let Some(err) = self.eq_hint(&e)
        {
            return Err(err);
        }
        Ok(e)
    }

    /// `target := value`, the current token being the `:=`. A target other than a bare name is
    /// CPython's "cannot use assignment expressions with ..." (if a value follows the `:=`; if
    /// none does, "invalid syntax" at the `:=`).
    fn assignment_expression(&mut self, target: Expr) -> PResult<Expr> {
        let walrus = self.bump().span;
        let bare_name = matches!(target.kind, ExprKind::Name(_)) && !self.parenthesized(&target);
        self.enter()?;
        let value = self.expression();
        self.leave();
        let value = match value {
            Ok(value) => value,
            Err(err) if bare_name => return Err(err),
            Err(_) => return Err(SyntaxError::new("invalid syntax", walrus)),
        };
        if !bare_name {
            let msg = format!("cannot use assignment expressions with {}", expr_name(&target));
            return Err(SyntaxError::new(msg, target.span));
        }
        let span = target.span.to(value.span);
        Ok(node(ExprKind::NamedExpr { target: Box::new(target), value: Box::new(value) }, span))
    }

    /// `yield_expr`: `yield`, `yield star_expressions` or `yield from expression`; the current
    /// token is the `yield`.
    #[inline(never)]
    pub(super) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.bump().span.start;
        self.enter()?;
        let kind = if self.eat(&TokenKind::From) {
            ExprKind::YieldFrom { value: Box::new(self.expression()?) }
        } else if starts_expr(self.peek()) || self.at(&TokenKind::Star) {
            let value = self.star_expressions()?;
            self.check_value(&value);
            ExprKind::Yield { value: Some(Box::new(value)) }
        } else {
            ExprKind::Yield { value: None }
        };
        self.leave();
        Ok(node(kind, self.span_from(start)))
    }

    /// `await primary`; the current token is the `await`.
    #[inline(never)]
    fn await_expr(&mut self) -> PResult<Expr> {
        let start = self.bump().span.start;
        self.enter()?;
        let value = self.primary()?;
        self.leave();
        Ok(node(ExprKind::Await { value: Box::new(value) }, self.span_from(start)))
    }

    /// At a `=` after `e` where no assignment can be: CPython's `invalid_named_expression` hints,
    /// if a bitwise-or expression follows the `=` (and no further `=` or `:=` follows that).
    pub(super) fn eq_hint(&mut self, e: &Expr) -> Option<SyntaxError> {
        let parenthesized = self.parenthesized(e);
        let is_name = matches!(e.kind, ExprKind::Name(_)) && !parenthesized;
        let excluded = !parenthesized && (!is_bitwise_or_level(e) || starts_excluded(e));
        if !is_name && excluded {
            return None;
        }
        let m = self.mark();
        self.bump();
        let after_eq = self.mark();
        let mut ok = self.bitwise_or().is_ok();
        if !ok {
            // CPython's parser backtracks to a shorter operand; an atom alone is the usual one.
            self.reset(after_eq);
            ok = !matches!(self.peek(), TokenKind::Not | TokenKind::Lambda | TokenKind::Star)
                && self.atom().is_ok();
        }
        let ok = ok && !self.at(&TokenKind::Assign) && !self.at(&TokenKind::Walrus);
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

    /// Whether `e` stands directly between parentheses (its span excludes them).
    pub(super) fn parenthesized(&self, e: &Expr) -> bool {
        let i = self.toks.partition_point(|t| t.span.start < e.span.start);
        let before = i.checked_sub(1).and_then(|i| self.toks.get(i));
        let after = self.toks.get(self.toks.partition_point(|t| t.span.start < e.span.end));
        before.is_some_and(|t| t.kind == TokenKind::LParen)
            && after.is_some_and(|t| t.kind == TokenKind::RParen)
    }

    /// `star_expression`: `*bitwise_or` or an expression.
    pub(super) fn star_expression(&mut self) -> PResult<Expr> {
        if self.at(&TokenKind::Star) { self.starred(Self::bitwise_or) } else { self.expression() }
    }

    /// `star_named_expression`: `*bitwise_or` or a named expression (display elements).
    pub(super) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at(&TokenKind::Star) {
            self.starred(Self::bitwise_or)
        } else {
            self.named_expression()
        }
    }

    /// `'*' operand` as a `Starred` node; the current token is the `*`.
    #[inline(never)]
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
        if items.len() == 1
            && !trailing
            && let Some(only) = items.pop()
        {
            return only;
        }
        node(ExprKind::Tuple(items), self.span_from(start))
    }

    /// `disjunction`: the operators down to `or` (an expression without `if` or lambda).
    pub(super) fn disjunction(&mut self) -> PResult<Expr> {
        self.operators(level::OR)
    }

    /// `bitwise_or`: the binary operators `|` down to `**`.
    pub(super) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.operators(level::BITOR)
    }

    /// An operand with the operators after it that bind at least as tightly as level `min`.
    fn operators(&mut self, min: u8) -> PResult<Expr> {
        let start = self.tok().span.start;
        let left = self.operand(min)?;
        match self.infix_level() {
            Some(found) if found >= min => self.operators_rest(left, min, start),
            _ => Ok(left),
        }
    }

    /// An operand: a primary, or a prefix operator (`not` only at level `min` <= `not`'s).
    fn operand(&mut self, min: u8) -> PResult<Expr> {
        match self.peek() {
            TokenKind::Not if min <= level::NOT => self.prefix(UnaryOp::Not),
            TokenKind::Minus => self.prefix(UnaryOp::Neg),
            TokenKind::Plus => self.prefix(UnaryOp::Pos),
            TokenKind::Tilde => self.prefix(UnaryOp::Invert),
            TokenKind::Await => self.await_expr(),
            _ => self.primary(),
        }
    }

    /// The level of the operator at the current token, if it is one.
    fn infix_level(&mut self) -> Option<u8> {
        match self.peek() {
            TokenKind::Or => Some(level::OR),
            TokenKind::And => Some(level::AND),
            TokenKind::Not => {
                if self.nth(1).kind == TokenKind::In {
                    return Some(level::CMP);
                }
                // CPython read the token after this `not`, looking for `not in`.
                self.not_lookahead = Some(self.pos);
                None
            }
            kind => match binop(kind) {
                Some((_, found)) => Some(found),
                None => self.compare_op().map(|_| level::CMP),
            },
        }
    }

    /// A prefix operator (`not`, `-`, `+`, `~`) and its operand.
    #[inline(never)]
    fn prefix(&mut self, op: UnaryOp) -> PResult<Expr> {
        let start = self.bump().span.start;
        self.enter()?;
        let operand = self.operators(if op == UnaryOp::Not { level::NOT } else { level::UNARY })?;
        self.leave();
        let span = self.span_from(start);
        Ok(node(ExprKind::UnaryOp { op, operand: Box::new(operand) }, span))
    }

    /// The operators at level `min` or above after the operand `left`, which started at offset
    /// `start` (the nodes built span from there, parentheses included, as in CPython).
    #[inline(never)]
    fn operators_rest(&mut self, mut left: Expr, min: u8, start: u32) -> PResult<Expr> {
        let saved = self.tree;
        while let Some(found) = self.infix_level() {
            if found < min {
                break;
            }
            left = self.infix(left, found, start)?;
        }
        self.tree = saved;
        Ok(left)
    }

    /// The operator at level `found` (the current token) with its right operand(s).
    fn infix(&mut self, left: Expr, found: u8, start: u32) -> PResult<Expr> {
        match found {
            level::OR => self.bool_rest(BoolOp::Or, left, start),
            level::AND => self.bool_rest(BoolOp::And, left, start),
            level::CMP => self.comparison_rest(left, start),
            _ => self.binary_rest(left, found, start),
        }
    }

    /// One binary operator at level `found` and its right operand (`**` is right-associative
    /// and takes a unary operand; the others are left-associative).
    fn binary_rest(&mut self, left: Expr, found: u8, start: u32) -> PResult<Expr> {
        let Some((op, _)) = binop(self.peek()) else { return Ok(left) };
        self.bump();
        let pow = op == BinOp::Pow;
        if pow {
            self.enter()?
        } else {
            self.grow()?
        }
        let right = self.operators(if pow { level::UNARY } else { found + 1 })?;
        if pow {
            self.leave();
        }
        let span = self.span_from(start);
        Ok(node(ExprKind::BinOp { left: Box::new(left), op, right: Box::new(right) }, span))
    }

    /// The `or` (or `and`) operands after `first`, as one `BoolOp`.
    fn bool_rest(&mut self, op: BoolOp, first: Expr, start: u32) -> PResult<Expr> {
        let (token, operand_level) = match op {
            BoolOp::Or => (TokenKind::Or, level::AND),
            BoolOp::And => (TokenKind::And, level::NOT),
        };
        let mut values = vec![first];
        while self.eat(&token) {
            values.push(self.operators(operand_level)?);
        }
        Ok(node(ExprKind::BoolOp { op, values }, self.span_from(start)))
    }

    /// The comparison operator at the current token (`not in` and `is not` take two tokens).
    fn compare_op(&self) -> Option<CmpOp> {
        use TokenKind as T;
        Some(match self.peek() {
            T::EqEqual => CmpOp::Eq,
            T::NotEqual => CmpOp::NotEq,
            T::Less => CmpOp::Lt,
            T::LessEqual => CmpOp::LtE,
            T::Greater => CmpOp::Gt,
            T::GreaterEqual => CmpOp::GtE,
            T::In => CmpOp::In,
            T::Not if self.nth(1).kind == T::In => CmpOp::NotIn,
            T::Is if self.nth(1).kind == T::Not => CmpOp::IsNot,
            T::Is => CmpOp::Is,
            _ => return None,
        })
    }

    /// The operators and operands of a comparison chain after its first operand: one `Compare`.
    fn comparison_rest(&mut self, left: Expr, start: u32) -> PResult<Expr> {
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some(op) = self.compare_op() {
            if matches!(op, CmpOp::NotIn | CmpOp::IsNot) {
                self.bump();
            }
            self.bump();
            ops.push(op);
            comparators.push(self.operators(level::BITOR)?);
        }
        if comparators.is_empty() {
            return Ok(left);
        }
        let span = self.span_from(start);
        Ok(node(ExprKind::Compare { left: Box::new(left), ops, comparators }, span))
    }

    /// `lambda params: body`.
    #[inline(never)]
    fn lambda(&mut self) -> PResult<Expr> {
        let start = self.bump().span.start;
        self.enter()?;
        let params = self.parameters(false)?;
        self.expect(&TokenKind::Colon)?;
        let body = self.expression()?;
        self.leave();
        let span = self.span_from(start);
        Ok(node(ExprKind::Lambda { params: Box::new(params), body: Box::new(body) }, span))
    }
}

/// Whether `e` starts with a list display, a parenthesized tuple, a generator expression or
/// `True`/`False`/`None`: CPython's `==` hint is not offered then (its grammar looks ahead for
/// those at the start of the target).
fn starts_excluded(e: &Expr) -> bool {
    let start = e.span.start;
    let mut cur = e;
    loop {
        if cur.span.start != start {
            return false;
        }
        cur = match &cur.kind {
            ExprKind::List(_)
            | ExprKind::Tuple(_)
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Bool(_)
            | ExprKind::None => return true,
            ExprKind::BinOp { left, .. } | ExprKind::Compare { left, .. } => left,
            ExprKind::Call { func, .. } => func,
            ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => value,
            ExprKind::IfExp { body, .. } => body,
            ExprKind::BoolOp { values, .. } => match values.first() {
                Some(first) => first,
                None => return false,
            },
            _ => return false,
        };
    }
}
