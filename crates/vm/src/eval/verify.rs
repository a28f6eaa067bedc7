//! Bytecode verification, run once per code object when the VM loads it.
//!
//! The eval loop indexes locals, constants and names without bounds checks and pushes onto a
//! value stack without capacity checks. That is sound only for bytecode that this verifier
//! accepted (docs/safety.md, I6): every argument that indexes a table is in range, every jump
//! lands on an instruction, and an abstract interpretation over all paths (including
//! exception handlers) finds a consistent stack depth at every instruction, never negative,
//! whose maximum becomes the frame's stack capacity. It does not trust the compiler's
//! `stacksize`.

use gillab_compiler::{CodeObject, Opcode};

/// Checks `code`; returns the maximum stack depth, or a description of the first problem.
pub fn verify(code: &CodeObject) -> Result<usize, String> {
    let n = code.instructions.len();
    let nlocals = code.varnames.len() as u32;
    let nconsts = code.constants.len() as u32;
    let nnames = code.names.len() as u32;
    if code.lines.len() != n {
        return Err("line table length differs from instruction count".into());
    }
    for (i, ins) in code.instructions.iter().enumerate() {
        let a = ins.arg;
        let ok = if ins.op.uses_local() {
            a < nlocals
        } else if ins.op.uses_name() {
            a < nnames
        } else if ins.op.is_jump() {
            (a as usize) < n
        } else {
            match ins.op {
                Opcode::LoadConst => a < nconsts,
                Opcode::CopyFreeVars => a <= nlocals,
                Opcode::Copy | Opcode::Swap => a >= 1,
                _ => true,
            }
        };
        if !ok {
            return Err(format!(
                "instruction {i} ({}) has an out-of-range argument {a}",
                ins.op.name()
            ));
        }
    }
    for e in &code.exception_table {
        if e.start > e.end || e.end as usize > n || e.target as usize >= n {
            return Err("exception table entry out of range".into());
        }
    }
    let mut depth_at: Vec<Option<i64>> = vec![None; n];
    let mut work: Vec<(usize, i64)> = Vec::new();
    let mut max = 0i64;
    if n > 0 {
        work.push((0, 0));
    }
    let mut visit = |pc: usize, d: i64, work: &mut Vec<(usize, i64)>| -> Result<(), String> {
        if pc >= n {
            return Err("control falls off the end of the code".into());
        }
        match depth_at[pc] {
            Some(old) if old != d => Err(format!("inconsistent stack depth at {pc}: {old} vs {d}")),
            Some(_) => Ok(()),
            None => {
                depth_at[pc] = Some(d);
                work.push((pc, d));
                Ok(())
            }
        }
    };
    while let Some((pc, d)) = work.pop() {
        let ins = code.instructions[pc];
        for e in &code.exception_table {
            if e.start as usize <= pc && pc < e.end as usize {
                if d < e.depth as i64 {
                    return Err(format!("stack at {pc} is shallower than its handler expects"));
                }
                let hd = e.depth as i64 + e.lasti as i64 + 1;
                max = max.max(hd);
                visit(e.target as usize, hd, &mut work)?;
            }
        }
        let after = d + ins.op.stack_effect(ins.arg, false) as i64;
        if after < 0 {
            return Err(format!("stack underflow at {pc} ({})", ins.op.name()));
        }
        max = max.max(after).max(d);
        if !ins.op.is_terminator() {
            visit(pc + 1, after, &mut work)?;
        }
        if ins.op.is_jump() {
            let jd = d + ins.op.stack_effect(ins.arg, true) as i64;
            if jd < 0 {
                return Err(format!("stack underflow on the jump at {pc}"));
            }
            max = max.max(jd);
            visit(ins.arg as usize, jd, &mut work)?;
        }
    }
    Ok(max as usize)
}

#[cfg(test)]
mod tests {
    use super::verify;
    use gillab_compiler::{CodeObject, Instr, Opcode, compile_source};
    use std::sync::Arc;

    fn all_codes(code: &Arc<CodeObject>, out: &mut Vec<Arc<CodeObject>>) {
        out.push(code.clone());
        for c in &code.constants {
            if let gillab_compiler::Constant::Code(inner) = c {
                all_codes(inner, out);
            }
        }
    }

    #[test]
    fn compiled_code_verifies_with_the_compilers_depth() {
        let src = "def f(a, *b, **c):\n    try:\n        with open(a) as x, g() as y:\n            return [i * j for i in b for j in c if i]\n    except (KeyError, ValueError) as e:\n        raise RuntimeError from e\n    finally:\n        print(f'{a!r:>{3}}')\nclass C(object):\n    def m(self):\n        return super().m()\nwhile x:\n    for k, *v in y:\n        if k: break\n    else:\n        continue\n";
        let code = compile_source(src, "t.py").expect("compiles");
        let mut codes = Vec::new();
        all_codes(&code, &mut codes);
        for c in codes {
            let depth = verify(&c).unwrap_or_else(|e| panic!("{}: {e}", c.qualname));
            assert!(depth <= c.stacksize as usize, "{}: {depth} > {}", c.qualname, c.stacksize);
        }
    }

    fn with_instructions(ins: Vec<Instr>) -> CodeObject {
        let mut code = (*compile_source("pass\n", "t.py").expect("compiles")).clone();
        code.lines = vec![1; ins.len()];
        code.instructions = ins;
        code
    }

    fn i(op: Opcode, arg: u32) -> Instr {
        Instr { op, arg }
    }

    #[test]
    fn rejects_out_of_range_arguments() {
        let bad_const =
            with_instructions(vec![i(Opcode::LoadConst, 99), i(Opcode::ReturnValue, 0)]);
        assert!(verify(&bad_const).is_err());
        let bad_local = with_instructions(vec![i(Opcode::LoadFast, 3), i(Opcode::ReturnValue, 0)]);
        assert!(verify(&bad_local).is_err());
        let bad_jump = with_instructions(vec![i(Opcode::JumpForward, 50)]);
        assert!(verify(&bad_jump).is_err());
    }

    #[test]
    fn rejects_underflow_inconsistency_and_falling_off() {
        let underflow = with_instructions(vec![i(Opcode::PopTop, 0), i(Opcode::ReturnValue, 0)]);
        assert!(verify(&underflow).unwrap_err().contains("underflow"));
        let off_end = with_instructions(vec![i(Opcode::LoadConst, 0), i(Opcode::PopTop, 0)]);
        assert!(verify(&off_end).unwrap_err().contains("falls off"));
        // Two paths reach instruction 4 with depths 1 and 2.
        let mismatch = with_instructions(vec![
            i(Opcode::LoadConst, 0),
            i(Opcode::LoadConst, 0),
            i(Opcode::PopJumpIfFalse, 4),
            i(Opcode::LoadConst, 0),
            i(Opcode::ReturnValue, 0),
        ]);
        let e = verify(&mismatch).unwrap_err();
        assert!(e.contains("inconsistent"), "{e}");
    }
}
