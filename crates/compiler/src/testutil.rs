//! Test helpers: small AST constructors so unit tests do not depend on the parser.

use crate::code::{CodeObject, Constant};
use crate::opcode::Opcode;
use gillab_syntax::Span;
use gillab_syntax::ast::*;
use std::sync::Arc;

pub fn e(kind: ExprKind) -> Expr {
    Expr { kind, span: Span::default() }
}

pub fn st(kind: StmtKind) -> Stmt {
    Stmt { kind, span: Span::default() }
}

pub fn ident(n: &str) -> Ident {
    Ident { name: n.to_string(), span: Span::default() }
}

pub fn name(n: &str) -> Expr {
    e(ExprKind::Name(n.to_string()))
}

pub fn int(v: i64) -> Expr {
    e(ExprKind::Int(IntLit::Small(v)))
}

pub fn assign(target: Expr, value: Expr) -> Stmt {
    st(StmtKind::Assign { targets: vec![target], value })
}

pub fn aug(target: Expr, op: BinOp, value: Expr) -> Stmt {
    st(StmtKind::AugAssign { target, op, value })
}

pub fn expr_stmt(x: Expr) -> Stmt {
    st(StmtKind::Expr(x))
}

pub fn ret(x: Expr) -> Stmt {
    st(StmtKind::Return(Some(x)))
}

pub fn call(f: Expr, args: Vec<Expr>) -> Expr {
    e(ExprKind::Call { func: Box::new(f), args, keywords: vec![] })
}

pub fn attr(v: Expr, a: &str) -> Expr {
    e(ExprKind::Attribute { value: Box::new(v), attr: ident(a) })
}

pub fn func(n: &str, params: &[&str], body: Vec<Stmt>) -> Stmt {
    let params = Parameters {
        args: params.iter().map(|p| Param { name: ident(p), default: None }).collect(),
        ..Parameters::default()
    };
    st(StmtKind::FunctionDef(Box::new(FunctionDef {
        name: ident(n),
        params,
        body,
        decorators: vec![],
        is_async: false,
    })))
}

pub fn class(n: &str, body: Vec<Stmt>) -> Stmt {
    st(StmtKind::ClassDef(Box::new(ClassDef {
        name: ident(n),
        bases: vec![],
        keywords: vec![],
        body,
        decorators: vec![],
    })))
}

pub fn module(body: Vec<Stmt>) -> Module {
    Module { body }
}

pub fn compile(body: Vec<Stmt>) -> Arc<CodeObject> {
    crate::compile_module(&module(body), "", "t.py").expect("compiles")
}

pub fn ops(code: &CodeObject) -> Vec<(Opcode, u32)> {
    code.instructions.iter().map(|i| (i.op, i.arg)).collect()
}

/// The `n`-th nested code object of `code`.
pub fn nested(code: &CodeObject, n: usize) -> Arc<CodeObject> {
    code.constants
        .iter()
        .filter_map(|c| match c {
            Constant::Code(c) => Some(c.clone()),
            _ => None,
        })
        .nth(n)
        .expect("nested code object")
}
