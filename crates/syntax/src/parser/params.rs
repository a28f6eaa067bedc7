//! Parameter lists of `def` (up to `)`, with annotations) and `lambda` (up to `:`).

use super::{PResult, Parser, Stage};
use crate::ast::{Ident, Param, Parameters};
use crate::error::SyntaxError;
use crate::span::Span;
use crate::token::TokenKind;

impl Parser<'_> {
    /// The parameters of a `def` (`def_params`, stopping at `)`) or a lambda (stopping at `:`).
    /// The closing token is left for the caller.
    pub(super) fn parameters(&mut self, def: bool) -> PResult<Parameters> {
        let close = if def { TokenKind::RParen } else { TokenKind::Colon };
        let mut params = Parameters::default();
        let mut seen_default = false;
        let mut seen_slash = false;
        // The `*` of `*` or `*args`, and whether it was bare.
        let mut star: Option<(Span, bool)> = None;
        let mut names: Vec<String> = Vec::new();
        loop {
            if self.at(&close) {
                break;
            }
            if params.kwarg.is_some() {
                let msg = "arguments cannot follow var-keyword argument";
                return Err(SyntaxError::new(msg, self.tok().span));
            }
            let t = self.tok();
            match &t.kind {
                TokenKind::Slash => {
                    if star.is_some() {
                        return Err(SyntaxError::new("/ must be ahead of *", t.span));
                    }
                    if seen_slash {
                        return Err(SyntaxError::new("/ may appear only once", t.span));
                    }
                    if params.args.is_empty() {
                        return Err(self.unexpected());
                    }
                    self.bump();
                    seen_slash = true;
                }
                TokenKind::Star => {
                    if star.is_some() {
                        return Err(SyntaxError::new("* argument may appear only once", t.span));
                    }
                    self.bump();
                    if matches!(self.peek(), TokenKind::Name(_)) {
                        let name = self.param_name(def, &mut names)?;
                        if self.at(&TokenKind::Assign) {
                            let msg = "var-positional argument cannot have default value";
                            return Err(SyntaxError::new(msg, self.tok().span));
                        }
                        params.vararg = Some(name);
                        star = Some((t.span, false));
                    } else {
                        let after_comma = self.at(&TokenKind::Comma);
                        let next = if after_comma { self.nth(1) } else { self.tok() };
                        if self.at(&close)
                            || after_comma
                                && (next.kind == TokenKind::DoubleStar || next.kind == close)
                        {
                            return Err(bare_star_error(if def { t.span } else { next.span }));
                        }
                        if !after_comma {
                            return Err(self.unexpected());
                        }
                        star = Some((t.span, true));
                    }
                }
                TokenKind::DoubleStar => {
                    self.bump();
                    let name = self.param_name(def, &mut names)?;
                    if self.at(&TokenKind::Assign) {
                        let msg = "var-keyword argument cannot have default value";
                        return Err(SyntaxError::new(msg, self.tok().span));
                    }
                    params.kwarg = Some(name);
                }
                TokenKind::Name(_) => {
                    let name = self.param_name(def, &mut names)?;
                    let default =
                        if self.eat(&TokenKind::Assign) { Some(self.expression()?) } else { None };
                    if star.is_some() {
                        params.kwonly.push(Param { name, default });
                    } else {
                        if default.is_none() && seen_default {
                            let msg = "non-default argument follows default argument";
                            return Err(SyntaxError::new(msg, name.span));
                        }
                        seen_default |= default.is_some();
                        params.args.push(Param { name, default });
                    }
                }
                TokenKind::LParen => return Err(self.parenthesized_params(def)),
                _ => return Err(self.unexpected()),
            }
            if !self.eat(&TokenKind::Comma) {
                break;
            }
        }
        if let Some((span, true)) = star
            && params.kwonly.is_empty()
        {
            return Err(bare_star_error(if def { span } else { self.tok().span }));
        }
        Ok(params)
    }

    /// At a `(` in a parameter list: CPython's "... parameters cannot be parenthesized" if names
    /// (and commas) follow up to a `)`, otherwise "invalid syntax".
    #[cold]
    fn parenthesized_params(&self, def: bool) -> SyntaxError {
        let mut n = 1;
        let mut after_name = false;
        loop {
            match &self.nth(n).kind {
                TokenKind::Name(_) if !after_name => after_name = true,
                TokenKind::Comma if after_name => after_name = false,
                TokenKind::RParen if n > 1 && (after_name || n > 2) => break,
                _ => return self.unexpected(),
            }
            n += 1;
        }
        let msg = if def {
            "Function parameters cannot be parenthesized"
        } else {
            "Lambda expression parameters cannot be parenthesized"
        };
        SyntaxError::new(msg, self.tok().span.to(self.nth(n).span))
    }

    /// A parameter name with its annotation (`def` only), recording duplicates.
    fn param_name(&mut self, def: bool, names: &mut Vec<String>) -> PResult<Ident> {
        let name = self.ident()?;
        if def && self.eat(&TokenKind::Colon) {
            self.expression()?;
        }
        if names.contains(&name.name) {
            let msg = format!("duplicate argument '{}' in function definition", name.name);
            self.defer(Stage::Symtable, SyntaxError::new(msg, name.span));
        } else {
            names.push(name.name.clone());
        }
        Ok(name)
    }
}

/// "named arguments must follow bare *": CPython reports it at the `*` in a `def` and at the last
/// token it read in a lambda.
fn bare_star_error(span: Span) -> SyntaxError {
    SyntaxError::new("named arguments must follow bare *", span)
}
