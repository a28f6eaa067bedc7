//! A disassembler whose output reads like CPython 3.11's `dis`.
//!
//! Each instruction line has, as in `dis`: the source line where it changes (with a blank line
//! before each new source line), `>>` on jump and handler targets, the offset (here the
//! instruction index, since jumps are absolute indices), the opcode name padded to 20, the
//! argument right-aligned in 5, and a parenthesised meaning: the name or local for name/local
//! instructions, the constant's repr for `LOAD_CONST`, `to N` for jumps, the operator for
//! `BINARY_OP`/`COMPARE_OP`, conversion and spec for `FORMAT_VALUE`, and the flags for
//! `MAKE_FUNCTION`. An `ExceptionTable:` section follows, printing each entry as
//! `  START to LAST -> TARGET [DEPTH] lasti` where `LAST` is the last covered index (inclusive,
//! as 3.11 prints it; [`ExceptionEntry::end`](crate::ExceptionEntry) is exclusive).
//!
//! Code objects are shown as `<code object NAME, file "FILE", line N>` (no address).

use crate::code::{CodeObject, Constant};
use crate::opcode::{BINARY_OP_SYMBOLS, COMPARE_OP_SYMBOLS, Opcode};
use crate::repr::{bytes_repr, str_repr};
use gillab_syntax::ast::IntLit;
use std::collections::HashSet;
use std::fmt::Write;

/// Disassembles `code` and then, depth first, every code object among its constants, each
/// preceded by a blank line and `Disassembly of <code object ...>:` (like `dis.dis`).
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = disassemble_one(code);
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            let _ = writeln!(out, "\nDisassembly of {}:", code_repr(inner));
            out.push_str(&disassemble(inner));
        }
    }
    out
}

/// Disassembles `code` alone, without recursing into nested code objects.
pub fn disassemble_one(code: &CodeObject) -> String {
    let mut targets: HashSet<u32> =
        code.instructions.iter().filter(|i| i.op.is_jump()).map(|i| i.arg).collect();
    targets.extend(code.exception_table.iter().map(|e| e.target));
    let max_line = code.lines.iter().copied().max().unwrap_or(0);
    let lineno_width = if max_line >= 1000 { max_line.to_string().len() } else { 3 };
    let max_offset = code.instructions.len().saturating_sub(1);
    let offset_width = if max_offset >= 10000 { max_offset.to_string().len() } else { 4 };
    let mut out = String::new();
    let mut last_line = None;
    for (i, instr) in code.instructions.iter().enumerate() {
        let line = code.lines.get(i).copied();
        let starts_line = line != last_line;
        last_line = line;
        if starts_line && i > 0 {
            out.push('\n');
        }
        let mut fields: Vec<String> = Vec::new();
        fields.push(match (starts_line, line) {
            (true, Some(l)) => format!("{l:>lineno_width$}"),
            _ => " ".repeat(lineno_width),
        });
        fields.push("   ".to_string());
        fields.push(if targets.contains(&(i as u32)) { ">>" } else { "  " }.to_string());
        fields.push(format!("{i:>offset_width$}"));
        fields.push(format!("{:<20}", instr.op.name()));
        if instr.op.has_arg() {
            fields.push(format!("{:>5}", instr.arg));
            if let Some(meaning) = arg_repr(code, instr.op, instr.arg) {
                fields.push(format!("({meaning})"));
            }
        }
        out.push_str(fields.join(" ").trim_end());
        out.push('\n');
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exception_table {
            let lasti = if e.lasti { " lasti" } else { "" };
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{lasti}",
                e.start,
                e.end.saturating_sub(1),
                e.target,
                e.depth
            );
        }
    }
    out
}

fn arg_repr(code: &CodeObject, op: Opcode, arg: u32) -> Option<String> {
    let i = arg as usize;
    if op == Opcode::LoadConst {
        return code.constants.get(i).map(constant_repr);
    }
    if op.uses_name() {
        return code.names.get(i).cloned();
    }
    if op.uses_local() {
        return code.varnames.get(i).cloned();
    }
    if op.is_jump() {
        return Some(format!("to {arg}"));
    }
    match op {
        Opcode::BinaryOp => BINARY_OP_SYMBOLS.get(i).map(|s| s.to_string()),
        Opcode::CompareOp => COMPARE_OP_SYMBOLS.get(i).map(|s| s.to_string()),
        Opcode::FormatValue => {
            let mut s = ["", "str", "repr", "ascii"][i & 3].to_string();
            if arg & 4 != 0 {
                if !s.is_empty() {
                    s.push_str(", ");
                }
                s.push_str("with format");
            }
            (!s.is_empty()).then_some(s)
        }
        Opcode::MakeFunction => {
            let names = ["defaults", "kwdefaults", "annotations", "closure"];
            let parts: Vec<&str> = names
                .iter()
                .enumerate()
                .filter(|(b, _)| arg & (1 << b) != 0)
                .map(|(_, n)| *n)
                .collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        _ => None,
    }
}

/// `<code object NAME, file "FILE", line N>`.
pub fn code_repr(code: &CodeObject) -> String {
    format!("<code object {}, file \"{}\", line {}>", code.name, code.filename, code.first_line)
}

/// Python's `repr()` of a constant.
pub fn constant_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".to_string(),
        Constant::Bool(true) => "True".to_string(),
        Constant::Bool(false) => "False".to_string(),
        Constant::Ellipsis => "Ellipsis".to_string(),
        Constant::Int(IntLit::Small(v)) => v.to_string(),
        Constant::Int(IntLit::Big(b)) => b.to_string(),
        Constant::Float(f) => repr_float(*f),
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(constant_repr).collect();
            if items.len() == 1 {
                format!("({},)", inner[0])
            } else {
                format!("({})", inner.join(", "))
            }
        }
        Constant::Code(code) => code_repr(code),
    }
}

/// Python's `repr()` of a float: the shortest round-tripping digits, in positional notation
/// when the decimal exponent is in `-4 <= e < 16`, else `d.ddde+XX`.
pub fn repr_float(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sci = format!("{:e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').expect("`{:e}` has an exponent");
    let exp: i32 = exp.parse().expect("valid exponent");
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if f.is_sign_negative() { "-" } else { "" };
    let decpt = exp + 1;
    let body = if (-4 < decpt) && (decpt <= 16) {
        let n = digits.len() as i32;
        if decpt <= 0 {
            format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
        } else if decpt >= n {
            format!("{}{}.0", digits, "0".repeat((decpt - n) as usize))
        } else {
            format!("{}.{}", &digits[..decpt as usize], &digits[decpt as usize..])
        }
    } else {
        let rest = if digits.len() > 1 { format!(".{}", &digits[1..]) } else { String::new() };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{}{}e{}{:02}", &digits[..1], rest, esign, exp.abs())
    };
    format!("{sign}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_repr_matches_python() {
        assert_eq!(repr_float(1.0), "1.0");
        assert_eq!(repr_float(0.1), "0.1");
        assert_eq!(repr_float(-0.0), "-0.0");
        assert_eq!(repr_float(1e16), "1e+16");
        assert_eq!(repr_float(1e15), "1000000000000000.0");
        assert_eq!(repr_float(123456789012345680.0), "1.2345678901234568e+17");
        assert_eq!(repr_float(0.0001), "0.0001");
        assert_eq!(repr_float(0.00001), "1e-05");
        assert_eq!(repr_float(1.5e-7), "1.5e-07");
        assert_eq!(repr_float(2.75), "2.75");
        assert_eq!(repr_float(f64::INFINITY), "inf");
        assert_eq!(repr_float(2.5e300), "2.5e+300");
    }
}
