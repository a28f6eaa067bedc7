//! Shared checks for the integration tests.

use gillab_compiler::{CodeObject, Constant, Opcode};

/// Checks the structural invariants the VM relies on, recursively: parallel line table, jump
/// targets in range, conditional jumps forward only, back-edges only via `JUMP_BACKWARD`,
/// sorted non-overlapping exception entries, no falling off the end.
pub fn check_invariants(code: &CodeObject) {
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
                _ => {
                    assert!(instr.arg > i, "{}: {:?} at {i} goes backward", code.qualname, instr.op)
                }
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
        matches!(
            code.instructions.last().map(|i| i.op),
            Some(
                Opcode::ReturnValue
                    | Opcode::Reraise
                    | Opcode::RaiseVarargs
                    | Opcode::JumpBackward
                    | Opcode::JumpForward
            )
        ),
        "{}: code can fall off the end",
        code.qualname
    );
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            check_invariants(inner);
        }
    }
}
