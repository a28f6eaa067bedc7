//! Assignment and deletion targets: which expressions may be assigned to or deleted, and the
//! names CPython uses for the others in its error messages.

use super::{PResult, Parser, Stage};
use crate::ast::{CmpOp, Expr, ExprKind, UnaryOp};
use crate::error::SyntaxError;
use crate::token::TokenKind;

/// What a target is checked for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum TargetUse {
    /// Assignment (`=`, `with ... as`).
    Store,
    /// A `for` target re-read as an expression: `x in y` is a comparison whose left side is the
    /// target (CPython's `FOR_TARGETS`).
    For,
    /// `del`.
    Delete,
}

/// The name CPython 3.11 gives an expression in "cannot assign to ..." messages
/// (`_PyPegen_get_expr_name`).
pub(super) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Name(_) => "name",
        ExprKind::None => "None",
        ExprKind::Bool(true) => "True",
        ExprKind::Bool(false) => "False",
        ExprKind::Ellipsis => "ellipsis",
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) | ExprKind::Bytes(_) => "literal",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Set(_) => "set display",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Starred(_) => "starred",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Call { .. } => "function call",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. }
        | ExprKind::UnaryOp { .. }
        | ExprKind::BinOp { .. }
        | ExprKind::BoolOp { .. } => "expression",
    }
}

/// Whether `e` is something a `bitwise_or` parse produces (no comparison, `not`, `and`/`or`,
/// conditional expression, lambda, star, `:=` or `yield` at its top).
pub(super) fn is_bitwise_or_level(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp { op: UnaryOp::Not, .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::Starred(_)
            | ExprKind::NamedExpr { .. }
            | ExprKind::Yield { .. }
            | ExprKind::YieldFrom { .. }
    )
}

/// The first part of `e` that cannot be a target (`_PyPegen_get_invalid_target`).
pub(super) fn invalid_target(e: &Expr, usage: TargetUse) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            items.iter().find_map(|item| invalid_target(item, usage))
        }
        ExprKind::Starred(inner) if usage != TargetUse::Delete => invalid_target(inner, usage),
        ExprKind::Compare { left, ops, .. } if usage == TargetUse::For => match ops.first() {
            Some(CmpOp::In) => invalid_target(left, usage),
            _ => None,
        },
        _ => Some(e),
    }
}

/// The compiler's errors for starred targets: one alone (`*a = x`) or two in one sequence.
fn star_target_error(e: &Expr, top: bool) -> Option<SyntaxError> {
    match &e.kind {
        ExprKind::Starred(_) if top => {
            let msg = "starred assignment target must be in a list or tuple";
            Some(SyntaxError::new(msg, e.span))
        }
        ExprKind::Starred(inner) => star_target_error(inner, false),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            let stars = items.iter().filter(|i| matches!(i.kind, ExprKind::Starred(_))).count();
            if stars > 1 {
                let msg = "multiple starred expressions in assignment";
                return Some(SyntaxError::new(msg, e.span));
            }
            items.iter().find_map(|item| star_target_error(item, false))
        }
        _ => None,
    }
}

impl Parser<'_> {
    /// Checks an assignment target: "cannot assign to ..." now, starred-target errors later (they
    /// are CPython compiler errors).
    pub(super) fn check_store(&mut self, target: &Expr) -> PResult<()> {
        if let Some(bad) = invalid_target(target, TargetUse::Store) {
            let msg = format!("cannot assign to {}", expr_name(bad));
            return Err(SyntaxError::new(msg, bad.span));
        }
        self.check_star_targets(target);
        Ok(())
    }

    /// The target of a `for` loop or comprehension clause and the `in` after it. If they do not
    /// parse, CPython re-reads them as an expression (`invalid_for_target`) and reports the first
    /// part that cannot be assigned to, if any.
    pub(super) fn for_target(&mut self) -> PResult<Expr> {
        let m = self.mark();
        let result = self.target_list().and_then(|target| {
            self.check_store(&target)?;
            self.expect(&TokenKind::In)?;
            Ok(target)
        });
        let Err(err) = result else { return result };
        self.reset(m);
        let reread = self.star_expressions().ok();
        let bad = reread.as_ref().and_then(|e| invalid_target(e, TargetUse::For));
        Err(match bad {
            Some(bad) => SyntaxError::new(format!("cannot assign to {}", expr_name(bad)), bad.span),
            None => err,
        })
    }

    /// Records the compiler's starred-target errors for `target`.
    pub(super) fn check_star_targets(&mut self, target: &Expr) {
        if let Some(err) = star_target_error(target, true) {
            self.defer(Stage::Compile, err);
        }
    }

    /// Checks a `del` target.
    pub(super) fn check_delete(&self, target: &Expr) -> PResult<()> {
        match invalid_target(target, TargetUse::Delete) {
            Some(bad) => {
                let msg = format!("cannot delete {}", expr_name(bad));
                Err(SyntaxError::new(msg, bad.span))
            }
            None => Ok(()),
        }
    }

    /// A value (not a target) may not be a bare `*x`: the compiler's "can't use starred
    /// expression here", recorded for later.
    pub(super) fn check_value(&mut self, value: &Expr) {
        if matches!(value.kind, ExprKind::Starred(_)) {
            let err = SyntaxError::new("can't use starred expression here", value.span);
            self.defer(Stage::Compile, err);
        }
    }
}
