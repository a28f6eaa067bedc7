//! `def`, `lambda` and `class` (CPython's `compiler_function`, `compiler_lambda`,
//! `compiler_class`, `compiler_make_closure`).
//!
//! A function definition evaluates its decorators, then its defaults (`BUILD_TUPLE` or a constant
//! tuple for positional defaults, `LOAD_CONST (names); BUILD_CONST_KEY_MAP` for keyword-only
//! ones), then builds the closure tuple from `LOAD_CLOSURE`s, then `LOAD_CONST <code>;
//! MAKE_FUNCTION flags`, applies each decorator with `CALL 0` (the function sits in the
//! `self_or_null` slot above the decorator) and stores the name.
//!
//! A class statement runs `LOAD_BUILD_CLASS; PUSH_NULL; MAKE_FUNCTION <body>; LOAD_CONST 'C';
//! bases...; CALL 2+n`. The body code stores `__module__` (from `__name__`) and `__qualname__`,
//! runs the statements with `LOAD_NAME`/`STORE_NAME`, and returns `None` — or, when a method uses
//! `super` or `__class__`, `LOAD_CLOSURE __class__; COPY 1; STORE_NAME __classcell__;
//! RETURN_VALUE`: `__build_class__` must then store the new class in that returned cell.

use super::stmt::docstring;
use super::{Compiler, Ctx, Result};
use crate::code::{CodeFlags, CodeObject, Constant};
use crate::fold::fold;
use crate::opcode::Opcode;
use crate::symtable::mangle;
use gillab_syntax::ast::{ClassDef, Expr, FunctionDef, Parameters, Stmt};
use gillab_syntax::{Span, SyntaxError};
use std::sync::Arc;

impl<'a> Compiler<'a> {
    /// `def name(params): body`, with decorators.
    pub fn function_def(&mut self, s: &'a Stmt, f: &'a FunctionDef) -> Result<()> {
        check_params(&f.params, s.span)?;
        for d in &f.decorators {
            self.expr(d)?;
        }
        let first_line = match f.decorators.first() {
            Some(d) => self.line_of(d.span),
            None => self.line_of(s.span),
        };
        let flags = self.default_arguments(&f.params)?;
        let scope = self.table.scope_for(f).expect("function scope");
        self.enter_unit(scope, f.name.name.clone(), first_line);
        let doc = docstring(&f.body);
        self.add_const(doc.map_or(Constant::None, |d| Constant::Str(d.to_string())));
        self.set_arg_counts(&f.params);
        let body = if doc.is_some() { &f.body[1..] } else { &f.body[..] };
        self.body_stmts(body)?;
        let code = self.exit_unit(true);
        self.set_line(s.span);
        self.make_closure(code, flags);
        for _ in &f.decorators {
            self.emit(Opcode::Call, 0);
        }
        self.nameop(&f.name.name, Ctx::Store, f.name.span)
    }

    /// `lambda params: body`.
    pub fn lambda(&mut self, e: &'a Expr, params: &'a Parameters, body: &'a Expr) -> Result<()> {
        check_params(params, e.span)?;
        let flags = self.default_arguments(params)?;
        let scope = self.table.scope_for(e).expect("lambda scope");
        let line = self.line_of(e.span);
        self.enter_unit(scope, "<lambda>".to_string(), line);
        self.add_const(Constant::None);
        self.set_arg_counts(params);
        self.expr(body)?;
        self.emit(Opcode::ReturnValue, 0);
        let code = self.exit_unit(false);
        self.make_closure(code, flags);
        Ok(())
    }

    /// `class name(bases): body`, with decorators.
    pub fn class_def(&mut self, s: &'a Stmt, c: &'a ClassDef) -> Result<()> {
        for d in &c.decorators {
            self.expr(d)?;
        }
        let first_line = match c.decorators.first() {
            Some(d) => self.line_of(d.span),
            None => self.line_of(s.span),
        };
        let scope = self.table.scope_for(c).expect("class scope");
        self.enter_unit(scope, c.name.name.clone(), first_line);
        self.nameop("__name__", Ctx::Load, s.span)?;
        self.nameop("__module__", Ctx::Store, s.span)?;
        let qualname = self.ur().qualname.clone();
        self.load_const(Constant::Str(qualname));
        self.nameop("__qualname__", Ctx::Store, s.span)?;
        self.body(&c.body)?;
        if self.table.scopes[scope].needs_class_closure {
            let slot = self.closure_slot("__class__");
            self.emit(Opcode::LoadClosure, slot);
            self.emit(Opcode::Copy, 1);
            self.nameop("__classcell__", Ctx::Store, s.span)?;
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::ReturnValue, 0);
        let code = self.exit_unit(false);
        self.set_line(s.span);
        self.emit(Opcode::LoadBuildClass, 0);
        self.emit(Opcode::PushNull, 0);
        self.make_closure(code, 0);
        self.load_const(Constant::Str(c.name.name.clone()));
        self.call_helper(2, &c.bases, &c.keywords)?;
        for _ in &c.decorators {
            self.emit(Opcode::Call, 0);
        }
        self.nameop(&c.name.name, Ctx::Store, c.name.span)
    }

    fn set_arg_counts(&mut self, params: &Parameters) {
        let u = self.u();
        u.argcount = params.args.len() as u32;
        u.kwonlyargcount = params.kwonly.len() as u32;
        if params.vararg.is_some() {
            u.flags.insert(CodeFlags::VARARGS);
        }
        if params.kwarg.is_some() {
            u.flags.insert(CodeFlags::VARKEYWORDS);
        }
    }

    /// Pushes the defaults tuple and keyword-only defaults dict; returns the
    /// `MAKE_FUNCTION` flags for them.
    fn default_arguments(&mut self, params: &'a Parameters) -> Result<u32> {
        let mut flags = 0;
        let defaults: Vec<&'a Expr> =
            params.args.iter().filter_map(|p| p.default.as_ref()).collect();
        if !defaults.is_empty() {
            match defaults.iter().map(|e| fold(e)).collect::<Option<Vec<_>>>() {
                Some(consts) => self.load_const(Constant::Tuple(consts)),
                None => {
                    for d in &defaults {
                        self.expr(d)?;
                    }
                    self.emit(Opcode::BuildTuple, defaults.len() as u32);
                }
            }
            flags |= 0x01;
        }
        let mut keys = Vec::new();
        for p in &params.kwonly {
            if let Some(d) = &p.default {
                let private = self.ur().private.clone();
                keys.push(Constant::Str(mangle(private.as_deref(), &p.name.name).into_owned()));
                self.expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Constant::Tuple(keys));
            self.emit(Opcode::BuildConstKeyMap, n);
            flags |= 0x02;
        }
        Ok(flags)
    }

    /// Pushes the function object for `code`: closure tuple if it has free variables, then
    /// `LOAD_CONST code; MAKE_FUNCTION flags`.
    pub fn make_closure(&mut self, code: Arc<CodeObject>, mut flags: u32) {
        if code.nfreevars > 0 {
            for name in code.freevar_names() {
                let slot = self.closure_slot(name);
                self.emit(Opcode::LoadClosure, slot);
            }
            self.emit(Opcode::BuildTuple, code.nfreevars);
            flags |= 0x08;
        }
        self.load_const(Constant::Code(code));
        self.emit(Opcode::MakeFunction, flags);
    }
}

/// Parameters may not be named `__debug__`.
fn check_params(params: &Parameters, span: Span) -> Result<()> {
    let names = params
        .args
        .iter()
        .chain(&params.kwonly)
        .map(|p| &p.name)
        .chain(params.vararg.iter())
        .chain(params.kwarg.iter());
    for n in names {
        if n.name == "__debug__" {
            return Err(SyntaxError::new("cannot assign to __debug__", span));
        }
    }
    Ok(())
}
