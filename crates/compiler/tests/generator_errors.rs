//! The compile-time errors about generators, coroutines and assignment expressions, with
//! CPython 3.11's message and position (line, column, end line, end column; 1-based columns as
//! `SyntaxError.offset`), taken from `compile(src, "<s>", "exec")` in python3.11. Also: the
//! valid generators and coroutines compile.

use gillab_compiler::compile_source;
use gillab_syntax::LineIndex;

#[track_caller]
fn check(source: &str, msg: &str, start: (u32, u32), end: Option<(u32, u32)>) {
    let err = match compile_source(source, "t.py") {
        Ok(_) => panic!("no error for {source:?}"),
        Err(e) => e,
    };
    assert_eq!(err.msg, msg, "message for {source:?}");
    let index = LineIndex::new(source);
    assert_eq!(index.line_col(source, err.span.start), start, "start of {msg:?} in {source:?}");
    if let Some(end) = end {
        assert_eq!(index.line_col(source, err.span.end), end, "end of {msg:?} in {source:?}");
    }
}

#[test]
fn misplaced_yield_await_and_async() {
    check("yield", "'yield' outside function", (1, 1), Some((1, 6)));
    check("yield from x", "'yield' outside function", (1, 1), Some((1, 13)));
    check("x = 1\nclass C:\n    y = yield x", "'yield' outside function", (3, 9), Some((3, 16)));
    check("def f(x=(yield)): pass", "'yield' outside function", (1, 10), Some((1, 15)));
    check("@(yield)\ndef f(): pass", "'yield' outside function", (1, 3), Some((1, 8)));
    check("x = f'{yield}'", "'yield' outside function", (1, 8), Some((1, 13)));
    check("await x", "'await' outside function", (1, 1), Some((1, 8)));
    check("class C: await x", "'await' outside function", (1, 10), Some((1, 17)));
    check("(x for x in await y)", "'await' outside function", (1, 13), Some((1, 20)));
    check("def f():\n    x = await y", "'await' outside async function", (2, 9), Some((2, 16)));
    check("lambda: await x", "'await' outside async function", (1, 9), Some((1, 16)));
    check(
        "async def f():\n    return lambda: await x",
        "'await' outside async function",
        (2, 20),
        Some((2, 27)),
    );
    check(
        "async def f():\n    def g(): await x",
        "'await' outside async function",
        (2, 14),
        Some((2, 21)),
    );
    check(
        "async def f():\n    yield 1\n    return 2",
        "'return' with value in async generator",
        (3, 5),
        Some((3, 13)),
    );
    check(
        "def f():\n    yield\n    if c: return 1\n    [await x for x in y]",
        "'return' with value in async generator",
        (3, 11),
        Some((3, 19)),
    );
    check(
        "def f():\n    if c: return 1\n    yield\n    [x async for x in y]",
        "'return' with value in async generator",
        (2, 11),
        Some((2, 19)),
    );
    check(
        "async def f():\n    yield from x",
        "'yield from' inside async function",
        (2, 5),
        Some((2, 17)),
    );
    check(
        "async def f():\n    x = [(yield) for x in y]",
        "'yield' inside list comprehension",
        (2, 11),
        Some((2, 16)),
    );
    check("[(yield) for x in y]", "'yield' inside list comprehension", (1, 3), Some((1, 8)));
    check(
        "def f(): {(yield) for x in y}",
        "'yield' inside set comprehension",
        (1, 12),
        Some((1, 17)),
    );
    check(
        "def f(): {(yield): 1 for x in y}",
        "'yield' inside dict comprehension",
        (1, 12),
        Some((1, 17)),
    );
    check(
        "def f(): ((yield) for x in y)",
        "'yield' inside generator expression",
        (1, 12),
        Some((1, 17)),
    );
    check(
        "def f(): [x for z in w for x in (yield)]",
        "'yield' inside list comprehension",
        (1, 34),
        Some((1, 39)),
    );
    check(
        "def f():\n    return lambda: [(yield) for x in y]",
        "'yield' inside list comprehension",
        (2, 22),
        Some((2, 27)),
    );
    check(
        "[await x for x in y]",
        "asynchronous comprehension outside of an asynchronous function",
        (1, 1),
        Some((1, 21)),
    );
    check(
        "def f(): return [await x for x in y]",
        "asynchronous comprehension outside of an asynchronous function",
        (1, 17),
        Some((1, 37)),
    );
    check(
        "def f(): return [x async for x in y]",
        "asynchronous comprehension outside of an asynchronous function",
        (1, 17),
        Some((1, 37)),
    );
    check(
        "def f(): return [[x async for x in y] for z in w]",
        "asynchronous comprehension outside of an asynchronous function",
        (1, 17),
        Some((1, 50)),
    );
    check(
        "def f():\n    return [x for z in w for x in await y]",
        "asynchronous comprehension outside of an asynchronous function",
        (2, 12),
        Some((2, 43)),
    );
    check(
        "def f():\n    return [x for x in await y]",
        "'await' outside async function",
        (2, 24),
        Some((2, 31)),
    );
    check(
        "def f():\n    async for x in y: pass",
        "'async for' outside async function",
        (2, 5),
        Some((2, 27)),
    );
    check(
        "def f():\n    async with x: pass",
        "'async with' outside async function",
        (2, 5),
        Some((2, 23)),
    );
    check("async for x in y: pass", "'async for' outside async function", (1, 1), Some((1, 23)));
    check("async with x: pass", "'async with' outside async function", (1, 1), Some((1, 19)));
    check(
        "async def f():\n    def g():\n        async with x:\n            pass",
        "'async with' outside async function",
        (3, 9),
        Some((4, 17)),
    );
    check("yield\nreturn 1", "'yield' outside function", (1, 1), Some((1, 6)));
}

#[test]
fn assignment_expressions_in_comprehensions() {
    check(
        "[x for x in (y := [1])]",
        "assignment expression cannot be used in a comprehension iterable expression",
        (1, 14),
        Some((1, 22)),
    );
    check(
        "[x for z in w for x in (y := [1])]",
        "assignment expression cannot be used in a comprehension iterable expression",
        (1, 25),
        Some((1, 33)),
    );
    check(
        "[x := 1 for x in y]",
        "assignment expression cannot rebind comprehension iteration variable 'x'",
        (1, 2),
        Some((1, 3)),
    );
    check(
        "def f():\n    x = [y for y in w if (y := 1)]",
        "assignment expression cannot rebind comprehension iteration variable 'y'",
        (2, 27),
        Some((2, 28)),
    );
    check(
        "[i for i in range(5) if (j := 0) for j in range(5)]",
        "comprehension inner loop cannot rebind assignment expression target 'j'",
        (1, 38),
        Some((1, 39)),
    );
    check(
        "class C: [y := 1 for x in z]",
        "assignment expression within a comprehension cannot be used in a class body",
        (1, 11),
        Some((1, 12)),
    );
    check(
        "class C:\n    x = [(y := 1) for z in w]\n    yield",
        "assignment expression within a comprehension cannot be used in a class body",
        (2, 11),
        Some((2, 12)),
    );
    check(
        "def f():\n    return [(y := 1) for z in (lambda: (q := 1))()]",
        "assignment expression cannot be used in a comprehension iterable expression",
        (2, 41),
        Some((2, 47)),
    );
    check(
        "def f():\n    return [[(q := 1) for y in w] for q in r]",
        "assignment expression cannot rebind comprehension iteration variable 'q'",
        (2, 15),
        Some((2, 16)),
    );
    check(
        "yield\nx = [(y := 1) for y in w]",
        "assignment expression cannot rebind comprehension iteration variable 'y'",
        (2, 7),
        Some((2, 8)),
    );
    check("def f():\n    (__debug__ := 1)", "cannot assign to __debug__", (2, 6), Some((2, 15)));
    check(
        "def f():\n    [(y := 1) for z in w]\n    global y",
        "name 'y' is assigned to before global declaration",
        (3, 5),
        Some((3, 13)),
    );
}

#[test]
fn compiler_errors_in_source_order() {
    check("return 1\nyield", "'return' outside function", (1, 1), Some((1, 9)));
    check("await x\nbreak", "'await' outside function", (1, 1), Some((1, 8)));
    check("x = 1\nbreak\nyield", "'break' outside loop", (2, 1), Some((2, 6)));
    check("break\nawait x", "'break' outside loop", (1, 1), Some((1, 6)));
}

#[test]
fn valid_generators_and_coroutines_compile() {
    for src in [
        "def f():\n    return lambda: (yield)",
        "def f():\n    x = yield from g()",
        "async def f():\n    return (await x for x in y)",
        "async def f():\n    yield\n    return",
        "x = 1\n@d\nasync def f(): pass",
        "async def f():\n    return [[x async for x in y] for z in w]",
        "async def f():\n    return (x async for x in y)",
        "async def f():\n    async with a as b, c:\n        async for x in b:\n            await x",
    ] {
        if let Err(e) = compile_source(src, "t.py") {
            panic!("{src:?}: {}", e.render("t.py", src));
        }
    }
}

#[test]
fn assignment_expressions_compile() {
    for src in [
        "def f():\n    global y\n    [(y := 1) for z in w]",
        "def f():\n    x = [y for y in w]\n    x = [(y := 1) for z in w]",
        "def f():\n    return lambda: [y := 1 for x in z]",
        "[y := x for x in range(3)]\nprint(y)",
        "class C:\n    def f(self):\n        return [y := 1 for x in z]",
        "if (n := 10) > 5:\n    print(n)",
    ] {
        if let Err(e) = compile_source(src, "t.py") {
            panic!("{src:?}: {}", e.render("t.py", src));
        }
    }
}
