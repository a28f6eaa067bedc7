//! Every compile-time `SyntaxError` the compiler raises, with CPython 3.11's message and
//! position (line, column, end line, end column; 1-based columns as `SyntaxError.offset`).

use gillab_compiler::compile_source;
use gillab_syntax::LineIndex;

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
fn global_declarations() {
    let msg = "name 'x' is assigned to before global declaration";
    check("def f():\n    x = 1\n    global x\n", msg, (3, 5), Some((3, 13)));
    check("x = 1\nglobal x\n", msg, (2, 1), Some((2, 9)));
    check("def f():\n    del x\n    global x\n", msg, (3, 5), Some((3, 13)));
    check("class C:\n    x = 1\n    global x\n", msg, (3, 5), Some((3, 13)));
    let msg = "name 'x' is used prior to global declaration";
    check("def f():\n    print(x)\n    global x\n", msg, (3, 5), Some((3, 13)));
    let msg = "name 'x' is parameter and global";
    check("def f(x):\n    global x\n", msg, (2, 5), Some((2, 13)));
}

#[test]
fn nonlocal_declarations() {
    check(
        "nonlocal x\n",
        "nonlocal declaration not allowed at module level",
        (1, 1),
        Some((1, 11)),
    );
    let msg = "no binding for nonlocal 'x' found";
    check("def f():\n    nonlocal x\n", msg, (2, 5), Some((2, 15)));
    check("x = 1\ndef f():\n    def g():\n        nonlocal x\n", msg, (4, 9), Some((4, 19)));
    check("class C:\n    nonlocal x\n", msg, (2, 5), Some((2, 15)));
    check(
        "def g():\n    x=1\n    def f(x):\n        nonlocal x\n",
        "name 'x' is parameter and nonlocal",
        (4, 9),
        Some((4, 19)),
    );
    check(
        "def g():\n    x=1\n    def f():\n        global x\n        nonlocal x\n",
        "name 'x' is nonlocal and global",
        (4, 9),
        Some((4, 17)),
    );
    check(
        "def g():\n    x=1\n    def f():\n        x = 2\n        nonlocal x\n",
        "name 'x' is assigned to before nonlocal declaration",
        (5, 9),
        Some((5, 19)),
    );
    check(
        "def g():\n    x=1\n    def f():\n        print(x)\n        nonlocal x\n",
        "name 'x' is used prior to nonlocal declaration",
        (5, 9),
        Some((5, 19)),
    );
}

#[test]
fn duplicate_arguments() {
    let msg = "duplicate argument 'a' in function definition";
    check("def f(a, b, a):\n    pass\n", msg, (1, 13), Some((1, 14)));
    check("f = lambda a, *, a: 1\n", msg, (1, 18), Some((1, 19)));
}

#[test]
fn misplaced_control_flow() {
    let msg = "'return' outside function";
    check("x = 1\nif x:\n      return 5\n", msg, (3, 7), Some((3, 15)));
    check("class C:\n    return 1\n", msg, (2, 5), Some((2, 13)));
    let msg = "'break' outside loop";
    check("x = 1\nbreak\n", msg, (2, 1), Some((2, 6)));
    check("for x in y:\n    def f():\n        break\n", msg, (3, 9), Some((3, 14)));
    check("if 1:\n  continue\n", "'continue' not properly in loop", (2, 3), Some((2, 11)));
}

#[test]
fn starred_targets() {
    let msg = "multiple starred expressions in assignment";
    check("a, *b, *c = d\n", msg, (1, 1), Some((1, 10)));
    check("for a, *b, *c in d: pass\n", msg, (1, 5), Some((1, 14)));
    check("*a = b\n", "starred assignment target must be in a list or tuple", (1, 1), Some((1, 3)));
    check("x = *a\n", "can't use starred expression here", (1, 5), Some((1, 7)));
    let many: Vec<String> = (0..256).map(|i| format!("a{i}")).collect();
    let src = format!("{}, *b = c\n", many.join(", "));
    check(&src, "too many expressions in star-unpacking assignment", (1, 1), None);
}

#[test]
fn other_compiler_errors() {
    check(
        "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n",
        "default 'except:' must be last",
        (3, 1),
        None,
    );
    check("f(a=1, b=2, a=3)\n", "keyword argument repeated: a", (1, 13), Some((1, 16)));
    check("__debug__ = 1\n", "cannot assign to __debug__", (1, 1), Some((1, 10)));
    check("del __debug__\n", "cannot delete __debug__", (1, 5), Some((1, 14)));
    check("def f(__debug__): pass\n", "cannot assign to __debug__", (1, 1), Some((1, 23)));
}

#[test]
fn accepted_declarations() {
    for src in [
        "def f():\n    import os\n    global os\n",
        "def f():\n    global x\n    global x\n",
        "print(*a if b else c)\n",
        "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n",
    ] {
        if let Err(e) = compile_source(src, "t.py") {
            panic!("{src:?}: unexpected {e}");
        }
    }
}
