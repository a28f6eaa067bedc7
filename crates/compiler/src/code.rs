//! Code objects: the compiler's output and the VM's input.
//!
//! A [`CodeObject`] is immutable once built and is `Send + Sync`, so threads share it through an
//! `Arc`. Its layout follows CPython 3.11's `PyCodeObject` with the simplifications described on
//! each field.

use crate::opcode::Opcode;
use gillab_syntax::ast::IntLit;
use std::sync::Arc;

/// One instruction: an opcode and its argument (0 when the opcode takes none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Instr {
    /// The operation.
    pub op: Opcode,
    /// The argument; jump arguments are absolute instruction indices.
    pub arg: u32,
}

/// One entry of the zero-cost exception table.
///
/// When an exception is raised by instruction `i` with `start <= i < end`, the VM pops the
/// value stack down to `depth` items, pushes `i` as an int if `lasti` is set, pushes the
/// exception object, and continues at `target`. Entries never overlap; an instruction covered by
/// no entry propagates the exception out of the frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ExceptionEntry {
    /// First covered instruction index.
    pub start: u32,
    /// One past the last covered instruction index.
    pub end: u32,
    /// Index of the handler's first instruction.
    pub target: u32,
    /// Stack depth to unwind to before pushing.
    pub depth: u32,
    /// Whether the raising instruction's index is pushed below the exception.
    pub lasti: bool,
}

/// Code-object flags (CPython's `CO_*` values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct CodeFlags(pub u32);

impl CodeFlags {
    /// Locals live in fast slots (functions, lambdas, comprehensions).
    pub const OPTIMIZED: CodeFlags = CodeFlags(0x01);
    /// A new locals namespace is created per call (functions, lambdas, comprehensions).
    pub const NEWLOCALS: CodeFlags = CodeFlags(0x02);
    /// The function has a `*args` parameter.
    pub const VARARGS: CodeFlags = CodeFlags(0x04);
    /// The function has a `**kwargs` parameter.
    pub const VARKEYWORDS: CodeFlags = CodeFlags(0x08);
    /// The code is nested inside a function.
    pub const NESTED: CodeFlags = CodeFlags(0x10);
    /// Calling the function makes a generator (its body contains `yield`).
    pub const GENERATOR: CodeFlags = CodeFlags(0x20);
    /// Calling the function makes a coroutine (`async def`).
    pub const COROUTINE: CodeFlags = CodeFlags(0x80);
    /// Calling the function makes an async generator (`async def` with `yield`).
    pub const ASYNC_GENERATOR: CodeFlags = CodeFlags(0x200);

    /// Whether every bit of `other` is set.
    pub fn contains(self, other: CodeFlags) -> bool {
        self.0 & other.0 == other.0
    }

    /// Sets the bits of `other`.
    pub fn insert(&mut self, other: CodeFlags) {
        self.0 |= other.0;
    }
}

impl std::ops::BitOr for CodeFlags {
    type Output = CodeFlags;
    fn bitor(self, rhs: CodeFlags) -> CodeFlags {
        CodeFlags(self.0 | rhs.0)
    }
}

/// A compile-time constant (`co_consts` entry).
///
/// Equal-looking constants of different types (`0`, `0.0`, `-0.0`, `False`) are distinct and
/// never merged; see [`Constant::same`].
#[derive(Debug, Clone)]
pub enum Constant {
    /// `None`
    None,
    /// `True` / `False`
    Bool(bool),
    /// `...`
    Ellipsis,
    /// An int.
    Int(IntLit),
    /// A float.
    Float(f64),
    /// A str.
    Str(String),
    /// A bytes object.
    Bytes(Vec<u8>),
    /// A tuple of constants (also the `kwnames` of `CALL_KW` and keys of `BUILD_CONST_KEY_MAP`).
    Tuple(Vec<Constant>),
    /// A nested code object (function, lambda, class body or comprehension).
    Code(Arc<CodeObject>),
}

impl Constant {
    /// Identity for deduplication: same type and same value, floats compared by bit pattern,
    /// code objects by pointer.
    pub fn same(&self, other: &Constant) -> bool {
        match (self, other) {
            (Constant::None, Constant::None) | (Constant::Ellipsis, Constant::Ellipsis) => true,
            (Constant::Bool(a), Constant::Bool(b)) => a == b,
            (Constant::Int(a), Constant::Int(b)) => a == b,
            (Constant::Float(a), Constant::Float(b)) => a.to_bits() == b.to_bits(),
            (Constant::Str(a), Constant::Str(b)) => a == b,
            (Constant::Bytes(a), Constant::Bytes(b)) => a == b,
            (Constant::Tuple(a), Constant::Tuple(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same(y))
            }
            (Constant::Code(a), Constant::Code(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// Python truthiness of the constant.
    pub fn is_truthy(&self) -> bool {
        match self {
            Constant::None => false,
            Constant::Bool(b) => *b,
            Constant::Ellipsis | Constant::Code(_) => true,
            Constant::Int(IntLit::Small(v)) => *v != 0,
            Constant::Int(IntLit::Big(_)) => true,
            Constant::Float(f) => *f != 0.0,
            Constant::Str(s) => !s.is_empty(),
            Constant::Bytes(b) => !b.is_empty(),
            Constant::Tuple(t) => !t.is_empty(),
        }
    }
}

/// A compiled unit: a module, function, lambda, class body or comprehension.
///
/// The frame's fast slots ("localsplus", as in CPython 3.11) are named by `varnames`, which holds
/// three consecutive groups:
///
/// 1. `varnames[..nlocals]`: plain locals, parameters first (positional, then keyword-only,
///    then `*args`, then `**kwargs`), then the other locals. A parameter that is captured by an
///    inner function stays here and is turned into a cell by `MAKE_CELL` at function start.
/// 2. `varnames[nlocals..nlocals + ncellvars]`: cell variables that are not parameters.
/// 3. the last `nfreevars`: free variables, filled from the closure by `COPY_FREE_VARS`.
///
/// `cells` lists every slot that holds a cell after the prologue (groups 1 and 2).
#[derive(Debug, Clone)]
pub struct CodeObject {
    /// `co_name`: `<module>`, the function or class name, `<lambda>`, `<listcomp>`, ...
    pub name: String,
    /// `co_qualname`, e.g. `f.<locals>.g` or `C.method`.
    pub qualname: String,
    /// The source file name.
    pub filename: Arc<str>,
    /// The first source line (the first decorator's line for decorated definitions).
    pub first_line: u32,
    /// Number of positional parameters (comprehensions: 1, the iterator `.0`).
    pub argcount: u32,
    /// Number of keyword-only parameters.
    pub kwonlyargcount: u32,
    /// `CO_*` flags.
    pub flags: CodeFlags,
    /// The bytecode.
    pub instructions: Vec<Instr>,
    /// Source line of each instruction, parallel to `instructions`.
    pub lines: Vec<u32>,
    /// Constants referenced by `LOAD_CONST` (and the key/kwnames tuples). For functions (not
    /// lambdas or comprehensions) `constants[0]` is the docstring, or `None` when there is none.
    pub constants: Vec<Constant>,
    /// Names referenced by the name-indexed instructions (globals, attributes, imports).
    pub names: Vec<String>,
    /// The localsplus slot names (see the type documentation).
    pub varnames: Vec<String>,
    /// Number of plain local slots at the start of `varnames`.
    pub nlocals: u32,
    /// Number of non-parameter cell slots after them.
    pub ncellvars: u32,
    /// Number of free-variable slots at the end.
    pub nfreevars: u32,
    /// Every slot index that holds a cell after the prologue, in `MAKE_CELL` order.
    pub cells: Vec<u32>,
    /// The exception table, sorted by `start`.
    pub exception_table: Vec<ExceptionEntry>,
    /// The maximum value-stack depth the code can reach (NULL slots included).
    pub stacksize: u32,
}

impl CodeObject {
    /// Total number of localsplus slots.
    pub fn nlocalsplus(&self) -> usize {
        self.varnames.len()
    }

    /// The parameter names, in slot order (positional, keyword-only, `*args`, `**kwargs`).
    pub fn param_names(&self) -> &[String] {
        let n = self.argcount
            + self.kwonlyargcount
            + u32::from(self.flags.contains(CodeFlags::VARARGS))
            + u32::from(self.flags.contains(CodeFlags::VARKEYWORDS));
        &self.varnames[..n as usize]
    }

    /// The free-variable names (the last `nfreevars` slots), in closure order.
    pub fn freevar_names(&self) -> &[String] {
        &self.varnames[self.varnames.len() - self.nfreevars as usize..]
    }

    /// The names of the cell slots (`co_cellvars`, parameters included), in `cells` order.
    pub fn cellvar_names(&self) -> Vec<&str> {
        self.cells.iter().map(|&i| self.varnames[i as usize].as_str()).collect()
    }

    /// The handler covering instruction `index`, if any.
    pub fn handler_for(&self, index: u32) -> Option<&ExceptionEntry> {
        self.exception_table.iter().find(|e| e.start <= index && index < e.end)
    }

    /// The docstring, for function code objects (see `constants`).
    pub fn docstring(&self) -> Option<&str> {
        match self.constants.first() {
            Some(Constant::Str(s)) => Some(s),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn code_is_send_sync() {
        assert_send_sync::<CodeObject>();
        assert_send_sync::<Arc<CodeObject>>();
    }

    #[test]
    fn constants_distinguish_types() {
        let zero = Constant::Int(IntLit::Small(0));
        assert!(!zero.same(&Constant::Float(0.0)));
        assert!(!zero.same(&Constant::Bool(false)));
        assert!(!Constant::Float(0.0).same(&Constant::Float(-0.0)));
        assert!(Constant::Float(f64::NAN).same(&Constant::Float(f64::NAN)));
        let t1 = Constant::Tuple(vec![zero.clone()]);
        let t2 = Constant::Tuple(vec![Constant::Float(0.0)]);
        assert!(!t1.same(&t2));
        assert!(t1.same(&Constant::Tuple(vec![Constant::Int(IntLit::Small(0))])));
    }
}
