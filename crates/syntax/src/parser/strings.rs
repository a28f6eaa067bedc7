//! String literals: concatenation of adjacent literals and the replacement fields of f-strings,
//! whose expressions are re-lexed from the source and parsed as if parenthesized (as CPython 3.11
//! does).

use super::{PResult, Parser, node};
use crate::ast::{Expr, ExprKind, FStringPart};
use crate::error::SyntaxError;
use crate::lexer;
use crate::span::Span;
use crate::token::{FStringPiece, Token, TokenKind};

impl Parser<'_> {
    /// A run of adjacent string, bytes and f-string literals as one expression.
    pub(super) fn strings(&mut self) -> PResult<Expr> {
        let start_pos = self.pos;
        let start = self.tok().span.start;
        let (mut bytes, mut text) = (false, false);
        while let Some(kind) = self.string_kind() {
            bytes |= kind;
            text |= !kind;
            self.bump();
        }
        let span = self.span_from(start);
        if bytes && text {
            let msg = "cannot mix bytes and nonbytes literals";
            return Err(SyntaxError::new(msg, self.tok().span));
        }
        let run = self.toks.get(start_pos..self.pos).unwrap_or_default();
        if bytes {
            let mut value = Vec::new();
            for t in run {
                if let TokenKind::Bytes(b) = &t.kind {
                    value.extend_from_slice(b);
                }
            }
            return Ok(node(ExprKind::Bytes(value), span));
        }
        if !run.iter().any(|t| matches!(t.kind, TokenKind::FString(_))) {
            let mut value = String::new();
            for t in run {
                if let TokenKind::Str(s) = &t.kind {
                    value.push_str(s);
                }
            }
            return Ok(node(ExprKind::Str(value), span));
        }
        let mut parts = Vec::new();
        for t in run {
            match &t.kind {
                TokenKind::Str(s) => push_literal(&mut parts, s),
                TokenKind::FString(pieces) => self.fstring_parts(pieces, &mut parts)?,
                _ => {}
            }
        }
        Ok(node(ExprKind::FString(parts), span))
    }

    /// `Some(true)` at a bytes literal, `Some(false)` at a str or f-string literal.
    fn string_kind(&self) -> Option<bool> {
        match self.peek() {
            TokenKind::Bytes(_) => Some(true),
            TokenKind::Str(_) | TokenKind::FString(_) => Some(false),
            _ => None,
        }
    }

    /// Appends the parts of one f-string literal.
    fn fstring_parts(
        &mut self,
        pieces: &[FStringPiece],
        out: &mut Vec<FStringPart>,
    ) -> PResult<()> {
        for piece in pieces {
            match piece {
                FStringPiece::Literal(s) => push_literal(out, s),
                FStringPiece::Field { expr, expr_start, conversion, spec, debug_text } => {
                    if let Some(text) = debug_text {
                        push_literal(out, text);
                    }
                    self.enter()?;
                    let value = self.field_expr(expr, *expr_start)?;
                    let spec = match spec {
                        Some(spec) => {
                            let mut parts = Vec::new();
                            self.fstring_parts(spec, &mut parts)?;
                            Some(parts)
                        }
                        None => None,
                    };
                    self.leave();
                    // `f"{x=}"` repr()s the value unless a conversion or spec is given.
                    let conversion = match (conversion, debug_text, &spec) {
                        (None, Some(_), None) => Some('r'),
                        _ => *conversion,
                    };
                    out.push(FStringPart::Field { value: Box::new(value), conversion, spec });
                }
            }
        }
        Ok(())
    }

    /// Parses the expression of a replacement field, `expr` at byte `start` of the source.
    fn field_expr(&mut self, expr: &str, start: u32) -> PResult<Expr> {
        let begin = start as usize;
        let end = begin.saturating_add(expr.len());
        let tokens = if self.src.get(begin..end) == Some(expr) {
            lexer::tokenize_expr(self.src, begin, end)
        } else {
            relex_detached(expr, start)
        };
        let mut tokens = tokens.map_err(fstring_error)?;
        if tokens.last().is_none_or(|t| t.kind != TokenKind::EndOfFile) {
            let at = start.saturating_add(expr.len() as u32);
            tokens.push(Token { kind: TokenKind::EndOfFile, span: Span { start: at, end: at } });
        }
        let mut sub = Parser::new(self.src, &tokens);
        sub.nest = self.nest;
        sub.tree = self.tree;
        sub.blocks = self.blocks;
        sub.brackets = 1;
        let result = sub.group_body(start, &TokenKind::EndOfFile);
        if let Some(err) = sub.symtable_error.take() {
            self.defer(super::Stage::Symtable, fstring_error(err));
        }
        if let Some(err) = sub.compile_error.take() {
            self.defer(super::Stage::Compile, fstring_error(err));
        }
        result.map_err(fstring_error)
    }
}

/// Lexes a field expression that is not found in the source at its recorded offset (only with
/// hand-made tokens): the text alone, in parentheses, with spans moved to `start`.
fn relex_detached(expr: &str, start: u32) -> Result<Vec<Token>, SyntaxError> {
    let wrapped = format!("({expr})");
    let shift = |p: u32| start.saturating_add(p).saturating_sub(1);
    let moved = |span: Span| Span { start: shift(span.start), end: shift(span.end) };
    let tokens = lexer::tokenize(&wrapped).map_err(|e| SyntaxError { span: moved(e.span), ..e })?;
    let mut inner: Vec<Token> = tokens
        .into_iter()
        .filter(|t| {
            !matches!(
                t.kind,
                TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::EndOfFile
            )
        })
        .map(|t| Token { span: moved(t.span), ..t })
        .collect();
    if inner.last().is_some_and(|t| t.kind == TokenKind::RParen) {
        inner.pop();
    }
    if inner.first().is_some_and(|t| t.kind == TokenKind::LParen) {
        inner.remove(0);
    }
    Ok(inner)
}

/// Prefixes an error inside an f-string field with `f-string: `, as CPython does.
fn fstring_error(err: SyntaxError) -> SyntaxError {
    if err.msg.starts_with("f-string") {
        return err;
    }
    SyntaxError { msg: format!("f-string: {}", err.msg), ..err }
}

/// Appends literal text, merging it into a literal part just before.
fn push_literal(parts: &mut Vec<FStringPart>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(last)) = parts.last_mut() {
        last.push_str(text);
    } else {
        parts.push(FStringPart::Literal(text.to_string()));
    }
}
