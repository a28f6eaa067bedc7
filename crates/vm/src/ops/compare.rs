//! Comparison and hashing: `==`, `<` and friends with Python's rules for mixed numbers,
//! sequences, sets and user `__eq__`/`__lt__`, and `hash()` compatible across `int`, `float`,
//! `bool`. *Plain* values ([`is_plain`]: numbers, `str`, `bytes`, `None` and tuples of them)
//! also have a `<` that runs no Python code and reads no cell ([`lt_plain`]), so that a key-less
//! sort of them can run inside the list's guard.

use super::attr::call_dunder;
use super::{is_true, type_name};
use crate::backend::Backend;
use crate::ctx::{Ctx, PyResult};
use crate::object::{Payload, PyRef};
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use std::cmp::Ordering;

/// Comparison operators, numbered as `COMPARE_OP`'s argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `<`
    Lt = 0,
    /// `<=`
    Le = 1,
    /// `==`
    Eq = 2,
    /// `!=`
    Ne = 3,
    /// `>`
    Gt = 4,
    /// `>=`
    Ge = 5,
}

impl CmpOp {
    /// From `COMPARE_OP`'s argument.
    pub fn from_arg(arg: u32) -> CmpOp {
        match arg {
            0 => CmpOp::Lt,
            1 => CmpOp::Le,
            2 => CmpOp::Eq,
            3 => CmpOp::Ne,
            4 => CmpOp::Gt,
            _ => CmpOp::Ge,
        }
    }

    /// The operator text.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    fn dunder(self) -> &'static str {
        match self {
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
        }
    }

    fn reflected(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }

    fn test(self, ord: Ordering) -> bool {
        match self {
            CmpOp::Lt => ord == Ordering::Less,
            CmpOp::Le => ord != Ordering::Greater,
            CmpOp::Eq => ord == Ordering::Equal,
            CmpOp::Ne => ord != Ordering::Equal,
            CmpOp::Gt => ord == Ordering::Greater,
            CmpOp::Ge => ord != Ordering::Less,
        }
    }
}

/// A number as the comparison and hashing code sees it.
pub enum Num<'a> {
    /// int or bool.
    Int(i64),
    /// A big int.
    Big(&'a BigInt),
    /// A float.
    Float(f64),
}

/// The numeric value of `obj`, if it is an int, bool or float.
pub fn as_num<B: Backend>(obj: &PyRef<B>) -> Option<Num<'_>> {
    match &obj.payload {
        Payload::Int(i) => Some(Num::Int(*i)),
        Payload::Bool(b) => Some(Num::Int(*b as i64)),
        Payload::BigInt(b) => Some(Num::Big(b)),
        Payload::Float(f) => Some(Num::Float(*f)),
        _ => None,
    }
}

fn cmp_big_float(b: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    // Compare exactly: the float's integer part as a big int, then its fraction.
    let fi = f.trunc();
    let fb = BigInt::from(fi as i128);
    let fb = if fi.abs() < 1e38 { fb } else { num_bigint_from_f64(fi) };
    match b.cmp(&fb) {
        Ordering::Equal => 0.0f64.partial_cmp(&(f - fi)),
        o => Some(o),
    }
}

fn num_bigint_from_f64(f: f64) -> BigInt {
    use num_traits::FromPrimitive;
    BigInt::from_f64(f).unwrap_or_default()
}

/// Orders two numbers; `None` when unordered (NaN).
pub fn num_cmp(a: &Num<'_>, b: &Num<'_>) -> Option<Ordering> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(y),
        (Num::Int(x), Num::Float(y)) => {
            if x.unsigned_abs() < (1u64 << 53) {
                (*x as f64).partial_cmp(y)
            } else {
                cmp_big_float(&BigInt::from(*x), *y)
            }
        }
        (Num::Float(_), Num::Int(_)) => num_cmp(b, a).map(Ordering::reverse),
        (Num::Big(x), Num::Big(y)) => Some(x.cmp(y)),
        (Num::Big(x), Num::Int(y)) => Some((*x).cmp(&BigInt::from(*y))),
        (Num::Int(_), Num::Big(_)) => num_cmp(b, a).map(Ordering::reverse),
        (Num::Big(x), Num::Float(y)) => cmp_big_float(x, *y),
        (Num::Float(_), Num::Big(_)) => num_cmp(b, a).map(Ordering::reverse),
    }
}

/// Equality of built-in values decided without Python code; `None` if either side (or an
/// element of a tuple) needs `__eq__`.
pub fn eq_builtin<B: Backend>(a: &PyRef<B>, b: &PyRef<B>) -> Option<bool> {
    eq_builtin_depth(a, b, 0)
}

/// Nested tuples deeper than this are left to the guarded comparison path.
const EQ_FAST_DEPTH: u32 = 64;

fn eq_builtin_depth<B: Backend>(a: &PyRef<B>, b: &PyRef<B>, depth: u32) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return Some(num_cmp(&x, &y) == Some(Ordering::Equal));
    }
    match (&a.payload, &b.payload) {
        (Payload::Str(x), Payload::Str(y)) => Some(x.as_str() == y.as_str()),
        (Payload::Bytes(x), Payload::Bytes(y)) => Some(x == y),
        (Payload::None, Payload::None) => Some(true),
        (Payload::Tuple(x), Payload::Tuple(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            if depth >= EQ_FAST_DEPTH {
                return None;
            }
            for (p, q) in x.iter().zip(y.iter()) {
                if !eq_builtin_depth(p, q, depth + 1)? {
                    return Some(false);
                }
            }
            Some(true)
        }
        (Payload::Range(x), Payload::Range(y)) => Some(
            (x.is_empty() && y.is_empty())
                || (x.len() == y.len() && x.start == y.start && (x.len() == 1 || x.step == y.step)),
        ),
        (
            Payload::Instance(_)
            | Payload::Native(_)
            | Payload::List(_)
            | Payload::Dict(_)
            | Payload::Set(_)
            | Payload::FrozenSet(_),
            _,
        )
        | (
            _,
            Payload::Instance(_)
            | Payload::Native(_)
            | Payload::List(_)
            | Payload::Dict(_)
            | Payload::Set(_)
            | Payload::FrozenSet(_),
        ) => None,
        _ => Some(false),
    }
}

/// CPython's `frozenset` hash from its elements' hashes: independent of their order (each
/// hash's bits shuffled and xored in), then mixed with the size and dispersed so that nested
/// frozensets spread, as `frozenset_hash` in CPython's `setobject.c` computes it.
pub fn frozenset_hash(hashes: impl Iterator<Item = i64>, len: usize) -> i64 {
    let shuffle = |h: u64| ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    let mut h = hashes.fold(0u64, |acc, e| acc ^ shuffle(e as u64));
    h ^= (len as u64 + 1).wrapping_mul(1927868237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69069).wrapping_add(907133923);
    if h == u64::MAX { 590923713 } else { h as i64 }
}

/// `a == b`.
pub fn eq<B: Backend>(ctx: &mut Ctx<'_, B>, a: &PyRef<B>, b: &PyRef<B>) -> PyResult<B, bool> {
    if let Some(r) = eq_builtin(a, b) {
        return Ok(r);
    }
    let r = rich_compare(ctx, a, b, CmpOp::Eq)?;
    is_true(ctx, &r)
}

fn seq_items<B: Backend>(obj: &PyRef<B>) -> Option<Vec<PyRef<B>>> {
    match &obj.payload {
        Payload::Tuple(t) => Some(t.to_vec()),
        Payload::List(l) => Some(obj.read(l, |v| v.clone())),
        _ => None,
    }
}

fn compare_seqs<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    x: &[PyRef<B>],
    y: &[PyRef<B>],
    op: CmpOp,
) -> PyResult<B, bool> {
    ctx.enter_recursive(" in comparison")?;
    let r = compare_seqs_inner(ctx, x, y, op);
    ctx.leave_recursive();
    r
}

fn compare_seqs_inner<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    x: &[PyRef<B>],
    y: &[PyRef<B>],
    op: CmpOp,
) -> PyResult<B, bool> {
    for (p, q) in x.iter().zip(y.iter()) {
        if !eq(ctx, p, q)? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => {
                    let r = rich_compare(ctx, p, q, op)?;
                    is_true(ctx, &r)
                }
            };
        }
    }
    Ok(op.test(x.len().cmp(&y.len())))
}

/// `a op b` for built-in types; `None` when the types do not support it.
fn compare_builtin<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    a: &PyRef<B>,
    b: &PyRef<B>,
    op: CmpOp,
) -> PyResult<B, Option<bool>> {
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return Ok(Some(match num_cmp(&x, &y) {
            Some(o) => op.test(o),
            None => op == CmpOp::Ne,
        }));
    }
    let same_kind = std::mem::discriminant(&a.payload) == std::mem::discriminant(&b.payload);
    Ok(match (&a.payload, &b.payload) {
        (Payload::Str(x), Payload::Str(y)) => Some(op.test(x.as_str().cmp(y.as_str()))),
        (Payload::Bytes(x), Payload::Bytes(y)) => Some(op.test(x.cmp(y))),
        (Payload::Tuple(_), Payload::Tuple(_)) | (Payload::List(_), Payload::List(_)) => {
            let (x, y) = (seq_items(a).unwrap_or_default(), seq_items(b).unwrap_or_default());
            Some(compare_seqs(ctx, &x, &y, op)?)
        }
        (Payload::Dict(_), Payload::Dict(_)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
            // Values may be dicts nested without bound: counted as CPython counts every
            // comparison.
            ctx.enter_recursive(" in comparison")?;
            let r = dict_eq(ctx, a, b);
            ctx.leave_recursive();
            Some(r? == (op == CmpOp::Eq))
        }
        (Payload::Set(_) | Payload::FrozenSet(_), Payload::Set(_) | Payload::FrozenSet(_)) => {
            Some(set_compare(ctx, a, b, op)?)
        }
        _ if matches!(op, CmpOp::Eq | CmpOp::Ne) && !same_kind => {
            if matches!(a.payload, Payload::Instance(_))
                || matches!(b.payload, Payload::Instance(_))
            {
                None
            } else {
                Some(op == CmpOp::Ne)
            }
        }
        _ if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
            eq_builtin(a, b).map(|r| r == (op == CmpOp::Eq))
        }
        _ => None,
    })
}

fn dict_eq<B: Backend>(ctx: &mut Ctx<'_, B>, a: &PyRef<B>, b: &PyRef<B>) -> PyResult<B, bool> {
    let (Payload::Dict(da), Payload::Dict(db)) = (&a.payload, &b.payload) else {
        return Ok(false);
    };
    if a.read(da, |d| d.len()) != b.read(db, |d| d.len()) {
        return Ok(false);
    }
    let entries: Vec<_> = a.read(da, |d| d.iter().cloned().collect());
    for e in entries {
        match super::dicts::get(ctx, b, &e.key)? {
            Some(v) => {
                let av = e.value.unwrap_or_else(|| ctx.vm.core.none.clone());
                if !eq(ctx, &av, &v)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// Set comparisons (`<=` is subset, `<` proper subset, ...).
fn set_compare<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    a: &PyRef<B>,
    b: &PyRef<B>,
    op: CmpOp,
) -> PyResult<B, bool> {
    use super::dicts::{keys_of, len_of};
    let (la, lb) = (len_of(a), len_of(b));
    let subset = |ctx: &mut Ctx<'_, B>, p: &PyRef<B>, q: &PyRef<B>| -> PyResult<B, bool> {
        for k in keys_of(p) {
            if !super::seq::contains(ctx, q, &k)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    Ok(match op {
        CmpOp::Eq => la == lb && subset(ctx, a, b)?,
        CmpOp::Ne => !(la == lb && subset(ctx, a, b)?),
        CmpOp::Le => subset(ctx, a, b)?,
        CmpOp::Lt => la < lb && subset(ctx, a, b)?,
        CmpOp::Ge => subset(ctx, b, a)?,
        CmpOp::Gt => la > lb && subset(ctx, b, a)?,
    })
}

/// `a op b` returning the result object (user `__lt__` may return anything).
pub fn rich_compare<B: Backend>(
    ctx: &mut Ctx<'_, B>,
    a: &PyRef<B>,
    b: &PyRef<B>,
    op: CmpOp,
) -> PyResult<B, PyRef<B>> {
    let a_user = super::has_dunders(a);
    let b_user = super::has_dunders(b);
    if a_user || b_user {
        if a_user
            && let Some(r) = call_dunder(ctx, a, op.dunder(), std::slice::from_ref(b))?
            && !matches!(r.payload, Payload::NotImplemented)
        {
            return Ok(r);
        }
        if b_user
            && let Some(r) = call_dunder(ctx, b, op.reflected().dunder(), std::slice::from_ref(a))?
            && !matches!(r.payload, Payload::NotImplemented)
        {
            return Ok(r);
        }
        // A built-in right operand compares with the value a subclass of a built-in type
        // extends, as its type's comparison accepts subclasses (`{} == Counter()`).
        let (av, bv) = (super::value_of(a), super::value_of(b));
        if !b_user
            && !av.is(a)
            && let Some(r) = compare_builtin(ctx, b, av, op.reflected())?
        {
            return Ok(ctx.vm.bool(r));
        }
        if !a_user
            && !bv.is(b)
            && let Some(r) = compare_builtin(ctx, a, bv, op)?
        {
            return Ok(ctx.vm.bool(r));
        }
        if op == CmpOp::Ne
            && a_user
            && let Some(r) = call_dunder(ctx, a, "__eq__", std::slice::from_ref(b))?
            && !matches!(r.payload, Payload::NotImplemented)
        {
            let t = is_true(ctx, &r)?;
            return Ok(ctx.vm.bool(!t));
        }
        return match op {
            CmpOp::Eq => Ok(ctx.vm.bool(a.is(b))),
            CmpOp::Ne => Ok(ctx.vm.bool(!a.is(b))),
            _ => Err(unsupported(ctx, a, b, op)),
        };
    }
    match compare_builtin(ctx, a, b, op)? {
        Some(r) => Ok(ctx.vm.bool(r)),
        None => match op {
            CmpOp::Eq => Ok(ctx.vm.bool(a.is(b))),
            CmpOp::Ne => Ok(ctx.vm.bool(!a.is(b))),
            _ => Err(unsupported(ctx, a, b, op)),
        },
    }
}

fn unsupported<B: Backend>(
    ctx: &Ctx<'_, B>,
    a: &PyRef<B>,
    b: &PyRef<B>,
    op: CmpOp,
) -> crate::ctx::PyErr<B> {
    ctx.type_error(format!(
        "'{}' not supported between instances of '{}' and '{}'",
        op.symbol(),
        type_name(ctx.vm, a),
        type_name(ctx.vm, b)
    ))
}

/// `a < b` as a Rust bool (sorting, `min`, `max`).
pub fn lt<B: Backend>(ctx: &mut Ctx<'_, B>, a: &PyRef<B>, b: &PyRef<B>) -> PyResult<B, bool> {
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return Ok(num_cmp(&x, &y) == Some(Ordering::Less));
    }
    if let (Payload::Str(x), Payload::Str(y)) = (&a.payload, &b.payload) {
        return Ok(x.as_str() < y.as_str());
    }
    let r = rich_compare(ctx, a, b, CmpOp::Lt)?;
    is_true(ctx, &r)
}

/// Tuples nested deeper than this are not plain: their comparison is left to [`lt`], which
/// counts recursion as CPython does (and `eq_builtin` decides equality to depth 64).
const PLAIN_DEPTH: u32 = 16;

/// Whether `obj` is *plain*: `None`, a `bool`, `int`, `float`, `str` or `bytes`, or a tuple of
/// plain values nested at most [`PLAIN_DEPTH`] deep. Comparing two plain values runs no Python
/// code and touches no cell (tuples, strings and numbers are immutable: no `Backend::Cell`),
/// so [`lt_plain`] may run inside another object's guard (`docs/safety.md`, I3).
pub fn is_plain<B: Backend>(obj: &PyRef<B>) -> bool {
    is_plain_depth(obj, 0)
}

fn is_plain_depth<B: Backend>(obj: &PyRef<B>, depth: u32) -> bool {
    match &obj.payload {
        Payload::None
        | Payload::Bool(_)
        | Payload::Int(_)
        | Payload::BigInt(_)
        | Payload::Float(_)
        | Payload::Str(_)
        | Payload::Bytes(_) => true,
        Payload::Tuple(items) => {
            depth < PLAIN_DEPTH && items.iter().all(|x| is_plain_depth(x, depth + 1))
        }
        _ => false,
    }
}

/// Two values that `<` does not order, by type name: CPython's
/// "'<' not supported between instances of 'str' and 'int'".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unorderable(pub &'static str, pub &'static str);

impl Unorderable {
    /// The `TypeError`'s message.
    pub fn message(self) -> String {
        format!("'<' not supported between instances of '{}' and '{}'", self.0, self.1)
    }
}

/// `a < b` for two plain values ([`is_plain`]), with no Python code and no cell access: the
/// same answer as [`lt`], and [`Unorderable`] where `lt` raises its `TypeError` (`None < None`,
/// `'a' < 1`, or such a pair at the first position where two tuples differ). Tuples compare
/// as CPython's do: the first pair of items that is not equal (identity first, so a NaN equals
/// itself) decides, else the shorter is less.
pub fn lt_plain<B: Backend>(a: &PyRef<B>, b: &PyRef<B>) -> Result<bool, Unorderable> {
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return Ok(num_cmp(&x, &y) == Some(Ordering::Less));
    }
    match (&a.payload, &b.payload) {
        (Payload::Str(x), Payload::Str(y)) => Ok(x.as_str() < y.as_str()),
        (Payload::Bytes(x), Payload::Bytes(y)) => Ok(x < y),
        (Payload::Tuple(x), Payload::Tuple(y)) => {
            for (p, q) in x.iter().zip(y.iter()) {
                // Always decided for plain values, which nest less deep than `eq_builtin` gives
                // up at; "not equal" would still only lead to a plain `<`.
                if !eq_builtin(p, q).unwrap_or(false) {
                    return lt_plain(p, q);
                }
            }
            Ok(x.len() < y.len())
        }
        _ => Err(Unorderable(a.payload.kind_name(), b.payload.kind_name())),
    }
}

const MODULUS: u64 = (1 << 61) - 1;

/// Python's hash of an int.
pub fn hash_i64(v: i64) -> i64 {
    let m = (v.unsigned_abs() % MODULUS) as i64;
    let h = if v < 0 { -m } else { m };
    if h == -1 { -2 } else { h }
}

fn hash_big(v: &BigInt) -> i64 {
    let m = (v.magnitude() % MODULUS).to_i64().unwrap_or(0);
    let h = if v.sign() == num_bigint::Sign::Minus { -m } else { m };
    if h == -1 { -2 } else { h }
}

/// Python's hash of a float (equal to the hash of an equal int), CPython's `_Py_HashDouble`.
pub fn hash_f64(v: f64) -> i64 {
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    if v.is_nan() {
        return 0;
    }
    let (mut m, mut e) = frexp(v.abs());
    let mut x: u64 = 0;
    while !m.is_zero() {
        x = ((x << 28) & MODULUS) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    x = ((x << e) & MODULUS) | (x >> (61 - e));
    let h = if v < 0.0 { -(x as i64) } else { x as i64 };
    if h == -1 { -2 } else { h }
}

fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (0.0, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * 2f64.powi(54));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `hash(obj)`.
pub fn hash<B: Backend>(ctx: &mut Ctx<'_, B>, obj: &PyRef<B>) -> PyResult<B, i64> {
    Ok(match &obj.payload {
        Payload::Str(s) => s.hash(),
        Payload::Int(i) => hash_i64(*i),
        Payload::Bool(b) => *b as i64,
        Payload::BigInt(b) => hash_big(b),
        Payload::Float(f) => hash_f64(*f),
        Payload::None => 0x5f3759df,
        Payload::Bytes(b) => crate::object::str::hash_str(&String::from_utf8_lossy(b)) ^ 0x5bd1e995,
        Payload::Tuple(items) => {
            // CPython's xxHash-based tuple hash (CPython does not guard this recursion and
            // crashes on very deep tuples; here it is a RecursionError).
            ctx.enter_recursive("")?;
            let mut acc: u64 = 2870177450012600261;
            for it in items.iter() {
                let h = match hash(ctx, it) {
                    Ok(h) => h as u64,
                    Err(e) => {
                        ctx.leave_recursive();
                        return Err(e);
                    }
                };
                acc = acc.wrapping_add(h.wrapping_mul(14029467366897019727));
                acc = acc.rotate_left(31);
                acc = acc.wrapping_mul(11400714785074694791);
            }
            ctx.leave_recursive();
            acc = acc.wrapping_add((items.len() as u64) ^ (2870177450012600261 ^ 3527539));
            let h = acc as i64;
            if h == -1 { 1546275796 } else { h }
        }
        Payload::Range(r) => hash_i64(r.start ^ r.stop.rotate_left(20) ^ r.step.rotate_left(40)),
        Payload::FrozenSet(f) => {
            // Relaxed: the hash is a pure function of the immutable elements, so racing
            // threads store the same value and nothing else is published through it.
            let h = f.hash.load(std::sync::atomic::Ordering::Relaxed);
            if h != -1 {
                return Ok(h);
            }
            let h = frozenset_hash(f.table.iter().map(|e| e.hash), f.table.len());
            // Relaxed: as above.
            f.hash.store(h, std::sync::atomic::Ordering::Relaxed);
            h
        }
        Payload::List(_) | Payload::Dict(_) | Payload::Set(_) | Payload::Slice(_) => {
            return Err(ctx.type_error(format!("unhashable type: '{}'", type_name(ctx.vm, obj))));
        }
        Payload::Instance(inst) => {
            if let Some((h, builtin)) = super::attr::lookup_with_owner(
                &inst.class,
                "__hash__",
                crate::hash_lit!("__hash__"),
            ) {
                if builtin
                    && matches!(h.payload, Payload::Builtin(_))
                    && let Some(v) = &inst.value
                {
                    // A subclass of a built-in type that keeps its `__hash__`: the value's.
                    return hash(ctx, v);
                }
                if matches!(h.payload, Payload::None) {
                    return Err(
                        ctx.type_error(format!("unhashable type: '{}'", type_name(ctx.vm, obj)))
                    );
                }
                let r = super::call::call(ctx, &h, std::slice::from_ref(obj), &[])?;
                return match &r.payload {
                    // CPython's `slot_tp_hash`: a result that fits a machine word is the
                    // hash itself (-1 becomes -2); a larger one is hashed as an int.
                    Payload::Int(i) => Ok(if *i == -1 { -2 } else { *i }),
                    Payload::BigInt(b) => Ok(hash_big(b)),
                    Payload::Bool(b) => Ok(*b as i64),
                    _ => Err(ctx.type_error("__hash__ method should return an integer")),
                };
            }
            (obj.addr() >> 4) as i64
        }
        Payload::Native(n) => {
            // A native class may be unhashable (`__hash__ = None`) or define its own hash
            // (a built-in `__hash__` other than `object`'s).
            let name = "__hash__";
            let h = crate::object::str::hash_str(name);
            match super::attr::lookup_in_type(&n.class, name, h) {
                Some(f) if matches!(f.payload, Payload::None) => {
                    return Err(
                        ctx.type_error(format!("unhashable type: '{}'", type_name(ctx.vm, obj)))
                    );
                }
                Some(f)
                    if super::attr::lookup_in_type(&ctx.vm.core.object_type, name, h)
                        .is_none_or(|base| !base.is(&f)) =>
                {
                    let r = super::call::call(ctx, &f, std::slice::from_ref(obj), &[])?;
                    return match &r.payload {
                        Payload::Int(i) => Ok(hash_i64(*i)),
                        Payload::BigInt(b) => Ok(hash_big(b)),
                        Payload::Bool(b) => Ok(*b as i64),
                        _ => Err(ctx.type_error("__hash__ method should return an integer")),
                    };
                }
                _ => (obj.addr() >> 4) as i64,
            }
        }
        _ => (obj.addr() >> 4) as i64,
    })
}
