//! Statements (CPython's `compiler_visit_stmt`), loops, conditionals and imports.
//!
//! Loops test at the top and close with an unconditional back-edge, so every back-edge is a
//! `JUMP_BACKWARD` (CPython 3.11 instead duplicates a `while` test at the bottom with a
//! backward conditional jump):
//!
//! ```text
//! while:  top: <jump_if test false -> else>; body; JUMP_BACKWARD top; else: orelse; exit:
//! for:    iter; GET_ITER; top: FOR_ITER else; store target; body; JUMP_BACKWARD top;
//!         else: orelse; exit:
//! ```

use super::{Compiler, Ctx, FBlockKind, Result};
use crate::code::Constant;
use crate::opcode::Opcode;
use gillab_syntax::ast::{Alias, ExprKind, Ident, Stmt, StmtKind};

/// The docstring of a body: a first statement that is a plain string literal.
pub(crate) fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(e)) => match &e.kind {
            ExprKind::Str(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// Whether the module's leading `from __future__ import ...` statements (after an optional
/// docstring) name `annotations`.
pub(crate) fn future_annotations(body: &[Stmt]) -> bool {
    let skip = usize::from(docstring(body).is_some());
    body.iter()
        .skip(skip)
        .map_while(|s| match &s.kind {
            StmtKind::ImportFrom { module, names } if module.name == "__future__" => Some(names),
            _ => None,
        })
        .flatten()
        .any(|a| a.name.name == "annotations")
}

/// Whether a body holds an annotated assignment outside nested functions and classes
/// (CPython's `find_ann`), so that it starts with `SETUP_ANNOTATIONS`.
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => has_annotations(body) || has_annotations(orelse),
        StmtKind::With { body, .. } => has_annotations(body),
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            has_annotations(body)
                || handlers.iter().any(|h| has_annotations(&h.body))
                || has_annotations(orelse)
                || has_annotations(finalbody)
        }
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    /// A module or class body: `SETUP_ANNOTATIONS` if it has annotations, a docstring stored
    /// to `__doc__`, then the statements.
    pub fn body(&mut self, body: &'a [Stmt]) -> Result<()> {
        if has_annotations(body) {
            self.emit(Opcode::SetupAnnotations, 0);
        }
        let mut rest = body;
        if let Some(doc) = docstring(body) {
            self.set_line(body[0].span);
            self.load_const(Constant::Str(doc.to_string()));
            self.emit_name(Opcode::StoreName, "__doc__");
            rest = &body[1..];
        }
        self.body_stmts(rest)
    }

    /// A sequence of statements.
    pub fn body_stmts(&mut self, body: &'a [Stmt]) -> Result<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    /// One statement.
    pub fn stmt(&mut self, s: &'a Stmt) -> Result<()> {
        self.set_line(s.span);
        match &s.kind {
            StmtKind::Expr(e) if self.interactive && self.units.len() == 1 => {
                self.expr(e)?;
                self.emit(Opcode::PrintExpr, 0);
            }
            StmtKind::Expr(e) => {
                if crate::fold::fold(e).is_none() {
                    self.expr(e)?;
                    self.emit(Opcode::PopTop, 0);
                }
            }
            StmtKind::Assign { targets, value } => self.assign(targets, value)?,
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.ann_assign(target, annotation, value.as_ref(), *simple, s.span)?
            }
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Break => self.break_continue(s, false)?,
            StmtKind::Continue => self.break_continue(s, true)?,
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete_target(t)?;
                }
            }
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                let next = if orelse.is_empty() { end } else { self.new_label() };
                self.jump_if(test, next, false)?;
                self.body_stmts(body)?;
                if !orelse.is_empty() {
                    self.jump(end);
                    self.bind(next);
                    self.body_stmts(orelse)?;
                }
                self.bind(end);
            }
            StmtKind::While { test, body, orelse } => {
                let top = self.new_label();
                let anchor = self.new_label();
                let exit = self.new_label();
                self.bind(top);
                self.push_fblock(FBlockKind::WhileLoop, Some(top), Some(exit));
                self.jump_if(test, anchor, false)?;
                self.body_stmts(body)?;
                self.set_line(s.span);
                self.jump(top);
                self.pop_fblock();
                self.bind(anchor);
                self.body_stmts(orelse)?;
                self.bind(exit);
            }
            StmtKind::For { is_async: true, target, iter, body, orelse } => {
                self.async_for(s, target, iter, body, orelse)?
            }
            StmtKind::For { is_async: false, target, iter, body, orelse } => {
                let top = self.new_label();
                let cleanup = self.new_label();
                let end = self.new_label();
                self.push_fblock(FBlockKind::ForLoop, Some(top), Some(end));
                self.iter_expr(iter)?;
                self.emit(Opcode::GetIter, 0);
                self.bind(top);
                self.emit_jump(Opcode::ForIter, cleanup);
                self.store_target(target)?;
                self.body_stmts(body)?;
                self.set_line(s.span);
                self.jump(top);
                self.bind(cleanup);
                self.pop_fblock();
                self.body_stmts(orelse)?;
                self.bind(end);
            }
            StmtKind::FunctionDef(f) => self.function_def(s, f)?,
            StmtKind::ClassDef(c) => self.class_def(s, c)?,
            StmtKind::Return(value) => self.return_stmt(s, value)?,
            StmtKind::Import(names) => self.import(names)?,
            StmtKind::ImportFrom { module, names } => self.import_from(module, names)?,
            StmtKind::With { is_async, items, body } => {
                self.with_stmt(s, items, body, *is_async)?
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.try_stmt(body, handlers, orelse, finalbody)?
            }
            StmtKind::Raise { exc, cause } => self.raise(exc, cause)?,
            StmtKind::Assert { test, msg } => self.assert_stmt(test, msg)?,
        }
        Ok(())
    }

    /// `import a.b.c [as d]`: `IMPORT_NAME 'a.b.c'` pushes the top-level package `a`; without
    /// `as` it is stored to `a`; with `as`, `IMPORT_FROM b; SWAP 2; POP_TOP; IMPORT_FROM c`
    /// walks down to the submodule, which is stored to `d` (CPython's `compiler_import_as`).
    fn import(&mut self, names: &'a [Alias]) -> Result<()> {
        for alias in names {
            let full = &alias.name.name;
            self.emit_name(Opcode::ImportName, full);
            match &alias.asname {
                Some(asname) => {
                    self.walk_submodules(full);
                    self.nameop(&asname.name, Ctx::Store, asname.span)?;
                    if full.contains('.') {
                        self.emit(Opcode::PopTop, 0);
                    }
                }
                None => {
                    let top = full.split('.').next().unwrap_or(full);
                    self.nameop(top, Ctx::Store, alias.name.span)?;
                }
            }
        }
        Ok(())
    }

    /// After `IMPORT_NAME 'a.b.c'` (which pushed `a`), leaves `[a.b, a.b.c]` with
    /// `IMPORT_FROM b; SWAP 2; POP_TOP; IMPORT_FROM c` (nothing for an undotted name).
    fn walk_submodules(&mut self, full: &str) {
        let parts: Vec<&str> = full.split('.').collect();
        for (i, part) in parts.iter().enumerate().skip(1) {
            let idx = self.name_index(part);
            self.emit(Opcode::ImportFrom, idx);
            if i + 1 < parts.len() {
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::PopTop, 0);
            }
        }
    }

    /// `from a.b import x as y, z`: `IMPORT_NAME 'a.b'`, then (for a dotted module)
    /// `IMPORT_FROM b; SWAP 2; POP_TOP` to reach the submodule, then `IMPORT_FROM x; STORE y;
    /// IMPORT_FROM z; STORE z; POP_TOP`. (CPython instead passes a fromlist to `IMPORT_NAME`,
    /// which then returns the submodule directly.)
    fn import_from(&mut self, module: &'a Ident, names: &'a [Alias]) -> Result<()> {
        self.emit_name(Opcode::ImportName, &module.name);
        if module.name.contains('.') {
            self.walk_submodules(&module.name);
            self.emit(Opcode::Swap, 2);
            self.emit(Opcode::PopTop, 0);
        }
        for alias in names {
            self.emit_name(Opcode::ImportFrom, &alias.name.name);
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.nameop(&store.name, Ctx::Store, store.span)?;
        }
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }
}
