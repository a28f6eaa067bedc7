#![allow(missing_docs)]
#[test]
fn perf() {
    let mut src = String::new();
    for i in 0..20000 {
        src.push_str(&format!("def f{i}(a, b=1, *c, **d):\n    x = [a + b * {i} for a in range(10) if a % 2]\n    if x and not b:\n        return {{'k': f'{{x!r}}', 'v': (a, b)}}\n    elif a < b <= c:\n        y = x[1:2, ::3]\n    else:\n        pass\n"));
    }
    let t = std::time::Instant::now();
    let toks = gillab_syntax::lexer::tokenize(&src).unwrap();
    let lex = t.elapsed();
    let t = std::time::Instant::now();
    let m = gillab_syntax::parser::parse(&src, &toks).unwrap();
    eprintln!("{} bytes, {} tokens, lex {:?}, parse {:?}, {} stmts", src.len(), toks.len(), lex, t.elapsed(), m.body.len());
}
