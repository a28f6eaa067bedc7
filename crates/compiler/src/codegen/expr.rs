//! Expressions (CPython's `compiler_visit_expr1`), conditional jumps (`compiler_jump_if`),
//! comparisons, boolean operators, literals and f-strings.

use super::{Compiler, Ctx, Result};
use crate::code::Constant;
use crate::fold::{fold, fold_all};
use crate::opcode::{Opcode, binary_op_arg};
use gillab_syntax::SyntaxError;
use gillab_syntax::ast::{BoolOp, CmpOp, Expr, ExprKind, FStringPart, UnaryOp};

impl<'a> Compiler<'a> {
    /// Compiles `e` for its value (one item pushed).
    pub fn expr(&mut self, e: &'a Expr) -> Result<()> {
        let saved = self.ur().line;
        self.set_line(e.span);
        self.expr_inner(e)?;
        self.u().line = saved;
        Ok(())
    }

    fn expr_inner(&mut self, e: &'a Expr) -> Result<()> {
        if let Some(c) = fold(e) {
            self.load_const(c);
            return Ok(());
        }
        match &e.kind {
            ExprKind::Name(n) => self.nameop(n, Ctx::Load, e.span)?,
            ExprKind::FString(parts) => self.fstring(parts)?,
            ExprKind::List(elts) => self.starunpack(
                elts,
                0,
                [Opcode::BuildList, Opcode::ListAppend, Opcode::ListExtend],
                false,
            )?,
            ExprKind::Tuple(elts) => self.starunpack(
                elts,
                0,
                [Opcode::BuildList, Opcode::ListAppend, Opcode::ListExtend],
                true,
            )?,
            ExprKind::Set(elts) => self.starunpack(
                elts,
                0,
                [Opcode::BuildSet, Opcode::SetAdd, Opcode::SetUpdate],
                false,
            )?,
            ExprKind::Dict(items) => self.dict(items)?,
            ExprKind::Starred(_) => {
                return Err(SyntaxError::new("can't use starred expression here", e.span));
            }
            ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::GeneratorExp { .. } => self.comprehension(e)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.emit_name(Opcode::LoadAttr, &attr.name);
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Opcode::BinarySubscr, 0);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.load_const(Constant::None),
                    }
                }
                let mut n = 2;
                if let Some(s) = step {
                    self.expr(s)?;
                    n = 3;
                }
                self.emit(Opcode::BuildSlice, n);
            }
            ExprKind::Call { func, args, keywords } => self.call(func, args, keywords)?,
            ExprKind::UnaryOp { op, operand } => {
                if *op == UnaryOp::Not
                    && let ExprKind::Compare { left, ops, comparators } = &operand.kind
                    && let [single] = ops.as_slice()
                    && let Some(inverted) = invert_cmp(*single)
                {
                    self.expr(left)?;
                    self.comparator(inverted, &comparators[0], true)?;
                    self.compare_op(inverted);
                    return Ok(());
                }
                self.expr(operand)?;
                let op = match op {
                    UnaryOp::Neg => Opcode::UnaryNegative,
                    UnaryOp::Pos => Opcode::UnaryPositive,
                    UnaryOp::Not => Opcode::UnaryNot,
                    UnaryOp::Invert => Opcode::UnaryInvert,
                };
                self.emit(op, 0);
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Opcode::BinaryOp, binary_op_arg(*op));
            }
            ExprKind::BoolOp { op, values } => {
                let jump = match op {
                    BoolOp::And => Opcode::JumpIfFalseOrPop,
                    BoolOp::Or => Opcode::JumpIfTrueOrPop,
                };
                let end = self.new_label();
                let (last, init) = values.split_last().expect("a BoolOp has operands");
                for v in init {
                    self.expr(v)?;
                    self.emit_jump(jump, end);
                }
                self.expr(last)?;
                self.bind(end);
            }
            ExprKind::Compare { left, ops, comparators } => self.compare(left, ops, comparators)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(test, next, false)?;
                self.expr(body)?;
                self.jump(end);
                self.bind(next);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Lambda { params, body } => self.lambda(e, params, body)?,
            ExprKind::NamedExpr { target, value } => {
                // CPython's order: the value, a copy left as the expression's result, the store
                // (to the enclosing function's cell or the global, from inside a comprehension:
                // the symbol table resolved the target's scope).
                self.expr(value)?;
                self.emit(Opcode::Copy, 1);
                self.store_target(target)?;
            }
            ExprKind::Yield { value } => self.yield_expr(value.as_deref())?,
            ExprKind::YieldFrom { value } => self.yield_from(value)?,
            ExprKind::Await { value } => self.await_expr(value)?,
            ExprKind::None
            | ExprKind::Bool(_)
            | ExprKind::Ellipsis
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Bytes(_) => unreachable!("literals always fold"),
        }
        Ok(())
    }

    /// Compiles `e` as the iterable of a `for` or comprehension: a list display without
    /// starred items is compiled as a tuple (CPython's `fold_iter`).
    pub fn iter_expr(&mut self, e: &'a Expr) -> Result<()> {
        if let ExprKind::List(elts) = &e.kind
            && !elts.iter().any(|x| matches!(x.kind, ExprKind::Starred(_)))
        {
            let saved = self.ur().line;
            self.set_line(e.span);
            match fold_all(elts) {
                Some(consts) => self.load_const(Constant::Tuple(consts)),
                None => {
                    for x in elts {
                        self.expr(x)?;
                    }
                    self.emit(Opcode::BuildTuple, elts.len() as u32);
                }
            }
            self.u().line = saved;
            return Ok(());
        }
        self.expr(e)
    }

    pub fn compare_op(&mut self, op: CmpOp) {
        let (opcode, arg) = match op {
            CmpOp::Lt => (Opcode::CompareOp, 0),
            CmpOp::LtE => (Opcode::CompareOp, 1),
            CmpOp::Eq => (Opcode::CompareOp, 2),
            CmpOp::NotEq => (Opcode::CompareOp, 3),
            CmpOp::Gt => (Opcode::CompareOp, 4),
            CmpOp::GtE => (Opcode::CompareOp, 5),
            CmpOp::Is => (Opcode::IsOp, 0),
            CmpOp::IsNot => (Opcode::IsOp, 1),
            CmpOp::In => (Opcode::ContainsOp, 0),
            CmpOp::NotIn => (Opcode::ContainsOp, 1),
        };
        self.emit(opcode, arg);
    }

    /// The right operand of a comparison; the last one of an `in`/`not in` is folded like an
    /// iterable.
    fn comparator(&mut self, op: CmpOp, e: &'a Expr, last: bool) -> Result<()> {
        if last && matches!(op, CmpOp::In | CmpOp::NotIn) {
            self.iter_expr(e)
        } else {
            self.expr(e)
        }
    }

    fn compare(&mut self, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr]) -> Result<()> {
        self.expr(left)?;
        let n = ops.len() - 1;
        if n == 0 {
            self.comparator(ops[0], &comparators[0], true)?;
            self.compare_op(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n {
            self.expr(&comparators[i])?;
            self.emit(Opcode::Swap, 2);
            self.emit(Opcode::Copy, 2);
            self.compare_op(ops[i]);
            self.emit_jump(Opcode::JumpIfFalseOrPop, cleanup);
        }
        self.comparator(ops[n], &comparators[n], true)?;
        self.compare_op(ops[n]);
        let end = self.new_label();
        self.jump(end);
        self.bind(cleanup);
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopTop, 0);
        self.bind(end);
        Ok(())
    }

    /// Jumps to `target` if the truthiness of `e` equals `cond`, else falls through, with no
    /// value left on the stack (CPython's `compiler_jump_if`).
    pub fn jump_if(&mut self, e: &'a Expr, target: super::Label, cond: bool) -> Result<()> {
        if let Some(c) = fold(e) {
            if c.is_truthy() == cond {
                let saved = self.ur().line;
                self.set_line(e.span);
                self.jump(target);
                self.u().line = saved;
            }
            return Ok(());
        }
        match &e.kind {
            ExprKind::UnaryOp { op: UnaryOp::Not, operand } => {
                return self.jump_if(operand, target, !cond);
            }
            ExprKind::BoolOp { op, values } => {
                let cond2 = *op == BoolOp::Or;
                let next2 = if cond2 != cond { self.new_label() } else { target };
                let (last, init) = values.split_last().expect("a BoolOp has operands");
                for v in init {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(last, target, cond)?;
                if next2 != target {
                    self.bind(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, target, cond)?;
                self.jump(end);
                self.bind(next2);
                self.jump_if(orelse, target, cond)?;
                self.bind(end);
                return Ok(());
            }
            ExprKind::Compare { left, ops, comparators } if ops.len() > 1 => {
                let saved = self.ur().line;
                self.set_line(e.span);
                let n = ops.len() - 1;
                let cleanup = self.new_label();
                self.expr(left)?;
                for i in 0..n {
                    self.expr(&comparators[i])?;
                    self.emit(Opcode::Swap, 2);
                    self.emit(Opcode::Copy, 2);
                    self.compare_op(ops[i]);
                    self.emit_jump(Opcode::PopJumpIfFalse, cleanup);
                }
                self.comparator(ops[n], &comparators[n], true)?;
                self.compare_op(ops[n]);
                let op = if cond { Opcode::PopJumpIfTrue } else { Opcode::PopJumpIfFalse };
                self.emit_jump(op, target);
                let end = self.new_label();
                self.jump(end);
                self.bind(cleanup);
                self.emit(Opcode::PopTop, 0);
                if !cond {
                    self.jump(target);
                }
                self.bind(end);
                self.u().line = saved;
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        let op = if cond { Opcode::PopJumpIfTrue } else { Opcode::PopJumpIfFalse };
        self.emit_jump(op, target);
        Ok(())
    }

    /// Builds a list/set/tuple from `elts` on top of `pushed` items already on the stack
    /// (CPython's `starunpack_helper`). `ops` is `[build, add, extend]`.
    pub fn starunpack(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        ops: [Opcode; 3],
        tuple: bool,
    ) -> Result<()> {
        let [build, add, extend] = ops;
        let n = elts.len() as u32;
        if tuple
            && pushed == 0
            && let Some(consts) = fold_all(elts)
        {
            self.load_const(Constant::Tuple(consts));
            return Ok(());
        }
        if n > 2
            && let Some(consts) = fold_all(elts)
        {
            if tuple && pushed == 0 {
                self.load_const(Constant::Tuple(consts));
            } else {
                self.emit(build, pushed);
                self.load_const(Constant::Tuple(consts));
                self.emit(extend, 1);
                if tuple {
                    self.emit(Opcode::ListToTuple, 0);
                }
            }
            return Ok(());
        }
        let is_starred = |e: &Expr| matches!(e.kind, ExprKind::Starred(_));
        if !elts.iter().any(is_starred) {
            for e in elts {
                self.expr(e)?;
            }
            self.emit(if tuple { Opcode::BuildTuple } else { build }, n + pushed);
            return Ok(());
        }
        let mut built = false;
        for (i, e) in elts.iter().enumerate() {
            if let ExprKind::Starred(inner) = &e.kind {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.expr(inner)?;
                self.emit(extend, 1);
            } else {
                self.expr(e)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Opcode::ListToTuple, 0);
        }
        Ok(())
    }

    /// A dict display (CPython's `compiler_dict`).
    fn dict(&mut self, items: &'a [(Option<Expr>, Expr)]) -> Result<()> {
        let mut have_dict = false;
        let mut start = 0;
        for (i, (key, value)) in items.iter().enumerate() {
            if key.is_none() {
                if i > start {
                    self.subdict(&items[start..i])?;
                    if have_dict {
                        self.emit(Opcode::DictUpdate, 1);
                    }
                    have_dict = true;
                }
                if !have_dict {
                    self.emit(Opcode::BuildMap, 0);
                    have_dict = true;
                }
                self.expr(value)?;
                self.emit(Opcode::DictUpdate, 1);
                start = i + 1;
            }
        }
        if items.len() > start {
            self.subdict(&items[start..])?;
            if have_dict {
                self.emit(Opcode::DictUpdate, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BuildMap, 0);
        }
        Ok(())
    }

    fn subdict(&mut self, items: &'a [(Option<Expr>, Expr)]) -> Result<()> {
        let keys: Option<Vec<Constant>> =
            items.iter().map(|(k, _)| k.as_ref().and_then(fold)).collect();
        if items.len() > 1
            && let Some(keys) = keys
        {
            for (_, v) in items {
                self.expr(v)?;
            }
            self.load_const(Constant::Tuple(keys));
            self.emit(Opcode::BuildConstKeyMap, items.len() as u32);
            return Ok(());
        }
        for (k, v) in items {
            self.expr(k.as_ref().expect("subdict has no ** items"))?;
            self.expr(v)?;
        }
        self.emit(Opcode::BuildMap, items.len() as u32);
        Ok(())
    }

    /// An f-string: each piece pushed, then `BUILD_STRING` unless there is exactly one.
    fn fstring(&mut self, parts: &'a [FStringPart]) -> Result<()> {
        if parts.is_empty() {
            self.load_const(Constant::Str(String::new()));
            return Ok(());
        }
        self.joined_str(parts)
    }

    fn joined_str(&mut self, parts: &'a [FStringPart]) -> Result<()> {
        for part in parts {
            match part {
                FStringPart::Literal(s) => self.load_const(Constant::Str(s.clone())),
                FStringPart::Field { value, conversion, spec } => {
                    self.expr(value)?;
                    let mut arg = match conversion {
                        None => 0,
                        Some('s') => 1,
                        Some('r') => 2,
                        Some('a') => 3,
                        Some(c) => {
                            return Err(SyntaxError::new(
                                format!("f-string: invalid conversion character '{c}'"),
                                value.span,
                            ));
                        }
                    };
                    if let Some(spec) = spec {
                        self.joined_str(spec)?;
                        arg |= 4;
                    }
                    self.emit(Opcode::FormatValue, arg);
                }
            }
        }
        if parts.len() != 1 {
            self.emit(Opcode::BuildString, parts.len() as u32);
        }
        Ok(())
    }
}

/// `not (a OP b)` as a single comparison, for the operators where that is exact.
fn invert_cmp(op: CmpOp) -> Option<CmpOp> {
    match op {
        CmpOp::Is => Some(CmpOp::IsNot),
        CmpOp::IsNot => Some(CmpOp::Is),
        CmpOp::In => Some(CmpOp::NotIn),
        CmpOp::NotIn => Some(CmpOp::In),
        _ => None,
    }
}
