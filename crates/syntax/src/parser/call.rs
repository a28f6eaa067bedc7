//! Primaries: an atom followed by attribute accesses, calls and subscripts; call arguments (also
//! used for class bases) and slices.

use super::{PResult, Parser, Stage, node};
use crate::ast::{Expr, ExprKind, Keyword};
use crate::error::SyntaxError;
use crate::span::Span;
use crate::token::TokenKind;

/// The arguments of a call: positional (with `Starred`), keywords, and the end offset of `)`.
pub(super) type CallArgs = (Vec<Expr>, Vec<Keyword>, u32);

/// The arguments parsed so far.
#[derive(Default)]
pub(super) struct ArgState {
    /// Positional arguments.
    args: Vec<Expr>,
    /// Keyword arguments and `**` mappings.
    keywords: Vec<Keyword>,
    /// A `name=value` argument was seen.
    seen_keyword: bool,
    /// A `**mapping` argument was seen.
    seen_double_star: bool,
    /// The last argument went to `keywords`.
    last_is_keyword: bool,
    /// The error for a positional argument after keywords, reported at the `)`.
    misplaced: Option<&'static str>,
}

impl Parser<'_> {
    /// `primary`: an atom and any `.name`, `(args)` and `[index]` after it.
    pub(super) fn primary(&mut self) -> PResult<Expr> {
        let start = self.tok().span.start;
        let e = self.atom()?;
        if matches!(self.peek(), TokenKind::Dot | TokenKind::LParen | TokenKind::LBracket) {
            self.postfix(e, start)
        } else {
            Ok(e)
        }
    }

    /// The attribute accesses, calls and subscripts after an atom that started at offset `start`
    /// (the nodes built span from there, parentheses included, as in CPython).
    #[inline(never)]
    fn postfix(&mut self, mut e: Expr, start: u32) -> PResult<Expr> {
        let saved = self.tree;
        while matches!(self.peek(), TokenKind::Dot | TokenKind::LParen | TokenKind::LBracket) {
            e = self.postfix_step(e, start)?;
            self.grow()?;
        }
        self.tree = saved;
        Ok(e)
    }

    /// One `.name`, `(args)` or `[index]` after `e`.
    fn postfix_step(&mut self, e: Expr, start: u32) -> PResult<Expr> {
        match self.peek() {
            TokenKind::Dot => self.attribute(e, start),
            TokenKind::LParen => self.call(e, start),
            _ => self.subscript(e, start),
        }
    }

    /// `.name` after `value` (from offset `start`); the current token is the `.`.
    fn attribute(&mut self, value: Expr, start: u32) -> PResult<Expr> {
        self.bump();
        let attr = self.ident()?;
        let span = self.span_from(start);
        Ok(node(ExprKind::Attribute { value: Box::new(value), attr }, span))
    }

    /// `[index]` after `value` (from offset `start`); the current token is the `[`.
    fn subscript(&mut self, value: Expr, start: u32) -> PResult<Expr> {
        let (index, end) = self.bracketed(Self::slices)?;
        let span = Span { start, end };
        Ok(node(ExprKind::Subscript { value: Box::new(value), index: Box::new(index) }, span))
    }

    /// A call of `func` (from offset `start`); the current token is the `(`.
    fn call(&mut self, func: Expr, start: u32) -> PResult<Expr> {
        let (args, keywords, end) = self.bracketed(Self::call_args)?;
        let span = Span { start, end };
        Ok(node(ExprKind::Call { func: Box::new(func), args, keywords }, span))
    }

    /// The arguments after `(` (at offset `open`) through `)`.
    pub(super) fn call_args(&mut self, open: u32) -> PResult<CallArgs> {
        let mut st = ArgState::default();
        while !self.at(&TokenKind::RParen) {
            self.call_arg(open, &mut st)?;
            if !self.at(&TokenKind::Comma) && !self.at(&TokenKind::RParen) {
                return Err(self.after_arg_error(&st));
            }
            self.eat(&TokenKind::Comma);
        }
        let close = self.bump().span;
        if let Some(msg) = st.misplaced {
            return Err(SyntaxError::new(msg, close));
        }
        Ok((st.args, st.keywords, close.end))
    }

    /// One argument of a call, added to `st`.
    fn call_arg(&mut self, open: u32, st: &mut ArgState) -> PResult<()> {
        match self.peek() {
            TokenKind::DoubleStar => self.double_star_arg(st),
            TokenKind::Star => self.star_arg(st),
            TokenKind::Name(_) if self.nth(1).kind == TokenKind::Assign => self.keyword_arg(st),
            _ => self.positional_arg(open, st),
        }
    }

    /// `**mapping`.
    #[inline(never)]
    fn double_star_arg(&mut self, st: &mut ArgState) -> PResult<()> {
        let start = self.bump().span.start;
        let value = self.expression()?;
        let span = self.span_from(start);
        st.seen_double_star = true;
        st.keywords.push(Keyword { arg: None, value, span });
        st.last_is_keyword = true;
        Ok(())
    }

    /// `*iterable`.
    #[inline(never)]
    fn star_arg(&mut self, st: &mut ArgState) -> PResult<()> {
        if st.seen_double_star && st.misplaced.is_none() {
            let msg = "iterable argument unpacking follows keyword argument unpacking";
            return Err(SyntaxError::new(msg, self.tok().span));
        }
        let starred = self.starred(Self::expression)?;
        if self.at_comp_for() {
            let msg = "iterable unpacking cannot be used in comprehension";
            return Err(SyntaxError::new(msg, starred.span));
        }
        st.args.push(starred);
        st.last_is_keyword = false;
        Ok(())
    }

    /// `name=value`.
    #[inline(never)]
    fn keyword_arg(&mut self, st: &mut ArgState) -> PResult<()> {
        let arg = self.ident()?;
        self.bump();
        let value = self.expression()?;
        let span = self.span_from(arg.span.start);
        if st.keywords.iter().any(|k| k.arg.as_ref().is_some_and(|a| a.name == arg.name)) {
            let msg = format!("keyword argument repeated: {}", arg.name);
            self.defer(Stage::Compile, SyntaxError::new(msg, span));
        }
        st.seen_keyword = true;
        st.keywords.push(Keyword { arg: Some(arg), value, span });
        st.last_is_keyword = true;
        Ok(())
    }

    /// A positional argument, or a generator expression (which must be the sole argument: its
    /// span then starts at the call's `(`, at offset `open`).
    #[inline(never)]
    fn positional_arg(&mut self, open: u32, st: &mut ArgState) -> PResult<()> {
        let e = match self.expression() {
            Ok(e) => e,
            Err(err) => return Err(self.misplaced_arg_error(st, err)),
        };
        self.positional_rest(open, st, e)
    }

    /// CPython reports a malformed positional argument after keyword arguments as the misplaced
    /// argument (where the plain "invalid syntax" would have been).
    #[cold]
    fn misplaced_arg_error(&self, st: &ArgState, err: SyntaxError) -> SyntaxError {
        if err.msg != "invalid syntax" || !(st.seen_keyword || st.seen_double_star) {
            return err;
        }
        let msg = if st.seen_double_star {
            "positional argument follows keyword argument unpacking"
        } else {
            "positional argument follows keyword argument"
        };
        SyntaxError { msg: msg.to_string(), ..err }
    }

    /// Checks and records the positional argument `e`.
    #[inline(never)]
    fn positional_rest(&mut self, open: u32, st: &mut ArgState, e: Expr) -> PResult<()> {
        let walrus = self.at(&TokenKind::Walrus);
        let e = if walrus { self.walrus_arg(e)? } else { e };
        let e = match self.peek() {
            TokenKind::Assign if walrus => return Err(self.unexpected()),
            TokenKind::Assign => return Err(self.kwarg_error(&e)),
            TokenKind::For | TokenKind::Async => {
                let first = st.args.is_empty() && st.keywords.is_empty();
                self.call_genexp(open, e, first)?
            }
            _ => e,
        };
        if st.misplaced.is_none() && (st.seen_double_star || st.seen_keyword) {
            // CPython reports this at the closing `)`, once all arguments have parsed.
            st.misplaced = Some(if st.seen_double_star {
                "positional argument follows keyword argument unpacking"
            } else {
                "positional argument follows keyword argument"
            });
        }
        st.args.push(e);
        st.last_is_keyword = false;
        Ok(())
    }

    /// `name := value` as an argument (only a bare name: `f(x.y := 1)` is "invalid syntax").
    #[inline(never)]
    fn walrus_arg(&mut self, e: Expr) -> PResult<Expr> {
        if matches!(e.kind, ExprKind::Name(_)) && !self.parenthesized(&e) {
            self.named_tail(e)
        } else {
            Err(self.unexpected())
        }
    }

    /// The error for `expr=` in a call where `expr` is not a name.
    #[cold]
    fn kwarg_error(&self, e: &Expr) -> SyntaxError {
        let msg = match e.kind {
            ExprKind::Bool(true) => "cannot assign to True",
            ExprKind::Bool(false) => "cannot assign to False",
            ExprKind::None => "cannot assign to None",
            _ => "expression cannot contain assignment, perhaps you meant \"==\"?",
        };
        SyntaxError::new(msg, Span { start: e.span.start, end: self.tok().span.end })
    }

    /// A generator expression argument with element `elt`; it must be the only argument.
    fn call_genexp(&mut self, open: u32, elt: Expr, first: bool) -> PResult<Expr> {
        let start = elt.span.start;
        let (elt, generators) = self.comprehension(elt)?;
        let kind = ExprKind::GeneratorExp { elt: Box::new(elt), generators };
        if first && self.at(&TokenKind::RParen) {
            return Ok(node(kind, Span { start: open, end: self.tok().span.end }));
        }
        let msg = "Generator expression must be parenthesized";
        Err(SyntaxError::new(msg, self.span_from(start)))
    }

    /// The error after an argument followed by neither `,` nor `)`.
    #[cold]
    fn after_arg_error(&mut self, st: &ArgState) -> SyntaxError {
        let last = if st.last_is_keyword {
            st.keywords.last().map(|k| &k.value)
        } else {
            // The comma hint looks at the expression after a `*`.
            st.args.last().map(|a| match &a.kind {
                ExprKind::Starred(inner) => &**inner,
                _ => a,
            })
        };
        self.missing_comma_opt(last)
    }

    /// The index after `[` through `]`: one slice or expression, or a tuple of them.
    fn slices(&mut self, _open: u32) -> PResult<(Expr, u32)> {
        let first = self.slice_item()?;
        self.slices_rest(first)
    }

    /// The rest of a subscript after its first item.
    #[inline(never)]
    fn slices_rest(&mut self, first: Expr) -> PResult<(Expr, u32)> {
        if !self.at(&TokenKind::Comma) {
            let end = self.expect_close(&TokenKind::RBracket, Some(&first))?;
            return Ok((first, end));
        }
        let start = first.span.start;
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
        match self.peek() {
            TokenKind::Star => self.starred(Self::expression),
            TokenKind::Colon => self.slice(self.tok().span.start, None),
            _ => {
                let start = self.tok().span.start;
                let lower = self.expression()?;
                self.slice_item_rest(lower, start)
            }
        }
    }

    /// After the first expression (from offset `start`) of a subscript item: a slice if a `:`
    /// follows.
    #[inline(never)]
    fn slice_item_rest(&mut self, lower: Expr, start: u32) -> PResult<Expr> {
        if self.at(&TokenKind::Colon) {
            self.slice(start, Some(lower))
        } else {
            self.named_tail(lower)
        }
    }

    /// A slice from offset `start` with its `lower` bound parsed; the current token is a `:`.
    fn slice(&mut self, start: u32, lower: Option<Expr>) -> PResult<Expr> {
        self.bump();
        let upper = self.slice_part()?;
        let step = if self.eat(&TokenKind::Colon) { self.slice_part()? } else { None };
        let kind = ExprKind::Slice {
            lower: lower.map(Box::new),
            upper: upper.map(Box::new),
            step: step.map(Box::new),
        };
        Ok(node(kind, self.span_from(start)))
    }

    /// An optional bound of a slice.
    fn slice_part(&mut self) -> PResult<Option<Expr>> {
        if matches!(self.peek(), TokenKind::Colon | TokenKind::Comma | TokenKind::RBracket) {
            return Ok(None);
        }
        self.expression().map(Some)
    }
}
