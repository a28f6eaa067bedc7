#![allow(missing_docs)]
#[test]
fn diff() {
    let Ok(input) = std::fs::read_to_string("/tmp/pp/snips.txt") else { return };
    let mut out = String::new();
    for src in input.split("\u{1}") {
        if gillab_syntax::lexer::tokenize(src).is_err() { out.push_str("LEX\u{1}"); continue; }
        let line = match gillab_syntax::parse_module(src) {
            Ok(_) => "OK".to_string(),
            Err(e) => { let (l, c) = e.line_col(src); format!("{:?}|{}|{}|{}", e.kind, e.msg, l, c) }
        };
        out.push_str(&line);
        out.push('\u{1}');
    }
    std::fs::write("/tmp/pp/mine.txt", out).unwrap();
}
