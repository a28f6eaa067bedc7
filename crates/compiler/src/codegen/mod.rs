//! Code generation: AST plus symbol table to code objects, following CPython 3.11's
//! `compile.c` construct by construct.
//!
//! The [`Compiler`] keeps a stack of [`Unit`]s (one per code object being built: module,
//! function, lambda, class body, comprehension). Each unit collects a pseudo-instruction stream
//! ([`Item`]s) that [`crate::assemble`] turns into the final code. The submodules hold the
//! constructs:
//!
//! * [`stmt`]: statement dispatch, `if`/`while`/`for`, `import`, `del`, `break`/`continue`/
//!   `return`;
//! * [`expr`]: expressions, conditional jumps (`jump_if`), comparisons, f-strings, literals;
//! * [`assign`]: assignment, augmented assignment, unpacking, deletion targets;
//! * [`call`]: calls (plain, method, keyword, `*`/`**`);
//! * [`comprehension`]: list/set/dict comprehensions and generator expressions (a `<genexpr>`
//!   is a generator that yields each element);
//! * [`generators`]: `yield` and `yield from`;
//! * [`exceptions`]: `try`, `with`, `raise`, `assert`, and the frame-block unwinding used by
//!   `break`/`continue`/`return`;
//! * [`function`]: `def`, `lambda`, `class`, closures, qualified names.

mod assign;
mod call;
mod comprehension;
mod exceptions;
mod expr;
mod function;
mod generators;
mod stmt;
#[cfg(test)]
mod tests;

use crate::assemble::{Item, Label, assemble};
use crate::code::{CodeFlags, CodeObject, Constant};
use crate::opcode::Opcode;
use crate::symtable::{NameScope, ScopeId, ScopeKind, SymbolTable, mangle};
use gillab_syntax::ast::{Module, Stmt};
use gillab_syntax::{LineIndex, Span, SyntaxError};
use std::collections::HashMap;
use std::sync::Arc;

pub(crate) use stmt::future_annotations;

pub(crate) type Result<T> = std::result::Result<T, SyntaxError>;

/// The end of the message of [`Compiler::unsupported`].
const UNSUPPORTED: &str = " is not supported by gil-lab";

/// What a frame block on the compile-time block stack is (CPython's `fblocktype`).
#[derive(Clone)]
pub(crate) enum FBlockKind<'a> {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry(&'a [Stmt]),
    FinallyEnd,
    With(u32),
    AsyncWith(u32),
    HandlerCleanup(Option<&'a str>),
    PopValue,
    ExceptionHandler,
}

/// A frame block: what `break`/`continue`/`return` must unwind.
#[derive(Clone)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind<'a>,
    /// `continue` target for loops.
    pub block: Option<Label>,
    /// `break` target for loops.
    pub exit: Option<Label>,
}

/// Load, store or delete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

/// One code object under construction.
pub(crate) struct Unit<'a> {
    pub scope: ScopeId,
    pub kind: ScopeKind,
    pub name: String,
    pub qualname: String,
    pub private: Option<String>,
    pub first_line: u32,
    pub items: Vec<Item>,
    pub nlabels: usize,
    pub constants: Vec<Constant>,
    pub names: Vec<String>,
    name_index: HashMap<String, u32>,
    pub varnames: Vec<String>,
    fast_slots: HashMap<String, u32>,
    cell_slots: HashMap<String, u32>,
    free_slots: HashMap<String, u32>,
    pub nlocals: u32,
    pub ncellvars: u32,
    pub nfreevars: u32,
    pub cells: Vec<u32>,
    pub argcount: u32,
    pub kwonlyargcount: u32,
    pub flags: CodeFlags,
    pub fblocks: Vec<FBlock<'a>>,
    pub line: u32,
}

/// The compiler state for one module.
pub(crate) struct Compiler<'a> {
    pub filename: Arc<str>,
    line_index: LineIndex,
    pub table: SymbolTable,
    pub units: Vec<Unit<'a>>,
    /// `compile(..., 'single')`: expression statements of the module's own code print their
    /// value (`PRINT_EXPR`) instead of discarding it.
    pub interactive: bool,
    /// `from __future__ import annotations` is in effect: annotations are stored as strings.
    pub future_annotations: bool,
}

/// Compiles a parsed module (see [`crate::compile_module`]).
pub(crate) fn compile(module: &Module, source: &str, filename: &str) -> Result<Arc<CodeObject>> {
    compile_mode(module, source, filename, crate::Mode::Exec)
}

/// Compiles a parsed module in one of `compile()`'s modes (see [`crate::compile_mode`]): in
/// `Eval` mode the module is one expression statement whose value the code returns.
pub(crate) fn compile_mode(
    module: &Module,
    source: &str,
    filename: &str,
    mode: crate::Mode,
) -> Result<Arc<CodeObject>> {
    let table = SymbolTable::build(module)?;
    // CPython raises these while compiling, in source order among the compiler's own errors
    // (and a real SyntaxError wins over a construct gil-lab does not compile yet).
    let deferred = table.compile_error().cloned();
    let mut c = Compiler {
        filename: Arc::from(filename),
        line_index: LineIndex::new(source),
        table,
        units: Vec::new(),
        interactive: mode == crate::Mode::Single,
        future_annotations: stmt::future_annotations(&module.body),
    };
    c.enter_unit(0, "<module>".to_string(), 1);
    if let Some(first) = module.body.first() {
        c.set_line(first.span);
    }
    let compiled = match (mode, module.body.first().map(|s| &s.kind)) {
        (crate::Mode::Eval, Some(gillab_syntax::ast::StmtKind::Expr(e))) => {
            c.expr(e).map(|()| c.emit(Opcode::ReturnValue, 0))
        }
        (crate::Mode::Single, _) => c.body_stmts(&module.body),
        _ => c.body(&module.body),
    };
    let add_return = mode != crate::Mode::Eval;
    match (compiled, deferred) {
        (Err(own), Some(deferred))
            if deferred.span.start <= own.span.start || own.msg.ends_with(UNSUPPORTED) =>
        {
            Err(deferred)
        }
        (Err(own), _) => Err(own),
        (Ok(()), Some(deferred)) => Err(deferred),
        (Ok(()), None) => Ok(c.exit_unit(add_return)),
    }
}

impl<'a> Compiler<'a> {
    pub fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is always open")
    }

    pub fn ur(&self) -> &Unit<'a> {
        self.units.last().expect("a unit is always open")
    }

    /// The 1-based line of a span's start.
    pub fn line_of(&self, span: Span) -> u32 {
        self.line_index.line(span.start)
    }

    pub fn set_line(&mut self, span: Span) {
        let line = self.line_of(span);
        self.u().line = line;
    }

    pub fn emit(&mut self, op: Opcode, arg: u32) {
        let u = self.u();
        let line = u.line;
        u.items.push(Item::Instr { op, arg, line });
    }

    pub fn emit_jump(&mut self, op: Opcode, target: Label) {
        let u = self.u();
        let line = u.line;
        u.items.push(Item::Jump { op, target, line });
    }

    /// An unconditional jump (assembled as `JUMP_FORWARD` or `JUMP_BACKWARD`).
    pub fn jump(&mut self, target: Label) {
        self.emit_jump(Opcode::JumpForward, target);
    }

    pub fn new_label(&mut self) -> Label {
        let u = self.u();
        u.nlabels += 1;
        Label(u.nlabels - 1)
    }

    pub fn bind(&mut self, label: Label) {
        self.u().items.push(Item::Label(label));
    }

    /// `SETUP_FINALLY` (`lasti: false`) or `SETUP_CLEANUP` (`lasti: true`).
    pub fn setup(&mut self, target: Label, lasti: bool) {
        self.u().items.push(Item::Setup { target, lasti, pop: 0 });
    }

    /// `SETUP_WITH`: as `SETUP_CLEANUP`, but the handler's depth excludes the `__enter__` result.
    pub fn setup_with(&mut self, target: Label) {
        self.u().items.push(Item::Setup { target, lasti: true, pop: 1 });
    }

    pub fn pop_block(&mut self) {
        self.u().items.push(Item::PopBlock);
    }

    pub fn add_const(&mut self, c: Constant) -> u32 {
        let u = self.u();
        if let Some(i) = u.constants.iter().position(|x| x.same(&c)) {
            return i as u32;
        }
        u.constants.push(c);
        (u.constants.len() - 1) as u32
    }

    pub fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Opcode::LoadConst, i);
    }

    /// Index of `name` in `names` (not mangled).
    pub fn name_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(name.to_string());
        u.name_index.insert(name.to_string(), i);
        i
    }

    /// Emits a name-indexed instruction with the name mangled for the current class.
    pub fn emit_name(&mut self, op: Opcode, name: &str) {
        let mangled = mangle(self.ur().private.as_deref(), name).into_owned();
        let i = self.name_index(&mangled);
        self.emit(op, i);
    }

    /// Emits the load/store/delete of a variable (CPython's `compiler_nameop`).
    pub fn nameop(&mut self, name: &str, ctx: Ctx, span: Span) -> Result<()> {
        if name == "__debug__" && ctx != Ctx::Load {
            let msg = if ctx == Ctx::Store {
                "cannot assign to __debug__"
            } else {
                "cannot delete __debug__"
            };
            return Err(SyntaxError::new(msg, span));
        }
        let mangled = mangle(self.ur().private.as_deref(), name).into_owned();
        let u = self.ur();
        let function_like = u.kind.is_function_like();
        let scope = self.table.scopes[u.scope].scope_of(&mangled);
        let (load, store, del, index) = match scope {
            Some(NameScope::Free) => {
                let i = u.free_slots[&mangled];
                let load = if u.kind == ScopeKind::Class {
                    Opcode::LoadClassderef
                } else {
                    Opcode::LoadDeref
                };
                (load, Opcode::StoreDeref, Opcode::DeleteDeref, i)
            }
            Some(NameScope::Cell) => {
                let i = u.cell_slots[&mangled];
                let load = if u.kind == ScopeKind::Class {
                    Opcode::LoadClassderef
                } else {
                    Opcode::LoadDeref
                };
                (load, Opcode::StoreDeref, Opcode::DeleteDeref, i)
            }
            Some(NameScope::Local) if function_like => {
                (Opcode::LoadFast, Opcode::StoreFast, Opcode::DeleteFast, u.fast_slots[&mangled])
            }
            Some(NameScope::GlobalExplicit) | Some(NameScope::GlobalImplicit)
                if function_like || scope == Some(NameScope::GlobalExplicit) =>
            {
                let i = self.name_index(&mangled);
                (Opcode::LoadGlobal, Opcode::StoreGlobal, Opcode::DeleteGlobal, i)
            }
            _ => {
                let i = self.name_index(&mangled);
                (Opcode::LoadName, Opcode::StoreName, Opcode::DeleteName, i)
            }
        };
        let op = match ctx {
            Ctx::Load => load,
            Ctx::Store => store,
            Ctx::Del => del,
        };
        self.emit(op, index);
        Ok(())
    }

    pub fn push_fblock(&mut self, kind: FBlockKind<'a>, block: Option<Label>, exit: Option<Label>) {
        self.u().fblocks.push(FBlock { kind, block, exit });
    }

    pub fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    /// Opens a unit for scope `scope`, laying out its localsplus slots and emitting the
    /// `MAKE_CELL`/`COPY_FREE_VARS` prologue.
    pub fn enter_unit(&mut self, scope: ScopeId, name: String, first_line: u32) {
        let sc = &self.table.scopes[scope];
        let kind = sc.kind;
        let mut varnames: Vec<String> = Vec::new();
        if kind.is_function_like() {
            varnames.extend(sc.params.iter().cloned());
            for sym in &sc.symbols {
                if sym.scope == Some(NameScope::Local) && !sc.params.contains(&sym.name) {
                    varnames.push(sym.name.clone());
                }
            }
        }
        let fast_slots: HashMap<String, u32> =
            varnames.iter().enumerate().map(|(i, n)| (n.clone(), i as u32)).collect();
        let nlocals = varnames.len() as u32;
        let mut cell_slots = HashMap::new();
        let mut ncellvars = 0;
        for cell in sc.cellvars() {
            let slot = match fast_slots.get(&cell) {
                Some(&i) => i,
                None => {
                    varnames.push(cell.clone());
                    ncellvars += 1;
                    (varnames.len() - 1) as u32
                }
            };
            cell_slots.insert(cell, slot);
        }
        let mut cells: Vec<u32> = cell_slots.values().copied().collect();
        cells.sort_unstable();
        let mut free_slots = HashMap::new();
        let freevars = sc.freevars();
        let nfreevars = freevars.len() as u32;
        for free in freevars {
            free_slots.insert(free.clone(), varnames.len() as u32);
            varnames.push(free);
        }
        let mut flags = CodeFlags::default();
        if kind.is_function_like() {
            flags.insert(CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS);
        }
        if sc.nested {
            flags.insert(CodeFlags::NESTED);
        }
        match (sc.is_generator, sc.is_coroutine) {
            (true, false) => flags.insert(CodeFlags::GENERATOR),
            (false, true) => flags.insert(CodeFlags::COROUTINE),
            (true, true) => flags.insert(CodeFlags::ASYNC_GENERATOR),
            (false, false) => {}
        }
        let private = match (kind, self.units.last()) {
            (ScopeKind::Class, _) => Some(name.clone()),
            (_, Some(parent)) => parent.private.clone(),
            (_, None) => None,
        };
        let qualname = self.qualname_for(kind, &name);
        self.units.push(Unit {
            scope,
            kind,
            name,
            qualname,
            private,
            first_line,
            items: Vec::new(),
            nlabels: 0,
            constants: Vec::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames,
            fast_slots,
            cell_slots,
            free_slots,
            nlocals,
            ncellvars,
            nfreevars,
            cells: cells.clone(),
            argcount: 0,
            kwonlyargcount: 0,
            flags,
            fblocks: Vec::new(),
            line: first_line,
        });
        for slot in cells {
            self.emit(Opcode::MakeCell, slot);
        }
        if nfreevars > 0 {
            self.emit(Opcode::CopyFreeVars, nfreevars);
        }
    }

    /// CPython's `compiler_set_qualname`, for a unit about to be entered.
    fn qualname_for(&self, kind: ScopeKind, name: &str) -> String {
        let Some(parent) = self.units.last() else { return name.to_string() };
        if parent.kind == ScopeKind::Module {
            return name.to_string();
        }
        if matches!(kind, ScopeKind::Function | ScopeKind::Class) {
            let mangled = mangle(parent.private.as_deref(), name);
            if self.table.scopes[parent.scope].scope_of(&mangled) == Some(NameScope::GlobalExplicit)
            {
                return name.to_string();
            }
        }
        match parent.kind {
            ScopeKind::Function | ScopeKind::Lambda => {
                format!("{}.<locals>.{name}", parent.qualname)
            }
            _ => format!("{}.{name}", parent.qualname),
        }
    }

    /// Closes the current unit and builds its code object. `add_return` appends the implicit
    /// `return None` (dropped by the assembler when unreachable).
    pub fn exit_unit(&mut self, add_return: bool) -> Arc<CodeObject> {
        if add_return {
            self.load_const(Constant::None);
            self.emit(Opcode::ReturnValue, 0);
        }
        let u = self.units.pop().expect("a unit is always open");
        let asm = assemble(&u.items, u.nlabels);
        Arc::new(CodeObject {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            first_line: u.first_line,
            argcount: u.argcount,
            kwonlyargcount: u.kwonlyargcount,
            flags: u.flags,
            instructions: asm.instructions,
            lines: asm.lines,
            constants: u.constants,
            names: u.names,
            varnames: u.varnames,
            nlocals: u.nlocals,
            ncellvars: u.ncellvars,
            nfreevars: u.nfreevars,
            cells: u.cells,
            exception_table: asm.exception_table,
            stacksize: asm.stacksize,
        })
    }

    /// The localsplus slot whose cell a nested scope's free variable `name` captures
    /// (CPython's `get_ref_type` + `compiler_lookup_arg` in `compiler_make_closure`).
    pub fn closure_slot(&self, name: &str) -> u32 {
        let u = self.ur();
        if let Some(&slot) = u.cell_slots.get(name) {
            return slot;
        }
        *u.free_slots.get(name).expect("a captured name is a cell or free variable")
    }
}
