//! Golden tests: every `tests/golden/NAME.py` is compiled and disassembled, and the output must
//! equal the committed `NAME.dis`. Run with `UPDATE_GOLDEN=1` to rewrite the `.dis` files.
//! Every code object is also checked for the structural invariants the VM relies on.

mod common;

use common::check_invariants;
use gillab_compiler::{compile_source, dis::disassemble};
use std::path::Path;

#[test]
fn golden_disassembly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let update = std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/golden exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    let mut failures = Vec::new();
    for path in paths {
        let source = std::fs::read_to_string(&path).expect("readable source");
        let file = path.file_name().and_then(|n| n.to_str()).expect("utf-8 name").to_string();
        let code = match compile_source(&source, &file) {
            Ok(code) => code,
            Err(e) => {
                failures.push(format!("{file}: does not compile:\n{}", e.render(&file, &source)));
                continue;
            }
        };
        check_invariants(&code);
        let got = disassemble(&code);
        let dis_path = path.with_extension("dis");
        if update {
            std::fs::write(&dis_path, &got).expect("writable .dis");
            continue;
        }
        let want = std::fs::read_to_string(&dis_path).unwrap_or_default();
        if got != want {
            let (g, w): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
            let line = g.iter().zip(&w).position(|(a, b)| a != b).unwrap_or(g.len().min(w.len()));
            failures.push(format!(
                "{file}: disassembly differs at line {}:\n  want: {}\n  got:  {}",
                line + 1,
                w.get(line).unwrap_or(&"<end of file>"),
                g.get(line).unwrap_or(&"<end of output>"),
            ));
        }
    }
    assert!(failures.is_empty(), "{}\n(run with UPDATE_GOLDEN=1 to accept)", failures.join("\n\n"));
}
