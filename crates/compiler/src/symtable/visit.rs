//! The symbol-table builder: one walk over the AST recording names and opening scopes, in the
//! order CPython 3.11's `symtable.c` visits them (which fixes the order of locals). The parts
//! about generators, coroutines and `:=` are in [`super::named`].

use super::{
    DEF_ANNOT, DEF_COMP_ITER, DEF_GLOBAL, DEF_IMPORT, DEF_LOCAL, DEF_NONLOCAL, DEF_PARAM, Scope,
    ScopeId, ScopeKind, SymbolTable, USE, mangle, node_key,
};
use gillab_syntax::ast::{
    Comprehension, Expr, ExprKind, FStringPart, Module, Parameters, Stmt, StmtKind,
};
use gillab_syntax::{Span, SyntaxError};
use std::collections::HashMap;

pub(super) type Result<T> = std::result::Result<T, SyntaxError>;

pub(super) struct Builder {
    pub(super) scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
    pub(super) stack: Vec<ScopeId>,
    private: Option<String>,
    /// The earliest compiler-stage error found (see [`SymbolTable::compile_error`]).
    compile_error: Option<SyntaxError>,
    /// `from __future__ import annotations`: annotations are never compiled, so their names
    /// belong to no scope (CPython visits them in a separate annotation block).
    future_annotations: bool,
}

impl Builder {
    pub(super) fn run(module: &Module) -> Result<SymbolTable> {
        let mut b = Builder {
            scopes: vec![Scope::new(ScopeKind::Module, "top", false)],
            by_node: HashMap::new(),
            stack: vec![0],
            private: None,
            compile_error: None,
            future_annotations: crate::codegen::future_annotations(&module.body),
        };
        for stmt in &module.body {
            b.stmt(stmt)?;
        }
        Ok(SymbolTable { scopes: b.scopes, by_node: b.by_node, compile_error: b.compile_error })
    }

    pub(super) fn cur_id(&self) -> ScopeId {
        *self.stack.last().expect("scope stack is never empty")
    }

    pub(super) fn cur(&mut self) -> &mut Scope {
        let id = self.cur_id();
        &mut self.scopes[id]
    }

    /// Records a compiler-stage error; the earliest in the source is kept.
    pub(super) fn defer(&mut self, msg: &str, span: Span) {
        if self.compile_error.as_ref().is_none_or(|e| span.start < e.span.start) {
            self.compile_error = Some(SyntaxError::new(msg, span));
        }
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, key: usize) {
        let parent = *self.stack.last().expect("scope stack is never empty");
        let p = &self.scopes[parent];
        let nested = p.nested || p.kind.is_function_like();
        let comp_iter_expr = p.comp_iter_expr;
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name, nested));
        self.scopes[id].comp_iter_expr = comp_iter_expr;
        self.scopes[parent].children.push(id);
        self.by_node.insert(key, id);
        self.stack.push(id);
    }

    pub(super) fn exit(&mut self) {
        self.stack.pop();
    }

    /// The flags of `name` (mangled here) in scope `id`.
    pub(super) fn flags_in(&self, id: ScopeId, name: &str) -> u32 {
        let mangled = mangle(self.private.as_deref(), name);
        self.scopes[id].flags(&mangled)
    }

    fn lookup(&mut self, name: &str) -> u32 {
        self.flags_in(self.cur_id(), name)
    }

    pub(super) fn add_def(&mut self, name: &str, flag: u32, span: Span) -> Result<()> {
        self.add_def_in(self.cur_id(), name, flag, span)
    }

    /// Adds `flag` to `name` in scope `id`. While a comprehension's `for` target is visited, the
    /// name becomes an iteration variable, which must not be a `:=` target already.
    pub(super) fn add_def_in(
        &mut self,
        id: ScopeId,
        name: &str,
        mut flag: u32,
        span: Span,
    ) -> Result<()> {
        let mangled = mangle(self.private.as_deref(), name).into_owned();
        let scope = &mut self.scopes[id];
        if scope.comp_iter_target {
            if scope.flags(&mangled) & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                let msg = format!(
                    "comprehension inner loop cannot rebind assignment expression target '{name}'"
                );
                return Err(SyntaxError::new(msg, span));
            }
            flag |= DEF_COMP_ITER;
        }
        match scope.index.get(&mangled) {
            Some(&i) => {
                let sym = &mut scope.symbols[i];
                if flag & DEF_PARAM != 0 && sym.flags & DEF_PARAM != 0 {
                    return Err(SyntaxError::new(
                        format!("duplicate argument '{mangled}' in function definition"),
                        span,
                    ));
                }
                sym.flags |= flag;
            }
            None => {
                scope.index.insert(mangled.clone(), scope.symbols.len());
                scope.symbols.push(super::Symbol {
                    name: mangled.clone(),
                    flags: flag,
                    scope: None,
                });
            }
        }
        if flag & DEF_PARAM != 0 {
            scope.params.push(mangled);
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &Stmt) -> Result<()> {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                self.add_def(&f.name.name, DEF_LOCAL, s.span)?;
                self.param_defaults(&f.params)?;
                self.exprs(&f.decorators)?;
                self.enter(ScopeKind::Function, &f.name.name, node_key(&**f));
                let scope = self.cur();
                scope.is_async_def = f.is_async;
                scope.is_coroutine = f.is_async;
                self.params(&f.params)?;
                self.stmts(&f.body)?;
                self.check_async_generator_return();
                self.exit();
            }
            StmtKind::ClassDef(c) => {
                self.add_def(&c.name.name, DEF_LOCAL, s.span)?;
                self.exprs(&c.bases)?;
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.exprs(&c.decorators)?;
                self.enter(ScopeKind::Class, &c.name.name, node_key(&**c));
                let saved = self.private.replace(c.name.name.clone());
                self.stmts(&c.body)?;
                self.private = saved;
                self.exit();
            }
            StmtKind::Return(value) => {
                if let Some(v) = value {
                    self.expr(v)?;
                    let scope = self.cur();
                    if scope.return_value.is_none() {
                        scope.return_value = Some(s.span);
                    }
                }
            }
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.target(t))?,
            StmtKind::Assign { targets, value } => {
                targets.iter().try_for_each(|t| self.target(t))?;
                self.expr(value)?;
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.ann_assign(target, value.is_some(), *simple, s.span)?;
                if !self.future_annotations {
                    self.expr(annotation)?;
                }
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.target(target)?;
                self.expr(value)?;
            }
            StmtKind::For { is_async, target, iter, body, orelse } => {
                if *is_async {
                    self.check_async_statement("'async for' outside async function", s.span);
                }
                self.target(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.stmts(body)?;
                self.stmts(orelse)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(&n.name, DEF_LOCAL, n.span)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import(names) | StmtKind::ImportFrom { names, .. } => {
                for alias in names {
                    let (store, span) = match &alias.asname {
                        Some(a) => (a.name.as_str(), a.span),
                        None => (alias.name.name.split('.').next().unwrap_or(""), alias.name.span),
                    };
                    self.add_def(store, DEF_IMPORT, span)?;
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    let cur = self.lookup(&n.name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            "is parameter and global"
                        } else if cur & USE != 0 {
                            "is used prior to global declaration"
                        } else if cur & DEF_ANNOT != 0 {
                            return Err(annotated_error(&n.name, "global", s.span));
                        } else {
                            "is assigned to before global declaration"
                        };
                        return Err(SyntaxError::new(format!("name '{}' {msg}", n.name), s.span));
                    }
                    self.add_def(&n.name, DEF_GLOBAL, n.span)?;
                    self.directive(&n.name, s.span);
                }
            }
            StmtKind::Nonlocal(names) => {
                for n in names {
                    let cur = self.lookup(&n.name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            "is parameter and nonlocal"
                        } else if cur & USE != 0 {
                            "is used prior to nonlocal declaration"
                        } else if cur & DEF_ANNOT != 0 {
                            return Err(annotated_error(&n.name, "nonlocal", s.span));
                        } else {
                            "is assigned to before nonlocal declaration"
                        };
                        return Err(SyntaxError::new(format!("name '{}' {msg}", n.name), s.span));
                    }
                    self.add_def(&n.name, DEF_NONLOCAL, n.span)?;
                    self.directive(&n.name, s.span);
                }
            }
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::With { is_async, items, body } => {
                if *is_async {
                    self.check_async_statement("'async with' outside async function", s.span);
                }
                for item in items {
                    self.expr(&item.context)?;
                    if let Some(t) = &item.target {
                        self.target(t)?;
                    }
                }
                self.stmts(body)?;
            }
        }
        Ok(())
    }

    pub(super) fn directive(&mut self, name: &str, span: Span) {
        let mangled = mangle(self.private.as_deref(), name).into_owned();
        self.cur().directives.push((mangled, span));
    }

    fn param_defaults(&mut self, p: &Parameters) -> Result<()> {
        for param in p.args.iter().chain(&p.kwonly) {
            if let Some(d) = &param.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn params(&mut self, p: &Parameters) -> Result<()> {
        for param in p.args.iter().chain(&p.kwonly) {
            self.add_def(&param.name.name, DEF_PARAM, param.name.span)?;
        }
        for ident in p.vararg.iter().chain(&p.kwarg) {
            self.add_def(&ident.name, DEF_PARAM, ident.span)?;
        }
        Ok(())
    }

    fn exprs(&mut self, es: &[Expr]) -> Result<()> {
        es.iter().try_for_each(|e| self.expr(e))
    }

    /// Visits an assignment or `del` target (store context).
    /// The target of `target: annotation [= value]`: a simple name is bound (and may not be
    /// declared `global`/`nonlocal` outside the module), a parenthesized one only when a value
    /// is assigned; an attribute or subscript target is visited as an expression.
    fn ann_assign(
        &mut self,
        target: &Expr,
        has_value: bool,
        simple: bool,
        stmt: Span,
    ) -> Result<()> {
        let ExprKind::Name(n) = &target.kind else { return self.expr(target) };
        let cur = self.lookup(n);
        let module = self.cur_id() == 0;
        if simple && !module && cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
            let what = if cur & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
            return Err(annotated_error(n, what, stmt));
        }
        if simple {
            self.add_def(n, DEF_ANNOT | DEF_LOCAL, target.span)
        } else if has_value {
            self.add_def(n, DEF_LOCAL, target.span)
        } else {
            Ok(())
        }
    }

    pub(super) fn target(&mut self, e: &Expr) -> Result<()> {
        match &e.kind {
            ExprKind::Name(n) => self.add_def(n, DEF_LOCAL, e.span),
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                elts.iter().try_for_each(|t| self.target(t))
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(e),
        }
    }

    pub(super) fn expr(&mut self, e: &Expr) -> Result<()> {
        match &e.kind {
            ExprKind::Name(n) => {
                self.add_def(n, USE, e.span)?;
                if n == "super" && self.cur().kind.is_function_like() {
                    self.add_def("__class__", USE, e.span)?;
                }
            }
            ExprKind::None
            | ExprKind::Bool(_)
            | ExprKind::Ellipsis
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Bytes(_) => {}
            ExprKind::FString(parts) => self.fstring(parts)?,
            ExprKind::List(elts) | ExprKind::Tuple(elts) | ExprKind::Set(elts) => {
                self.exprs(elts)?
            }
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
            }
            ExprKind::Starred(inner) => self.expr(inner)?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "listcomp", generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "setcomp", generators, elt, None)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "genexpr", generators, elt, None)?
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, "dictcomp", generators, key, Some(value))?
            }
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func)?;
                self.exprs(args)?;
                for kw in keywords {
                    self.expr(&kw.value)?;
                }
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Lambda { params, body } => {
                self.param_defaults(params)?;
                self.enter(ScopeKind::Lambda, "lambda", node_key(e));
                self.params(params)?;
                self.expr(body)?;
                self.exit();
            }
            ExprKind::Yield { value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.yield_expr(e.span, false)?;
            }
            ExprKind::YieldFrom { value } => {
                self.expr(value)?;
                self.yield_expr(e.span, true)?;
            }
            ExprKind::Await { value } => {
                self.expr(value)?;
                self.await_expr(e.span);
            }
            ExprKind::NamedExpr { target, value } => self.named_expr(e, target, value)?,
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &[FStringPart]) -> Result<()> {
        for part in parts {
            if let FStringPart::Field { value, spec, .. } = part {
                self.expr(value)?;
                if let Some(spec) = spec {
                    self.fstring(spec)?;
                }
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> Result<()> {
        let Some(outermost) = generators.first() else { return Ok(()) };
        self.comp_iter(&outermost.iter)?;
        self.enter(ScopeKind::Comprehension, name, node_key(e));
        let scope = self.cur();
        scope.is_generator = name == "genexpr";
        scope.is_coroutine = generators.iter().any(|g| g.is_async);
        self.add_def(".0", DEF_PARAM, e.span)?;
        self.comp_target(&outermost.target)?;
        self.exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            self.comp_target(&g.target)?;
            self.comp_iter(&g.iter)?;
            self.exprs(&g.ifs)?;
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        self.exit_comprehension(e.span);
        Ok(())
    }

    /// The `for` target of a comprehension clause: its names are iteration variables.
    fn comp_target(&mut self, target: &Expr) -> Result<()> {
        self.cur().comp_iter_target = true;
        let result = self.target(target);
        self.cur().comp_iter_target = false;
        result
    }

    /// The iterable of a comprehension clause, where `:=` is not allowed.
    fn comp_iter(&mut self, iter: &Expr) -> Result<()> {
        self.cur().comp_iter_expr += 1;
        let result = self.expr(iter);
        self.cur().comp_iter_expr -= 1;
        result
    }
}

/// CPython's "annotated name 'x' can't be global" (or nonlocal).
fn annotated_error(name: &str, what: &str, span: Span) -> SyntaxError {
    SyntaxError::new(format!("annotated name '{name}' can't be {what}"), span)
}
