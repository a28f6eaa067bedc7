//! Parser tests for generators, coroutines and assignment expressions: `yield`, `yield from`,
//! `await`, `async def`/`for`/`with`, async comprehensions and `:=`. The AST is shown as
//! S-expressions (see `common/sexp.rs`); expected errors (message, line, column) were taken from
//! CPython 3.11's parser (`ast.parse`). Errors that CPython reports after parsing ("'yield'
//! outside function", ...) are `gillab-compiler`'s and tested there.

#[path = "common/sexp.rs"]
mod sexp;
use gillab_syntax::ast::{ExprKind, Stmt, StmtKind};
use gillab_syntax::{SyntaxErrorKind, parse_module};
use sexp::*;

/// The S-expression of the body of the single function defined in `src`.
fn body(src: &str) -> String {
    let m = parse_module(src).unwrap_or_else(|e| panic!("{}", e.render("t.py", src)));
    match m.body.as_slice() {
        [Stmt { kind: StmtKind::FunctionDef(f), .. }] => stmts(&f.body),
        other => panic!("not one function: {}", stmts(other)),
    }
}

#[test]
fn yield_statements() {
    assert_eq!(body("def f():\n    yield"), "(expr (yield))");
    assert_eq!(body("def f():\n    yield 1"), "(expr (yield 1))");
    assert_eq!(body("def f():\n    yield a, b"), "(expr (yield (tuple a b)))");
    assert_eq!(body("def f():\n    yield *a, b"), "(expr (yield (tuple (* a) b)))");
    assert_eq!(body("def f():\n    yield from g()"), "(expr (yield-from (call g)))");
    assert_eq!(body("def f(): yield; yield"), "(expr (yield)) (expr (yield))");
}

#[test]
fn yield_on_the_right_of_assignments() {
    assert_eq!(body("def f():\n    x = yield"), "(assign [x] (yield))");
    assert_eq!(body("def f():\n    x = yield a, b"), "(assign [x] (yield (tuple a b)))");
    assert_eq!(body("def f():\n    x = y = yield 1"), "(assign [x y] (yield 1))");
    assert_eq!(body("def f():\n    x = yield from a"), "(assign [x] (yield-from a))");
    assert_eq!(body("def f():\n    x += yield"), "(+= x (yield))");
    assert_eq!(body("def f():\n    x: int = yield 2"), "(annassign simple x int (yield 2))");
}

#[test]
fn parenthesized_yield() {
    assert_eq!(body("def f():\n    return (yield)"), "(return (yield))");
    assert_eq!(body("def f():\n    print((yield x))"), "(expr (call print (yield x)))");
    assert_eq!(body("def f():\n    x = (yield) + 1"), "(assign [x] (+ (yield) 1))");
    assert_eq!(body("def f():\n    x = [(yield from g)]"), "(assign [x] (list (yield-from g)))");
    assert_eq!(body("def f():\n    x = f'{yield}'"), "(assign [x] (fstr (fmt (yield))))");
    assert_eq!(ex("lambda: (yield)"), "(lambda () (yield))");
    // Misplaced `yield`s parse; the compiler rejects them.
    assert_eq!(sexp("yield x"), "(expr (yield x))");
    assert_eq!(sexp("class C: x = yield"), "(class C () [(assign [x] (yield))])");
}

#[test]
fn await_binds_tighter_than_power_and_unary_minus() {
    let f = |src: &str| body(&format!("async def f():\n    {src}"));
    assert_eq!(f("await x"), "(expr (await x))");
    assert_eq!(f("await x ** 2"), "(expr (** (await x) 2))");
    assert_eq!(f("2 ** await x"), "(expr (** 2 (await x)))");
    assert_eq!(f("-await x"), "(expr (- (await x)))");
    assert_eq!(f("await x.y(1)[0]"), "(expr (await ([] (call (. x y) 1) 0)))");
    assert_eq!(f("await (x + y)"), "(expr (await (+ x y)))");
    assert_eq!(f("y = await x + await z"), "(assign [y] (+ (await x) (await z)))");
    assert_eq!(f("return await x"), "(return (await x))");
    assert_eq!(f("not await x"), "(expr (not (await x)))");
}

#[test]
fn async_statements() {
    assert_eq!(sexp("async def f(): pass"), "(async-def f () [pass])");
    assert_eq!(sexp("@d\nasync def f(a): pass"), "(async-def f (a) [pass] @[d])");
    assert_eq!(sexp("@a\n@b\nasync def f(): pass"), "(async-def f () [pass] @[a b])");
    assert_eq!(body("async def f():\n    async for x in y: pass"), "(async-for x y [pass] [])");
    assert_eq!(
        body("async def f():\n    async for x in y:\n        pass\n    else:\n        z"),
        "(async-for x y [pass] [(expr z)])"
    );
    assert_eq!(
        body("async def f():\n    async with a as b, c: pass"),
        "(async-with [(as a b) c] [pass])"
    );
    assert_eq!(
        body("async def f():\n    async with (a as b): pass"),
        "(async-with [(as a b)] [pass])"
    );
    assert_eq!(body("def f():\n    async def g(): pass"), "(async-def g () [pass])");
    // Misplaced `async` statements parse; the compiler rejects them.
    assert_eq!(sexp("async for x in y: pass"), "(async-for x y [pass] [])");
    assert_eq!(sexp("async with x: pass"), "(async-with [x] [pass])");
    // Not keywords as names any more.
    assert_eq!(sexp("asynchronous = awaited = 1"), "(assign [asynchronous awaited] 1)");
}

#[test]
fn async_statement_spans_start_at_async() {
    let src = "async def f():\n    async for x in y: pass\n    async with z: pass\n";
    let m = parse_module(src).expect("parses");
    let [Stmt { kind: StmtKind::FunctionDef(f), span }] = m.body.as_slice() else { panic!() };
    assert_eq!((span.start, f.is_async), (0, true));
    let starts: Vec<u32> = f.body.iter().map(|s| s.span.start).collect();
    assert_eq!(starts, vec![19, 46]);
    let Some(Stmt { kind: StmtKind::Expr(e), .. }) =
        parse_module("x = 1\n(y := a + b)").ok().and_then(|m| m.body.into_iter().nth(1))
    else {
        panic!()
    };
    assert!(matches!(e.kind, ExprKind::NamedExpr { .. }));
    assert_eq!((e.span.start, e.span.end), (7, 17));
    let Some(Stmt { kind: StmtKind::Expr(e), .. }) =
        parse_module("await  x.y").ok().and_then(|m| m.body.into_iter().next())
    else {
        panic!()
    };
    assert_eq!((e.span.start, e.span.end), (0, 10));
}

#[test]
fn async_comprehensions() {
    let f = |src: &str| body(&format!("async def f():\n    return {src}"));
    assert_eq!(f("[x async for x in y]"), "(return (listcomp x (async-for x y)))");
    assert_eq!(
        f("{k: v async for k, v in y if await k}"),
        "(return (dictcomp k v (async-for (tuple k v) y (if (await k)))))"
    );
    assert_eq!(
        f("(x for a in b async for x in a)"),
        "(return (genexp x (for a b) (async-for x a)))"
    );
    assert_eq!(f("g(x async for x in y)"), "(return (call g (genexp x (async-for x y))))");
    assert_eq!(f("[await x for x in y]"), "(return (listcomp (await x) (for x y)))");
}

#[test]
fn assignment_expressions() {
    assert_eq!(
        sexp("if (n := len(a)) > 10: pass"),
        "(if (cmp (:= n (call len a)) > 10) [pass] [])"
    );
    assert_eq!(sexp("if n := 10: pass"), "(if (:= n 10) [pass] [])");
    assert_eq!(sexp("while chunk := read(): pass"), "(while (:= chunk (call read)) [pass] [])");
    assert_eq!(ex("f(x := 1)"), "(call f (:= x 1))");
    assert_eq!(ex("f(a, x := 1, *b)"), "(call f a (:= x 1) (* b))");
    assert_eq!(ex("f(y := x for x in z)"), "(call f (genexp (:= y x) (for x z)))");
    assert_eq!(ex("(x := 1)"), "(:= x 1)");
    assert_eq!(ex("(x := (y := 1))"), "(:= x (:= y 1))");
    err("(x := y := 1)", "invalid syntax", 1, 9);
    assert_eq!(ex("(x := lambda: 1)"), "(:= x (lambda () 1))");
    assert_eq!(ex("(x := a if b else c)"), "(:= x (ifexp b a c))");
    assert_eq!(ex("[y := f(x), y ** 2]"), "(list (:= y (call f x)) (** y 2))");
    assert_eq!(ex("(y := 1, 2)"), "(tuple (:= y 1) 2)");
    assert_eq!(ex("{x := 1}"), "(set (:= x 1))");
    assert_eq!(ex("{(x := 1): 2}"), "(dict ((:= x 1) 2))");
    assert_eq!(
        ex("[y for x in d if (y := f(x))]"),
        "(listcomp y (for x d (if (:= y (call f x)))))"
    );
    assert_eq!(ex("[y := x for x in d]"), "(listcomp (:= y x) (for x d))");
    assert_eq!(ex("a[x := 1]"), "([] a (:= x 1))");
    assert_eq!(ex("a[x := 1, 2]"), "([] a (tuple (:= x 1) 2))");
    assert_eq!(ex("f'{(x := 1)}'"), "(fstr (fmt (:= x 1)))");
    assert_eq!(sexp("@d := deco\ndef f(): pass"), "(def f () [pass] @[(:= d deco)])");
    assert_eq!(sexp("x = (y := 1)"), "(assign [x] (:= y 1))");
    assert_eq!(sexp("with (a := 1): pass"), "(with [(:= a 1)] [pass])");
    assert_eq!(sexp("def f(a=(x := 1)): pass"), "(def f ((= a (:= x 1))) [pass])");
}

#[test]
fn error_assignment_expressions() {
    err("x := 1", "invalid syntax", 1, 3);
    err("x = y := 1", "invalid syntax", 1, 7);
    err("f(a=x:=1)", "invalid syntax", 1, 6);
    err("(a.b := 1)", "cannot use assignment expressions with attribute", 1, 2);
    err("(x) := 1", "cannot use assignment expressions with name", 1, 2);
    err("((x) := 1)", "cannot use assignment expressions with name", 1, 3);
    err("(a[0] := 1)", "cannot use assignment expressions with subscript", 1, 2);
    err("(lambda: x := 1)", "cannot use assignment expressions with lambda", 1, 2);
    err("[x for x in y if z := x]", "invalid syntax", 1, 20);
    err("{x := 1: 2}", "invalid syntax", 1, 8);
    err("assert x := 1", "invalid syntax", 1, 10);
    err("x = (y := 1) := 2", "invalid syntax", 1, 14);
    err("(x, y) := 1", "cannot use assignment expressions with tuple", 1, 1);
    err("([x, y] := 1)", "cannot use assignment expressions with list", 1, 2);
    err("(x() := 1)", "cannot use assignment expressions with function call", 1, 2);
    err("(1 := 1)", "cannot use assignment expressions with literal", 1, 2);
    err("(True := 1)", "cannot use assignment expressions with True", 1, 2);
    err("(x + 1 := 1)", "cannot use assignment expressions with expression", 1, 2);
    err("(a.b := )", "invalid syntax", 1, 6);
    err("f(*a := 1)", "invalid syntax", 1, 6);
    err("x = y := 1, 2", "invalid syntax", 1, 7);
    err("with a := 1: pass", "invalid syntax", 1, 8);
    err("for x in y := 1: pass", "invalid syntax", 1, 12);
    err("del (y := 1)", "cannot delete named expression", 1, 6);
    err(
        "(y := 1) = 2",
        "cannot assign to named expression here. Maybe you meant '==' instead of '='?",
        1,
        2,
    );
    err("for (y := 1) in x: pass", "cannot assign to named expression", 1, 6);
    err("[1 for (y := 1) in x]", "cannot assign to named expression", 1, 9);
    err("def f():\n    return y := 1", "invalid syntax", 2, 14);
    err("x[y := 1:2]", "invalid syntax", 1, 9);
    err("f(x for x in y, z := 1)", "Generator expression must be parenthesized", 1, 3);
    err("x = yield lambda: 1 := 2", "invalid syntax", 1, 21);
    err("f(x := 1 = 2)", "invalid syntax", 1, 10);
    err("f(x.y := 1)", "invalid syntax", 1, 7);
    err("if x.y := 1: pass", "cannot use assignment expressions with attribute", 1, 4);
    err("x = {**y := 1}", "invalid syntax", 1, 10);
    err("def f(a=x := 1): pass", "invalid syntax", 1, 11);
    err("lambda: x := 1", "cannot use assignment expressions with lambda", 1, 1);
}

#[test]
fn error_yield() {
    err("def f(): return yield", "invalid syntax", 1, 17);
    err("def f():\n    yield = 1", "assignment to yield expression not possible", 2, 5);
    err("def f():\n    x = yield = 1", "assignment to yield expression not possible", 2, 9);
    err(
        "def f():\n    (yield) = 1",
        "cannot assign to yield expression here. Maybe you meant '==' instead of '='?",
        2,
        6,
    );
    err("def f():\n    yield x = 1", "assignment to yield expression not possible", 2, 5);
    err("def f():\n    yield x += 1", "invalid syntax", 2, 13);
    err("def f():\n    x = yield += 1", "invalid syntax", 2, 15);
    err("def f():\n    x = yield from a, b", "invalid syntax", 2, 21);
    err("def f():\n    yield from", "invalid syntax", 2, 15);
    err("def f():\n    print(yield)", "invalid syntax", 2, 11);
    err("def f():\n    print(yield x)", "invalid syntax", 2, 11);
    err("def f():\n    x = [yield]", "invalid syntax", 2, 10);
    err("def f():\n    x = -yield", "invalid syntax", 2, 10);
    err("x = (yield from)", "invalid syntax", 1, 16);
    err("x = (yield x y)", "invalid syntax. Perhaps you forgot a comma?", 1, 12);
}

#[test]
fn error_await_and_async() {
    err("async x = 1", "invalid syntax", 1, 7);
    err("async", "invalid syntax", 1, 6);
    err("@d\nasync for x in y: pass", "invalid syntax", 2, 7);
    err("@d\nasync with x: pass", "invalid syntax", 2, 7);
    err("async def f(): await -x", "invalid syntax", 1, 22);
    err("async def f(): await await x", "invalid syntax", 1, 22);
    err("def f():\n    await = 1", "invalid syntax", 2, 11);
    err("async = 1", "invalid syntax", 1, 7);
    err("async def f():\n    x = await y = 1", "cannot assign to await expression", 2, 9);
    err(
        "async def f():\n    await x = 1",
        "cannot assign to await expression here. Maybe you meant '==' instead of '='?",
        2,
        5,
    );
    err("async def f():\n    del await x", "cannot delete await expression", 2, 9);
    err("async def f():\n    for await x in y: pass", "cannot assign to await expression", 2, 9);
    err(
        "async def f():\n    (await x) += 1",
        "'await expression' is an illegal expression for augmented assignment",
        2,
        6,
    );
    err("[x async y]", "invalid syntax", 1, 10);
    err("async def f():\n    async while x: pass", "invalid syntax", 2, 11);
    err("async def f():\n    x = lambda: await", "invalid syntax", 2, 22);
    err_kind(
        "async def f():\n    async for x in y:\n    pass",
        SyntaxErrorKind::Indentation,
        "expected an indented block after 'for' statement on line 2",
        3,
        5,
    );
    err_kind(
        "async def f():\n    async with y:\n    pass",
        SyntaxErrorKind::Indentation,
        "expected an indented block after 'with' statement on line 2",
        3,
        5,
    );
    err("async def f()\n    pass", "expected ':'", 1, 14);
}

#[test]
fn error_rendering() {
    assert_eq!(
        render("(a.b := 1)"),
        "  File \"t.py\", line 1\n    (a.b := 1)\n     ^^^\nSyntaxError: cannot use assignment expressions with attribute\n"
    );
    assert_eq!(
        render("def f():\n    x = yield = 1"),
        "  File \"t.py\", line 2\n    x = yield = 1\n        ^^^^^\nSyntaxError: assignment to yield expression not possible\n"
    );
}
