//! Python-ish fragments for the no-panic property tests of the syntax and compiler crates
//! (included by both with `#[path]`).

use proptest::prelude::*;

/// Pieces of Python syntax that, glued together at random, reach deep into the parser.
#[rustfmt::skip]
pub const FRAGMENTS: &[&str] = &[
    // Keywords and soft keywords.
    "if ", "elif ", "else", "while ", "for ", " in ", "not ", " and ", " or ", "is ", "def ",
    "class ", "return", "pass", "break", "continue", "del ", "global ", "nonlocal ", "import ",
    "from ", " as ", "try", "except", "finally", "with ", "raise ", "assert ", "lambda", "yield",
    "async ", "await ", "match ", "case ", "None", "True", "False", "print ",
    // Names and literals.
    "x", "y", "f", "_", "a.b", "1", "0x1f", "1.5", "1e9", "10**100", "...",
    // Brackets.
    "(", ")", "[", "]", "{", "}", "()", "[]", "{}",
    // Punctuation and operators.
    ":", ",", ";", ".", "=", "==", "!=", "<", ">=", "+", "-", "*", "**", "/", "//", "%", "@",
    "&", "|", "^", "~", "<<", ">>", "->", ":=", "+=", "**=", "//=", "@=", "*x", "**kw",
    // Strings and f-strings.
    "'s'", "\"t\"", "b'b'", "'''", "\"\"\"", "f'", "f\"", "f'{x}'", "f'{x!r:>{w}}'", "f'{x=}'",
    "f'{", "{x", "}'", "'{}'", "\\", "#c",
    // Layout.
    "\n", "\n", "\n    ", "\n        ", "    ", "\t", "\r\n",
];

/// A string made of random fragments.
pub fn pythonish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40).prop_map(|parts| parts.concat())
}

/// The deepest programs the lexer and parser accept: the most stack-hungry bracket kinds, 195
/// deep, inside 99 nested blocks (`if`, `for`, `def`, `try`).
pub fn deepest_programs() -> Vec<String> {
    let mut head = String::new();
    for depth in 0..99 {
        head.push_str(&" ".repeat(depth));
        head.push_str(["if x:\n", "for x in y:\n", "def f():\n", "try:\n"][depth % 4]);
    }
    let indent = " ".repeat(99);
    let mut out = Vec::new();
    for (open, close) in [("f(", ")"), ("a[", "]"), ("{1: ", "}"), ("(", ",)"), ("[", "]")] {
        let expr = format!("{}1{}", open.repeat(195), close.repeat(195));
        let mut text = format!("{head}{indent}x = {expr}\n");
        for depth in (0..99).rev() {
            if depth % 4 == 3 {
                text.push_str(&" ".repeat(depth));
                text.push_str("finally: pass\n");
            }
        }
        out.push(text);
    }
    out
}
