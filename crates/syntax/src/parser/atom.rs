//! Atoms: names, literals, parenthesized groups and tuples, list/set/dict displays,
//! comprehensions and generator expressions, plus the "Perhaps you forgot a comma?" check.

use super::{PResult, Parser, node, starts_expr};
use crate::ast::{Comprehension, Expr, ExprKind};
use crate::error::SyntaxError;
use crate::span::Span;
use crate::token::TokenKind;

impl Parser<'_> {
    /// `atom`: a name, a literal, or a bracketed display.
    pub(super) fn atom(&mut self) -> PResult<Expr> {
        match self.peek() {
            TokenKind::Str(_) | TokenKind::Bytes(_) | TokenKind::FString(_) => self.strings(),
            TokenKind::LParen => self.bracketed(Self::group),
            TokenKind::LBracket => self.bracketed(Self::list_display),
            TokenKind::LBrace => self.bracketed(Self::brace_display),
            _ => self.literal(),
        }
    }

    /// A name, number or constant.
    #[inline(never)]
    fn literal(&mut self) -> PResult<Expr> {
        use TokenKind as T;
        let t = self.tok();
        let kind = match &t.kind {
            T::Name(name) => ExprKind::Name(name.clone()),
            T::True => ExprKind::Bool(true),
            T::False => ExprKind::Bool(false),
            T::None => ExprKind::None,
            T::Ellipsis => ExprKind::Ellipsis,
            T::Int(value) => ExprKind::Int(value.clone()),
            T::Float(value) => ExprKind::Float(*value),
            _ => return Err(self.unexpected()),
        };
        self.bump();
        Ok(node(kind, t.span))
    }

    /// Consumes an opening bracket and runs `inner` with the opening offset, one level deeper.
    pub(super) fn bracketed<T>(&mut self, inner: fn(&mut Self, u32) -> PResult<T>) -> PResult<T> {
        let start = self.bump().span.start;
        self.enter()?;
        self.brackets += 1;
        let result = inner(self, start);
        self.brackets -= 1;
        self.leave();
        result
    }

    /// After `(`: `()`, `(x)` (just `x`), a tuple, or a generator expression.
    fn group(&mut self, start: u32) -> PResult<Expr> {
        self.group_body(start, &TokenKind::RParen)
    }

    /// The inside of a parenthesized group up to and including `close` (`)`, or the end of an
    /// f-string replacement field, which CPython parses as if it were parenthesized).
    pub(super) fn group_body(&mut self, start: u32, close: &TokenKind) -> PResult<Expr> {
        if self.at(close) || self.at(&TokenKind::Yield) {
            return self.empty_or_yield_group(close, start);
        }
        let first = self.star_named_expression()?;
        self.group_rest(start, close, first)
    }

    /// `()`, or `(yield ...)` (just the yield expression, like `(x)`), through `close`.
    #[inline(never)]
    fn empty_or_yield_group(&mut self, close: &TokenKind, start: u32) -> PResult<Expr> {
        if self.at(&TokenKind::Yield) {
            let value = self.yield_expr()?;
            let last = match &value.kind {
                ExprKind::Yield { value: Some(v) } | ExprKind::YieldFrom { value: v } => {
                    match &v.kind {
                        ExprKind::Tuple(items) if !self.parenthesized(v) => items.last(),
                        _ => Some(&**v),
                    }
                }
                _ => None,
            };
            self.expect_close(close, last)?;
            return Ok(value);
        }
        let end = self.bump().span.end;
        Ok(node(ExprKind::Tuple(Vec::new()), Span { start, end }))
    }

    /// A parenthesized group after its first element.
    #[inline(never)]
    fn group_rest(&mut self, start: u32, close: &TokenKind, first: Expr) -> PResult<Expr> {
        if self.at_comp_for() {
            return self.genexp(start, close, first);
        }
        if self.at(close) {
            self.bump();
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(SyntaxError::new("cannot use starred expression here", first.span));
            }
            return Ok(first);
        }
        if !self.at(&TokenKind::Comma) {
            return Err(self.missing_comma(&first));
        }
        self.tuple_rest(start, close, first)
    }

    /// A generator expression after its element, through `close`.
    fn genexp(&mut self, start: u32, close: &TokenKind, first: Expr) -> PResult<Expr> {
        let (elt, generators) = self.comprehension(first)?;
        let end = self.expect_close(close, None)?;
        let kind = ExprKind::GeneratorExp { elt: Box::new(elt), generators };
        Ok(node(kind, Span { start, end }))
    }

    /// A parenthesized tuple after its first element, through `close`.
    fn tuple_rest(&mut self, start: u32, close: &TokenKind, first: Expr) -> PResult<Expr> {
        let (items, end) = self.elements(first, close)?;
        Ok(node(ExprKind::Tuple(items), Span { start, end }))
    }

    /// After `[`: a list display or a list comprehension.
    fn list_display(&mut self, start: u32) -> PResult<Expr> {
        if self.at(&TokenKind::RBracket) {
            let end = self.bump().span.end;
            return Ok(node(ExprKind::List(Vec::new()), Span { start, end }));
        }
        let first = self.star_named_expression()?;
        self.list_rest(start, first)
    }

    /// A list display or comprehension after its first element.
    #[inline(never)]
    fn list_rest(&mut self, start: u32, first: Expr) -> PResult<Expr> {
        if self.at_comp_for() { self.listcomp(start, first) } else { self.list_items(start, first) }
    }

    /// A list comprehension after its element.
    fn listcomp(&mut self, start: u32, first: Expr) -> PResult<Expr> {
        let (elt, generators) = self.comprehension(first)?;
        let end = self.expect_close(&TokenKind::RBracket, None)?;
        let kind = ExprKind::ListComp { elt: Box::new(elt), generators };
        Ok(node(kind, Span { start, end }))
    }

    /// A list display after its first element.
    fn list_items(&mut self, start: u32, first: Expr) -> PResult<Expr> {
        let (items, end) = self.elements(first, &TokenKind::RBracket)?;
        Ok(node(ExprKind::List(items), Span { start, end }))
    }

    /// After `{`: a dict or set display, or a dict or set comprehension.
    fn brace_display(&mut self, start: u32) -> PResult<Expr> {
        match self.peek() {
            TokenKind::RBrace => {
                let end = self.bump().span.end;
                Ok(node(ExprKind::Dict(Vec::new()), Span { start, end }))
            }
            TokenKind::DoubleStar => self.dict_spread_first(start),
            _ => {
                let first = self.star_named_expression()?;
                if self.at(&TokenKind::Colon)
                    && matches!(first.kind, ExprKind::NamedExpr { .. })
                    && !self.parenthesized(&first)
                {
                    // A dict key is an `expression`: `{x := 1: 2}` needs parentheses.
                    return Err(self.unexpected());
                }
                if self.at(&TokenKind::Colon) && !matches!(first.kind, ExprKind::Starred(_)) {
                    self.dict_first(start, first)
                } else {
                    self.set_rest(start, first)
                }
            }
        }
    }

    /// A dict display starting with `**mapping`.
    #[inline(never)]
    fn dict_spread_first(&mut self, start: u32) -> PResult<Expr> {
        let star = self.tok().span;
        let value = self.double_starred()?;
        if self.at_comp_for() {
            let msg = "dict unpacking cannot be used in dict comprehension";
            return Err(SyntaxError::new(msg, star));
        }
        self.dict_rest(start, (None, value))
    }

    /// A dict display or comprehension after its first key (the current token is the `:`).
    #[inline(never)]
    fn dict_first(&mut self, start: u32, key: Expr) -> PResult<Expr> {
        self.bump();
        let value = self.dict_value()?;
        self.dict_first_rest(start, key, value)
    }

    /// A dict display or comprehension after its first item.
    #[inline(never)]
    fn dict_first_rest(&mut self, start: u32, key: Expr, value: Expr) -> PResult<Expr> {
        if !self.at_comp_for() {
            return self.dict_rest(start, (Some(key), value));
        }
        let (value, generators) = self.comprehension(value)?;
        let end = self.expect_close(&TokenKind::RBrace, None)?;
        let kind = ExprKind::DictComp { key: Box::new(key), value: Box::new(value), generators };
        Ok(node(kind, Span { start, end }))
    }

    /// A set display or comprehension after its first element.
    #[inline(never)]
    fn set_rest(&mut self, start: u32, first: Expr) -> PResult<Expr> {
        if self.at_comp_for() { self.setcomp(start, first) } else { self.set_items(start, first) }
    }

    /// A set comprehension after its element.
    fn setcomp(&mut self, start: u32, first: Expr) -> PResult<Expr> {
        let (elt, generators) = self.comprehension(first)?;
        let end = self.expect_close(&TokenKind::RBrace, None)?;
        let kind = ExprKind::SetComp { elt: Box::new(elt), generators };
        Ok(node(kind, Span { start, end }))
    }

    /// A set display after its first element.
    fn set_items(&mut self, start: u32, first: Expr) -> PResult<Expr> {
        let (items, end) = self.elements(first, &TokenKind::RBrace)?;
        Ok(node(ExprKind::Set(items), Span { start, end }))
    }

    /// `'**' bitwise_or` in a dict display; the current token is the `**`.
    fn double_starred(&mut self) -> PResult<Expr> {
        self.bump();
        self.bitwise_or()
    }

    /// The value after `key:` in a dict display.
    fn dict_value(&mut self) -> PResult<Expr> {
        if matches!(self.peek(), TokenKind::Comma | TokenKind::RBrace) {
            let colon = self.toks.get(self.pos.wrapping_sub(1)).map_or(self.tok().span, |t| t.span);
            let msg = "expression expected after dictionary key and ':'";
            return Err(SyntaxError::new(msg, colon));
        }
        if self.at(&TokenKind::Star) {
            let value = self.starred(Self::bitwise_or)?;
            let msg = "cannot use a starred expression in a dictionary value";
            return Err(SyntaxError::new(msg, value.span));
        }
        self.expression()
    }

    /// The items of a dict display after the first, through the closing `}`.
    fn dict_rest(&mut self, start: u32, first: (Option<Expr>, Expr)) -> PResult<Expr> {
        let mut items = vec![first];
        loop {
            if self.at(&TokenKind::RBrace) {
                let end = self.bump().span.end;
                return Ok(node(ExprKind::Dict(items), Span { start, end }));
            }
            if !self.eat(&TokenKind::Comma) {
                // CPython offers no comma hint after a `**mapping`.
                let last = items.last().filter(|(k, _)| k.is_some()).map(|(_, v)| v);
                return Err(self.missing_comma_opt(last));
            }
            if !self.at(&TokenKind::RBrace) {
                items.push(self.dict_item()?);
            }
        }
    }

    /// One `key: value` or `**mapping` item of a dict display.
    fn dict_item(&mut self) -> PResult<(Option<Expr>, Expr)> {
        if self.at(&TokenKind::DoubleStar) {
            return Ok((None, self.double_starred()?));
        }
        let key = self.expression()?;
        self.dict_item_value(key)
    }

    /// The `: value` after a dict key.
    #[inline(never)]
    fn dict_item_value(&mut self, key: Expr) -> PResult<(Option<Expr>, Expr)> {
        if !self.eat(&TokenKind::Colon) {
            // CPython points at the last character of the key.
            let at = self.src.get(..key.span.end as usize).and_then(|s| s.chars().last());
            let width = at.map_or(1, char::len_utf8) as u32;
            let span = Span { start: key.span.end.saturating_sub(width), end: key.span.end };
            return Err(SyntaxError::new("':' expected after dictionary key", span));
        }
        let value = self.dict_value()?;
        Ok((Some(key), value))
    }

    /// The remaining elements of a tuple, list or set display after `first`, through `close`;
    /// returns them with the end offset of `close`.
    fn elements(&mut self, first: Expr, close: &TokenKind) -> PResult<(Vec<Expr>, u32)> {
        let mut items = vec![first];
        loop {
            if self.at(close) {
                return Ok((items, self.bump().span.end));
            }
            if !self.eat(&TokenKind::Comma) {
                return Err(self.missing_comma_opt(items.last()));
            }
            if self.at(close) {
                continue;
            }
            items.push(self.star_named_expression()?);
        }
    }

    /// Consumes `close`, or fails with the comma hint after `last` (if given) or "invalid syntax".
    pub(super) fn expect_close(&mut self, close: &TokenKind, last: Option<&Expr>) -> PResult<u32> {
        if self.at(close) {
            return Ok(self.bump().span.end);
        }
        Err(self.missing_comma_opt(last))
    }

    /// Whether a comprehension clause starts here.
    pub(super) fn at_comp_for(&self) -> bool {
        matches!(self.peek(), TokenKind::For | TokenKind::Async)
    }

    /// The `for ... in ... if ...` clauses after the element `elt` of a comprehension or generator
    /// expression; rejects a starred element.
    pub(super) fn comprehension(&mut self, elt: Expr) -> PResult<(Expr, Vec<Comprehension>)> {
        if matches!(elt.kind, ExprKind::Starred(_)) {
            let msg = "iterable unpacking cannot be used in comprehension";
            return Err(SyntaxError::new(msg, elt.span));
        }
        let mut generators = Vec::new();
        while self.at_comp_for() {
            generators.push(self.comp_clause()?);
        }
        Ok((elt, generators))
    }

    /// One `[async] for target in iter if cond...` clause.
    fn comp_clause(&mut self) -> PResult<Comprehension> {
        let is_async = self.eat(&TokenKind::Async);
        self.expect(&TokenKind::For)?;
        let target = self.for_target()?;
        let iter = self.disjunction()?;
        let mut ifs = Vec::new();
        while self.eat(&TokenKind::If) {
            ifs.push(self.disjunction()?);
        }
        Ok(Comprehension { target, iter, ifs, is_async })
    }

    /// `star_targets` of a `for` loop or comprehension clause: `*`-prefixed or bitwise-or items
    /// (so that the `in` after them is not taken as a comparison).
    pub(super) fn target_list(&mut self) -> PResult<Expr> {
        let start = self.tok().span.start;
        let first = self.target_item()?;
        if !self.at(&TokenKind::Comma) {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat(&TokenKind::Comma) {
            if !starts_expr(self.peek()) && !self.at(&TokenKind::Star) {
                break;
            }
            items.push(self.target_item()?);
        }
        Ok(node(ExprKind::Tuple(items), self.span_from(start)))
    }

    /// One item of a target list.
    pub(super) fn target_item(&mut self) -> PResult<Expr> {
        if self.at(&TokenKind::Star) {
            return self.starred(Self::bitwise_or);
        }
        self.bitwise_or()
    }

    /// [`Parser::missing_comma`] after `last`, or "invalid syntax" without one.
    pub(super) fn missing_comma_opt(&mut self, last: Option<&Expr>) -> SyntaxError {
        match last {
            Some(e) => self.missing_comma(e),
            None => self.unexpected(),
        }
    }

    /// The error when `a` (inside brackets) is followed by neither a comma nor a closer: CPython's
    /// "invalid syntax. Perhaps you forgot a comma?" from `a` to the end of the expression that
    /// follows it, if one does; otherwise "invalid syntax" at the current token.
    pub(super) fn missing_comma(&mut self, a: &Expr) -> SyntaxError {
        let mut a = a;
        loop {
            match &a.kind {
                ExprKind::Lambda { body, .. } => a = body,
                ExprKind::IfExp { orelse, .. } => a = orelse,
                ExprKind::Slice { lower, upper, step } => {
                    match step.as_deref().or(upper.as_deref()).or(lower.as_deref()) {
                        Some(last) => a = last,
                        None => return self.unexpected(),
                    }
                }
                _ => break,
            }
        }
        if self.brackets == 0
            || !starts_expr(self.peek())
            || matches!(a.kind, ExprKind::Starred(_))
            || self.starts_name_string(a)
        {
            return self.unexpected();
        }
        let m = self.mark();
        let b = self.expression();
        self.reset(m);
        match b {
            Ok(b) => {
                let msg = "invalid syntax. Perhaps you forgot a comma?";
                SyntaxError::new(msg, Span { start: a.span.start, end: b.span.end })
            }
            Err(_) => self.unexpected(),
        }
    }

    /// CPython offers no comma hint when `a` starts with a name followed by a string, or with a
    /// soft keyword. CPython 3.11 compares names with its soft keywords (`_`, `case`, `match`)
    /// only up to the name's length, so any prefix of one (`c`, `ma`, ...) counts too.
    fn starts_name_string(&self, a: &Expr) -> bool {
        let i = self.toks.partition_point(|t| t.span.start < a.span.start);
        match self.toks.get(i).map(|t| &t.kind) {
            Some(TokenKind::Name(n))
                if ["_", "case", "match"].iter().any(|k| k.starts_with(n.as_str())) =>
            {
                true
            }
            Some(TokenKind::Name(_)) => matches!(
                self.toks.get(i + 1).map(|t| &t.kind),
                Some(TokenKind::Str(_) | TokenKind::Bytes(_) | TokenKind::FString(_))
            ),
            _ => false,
        }
    }
}
