//! The parser: tokens to an [`ast::Module`], by hand-written recursive descent.
//!
//! [`parse`] follows CPython 3.11's grammar for the subset gil-lab runs. All the operators (`or`
//! down to `**`, prefix `not`, `-`, `+`, `~`) are parsed by one precedence-climbing loop
//! (`expr.rs`); everything else is one function per grammar rule: statements in `stmt.rs` and
//! `compound.rs`, atoms and displays in `atom.rs`, calls and subscripts in `call.rs`, parameter
//! lists in `params.rs`, string concatenation and f-strings in `strings.rs`, and assignment-target
//! checks in `targets.rs`. Node spans follow CPython's: a node built around a parenthesized operand
//! starts at its `(`, while `(x)` alone is just `x` with its own span.
//!
//! The functions on the recursion path are kept small (slow paths split off into functions that
//! return before recursing) so that nesting up to the limits below fits in a 2 MiB thread stack
//! even in debug builds; `tests/no_panic.rs` checks that.
//!
//! # Errors
//!
//! Messages and positions are CPython 3.11's for the common mistakes: "invalid syntax" at the
//! offending token, "expected ':'", "expected an indented block after ...", "unexpected indent",
//! "cannot assign to ...", "Perhaps you forgot a comma?", argument-order errors and so on. Errors
//! that CPython only finds after parsing (in its symbol table or compiler: "duplicate argument",
//! "can't use starred expression here", "multiple starred expressions in assignment", "default
//! 'except:' must be last", "keyword argument repeated") are recorded and reported only when the
//! whole file parses, symbol-table errors first, as CPython orders them.
//!
//! # Deviations from CPython 3.11
//!
//! - Not in gil-lab's subset, so rejected with "'match' is not supported by gil-lab" (likewise
//!   `'except*'`): `match` statements and exception groups; `from m import *` and relative
//!   imports are rejected too. Generators and coroutines (`yield`,
//!   `yield from`, `await`, `async def`/`for`/`with`, async comprehensions) and assignment
//!   expressions (`:=`) parse as in CPython; whether they compile is `gillab-compiler`'s call.
//! - Positional-only parameters (`def f(a, /, b)`) are accepted, but the AST has no place for the
//!   marker: they become ordinary positional-or-keyword parameters.
//! - Variable annotations are `AnnAssign` statements; parameter and return annotations are parsed
//!   and discarded.
//! - Nesting is limited so that neither the parser nor code walking the tree can overflow the
//!   stack: more than [`MAX_NESTING`] nested brackets or unary, `not`, `lambda`, `**` or
//!   conditional-expression levels give "too many nested parentheses" (CPython's tokenizer limit
//!   for brackets; CPython itself copes with deeper operator nesting); an expression tree deeper
//!   than [`MAX_TREE_DEPTH`] (long operator chains such as `1+1+...+1`, attribute or call chains,
//!   `elif` chains) gives "expression or statement nested too deeply" (CPython raises
//!   `RecursionError` near 3000); more than [`MAX_BLOCK_DEPTH`] nested blocks give CPython's
//!   IndentationError "too many levels of indentation".
//! - Errors inside f-string replacement fields carry CPython's `f-string: ` prefix but point at
//!   the field's real position in the file (CPython 3.11 reports odd columns there).
//! - CPython's PEG parser backtracks, and on a failed parse re-runs with extra error rules: when a
//!   statement holds two mistakes, or an operand fails to parse where CPython would have settled
//!   for a shorter expression (`x = a if b []`), the error reported here can differ. The
//!   IndentationErrors CPython shows without a caret ("unexpected indent", an error after
//!   dedents) are placed at the first token of the line, where CPython reports column 0 or a
//!   0-based column.
//! - When CPython would report a compiler-stage error, only the errors listed above are found
//!   here; the rest (`'return' outside function`, `nonlocal` at module level, ...) are
//!   `gillab-compiler`'s job.

mod atom;
mod call;
mod compound;
mod expr;
mod params;
mod stmt;
mod strings;
mod targets;

use crate::ast::{self, Expr, ExprKind};
use crate::error::SyntaxError;
use crate::span::Span;
use crate::token::{Token, TokenKind};

/// The most nested brackets, unary operators, `not`s, lambdas, `**` exponents, conditional
/// expressions and f-string fields the parser accepts (CPython's tokenizer allows 200 brackets).
pub const MAX_NESTING: u32 = 200;

/// The deepest expression tree the parser builds, counting left-associative chains
/// (`a+b+c`, `a.b.c`, `f()()`) and `elif` chains as well as nesting.
pub const MAX_TREE_DEPTH: u32 = 1000;

/// The most nested indented blocks (CPython's tokenizer limit, `MAXINDENT`).
pub const MAX_BLOCK_DEPTH: u32 = 100;

/// The result of one parsing function.
type PResult<T> = Result<T, SyntaxError>;

/// Stands in for the last token if a caller passes tokens without a final `EndOfFile`.
static EOF: Token = Token { kind: TokenKind::EndOfFile, span: Span { start: 0, end: 0 } };

/// Parses a module from the tokens [`crate::lexer::tokenize`] produced for `source`.
///
/// `source` is needed for f-string fields (re-lexed from the source text) and for line numbers in
/// messages. Never panics, whatever the tokens; a token list without a final `EndOfFile` is
/// treated as if it had one.
pub fn parse(source: &str, tokens: &[Token]) -> Result<ast::Module, SyntaxError> {
    let owned: Vec<Token>;
    let tokens = if tokens.last().is_some_and(|t| t.kind == TokenKind::EndOfFile) {
        tokens
    } else {
        let end = tokens.last().map_or(source.len() as u32, |t| t.span.end);
        owned = tokens
            .iter()
            .cloned()
            .chain([Token { kind: TokenKind::EndOfFile, span: Span { start: end, end } }])
            .collect();
        &owned
    };
    let mut parser = Parser::new(source, tokens);
    let body = parser.file()?;
    parser.finish()?;
    Ok(ast::Module { body })
}

/// Parses the input of `eval()` (CPython's `eval_input` rule) from the tokens of `source`: one
/// expression list (a tuple when it has a comma), then nothing but newlines.
///
/// Never panics, whatever the tokens (as [`parse`]).
pub fn parse_eval(source: &str, tokens: &[Token]) -> Result<Expr, SyntaxError> {
    let owned: Vec<Token>;
    let tokens = if tokens.last().is_some_and(|t| t.kind == TokenKind::EndOfFile) {
        tokens
    } else {
        let end = tokens.last().map_or(source.len() as u32, |t| t.span.end);
        owned = tokens
            .iter()
            .cloned()
            .chain([Token { kind: TokenKind::EndOfFile, span: Span { start: end, end } }])
            .collect();
        &owned
    };
    let mut parser = Parser::new(source, tokens);
    if parser.at(&TokenKind::Indent) {
        return Err(parser.unexpected_indent());
    }
    let e = parser.star_expressions()?;
    while matches!(parser.peek(), TokenKind::Newline | TokenKind::Dedent) {
        parser.bump();
    }
    if !parser.at(&TokenKind::EndOfFile) {
        return Err(parser.unexpected());
    }
    parser.finish()?;
    Ok(e)
}

/// The parser state: a cursor over the tokens plus nesting counters.
struct Parser<'a> {
    /// The whole source text.
    src: &'a str,
    /// The tokens; the last one is `EndOfFile`.
    toks: &'a [Token],
    /// Index of the current token (at most `toks.len()`).
    pos: usize,
    /// Current recursion depth (brackets, unary operators, ...): at most [`MAX_NESTING`].
    nest: u32,
    /// Current depth of the tree being built: at most [`MAX_TREE_DEPTH`].
    tree: u32,
    /// Current number of enclosing indented blocks: at most [`MAX_BLOCK_DEPTH`].
    blocks: u32,
    /// Number of enclosing brackets (for "Perhaps you forgot a comma?").
    brackets: u32,
    /// The position of a `not` after a comparison operand that was not followed by `in`.
    not_lookahead: Option<usize>,
    /// The first error CPython's symbol table would report, kept until the parse succeeds.
    symtable_error: Option<SyntaxError>,
    /// The first error CPython's compiler would report, kept until the parse succeeds.
    compile_error: Option<SyntaxError>,
}

/// A saved parser position for speculative parsing.
#[derive(Clone, Copy)]
struct Mark {
    /// Token index.
    pos: usize,
    /// Nesting counters.
    nest: u32,
    /// Tree depth.
    tree: u32,
    /// Bracket depth.
    brackets: u32,
    /// Whether a symbol-table error was already recorded.
    had_symtable: bool,
    /// Whether a compiler-stage error was already recorded.
    had_compile: bool,
}

/// Which later stage of CPython reports a deferred error (symbol-table errors come first).
#[derive(Clone, Copy)]
enum Stage {
    /// `symtable.c`: duplicate arguments.
    Symtable,
    /// `compile.c`: starred expressions, `except:` order, repeated keywords.
    Compile,
}

impl<'a> Parser<'a> {
    /// A parser at the first token.
    fn new(src: &'a str, toks: &'a [Token]) -> Parser<'a> {
        Parser {
            src,
            toks,
            pos: 0,
            nest: 0,
            tree: 0,
            blocks: 0,
            brackets: 0,
            not_lookahead: None,
            symtable_error: None,
            compile_error: None,
        }
    }

    /// Reports the deferred errors, if any, once the whole input has parsed.
    fn finish(&mut self) -> PResult<()> {
        match self.symtable_error.take().or_else(|| self.compile_error.take()) {
            Some(err) => Err(err),
            None => Ok(()),
        }
    }

    // ----- Token cursor -----

    /// The current token.
    fn tok(&self) -> &'a Token {
        self.nth(0)
    }

    /// The token `n` places ahead (the final `EndOfFile` past the end).
    fn nth(&self, n: usize) -> &'a Token {
        let toks: &'a [Token] = self.toks;
        toks.get(self.pos.saturating_add(n)).or(toks.last()).unwrap_or(&EOF)
    }

    /// The kind of the current token.
    fn peek(&self) -> &'a TokenKind {
        &self.tok().kind
    }

    /// Whether the current token is `kind` (only meaningful for tokens without data).
    fn at(&self, kind: &TokenKind) -> bool {
        self.peek() == kind
    }

    /// Consumes the current token and returns it (never moves past `EndOfFile`).
    fn bump(&mut self) -> &'a Token {
        let t = self.tok();
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }

    /// Consumes the current token if it is `kind`.
    fn eat(&mut self, kind: &TokenKind) -> bool {
        let found = self.at(kind);
        if found {
            self.bump();
        }
        found
    }

    /// Consumes a token of kind `kind` or fails with "invalid syntax" at the current token.
    fn expect(&mut self, kind: &TokenKind) -> PResult<&'a Token> {
        if self.at(kind) { Ok(self.bump()) } else { Err(self.unexpected()) }
    }

    /// The end offset of the last consumed token.
    fn prev_end(&self) -> u32 {
        let prev = self.pos.checked_sub(1).and_then(|i| self.toks.get(i));
        prev.map_or(self.tok().span.start, |t| t.span.end)
    }

    /// The span from `start` to the end of the last consumed token.
    fn span_from(&self, start: u32) -> Span {
        Span { start, end: self.prev_end().max(start) }
    }

    /// Whether the current token ends a simple statement.
    fn at_stmt_end(&self) -> bool {
        matches!(self.peek(), TokenKind::Newline | TokenKind::Semi | TokenKind::EndOfFile)
    }

    /// An identifier, or "invalid syntax" at the current token.
    fn ident(&mut self) -> PResult<ast::Ident> {
        let t = self.tok();
        match &t.kind {
            TokenKind::Name(name) => {
                self.bump();
                Ok(ast::Ident { name: name.clone(), span: t.span })
            }
            _ => Err(self.unexpected()),
        }
    }

    // ----- Speculation -----

    /// Saves the position for [`Parser::reset`].
    fn mark(&self) -> Mark {
        Mark {
            pos: self.pos,
            nest: self.nest,
            tree: self.tree,
            brackets: self.brackets,
            had_symtable: self.symtable_error.is_some(),
            had_compile: self.compile_error.is_some(),
        }
    }

    /// Returns to a saved position, forgetting deferred errors recorded since.
    fn reset(&mut self, m: Mark) {
        self.pos = m.pos;
        self.nest = m.nest;
        self.tree = m.tree;
        self.brackets = m.brackets;
        if !m.had_symtable {
            self.symtable_error = None;
        }
        if !m.had_compile {
            self.compile_error = None;
        }
    }

    // ----- Nesting limits -----

    /// Enters one level of nesting; fails past [`MAX_NESTING`] or [`MAX_TREE_DEPTH`].
    fn enter(&mut self) -> PResult<()> {
        self.nest += 1;
        self.tree += 1;
        if self.nest > MAX_NESTING || self.tree > MAX_TREE_DEPTH {
            return Err(self.too_deep());
        }
        Ok(())
    }

    /// Leaves a level entered with [`Parser::enter`].
    fn leave(&mut self) {
        self.nest = self.nest.saturating_sub(1);
        self.tree = self.tree.saturating_sub(1);
    }

    /// Deepens the tree by one level of a left-associative chain (the caller restores `tree`).
    fn grow(&mut self) -> PResult<()> {
        self.tree += 1;
        if self.tree > MAX_TREE_DEPTH { Err(self.too_deep()) } else { Ok(()) }
    }

    /// The error for input nested past the limits, at the current token.
    #[cold]
    fn too_deep(&self) -> SyntaxError {
        let msg = if self.nest > MAX_NESTING {
            "too many nested parentheses"
        } else {
            "expression or statement nested too deeply"
        };
        SyntaxError::new(msg, self.tok().span)
    }

    // ----- Errors -----

    /// Records an error a later CPython stage would report; the first one of each stage wins.
    fn defer(&mut self, stage: Stage, err: SyntaxError) {
        let slot = match stage {
            Stage::Symtable => &mut self.symtable_error,
            Stage::Compile => &mut self.compile_error,
        };
        if slot.is_none() {
            *slot = Some(err);
        }
    }

    /// "invalid syntax" at the current token, or the more specific error CPython gives there.
    #[cold]
    fn unexpected(&self) -> SyntaxError {
        let t = self.tok();
        match &t.kind {
            TokenKind::Indent => self.unexpected_indent(),
            // CPython looked one token past a `not` after an operand, hoping for `not in`.
            TokenKind::Not if self.not_lookahead == Some(self.pos) => {
                SyntaxError::new("invalid syntax", self.nth(1).span)
            }
            _ => SyntaxError::new("invalid syntax", t.span),
        }
    }

    /// IndentationError "unexpected indent" for the `Indent` at the current token: reported at the
    /// first token of the indented line, without a caret.
    #[cold]
    fn unexpected_indent(&self) -> SyntaxError {
        let first = if self.at(&TokenKind::Indent) { self.nth(1) } else { self.tok() };
        SyntaxError::indentation("unexpected indent", first.span, false)
    }
}

/// "X is not supported by gil-lab" for a feature outside the subset.
#[cold]
fn unsupported(what: &str, span: Span) -> SyntaxError {
    SyntaxError::new(format!("{what} is not supported by gil-lab"), span)
}

/// Builds an expression node.
fn node(kind: ExprKind, span: Span) -> Expr {
    Expr { kind, span }
}

/// Whether a token can begin an expression (used to detect a missing comma).
fn starts_expr(kind: &TokenKind) -> bool {
    use TokenKind as T;
    matches!(
        kind,
        T::Name(_)
            | T::Int(_)
            | T::Float(_)
            | T::Str(_)
            | T::Bytes(_)
            | T::FString(_)
            | T::True
            | T::False
            | T::None
            | T::Ellipsis
            | T::LParen
            | T::LBracket
            | T::LBrace
            | T::Minus
            | T::Plus
            | T::Tilde
            | T::Not
            | T::Lambda
            | T::Await
    )
}
