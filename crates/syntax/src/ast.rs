//! The abstract syntax tree, close to CPython's `ast` module in shape and naming.
//!
//! Every statement and expression carries the [`Span`] of its source text. The tree is produced
//! by [`crate::parser`] and consumed by `gillab-compiler`.

use crate::span::Span;
pub use crate::token::IntLit;

/// A parsed module: the statements of one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    /// Top-level statements.
    pub body: Vec<Stmt>,
}

/// An identifier with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Ident {
    /// The name.
    pub name: String,
    /// Where it appears.
    pub span: Span,
}

/// A statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    /// What kind of statement.
    pub kind: StmtKind,
    /// Its source range (for compound statements, the header through the end of the body).
    pub span: Span,
}

/// The statement forms.
#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// An expression evaluated for its effect.
    Expr(Expr),
    /// `t1 = t2 = ... = value`; `targets` in source order (at least one).
    Assign {
        /// Assignment targets: names, attributes, subscripts, tuples/lists of targets, starred.
        targets: Vec<Expr>,
        /// The assigned value.
        value: Expr,
    },
    /// `target: annotation [= value]`.
    AnnAssign {
        /// A name, attribute or subscript.
        target: Expr,
        /// The annotation expression.
        annotation: Expr,
        /// The assigned value, if any.
        value: Option<Expr>,
        /// The target is a bare (unparenthesized) name: only then is the annotation stored in
        /// `__annotations__` (module and class bodies).
        simple: bool,
    },
    /// `target op= value`.
    AugAssign {
        /// A name, attribute or subscript.
        target: Expr,
        /// The operator (`+` for `+=`).
        op: BinOp,
        /// The right-hand side.
        value: Expr,
    },
    /// `pass`
    Pass,
    /// `break`
    Break,
    /// `continue`
    Continue,
    /// `del t1, t2`
    Delete(Vec<Expr>),
    /// `if test: body else: orelse` (`elif` is an `If` alone in `orelse`).
    If {
        /// Condition.
        test: Expr,
        /// Taken branch.
        body: Vec<Stmt>,
        /// `else`/`elif` branch; empty if absent.
        orelse: Vec<Stmt>,
    },
    /// `while test: body else: orelse`
    While {
        /// Condition.
        test: Expr,
        /// Loop body.
        body: Vec<Stmt>,
        /// Runs when the loop ends without `break`.
        orelse: Vec<Stmt>,
    },
    /// `for target in iter: body else: orelse` (or `async for`)
    For {
        /// `async for`.
        is_async: bool,
        /// Loop target (any assignment target).
        target: Expr,
        /// The iterable.
        iter: Expr,
        /// Loop body.
        body: Vec<Stmt>,
        /// Runs when the loop ends without `break`.
        orelse: Vec<Stmt>,
    },
    /// `def name(params): body`
    FunctionDef(Box<FunctionDef>),
    /// `class name(bases): body`
    ClassDef(Box<ClassDef>),
    /// `return` or `return value`
    Return(Option<Expr>),
    /// `global a, b`
    Global(Vec<Ident>),
    /// `nonlocal a, b`
    Nonlocal(Vec<Ident>),
    /// `import a.b as c, d`
    Import(Vec<Alias>),
    /// `from module import a as b, c` (`from m import *` is not supported)
    ImportFrom {
        /// The dotted module name.
        module: Ident,
        /// Imported names.
        names: Vec<Alias>,
    },
    /// `with a as x, b: body` (or `async with`)
    With {
        /// `async with`.
        is_async: bool,
        /// Context managers, outermost first.
        items: Vec<WithItem>,
        /// Body.
        body: Vec<Stmt>,
    },
    /// `try: body except...: else: finally:`
    Try {
        /// Protected body.
        body: Vec<Stmt>,
        /// `except` clauses in order.
        handlers: Vec<ExceptHandler>,
        /// Runs if `body` raised nothing.
        orelse: Vec<Stmt>,
        /// Always runs.
        finalbody: Vec<Stmt>,
    },
    /// `raise`, `raise exc`, `raise exc from cause`
    Raise {
        /// The exception (class or instance); `None` re-raises the active one.
        exc: Option<Expr>,
        /// The `from` clause.
        cause: Option<Expr>,
    },
    /// `assert test, msg`
    Assert {
        /// Condition.
        test: Expr,
        /// Optional message.
        msg: Option<Expr>,
    },
}

/// A function definition (also used for the body-less parts of a lambda: see [`Parameters`]).
#[derive(Debug, Clone, PartialEq)]
pub struct FunctionDef {
    /// The function's name.
    pub name: Ident,
    /// Its parameters.
    pub params: Parameters,
    /// Its body.
    pub body: Vec<Stmt>,
    /// Decorators, outermost first (`@a @b def f` has `[a, b]`).
    pub decorators: Vec<Expr>,
    /// `async def`.
    pub is_async: bool,
}

/// A class definition.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassDef {
    /// The class name.
    pub name: Ident,
    /// Base classes.
    pub bases: Vec<Expr>,
    /// Keyword arguments of the class statement (`metaclass=M`, arguments of
    /// `__init_subclass__`); `arg: None` for `**k`.
    pub keywords: Vec<Keyword>,
    /// The class body.
    pub body: Vec<Stmt>,
    /// Decorators, outermost first.
    pub decorators: Vec<Expr>,
}

/// A formal parameter with an optional default.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// The parameter name.
    pub name: Ident,
    /// The default value, if any.
    pub default: Option<Expr>,
}

/// A parameter list: `def f(a, b=1, *args, c, d=2, **kwargs)`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parameters {
    /// Positional-or-keyword parameters (`a, b=1`).
    pub args: Vec<Param>,
    /// `*args`.
    pub vararg: Option<Ident>,
    /// Keyword-only parameters (after `*` or `*args`).
    pub kwonly: Vec<Param>,
    /// `**kwargs`.
    pub kwarg: Option<Ident>,
}

/// `name` or `dotted.name as alias` in an import.
#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    /// The (possibly dotted) name.
    pub name: Ident,
    /// The `as` name.
    pub asname: Option<Ident>,
}

/// One `expr as target` item of a `with` statement.
#[derive(Debug, Clone, PartialEq)]
pub struct WithItem {
    /// The context manager expression.
    pub context: Expr,
    /// The `as` target.
    pub target: Option<Expr>,
}

/// One `except T as name:` clause.
#[derive(Debug, Clone, PartialEq)]
pub struct ExceptHandler {
    /// The exception type (or tuple of types); `None` for a bare `except:`.
    pub typ: Option<Expr>,
    /// The `as` name.
    pub name: Option<Ident>,
    /// The handler body.
    pub body: Vec<Stmt>,
    /// The span of the `except ...:` header.
    pub span: Span,
}

/// An expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What kind of expression.
    pub kind: ExprKind,
    /// Its source range.
    pub span: Span,
}

/// The expression forms.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// A variable reference.
    Name(String),
    /// `None`
    None,
    /// `True` / `False`
    Bool(bool),
    /// `...`
    Ellipsis,
    /// An integer literal.
    Int(IntLit),
    /// A float literal.
    Float(f64),
    /// A string literal (adjacent literals already concatenated).
    Str(String),
    /// A bytes literal (adjacent literals already concatenated).
    Bytes(Vec<u8>),
    /// An f-string (adjacent plain and f-strings merged into one).
    FString(Vec<FStringPart>),
    /// `[a, b]`
    List(Vec<Expr>),
    /// `(a, b)` or `a, b`
    Tuple(Vec<Expr>),
    /// `{a, b}`
    Set(Vec<Expr>),
    /// `{k: v, **m}`: a `None` key marks a `**m` spread.
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `*x` in a call, a literal or an assignment target.
    Starred(Box<Expr>),
    /// `[elt for ...]`
    ListComp {
        /// The element.
        elt: Box<Expr>,
        /// The `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `{elt for ...}`
    SetComp {
        /// The element.
        elt: Box<Expr>,
        /// The `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `{key: value for ...}`
    DictComp {
        /// The key.
        key: Box<Expr>,
        /// The value.
        value: Box<Expr>,
        /// The `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `(elt for ...)`
    GeneratorExp {
        /// The element.
        elt: Box<Expr>,
        /// The `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `value.attr`
    Attribute {
        /// The object.
        value: Box<Expr>,
        /// The attribute name.
        attr: Ident,
    },
    /// `value[index]`
    Subscript {
        /// The container.
        value: Box<Expr>,
        /// The index; a `Slice` or a `Tuple` of them for `a[1:2, 3]`.
        index: Box<Expr>,
    },
    /// `lower:upper:step` (only inside a subscript)
    Slice {
        /// Start.
        lower: Option<Box<Expr>>,
        /// Stop.
        upper: Option<Box<Expr>>,
        /// Step.
        step: Option<Box<Expr>>,
    },
    /// `func(args, key=value, *a, **k)`
    Call {
        /// The callee.
        func: Box<Expr>,
        /// Positional arguments, in order; `Starred` for `*a`.
        args: Vec<Expr>,
        /// Keyword arguments, in order; `arg: None` for `**k`.
        keywords: Vec<Keyword>,
    },
    /// `op operand`
    UnaryOp {
        /// The operator.
        op: UnaryOp,
        /// The operand.
        operand: Box<Expr>,
    },
    /// `left op right`
    BinOp {
        /// Left operand.
        left: Box<Expr>,
        /// The operator.
        op: BinOp,
        /// Right operand.
        right: Box<Expr>,
    },
    /// `a and b and c` / `a or b`
    BoolOp {
        /// `and` or `or`.
        op: BoolOp,
        /// Two or more operands.
        values: Vec<Expr>,
    },
    /// `a < b <= c`
    Compare {
        /// The first operand.
        left: Box<Expr>,
        /// The operators (one per comparator).
        ops: Vec<CmpOp>,
        /// The remaining operands.
        comparators: Vec<Expr>,
    },
    /// `body if test else orelse`
    IfExp {
        /// Condition.
        test: Box<Expr>,
        /// Value when true.
        body: Box<Expr>,
        /// Value when false.
        orelse: Box<Expr>,
    },
    /// `lambda params: body`
    Lambda {
        /// Parameters.
        params: Box<Parameters>,
        /// The returned expression.
        body: Box<Expr>,
    },
    /// `yield` or `yield value` (`yield a, b` yields a tuple).
    Yield {
        /// The yielded value; `None` for a bare `yield`.
        value: Option<Box<Expr>>,
    },
    /// `yield from value`
    YieldFrom {
        /// The delegated-to iterable.
        value: Box<Expr>,
    },
    /// `await value`
    Await {
        /// The awaited expression.
        value: Box<Expr>,
    },
    /// `target := value`
    NamedExpr {
        /// Always an [`ExprKind::Name`].
        target: Box<Expr>,
        /// The assigned value.
        value: Box<Expr>,
    },
}

/// A piece of an f-string.
#[derive(Debug, Clone, PartialEq)]
pub enum FStringPart {
    /// Literal text.
    Literal(String),
    /// `{value!conversion:spec}`
    Field {
        /// The expression.
        value: Box<Expr>,
        /// `Some('r' | 's' | 'a')`.
        conversion: Option<char>,
        /// The format spec (may itself contain fields).
        spec: Option<Vec<FStringPart>>,
    },
}

/// One `for target in iter if cond...` (or `async for ...`) clause of a comprehension.
#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    /// The loop target.
    pub target: Expr,
    /// The iterable.
    pub iter: Expr,
    /// Filter conditions.
    pub ifs: Vec<Expr>,
    /// `async for`.
    pub is_async: bool,
}

/// A keyword argument in a call.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    /// The keyword; `None` for `**mapping`.
    pub arg: Option<Ident>,
    /// The value.
    pub value: Expr,
    /// The whole `key=value` span.
    pub span: Span,
}

/// Binary operators (also used for augmented assignment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mult,
    /// `@`
    MatMult,
    /// `/`
    Div,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `&`
    BitAnd,
}

impl BinOp {
    /// The operator as written in source (`+`, `//`, ...).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mult => "*",
            BinOp::MatMult => "@",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
        }
    }
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `not x`
    Not,
    /// `~x`
    Invert,
}

/// `and` / `or`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoolOp {
    /// `and`
    And,
    /// `or`
    Or,
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `<`
    Lt,
    /// `<=`
    LtE,
    /// `>`
    Gt,
    /// `>=`
    GtE,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}

impl CmpOp {
    /// The operator as written in source.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}
