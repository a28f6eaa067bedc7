//! Primaries: an atom followed by attribute accesses, calls and subscripts; call arguments (also
//! used for class bases) and slices.

use super::{PResult, Parser, Stage, node};
use crate::ast::{Expr, ExprKind, Keyword};
use crate::error::SyntaxError;
use crate::span::Span;
use crate::token::TokenKind;

/// The arguments of a call: positional (with `Starred`), keywords, and the end offset of `)`.
pub(super) type CallArgs = (Vec<Expr>, Vec<Keyword>, u32);

impl Parser<'_> {
    /// `primary`: an atom and any `.name`, `(args)` and `[index]` after it.
    pub(super) fn primary(&mut self) -> PResult<Expr> {
        let mut e = self.atom()?;
        let saved = self.tree;
        loop {
            e = match self.peek() {
                TokenKind::Dot => {
                    self.bump();
                    let attr = self.ident()?;
                    let span = e.span.to(attr.span);
                    node(ExprKind::Attribute { value: Box::new(e), attr }, span)
                }
                TokenKind::LParen => {
                    let (args, keywords, end) = self.bracketed(Self::call_args)?;
                    let span = Span { start: e.span.start, end };
                    node(ExprKind::Call { func: Box::new(e), args, keywords }, span)
                }
                TokenKind::LBracket => {
                    let (index, end) = self.bracketed(Self::slices)?;
                    let span = Span { start: e.span.start, end };
                    node(ExprKind::Subscript { value: Box::new(e), index: Box::new(index) }, span)
                }
                _ => break,
            };
            self.grow()?;
        }
        self.tree = saved;
        Ok(e)
    }

    /// The arguments after `(` (at offset `open`) through `)`.
    pub(super) fn call_args(&mut self, open: u32) -> PResult<CallArgs> {
        let mut args: Vec<Expr> = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_keyword = false;
        let mut seen_double_star = false;
        loop {
            if self.at(&TokenKind::RParen) {
                break;
            }
            let t = self.tok();
            let last = match &t.kind {
                TokenKind::DoubleStar => {
                    self.bump();
                    let value = self.expression()?;
                    let span = self.span_from(t.span.start);
                    seen_double_star = true;
                    keywords.push(Keyword { arg: None, value, span });
                    keywords.last().map(|k| &k.value)
                }
                TokenKind::Star => {
                    if seen_double_star {
                        let msg = "iterable argument unpacking follows keyword argument unpacking";
                        return Err(SyntaxError::new(msg, t.span));
                    }
                    args.push(self.starred(Self::expression)?);
                    args.last()
                }
                TokenKind::Name(_) if self.nth(1).kind == TokenKind::Assign => {
                    let arg = self.ident()?;
                    self.bump();
                    let value = self.expression()?;
                    let span = self.span_from(arg.span.start);
                    if keywords.iter().any(|k| k.arg.as_ref().is_some_and(|a| a.name == arg.name)) {
                        let msg = format!("keyword argument repeated: {}", arg.name);
                        self.defer(Stage::Compile, SyntaxError::new(msg, span));
                    }
                    seen_keyword = true;
                    keywords.push(Keyword { arg: Some(arg), value, span });
                    keywords.last().map(|k| &k.value)
                }
                _ => {
                    let e = self.positional_arg(open, args.is_empty() && keywords.is_empty())?;
                    if seen_double_star || seen_keyword {
                        let msg = if seen_double_star {
                            "positional argument follows keyword argument unpacking"
                        } else {
                            "positional argument follows keyword argument"
                        };
                        return Err(SyntaxError::new(msg, e.span));
                    }
                    args.push(e);
                    args.last()
                }
            };
            if !self.at(&TokenKind::Comma) && !self.at(&TokenKind::RParen) {
                return Err(self.missing_comma_opt(last));
            }
            self.eat(&TokenKind::Comma);
        }
        let end = self.bump().span.end;
        Ok((args, keywords, end))
    }

    /// A positional argument, or a generator expression (which must be the sole argument: its
    /// span then starts at the call's `(`, at offset `open`).
    fn positional_arg(&mut self, open: u32, first: bool) -> PResult<Expr> {
        let e = self.expression()?;
        if self.at(&TokenKind::Walrus) {
            return Err(self.unexpected());
        }
        if self.at(&TokenKind::Assign) {
            let eq_end = self.tok().span.end;
            let msg = match e.kind {
                ExprKind::Bool(true) => "cannot assign to True".to_string(),
                ExprKind::Bool(false) => "cannot assign to False".to_string(),
                ExprKind::None => "cannot assign to None".to_string(),
                _ => "expression cannot contain assignment, perhaps you meant \"==\"?".to_string(),
            };
            return Err(SyntaxError::new(msg, Span { start: e.span.start, end: eq_end }));
        }
        if !self.at_comp_for() {
            return Ok(e);
        }
        let start = e.span.start;
        let (elt, generators) = self.comprehension(e)?;
        let kind = ExprKind::GeneratorExp { elt: Box::new(elt), generators };
        if first && self.at(&TokenKind::RParen) {
            return Ok(node(kind, Span { start: open, end: self.tok().span.end }));
        }
        let msg = "Generator expression must be parenthesized";
        Err(SyntaxError::new(msg, self.span_from(start)))
    }

    /// The index after `[` through `]`: one slice or expression, or a tuple of them.
    fn slices(&mut self, _open: u32) -> PResult<(Expr, u32)> {
        let start = self.tok().span.start;
        let first = self.slice_item()?;
        if !self.at(&TokenKind::Comma) {
            let end = self.expect_close(&TokenKind::RBracket, Some(&first))?;
            return Ok((first, end));
        }
        let mut items = vec![first];
        while self.eat(&TokenKind::Comma) {
            if self.at(&TokenKind::RBracket) {
                break;
            }
            items.push(self.slice_item()?);
        }
        let span = self.span_from(start);
        let end = self.expect_close(&TokenKind::RBracket, items.last())?;
        Ok((node(ExprKind::Tuple(items), span), end))
    }

    /// One item of a subscript: `*x`, `lower:upper:step` (each part optional), or an expression.
    fn slice_item(&mut self) -> PResult<Expr> {
        if self.at(&TokenKind::Star) {
            return self.starred(Self::expression);
        }
        let start = self.tok().span.start;
        let lower = if self.at(&TokenKind::Colon) { None } else { Some(self.expression()?) };
        if !self.eat(&TokenKind::Colon) {
            return match lower {
                Some(e) => self.named_tail(e),
                None => Err(self.unexpected()),
            };
        }
        let ends_part = |k: &TokenKind| {
            matches!(k, TokenKind::Colon | TokenKind::Comma | TokenKind::RBracket)
        };
        let upper = if ends_part(self.peek()) { None } else { Some(self.expression()?) };
        let step = if self.eat(&TokenKind::Colon) && !ends_part(self.peek()) {
            Some(self.expression()?)
        } else {
            None
        };
        let kind = ExprKind::Slice {
            lower: lower.map(Box::new),
            upper: upper.map(Box::new),
            step: step.map(Box::new),
        };
        Ok(node(kind, self.span_from(start)))
    }
}
