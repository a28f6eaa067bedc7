//! The bytecode compiler of gil-lab: AST to [`CodeObject`]s that the VM runs.
//!
//! The pipeline mirrors CPython 3.11's `compile.c`:
//!
//! 1. [`symtable`]: scope analysis (local / global / free / cell for every name, with CPython's
//!    rules and its `global`/`nonlocal` errors);
//! 2. `codegen`: one pseudo-instruction stream per code object (module, function, lambda,
//!    class body, comprehension), constructs compiled exactly as `compile.c` does;
//! 3. `assemble`: flow analysis for stack depth and exception handlers, dead-code removal,
//!    jump resolution, and the zero-cost exception table.
//!
//! The instruction set is in [`opcode`]; its documentation is the VM's specification (stack
//! effects and argument meanings for every opcode). [`dis`] prints code like Python's `dis`,
//! showing constants with [`repr`] (Python's `repr()` of str and bytes, which the VM uses too).
//!
//! # Differences from CPython 3.11
//!
//! * No `CACHE`, `RESUME`, `PRECALL`, `KW_NAMES`, `EXTENDED_ARG`; arguments are `u32` and jump
//!   arguments are **absolute instruction indices**. Unconditional jumps are `JUMP_FORWARD` or
//!   `JUMP_BACKWARD` by direction; loops test at the top so every back-edge is `JUMP_BACKWARD`
//!   and conditional jumps only go forward.
//! * Calls use the 3.13 layout `[callable, self_or_null, args...]` with `PUSH_NULL` *after* the
//!   callable, `CALL n`, `CALL_KW n` (kwnames tuple on the stack) and `CALL_FUNCTION_EX`.
//!   `LOAD_GLOBAL` has no NULL bit.
//! * `IMPORT_NAME` pops nothing (no level or fromlist) and pushes the top-level package;
//!   `from a.b import x` and `import a.b as c` reach the submodule with `IMPORT_FROM`.
//! * No `RETURN_GENERATOR`/`RESUME`: a code object with the `GENERATOR`, `COROUTINE` or
//!   `ASYNC_GENERATOR` flag makes its generator object when called (the VM checks the flag);
//!   `yield from`/`await` use 3.11's `SEND`/`YIELD_VALUE` loop (see `codegen::generators`).
//! * Constant sets are not frozensets: `{1, 2, 3}` uses `BUILD_SET 0; LOAD_CONST (1, 2, 3);
//!   SET_UPDATE 1`, and `x in {1, 2}` builds the set at run time.
//! * No `STACK_USE_GUIDELINE` rewriting of very long calls and displays (the VM takes any
//!   argument count), no `match`. Variable annotations in module and class bodies are
//!   stored in `__annotations__` as CPython does (strings, written by [`unparse`], under
//!   `from __future__ import annotations`); parameter and return annotations are discarded
//!   (functions have no `__annotations__`).
//! * Every instruction has a line number; compiler-generated ("artificial") instructions take
//!   the line of the construct being compiled.

#![forbid(unsafe_code)]

mod assemble;
pub mod code;
mod codegen;
pub mod dis;
pub mod fold;
pub mod opcode;
pub mod repr;
pub mod symtable;
#[cfg(test)]
mod testutil;
pub mod unparse;

pub use code::{CodeFlags, CodeObject, Constant, ExceptionEntry, Instr};
pub use opcode::Opcode;

use gillab_syntax::SyntaxError;
use gillab_syntax::ast::Module;
use std::sync::Arc;

/// Compiles a parsed module. `source` is the text it was parsed from (for line numbers) and
/// `filename` is recorded in every code object. The module's code object is named `<module>`.
pub fn compile_module(
    module: &Module,
    source: &str,
    filename: &str,
) -> Result<Arc<CodeObject>, SyntaxError> {
    codegen::compile(module, source, filename)
}

/// Parses and compiles `source`.
pub fn compile_source(source: &str, filename: &str) -> Result<Arc<CodeObject>, SyntaxError> {
    let module = gillab_syntax::parse_module(source)?;
    compile_module(&module, source, filename)
}

/// What `compile()` compiles: its `mode` argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `'exec'`: a module; the code returns `None`.
    Exec,
    /// `'eval'`: one expression; the code returns its value.
    Eval,
    /// `'single'`: one interactive statement; the value of each expression statement at its
    /// top level goes to `sys.displayhook` (`PRINT_EXPR`).
    Single,
}

/// Parses and compiles `source` as `compile(source, filename, mode)` does. The code object is
/// named `<module>` in every mode.
pub fn compile_mode(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<Arc<CodeObject>, SyntaxError> {
    match mode {
        Mode::Exec => compile_source(source, filename),
        Mode::Eval => {
            let e = gillab_syntax::parse_expression(source)?;
            let span = e.span;
            let stmt =
                gillab_syntax::ast::Stmt { kind: gillab_syntax::ast::StmtKind::Expr(e), span };
            codegen::compile_mode(&Module { body: vec![stmt] }, source, filename, mode)
        }
        Mode::Single => {
            let module = gillab_syntax::parse_module(source)?;
            // One statement: a compound one, or the simple ones of a single line.
            let lines = gillab_syntax::LineIndex::new(source);
            if let (Some(first), Some(last)) = (module.body.first(), module.body.last())
                && lines.line(first.span.start) != lines.line(last.span.start)
            {
                return Err(SyntaxError::new(
                    "multiple statements found while compiling a single statement",
                    first.span,
                ));
            }
            codegen::compile_mode(&module, source, filename, mode)
        }
    }
}
