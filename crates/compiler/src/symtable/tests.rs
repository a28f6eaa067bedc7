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

/// The symbol table of `src`, which must parse and pass the scope analysis.
fn table_of(src: &str) -> SymbolTable {
    let module = gillab_syntax::parse_module(src).expect("parses");
    SymbolTable::build(&module).expect("valid scopes")
}

/// `(is_generator, is_coroutine, is_async_def)` of the scope named `name`.
fn flags_of(t: &SymbolTable, name: &str) -> (bool, bool, bool) {
    let s = scope_named(t, name);
    (s.is_generator, s.is_coroutine, s.is_async_def)
}

#[test]
fn generator_and_coroutine_flags() {
    let t = table_of(
        "def g():\n    yield 1\ndef d():\n    x = yield from g()\nasync def c():\n    await x\n\
         async def a():\n    yield 1\ndef p():\n    return 1\nasync def e():\n    pass\n",
    );
    assert_eq!(flags_of(&t, "g"), (true, false, false));
    assert_eq!(flags_of(&t, "d"), (true, false, false));
    assert_eq!(flags_of(&t, "c"), (false, true, true));
    assert_eq!(flags_of(&t, "a"), (true, true, true));
    assert!(scope_named(&t, "a").is_async_generator());
    assert!(!scope_named(&t, "c").is_async_generator());
    assert_eq!(flags_of(&t, "p"), (false, false, false));
    assert_eq!(flags_of(&t, "e"), (false, true, true));
    assert_eq!(flags_of(&t, "top"), (false, false, false));
    assert!(t.compile_error().is_none());
}

#[test]
fn lambda_and_comprehension_flags() {
    let t = table_of("f = lambda: (yield)\n");
    assert_eq!(flags_of(&t, "lambda"), (true, false, false));
    let t = table_of("def f():\n    return (x for x in y)\n");
    assert_eq!(flags_of(&t, "genexpr"), (true, false, false));
    assert!(scope_named(&t, "genexpr").is_generator_expression());
    assert_eq!(flags_of(&t, "f"), (false, false, false));
    // An async generator expression: `await` or `async for` inside.
    for src in ["def f():\n    return (await x for x in y)\n", "(x async for x in y)\n"] {
        let t = table_of(src);
        assert!(scope_named(&t, "genexpr").is_async_generator(), "{src}");
        assert!(t.compile_error().is_none(), "{src}");
    }
    // An async list comprehension is a coroutine, awaited by its async function.
    let t = table_of("async def f():\n    return [x async for x in y]\n");
    assert_eq!(flags_of(&t, "listcomp"), (false, true, false));
    assert!(!scope_named(&t, "listcomp").is_generator_expression());
    let t = table_of("async def f():\n    return {await k: v for k, v in y}\n");
    assert_eq!(flags_of(&t, "dictcomp"), (false, true, false));
    // A nested async comprehension makes the outer one a coroutine too.
    let t = table_of("async def f():\n    return [[x async for x in y] for z in w]\n");
    let comps: Vec<bool> =
        t.scopes.iter().filter(|s| s.name == "listcomp").map(|s| s.is_coroutine).collect();
    assert_eq!(comps, vec![true, true]);
    // ... but not a generator expression around it, which becomes an async generator.
    let t = table_of("def f():\n    return ([x async for x in y] for z in w)\n");
    assert!(scope_named(&t, "genexpr").is_async_generator());
    assert_eq!(flags_of(&t, "f"), (false, false, false));
    // The outermost iterable is evaluated in the enclosing scope.
    let t = table_of("async def f():\n    return [x for x in await y]\n");
    assert_eq!(flags_of(&t, "listcomp"), (false, false, false));
}

#[test]
fn compiler_stage_errors_are_deferred_earliest_first() {
    let t = table_of("x = 1\nawait y\nyield\n");
    let err = t.compile_error().expect("deferred");
    assert_eq!((err.msg.as_str(), err.span.start), ("'await' outside function", 6));
    let t = table_of("def f():\n    return 1\n    yield\n    await x\n");
    let err = t.compile_error().expect("deferred");
    assert_eq!(err.msg, "'return' with value in async generator");
    let t = table_of("async def f():\n    async for x in y: pass\n    async with z: pass\n");
    assert!(t.compile_error().is_none());
}

#[test]
fn symtable_stage_errors_fail_the_build() {
    let err = |src: &str| {
        let module = gillab_syntax::parse_module(src).expect("parses");
        SymbolTable::build(&module).expect_err("symtable error").msg
    };
    assert_eq!(err("def f():\n    [(yield) for x in y]\n"), "'yield' inside list comprehension");
    assert_eq!(err("def f():\n    ((yield) for x in y)\n"), "'yield' inside generator expression");
    assert_eq!(
        err("[x for x in (y := z)]\n"),
        "assignment expression cannot be used in a comprehension iterable expression"
    );
    assert_eq!(
        err("[x := 1 for x in y]\n"),
        "assignment expression cannot rebind comprehension iteration variable 'x'"
    );
    assert_eq!(
        err("class C:\n    [y := 1 for x in z]\n"),
        "assignment expression within a comprehension cannot be used in a class body"
    );
}

#[test]
fn named_expression_targets_bind_in_the_enclosing_function() {
    let t = table_of("def f():\n    [[(y := 1) for a in b] for c in d]\n    return y\n");
    assert_eq!(scope_named(&t, "f").scope_of("y"), Some(NameScope::Cell));
    let comps: Vec<Option<NameScope>> =
        t.scopes.iter().filter(|s| s.name == "listcomp").map(|s| s.scope_of("y")).collect();
    assert_eq!(comps, vec![Some(NameScope::Free), Some(NameScope::Free)]);
    // A `global` in the function makes the target global everywhere.
    let t = table_of("def f():\n    global y\n    [(y := 1) for a in b]\n");
    assert_eq!(scope_named(&t, "f").scope_of("y"), Some(NameScope::GlobalExplicit));
    assert_eq!(scope_named(&t, "listcomp").scope_of("y"), Some(NameScope::GlobalExplicit));
    // At module level the target is a global.
    let t = table_of("[(y := x) for x in z]\n");
    assert_eq!(scope_named(&t, "top").scope_of("y"), Some(NameScope::GlobalExplicit));
    assert_eq!(scope_named(&t, "listcomp").scope_of("y"), Some(NameScope::GlobalExplicit));
    // A lambda is a function scope; outside comprehensions `:=` binds where it is.
    let t = table_of("g = lambda: [(y := 1) for a in b]\nif (n := 1): pass\n");
    assert_eq!(scope_named(&t, "lambda").scope_of("y"), Some(NameScope::Cell));
    assert_eq!(scope_named(&t, "top").scope_of("n"), Some(NameScope::Local));
}
