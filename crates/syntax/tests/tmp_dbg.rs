#![allow(missing_docs)]
#[test]
fn dbg() {
    for src in ["(a if b else c) = 1", "(a) = 1 = 2"] {
        let e = gillab_syntax::parse_module(src).unwrap_err();
        eprintln!("{src:?} {:?}", e);
    }
}
