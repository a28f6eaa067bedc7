//! Calls, in the CPython 3.13 stack layout `[callable, self_or_null, args...]`.
//!
//! * `f(a, b)`: `LOAD f; PUSH_NULL; LOAD a; LOAD b; CALL 2`.
//! * `o.m(a)`: `LOAD o; LOAD_METHOD m; LOAD a; CALL 1` (no `*`/`**` arguments).
//! * `f(a, k=v)`: `LOAD f; PUSH_NULL; LOAD a; LOAD v; LOAD_CONST ('k',); CALL_KW 2`.
//! * with `*args` or `**kw`: the positional arguments become one tuple (`BUILD_LIST`,
//!   `LIST_APPEND`, `LIST_EXTEND`, `LIST_TO_TUPLE`; a lone `*x` is passed as is), keywords one
//!   dict (`BUILD_CONST_KEY_MAP`/`BUILD_MAP` for runs of `k=v`, `DICT_MERGE 1` for each `**m`),
//!   then `CALL_FUNCTION_EX 0|1`.

use super::{Compiler, Result};
use crate::code::Constant;
use crate::opcode::Opcode;
use gillab_syntax::SyntaxError;
use gillab_syntax::ast::{Expr, ExprKind, Keyword};

impl<'a> Compiler<'a> {
    /// A call expression.
    pub fn call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> Result<()> {
        validate_keywords(keywords)?;
        let simple = !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            && keywords.iter().all(|k| k.arg.is_some());
        if simple && let ExprKind::Attribute { value, attr } = &func.kind {
            self.expr(value)?;
            let saved = self.ur().line;
            self.set_line(attr.span);
            self.emit_name(Opcode::LoadMethod, &attr.name);
            self.call_helper(0, args, keywords)?;
            self.u().line = saved;
            return Ok(());
        }
        self.expr(func)?;
        self.emit(Opcode::PushNull, 0);
        self.call_helper(0, args, keywords)
    }

    /// Pushes the arguments and emits the call; `n` positional arguments are already on the
    /// stack above `[callable, self_or_null]` (CPython's `compiler_call_helper`).
    pub fn call_helper(&mut self, n: u32, args: &'a [Expr], keywords: &'a [Keyword]) -> Result<()> {
        let ex_call = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        if !ex_call {
            for a in args {
                self.expr(a)?;
            }
            let total = n + args.len() as u32 + keywords.len() as u32;
            if keywords.is_empty() {
                self.emit(Opcode::Call, total);
            } else {
                for k in keywords {
                    self.expr(&k.value)?;
                }
                self.load_const(kwnames(keywords));
                self.emit(Opcode::CallKw, total);
            }
            return Ok(());
        }
        if let ([only], 0) = (args, n)
            && let ExprKind::Starred(inner) = &only.kind
        {
            self.expr(inner)?;
        } else {
            self.starunpack(
                args,
                n,
                [Opcode::BuildList, Opcode::ListAppend, Opcode::ListExtend],
                true,
            )?;
        }
        if !keywords.is_empty() {
            let mut have_dict = false;
            let mut start = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_some() {
                    continue;
                }
                if i > start {
                    self.subkwargs(&keywords[start..i])?;
                    if have_dict {
                        self.emit(Opcode::DictMerge, 1);
                    }
                    have_dict = true;
                }
                if !have_dict {
                    self.emit(Opcode::BuildMap, 0);
                    have_dict = true;
                }
                self.expr(&k.value)?;
                self.emit(Opcode::DictMerge, 1);
                start = i + 1;
            }
            if keywords.len() > start {
                self.subkwargs(&keywords[start..])?;
                if have_dict {
                    self.emit(Opcode::DictMerge, 1);
                }
            }
        }
        self.emit(Opcode::CallFunctionEx, u32::from(!keywords.is_empty()));
        Ok(())
    }

    /// A dict of a run of `k=v` keywords.
    fn subkwargs(&mut self, keywords: &'a [Keyword]) -> Result<()> {
        if keywords.len() > 1 {
            for k in keywords {
                self.expr(&k.value)?;
            }
            self.load_const(kwnames(keywords));
            self.emit(Opcode::BuildConstKeyMap, keywords.len() as u32);
            return Ok(());
        }
        for k in keywords {
            let name = k.arg.as_ref().expect("a run of named keywords");
            self.load_const(Constant::Str(name.name.clone()));
            self.expr(&k.value)?;
        }
        self.emit(Opcode::BuildMap, keywords.len() as u32);
        Ok(())
    }
}

/// The constant tuple of keyword names (not mangled, as in CPython).
fn kwnames(keywords: &[Keyword]) -> Constant {
    Constant::Tuple(
        keywords
            .iter()
            .map(|k| Constant::Str(k.arg.as_ref().map_or(String::new(), |a| a.name.clone())))
            .collect(),
    )
}

/// `keyword argument repeated: x`, at the second occurrence (CPython's `validate_keywords`).
fn validate_keywords(keywords: &[Keyword]) -> Result<()> {
    for (i, k) in keywords.iter().enumerate() {
        let Some(name) = &k.arg else { continue };
        if name.name == "__debug__" {
            return Err(SyntaxError::new("cannot assign to __debug__", k.span));
        }
        for other in &keywords[i + 1..] {
            if other.arg.as_ref().is_some_and(|o| o.name == name.name) {
                return Err(SyntaxError::new(
                    format!("keyword argument repeated: {}", name.name),
                    other.span,
                ));
            }
        }
    }
    Ok(())
}
