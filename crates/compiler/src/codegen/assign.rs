//! Assignment (`=`, chained and unpacking), augmented assignment and `del` targets.

use super::{Compiler, Ctx, Result};
use crate::code::Constant;
use crate::fold::fold;
use crate::opcode::{NB_INPLACE_OFFSET, Opcode, binary_op_arg};
use crate::symtable::{ScopeKind, mangle};
use crate::unparse::unparse;
use gillab_syntax::ast::{BinOp, Expr, ExprKind};
use gillab_syntax::{Span, SyntaxError};

fn is_starred(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Starred(_))
}

impl<'a> Compiler<'a> {
    /// `t1 = t2 = ... = value`: the value once, `COPY 1` for every target but the last.
    ///
    /// A single tuple/list target of 1–3 plain names (or other targets) assigned from a tuple
    /// display of the same length skips the tuple: `a, b = b, a` is `LOAD b; LOAD a; SWAP 2;
    /// STORE a; STORE b` (CPython 3.11's peephole for `BUILD_TUPLE n; UNPACK_SEQUENCE n`).
    pub fn assign(&mut self, targets: &'a [Expr], value: &'a Expr) -> Result<()> {
        if let [target] = targets
            && let ExprKind::Tuple(values) = &value.kind
            && let ExprKind::Tuple(elts) | ExprKind::List(elts) = &target.kind
            && values.len() == elts.len()
            && (1..=3).contains(&values.len())
            && !values.iter().any(is_starred)
            && !elts.iter().any(is_starred)
            && fold(value).is_none()
        {
            let saved = self.ur().line;
            self.set_line(value.span);
            for v in values {
                self.expr(v)?;
            }
            if values.len() > 1 {
                self.emit(Opcode::Swap, values.len() as u32);
            }
            self.u().line = saved;
            for t in elts {
                self.store_target(t)?;
            }
            return Ok(());
        }
        self.expr(value)?;
        for (i, t) in targets.iter().enumerate() {
            if i + 1 < targets.len() {
                self.emit(Opcode::Copy, 1);
            }
            self.store_target(t)?;
        }
        Ok(())
    }

    /// Stores the top of stack into `t` (a name, attribute, subscript, or tuple/list of
    /// targets with at most one starred item).
    pub fn store_target(&mut self, t: &'a Expr) -> Result<()> {
        let saved = self.ur().line;
        self.set_line(t.span);
        match &t.kind {
            ExprKind::Name(n) => self.nameop(n, Ctx::Store, t.span)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.emit_name(Opcode::StoreAttr, &attr.name);
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Opcode::StoreSubscr, 0);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                self.unpack(elts, t.span)?;
                for e in elts {
                    match &e.kind {
                        ExprKind::Starred(inner) => self.store_target(inner)?,
                        _ => self.store_target(e)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(SyntaxError::new(
                    "starred assignment target must be in a list or tuple",
                    t.span,
                ));
            }
            _ => return Err(SyntaxError::new("cannot assign to expression", t.span)),
        }
        self.u().line = saved;
        Ok(())
    }

    /// `UNPACK_SEQUENCE n`, or `UNPACK_EX` around the one starred target.
    fn unpack(&mut self, elts: &[Expr], span: Span) -> Result<()> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if !is_starred(e) {
                continue;
            }
            if seen_star {
                return Err(SyntaxError::new("multiple starred expressions in assignment", span));
            }
            let after = n - i - 1;
            if i >= 1 << 8 || after >= (i32::MAX >> 8) as usize {
                return Err(SyntaxError::new(
                    "too many expressions in star-unpacking assignment",
                    span,
                ));
            }
            self.emit(Opcode::UnpackEx, (i | (after << 8)) as u32);
            seen_star = true;
        }
        if !seen_star {
            self.emit(Opcode::UnpackSequence, n as u32);
        }
        Ok(())
    }

    /// `target: annotation [= value]` (CPython 3.11's `compiler_annassign`): the value is
    /// stored first; then, for a simple name in a module or class body, the annotation (its
    /// text under `from __future__ import annotations`) is stored in `__annotations__`.
    /// Without a value, an attribute or subscript target's object (and index) are evaluated
    /// and dropped; the annotation of a non-simple target is evaluated and dropped in a module
    /// or class body (never under the future import). Function bodies evaluate no annotation.
    pub fn ann_assign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
        stmt: Span,
    ) -> Result<()> {
        if let Some(v) = value {
            self.expr(v)?;
            self.store_target(target)?;
        }
        let namespace = matches!(self.ur().kind, ScopeKind::Module | ScopeKind::Class);
        match &target.kind {
            ExprKind::Name(name) => {
                if name == "__debug__" {
                    return Err(SyntaxError::new("cannot assign to __debug__", stmt));
                }
                if simple && namespace {
                    self.annotation(annotation)?;
                    self.emit_name(Opcode::LoadName, "__annotations__");
                    let mangled = mangle(self.ur().private.as_deref(), name).into_owned();
                    self.load_const(Constant::Str(mangled));
                    self.emit(Opcode::StoreSubscr, 0);
                }
            }
            ExprKind::Attribute { value: object, .. } if value.is_none() => {
                self.evaluated_and_dropped(object)?;
            }
            ExprKind::Subscript { value: object, index } if value.is_none() => {
                self.evaluated_and_dropped(object)?;
                self.annotated_index(index)?;
            }
            _ => {}
        }
        if !simple && namespace && !self.future_annotations {
            self.evaluated_and_dropped(annotation)?;
        }
        Ok(())
    }

    /// An annotation's value: the expression, or its text under the future import.
    fn annotation(&mut self, annotation: &'a Expr) -> Result<()> {
        if self.future_annotations {
            self.load_const(Constant::Str(unparse(annotation)));
            Ok(())
        } else {
            self.expr(annotation)
        }
    }

    fn evaluated_and_dropped(&mut self, e: &'a Expr) -> Result<()> {
        self.expr(e)?;
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }

    /// The index of an annotated subscript target without a value: a slice's bounds and a
    /// tuple's items are evaluated one by one and dropped.
    fn annotated_index(&mut self, index: &'a Expr) -> Result<()> {
        match &index.kind {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.evaluated_and_dropped(part)?;
                }
                Ok(())
            }
            ExprKind::Tuple(elts) => elts.iter().try_for_each(|e| self.annotated_index(e)),
            _ => self.evaluated_and_dropped(index),
        }
    }

    /// `target op= value` (CPython's `compiler_augassign`): attribute targets keep the object
    /// with `COPY 1`, subscript targets keep object and key with `COPY 2; COPY 2`, and the
    /// result is rotated back under them with `SWAP`.
    pub fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> Result<()> {
        let saved = self.ur().line;
        self.set_line(target.span);
        match &target.kind {
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Opcode::Copy, 1);
                self.emit_name(Opcode::LoadAttr, &attr.name);
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::BinarySubscr, 0);
            }
            ExprKind::Name(n) => self.nameop(n, Ctx::Load, target.span)?,
            _ => {
                return Err(SyntaxError::new(
                    "illegal expression for augmented assignment",
                    target.span,
                ));
            }
        }
        self.u().line = saved;
        self.expr(value)?;
        self.emit(Opcode::BinaryOp, binary_op_arg(op) + NB_INPLACE_OFFSET);
        self.set_line(target.span);
        match &target.kind {
            ExprKind::Attribute { attr, .. } => {
                self.emit(Opcode::Swap, 2);
                self.emit_name(Opcode::StoreAttr, &attr.name);
            }
            ExprKind::Subscript { .. } => {
                self.emit(Opcode::Swap, 3);
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::StoreSubscr, 0);
            }
            ExprKind::Name(n) => self.nameop(n, Ctx::Store, target.span)?,
            _ => unreachable!("checked above"),
        }
        self.u().line = saved;
        Ok(())
    }

    /// `del t`: names, attributes, subscripts, and tuples/lists of those.
    pub fn delete_target(&mut self, t: &'a Expr) -> Result<()> {
        let saved = self.ur().line;
        self.set_line(t.span);
        match &t.kind {
            ExprKind::Name(n) => self.nameop(n, Ctx::Del, t.span)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.emit_name(Opcode::DeleteAttr, &attr.name);
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Opcode::DeleteSubscr, 0);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                for e in elts {
                    self.delete_target(e)?;
                }
            }
            _ => return Err(SyntaxError::new("cannot delete expression", t.span)),
        }
        self.u().line = saved;
        Ok(())
    }
}
