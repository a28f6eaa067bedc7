#![allow(missing_docs)]
use gillab_syntax::parse_module;
fn need(src: String) -> usize {
    let (mut lo, mut hi) = (16 * 1024usize, 64 * 1024 * 1024usize);
    while hi - lo > 8 * 1024 {
        let mid = (lo + hi) / 2;
        let s = src.clone();
        let ok = std::process::Command::new(std::env::current_exe().unwrap())
            .arg("--exact").arg("child").arg("--nocapture")
            .env("CHILD_SRC", &s).env("CHILD_STACK", mid.to_string())
            .output().unwrap().status.success();
        if ok { hi = mid } else { lo = mid }
    }
    hi
}
#[test]
fn child() {
    let Ok(src) = std::env::var("CHILD_SRC") else { return };
    let stack: usize = std::env::var("CHILD_STACK").unwrap().parse().unwrap();
    std::thread::Builder::new().stack_size(stack).spawn(move || { let _ = parse_module(&src); }).unwrap().join().unwrap();
}
#[test]
fn measure() {
    let deep = |n: usize, open: &str, close: &str| format!("x = {}1{}", open.repeat(n), close.repeat(n));
    for (o, c) in [("(", ")"), ("[", "]"), ("f(", ")"), ("-", ""), ("not ", ""), ("lambda: ", ""), ("2 ** ", ""), ("1 if 2 else ", ""), ("a[", "]"), ("{", "}"), ("{1: ", "}")] {
        let a = need(deep(50, o, c));
        let b = need(deep(150, o, c));
        eprintln!("{o:12} 50:{a:>9} 150:{b:>9} per-level:{}", (b - a) / 100);
    }
    for kw in ["if x:", "while x:", "for x in y:", "def f():", "class C:", "with x:", "try:"] {
        let nest = |n: usize| {
            let mut s = String::new();
            for i in 0..n { s += &" ".repeat(i); s += kw; s += "\n"; }
            s += &" ".repeat(n); s += "pass\n";
            if kw == "try:" { for i in (0..n).rev() { s += &" ".repeat(i); s += "finally: pass\n"; } }
            s
        };
        let a = need(nest(20));
        let b = need(nest(90));
        eprintln!("{kw:12} 20:{a:>9} 90:{b:>9} per-level:{}", (b - a) / 70);
    }
    let a = need(format!("x = 1{}", " + 1".repeat(100)));
    let b = need(format!("x = 1{}", " + 1".repeat(900)));
    eprintln!("chain per-level:{}", (b - a) / 800);
}
