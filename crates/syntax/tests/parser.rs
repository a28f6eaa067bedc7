//! Parser tests: source text in, a compact S-expression of the AST (spans left out) or a
//! CPython-3.11-compatible error out.
//!
//! Expected errors (message, line, column and the rendered caret) were taken from `python3.11`.

#[path = "common/sexp.rs"]
mod sexp;
use gillab_syntax::ast::{ExprKind, FStringPart, StmtKind};
use gillab_syntax::{SyntaxErrorKind, parse_module};
use sexp::*;

// ----- Statements -----

#[test]
fn expression_statement() {
    assert_eq!(sexp("f(x)\n"), "(expr (call f x))");
    assert_eq!(sexp("x"), "(expr x)");
    assert_eq!(sexp("\n\n# c\nx\n\n"), "(expr x)");
}

#[test]
fn assignment_swap() {
    assert_eq!(sexp("a, b = b, a"), "(assign [(tuple a b)] (tuple b a))");
}

#[test]
fn assignment_chained() {
    assert_eq!(sexp("a = b = 0"), "(assign [a b] 0)");
    assert_eq!(sexp("a, b = c, d = 1"), "(assign [(tuple a b) (tuple c d)] 1)");
}

#[test]
fn assignment_unpacking_targets() {
    assert_eq!(sexp("[a, (b, c)] = x"), "(assign [(list a (tuple b c))] x)");
    assert_eq!(sexp("a, *b = x"), "(assign [(tuple a (* b))] x)");
    assert_eq!(sexp("[*a, b] = x"), "(assign [(list (* a) b)] x)");
    assert_eq!(sexp("x, = 1"), "(assign [(tuple x)] 1)");
    assert_eq!(sexp("() = []"), "(assign [(tuple )] (list ))");
    assert_eq!(sexp("(a) = 1"), "(assign [a] 1)");
}

#[test]
fn assignment_attribute_and_subscript_targets() {
    assert_eq!(sexp("a.b.c = d"), "(assign [(. (. a b) c)] d)");
    assert_eq!(sexp("a[1:2, 3] = x"), "(assign [([] a (tuple (slice 1 2 _) 3))] x)");
    assert_eq!(sexp("f(x).y[0] = 1"), "(assign [([] (. (call f x) y) 0)] 1)");
}

#[test]
fn assignment_values() {
    assert_eq!(sexp("x = 1, 2"), "(assign [x] (tuple 1 2))");
    assert_eq!(sexp("x = 1,"), "(assign [x] (tuple 1))");
    assert_eq!(sexp("x = *a, b"), "(assign [x] (tuple (* a) b))");
}

#[test]
fn augmented_assignments() {
    let ops = ["+", "-", "*", "/", "//", "%", "**", "&", "|", "^", "<<", ">>", "@"];
    for op in ops {
        assert_eq!(sexp(&format!("x {op}= 1")), format!("({op}= x 1)"));
    }
    assert_eq!(sexp("a.b += 1"), "(+= (. a b) 1)");
    assert_eq!(sexp("a[i] -= 1, 2"), "(-= ([] a i) (tuple 1 2))");
}

#[test]
fn annotations() {
    assert_eq!(sexp("x: int = 5"), "(annassign simple x int 5)");
    assert_eq!(sexp("x: int"), "(annassign simple x int -)");
    assert_eq!(sexp("a.b: list[int] = []"), "(annassign (. a b) ([] list int) (list ))");
    assert_eq!(sexp("(a): int = 1"), "(annassign a int 1)");
    assert_eq!(sexp("a[0]: 'T'"), "(annassign ([] a 0) \"T\" -)");
}

#[test]
fn pass_break_continue() {
    assert_eq!(sexp("pass"), "pass");
    assert_eq!(sexp("break"), "break");
    assert_eq!(sexp("continue"), "continue");
}

#[test]
fn delete() {
    assert_eq!(sexp("del a, b[0], c.d"), "(del a ([] b 0) (. c d))");
    assert_eq!(sexp("del (a, b), [c]"), "(del (tuple a b) (list c))");
    assert_eq!(sexp("del a,"), "(del a)");
}

#[test]
fn if_elif_else() {
    assert_eq!(sexp("if a:\n    x\n"), "(if a [(expr x)] [])");
    assert_eq!(
        sexp("if a:\n    x\nelif b:\n    y\nelif c:\n    z\nelse:\n    w\n"),
        "(if a [(expr x)] [(if b [(expr y)] [(if c [(expr z)] [(expr w)])])])"
    );
    assert_eq!(
        sexp("if a:\n    if b:\n        x\n    y\nz"),
        "(if a [(if b [(expr x)] []) (expr y)] []) (expr z)"
    );
}

#[test]
fn while_else() {
    assert_eq!(sexp("while a:\n    break\nelse:\n    x\n"), "(while a [break] [(expr x)])");
}

#[test]
fn for_else() {
    assert_eq!(sexp("for x in y:\n    continue\n"), "(for x y [continue] [])");
    assert_eq!(
        sexp("for a, b in c:\n    pass\nelse:\n    x"),
        "(for (tuple a b) c [pass] [(expr x)])"
    );
    assert_eq!(sexp("for x, in 1, 2: pass"), "(for (tuple x) (tuple 1 2) [pass] [])");
    assert_eq!(sexp("for x in y in z: pass"), "(for x (cmp y in z) [pass] [])");
    assert_eq!(
        sexp("for a.b, c[0], *d in e: pass"),
        "(for (tuple (. a b) ([] c 0) (* d)) e [pass] [])"
    );
}

#[test]
fn def_with_all_parameter_kinds() {
    assert_eq!(
        sexp("def f(a, b=1, *args, c, d=2, **kw):\n    return a\n"),
        "(def f (a (= b 1) *args c (= d 2) **kw) [(return a)])"
    );
    assert_eq!(sexp("def f(): pass"), "(def f () [pass])");
    assert_eq!(sexp("def f(*, a, b=1): pass"), "(def f (* a (= b 1)) [pass])");
    assert_eq!(sexp("def f(a,): pass"), "(def f (a) [pass])");
    assert_eq!(sexp("def f(**kw,): pass"), "(def f (**kw) [pass])");
}

#[test]
fn def_annotations_are_discarded() {
    assert_eq!(
        sexp("def f(x: int = 5, *a: str, y: str, **k: dict) -> bool: pass"),
        "(def f ((= x 5) *a y **k) [pass])"
    );
}

#[test]
fn def_positional_only_marker_is_accepted() {
    assert_eq!(sexp("def f(a, /, b): pass"), "(def f (a b) [pass])");
}

#[test]
fn decorators() {
    assert_eq!(sexp("@d\ndef f(): pass"), "(def f () [pass] @[d])");
    assert_eq!(sexp("@a.b(c)\n@d\nclass C: pass"), "(class C () [pass] @[(call (. a b) c) d])");
}

#[test]
fn return_statement() {
    assert_eq!(sexp("return"), "(return)");
    assert_eq!(sexp("return 1, 2"), "(return (tuple 1 2))");
    assert_eq!(sexp("return *a, b"), "(return (tuple (* a) b))");
}

#[test]
fn class_definitions() {
    assert_eq!(sexp("class C: pass"), "(class C () [pass])");
    assert_eq!(sexp("class C(): pass"), "(class C () [pass])");
    assert_eq!(
        sexp("class C(A, b.B):\n    x = 1\n    def f(self): pass\n"),
        "(class C (A (. b B)) [(assign [x] 1) (def f (self) [pass])])"
    );
}

#[test]
fn global_and_nonlocal() {
    assert_eq!(sexp("global a, b"), "(global a b)");
    assert_eq!(sexp("nonlocal x"), "(nonlocal x)");
}

#[test]
fn imports() {
    assert_eq!(sexp("import a.b"), "(import a.b)");
    assert_eq!(sexp("import a as b, c.d as e, f"), "(import (as a b) (as c.d e) f)");
    assert_eq!(sexp("from m import a, b as c"), "(from m a (as b c))");
    assert_eq!(sexp("from m.n import (a,\n    b,)"), "(from m.n a b)");
}

#[test]
fn with_statements() {
    assert_eq!(sexp("with a: pass"), "(with [a] [pass])");
    assert_eq!(sexp("with a as b, c: pass"), "(with [(as a b) c] [pass])");
    assert_eq!(sexp("with (a as b, c as d,): pass"), "(with [(as a b) (as c d)] [pass])");
    assert_eq!(sexp("with (a, b): pass"), "(with [a b] [pass])");
    assert_eq!(sexp("with (a, b) as c: pass"), "(with [(as (tuple a b) c)] [pass])");
    assert_eq!(sexp("with (a): pass"), "(with [a] [pass])");
    assert_eq!(sexp("with a as (b, c): pass"), "(with [(as a (tuple b c))] [pass])");
    assert_eq!(
        sexp("with open(x) as f, g() as h.i:\n    pass"),
        "(with [(as (call open x) f) (as (call g) (. h i))] [pass])"
    );
}

#[test]
fn try_statements() {
    assert_eq!(
        sexp(
            "try:\n    a\nexcept T as e:\n    b\nexcept (A, B):\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f\n"
        ),
        "(try [(expr a)] (except T as e [(expr b)]) (except (tuple A B) [(expr c)]) (except [(expr d)]) [(expr e)] [(expr f)])"
    );
    assert_eq!(sexp("try:\n    a\nfinally:\n    b"), "(try [(expr a)] [] [(expr b)])");
}

#[test]
fn raise_statements() {
    assert_eq!(sexp("raise"), "(raise)");
    assert_eq!(sexp("raise X"), "(raise X)");
    assert_eq!(sexp("raise X(1) from e"), "(raise (call X 1) (from e))");
}

#[test]
fn assert_statement() {
    assert_eq!(sexp("assert x"), "(assert x)");
    assert_eq!(sexp("assert x, 'm'"), "(assert x \"m\")");
}

#[test]
fn semicolons() {
    assert_eq!(sexp("a = 1; b = 2;"), "(assign [a] 1) (assign [b] 2)");
    assert_eq!(sexp("a; b\nc"), "(expr a) (expr b) (expr c)");
}

#[test]
fn one_line_compound_bodies() {
    assert_eq!(sexp("if x: y = 1; z = 2"), "(if x [(assign [y] 1) (assign [z] 2)] [])");
    assert_eq!(sexp("while x: pass\nelse: y"), "(while x [pass] [(expr y)])");
    assert_eq!(sexp("def f(): return 1"), "(def f () [(return 1)])");
}

#[test]
fn statement_spans() {
    let src = "if a:\n    x = 1\n\ny = 2\n";
    let m = parse_module(src).unwrap();
    assert_eq!((m.body[0].span.start, m.body[0].span.end), (0, 15));
    assert_eq!((m.body[1].span.start, m.body[1].span.end), (17, 22));
}

// ----- Expressions -----

#[test]
fn literals() {
    assert_eq!(ex("None"), "None");
    assert_eq!(ex("True"), "True");
    assert_eq!(ex("False"), "False");
    assert_eq!(ex("..."), "...");
    assert_eq!(ex("42"), "42");
    assert_eq!(ex("123456789012345678901234567890"), "123456789012345678901234567890");
    assert_eq!(ex("1.5"), "1.5");
    assert_eq!(ex("'a\\n'"), "\"a\\n\"");
    assert_eq!(ex("b'\\x00a'"), "b\"\\x00a\"");
}

#[test]
fn adjacent_strings_concatenate() {
    assert_eq!(ex("'a' \"b\" '''c'''"), "\"abc\"");
    assert_eq!(ex("b'a' b'b'"), "b\"ab\"");
    assert_eq!(ex("('a'\n 'b')"), "\"ab\"");
}

#[test]
fn fstrings() {
    assert_eq!(ex("f'a{x}b'"), "(fstr \"a\" (fmt x) \"b\")");
    assert_eq!(ex("f'{x!r:>{width}}'"), "(fstr (fmt x !r (spec \">\" (fmt width))))");
    assert_eq!(ex("f'{a + b:.2f}'"), "(fstr (fmt (+ a b) (spec \".2f\")))");
    assert_eq!(ex("f''"), "(fstr )");
    assert_eq!(ex("f'{x, y}'"), "(fstr (fmt (tuple x y)))");
    assert_eq!(ex("f'{x for x in y}'"), "(fstr (fmt (genexp x (for x y))))");
    assert_eq!(ex("f'''{\n  x\n}'''"), "(fstr (fmt x))");
}

#[test]
fn fstring_debug_fields() {
    assert_eq!(ex("f'{x=}'"), "(fstr \"x=\" (fmt x !r))");
    assert_eq!(ex("f'a{ x = }'"), "(fstr \"a x = \" (fmt x !r))");
    assert_eq!(ex("f'{x=!s}'"), "(fstr \"x=\" (fmt x !s))");
    assert_eq!(ex("f'{x=:>10}'"), "(fstr \"x=\" (fmt x (spec \">10\")))");
}

#[test]
fn str_and_fstring_adjacency_makes_one_fstring() {
    assert_eq!(ex("'a' f'{x}' 'b'"), "(fstr \"a\" (fmt x) \"b\")");
    assert_eq!(ex("f'{x}' f'{y}'"), "(fstr (fmt x) (fmt y))");
    assert_eq!(ex("'a' f'b'"), "(fstr \"ab\")");
}

#[test]
fn fstring_field_spans_point_into_the_file() {
    let src = "s = f'ab{xy}'";
    let m = parse_module(src).unwrap();
    let StmtKind::Assign { value, .. } = &m.body[0].kind else { panic!() };
    let ExprKind::FString(parts) = &value.kind else { panic!() };
    let FStringPart::Field { value, .. } = &parts[1] else { panic!() };
    assert_eq!(&src[value.span.start as usize..value.span.end as usize], "xy");
}

#[test]
fn lists_tuples_sets_dicts() {
    assert_eq!(ex("[1, 2, *x]"), "(list 1 2 (* x))");
    assert_eq!(ex("[]"), "(list )");
    assert_eq!(ex("[1,]"), "(list 1)");
    assert_eq!(ex("()"), "(tuple )");
    assert_eq!(ex("(x)"), "x");
    assert_eq!(ex("(x,)"), "(tuple x)");
    assert_eq!(ex("x,"), "(tuple x)");
    assert_eq!(ex("1, 2"), "(tuple 1 2)");
    assert_eq!(ex("(1, *a, 2)"), "(tuple 1 (* a) 2)");
    assert_eq!(ex("{1, *a}"), "(set 1 (* a))");
    assert_eq!(ex("{}"), "(dict )");
    assert_eq!(ex("{1: 2, **d, 'k': v,}"), "(dict (1 2) (** d) (\"k\" v))");
    assert_eq!(ex("{**a}"), "(dict (** a))");
}

#[test]
fn comprehensions() {
    assert_eq!(ex("[x for x in y]"), "(listcomp x (for x y))");
    assert_eq!(
        ex("[x*y for x in a if x if x > 1 for y in b]"),
        "(listcomp (* x y) (for x a (if x) (if (cmp x > 1))) (for y b))"
    );
    assert_eq!(ex("{x for x, in y}"), "(setcomp x (for (tuple x) y))");
    assert_eq!(
        ex("{k: v for k, v in d.items()}"),
        "(dictcomp k v (for (tuple k v) (call (. d items))))"
    );
    assert_eq!(ex("(x for x in y)"), "(genexp x (for x y))");
    assert_eq!(ex("[x for x in a or b if c]"), "(listcomp x (for x (or a b) (if c)))");
    assert_eq!(ex("[x if c else d for x in y]"), "(listcomp (ifexp c x d) (for x y))");
}

#[test]
fn generator_as_sole_call_argument() {
    assert_eq!(ex("f(x for x in y)"), "(call f (genexp x (for x y)))");
    assert_eq!(ex("f(x for x in y)(1)"), "(call (call f (genexp x (for x y))) 1)");
    let src = "f(x for x in y)";
    let m = parse_module(src).unwrap();
    let StmtKind::Expr(e) = &m.body[0].kind else { panic!() };
    let ExprKind::Call { args, .. } = &e.kind else { panic!() };
    assert_eq!((args[0].span.start, args[0].span.end), (1, 15));
}

#[test]
fn subscripts_and_slices() {
    assert_eq!(ex("a[1]"), "([] a 1)");
    assert_eq!(ex("a[1:2]"), "([] a (slice 1 2 _))");
    assert_eq!(ex("a[::2]"), "([] a (slice _ _ 2))");
    assert_eq!(ex("a[:]"), "([] a (slice _ _ _))");
    assert_eq!(ex("a[1:]"), "([] a (slice 1 _ _))");
    assert_eq!(ex("a[:-1:]"), "([] a (slice _ (- 1) _))");
    assert_eq!(ex("a[1:2, 3]"), "([] a (tuple (slice 1 2 _) 3))");
    assert_eq!(ex("a[1, 2]"), "([] a (tuple 1 2))");
    assert_eq!(ex("a[1,]"), "([] a (tuple 1))");
    assert_eq!(ex("a[b][c]"), "([] ([] a b) c)");
}

#[test]
fn attributes() {
    assert_eq!(ex("a.b.c"), "(. (. a b) c)");
    assert_eq!(ex("f().x"), "(. (call f) x)");
    assert_eq!(ex("'s'.join"), "(. \"s\" join)");
}

#[test]
fn calls() {
    assert_eq!(ex("f()"), "(call f)");
    assert_eq!(ex("f(a, b,)"), "(call f a b)");
    assert_eq!(ex("f(a, k=1, *args, **kw)"), "(call f a (* args) (kw k 1) (** kw))");
    assert_eq!(ex("f(*a, *b, **c, **d)"), "(call f (* a) (* b) (** c) (** d))");
    assert_eq!(ex("f(a=1, *b)"), "(call f (* b) (kw a 1))");
    assert_eq!(ex("f(**a, b=1)"), "(call f (** a) (kw b 1))");
    assert_eq!(ex("f(a)(b)[c].d"), "(. ([] (call (call f a) b) c) d)");
}

#[test]
fn unary_operators() {
    assert_eq!(ex("-x"), "(- x)");
    assert_eq!(ex("+x"), "(+ x)");
    assert_eq!(ex("~x"), "(~ x)");
    assert_eq!(ex("not x"), "(not x)");
    assert_eq!(ex("--x"), "(- (- x))");
    assert_eq!(ex("not not x"), "(not (not x))");
}

#[test]
fn binary_operator_precedence() {
    assert_eq!(ex("a + b * c"), "(+ a (* b c))");
    assert_eq!(ex("a - b - c"), "(- (- a b) c)");
    assert_eq!(ex("a | b ^ c & d << e + f * g"), "(| a (^ b (& c (<< d (+ e (* f g))))))");
    assert_eq!(ex("a @ b / c // d % e"), "(% (// (/ (@ a b) c) d) e)");
    assert_eq!(ex("a >> b << c"), "(<< (>> a b) c)");
    assert_eq!(ex("(a + b) * c"), "(* (+ a b) c)");
    assert_eq!(ex("-a * b"), "(* (- a) b)");
    assert_eq!(ex("~a + b"), "(+ (~ a) b)");
}

#[test]
fn power_binds_tighter_than_unary_on_its_left() {
    assert_eq!(ex("-2 ** 2"), "(- (** 2 2))");
    assert_eq!(ex("2 ** -1"), "(** 2 (- 1))");
    assert_eq!(ex("a ** b ** c"), "(** a (** b c))");
    assert_eq!(ex("a.b ** c[0]"), "(** (. a b) ([] c 0))");
}

#[test]
fn comparisons() {
    assert_eq!(ex("a < b"), "(cmp a < b)");
    assert_eq!(ex("a < b <= c == d != e > f >= g"), "(cmp a < b <= c == d != e > f >= g)");
    assert_eq!(ex("a in b not in c is d is not e"), "(cmp a in b not in c is d is not e)");
    assert_eq!(ex("a | b < c"), "(cmp (| a b) < c)");
    assert_eq!(ex("not a == b"), "(not (cmp a == b))");
}

#[test]
fn boolean_operators() {
    assert_eq!(ex("a and b and c"), "(and a b c)");
    assert_eq!(ex("a or b and c or d"), "(or a (and b c) d)");
    assert_eq!(ex("not a and b"), "(and (not a) b)");
}

#[test]
fn conditional_expressions() {
    assert_eq!(ex("a if b else c"), "(ifexp b a c)");
    assert_eq!(ex("a if b else c if d else e"), "(ifexp b a (ifexp d c e))");
    assert_eq!(ex("a or b if c and d else e"), "(ifexp (and c d) (or a b) e)");
}

#[test]
fn lambdas() {
    assert_eq!(ex("lambda: 1"), "(lambda () 1)");
    assert_eq!(ex("lambda x, y=1, *a, k, **kw: x"), "(lambda (x (= y 1) *a k **kw) x)");
    assert_eq!(ex("lambda *, k=2: k"), "(lambda (* (= k 2)) k)");
    assert_eq!(ex("lambda x: lambda y: x if y else z"), "(lambda (x) (lambda (y) (ifexp y x z)))");
    assert_eq!(ex("lambda: (yield_)"), "(lambda () yield_)");
}

#[test]
fn precedence_ladder() {
    assert_eq!(
        ex("lambda: a if not b or c and d < e | f ^ g & h << i + j * -k ** l else m"),
        "(lambda () (ifexp (or (not b) (and c (cmp d < (| e (^ f (& g (<< h (+ i (* j (- (** k l))))))))))) a m))"
    );
}
#[test]
fn error_invalid_syntax_at_offending_token() {
    err("x = = 1", "invalid syntax", 1, 5);
    err("x = 1 2", "invalid syntax", 1, 7);
    err("x = 1 +", "invalid syntax", 1, 8);
    err("x = 1 +\n", "invalid syntax", 1, 8);
    err("x = a if b else", "invalid syntax", 1, 16);
    err("x =\n", "invalid syntax", 1, 4);
    err("x = 1 +* 2", "invalid syntax", 1, 8);
    err("x = a not b", "invalid syntax", 1, 11);
    err("x = a is not not b", "invalid syntax", 1, 14);
    err("def (): pass", "invalid syntax", 1, 5);
    err("class (): pass", "invalid syntax", 1, 7);
    err("def f(1): pass", "invalid syntax", 1, 7);
    err("def f(a b): pass", "invalid syntax", 1, 9);
    err("def f(a, b: pass): pass", "invalid syntax", 1, 13);
    err("@dec\nx = 1", "invalid syntax", 2, 1);
    err("x = (,)", "invalid syntax", 1, 6);
    err("x = [,]", "invalid syntax", 1, 6);
    err("f(,)", "invalid syntax", 1, 3);
    err("a[]", "invalid syntax", 1, 3);
    err("a.", "invalid syntax", 1, 3);
    err("a..b", "invalid syntax", 1, 3);
    err("x = a.if", "invalid syntax", 1, 7);
    err("else: pass", "invalid syntax", 1, 1);
    err("elif x: pass", "invalid syntax", 1, 1);
    err("except: pass", "invalid syntax", 1, 1);
    err("x = 1; ; y = 2", "invalid syntax", 1, 8);
    err("if x: pass; elif y: pass", "invalid syntax", 1, 13);
    err("if x: if y: pass", "invalid syntax", 1, 7);
    err("global x, ", "invalid syntax", 1, 11);
    err("assert", "invalid syntax", 1, 7);
    err("raise from x", "invalid syntax", 1, 7);
    err("raise X from", "invalid syntax", 1, 13);
    err("import a.b as", "invalid syntax", 1, 14);
    err("from m import", "invalid syntax", 1, 14);
    err("import", "invalid syntax", 1, 7);
    err("x = not", "invalid syntax", 1, 8);
    err("x = {1: 2, *a}", "invalid syntax", 1, 12);
    err("x = {*a: 1}", "invalid syntax", 1, 8);
    err("def f(/): pass", "invalid syntax", 1, 7);
    err("f(a for a in b for)", "invalid syntax", 1, 19);
    err("x = [1 for]", "invalid syntax", 1, 11);
    err("lambda x: (yield_) 1", "invalid syntax", 1, 20);
    err("for x y in z: pass", "invalid syntax", 1, 7);
    err("x = 1 if 2 else 3 :", "invalid syntax", 1, 19);
    err("with a as b c: pass", "invalid syntax", 1, 13);
    err("x = {1: 2 for}", "invalid syntax", 1, 14);
}

#[test]
fn error_expected_colon() {
    err("if x\n    pass", "expected ':'", 1, 5);
    err("while x\n    pass", "expected ':'", 1, 8);
    err("for x in y\n    pass", "expected ':'", 1, 11);
    err("def f()\n    pass", "expected ':'", 1, 8);
    err("def f() -> int\n    pass", "expected ':'", 1, 15);
    err("class C\n    pass", "expected ':'", 1, 8);
    err("class C(A)\n    pass", "expected ':'", 1, 11);
    err("try\n    pass", "expected ':'", 1, 4);
    err("if x:\n    pass\nelse\n    pass", "expected ':'", 3, 5);
    err("if x:\n    pass\nelif y\n    pass", "expected ':'", 3, 7);
    err("with x\n    pass", "expected ':'", 1, 7);
    err("if x  # c\n    pass", "expected ':'", 1, 7);
    err("try:\n    pass\nexcept E\n    pass", "expected ':'", 3, 9);
    err("try:\n    pass\nfinally\n    pass", "expected ':'", 3, 8);
}

#[test]
fn error_expected_indented_block() {
    err_kind(
        "if x:\npass",
        SyntaxErrorKind::Indentation,
        "expected an indented block after 'if' statement on line 1",
        2,
        1,
    );
    err_kind(
        "def f():\npass",
        SyntaxErrorKind::Indentation,
        "expected an indented block after function definition on line 1",
        2,
        1,
    );
    err_kind(
        "for x in y:\npass",
        SyntaxErrorKind::Indentation,
        "expected an indented block after 'for' statement on line 1",
        2,
        1,
    );
    err_kind(
        "while x:\npass",
        SyntaxErrorKind::Indentation,
        "expected an indented block after 'while' statement on line 1",
        2,
        1,
    );
    err_kind(
        "try:\npass",
        SyntaxErrorKind::Indentation,
        "expected an indented block after 'try' statement on line 1",
        2,
        1,
    );
    err_kind(
        "try:\n    pass\nexcept:\npass",
        SyntaxErrorKind::Indentation,
        "expected an indented block after 'except' statement on line 3",
        4,
        1,
    );
    err_kind(
        "try:\n    pass\nexcept ValueError as e:\npass",
        SyntaxErrorKind::Indentation,
        "expected an indented block after 'except' statement on line 3",
        4,
        1,
    );
    err_kind(
        "if x:\n    pass\nelse:\npass",
        SyntaxErrorKind::Indentation,
        "expected an indented block after 'else' statement on line 3",
        4,
        1,
    );
    err_kind(
        "for x in y:\n    pass\nelse:\npass",
        SyntaxErrorKind::Indentation,
        "expected an indented block after 'else' statement on line 3",
        4,
        1,
    );
    err_kind(
        "with x:\npass",
        SyntaxErrorKind::Indentation,
        "expected an indented block after 'with' statement on line 1",
        2,
        1,
    );
    err_kind(
        "class C:\npass",
        SyntaxErrorKind::Indentation,
        "expected an indented block after class definition on line 1",
        2,
        1,
    );
    err_kind(
        "if x:\n    pass\nelif y:\npass",
        SyntaxErrorKind::Indentation,
        "expected an indented block after 'elif' statement on line 3",
        4,
        1,
    );
    err_kind(
        "try:\n    pass\nfinally:\npass",
        SyntaxErrorKind::Indentation,
        "expected an indented block after 'finally' statement on line 3",
        4,
        1,
    );
    err_kind(
        "@d\ndef f():\npass",
        SyntaxErrorKind::Indentation,
        "expected an indented block after function definition on line 2",
        3,
        1,
    );
    err_kind(
        "if x:\n\n# comment\n\ny = 1",
        SyntaxErrorKind::Indentation,
        "expected an indented block after 'if' statement on line 1",
        5,
        1,
    );
    // CPython reports column 0 here and shows no caret.
    err_kind(
        "def f():\n    if x:\ny = 1",
        SyntaxErrorKind::Indentation,
        "expected an indented block after 'if' statement on line 2",
        3,
        1,
    );
    assert_eq!(
        render("def f():\n    if x:\ny = 1"),
        "  File \"t.py\", line 3\n    y = 1\nIndentationError: expected an indented block after 'if' statement on line 2\n"
    );
    err_kind(
        "def f():\n    if x:",
        SyntaxErrorKind::Indentation,
        "expected an indented block after 'if' statement on line 2",
        2,
        10,
    );
    err_kind(
        "if x:",
        SyntaxErrorKind::Indentation,
        "expected an indented block after 'if' statement on line 1",
        1,
        6,
    );
    err_kind(
        "if x:\n",
        SyntaxErrorKind::Indentation,
        "expected an indented block after 'if' statement on line 1",
        1,
        6,
    );
}

#[test]
fn error_cannot_assign() {
    err("1 = x", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1);
    err(
        "f() = 1",
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    err(
        "a + b = 1",
        "cannot assign to expression here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    err("... = 1", "cannot assign to ellipsis here. Maybe you meant '==' instead of '='?", 1, 1);
    err(
        "f(x) = 1 if y else 2",
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    err("(1) = 1", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 2);
    err("1 = x == y", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1);
    err("1 = x = y", "cannot assign to literal", 1, 1);
    err("1 = not x", "cannot assign to literal", 1, 1);
    err("x = 1 = y", "cannot assign to literal", 1, 5);
    err("True = 1", "cannot assign to True", 1, 1);
    err("None = 1", "cannot assign to None", 1, 1);
    err("(a, 1) = x", "cannot assign to literal", 1, 5);
    err("[a, f()] = x", "cannot assign to function call", 1, 5);
    err("a < b = 1", "cannot assign to comparison", 1, 1);
    err("a and b = 1", "cannot assign to expression", 1, 1);
    err("not a = 1", "cannot assign to expression", 1, 1);
    err("lambda: 1 = 1", "cannot assign to lambda", 1, 1);
    err("a if b else c = 1", "cannot assign to conditional expression", 1, 1);
    err(
        "[x for x in y] = 1",
        "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    err(
        "{a: b} = 1",
        "cannot assign to dict literal here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    err("{a} = 1", "cannot assign to set display here. Maybe you meant '==' instead of '='?", 1, 1);
    err(
        "f'{x}' = 1",
        "cannot assign to f-string expression here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    err("x = 1 = 2 = 3", "cannot assign to literal", 1, 5);
    err(
        "a, b + 1 = 2",
        "cannot assign to expression here. Maybe you meant '==' instead of '='?",
        1,
        4,
    );
    err("-a = 1", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1);
    err("1, b = 2", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4);
    err(
        "1, b.c = 2",
        "cannot assign to attribute here. Maybe you meant '==' instead of '='?",
        1,
        4,
    );
    err("a, 1 = 2", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 4);
    err("a, f() = 2 = 3", "cannot assign to function call", 1, 4);
}

#[test]
fn error_cannot_assign_for_target() {
    err("for 1 in x: pass", "cannot assign to literal", 1, 5);
    err("for f() in x: pass", "cannot assign to function call", 1, 5);
    err("for a + b in x: pass", "cannot assign to expression", 1, 5);
    err("for (a, 1) in x: pass", "cannot assign to literal", 1, 9);
}

#[test]
fn error_cannot_assign_comprehension_target() {
    err("[x for 1 in y]", "cannot assign to literal", 1, 8);
    err("[x for a.b() in y]", "cannot assign to function call", 1, 8);
}

#[test]
fn error_cannot_assign_with_target() {
    err("with a as 1: pass", "cannot assign to literal", 1, 11);
    err("with (a as 1): pass", "cannot assign to literal", 1, 12);
    err("with a as f(): pass", "cannot assign to function call", 1, 11);
}

#[test]
fn error_illegal_augmented_assignment_target() {
    err("a, b += 1", "'tuple' is an illegal expression for augmented assignment", 1, 1);
    err("f() += 1", "'function call' is an illegal expression for augmented assignment", 1, 1);
    err("1 += 1", "'literal' is an illegal expression for augmented assignment", 1, 1);
    err("a + b += 1", "'expression' is an illegal expression for augmented assignment", 1, 1);
    err("[a] += 1", "'list' is an illegal expression for augmented assignment", 1, 1);
    err("(a, b) += 1", "'tuple' is an illegal expression for augmented assignment", 1, 1);
}

#[test]
fn error_cannot_delete() {
    err("del 1", "cannot delete literal", 1, 5);
    err("del f()", "cannot delete function call", 1, 5);
    err("del a + b", "cannot delete expression", 1, 5);
    err("del (a, 1)", "cannot delete literal", 1, 9);
    err("del *a", "cannot delete starred", 1, 5);
    err("del [a, (b, 'c')]", "cannot delete literal", 1, 13);
}

#[test]
fn error_annotation_targets() {
    err("a, b: int", "only single target (not tuple) can be annotated", 1, 1);
    err("[a]: int", "only single target (not list) can be annotated", 1, 1);
    err("(a, b): int", "only single target (not tuple) can be annotated", 1, 1);
    err("f(): int", "illegal target for annotation", 1, 1);
    err("1: int", "illegal target for annotation", 1, 1);
}

#[test]
fn error_perhaps_you_forgot_a_comma() {
    err("[1 2]", "invalid syntax. Perhaps you forgot a comma?", 1, 2);
    err("f(a b)", "invalid syntax. Perhaps you forgot a comma?", 1, 3);
    err("x = [1, 2 3]", "invalid syntax. Perhaps you forgot a comma?", 1, 9);
    err("x = (1, 2 3)", "invalid syntax. Perhaps you forgot a comma?", 1, 9);
    err("x = {1: 2 3: 4}", "invalid syntax. Perhaps you forgot a comma?", 1, 9);
    err("x = {1 2}", "invalid syntax. Perhaps you forgot a comma?", 1, 6);
    err("x = f(a, b c)", "invalid syntax. Perhaps you forgot a comma?", 1, 10);
    err("x = a[1 2]", "invalid syntax. Perhaps you forgot a comma?", 1, 7);
    err("x = [a b for a in c]", "invalid syntax. Perhaps you forgot a comma?", 1, 6);
    err("x = [a, b c, d]", "invalid syntax. Perhaps you forgot a comma?", 1, 9);
    err("x = (a 'b')", "invalid syntax", 1, 8);
    err("x = (f(x) [1] 2)", "invalid syntax. Perhaps you forgot a comma?", 1, 6);
    err("x = [lambda: x y]", "invalid syntax. Perhaps you forgot a comma?", 1, 14);
    err("x = [a if b else c d]", "invalid syntax", 1, 20);
    err("x = [_ 1]", "invalid syntax", 1, 8);
    err("x = [a not in b c]", "invalid syntax. Perhaps you forgot a comma?", 1, 6);
    err("f(a=1 b)", "invalid syntax. Perhaps you forgot a comma?", 1, 5);
    err("f(**a b)", "invalid syntax. Perhaps you forgot a comma?", 1, 5);
    err("x = {**a b}", "invalid syntax", 1, 10);
    err("x = {1: 2, 3 4}", "':' expected after dictionary key", 1, 12);
    err("x = [a, *b c]", "invalid syntax", 1, 12);
    err("f(a, *b c)", "invalid syntax. Perhaps you forgot a comma?", 1, 7);
    err("a[1:2 3]", "invalid syntax. Perhaps you forgot a comma?", 1, 5);
    err("a[1 2:3]", "invalid syntax. Perhaps you forgot a comma?", 1, 3);
}

#[test]
fn error_parameter_lists() {
    err("def f(a=1, b): pass", "non-default argument follows default argument", 1, 12);
    err("def f(a, b=1, /, c): pass", "non-default argument follows default argument", 1, 18);
    err("lambda x=1, y: 0", "non-default argument follows default argument", 1, 13);
    err("def f(*): pass", "named arguments must follow bare *", 1, 7);
    err("def f(*, **k): pass", "named arguments must follow bare *", 1, 7);
    err("def f(*,): pass", "named arguments must follow bare *", 1, 7);
    err("lambda *: 0", "named arguments must follow bare *", 1, 9);
    err("lambda *, **k: 0", "named arguments must follow bare *", 1, 11);
    err("def f(**k, a): pass", "arguments cannot follow var-keyword argument", 1, 12);
    err("lambda **k, a: 0", "arguments cannot follow var-keyword argument", 1, 13);
    err("def f(*a, *b): pass", "* argument may appear only once", 1, 11);
    err("lambda *a, *b: 0", "* argument may appear only once", 1, 12);
    err("def f(*a=1): pass", "var-positional argument cannot have default value", 1, 9);
    err("def f(**a=1): pass", "var-keyword argument cannot have default value", 1, 10);
    err("def f(a, /, b, /): pass", "/ may appear only once", 1, 16);
    err("def f(*, a, /): pass", "/ must be ahead of *", 1, 13);
}

#[test]
fn error_try_statements() {
    err("try:\n    pass\nx = 1", "expected 'except' or 'finally' block", 3, 1);
    err("try:\n    pass\nelse:\n    pass", "expected 'except' or 'finally' block", 3, 1);
    err("try:\n    pass\n", "expected 'except' or 'finally' block", 2, 9);
    err(
        "try:\n    pass\nexcept A, B:\n    pass",
        "multiple exception types must be parenthesized",
        3,
        8,
    );
    err(
        "try:\n    pass\nexcept A, B as e:\n    pass",
        "multiple exception types must be parenthesized",
        3,
        8,
    );
    // CPython reports column 0 here and shows no caret.
    err("def f():\n    try:\n        pass\nx = 1", "expected 'except' or 'finally' block", 4, 1);
    assert_eq!(
        render("def f():\n    try:\n        pass\nx = 1"),
        "  File \"t.py\", line 4\n    x = 1\nSyntaxError: expected 'except' or 'finally' block\n"
    );
    err("def f():\n    try:\n        pass", "expected 'except' or 'finally' block", 3, 13);
}

#[test]
fn error_call_arguments() {
    // CPython reports these at the closing parenthesis.
    err("f(a=1, b)", "positional argument follows keyword argument", 1, 9);
    err("f(a=1, b, c)", "positional argument follows keyword argument", 1, 12);
    err("f(a=1, b)(c)", "positional argument follows keyword argument", 1, 9);
    err("f(a=1, *b, c)", "positional argument follows keyword argument", 1, 13);
    err("class C(x=1, b): pass", "positional argument follows keyword argument", 1, 15);
    err("f(a=1, b c)", "invalid syntax. Perhaps you forgot a comma?", 1, 8);
    err("f(a=1, b for b in c)", "Generator expression must be parenthesized", 1, 8);
    err("f(**k, *a, b)", "iterable argument unpacking follows keyword argument unpacking", 1, 8);
    err("f(**k, b)", "positional argument follows keyword argument unpacking", 1, 9);
    err("f(**a, *b)", "iterable argument unpacking follows keyword argument unpacking", 1, 8);
    err("f(**a, b=1, *c)", "iterable argument unpacking follows keyword argument unpacking", 1, 13);
    err("f(a.b=1)", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3);
    err("f(1=1)", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3);
    err("f(True=1)", "cannot assign to True", 1, 3);
    err("f(x for x in y, 1)", "Generator expression must be parenthesized", 1, 3);
    err("f(1, x for x in y)", "Generator expression must be parenthesized", 1, 6);
    err("f(x for x in y,)", "Generator expression must be parenthesized", 1, 3);
}

#[test]
fn error_starred_expressions() {
    err("(*a)", "cannot use starred expression here", 1, 2);
    err("x = (*a)", "cannot use starred expression here", 1, 6);
    err("print(*a for a in b)", "iterable unpacking cannot be used in comprehension", 1, 7);
    err("x = [*a for a in b]", "iterable unpacking cannot be used in comprehension", 1, 6);
    err("x = {*a for a in b}", "iterable unpacking cannot be used in comprehension", 1, 6);
    err("x = {**a for a in b}", "dict unpacking cannot be used in dict comprehension", 1, 6);
}

#[test]
fn error_dict_displays() {
    err("x = {1:2, 3}", "':' expected after dictionary key", 1, 11);
    err("x = {1:}", "expression expected after dictionary key and ':'", 1, 7);
    err("x = {1: *a}", "cannot use a starred expression in a dictionary value", 1, 9);
    err("x = {1:2, 3 4: 5}", "':' expected after dictionary key", 1, 11);
}

#[test]
fn error_expected_else() {
    err("x = 1 if 2", "expected 'else' after 'if' expression", 1, 5);
    err("x = (1 if 2)", "expected 'else' after 'if' expression", 1, 6);
    err("x = 1 if 2 else 3 if 4", "expected 'else' after 'if' expression", 1, 17);
}

#[test]
fn error_maybe_you_meant_eq() {
    err(
        "if x = 1:\n    pass",
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        1,
        4,
    );
    err("while x = 1: pass", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 7);
    err(
        "if f() = 1: pass",
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        1,
        4,
    );
    err(
        "if x.y = 1: pass",
        "cannot assign to attribute here. Maybe you meant '==' instead of '='?",
        1,
        4,
    );
    err("[x = 1]", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 2);
    err("if x = y = 1: pass", "invalid syntax", 1, 6);
    err("if (a, b) = 1: pass", "invalid syntax", 1, 11);
}

#[test]
fn error_missing_parentheses_print() {
    err(
        "print \"hello\"",
        "Missing parentheses in call to 'print'. Did you mean print(...)?",
        1,
        1,
    );
    err("print \"a\", x", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1);
    err("exec \"code\"", "Missing parentheses in call to 'exec'. Did you mean exec(...)?", 1, 1);
    err("print x", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1);
}

#[test]
fn error_imports() {
    err("from m import a,", "trailing comma not allowed without surrounding parentheses", 1, 17);
}

#[test]
fn error_mixed_bytes() {
    err("x = \"a\" b\"b\"", "cannot mix bytes and nonbytes literals", 1, 13);
    err("x = (\"a\" b\"b\")", "cannot mix bytes and nonbytes literals", 1, 14);
    err("x = b\"a\" \"b\" \"c\"", "cannot mix bytes and nonbytes literals", 1, 17);
    err("x = \"a\" f\"{x}\" b\"c\"", "cannot mix bytes and nonbytes literals", 1, 20);
    err("if x:\n    pass\nx = \"a\" b\"b\"", "cannot mix bytes and nonbytes literals", 3, 13);
}

#[test]
fn error_deferred_compiler_errors() {
    err("x = *a", "can't use starred expression here", 1, 5);
    err("*a", "can't use starred expression here", 1, 1);
    err("def f(): return *a", "can't use starred expression here", 1, 17);
    err("for x in *a: pass", "can't use starred expression here", 1, 10);
    err("*a = 1", "starred assignment target must be in a list or tuple", 1, 1);
    err("for *a in b: pass", "starred assignment target must be in a list or tuple", 1, 5);
    err("a, *b, *c = 1", "multiple starred expressions in assignment", 1, 1);
    err("[*a, [*b, *c]] = 1", "multiple starred expressions in assignment", 1, 6);
    err("f(a=1, a=2)", "keyword argument repeated: a", 1, 8);
    err("def f(a, a): pass", "duplicate argument 'a' in function definition", 1, 10);
    err("def f(a, *, a): pass", "duplicate argument 'a' in function definition", 1, 13);
    err("def f(a, **a): pass", "duplicate argument 'a' in function definition", 1, 12);
    err("lambda a, a: 0", "duplicate argument 'a' in function definition", 1, 11);
    err(
        "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass",
        "default 'except:' must be last",
        3,
        1,
    );
}

#[test]
fn error_deferred_errors_lose_to_parse_errors() {
    err("x = *a\ny = (1 2)", "invalid syntax. Perhaps you forgot a comma?", 2, 6);
    err("*a = 1\ny = (1 2)", "invalid syntax. Perhaps you forgot a comma?", 2, 6);
    err("def f(a, a): pass\ny = (1 2)", "invalid syntax. Perhaps you forgot a comma?", 2, 6);
    err("f(a=1, a=2)\ny = (1 2)", "invalid syntax. Perhaps you forgot a comma?", 2, 6);
    err(
        "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\ny = (1 2)",
        "invalid syntax. Perhaps you forgot a comma?",
        7,
        6,
    );
    // Symbol-table errors come before compiler errors, the first of each wins.
    err("x = *a\ndef f(a, a): pass", "duplicate argument 'a' in function definition", 2, 10);
    err("x = *a\ny = *b", "can't use starred expression here", 1, 5);
}

#[test]
fn error_unexpected_indent() {
    // CPython shows no caret (and reports a 0-based column) for these.
    let e = SyntaxErrorKind::Indentation;
    err_kind("  x = 1", e, "unexpected indent", 1, 3);
    err_kind("x = 1\n    y = 2", e, "unexpected indent", 2, 5);
    err_kind("if True:\n    x = 1\n        y = 2", e, "unexpected indent", 3, 9);
    err_kind(
        "def f():\n    pass\n\n      # c\n    x = 1\n        y = 2\n",
        e,
        "unexpected indent",
        6,
        9,
    );
    assert_eq!(
        render("x = 1\n    y = 2\n"),
        "  File \"t.py\", line 2\n    y = 2\nIndentationError: unexpected indent\n"
    );
}

#[test]
fn error_expected_indented_block_rendering() {
    assert_eq!(
        render("if x:\npass\n"),
        "  File \"t.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'if' statement on line 1\n"
    );
    assert_eq!(
        render("if x:\n"),
        "  File \"t.py\", line 1\n    if x:\nIndentationError: expected an indented block after 'if' statement on line 1\n"
    );
    assert_eq!(
        render("try:\n    pass\n"),
        "  File \"t.py\", line 2\n    pass\nSyntaxError: expected 'except' or 'finally' block\n"
    );
}

#[test]
fn error_renderings_match_cpython() {
    let cases = [
        ("x = *a\n", "    x = *a\n        ^^\nSyntaxError: can't use starred expression here\n"),
        (
            "a, *b, *c = 1\n",
            "    a, *b, *c = 1\n    ^^^^^^^^^\nSyntaxError: multiple starred expressions in assignment\n",
        ),
        (
            "def f(a, a): pass\n",
            "    def f(a, a): pass\n             ^\nSyntaxError: duplicate argument 'a' in function definition\n",
        ),
        (
            "f(a=1, a=2)\n",
            "    f(a=1, a=2)\n           ^^^\nSyntaxError: keyword argument repeated: a\n",
        ),
        (
            "f(x for x in y, 1)\n",
            "    f(x for x in y, 1)\n      ^^^^^^^^^^^^\nSyntaxError: Generator expression must be parenthesized\n",
        ),
        (
            "x = [1, 2 3]\n",
            "    x = [1, 2 3]\n            ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n",
        ),
        (
            "1 = x\n",
            "    1 = x\n    ^\nSyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n",
        ),
        ("if x  # c\n    pass\n", "    if x  # c\n          ^^^\nSyntaxError: expected ':'\n"),
        (
            "if x = 1:\n    pass\n",
            "    if x = 1:\n       ^^^^^\nSyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n",
        ),
        (
            "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n",
            "    except:\n    ^^^^^^^\nSyntaxError: default 'except:' must be last\n",
        ),
        (
            "x = \"a\" b\"b\"\n",
            "    x = \"a\" b\"b\"\n                ^\nSyntaxError: cannot mix bytes and nonbytes literals\n",
        ),
    ];
    for (src, tail) in cases {
        let text = render(src);
        assert!(text.ends_with(tail), "for {src:?}:\n{text}");
    }
}

/// Outside gil-lab's subset: `yield`, `async` and `:=` parse now (see `generators.rs`).
#[test]
fn error_unsupported_features() {
    err("match x:\n    case 1: pass", "'match' is not supported by gil-lab", 1, 1);
    err("match (x):\n    case 1: pass", "'match' is not supported by gil-lab", 1, 1);
    err("try:\n    pass\nexcept* E:\n    pass", "'except*' is not supported by gil-lab", 3, 7);
    err("from . import x", "relative import is not supported by gil-lab", 1, 6);
    err("from .m import x", "relative import is not supported by gil-lab", 1, 6);
    err("from m import *", "'from ... import *' is not supported by gil-lab", 1, 15);
}

#[test]
fn class_keywords() {
    assert_eq!(
        sexp("class C(B, metaclass=M, **kw): pass"),
        "(class C (B (kw metaclass M) (** kw)) [pass])"
    );
}

#[test]
fn match_is_still_a_name() {
    assert_eq!(sexp("match = 1"), "(assign [match] 1)");
    assert_eq!(sexp("match(x)"), "(expr (call match x))");
    assert_eq!(sexp("match.x: int = 1"), "(annassign (. match x) int 1)");
    assert_eq!(sexp("case, _ = 1, 2"), "(assign [(tuple case _)] (tuple 1 2))");
    err("match x y", "invalid syntax", 1, 7);
}

#[test]
fn error_fstrings() {
    // CPython 3.11 reports columns relative to the field; ours point into the file.
    err("x = f\"{a b}\"", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 8);
    err("x = f\"{*a}\"", "f-string: cannot use starred expression here", 1, 8);
    err("x = f\"{1 +}\"", "f-string: invalid syntax", 1, 11);
    err("x = f'{x:{a b}}'", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 11);
    // `yield`, `await` and `:=` parse in f-string fields (generators.rs has the trees).
    err("x = f'{yield from}'", "f-string: invalid syntax", 1, 18);
    assert_eq!(msg("x = f'{f(a=1, a=2)}'"), "f-string: keyword argument repeated: a");
}

#[test]
fn error_nesting_limits() {
    let deep =
        |n: usize, open: &str, close: &str| format!("x = {}1{}", open.repeat(n), close.repeat(n));
    assert!(parse_module(&deep(150, "(", ")")).is_ok());
    assert!(parse_module(&deep(150, "-", "")).is_ok());
    assert!(parse_module(&deep(150, "not ", "")).is_ok());
    assert!(parse_module(&deep(150, "[", "]")).is_ok());
    assert!(parse_module(&deep(150, "f(", ")")).is_ok());
    assert!(parse_module(&deep(150, "lambda: ", "")).is_ok());
    assert!(parse_module(&deep(150, "2 ** ", "")).is_ok());
    assert!(parse_module(&deep(150, "1 if 2 else ", "")).is_ok());
    assert_eq!(msg(&deep(300, "-", "")), "too many nested parentheses");
    assert_eq!(msg(&deep(300, "not ", "")), "too many nested parentheses");
    assert_eq!(msg(&deep(300, "lambda: ", "")), "too many nested parentheses");
    assert_eq!(msg(&deep(300, "2 ** ", "")), "too many nested parentheses");
    assert_eq!(msg(&deep(300, "1 if 2 else ", "")), "too many nested parentheses");
    assert_eq!(msg(&deep(300, "(", ")")), "too many nested parentheses");
    // Long left-associative chains are fine up to the tree-depth limit.
    assert!(parse_module(&format!("x = 1{}", " + 1".repeat(900))).is_ok());
    assert!(parse_module(&format!("x = a{}", ".b".repeat(900))).is_ok());
    let long = format!("x = 1{}", " + 1".repeat(5000));
    assert_eq!(msg(&long), "expression or statement nested too deeply");
    let calls = format!("x = f{}", "()".repeat(5000));
    assert_eq!(msg(&calls), "expression or statement nested too deeply");
    let mut elifs = String::from("if a:\n    pass\n");
    for _ in 0..5000 {
        elifs.push_str("elif a:\n    pass\n");
    }
    assert_eq!(msg(&elifs), "expression or statement nested too deeply");
}

#[test]
fn error_cpython_quirks() {
    // Names that are prefixes of the soft keywords `_`, `case`, `match` get no comma hint in
    // CPython 3.11 (it compares only up to the name's length).
    err("x = [c q]", "invalid syntax", 1, 8);
    err("x = [ma q]", "invalid syntax", 1, 9);
    err("x = [cases q]", "invalid syntax. Perhaps you forgot a comma?", 1, 6);
    err("x = [a if b else x y]", "invalid syntax. Perhaps you forgot a comma?", 1, 18);
    // A malformed positional argument after keywords is reported as the misplaced argument.
    err("f(a=1, b ** lambda: 1)", "positional argument follows keyword argument", 1, 13);
    err("f(**a, b, *c)", "positional argument follows keyword argument unpacking", 1, 13);
    // `for` targets that do not parse are re-read as expressions.
    err("for x if y else z in w: pass", "cannot assign to conditional expression", 1, 5);
    err("for lambda: x in y: pass", "cannot assign to lambda", 1, 5);
    err("[x for a + b in c]", "cannot assign to expression", 1, 8);
    // Nodes built around a parenthesized operand start at its parenthesis.
    err("for (a) + b in c: pass", "cannot assign to expression", 1, 5);
    err("x = (a) + b = 1", "cannot assign to expression", 1, 5);
    err(
        "(a).b() = 1",
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
}

#[test]
fn expression_spans_include_parentheses_like_cpython() {
    let span = |src: &str| {
        let m = parse_module(src).unwrap();
        let StmtKind::Expr(e) = &m.body[0].kind else { panic!() };
        src[e.span.start as usize..e.span.end as usize].to_string()
    };
    assert_eq!(span("(a) + (b)"), "(a) + (b)");
    assert_eq!(span("(a)"), "a");
    assert_eq!(span("(f)(x).y[0]"), "(f)(x).y[0]");
    assert_eq!(span("(a) if (b) else (c)"), "(a) if (b) else (c)");
    assert_eq!(span("-(a)"), "-(a)");
    assert_eq!(span("lambda: (a)"), "lambda: (a)");
    assert_eq!(span("(a) < (b) and (c)"), "(a) < (b) and (c)");
    assert_eq!(span("(a), (b),"), "(a), (b),");
    assert_eq!(span("[1, 2]"), "[1, 2]");
    assert_eq!(span("'a' 'b'"), "'a' 'b'");
}

#[test]
fn error_forced_tokens_and_parameters() {
    err("if x:\n    pass\nelse if y:\n    pass\n", "expected ':'", 3, 6);
    err("def f() x: pass", "expected ':'", 1, 9);
    err("def f x: pass", "expected '('", 1, 7);
    err("try x: pass", "expected ':'", 1, 5);
    err("try:\n    pass\nfinally x: pass", "expected ':'", 3, 9);
    err("class C x: pass", "invalid syntax", 1, 9);
    err("while x y: pass", "invalid syntax", 1, 9);
    err("def f(a, (b, c)): pass", "Function parameters cannot be parenthesized", 1, 10);
    err("def f((b, c,)): pass", "Function parameters cannot be parenthesized", 1, 7);
    err("lambda (x): 1", "Lambda expression parameters cannot be parenthesized", 1, 8);
    err("def f((1)): pass", "invalid syntax", 1, 7);
}

#[test]
fn error_assignment_chains() {
    err("a = b == c = d", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 1);
    err(
        "a.b = c == d = e",
        "cannot assign to attribute here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    err("a = b + c = d", "cannot assign to expression", 1, 5);
    err("a = f() = d", "cannot assign to function call", 1, 5);
    err("a, b = c == d = e", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4);
    err("a = b = c == d = e", "cannot assign to comparison", 1, 9);
    err("a = b == c d", "invalid syntax", 1, 12);
}

#[test]
fn error_eq_hint_details() {
    let hint = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
    err("if x = 1 +:\n    pass", hint, 1, 4);
    err("if (x = 1):\n    pass", hint, 1, 5);
    err(
        "if (x) = 1:\n    pass",
        "cannot assign to name here. Maybe you meant '==' instead of '='?",
        1,
        5,
    );
    err("[a] + 1 = 2", "cannot assign to expression", 1, 1);
    err("None + 1 = 2", "cannot assign to expression", 1, 1);
    err("(a, b).c = 1 == 2 = 3", "cannot assign to comparison", 1, 12);
    let here = "cannot assign to conditional expression here. Maybe you meant '==' instead of '='?";
    err("(a if b else c) = 1", here, 1, 2);
    err("([a] if b else c) = 1", here, 1, 2);
    err(
        "[x for x in y] + 1 = 2",
        "cannot assign to expression here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    // The part after `=` need not parse completely.
    let literal_here = "cannot assign to literal here. Maybe you meant '==' instead of '='?";
    err("1 = b[(,)]", literal_here, 1, 1);
    err("1 = (a, b)[(,)]", literal_here, 1, 1);
    err("1 = (,)", "cannot assign to literal", 1, 1);
}

#[test]
fn error_invalid_targets_stop_where_cpython_stops() {
    err("f():", "invalid syntax", 1, 4);
    err("True:", "invalid syntax", 1, 5);
    err("b'x' += ", "invalid syntax", 1, 6);
    err("x += ", "invalid syntax", 1, 6);
    err("del +x", "cannot delete expression", 1, 5);
    err("del a not in b", "cannot delete comparison", 1, 5);
    err("del +[x for x in y if]", "invalid syntax", 1, 5);
    err("del a, b.c + [1, 2 if]", "invalid syntax", 1, 12);
    err("del a b", "invalid syntax", 1, 7);
    err("del a, f(", "'(' was never closed", 1, 9);
}
