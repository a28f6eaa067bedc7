//! Fused int fast paths ("superinstructions"), found once per code object.
//!
//! Two four-instruction patterns dominate arithmetic loops:
//!
//! ```text
//! LOAD_FAST x; LOAD_CONST c; COMPARE_OP op; POP_JUMP_IF_FALSE/TRUE t     (while x > 0:)
//! LOAD_FAST x; LOAD_CONST c; BINARY_OP op; STORE_FAST y                  (x -= 1)
//! ```
//!
//! When the local and the constant are both ints, the eval loop runs the whole pattern in one
//! dispatch, reading the operands in place instead of pushing counted references (the
//! reference-count elision CPython 3.14 gets from borrowed stack references).
//!
//! Two more patterns read a local in place whatever its type:
//!
//! ```text
//! LOAD_FAST x; LOAD_ATTR name                       (x.name)
//! LOAD_FAST x; LOAD_CONST k; BINARY_SUBSCR          (x[k])
//! ```
//!
//! The attribute read or subscript is done on the local's own reference, which the frame
//! holds for the whole operation: Python code that the operation may run (a property, a
//! `__getitem__`) runs in other frames and cannot rebind this frame's locals, and no other
//! thread can reach them. So reading an attribute of a shared object from a local takes no
//! counted reference to the object, which on the free-threaded backends is a write to a cache
//! line every reader shares (CPython 3.14's `LOAD_FAST_BORROW` does the same). The bytecode and
//! `dis` are unchanged; jumps into the middle of a pattern simply run the plain instructions;
//! any case the fast path does not cover (an unbound local, a non-int, an overflow, a
//! division by zero) falls back to the plain instructions before anything happened. The
//! `--no-rc-elision` switch turns fusion off, so reports can show what it is worth.
//!
//! This module is the analysis; what it finds is a [`Fused`], a data type of the object model
//! that each [`crate::object::CodeRef`] keeps.

use crate::object::Fused;
use gillab_compiler::{CodeObject, Constant, Opcode};
use gillab_syntax::ast::IntLit;

/// For each instruction, the fused pattern that starts there (only at `LOAD_FAST`s).
pub fn find(code: &CodeObject) -> Box<[Option<Fused>]> {
    let ins = &code.instructions;
    let mut out = vec![None; ins.len()];
    for i in 0..ins.len().saturating_sub(1) {
        if ins[i].op != Opcode::LoadFast {
            continue;
        }
        if ins[i + 1].op == Opcode::LoadAttr {
            out[i] = Some(Fused::LoadAttr { name: ins[i + 1].arg });
            continue;
        }
        if ins[i + 1].op != Opcode::LoadConst || i + 2 >= ins.len() {
            continue;
        }
        if ins[i + 2].op == Opcode::BinarySubscr {
            out[i] = Some(Fused::SubscrConst { konst: ins[i + 1].arg });
            continue;
        }
        if i + 3 >= ins.len() {
            continue;
        }
        let Some(Constant::Int(IntLit::Small(konst))) = code.constants.get(ins[i + 1].arg as usize)
        else {
            continue;
        };
        let (third, fourth) = (ins[i + 2], ins[i + 3]);
        out[i] = match (third.op, fourth.op) {
            (Opcode::CompareOp, Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue)
                if third.arg < 6 =>
            {
                Some(Fused::CompareJump {
                    local: ins[i].arg,
                    konst: *konst,
                    cmp: third.arg as u8,
                    jump_if: fourth.op == Opcode::PopJumpIfTrue,
                    target: fourth.arg,
                })
            }
            (Opcode::BinaryOp, Opcode::StoreFast) if third.arg < 26 => Some(Fused::BinopStore {
                local: ins[i].arg,
                konst: *konst,
                op: third.arg as u8,
                dest: fourth.arg,
            }),
            _ => None,
        };
    }
    out.into_boxed_slice()
}

/// `a op b` for `BINARY_OP`'s argument, when it stays a 64-bit int without raising (also the
/// eval loop's plain `BINARY_OP` int fast path).
#[inline(always)]
pub fn int_binop(op: u8, a: i64, b: i64) -> Option<i64> {
    match op {
        0 | 13 => a.checked_add(b),
        10 | 23 => a.checked_sub(b),
        5 | 18 => a.checked_mul(b),
        1 | 14 => Some(a & b),
        7 | 20 => Some(a | b),
        12 | 25 => Some(a ^ b),
        6 | 19 if b > 0 => Some(a.rem_euclid(b)),
        2 | 15 if b > 0 => Some(a.div_euclid(b)),
        _ => None,
    }
}

/// `a op b` for `BINARY_OP`'s argument on two floats (or a float and an int, converted as
/// CPython's `PyLong_AsDouble` does for an `i64`: rounded to nearest, ties to even), where the
/// result is a float and cannot raise; `None` sends the operation to the generic path.
/// CPython 3.11 specialises the same cases (`BINARY_OP_ADD_FLOAT`, `_MULTIPLY_FLOAT`,
/// `_SUBTRACT_FLOAT`).
#[inline(always)]
pub fn float_binop(op: u8, a: f64, b: f64) -> Option<f64> {
    match op {
        0 | 13 => Some(a + b),
        10 | 23 => Some(a - b),
        5 | 18 => Some(a * b),
        11 | 24 if b != 0.0 => Some(a / b),
        _ => None,
    }
}

/// `a cmp b` for `COMPARE_OP`'s argument.
#[inline(always)]
pub fn int_compare(cmp: u8, a: i64, b: i64) -> bool {
    match cmp {
        0 => a < b,
        1 => a <= b,
        2 => a == b,
        3 => a != b,
        4 => a > b,
        _ => a >= b,
    }
}

#[cfg(test)]
mod tests {
    use super::{find, int_binop, int_compare};
    use crate::object::Fused;
    use gillab_compiler::{Constant, compile_source};

    #[test]
    fn finds_the_countdown_patterns() {
        let module =
            compile_source("def f(n):\n    while n > 0:\n        n -= 1\n", "t.py").expect("ok");
        let Some(Constant::Code(f)) =
            module.constants.iter().find(|c| matches!(c, Constant::Code(_)))
        else {
            panic!("no function")
        };
        let fused: Vec<Fused> = find(f).iter().flatten().copied().collect();
        assert!(
            fused
                .iter()
                .any(|x| matches!(x, Fused::CompareJump { konst: 0, cmp: 4, jump_if: false, .. })),
            "{fused:?}"
        );
        assert!(
            fused.iter().any(|x| matches!(x, Fused::BinopStore { konst: 1, op: 23, .. })),
            "{fused:?}"
        );
    }

    #[test]
    fn finds_attribute_reads_and_constant_subscripts_of_locals() {
        let module = compile_source(
            "def f(o):
    return o.width + o[0]
",
            "t.py",
        )
        .expect("ok");
        let Some(Constant::Code(f)) =
            module.constants.iter().find(|c| matches!(c, Constant::Code(_)))
        else {
            panic!("no function")
        };
        let fused: Vec<Fused> = find(f).iter().flatten().copied().collect();
        assert!(fused.iter().any(|x| matches!(x, Fused::LoadAttr { .. })), "{fused:?}");
        assert!(fused.iter().any(|x| matches!(x, Fused::SubscrConst { .. })), "{fused:?}");
    }

    #[test]
    fn int_ops_refuse_what_python_would_not_do_in_64_bits() {
        assert_eq!(int_binop(0, i64::MAX, 1), None);
        assert_eq!(int_binop(6, -7, 2), Some(1));
        assert_eq!(int_binop(2, -7, 2), Some(-4));
        assert_eq!(int_binop(2, 7, 0), None);
        assert_eq!(int_binop(8, 2, 3), None);
        assert!(int_compare(4, 1, 0) && !int_compare(0, 1, 0) && int_compare(5, 0, 0));
    }
}
