#![allow(dead_code)]
use gillab_syntax::{SyntaxErrorKind, parse_module};
fn stmts(_: &[gillab_syntax::ast::Stmt]) -> String { String::new() }
// ----- Error helpers -----

/// Asserts that `src` fails with a `SyntaxError` `msg` at 1-based `line` and `col`.
#[track_caller]
fn err(src: &str, msg: &str, line: u32, col: u32) {
    err_kind(src, SyntaxErrorKind::Syntax, msg, line, col);
}

/// Like [`err`] for a given error class.
#[track_caller]
fn err_kind(src: &str, kind: SyntaxErrorKind, msg: &str, line: u32, col: u32) {
    match parse_module(src) {
        Ok(m) => panic!("{src:?} parsed: {}", stmts(&m.body)),
        Err(e) => {
            assert_eq!((e.kind, e.msg.as_str()), (kind, msg), "for {src:?}");
            assert_eq!(e.line_col(src), (line, col), "position for {src:?}: {}", e.render("t.py", src));
        }
    }
}

/// The error rendered as CPython prints it (file `t.py`).
fn render(src: &str) -> String {
    match parse_module(src) {
        Ok(m) => panic!("{src:?} parsed: {}", stmts(&m.body)),
        Err(e) => e.render("t.py", src),
    }
}

/// The message of the error for `src`.
fn msg(src: &str) -> String {
    match parse_module(src) {
        Ok(m) => panic!("{src:?} parsed: {}", stmts(&m.body)),
        Err(e) => e.msg,
    }
}

#[test]
fn c000() { err("x = = 1", "invalid syntax", 1, 5); }
#[test]
fn c001() { err("x = 1 2", "invalid syntax", 1, 7); }
#[test]
fn c002() { err("x = 1 +", "invalid syntax", 1, 8); }
#[test]
fn c003() { err("x = 1 +\n", "invalid syntax", 1, 8); }
#[test]
fn c004() { err("x = a if b else", "invalid syntax", 1, 16); }
#[test]
fn c005() { err("x =\n", "invalid syntax", 1, 4); }
#[test]
fn c006() { err("x = 1 +* 2", "invalid syntax", 1, 8); }
#[test]
fn c007() { err("x = a not b", "invalid syntax", 1, 11); }
#[test]
fn c008() { err("x = a is not not b", "invalid syntax", 1, 14); }
#[test]
fn c009() { err("def (): pass", "invalid syntax", 1, 5); }
#[test]
fn c010() { err("class (): pass", "invalid syntax", 1, 7); }
#[test]
fn c011() { err("def f(1): pass", "invalid syntax", 1, 7); }
#[test]
fn c012() { err("def f(a b): pass", "invalid syntax", 1, 9); }
#[test]
fn c013() { err("def f(a, b: pass\n", "invalid syntax", 1, 13); }
#[test]
fn c014() { err("@dec\nx = 1", "invalid syntax", 2, 1); }
#[test]
fn c015() { err("x = (,)", "invalid syntax", 1, 6); }
#[test]
fn c016() { err("x = [,]", "invalid syntax", 1, 6); }
#[test]
fn c017() { err("f(,)", "invalid syntax", 1, 3); }
#[test]
fn c018() { err("a[]", "invalid syntax", 1, 3); }
#[test]
fn c019() { err("a.", "invalid syntax", 1, 3); }
#[test]
fn c020() { err("a..b", "invalid syntax", 1, 3); }
#[test]
fn c021() { err("x = a.if", "invalid syntax", 1, 7); }
#[test]
fn c022() { err("else: pass", "invalid syntax", 1, 1); }
#[test]
fn c023() { err("elif x: pass", "invalid syntax", 1, 1); }
#[test]
fn c024() { err("except: pass", "invalid syntax", 1, 1); }
#[test]
fn c025() { err("x = 1; ; y = 2", "invalid syntax", 1, 8); }
#[test]
fn c026() { err("if x: pass; elif y: pass", "invalid syntax", 1, 13); }
#[test]
fn c027() { err("if x: if y: pass", "invalid syntax", 1, 7); }
#[test]
fn c028() { err("global x, ", "invalid syntax", 1, 11); }
#[test]
fn c029() { err("assert", "invalid syntax", 1, 7); }
#[test]
fn c030() { err("raise from x", "invalid syntax", 1, 7); }
#[test]
fn c031() { err("raise X from", "invalid syntax", 1, 13); }
#[test]
fn c032() { err("import a.b as", "invalid syntax", 1, 14); }
#[test]
fn c033() { err("from m import", "invalid syntax", 1, 14); }
#[test]
fn c034() { err("import", "invalid syntax", 1, 7); }
#[test]
fn c035() { err("x = not", "invalid syntax", 1, 8); }
#[test]
fn c036() { err("x = {1: 2, *a}", "invalid syntax", 1, 12); }
#[test]
fn c037() { err("x = {*a: 1}", "invalid syntax", 1, 8); }
#[test]
fn c038() { err("def f(/): pass", "invalid syntax", 1, 7); }
#[test]
fn c039() { err("f(a for a in b for)", "invalid syntax", 1, 19); }
#[test]
fn c040() { err("x = [1 for]", "invalid syntax", 1, 11); }
#[test]
fn c041() { err("lambda x: (yield_) 1", "invalid syntax", 1, 20); }
#[test]
fn c042() { err("for x y in z: pass", "invalid syntax", 1, 7); }
#[test]
fn c043() { err("x = 1 if 2 else 3 :", "invalid syntax", 1, 19); }
#[test]
fn c044() { err("with a as b c: pass", "invalid syntax", 1, 13); }
#[test]
fn c045() { err("x = {1: 2 for}", "invalid syntax", 1, 14); }
#[test]
fn c046() { err("if x\n    pass", "expected ':'", 1, 5); }
#[test]
fn c047() { err("while x\n    pass", "expected ':'", 1, 8); }
#[test]
fn c048() { err("for x in y\n    pass", "expected ':'", 1, 11); }
#[test]
fn c049() { err("def f()\n    pass", "expected ':'", 1, 8); }
#[test]
fn c050() { err("def f() -> int\n    pass", "expected ':'", 1, 15); }
#[test]
fn c051() { err("class C\n    pass", "expected ':'", 1, 8); }
#[test]
fn c052() { err("class C(A)\n    pass", "expected ':'", 1, 11); }
#[test]
fn c053() { err("try\n    pass", "expected ':'", 1, 4); }
#[test]
fn c054() { err("if x:\n    pass\nelse\n    pass", "expected ':'", 3, 5); }
#[test]
fn c055() { err("if x:\n    pass\nelif y\n    pass", "expected ':'", 3, 7); }
#[test]
fn c056() { err("with x\n    pass", "expected ':'", 1, 7); }
#[test]
fn c057() { err("if x  # c\n    pass", "expected ':'", 1, 7); }
#[test]
fn c058() { err("try:\n    pass\nexcept E\n    pass", "expected ':'", 3, 9); }
#[test]
fn c059() { err("try:\n    pass\nfinally\n    pass", "expected ':'", 3, 8); }
#[test]
fn c060() { err_kind("if x:\npass", SyntaxErrorKind::Indentation, "expected an indented block after 'if' statement on line 1", 2, 1); }
#[test]
fn c061() { err_kind("def f():\npass", SyntaxErrorKind::Indentation, "expected an indented block after function definition on line 1", 2, 1); }
#[test]
fn c062() { err_kind("for x in y:\npass", SyntaxErrorKind::Indentation, "expected an indented block after 'for' statement on line 1", 2, 1); }
#[test]
fn c063() { err_kind("while x:\npass", SyntaxErrorKind::Indentation, "expected an indented block after 'while' statement on line 1", 2, 1); }
#[test]
fn c064() { err_kind("try:\npass", SyntaxErrorKind::Indentation, "expected an indented block after 'try' statement on line 1", 2, 1); }
#[test]
fn c065() { err_kind("try:\n    pass\nexcept:\npass", SyntaxErrorKind::Indentation, "expected an indented block after 'except' statement on line 3", 4, 1); }
#[test]
fn c066() { err_kind("try:\n    pass\nexcept ValueError as e:\npass", SyntaxErrorKind::Indentation, "expected an indented block after 'except' statement on line 3", 4, 1); }
#[test]
fn c067() { err_kind("if x:\n    pass\nelse:\npass", SyntaxErrorKind::Indentation, "expected an indented block after 'else' statement on line 3", 4, 1); }
#[test]
fn c068() { err_kind("for x in y:\n    pass\nelse:\npass", SyntaxErrorKind::Indentation, "expected an indented block after 'else' statement on line 3", 4, 1); }
#[test]
fn c069() { err_kind("with x:\npass", SyntaxErrorKind::Indentation, "expected an indented block after 'with' statement on line 1", 2, 1); }
#[test]
fn c070() { err_kind("class C:\npass", SyntaxErrorKind::Indentation, "expected an indented block after class definition on line 1", 2, 1); }
#[test]
fn c071() { err_kind("if x:\n    pass\nelif y:\npass", SyntaxErrorKind::Indentation, "expected an indented block after 'elif' statement on line 3", 4, 1); }
#[test]
fn c072() { err_kind("try:\n    pass\nfinally:\npass", SyntaxErrorKind::Indentation, "expected an indented block after 'finally' statement on line 3", 4, 1); }
#[test]
fn c073() { err_kind("@d\ndef f():\npass", SyntaxErrorKind::Indentation, "expected an indented block after function definition on line 2", 3, 1); }
#[test]
fn c074() { err_kind("if x:\n\n# comment\n\ny = 1", SyntaxErrorKind::Indentation, "expected an indented block after 'if' statement on line 1", 5, 1); }
#[test]
fn c075() { err_kind("def f():\n    if x:\ny = 1", SyntaxErrorKind::Indentation, "expected an indented block after 'if' statement on line 2", 3, 0); }
#[test]
fn c076() { err_kind("def f():\n    if x:", SyntaxErrorKind::Indentation, "expected an indented block after 'if' statement on line 2", 2, 10); }
#[test]
fn c077() { err_kind("if x:", SyntaxErrorKind::Indentation, "expected an indented block after 'if' statement on line 1", 1, 6); }
#[test]
fn c078() { err_kind("if x:\n", SyntaxErrorKind::Indentation, "expected an indented block after 'if' statement on line 1", 1, 6); }
#[test]
fn c079() { err("1 = x", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1); }
#[test]
fn c080() { err("f() = 1", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1); }
#[test]
fn c081() { err("a + b = 1", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1); }
#[test]
fn c082() { err("... = 1", "cannot assign to ellipsis here. Maybe you meant '==' instead of '='?", 1, 1); }
#[test]
fn c083() { err("f(x) = 1 if y else 2", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1); }
#[test]
fn c084() { err("(1) = 1", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 2); }
#[test]
fn c085() { err("1 = x == y", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1); }
#[test]
fn c086() { err("1 = x = y", "cannot assign to literal", 1, 1); }
#[test]
fn c087() { err("1 = not x", "cannot assign to literal", 1, 1); }
#[test]
fn c088() { err("x = 1 = y", "cannot assign to literal", 1, 5); }
#[test]
fn c089() { err("True = 1", "cannot assign to True", 1, 1); }
#[test]
fn c090() { err("None = 1", "cannot assign to None", 1, 1); }
#[test]
fn c091() { err("(a, 1) = x", "cannot assign to literal", 1, 5); }
#[test]
fn c092() { err("[a, f()] = x", "cannot assign to function call", 1, 5); }
#[test]
fn c093() { err("a < b = 1", "cannot assign to comparison", 1, 1); }
#[test]
fn c094() { err("a and b = 1", "cannot assign to expression", 1, 1); }
#[test]
fn c095() { err("not a = 1", "cannot assign to expression", 1, 1); }
#[test]
fn c096() { err("lambda: 1 = 1", "cannot assign to lambda", 1, 1); }
#[test]
fn c097() { err("a if b else c = 1", "cannot assign to conditional expression", 1, 1); }
#[test]
fn c098() { err("[x for x in y] = 1", "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?", 1, 1); }
#[test]
fn c099() { err("{a: b} = 1", "cannot assign to dict literal here. Maybe you meant '==' instead of '='?", 1, 1); }
#[test]
fn c100() { err("{a} = 1", "cannot assign to set display here. Maybe you meant '==' instead of '='?", 1, 1); }
#[test]
fn c101() { err("f'{x}' = 1", "cannot assign to f-string expression here. Maybe you meant '==' instead of '='?", 1, 1); }
#[test]
fn c102() { err("x = 1 = 2 = 3", "cannot assign to literal", 1, 5); }
#[test]
fn c103() { err("a, b + 1 = 2", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 4); }
#[test]
fn c104() { err("-a = 1", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1); }
#[test]
fn c105() { err("1, b = 2", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4); }
#[test]
fn c106() { err("1, b.c = 2", "cannot assign to attribute here. Maybe you meant '==' instead of '='?", 1, 4); }
#[test]
fn c107() { err("a, 1 = 2", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 4); }
#[test]
fn c108() { err("a, f() = 2 = 3", "cannot assign to function call", 1, 4); }
#[test]
fn c109() { err("for 1 in x: pass", "cannot assign to literal", 1, 5); }
#[test]
fn c110() { err("for f() in x: pass", "cannot assign to function call", 1, 5); }
#[test]
fn c111() { err("for a + b in x: pass", "cannot assign to expression", 1, 5); }
#[test]
fn c112() { err("for (a, 1) in x: pass", "cannot assign to literal", 1, 9); }
#[test]
fn c113() { err("[x for 1 in y]", "cannot assign to literal", 1, 8); }
#[test]
fn c114() { err("[x for a.b() in y]", "cannot assign to function call", 1, 8); }
#[test]
fn c115() { err("with a as 1: pass", "cannot assign to literal", 1, 11); }
#[test]
fn c116() { err("with (a as 1): pass", "cannot assign to literal", 1, 12); }
#[test]
fn c117() { err("with a as f(): pass", "cannot assign to function call", 1, 11); }
#[test]
fn c118() { err("a, b += 1", "'tuple' is an illegal expression for augmented assignment", 1, 1); }
#[test]
fn c119() { err("f() += 1", "'function call' is an illegal expression for augmented assignment", 1, 1); }
#[test]
fn c120() { err("1 += 1", "'literal' is an illegal expression for augmented assignment", 1, 1); }
#[test]
fn c121() { err("a + b += 1", "'expression' is an illegal expression for augmented assignment", 1, 1); }
#[test]
fn c122() { err("[a] += 1", "'list' is an illegal expression for augmented assignment", 1, 1); }
#[test]
fn c123() { err("(a, b) += 1", "'tuple' is an illegal expression for augmented assignment", 1, 1); }
#[test]
fn c124() { err("del 1", "cannot delete literal", 1, 5); }
#[test]
fn c125() { err("del f()", "cannot delete function call", 1, 5); }
#[test]
fn c126() { err("del a + b", "cannot delete expression", 1, 5); }
#[test]
fn c127() { err("del (a, 1)", "cannot delete literal", 1, 9); }
#[test]
fn c128() { err("del *a", "cannot delete starred", 1, 5); }
#[test]
fn c129() { err("del [a, (b, 'c')]", "cannot delete literal", 1, 13); }
#[test]
fn c130() { err("a, b: int", "only single target (not tuple) can be annotated", 1, 1); }
#[test]
fn c131() { err("[a]: int", "only single target (not list) can be annotated", 1, 1); }
#[test]
fn c132() { err("(a, b): int", "only single target (not tuple) can be annotated", 1, 1); }
#[test]
fn c133() { err("f(): int", "illegal target for annotation", 1, 1); }
#[test]
fn c134() { err("1: int", "illegal target for annotation", 1, 1); }
#[test]
fn c135() { err("[1 2]", "invalid syntax. Perhaps you forgot a comma?", 1, 2); }
#[test]
fn c136() { err("f(a b)", "invalid syntax. Perhaps you forgot a comma?", 1, 3); }
#[test]
fn c137() { err("x = [1, 2 3]", "invalid syntax. Perhaps you forgot a comma?", 1, 9); }
#[test]
fn c138() { err("x = (1, 2 3)", "invalid syntax. Perhaps you forgot a comma?", 1, 9); }
#[test]
fn c139() { err("x = {1: 2 3: 4}", "invalid syntax. Perhaps you forgot a comma?", 1, 9); }
#[test]
fn c140() { err("x = {1 2}", "invalid syntax. Perhaps you forgot a comma?", 1, 6); }
#[test]
fn c141() { err("x = f(a, b c)", "invalid syntax. Perhaps you forgot a comma?", 1, 10); }
#[test]
fn c142() { err("x = a[1 2]", "invalid syntax. Perhaps you forgot a comma?", 1, 7); }
#[test]
fn c143() { err("x = [a b for a in c]", "invalid syntax. Perhaps you forgot a comma?", 1, 6); }
#[test]
fn c144() { err("x = [a, b c, d]", "invalid syntax. Perhaps you forgot a comma?", 1, 9); }
#[test]
fn c145() { err("x = (a 'b')", "invalid syntax", 1, 8); }
#[test]
fn c146() { err("x = (f(x) [1] 2)", "invalid syntax. Perhaps you forgot a comma?", 1, 6); }
#[test]
fn c147() { err("x = [lambda: x y]", "invalid syntax. Perhaps you forgot a comma?", 1, 14); }
#[test]
fn c148() { err("x = [a if b else c d]", "invalid syntax", 1, 20); }
#[test]
fn c149() { err("x = [_ 1]", "invalid syntax", 1, 8); }
#[test]
fn c150() { err("x = [a not in b c]", "invalid syntax. Perhaps you forgot a comma?", 1, 6); }
#[test]
fn c151() { err("f(a=1 b)", "invalid syntax. Perhaps you forgot a comma?", 1, 5); }
#[test]
fn c152() { err("f(**a b)", "invalid syntax. Perhaps you forgot a comma?", 1, 5); }
#[test]
fn c153() { err("x = {**a b}", "invalid syntax", 1, 10); }
#[test]
fn c154() { err("x = {1: 2, 3 4}", "':' expected after dictionary key", 1, 12); }
#[test]
fn c155() { err("x = [a, *b c]", "invalid syntax", 1, 12); }
#[test]
fn c156() { err("f(a, *b c)", "invalid syntax. Perhaps you forgot a comma?", 1, 7); }
#[test]
fn c157() { err("a[1:2 3]", "invalid syntax. Perhaps you forgot a comma?", 1, 5); }
#[test]
fn c158() { err("a[1 2:3]", "invalid syntax. Perhaps you forgot a comma?", 1, 3); }
#[test]
fn c159() { err("def f(a=1, b): pass", "non-default argument follows default argument", 1, 12); }
#[test]
fn c160() { err("def f(a, b=1, /, c): pass", "non-default argument follows default argument", 1, 18); }
#[test]
fn c161() { err("lambda x=1, y: 0", "non-default argument follows default argument", 1, 13); }
#[test]
fn c162() { err("def f(*): pass", "named arguments must follow bare *", 1, 7); }
#[test]
fn c163() { err("def f(*, **k): pass", "named arguments must follow bare *", 1, 7); }
#[test]
fn c164() { err("def f(*,): pass", "named arguments must follow bare *", 1, 7); }
#[test]
fn c165() { err("lambda *: 0", "named arguments must follow bare *", 1, 9); }
#[test]
fn c166() { err("lambda *, **k: 0", "named arguments must follow bare *", 1, 11); }
#[test]
fn c167() { err("def f(**k, a): pass", "arguments cannot follow var-keyword argument", 1, 12); }
#[test]
fn c168() { err("lambda **k, a: 0", "arguments cannot follow var-keyword argument", 1, 13); }
#[test]
fn c169() { err("def f(*a, *b): pass", "* argument may appear only once", 1, 11); }
#[test]
fn c170() { err("lambda *a, *b: 0", "* argument may appear only once", 1, 12); }
#[test]
fn c171() { err("def f(*a=1): pass", "var-positional argument cannot have default value", 1, 9); }
#[test]
fn c172() { err("def f(**a=1): pass", "var-keyword argument cannot have default value", 1, 10); }
#[test]
fn c173() { err("def f(a, /, b, /): pass", "/ may appear only once", 1, 16); }
#[test]
fn c174() { err("def f(*, a, /): pass", "/ must be ahead of *", 1, 13); }
#[test]
fn c175() { err("try:\n    pass\nx = 1", "expected 'except' or 'finally' block", 3, 1); }
#[test]
fn c176() { err("try:\n    pass\nelse:\n    pass", "expected 'except' or 'finally' block", 3, 1); }
#[test]
fn c177() { err("try:\n    pass\n", "expected 'except' or 'finally' block", 2, 9); }
#[test]
fn c178() { err("try:\n    pass\nexcept A, B:\n    pass", "multiple exception types must be parenthesized", 3, 8); }
#[test]
fn c179() { err("try:\n    pass\nexcept A, B as e:\n    pass", "multiple exception types must be parenthesized", 3, 8); }
#[test]
fn c180() { err("def f():\n    try:\n        pass\nx = 1", "expected 'except' or 'finally' block", 4, 0); }
#[test]
fn c181() { err("def f():\n    try:\n        pass", "expected 'except' or 'finally' block", 3, 13); }
#[test]
fn c182() { err("f(a=1, b)", "positional argument follows keyword argument", 1, 9); }
#[test]
fn c183() { err("f(**k, b)", "positional argument follows keyword argument unpacking", 1, 9); }
#[test]
fn c184() { err("f(**a, *b)", "iterable argument unpacking follows keyword argument unpacking", 1, 8); }
#[test]
fn c185() { err("f(**a, b=1, *c)", "iterable argument unpacking follows keyword argument unpacking", 1, 13); }
#[test]
fn c186() { err("f(a.b=1)", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3); }
#[test]
fn c187() { err("f(1=1)", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3); }
#[test]
fn c188() { err("f(True=1)", "cannot assign to True", 1, 3); }
#[test]
fn c189() { err("f(x for x in y, 1)", "Generator expression must be parenthesized", 1, 3); }
#[test]
fn c190() { err("f(1, x for x in y)", "Generator expression must be parenthesized", 1, 6); }
#[test]
fn c191() { err("f(x for x in y,)", "Generator expression must be parenthesized", 1, 3); }
#[test]
fn c192() { err("(*a)", "cannot use starred expression here", 1, 2); }
#[test]
fn c193() { err("x = (*a)", "cannot use starred expression here", 1, 6); }
#[test]
fn c194() { err("print(*a for a in b)", "iterable unpacking cannot be used in comprehension", 1, 7); }
#[test]
fn c195() { err("x = [*a for a in b]", "iterable unpacking cannot be used in comprehension", 1, 6); }
#[test]
fn c196() { err("x = {*a for a in b}", "iterable unpacking cannot be used in comprehension", 1, 6); }
#[test]
fn c197() { err("x = {**a for a in b}", "dict unpacking cannot be used in dict comprehension", 1, 6); }
#[test]
fn c198() { err("x = {1:2, 3}", "':' expected after dictionary key", 1, 11); }
#[test]
fn c199() { err("x = {1:}", "expression expected after dictionary key and ':'", 1, 7); }
#[test]
fn c200() { err("x = {1: *a}", "cannot use a starred expression in a dictionary value", 1, 9); }
#[test]
fn c201() { err("x = {1:2, 3 4: 5}", "':' expected after dictionary key", 1, 11); }
#[test]
fn c202() { err("x = 1 if 2", "expected 'else' after 'if' expression", 1, 5); }
#[test]
fn c203() { err("x = (1 if 2)", "expected 'else' after 'if' expression", 1, 6); }
#[test]
fn c204() { err("x = 1 if 2 else 3 if 4", "expected 'else' after 'if' expression", 1, 17); }
#[test]
fn c205() { err("if x = 1:\n    pass", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4); }
#[test]
fn c206() { err("while x = 1: pass", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 7); }
#[test]
fn c207() { err("if f() = 1: pass", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 4); }
#[test]
fn c208() { err("if x.y = 1: pass", "cannot assign to attribute here. Maybe you meant '==' instead of '='?", 1, 4); }
#[test]
fn c209() { err("[x = 1]", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 2); }
#[test]
fn c210() { err("if x = y = 1: pass", "invalid syntax", 1, 6); }
#[test]
fn c211() { err("if (a, b) = 1: pass", "invalid syntax", 1, 11); }
#[test]
fn c212() { err("print \"hello\"", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1); }
#[test]
fn c213() { err("print \"a\", x", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1); }
#[test]
fn c214() { err("exec \"code\"", "Missing parentheses in call to 'exec'. Did you mean exec(...)?", 1, 1); }
#[test]
fn c215() { err("print x", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1); }
#[test]
fn c216() { err("from m import a,", "trailing comma not allowed without surrounding parentheses", 1, 17); }
#[test]
fn c217() { err("x = \"a\" b\"b\"", "cannot mix bytes and nonbytes literals", 1, 13); }
#[test]
fn c218() { err("x = (\"a\" b\"b\")", "cannot mix bytes and nonbytes literals", 1, 14); }
#[test]
fn c219() { err("x = b\"a\" \"b\" \"c\"", "cannot mix bytes and nonbytes literals", 1, 17); }
#[test]
fn c220() { err("x = \"a\" f\"{x}\" b\"c\"", "cannot mix bytes and nonbytes literals", 1, 20); }
#[test]
fn c221() { err("if x:\n    pass\nx = \"a\" b\"b\"", "cannot mix bytes and nonbytes literals", 3, 13); }
