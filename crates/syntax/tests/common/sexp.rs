//! The S-expression dumper and error helpers of the parser tests (included by `parser.rs` and
//! `generators.rs` with `#[path]`): source text in, a compact S-expression of the AST (spans left
//! out) or a CPython-3.11-compatible error out.

#![allow(dead_code)]

use gillab_syntax::ast::{
    Comprehension, Expr, ExprKind, FStringPart, IntLit, Parameters, Stmt, StmtKind,
};
use gillab_syntax::{SyntaxErrorKind, parse_module};

// ----- The S-expression dumper -----

/// The whole module as S-expressions, one per statement, separated by spaces.
pub fn sexp(src: &str) -> String {
    match parse_module(src) {
        Ok(m) => stmts(&m.body),
        Err(e) => panic!("parse failed for {src:?}: {}", e.render("t.py", src)),
    }
}

/// The S-expression of the single expression statement in `src`.
pub fn ex(src: &str) -> String {
    let m = parse_module(src).unwrap_or_else(|e| panic!("{}", e.render("t.py", src)));
    match m.body.as_slice() {
        [Stmt { kind: StmtKind::Expr(e), .. }] => expr(e),
        other => panic!("not one expression statement: {}", stmts(other)),
    }
}

pub fn list(items: &[Expr]) -> String {
    items.iter().map(expr).collect::<Vec<_>>().join(" ")
}

pub fn stmts(body: &[Stmt]) -> String {
    body.iter().map(stmt).collect::<Vec<_>>().join(" ")
}

pub fn block(body: &[Stmt]) -> String {
    format!("[{}]", stmts(body))
}

pub fn stmt(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Expr(e) => format!("(expr {})", expr(e)),
        StmtKind::Assign { targets, value } => {
            format!("(assign [{}] {})", list(targets), expr(value))
        }
        StmtKind::AnnAssign { target, annotation, value, simple } => {
            let value = value.as_ref().map_or_else(|| "-".to_string(), expr);
            let s = if *simple { "simple " } else { "" };
            format!("(annassign {s}{} {} {})", expr(target), expr(annotation), value)
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
        StmtKind::For { is_async, target, iter, body, orelse } => {
            let kw = if *is_async { "async-for" } else { "for" };
            format!("({kw} {} {} {} {})", expr(target), expr(iter), block(body), block(orelse))
        }
        StmtKind::FunctionDef(f) => {
            let decorators = if f.decorators.is_empty() {
                String::new()
            } else {
                format!(" @[{}]", list(&f.decorators))
            };
            let kw = if f.is_async { "async-def" } else { "def" };
            format!("({kw} {} ({}) {}{decorators})", f.name.name, params(&f.params), block(&f.body))
        }
        StmtKind::ClassDef(c) => {
            let decorators = if c.decorators.is_empty() {
                String::new()
            } else {
                format!(" @[{}]", list(&c.decorators))
            };
            let mut bases = list(&c.bases);
            for k in &c.keywords {
                let item = match &k.arg {
                    Some(a) => format!("(kw {} {})", a.name, expr(&k.value)),
                    None => format!("(** {})", expr(&k.value)),
                };
                if !bases.is_empty() {
                    bases.push(' ');
                }
                bases.push_str(&item);
            }
            format!("(class {} ({bases}) {}{decorators})", c.name.name, block(&c.body))
        }
        StmtKind::Return(None) => "(return)".into(),
        StmtKind::Return(Some(v)) => format!("(return {})", expr(v)),
        StmtKind::Global(names) => {
            format!(
                "(global {})",
                names.iter().map(|n| n.name.as_str()).collect::<Vec<_>>().join(" ")
            )
        }
        StmtKind::Nonlocal(names) => format!(
            "(nonlocal {})",
            names.iter().map(|n| n.name.as_str()).collect::<Vec<_>>().join(" ")
        ),
        StmtKind::Import(names) => format!("(import {})", aliases(names)),
        StmtKind::ImportFrom { module, names } => {
            format!("(from {} {})", module.name, aliases(names))
        }
        StmtKind::With { is_async, items, body } => {
            let items: Vec<String> = items
                .iter()
                .map(|i| match &i.target {
                    Some(t) => format!("(as {} {})", expr(&i.context), expr(t)),
                    None => expr(&i.context),
                })
                .collect();
            let kw = if *is_async { "async-with" } else { "with" };
            format!("({kw} [{}] {})", items.join(" "), block(body))
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

pub fn aliases(names: &[gillab_syntax::ast::Alias]) -> String {
    let names: Vec<String> = names
        .iter()
        .map(|a| match &a.asname {
            Some(n) => format!("(as {} {})", a.name.name, n.name),
            None => a.name.name.clone(),
        })
        .collect();
    names.join(" ")
}

pub fn params(p: &Parameters) -> String {
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

pub fn comps(generators: &[Comprehension]) -> String {
    let parts: Vec<String> = generators
        .iter()
        .map(|g| {
            let ifs: String = g.ifs.iter().map(|i| format!(" (if {})", expr(i))).collect();
            let kw = if g.is_async { "async-for" } else { "for" };
            format!("({kw} {} {}{ifs})", expr(&g.target), expr(&g.iter))
        })
        .collect();
    parts.join(" ")
}

pub fn opt(e: &Option<Box<Expr>>) -> String {
    e.as_ref().map_or("_".into(), |e| expr(e))
}

pub fn fparts(parts: &[FStringPart]) -> String {
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

pub fn expr(e: &Expr) -> String {
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
        ExprKind::Yield { value: None } => "(yield)".into(),
        ExprKind::Yield { value: Some(v) } => format!("(yield {})", expr(v)),
        ExprKind::YieldFrom { value } => format!("(yield-from {})", expr(value)),
        ExprKind::Await { value } => format!("(await {})", expr(value)),
        ExprKind::NamedExpr { target, value } => format!("(:= {} {})", expr(target), expr(value)),
    }
}

// ----- Error helpers -----

/// Asserts that `src` fails with a `SyntaxError` `msg` at 1-based `line` and `col`.
#[track_caller]
pub fn err(src: &str, msg: &str, line: u32, col: u32) {
    err_kind(src, SyntaxErrorKind::Syntax, msg, line, col);
}

/// Like [`err`] for a given error class.
#[track_caller]
pub fn err_kind(src: &str, kind: SyntaxErrorKind, msg: &str, line: u32, col: u32) {
    match parse_module(src) {
        Ok(m) => panic!("{src:?} parsed: {}", stmts(&m.body)),
        Err(e) => {
            assert_eq!((e.kind, e.msg.as_str()), (kind, msg), "for {src:?}");
            assert_eq!(
                e.line_col(src),
                (line, col),
                "position for {src:?}: {}",
                e.render("t.py", src)
            );
        }
    }
}

/// The error rendered as CPython prints it (file `t.py`).
pub fn render(src: &str) -> String {
    match parse_module(src) {
        Ok(m) => panic!("{src:?} parsed: {}", stmts(&m.body)),
        Err(e) => e.render("t.py", src),
    }
}

/// The message of the error for `src`.
pub fn msg(src: &str) -> String {
    match parse_module(src) {
        Ok(m) => panic!("{src:?} parsed: {}", stmts(&m.body)),
        Err(e) => e.msg,
    }
}
