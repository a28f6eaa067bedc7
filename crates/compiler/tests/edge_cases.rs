//! Tricky programs: each must compile, satisfy the structural invariants, and (in debug
//! builds) pass the assembler's stack-consistency assertions.

mod common;

use gillab_compiler::dis::disassemble;
use gillab_compiler::{CodeObject, Constant, Opcode, compile_source};

const PROGRAMS: &[&str] = &[
    "",
    "pass\n",
    "while True:\n    pass\n",
    "while 1:\n    x = 1\nelse:\n    y = 2\n",
    "def f():\n    try:\n        return 1\n    finally:\n        return 2\n",
    "def f(xs):\n    for x in xs:\n        try:\n            continue\n        finally:\n            break\n",
    "def f(m):\n    for x in m:\n        with m as a, m as b:\n            try:\n                return a\n            except E as e:\n                continue\n            finally:\n                print(b)\n",
    "def f():\n    try:\n        pass\n    except A as e:\n        try:\n            pass\n        except B as e:\n            return e\n",
    "for a in b:\n    for c in d:\n        break\n    else:\n        continue\n    break\n",
    "class C:\n    x = 1\n    y = [x for _ in range(3)]\n    def m(self):\n        return [super() for _ in ()]\n",
    "def f():\n    x = 1\n    class C:\n        x = 2\n        def g(self):\n            return x\n    return C\n",
    "def f(a, *args, b=1, **kw):\n    def g():\n        nonlocal a\n        a += len(args) + b + len(kw)\n        return a\n    return g\n",
    "x = [[y * z for y in range(z)] for z in range(5) if z if z > 1]\n",
    "print(*[1], *[2], sep='', **{'end': ''}, flush=False)\n",
    "a = b = c = d = 1\na, (b, *c), d = 1, (2, 3, 4), 5\n",
    "def f():\n    try:\n        raise ValueError\n    except ValueError as e:\n        del e\n",
    "with a:\n    with b:\n        pass\n",
    "try:\n    pass\nexcept:\n    raise\nelse:\n    pass\nfinally:\n    pass\n",
    "x = 1 if a else 2 if b else 3\nif (a and b) or (c and not d):\n    pass\n",
    "def f():\n    while x:\n        try:\n            if y:\n                break\n        except:\n            continue\n        finally:\n            z()\n    return 1\n",
    "lambda: (yield_ for yield_ in ())\n",
    "def f(x):\n    return [lambda: x for _ in ()]\n",
    "assert not (a is b), ('msg', 1)\n",
    "x = -(2 ** 63)\ny = 2 ** 64\nz = 10 // 0\n",
    "class A:\n    class B:\n        def __m(self):\n            return self.__m\n",
];

fn contains_op(code: &CodeObject, op: Opcode) -> bool {
    code.instructions.iter().any(|i| i.op == op)
        || code
            .constants
            .iter()
            .any(|c| matches!(c, Constant::Code(inner) if contains_op(inner, op)))
}

#[test]
fn tricky_programs_compile() {
    for src in PROGRAMS {
        let code = compile_source(src, "t.py").unwrap_or_else(|e| panic!("{src:?}: {e}"));
        common::check_invariants(&code);
        let text = disassemble(&code);
        assert!(!text.is_empty());
    }
}

#[test]
fn while_true_has_no_test() {
    let code = compile_source("while True:\n    pass\n", "t.py").unwrap();
    assert_eq!(code.instructions.len(), 1);
    assert_eq!(code.instructions[0].op, Opcode::JumpBackward);
    assert!(!contains_op(&code, Opcode::PopJumpIfFalse));
}

#[test]
fn qualnames_follow_cpython() {
    let src = "def f():\n    class C:\n        def m(self):\n            return lambda: [x for x in ()]\n    return C\n";
    let code = compile_source(src, "t.py").unwrap();
    let mut names = Vec::new();
    fn walk(c: &CodeObject, out: &mut Vec<String>) {
        out.push(c.qualname.clone());
        for k in &c.constants {
            if let Constant::Code(inner) = k {
                walk(inner, out);
            }
        }
    }
    walk(&code, &mut names);
    assert_eq!(
        names,
        vec![
            "<module>",
            "f",
            "f.<locals>.C",
            "f.<locals>.C.m",
            "f.<locals>.C.m.<locals>.<lambda>",
            "f.<locals>.C.m.<locals>.<lambda>.<locals>.<listcomp>",
        ]
    );
}

#[test]
fn private_names_are_mangled_in_nested_classes() {
    let src = "class A:\n    class B:\n        def __m(self):\n            return self.__m\n";
    let text = disassemble(&compile_source(src, "t.py").unwrap());
    assert!(text.contains("(_B__m)"), "{text}");
    assert!(!text.contains("(_A__m)"), "{text}");
}

#[test]
fn constants_are_shown_with_python_reprs() {
    // What `python3 -c "import dis; dis.dis('x = ...')"` shows for these constants: the exact
    // printability of CPython 3.11 (U+0378 is unassigned, U+00AD a format character).
    let code = compile_source("x = 'a\\u0378\\xad\\u3000\\U000e0001b'\ny = b'q\\x00\\xff'\n", "t")
        .expect("compiles");
    let text = disassemble(&code);
    assert!(text.contains(r"('a\u0378\xad\u3000\U000e0001b')"), "{text}");
    assert!(text.contains(r"(b'q\x00\xff')"), "{text}");
}
