//! Tokens produced by the lexer.

use crate::span::Span;
use num_bigint::BigInt;

/// An integer literal: small values stay machine integers, larger ones are arbitrary precision.
#[derive(Debug, Clone, PartialEq)]
pub enum IntLit {
    /// Fits in an `i64`.
    Small(i64),
    /// Does not fit in an `i64`.
    Big(BigInt),
}

/// One piece of an f-string as the lexer hands it to the parser: literal text with escapes
/// already processed (`{{` and `}}` collapsed), or the raw source of a replacement field.
#[derive(Debug, Clone, PartialEq)]
pub enum FStringPiece {
    /// Literal text.
    Literal(String),
    /// A replacement field `{expr!c:spec}`: `expr` is the raw expression source and `expr_start`
    /// its byte offset in the file, so the parser can re-lex it with correct spans. `spec` is the
    /// format spec, itself a list of pieces (it may contain nested `{...}` fields).
    Field {
        /// Raw source text of the expression.
        expr: String,
        /// Byte offset of `expr` in the whole file.
        expr_start: u32,
        /// `Some('r' | 's' | 'a')` for `!r`, `!s`, `!a`.
        conversion: Option<char>,
        /// The format spec after `:`, if any.
        spec: Option<Vec<FStringPiece>>,
        /// For the `f"{x=}"` form: the text `x=` (with its whitespace) to print before the value.
        debug_text: Option<String>,
    },
}

/// The kind of a token.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenKind {
    /// An identifier.
    Name(String),
    /// An integer literal.
    Int(IntLit),
    /// A float literal.
    Float(f64),
    /// A string literal (any quoting, escapes processed; raw strings keep backslashes).
    Str(String),
    /// A bytes literal.
    Bytes(Vec<u8>),
    /// An f-string literal, split into pieces.
    FString(Vec<FStringPiece>),
    /// End of a logical line.
    Newline,
    /// Indentation increased.
    Indent,
    /// Indentation decreased (one token per level closed).
    Dedent,
    /// End of input.
    EndOfFile,

    // Keywords.
    /// `False`
    False,
    /// `None`
    None,
    /// `True`
    True,
    /// `and`
    And,
    /// `as`
    As,
    /// `assert`
    Assert,
    /// `async`
    Async,
    /// `await`
    Await,
    /// `break`
    Break,
    /// `class`
    Class,
    /// `continue`
    Continue,
    /// `def`
    Def,
    /// `del`
    Del,
    /// `elif`
    Elif,
    /// `else`
    Else,
    /// `except`
    Except,
    /// `finally`
    Finally,
    /// `for`
    For,
    /// `from`
    From,
    /// `global`
    Global,
    /// `if`
    If,
    /// `import`
    Import,
    /// `in`
    In,
    /// `is`
    Is,
    /// `lambda`
    Lambda,
    /// `nonlocal`
    Nonlocal,
    /// `not`
    Not,
    /// `or`
    Or,
    /// `pass`
    Pass,
    /// `raise`
    Raise,
    /// `return`
    Return,
    /// `try`
    Try,
    /// `while`
    While,
    /// `with`
    With,
    /// `yield`
    Yield,

    // Operators and delimiters.
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `[`
    LBracket,
    /// `]`
    RBracket,
    /// `{`
    LBrace,
    /// `}`
    RBrace,
    /// `,`
    Comma,
    /// `:`
    Colon,
    /// `;`
    Semi,
    /// `.`
    Dot,
    /// `...`
    Ellipsis,
    /// `->`
    Arrow,
    /// `@`
    At,
    /// `=`
    Assign,
    /// `:=`
    Walrus,
    /// `+`
    Plus,
    /// `-`
    Minus,
    /// `*`
    Star,
    /// `**`
    DoubleStar,
    /// `/`
    Slash,
    /// `//`
    DoubleSlash,
    /// `%`
    Percent,
    /// `&`
    Amper,
    /// `|`
    Pipe,
    /// `^`
    Caret,
    /// `~`
    Tilde,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `<`
    Less,
    /// `>`
    Greater,
    /// `<=`
    LessEqual,
    /// `>=`
    GreaterEqual,
    /// `==`
    EqEqual,
    /// `!=`
    NotEqual,
    /// `+=`
    PlusEqual,
    /// `-=`
    MinusEqual,
    /// `*=`
    StarEqual,
    /// `/=`
    SlashEqual,
    /// `//=`
    DoubleSlashEqual,
    /// `%=`
    PercentEqual,
    /// `**=`
    DoubleStarEqual,
    /// `&=`
    AmperEqual,
    /// `|=`
    PipeEqual,
    /// `^=`
    CaretEqual,
    /// `<<=`
    LShiftEqual,
    /// `>>=`
    RShiftEqual,
    /// `@=`
    AtEqual,
}

impl TokenKind {
    /// The keyword token for `word`, if it is one of Python's keywords.
    pub fn keyword(word: &str) -> Option<TokenKind> {
        use TokenKind::*;
        Some(match word {
            "False" => False,
            "None" => None,
            "True" => True,
            "and" => And,
            "as" => As,
            "assert" => Assert,
            "async" => Async,
            "await" => Await,
            "break" => Break,
            "class" => Class,
            "continue" => Continue,
            "def" => Def,
            "del" => Del,
            "elif" => Elif,
            "else" => Else,
            "except" => Except,
            "finally" => Finally,
            "for" => For,
            "from" => From,
            "global" => Global,
            "if" => If,
            "import" => Import,
            "in" => In,
            "is" => Is,
            "lambda" => Lambda,
            "nonlocal" => Nonlocal,
            "not" => Not,
            "or" => Or,
            "pass" => Pass,
            "raise" => Raise,
            "return" => Return,
            "try" => Try,
            "while" => While,
            "with" => With,
            "yield" => Yield,
            _ => return Option::None,
        })
    }
}

/// A token with its source span.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// What the token is.
    pub kind: TokenKind,
    /// Where it is. `Newline` at end of file and `Dedent`/`EndOfFile` have empty spans.
    pub span: Span,
}
