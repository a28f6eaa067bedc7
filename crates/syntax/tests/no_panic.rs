//! `parse_module` never panics and never overflows the stack, whatever the input: proptest over
//! arbitrary strings and over strings assembled from Python-ish fragments, plus deeply nested
//! inputs. (The test threads have the default 2 MiB stack, so this also checks that the nesting
//! limits keep debug builds within it.)

use gillab_syntax::parse_module;
use proptest::prelude::*;

/// Pieces of Python syntax that, glued together at random, reach deep into the parser.
#[rustfmt::skip]
const FRAGMENTS: &[&str] = &[
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
fn pythonish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_do_not_panic(src in any::<String>()) {
        let _ = parse_module(&src);
    }

    #[test]
    fn ascii_soup_does_not_panic(src in "[ -~\n\t]{0,80}") {
        let _ = parse_module(&src);
    }

    #[test]
    fn pythonish_fragments_do_not_panic(src in pythonish()) {
        let _ = parse_module(&src);
    }

    #[test]
    fn pythonish_lines_do_not_panic(lines in prop::collection::vec(pythonish(), 0..6)) {
        let _ = parse_module(&lines.join("\n"));
    }
}

/// Parses `src` and returns whether it parsed (errors are fine; panics and overflows are not).
fn survives(src: &str) -> bool {
    parse_module(src).is_ok()
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    assert!(!survives(&"(".repeat(100_000)));
    assert!(!survives(&format!("{}{}", "[".repeat(5000), "]".repeat(5000))));
    assert!(!survives(&format!("{}1", "-".repeat(100_000))));
    assert!(!survives(&format!("{}x", "not ".repeat(50_000))));
    assert!(!survives(&format!("{}1", "lambda: ".repeat(50_000))));
    assert!(!survives(&format!("2{}", " ** 2".repeat(50_000))));
    assert!(!survives(&format!("1{}", " if 1 else 1".repeat(50_000))));
    assert!(!survives(&format!("x = 1{}", " + 1".repeat(100_000))));
    assert!(!survives(&format!("x = a{}", ".b".repeat(100_000))));
    assert!(!survives(&format!("x = f{}", "(1)".repeat(100_000))));
    assert!(!survives(&format!("x = a{}", "[0]".repeat(100_000))));
    let mut blocks = String::new();
    for depth in 0..1000 {
        blocks.push_str(&" ".repeat(depth));
        blocks.push_str("if x:\n");
    }
    blocks.push_str(&" ".repeat(1000));
    blocks.push_str("pass\n");
    assert!(!survives(&blocks));
    let mut elifs = String::from("if x:\n    pass\n");
    elifs.push_str(&"elif x:\n    pass\n".repeat(100_000));
    assert!(!survives(&elifs));
}

#[test]
fn nesting_up_to_the_limits_fits_the_stack() {
    // The most stack-hungry constructs, as deep as the lexer and parser allow, inside the deepest
    // indentation the lexer allows.
    let mut src = String::new();
    for depth in 0..99 {
        src.push_str(&" ".repeat(depth));
        src.push_str(["if x:\n", "for x in y:\n", "def f():\n", "try:\n"][depth % 4]);
    }
    let indent = " ".repeat(99);
    for (open, close) in [("f(", ")"), ("a[", "]"), ("{1: ", "}"), ("(", ",)"), ("[", "]")] {
        let expr = format!("{}1{}", open.repeat(195), close.repeat(195));
        let mut text = format!("{src}{indent}x = {expr}\n");
        for depth in (0..99).rev() {
            if depth % 4 == 3 {
                text.push_str(&" ".repeat(depth));
                text.push_str("finally: pass\n");
            }
        }
        assert!(survives(&text), "{open}");
    }
    let unary = format!("x = {}1", "-(".repeat(99)) + &")".repeat(99);
    assert!(survives(&unary));
}
