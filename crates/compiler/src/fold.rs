//! Constant folding, a conservative subset of CPython 3.11's `ast_opt.c`.
//!
//! [`fold`] evaluates an expression at compile time when that cannot change behaviour:
//!
//! * literals, and tuples whose elements all fold (`(1, 'a')` is one `LOAD_CONST`);
//! * `-x`, `+x`, `~x` on ints and floats, `not x` on any constant;
//! * `+ - * // % ** << >> & | ^` on ints when the result fits in an `i64` (no division by zero,
//!   no negative shift or exponent), `+ - * /` on ints and floats, `str + str` and `str * int`
//!   up to 4096 characters (CPython's limit);
//! * the name `__debug__` (always `True`).
//!
//! Bools are never folded as numbers, and nothing is folded into a value larger than CPython
//! would build, so folding never raises and never allocates much.

use crate::code::Constant;
use gillab_syntax::ast::{BinOp, Expr, ExprKind, IntLit, UnaryOp};
use num_bigint::BigInt;

const MAX_STR_SIZE: usize = 4096;

/// The constant value of `e`, if it can be computed at compile time.
pub fn fold(e: &Expr) -> Option<Constant> {
    match &e.kind {
        ExprKind::None => Some(Constant::None),
        ExprKind::Bool(b) => Some(Constant::Bool(*b)),
        ExprKind::Ellipsis => Some(Constant::Ellipsis),
        ExprKind::Int(i) => Some(Constant::Int(normalize(i.clone()))),
        ExprKind::Float(f) => Some(Constant::Float(*f)),
        ExprKind::Str(s) => Some(Constant::Str(s.clone())),
        ExprKind::Bytes(b) => Some(Constant::Bytes(b.clone())),
        ExprKind::Name(n) if n == "__debug__" => Some(Constant::Bool(true)),
        ExprKind::Tuple(elts) => fold_all(elts).map(Constant::Tuple),
        ExprKind::UnaryOp { op, operand } => fold_unary(*op, fold(operand)?),
        ExprKind::BinOp { left, op, right } => {
            let l = fold(left)?;
            let r = fold(right)?;
            fold_binary(&l, *op, &r)
        }
        _ => None,
    }
}

/// The constants of all of `elts`, if every one folds (and none is starred).
pub fn fold_all(elts: &[Expr]) -> Option<Vec<Constant>> {
    elts.iter().map(fold).collect()
}

fn normalize(i: IntLit) -> IntLit {
    match i {
        IntLit::Big(b) => match i64::try_from(&b) {
            Ok(v) => IntLit::Small(v),
            Err(_) => IntLit::Big(b),
        },
        small => small,
    }
}

fn fold_unary(op: UnaryOp, v: Constant) -> Option<Constant> {
    Some(match (op, v) {
        (UnaryOp::Not, v) => Constant::Bool(!v.is_truthy()),
        (UnaryOp::Neg, Constant::Int(IntLit::Small(i))) => match i.checked_neg() {
            Some(n) => Constant::Int(IntLit::Small(n)),
            None => Constant::Int(normalize(IntLit::Big(-BigInt::from(i)))),
        },
        (UnaryOp::Neg, Constant::Int(IntLit::Big(b))) => Constant::Int(normalize(IntLit::Big(-b))),
        (UnaryOp::Neg, Constant::Float(f)) => Constant::Float(-f),
        (UnaryOp::Pos, c @ (Constant::Int(_) | Constant::Float(_))) => c,
        (UnaryOp::Invert, Constant::Int(IntLit::Small(i))) => Constant::Int(IntLit::Small(!i)),
        _ => return None,
    })
}

fn small(v: i64) -> Option<Constant> {
    Some(Constant::Int(IntLit::Small(v)))
}

fn fold_binary(l: &Constant, op: BinOp, r: &Constant) -> Option<Constant> {
    use Constant::{Float, Int, Str};
    match (l, r) {
        (Int(IntLit::Small(a)), Int(IntLit::Small(b))) => fold_ints(*a, op, *b),
        (Float(a), Float(b)) => fold_floats(*a, op, *b),
        (Int(IntLit::Small(a)), Float(b)) => fold_floats(*a as f64, op, *b),
        (Float(a), Int(IntLit::Small(b))) => fold_floats(*a, op, *b as f64),
        (Str(a), Str(b)) if op == BinOp::Add => {
            let len = a.chars().count() + b.chars().count();
            (len <= MAX_STR_SIZE).then(|| Str(format!("{a}{b}")))
        }
        (Str(s), Int(IntLit::Small(n))) | (Int(IntLit::Small(n)), Str(s)) if op == BinOp::Mult => {
            let n = usize::try_from(*n).unwrap_or(0);
            let len = s.chars().count().checked_mul(n)?;
            (len <= MAX_STR_SIZE).then(|| Str(s.repeat(n)))
        }
        _ => None,
    }
}

fn fold_ints(a: i64, op: BinOp, b: i64) -> Option<Constant> {
    match op {
        BinOp::Add => small(a.checked_add(b)?),
        BinOp::Sub => small(a.checked_sub(b)?),
        BinOp::Mult => small(a.checked_mul(b)?),
        BinOp::FloorDiv => {
            if b == 0 {
                return None;
            }
            let q = a.checked_div(b)?;
            small(if (a % b != 0) && ((a < 0) != (b < 0)) { q - 1 } else { q })
        }
        BinOp::Mod => {
            if b == 0 {
                return None;
            }
            let m = a.checked_rem(b)?;
            small(if m != 0 && ((m < 0) != (b < 0)) { m + b } else { m })
        }
        BinOp::Pow => {
            let e = u32::try_from(b).ok()?;
            small(a.checked_pow(e)?)
        }
        BinOp::LShift => {
            let s = u32::try_from(b).ok().filter(|s| *s < 63)?;
            let v = a.checked_shl(s)?;
            (v >> s == a).then_some(())?;
            small(v)
        }
        BinOp::RShift => {
            if b < 0 {
                return None;
            }
            small(if b >= 64 { if a < 0 { -1 } else { 0 } } else { a >> b })
        }
        BinOp::BitAnd => small(a & b),
        BinOp::BitOr => small(a | b),
        BinOp::BitXor => small(a ^ b),
        BinOp::Div => {
            const EXACT: i64 = 1 << 53;
            if b == 0 || a.abs() > EXACT || b.abs() > EXACT {
                return None;
            }
            Some(Constant::Float(a as f64 / b as f64))
        }
        BinOp::MatMult => None,
    }
}

fn fold_floats(a: f64, op: BinOp, b: f64) -> Option<Constant> {
    let v = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mult => a * b,
        BinOp::Div if b != 0.0 => a / b,
        _ => return None,
    };
    Some(Constant::Float(v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use gillab_syntax::Span;

    fn e(kind: ExprKind) -> Expr {
        Expr { kind, span: Span::default() }
    }

    fn int(v: i64) -> Expr {
        e(ExprKind::Int(IntLit::Small(v)))
    }

    fn bin(l: Expr, op: BinOp, r: Expr) -> Expr {
        e(ExprKind::BinOp { left: Box::new(l), op, right: Box::new(r) })
    }

    fn as_int(c: Option<Constant>) -> Option<i64> {
        match c {
            Some(Constant::Int(IntLit::Small(v))) => Some(v),
            _ => None,
        }
    }

    #[test]
    fn python_int_semantics() {
        assert_eq!(as_int(fold(&bin(int(-7), BinOp::FloorDiv, int(2)))), Some(-4));
        assert_eq!(as_int(fold(&bin(int(-7), BinOp::Mod, int(2)))), Some(1));
        assert_eq!(as_int(fold(&bin(int(7), BinOp::Mod, int(-2)))), Some(-1));
        assert_eq!(as_int(fold(&bin(int(2), BinOp::Pow, int(10)))), Some(1024));
        assert_eq!(as_int(fold(&bin(int(-8), BinOp::RShift, int(100)))), Some(-1));
        assert!(fold(&bin(int(1), BinOp::FloorDiv, int(0))).is_none());
        assert!(fold(&bin(int(2), BinOp::Pow, int(-1))).is_none());
        assert!(fold(&bin(int(i64::MAX), BinOp::Add, int(1))).is_none());
        assert!(fold(&bin(int(1), BinOp::LShift, int(63))).is_none());
    }

    #[test]
    fn unary_and_strings() {
        let neg = e(ExprKind::UnaryOp { op: UnaryOp::Neg, operand: Box::new(int(1)) });
        assert_eq!(as_int(fold(&neg)), Some(-1));
        let big = e(ExprKind::Int(IntLit::Big(BigInt::from(i64::MAX) + 1)));
        let neg_big = e(ExprKind::UnaryOp { op: UnaryOp::Neg, operand: Box::new(big) });
        assert_eq!(as_int(fold(&neg_big)), Some(i64::MIN));
        let s = bin(e(ExprKind::Str("ab".into())), BinOp::Mult, int(3));
        assert!(matches!(fold(&s), Some(Constant::Str(x)) if x == "ababab"));
        let huge = bin(e(ExprKind::Str("ab".into())), BinOp::Mult, int(5000));
        assert!(fold(&huge).is_none());
        let b =
            e(ExprKind::UnaryOp { op: UnaryOp::Neg, operand: Box::new(e(ExprKind::Bool(true))) });
        assert!(fold(&b).is_none());
    }
}
