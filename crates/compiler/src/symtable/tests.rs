//! Unit tests of the scope analysis on hand-built ASTs.

use super::*;
use crate::testutil::*;
use gillab_syntax::ast::{BinOp, ExprKind, StmtKind};

fn table(body: Vec<gillab_syntax::ast::Stmt>) -> SymbolTable {
    SymbolTable::build(&module(body)).expect("valid scopes")
}

fn scope_named<'t>(t: &'t SymbolTable, name: &str) -> &'t Scope {
    t.scopes.iter().find(|s| s.name == name).expect("scope exists")
}

#[test]
fn closures_make_cells_and_frees() {
    // def outer(x):
    //     y = 1
    //     def inner(): return x + y + z
    let inner_body = vec![ret(e(ExprKind::BinOp {
        left: Box::new(e(ExprKind::BinOp {
            left: Box::new(name("x")),
            op: BinOp::Add,
            right: Box::new(name("y")),
        })),
        op: BinOp::Add,
        right: Box::new(name("z")),
    }))];
    let t = table(vec![func(
        "outer",
        &["x"],
        vec![assign(name("y"), int(1)), func("inner", &[], inner_body)],
    )]);
    let outer = scope_named(&t, "outer");
    assert_eq!(outer.scope_of("x"), Some(NameScope::Cell));
    assert_eq!(outer.scope_of("y"), Some(NameScope::Cell));
    assert_eq!(outer.scope_of("inner"), Some(NameScope::Local));
    assert_eq!(outer.cellvars(), vec!["x".to_string(), "y".to_string()]);
    let inner = scope_named(&t, "inner");
    assert_eq!(inner.scope_of("x"), Some(NameScope::Free));
    assert_eq!(inner.scope_of("z"), Some(NameScope::GlobalImplicit));
    assert_eq!(inner.freevars(), vec!["x".to_string(), "y".to_string()]);
    assert!(inner.nested);
}

#[test]
fn class_scope_is_invisible_to_methods() {
    // class C:
    //     a = 1
    //     def m(self): return a
    let t = table(vec![class(
        "C",
        vec![assign(name("a"), int(1)), func("m", &["self"], vec![ret(name("a"))])],
    )]);
    assert_eq!(scope_named(&t, "C").scope_of("a"), Some(NameScope::Local));
    assert_eq!(scope_named(&t, "m").scope_of("a"), Some(NameScope::GlobalImplicit));
}

#[test]
fn super_creates_class_cell() {
    let t = table(vec![class(
        "C",
        vec![func("m", &["self"], vec![expr_stmt(call(name("super"), vec![]))])],
    )]);
    let c = scope_named(&t, "C");
    assert!(c.needs_class_closure);
    assert_eq!(c.cellvars(), vec!["__class__".to_string()]);
    let m = scope_named(&t, "m");
    assert_eq!(m.scope_of("__class__"), Some(NameScope::Free));
    assert_eq!(m.scope_of("super"), Some(NameScope::GlobalImplicit));
}

#[test]
fn global_and_nonlocal() {
    // def f():
    //     global g
    //     g = 1
    //     v = 2
    //     def h():
    //         nonlocal v
    //         v = 3
    let h =
        func("h", &[], vec![st(StmtKind::Nonlocal(vec![ident("v")])), assign(name("v"), int(3))]);
    let t = table(vec![func(
        "f",
        &[],
        vec![
            st(StmtKind::Global(vec![ident("g")])),
            assign(name("g"), int(1)),
            assign(name("v"), int(2)),
            h,
        ],
    )]);
    let f = scope_named(&t, "f");
    assert_eq!(f.scope_of("g"), Some(NameScope::GlobalExplicit));
    assert_eq!(f.scope_of("v"), Some(NameScope::Cell));
    assert_eq!(scope_named(&t, "h").scope_of("v"), Some(NameScope::Free));
}

#[test]
fn private_names_are_mangled() {
    assert_eq!(mangle(Some("C"), "__x"), "_C__x");
    assert_eq!(mangle(Some("_C"), "__x"), "_C__x");
    assert_eq!(mangle(Some("C"), "__init__"), "__init__");
    assert_eq!(mangle(Some("___"), "__x"), "__x");
    assert_eq!(mangle(None, "__x"), "__x");
    let t = table(vec![class("C", vec![assign(name("__x"), int(1))])]);
    assert!(scope_named(&t, "C").lookup("_C__x").is_some());
}

#[test]
fn symtable_errors() {
    let err = SymbolTable::build(&module(vec![st(StmtKind::Nonlocal(vec![ident("x")]))]))
        .expect_err("nonlocal at module level");
    assert_eq!(err.msg, "nonlocal declaration not allowed at module level");
    let f = func("f", &[], vec![assign(name("x"), int(1)), st(StmtKind::Global(vec![ident("x")]))]);
    let err = SymbolTable::build(&module(vec![f])).expect_err("assigned before global");
    assert_eq!(err.msg, "name 'x' is assigned to before global declaration");
}
