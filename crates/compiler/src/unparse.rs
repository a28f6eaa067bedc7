//! Expressions back to source text, as CPython 3.11 writes an annotation under
//! `from __future__ import annotations` (its `ast_unparse.c`, the same text as `ast.unparse`
//! for expressions): minimal parentheses from operator precedence, `repr` of constants,
//! `, ` between items, a one-item tuple with its trailing comma, a float too large for a
//! finite value written `1e309`.

use crate::dis::repr_float;
use crate::repr::{bytes_repr, str_repr};
use gillab_syntax::ast::{
    BinOp, BoolOp, Comprehension, Expr, ExprKind, FStringPart, IntLit, Parameters, UnaryOp,
};

/// Binding strength, weakest first (CPython's `PR_*` levels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Pr {
    Tuple,
    Test,
    Or,
    And,
    Not,
    Cmp,
    Bor,
    Bxor,
    Band,
    Shift,
    Arith,
    Term,
    Factor,
    Power,
    Await,
    Atom,
}

impl Pr {
    /// The next stronger level.
    fn up(self) -> Pr {
        use Pr::*;
        match self {
            Tuple => Test,
            Test => Or,
            Or => And,
            And => Not,
            Not => Cmp,
            Cmp => Bor,
            Bor => Bxor,
            Bxor => Band,
            Band => Shift,
            Shift => Arith,
            Arith => Term,
            Term => Factor,
            Factor => Power,
            Power => Await,
            Await | Atom => Atom,
        }
    }
}

/// The text of `e` as a `from __future__ import annotations` annotation.
pub fn unparse(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, Pr::Test);
    out
}

fn binop_level(op: BinOp) -> Pr {
    match op {
        BinOp::Add | BinOp::Sub => Pr::Arith,
        BinOp::Mult | BinOp::MatMult | BinOp::Div | BinOp::FloorDiv | BinOp::Mod => Pr::Term,
        BinOp::LShift | BinOp::RShift => Pr::Shift,
        BinOp::BitOr => Pr::Bor,
        BinOp::BitXor => Pr::Bxor,
        BinOp::BitAnd => Pr::Band,
        BinOp::Pow => Pr::Power,
    }
}

/// `items` separated by `, `, each at `level`.
fn items(out: &mut String, items: &[Expr], level: Pr) {
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, e, level);
    }
}

fn open(out: &mut String, cond: bool, s: &str) {
    if cond {
        out.push_str(s);
    }
}

fn expr(out: &mut String, e: &Expr, level: Pr) {
    match &e.kind {
        ExprKind::Name(n) => out.push_str(n),
        ExprKind::None => out.push_str("None"),
        ExprKind::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
        ExprKind::Ellipsis => out.push_str("..."),
        ExprKind::Int(IntLit::Small(v)) => out.push_str(&v.to_string()),
        ExprKind::Int(IntLit::Big(b)) => out.push_str(&b.to_string()),
        ExprKind::Float(f) if f.is_infinite() => out.push_str("1e309"),
        ExprKind::Float(f) => out.push_str(&repr_float(*f)),
        ExprKind::Str(s) => out.push_str(&str_repr(s)),
        ExprKind::Bytes(b) => out.push_str(&bytes_repr(b)),
        ExprKind::FString(parts) => {
            let mut body = String::new();
            fstring_body(&mut body, parts);
            out.push('f');
            out.push_str(&str_repr(&body));
        }
        ExprKind::List(elts) => {
            out.push('[');
            items(out, elts, Pr::Test);
            out.push(']');
        }
        ExprKind::Tuple(elts) if elts.is_empty() => out.push_str("()"),
        ExprKind::Tuple(elts) => {
            open(out, level > Pr::Tuple, "(");
            items(out, elts, Pr::Test);
            open(out, elts.len() == 1, ",");
            open(out, level > Pr::Tuple, ")");
        }
        ExprKind::Set(elts) if elts.is_empty() => out.push_str("{*()}"),
        ExprKind::Set(elts) => {
            out.push('{');
            items(out, elts, Pr::Test);
            out.push('}');
        }
        ExprKind::Dict(pairs) => {
            out.push('{');
            for (i, (k, v)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, Pr::Test);
                        out.push_str(": ");
                        expr(out, v, Pr::Test);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, Pr::Bor);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Starred(v) => {
            out.push('*');
            expr(out, v, Pr::Bor);
        }
        ExprKind::ListComp { elt, generators } => {
            comp(out, "[", elt, None, generators, "]");
        }
        ExprKind::SetComp { elt, generators } => comp(out, "{", elt, None, generators, "}"),
        ExprKind::GeneratorExp { elt, generators } => comp(out, "(", elt, None, generators, ")"),
        ExprKind::DictComp { key, value, generators } => {
            comp(out, "{", key, Some(value), generators, "}");
        }
        ExprKind::Attribute { value, attr } => {
            expr(out, value, Pr::Atom);
            // `1 .real`: a bare integer would swallow the dot.
            let int = matches!(value.kind, ExprKind::Int(_));
            out.push_str(if int { " ." } else { "." });
            out.push_str(&attr.name);
        }
        ExprKind::Subscript { value, index } => {
            expr(out, value, Pr::Atom);
            out.push('[');
            let starred = matches!(&index.kind, ExprKind::Tuple(elts)
                if elts.iter().any(|e| matches!(e.kind, ExprKind::Starred(_))));
            expr(out, index, if starred { Pr::Test } else { Pr::Tuple });
            out.push(']');
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(out, l, Pr::Test);
            }
            out.push(':');
            if let Some(u) = upper {
                expr(out, u, Pr::Test);
            }
            if let Some(s) = step {
                out.push(':');
                expr(out, s, Pr::Test);
            }
        }
        ExprKind::Call { func, args, keywords } => {
            expr(out, func, Pr::Atom);
            out.push('(');
            let lone_genexp = args.len() == 1
                && keywords.is_empty()
                && matches!(args[0].kind, ExprKind::GeneratorExp { .. });
            if lone_genexp {
                let ExprKind::GeneratorExp { elt, generators } = &args[0].kind else {
                    unreachable!("checked above")
                };
                expr(out, elt, Pr::Test);
                comprehensions(out, generators);
            } else {
                items(out, args, Pr::Test);
                for (i, k) in keywords.iter().enumerate() {
                    if i > 0 || !args.is_empty() {
                        out.push_str(", ");
                    }
                    match &k.arg {
                        Some(name) => {
                            out.push_str(&name.name);
                            out.push('=');
                        }
                        None => out.push_str("**"),
                    }
                    expr(out, &k.value, Pr::Test);
                }
            }
            out.push(')');
        }
        ExprKind::UnaryOp { op, operand } => {
            let (sym, pr) = match op {
                UnaryOp::Invert => ("~", Pr::Factor),
                UnaryOp::Not => ("not ", Pr::Not),
                UnaryOp::Pos => ("+", Pr::Factor),
                UnaryOp::Neg => ("-", Pr::Factor),
            };
            open(out, level > pr, "(");
            out.push_str(sym);
            expr(out, operand, pr);
            open(out, level > pr, ")");
        }
        ExprKind::BinOp { left, op, right } => {
            let pr = binop_level(*op);
            let rassoc = *op == BinOp::Pow;
            open(out, level > pr, "(");
            expr(out, left, if rassoc { pr.up() } else { pr });
            out.push(' ');
            out.push_str(op.symbol());
            out.push(' ');
            expr(out, right, if rassoc { pr } else { pr.up() });
            open(out, level > pr, ")");
        }
        ExprKind::BoolOp { op, values } => {
            let (sep, pr) = match op {
                BoolOp::And => (" and ", Pr::And),
                BoolOp::Or => (" or ", Pr::Or),
            };
            open(out, level > pr, "(");
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(sep);
                }
                expr(out, v, pr.up());
            }
            open(out, level > pr, ")");
        }
        ExprKind::Compare { left, ops, comparators } => {
            open(out, level > Pr::Cmp, "(");
            expr(out, left, Pr::Cmp.up());
            for (op, c) in ops.iter().zip(comparators) {
                out.push(' ');
                out.push_str(op.symbol());
                out.push(' ');
                expr(out, c, Pr::Cmp.up());
            }
            open(out, level > Pr::Cmp, ")");
        }
        ExprKind::IfExp { test, body, orelse } => {
            open(out, level > Pr::Test, "(");
            expr(out, body, Pr::Test.up());
            out.push_str(" if ");
            expr(out, test, Pr::Test.up());
            out.push_str(" else ");
            expr(out, orelse, Pr::Test);
            open(out, level > Pr::Test, ")");
        }
        ExprKind::Lambda { params, body } => {
            open(out, level > Pr::Test, "(");
            out.push_str("lambda");
            let mut ps = String::new();
            parameters(&mut ps, params);
            if !ps.is_empty() {
                out.push(' ');
                out.push_str(&ps);
            }
            out.push_str(": ");
            expr(out, body, Pr::Test);
            open(out, level > Pr::Test, ")");
        }
        ExprKind::Yield { value: None } => out.push_str("(yield)"),
        ExprKind::Yield { value: Some(v) } => {
            out.push_str("(yield ");
            expr(out, v, Pr::Test);
            out.push(')');
        }
        ExprKind::YieldFrom { value } => {
            out.push_str("(yield from ");
            expr(out, value, Pr::Test);
            out.push(')');
        }
        ExprKind::Await { value } => {
            open(out, level > Pr::Await, "(");
            out.push_str("await ");
            expr(out, value, Pr::Atom);
            open(out, level > Pr::Await, ")");
        }
        ExprKind::NamedExpr { target, value } => {
            open(out, level > Pr::Tuple, "(");
            expr(out, target, Pr::Atom);
            out.push_str(" := ");
            expr(out, value, Pr::Atom);
            open(out, level > Pr::Tuple, ")");
        }
    }
}

fn comp(
    out: &mut String,
    left: &str,
    elt: &Expr,
    value: Option<&Expr>,
    generators: &[Comprehension],
    right: &str,
) {
    out.push_str(left);
    expr(out, elt, Pr::Test);
    if let Some(v) = value {
        out.push_str(": ");
        expr(out, v, Pr::Test);
    }
    comprehensions(out, generators);
    out.push_str(right);
}

fn comprehensions(out: &mut String, generators: &[Comprehension]) {
    for g in generators {
        out.push_str(if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, Pr::Tuple);
        out.push_str(" in ");
        expr(out, &g.iter, Pr::Test.up());
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(out, cond, Pr::Test.up());
        }
    }
}

/// A lambda's parameter list: `a, b=1, *args, c, d=2, **kw`.
fn parameters(out: &mut String, p: &Parameters) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !std::mem::take(&mut first) {
            out.push_str(", ");
        }
    };
    for a in &p.args {
        sep(out);
        out.push_str(&a.name.name);
        if let Some(d) = &a.default {
            out.push('=');
            expr(out, d, Pr::Test);
        }
    }
    if let Some(v) = &p.vararg {
        sep(out);
        out.push('*');
        out.push_str(&v.name);
    } else if !p.kwonly.is_empty() {
        sep(out);
        out.push('*');
    }
    for a in &p.kwonly {
        sep(out);
        out.push_str(&a.name.name);
        if let Some(d) = &a.default {
            out.push('=');
            expr(out, d, Pr::Test);
        }
    }
    if let Some(k) = &p.kwarg {
        sep(out);
        out.push_str("**");
        out.push_str(&k.name);
    }
}

/// The inside of an f-string: literal braces doubled, each field `{expr!c:spec}`.
fn fstring_body(out: &mut String, parts: &[FStringPart]) {
    for part in parts {
        match part {
            FStringPart::Literal(text) => {
                for c in text.chars() {
                    match c {
                        '{' => out.push_str("{{"),
                        '}' => out.push_str("}}"),
                        c => out.push(c),
                    }
                }
            }
            FStringPart::Field { value, conversion, spec } => {
                let mut inner = String::new();
                expr(&mut inner, value, Pr::Test.up());
                out.push('{');
                if inner.starts_with('{') {
                    // `{ {a}}`: a brace right after `{` would read as an escaped one.
                    out.push(' ');
                }
                out.push_str(&inner);
                if let Some(c) = conversion {
                    out.push('!');
                    out.push(*c);
                }
                if let Some(spec) = spec {
                    out.push(':');
                    fstring_body(out, spec);
                }
                out.push('}');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::unparse;
    use gillab_syntax::ast::StmtKind;

    fn un(src: &str) -> String {
        let m = gillab_syntax::parse_module(src).expect("parses");
        let StmtKind::Expr(e) = &m.body[0].kind else { panic!("not an expression") };
        unparse(e)
    }

    #[test]
    fn annotations_as_cpython_writes_them() {
        // Each expected text is what CPython 3.11's `ast.unparse` gives.
        assert_eq!(un("Tree|None"), "Tree | None");
        assert_eq!(un("Dict[str,  List[int]]"), "Dict[str, List[int]]");
        assert_eq!(un("x[(a,)]"), "x[a,]");
        assert_eq!(un("x[()]"), "x[()]");
        assert_eq!(un("'Foo'"), "'Foo'");
        assert_eq!(un("\"it's\""), "\"it's\"");
        assert_eq!(un("typing.Optional[int]"), "typing.Optional[int]");
        assert_eq!(un("(a + b) * c"), "(a + b) * c");
        assert_eq!(un("a + (b * c)"), "a + b * c");
        assert_eq!(un("a - (b - c)"), "a - (b - c)");
        assert_eq!(un("(a ** b) ** c"), "(a ** b) ** c");
        assert_eq!(un("a ** -b"), "a ** (-b)");
        assert_eq!(un("-a ** b"), "-a ** b");
        assert_eq!(un("not (a and b)"), "not (a and b)");
        assert_eq!(un("(a or b) and c"), "(a or b) and c");
        assert_eq!(un("a if b else (c if d else e)"), "a if b else c if d else e");
        assert_eq!(un("(a if b else c) if d else e"), "(a if b else c) if d else e");
        assert_eq!(un("f(x for x in y)"), "f(x for x in y)");
        assert_eq!(un("(-1) ** 2"), "(-1) ** 2");
        assert_eq!(un("f(a, *b, c=1, **d)"), "f(a, *b, c=1, **d)");
        assert_eq!(un("Callable[[int, str], None]"), "Callable[[int, str], None]");
        assert_eq!(un("Literal[1, -2, 3.5, 1e400, b'x']"), "Literal[1, -2, 3.5, 1e309, b'x']");
        assert_eq!(un("1 .real"), "1 .real");
        assert_eq!(un("{1: 2, **d}"), "{1: 2, **d}");
        assert_eq!(un("{*()}"), "{*()}");
        assert_eq!(un("lambda x, *a, k=1, **kw: x"), "lambda x, *a, k=1, **kw: x");
        assert_eq!(un("lambda: 0"), "lambda: 0");
        assert_eq!(un("a < b <= c"), "a < b <= c");
        assert_eq!(
            un("[x for x in y if x async for z in w]"),
            "[x for x in y if x async for z in w]"
        );
        assert_eq!(un("f'{a!r:>{w}} {{x}}'"), "f'{a!r:>{w}} {{x}}'");
        assert_eq!(un("x[1:2, ::3]"), "x[1:2, ::3]");
        assert_eq!(un("(y := 1)"), "(y := 1)");
    }
}
