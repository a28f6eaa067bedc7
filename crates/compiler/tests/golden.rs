//! Golden tests: every `tests/golden/NAME.py` is compiled and disassembled, and the output must
//! equal the committed `NAME.dis`. Run with `UPDATE_GOLDEN=1` to rewrite the `.dis` files.
//! Every code object is also checked for the structural invariants the VM relies on.

use gillab_compiler::{CodeObject, Constant, Opcode, compile_source, dis::disassemble};
use std::path::Path;

fn check_invariants(code: &CodeObject) {
    let n = code.instructions.len() as u32;
    assert_eq!(code.lines.len(), code.instructions.len(), "{}: lines parallel", code.qualname);
    assert!(n > 0, "{}: empty code", code.qualname);
    for (i, instr) in code.instructions.iter().enumerate() {
        let i = i as u32;
        if instr.op.is_jump() {
            assert!(instr.arg < n, "{}: jump at {i} out of range", code.qualname);
            match instr.op {
                Opcode::JumpBackward => {
                    assert!(instr.arg <= i, "{}: JUMP_BACKWARD at {i} goes forward", code.qualname)
                }
                _ => assert!(instr.arg > i, "{}: {:?} at {i} goes backward", code.qualname, instr.op),
            }
        }
        if !instr.op.has_arg() {
            assert_eq!(instr.arg, 0, "{}: argless op with arg", code.qualname);
        }
    }
    let mut last_end = 0;
    for e in &code.exception_table {
        assert!(e.start < e.end && e.end <= n && e.target < n, "{}: bad entry", code.qualname);
        assert!(e.start >= last_end, "{}: overlapping entries", code.qualname);
        assert!(e.depth < code.stacksize, "{}: handler depth", code.qualname);
        last_end = e.end;
    }
    assert!(
        matches!(code.instructions.last().map(|i| i.op), Some(Opcode::ReturnValue | Opcode::Reraise
            | Opcode::RaiseVarargs | Opcode::JumpBackward | Opcode::JumpForward)),
        "{}: code can fall off the end",
        code.qualname
    );
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            check_invariants(inner);
        }
    }
}

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
