//! Scope analysis: which names are local, global, free or cell in each scope.
//!
//! A port of CPython 3.11's `symtable.c`. The builder ([`visit`]) walks the AST once and records,
//! per scope, every name with its `DEF_*`/`USE` flags; [`SymbolTable::analyze`] then resolves each
//! name to a [`NameScope`] with CPython's rules:
//!
//! * names bound in a function (assignment, parameter, import, `def`, `class`, `for` and `with`
//!   targets, `except ... as`, `del`) are local unless declared `global`/`nonlocal`;
//! * a name used but not bound is free if an enclosing *function* scope binds it, otherwise
//!   global (implicit); class scopes are invisible to nested functions;
//! * a local captured by a nested scope becomes a cell;
//! * `super` (or `__class__`) used in a function nested in a class makes `__class__` a free
//!   variable of that function and a cell of the class body (`needs_class_closure`).
//!
//! Private names (`__x` inside a class) are mangled to `_Class__x` as CPython does.
//!
//! The builder also marks generators and coroutines ([`Scope::is_generator`],
//! [`Scope::is_coroutine`], [`Scope::is_async_def`]), binds the targets of `:=` inside
//! comprehensions in the enclosing function (or module) scope, and finds the errors about misplaced
//! `yield`, `await`, `async` and `:=` ([`named`]). Those CPython raises in its symbol table
//! (`'yield' inside list comprehension`, the `:=` rules) make [`SymbolTable::build`] fail; those
//! CPython's compiler raises (`'yield' outside function`, `'await' outside async function`,
//! `'return' with value in async generator`, ...) are kept in [`SymbolTable::compile_error`] for
//! the code generator, which reports whichever of its own errors and that one comes first.

mod named;
mod visit;

use gillab_syntax::{Span, SyntaxError};
use std::collections::{HashMap, HashSet};

/// Index of a scope in [`SymbolTable::scopes`].
pub type ScopeId = usize;

/// The kind of a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    /// The module body.
    Module,
    /// A class body.
    Class,
    /// A `def`.
    Function,
    /// A `lambda`.
    Lambda,
    /// A list/set/dict comprehension or generator expression.
    Comprehension,
}

impl ScopeKind {
    /// Whether the scope uses fast locals (CPython's `FunctionBlock`).
    pub fn is_function_like(self) -> bool {
        matches!(self, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
    }
}

/// Name flag: declared `global`.
pub const DEF_GLOBAL: u32 = 1;
/// Name flag: assigned (or deleted) in the scope.
pub const DEF_LOCAL: u32 = 2;
/// Name flag: a parameter.
pub const DEF_PARAM: u32 = 4;
/// Name flag: declared `nonlocal`.
pub const DEF_NONLOCAL: u32 = 8;
/// Name flag: read in the scope.
pub const USE: u32 = 0x10;
/// Name flag: a free variable of a method that the class body also binds.
pub const DEF_FREE_CLASS: u32 = 0x40;
/// Name flag: bound by an import.
pub const DEF_IMPORT: u32 = 0x80;
/// Name flag: an iteration variable of a comprehension (bound by one of its `for` targets).
pub const DEF_COMP_ITER: u32 = 0x100;
/// Name flag: the target of a simple annotation (`x: int`), which binds it in the scope.
pub const DEF_ANNOT: u32 = 0x200;
/// Any binding flag.
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// The resolved scope of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameScope {
    /// Bound in this scope.
    Local,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound anywhere enclosing: a global or builtin.
    GlobalImplicit,
    /// Bound in an enclosing function scope.
    Free,
    /// Local, and captured by a nested scope.
    Cell,
}

/// One name recorded in a scope.
#[derive(Debug, Clone)]
pub struct Symbol {
    /// The (mangled) name.
    pub name: String,
    /// `DEF_*` / `USE` flags.
    pub flags: u32,
    /// The resolved scope (set by the analysis).
    pub scope: Option<NameScope>,
}

/// One scope and its names.
#[derive(Debug, Clone)]
pub struct Scope {
    /// The kind of scope.
    pub kind: ScopeKind,
    /// The scope's name (`top`, the function/class name, `lambda`, `listcomp`, ...).
    pub name: String,
    /// Symbols in order of first appearance.
    pub symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    /// Parameter names in slot order (CPython's `ste_varnames`).
    pub params: Vec<String>,
    /// Nested scopes in source order.
    pub children: Vec<ScopeId>,
    /// Whether the scope is nested inside a function-like scope.
    pub nested: bool,
    /// Whether a class body must create the `__class__` cell.
    pub needs_class_closure: bool,
    /// Whether the scope has free variables.
    pub has_free: bool,
    /// Whether a nested scope has free variables.
    pub child_free: bool,
    /// Whether the scope is a generator (CPython's `ste_generator`): a function or lambda that
    /// contains `yield` or `yield from`, or a generator expression. With
    /// [`Scope::is_coroutine`] it is an async generator ([`Scope::is_async_generator`]).
    pub is_generator: bool,
    /// Whether the scope is a coroutine (CPython's `ste_coroutine`): an `async def`, or a
    /// comprehension or generator expression that contains `await`, an `async for` clause, or a
    /// nested async list/set/dict comprehension (which it awaits). `await` also sets it in a
    /// plain `def` or lambda, where it is an error.
    pub is_coroutine: bool,
    /// Whether the scope is the body of an `async def`.
    pub is_async_def: bool,
    /// `global`/`nonlocal` statements: (name, statement span), for error positions.
    directives: Vec<(String, Span)>,
    /// How many comprehension iterables are being visited (inherited by nested scopes).
    comp_iter_expr: u32,
    /// Whether a comprehension's `for` target is being visited.
    comp_iter_target: bool,
    /// The first `return value` statement, for "'return' with value in async generator".
    return_value: Option<Span>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, nested: bool) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            symbols: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            nested,
            needs_class_closure: false,
            has_free: false,
            child_free: false,
            is_generator: false,
            is_coroutine: false,
            is_async_def: false,
            directives: Vec::new(),
            comp_iter_expr: 0,
            comp_iter_target: false,
            return_value: None,
        }
    }

    /// Whether the scope is an async generator: an `async def` containing `yield`, or a
    /// generator expression that awaits or has an `async for` clause.
    pub fn is_async_generator(&self) -> bool {
        self.is_generator && self.is_coroutine
    }

    /// Whether the scope is a generator expression (as opposed to a list, set or dict
    /// comprehension).
    pub fn is_generator_expression(&self) -> bool {
        self.kind == ScopeKind::Comprehension && self.name == "genexpr"
    }

    /// The symbol for `name` (already mangled), if recorded.
    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    /// The resolved scope of `name` (already mangled); `None` for names the scope never saw.
    pub fn scope_of(&self, name: &str) -> Option<NameScope> {
        self.lookup(name).and_then(|s| s.scope)
    }

    fn flags(&self, name: &str) -> u32 {
        self.lookup(name).map_or(0, |s| s.flags)
    }

    fn directive_span(&self, name: &str) -> Span {
        self.directives.iter().find(|(n, _)| n == name).map_or(Span::default(), |(_, s)| *s)
    }

    /// Cell variable names in CPython's order (sorted), `__class__` for classes that need it.
    pub fn cellvars(&self) -> Vec<String> {
        if self.needs_class_closure {
            return vec!["__class__".to_string()];
        }
        let mut cells: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == Some(NameScope::Cell))
            .map(|s| s.name.clone())
            .collect();
        cells.sort();
        cells
    }

    /// Free variable names in CPython's order (sorted).
    pub fn freevars(&self) -> Vec<String> {
        let mut free: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == Some(NameScope::Free) || s.flags & DEF_FREE_CLASS != 0)
            .map(|s| s.name.clone())
            .collect();
        free.sort();
        free
    }
}

/// The symbol table of a module: every scope, and a map from AST nodes to their scopes.
#[derive(Debug, Clone)]
pub struct SymbolTable {
    /// All scopes; index 0 is the module.
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
    /// The first (in source order) of the errors CPython's compiler reports about generators
    /// and coroutines.
    compile_error: Option<SyntaxError>,
}

/// The key identifying an AST node that opens a scope (its address; the AST is borrowed for
/// the whole compilation, so addresses are stable).
pub fn node_key<T>(node: &T) -> usize {
    std::ptr::from_ref(node) as usize
}

/// CPython's `_Py_Mangle`: `__x` inside class `C` becomes `_C__x`.
pub fn mangle<'a>(private: Option<&str>, name: &'a str) -> std::borrow::Cow<'a, str> {
    let Some(class) = private else { return name.into() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.into();
    }
    format!("_{stripped}{name}").into()
}

impl SymbolTable {
    /// Builds and analyzes the symbol table of `module`.
    pub fn build(module: &gillab_syntax::ast::Module) -> Result<SymbolTable, SyntaxError> {
        let mut table = visit::Builder::run(module)?;
        let mut free = HashSet::new();
        let mut global = HashSet::new();
        table.analyze(0, None, &mut free, &mut global)?;
        Ok(table)
    }

    /// The error CPython 3.11 reports about `yield`, `await`, `async` or `return` in its
    /// compiler (after the symbol table succeeded): the first in source order of "'yield'
    /// outside function", "'await' outside function", "'await' outside async function",
    /// "'yield from' inside async function", "'return' with value in async generator",
    /// "'async for' outside async function", "'async with' outside async function" and
    /// "asynchronous comprehension outside of an asynchronous function". The code generator
    /// reports it unless one of its own errors comes earlier in the source.
    pub fn compile_error(&self) -> Option<&SyntaxError> {
        self.compile_error.as_ref()
    }

    /// The scope opened by the AST node `node` (a `FunctionDef`, `ClassDef` or `Expr`).
    pub fn scope_for<T>(&self, node: &T) -> Option<ScopeId> {
        self.by_node.get(&node_key(node)).copied()
    }

    fn analyze(
        &mut self,
        id: ScopeId,
        mut bound: Option<HashSet<String>>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
    ) -> Result<(), SyntaxError> {
        let kind = self.scopes[id].kind;
        let mut local = HashSet::new();
        let mut scopes: HashMap<String, NameScope> = HashMap::new();
        let mut newglobal = HashSet::new();
        let mut newfree = HashSet::new();
        let mut newbound = HashSet::new();
        if kind == ScopeKind::Class {
            newglobal.extend(global.iter().cloned());
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
        }
        let symbols: Vec<(String, u32)> =
            self.scopes[id].symbols.iter().map(|s| (s.name.clone(), s.flags)).collect();
        for (name, flags) in &symbols {
            let scope =
                self.analyze_name(id, name, *flags, &mut bound, &mut local, free, global)?;
            scopes.insert(name.clone(), scope);
        }
        if kind != ScopeKind::Class {
            if kind.is_function_like() {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".to_string());
        }
        for child in self.scopes[id].children.clone() {
            let mut child_free = newfree.clone();
            let mut child_global = newglobal.clone();
            self.analyze(child, Some(newbound.clone()), &mut child_free, &mut child_global)?;
            newfree.extend(child_free);
            if self.scopes[child].has_free || self.scopes[child].child_free {
                self.scopes[id].child_free = true;
            }
        }
        if kind.is_function_like() {
            for (name, scope) in scopes.iter_mut() {
                if *scope == NameScope::Local && newfree.remove(name) {
                    *scope = NameScope::Cell;
                }
            }
        } else if kind == ScopeKind::Class && newfree.remove("__class__") {
            self.scopes[id].needs_class_closure = true;
        }
        // update_symbols
        let scope = &mut self.scopes[id];
        for sym in &mut scope.symbols {
            sym.scope = scopes.get(&sym.name).copied();
        }
        let mut new_free_names: Vec<&String> = newfree.iter().collect();
        new_free_names.sort();
        for name in new_free_names {
            if let Some(&i) = scope.index.get(name) {
                let sym = &mut scope.symbols[i];
                if kind == ScopeKind::Class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    sym.flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if let Some(b) = &bound
                && !b.contains(name)
            {
                continue;
            }
            scope.index.insert(name.clone(), scope.symbols.len());
            scope.symbols.push(Symbol {
                name: name.clone(),
                flags: 0,
                scope: Some(NameScope::Free),
            });
        }
        free.extend(newfree);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &mut self,
        id: ScopeId,
        name: &str,
        flags: u32,
        bound: &mut Option<HashSet<String>>,
        local: &mut HashSet<String>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
    ) -> Result<NameScope, SyntaxError> {
        let scope = &mut self.scopes[id];
        if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return Err(SyntaxError::new(
                    format!("name '{name}' is nonlocal and global"),
                    scope.directive_span(name),
                ));
            }
            global.insert(name.to_string());
            if let Some(b) = bound {
                b.remove(name);
            }
            return Ok(NameScope::GlobalExplicit);
        }
        if flags & DEF_NONLOCAL != 0 {
            let Some(b) = bound else {
                return Err(SyntaxError::new(
                    "nonlocal declaration not allowed at module level",
                    scope.directive_span(name),
                ));
            };
            if !b.contains(name) {
                return Err(SyntaxError::new(
                    format!("no binding for nonlocal '{name}' found"),
                    scope.directive_span(name),
                ));
            }
            scope.has_free = true;
            free.insert(name.to_string());
            return Ok(NameScope::Free);
        }
        if flags & DEF_BOUND != 0 {
            local.insert(name.to_string());
            global.remove(name);
            return Ok(NameScope::Local);
        }
        if let Some(b) = bound
            && b.contains(name)
        {
            scope.has_free = true;
            free.insert(name.to_string());
            return Ok(NameScope::Free);
        }
        if global.contains(name) {
            return Ok(NameScope::GlobalImplicit);
        }
        if scope.nested {
            scope.has_free = true;
        }
        Ok(NameScope::GlobalImplicit)
    }
}

#[cfg(test)]
mod tests;
