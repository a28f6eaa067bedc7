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
