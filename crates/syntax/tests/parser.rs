//! Parser tests: source text in, a compact S-expression of the AST (spans left out) or a
//! CPython-3.11-compatible error out.
//!
//! Expected errors (message, line, column and the rendered caret) were taken from `python3.11`.

use gillab_syntax::ast::{
    Comprehension, Expr, ExprKind, FStringPart, IntLit, Parameters, Stmt, StmtKind,
};
use gillab_syntax::{SyntaxErrorKind, parse_module};

// ----- The S-expression dumper -----

/// The whole module as S-expressions, one per statement, separated by spaces.
fn sexp(src: &str) -> String {
    match parse_module(src) {
        Ok(m) => stmts(&m.body),
        Err(e) => panic!("parse failed for {src:?}: {}", e.render("t.py", src)),
    }
}

/// The S-expression of the single expression statement in `src`.
fn ex(src: &str) -> String {
    let m = parse_module(src).unwrap_or_else(|e| panic!("{}", e.render("t.py", src)));
    match m.body.as_slice() {
        [Stmt { kind: StmtKind::Expr(e), .. }] => expr(e),
        other => panic!("not one expression statement: {}", stmts(other)),
    }
}

fn list(items: &[Expr]) -> String {
    items.iter().map(expr).collect::<Vec<_>>().join(" ")
}

fn stmts(body: &[Stmt]) -> String {
    body.iter().map(stmt).collect::<Vec<_>>().join(" ")
}

fn block(body: &[Stmt]) -> String {
    format!("[{}]", stmts(body))
}

fn stmt(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Expr(e) => format!("(expr {})", expr(e)),
        StmtKind::Assign { targets, value } => {
            format!("(assign [{}] {})", list(targets), expr(value))
        }
        StmtKind::AugAssign { target, op, value } => {
            format!("({}= {} {})", op.symbol(), expr(target), expr(value))
        }
        StmtKind::Pass => "pass".into(),
        StmtKind::Break => "break".into(),
        StmtKind::Continue => "continue".into(),
        StmtKind::Delete(targets) => format!("(del {})", list(targets)),
        StmtKind::If { test, body, orelse } => {
            format!("(if {} {} {})", expr(test), block(body), block(orelse))
        }
        StmtKind::While { test, body, orelse } => {
            format!("(while {} {} {})", expr(test), block(body), block(orelse))
        }
        StmtKind::For { target, iter, body, orelse } => {
            format!("(for {} {} {} {})", expr(target), expr(iter), block(body), block(orelse))
        }
        StmtKind::FunctionDef(f) => {
            let decorators =
                if f.decorators.is_empty() { String::new() } else { format!(" @[{}]", list(&f.decorators)) };
            format!("(def {} ({}) {}{decorators})", f.name.name, params(&f.params), block(&f.body))
        }
        StmtKind::ClassDef(c) => {
            let decorators =
                if c.decorators.is_empty() { String::new() } else { format!(" @[{}]", list(&c.decorators)) };
            format!("(class {} ({}) {}{decorators})", c.name.name, list(&c.bases), block(&c.body))
        }
        StmtKind::Return(None) => "(return)".into(),
        StmtKind::Return(Some(v)) => format!("(return {})", expr(v)),
        StmtKind::Global(names) => {
            format!("(global {})", names.iter().map(|n| n.name.as_str()).collect::<Vec<_>>().join(" "))
        }
        StmtKind::Nonlocal(names) => format!(
            "(nonlocal {})",
            names.iter().map(|n| n.name.as_str()).collect::<Vec<_>>().join(" ")
        ),
        StmtKind::Import(names) => format!("(import {})", aliases(names)),
        StmtKind::ImportFrom { module, names } => {
            format!("(from {} {})", module.name, aliases(names))
        }
        StmtKind::With { items, body } => {
            let items: Vec<String> = items
                .iter()
                .map(|i| match &i.target {
                    Some(t) => format!("(as {} {})", expr(&i.context), expr(t)),
                    None => expr(&i.context),
                })
                .collect();
            format!("(with [{}] {})", items.join(" "), block(body))
        }
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            let mut out = format!("(try {}", block(body));
            for h in handlers {
                out.push_str(" (except");
                if let Some(t) = &h.typ {
                    out.push(' ');
                    out.push_str(&expr(t));
                }
                if let Some(n) = &h.name {
                    out.push_str(" as ");
                    out.push_str(&n.name);
                }
                out.push(' ');
                out.push_str(&block(&h.body));
                out.push(')');
            }
            format!("{out} {} {})", block(orelse), block(finalbody))
        }
        StmtKind::Raise { exc, cause } => match (exc, cause) {
            (None, _) => "(raise)".into(),
            (Some(e), None) => format!("(raise {})", expr(e)),
            (Some(e), Some(c)) => format!("(raise {} (from {}))", expr(e), expr(c)),
        },
        StmtKind::Assert { test, msg } => match msg {
            Some(m) => format!("(assert {} {})", expr(test), expr(m)),
            None => format!("(assert {})", expr(test)),
        },
    }
}

fn aliases(names: &[gillab_syntax::ast::Alias]) -> String {
    let names: Vec<String> = names
        .iter()
        .map(|a| match &a.asname {
            Some(n) => format!("(as {} {})", a.name.name, n.name),
            None => a.name.name.clone(),
        })
        .collect();
    names.join(" ")
}

fn params(p: &Parameters) -> String {
    let param = |q: &gillab_syntax::ast::Param| match &q.default {
        Some(d) => format!("(= {} {})", q.name.name, expr(d)),
        None => q.name.name.clone(),
    };
    let mut out: Vec<String> = p.args.iter().map(param).collect();
    match &p.vararg {
        Some(v) => out.push(format!("*{}", v.name)),
        None if !p.kwonly.is_empty() => out.push("*".into()),
        None => {}
    }
    out.extend(p.kwonly.iter().map(param));
    if let Some(k) = &p.kwarg {
        out.push(format!("**{}", k.name));
    }
    out.join(" ")
}

fn comps(generators: &[Comprehension]) -> String {
    let parts: Vec<String> = generators
        .iter()
        .map(|g| {
            let ifs: String = g.ifs.iter().map(|i| format!(" (if {})", expr(i))).collect();
            format!("(for {} {}{ifs})", expr(&g.target), expr(&g.iter))
        })
        .collect();
    parts.join(" ")
}

fn opt(e: &Option<Box<Expr>>) -> String {
    e.as_ref().map_or("_".into(), |e| expr(e))
}

fn fparts(parts: &[FStringPart]) -> String {
    let parts: Vec<String> = parts
        .iter()
        .map(|p| match p {
            FStringPart::Literal(s) => format!("{s:?}"),
            FStringPart::Field { value, conversion, spec } => {
                let mut out = format!("(fmt {}", expr(value));
                if let Some(c) = conversion {
                    out.push_str(&format!(" !{c}"));
                }
                if let Some(spec) = spec {
                    out.push_str(&format!(" (spec {})", fparts(spec)));
                }
                out.push(')');
                out
            }
        })
        .collect();
    parts.join(" ")
}

fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Name(n) => n.clone(),
        ExprKind::None => "None".into(),
        ExprKind::Bool(b) => if *b { "True" } else { "False" }.into(),
        ExprKind::Ellipsis => "...".into(),
        ExprKind::Int(IntLit::Small(i)) => i.to_string(),
        ExprKind::Int(IntLit::Big(i)) => i.to_string(),
        ExprKind::Float(f) => format!("{f:?}"),
        ExprKind::Str(s) => format!("{s:?}"),
        ExprKind::Bytes(b) => format!("b\"{}\"", b.escape_ascii()),
        ExprKind::FString(parts) => format!("(fstr {})", fparts(parts)),
        ExprKind::List(items) => format!("(list {})", list(items)),
        ExprKind::Tuple(items) => format!("(tuple {})", list(items)),
        ExprKind::Set(items) => format!("(set {})", list(items)),
        ExprKind::Dict(items) => {
            let items: Vec<String> = items
                .iter()
                .map(|(k, v)| match k {
                    Some(k) => format!("({} {})", expr(k), expr(v)),
                    None => format!("(** {})", expr(v)),
                })
                .collect();
            format!("(dict {})", items.join(" "))
        }
        ExprKind::Starred(v) => format!("(* {})", expr(v)),
        ExprKind::ListComp { elt, generators } => {
            format!("(listcomp {} {})", expr(elt), comps(generators))
        }
        ExprKind::SetComp { elt, generators } => {
            format!("(setcomp {} {})", expr(elt), comps(generators))
        }
        ExprKind::DictComp { key, value, generators } => {
            format!("(dictcomp {} {} {})", expr(key), expr(value), comps(generators))
        }
        ExprKind::GeneratorExp { elt, generators } => {
            format!("(genexp {} {})", expr(elt), comps(generators))
        }
        ExprKind::Attribute { value, attr } => format!("(. {} {})", expr(value), attr.name),
        ExprKind::Subscript { value, index } => format!("([] {} {})", expr(value), expr(index)),
        ExprKind::Slice { lower, upper, step } => {
            format!("(slice {} {} {})", opt(lower), opt(upper), opt(step))
        }
        ExprKind::Call { func, args, keywords } => {
            let mut out = format!("(call {}", expr(func));
            for a in args {
                out.push(' ');
                out.push_str(&expr(a));
            }
            for k in keywords {
                match &k.arg {
                    Some(a) => out.push_str(&format!(" (kw {} {})", a.name, expr(&k.value))),
                    None => out.push_str(&format!(" (** {})", expr(&k.value))),
                }
            }
            out.push(')');
            out
        }
        ExprKind::UnaryOp { op, operand } => {
            let op = match op {
                gillab_syntax::ast::UnaryOp::Neg => "-",
                gillab_syntax::ast::UnaryOp::Pos => "+",
                gillab_syntax::ast::UnaryOp::Not => "not",
                gillab_syntax::ast::UnaryOp::Invert => "~",
            };
            format!("({op} {})", expr(operand))
        }
        ExprKind::BinOp { left, op, right } => {
            format!("({} {} {})", op.symbol(), expr(left), expr(right))
        }
        ExprKind::BoolOp { op, values } => {
            let op = match op {
                gillab_syntax::ast::BoolOp::And => "and",
                gillab_syntax::ast::BoolOp::Or => "or",
            };
            format!("({op} {})", list(values))
        }
        ExprKind::Compare { left, ops, comparators } => {
            let mut out = format!("(cmp {}", expr(left));
            for (op, c) in ops.iter().zip(comparators) {
                out.push_str(&format!(" {} {}", op.symbol(), expr(c)));
            }
            out.push(')');
            out
        }
        ExprKind::IfExp { test, body, orelse } => {
            format!("(ifexp {} {} {})", expr(test), expr(body), expr(orelse))
        }
        ExprKind::Lambda { params: p, body } => format!("(lambda ({}) {})", params(p), expr(body)),
    }
}

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
    assert_eq!(sexp("x: int = 5"), "(assign [x] 5)");
    assert_eq!(sexp("x: int"), "pass");
    assert_eq!(sexp("a.b: list[int] = []"), "(assign [(. a b)] (list ))");
    assert_eq!(sexp("(a): int = 1"), "(assign [a] 1)");
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
    assert_eq!(sexp("if a:\n    if b:\n        x\n    y\nz"), "(if a [(if b [(expr x)] []) (expr y)] []) (expr z)");
}

#[test]
fn while_else() {
    assert_eq!(sexp("while a:\n    break\nelse:\n    x\n"), "(while a [break] [(expr x)])");
}

#[test]
fn for_else() {
    assert_eq!(sexp("for x in y:\n    continue\n"), "(for x y [continue] [])");
    assert_eq!(sexp("for a, b in c:\n    pass\nelse:\n    x"), "(for (tuple a b) c [pass] [(expr x)])");
    assert_eq!(sexp("for x, in 1, 2: pass"), "(for (tuple x) (tuple 1 2) [pass] [])");
    assert_eq!(sexp("for x in y in z: pass"), "(for x (cmp y in z) [pass] [])");
    assert_eq!(sexp("for a.b, c[0], *d in e: pass"), "(for (tuple (. a b) ([] c 0) (* d)) e [pass] [])");
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
    assert_eq!(
        sexp("@a.b(c)\n@d\nclass C: pass"),
        "(class C () [pass] @[(call (. a b) c) d])"
    );
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
    assert_eq!(sexp("class C(A, b.B):\n    x = 1\n    def f(self): pass\n"), "(class C (A (. b B)) [(assign [x] 1) (def f (self) [pass])])");
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
    assert_eq!(sexp("with open(x) as f, g() as h.i:\n    pass"), "(with [(as (call open x) f) (as (call g) (. h i))] [pass])");
}

#[test]
fn try_statements() {
    assert_eq!(
        sexp("try:\n    a\nexcept T as e:\n    b\nexcept (A, B):\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f\n"),
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
