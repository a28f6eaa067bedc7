//! Splitting f-strings into literal pieces and replacement fields.

use super::{lex, single};
use crate::token::FStringPiece::{self, Field, Literal};
use crate::token::TokenKind;

/// The pieces of the only token of `src`, which must be an f-string.
fn pieces(src: &str) -> Vec<FStringPiece> {
    match single(src) {
        TokenKind::FString(p) => p,
        other => panic!("{src:?} gave {other:?}"),
    }
}

/// A literal piece.
fn lit(s: &str) -> FStringPiece {
    Literal(s.to_string())
}

/// A plain field `{expr}` whose expression starts at byte `at`.
fn field(expr: &str, at: u32) -> FStringPiece {
    Field { expr: expr.into(), expr_start: at, conversion: None, spec: None, debug_text: None }
}

/// `piece` with a conversion.
fn conv(piece: FStringPiece, c: char) -> FStringPiece {
    match piece {
        Field { expr, expr_start, spec, debug_text, .. } => {
            Field { expr, expr_start, conversion: Some(c), spec, debug_text }
        }
        other => other,
    }
}

/// `piece` with a format spec.
fn spec(piece: FStringPiece, s: Vec<FStringPiece>) -> FStringPiece {
    match piece {
        Field { expr, expr_start, conversion, debug_text, .. } => {
            Field { expr, expr_start, conversion, spec: Some(s), debug_text }
        }
        other => other,
    }
}

/// `piece` with debug text (`{x=}`).
fn debug(piece: FStringPiece, d: &str) -> FStringPiece {
    match piece {
        Field { expr, expr_start, conversion, spec, .. } => {
            Field { expr, expr_start, conversion, spec, debug_text: Some(d.into()) }
        }
        other => other,
    }
}

#[test]
fn literal_only() {
    assert_eq!(pieces("f''"), []);
    assert_eq!(pieces("f'abc'"), [lit("abc")]);
    assert_eq!(pieces("F\"abc\""), [lit("abc")]);
    assert_eq!(pieces("f'{{}}'"), [lit("{}")]);
    assert_eq!(pieces("f'a{{b}}c'"), [lit("a{b}c")]);
    assert_eq!(pieces("f'}}'"), [lit("}")]);
    assert_eq!(pieces(r"f'\n\x41\N{BULLET}'"), [lit("\nA•")]);
    assert_eq!(pieces("f'''a\r\nb'''"), [lit("a\nb")]);
}

#[test]
fn fields() {
    assert_eq!(pieces("f'{x}'"), [field("x", 3)]);
    assert_eq!(
        pieces("f'a{x}b{ y + 1 }c'"),
        [lit("a"), field("x", 4), lit("b"), field(" y + 1 ", 8), lit("c")]
    );
    assert_eq!(pieces("f'{x}{y}'"), [field("x", 3), field("y", 6)]);
    assert_eq!(pieces("f'{{{x}}}'"), [lit("{"), field("x", 5), lit("}")]);
    // Offsets are in the whole file.
    let tokens = lex("s = f'{x}'");
    assert_eq!(tokens[2].kind, TokenKind::FString(vec![field("x", 7)]));
}

#[test]
fn conversions() {
    assert_eq!(pieces("f'{x!r}'"), [conv(field("x", 3), 'r')]);
    assert_eq!(pieces("f'{x!s}'"), [conv(field("x", 3), 's')]);
    assert_eq!(pieces("f'{x!a}'"), [conv(field("x", 3), 'a')]);
    // `!=` is an operator, not a conversion.
    assert_eq!(pieces("f'{a!=b}'"), [field("a!=b", 3)]);
    assert_eq!(pieces("f'{a!=b!r}'"), [conv(field("a!=b", 3), 'r')]);
}

#[test]
fn operators_that_do_not_end_the_expression() {
    assert_eq!(pieces("f'{a==b}'"), [field("a==b", 3)]);
    assert_eq!(pieces("f'{a<=b}'"), [field("a<=b", 3)]);
    assert_eq!(pieces("f'{a>=b}'"), [field("a>=b", 3)]);
    assert_eq!(pieces("f'{a<b>c}'"), [field("a<b>c", 3)]);
    // A top-level `:` starts the spec, even in `:=` (CPython 3.11 behaves the same).
    assert_eq!(pieces("f'{x:=10}'"), [spec(field("x", 3), vec![lit("=10")])]);
    assert_eq!(pieces("f'{(x:=10)}'"), [field("(x:=10)", 3)]);
}

#[test]
fn nested_brackets_and_strings() {
    assert_eq!(pieces("f'{d[\"k\"]}'"), [field("d[\"k\"]", 3)]);
    assert_eq!(pieces("f'{ {1: 2}[1] }'"), [field(" {1: 2}[1] ", 3)]);
    assert_eq!(pieces("f'{f(a, b=\":\")}'"), [field("f(a, b=\":\")", 3)]);
    assert_eq!(pieces("f'{\"}\"}'"), [field("\"}\"", 3)]);
    assert_eq!(pieces("f'{lambda: 1}'"), [spec(field("lambda", 3), vec![lit(" 1")])]);
    assert_eq!(pieces("f\"\"\"{'''a'''}\"\"\""), [field("'''a'''", 5)]);
    assert_eq!(pieces("f'''{\"\"\"}\"\"\"}'''"), [field("\"\"\"}\"\"\"", 5)]);
    // Multi-line expressions in triple-quoted f-strings.
    assert_eq!(pieces("f'''{\n  x\n}'''"), [field("\n  x\n", 5)]);
    // Nested f-strings with the other quote.
    assert_eq!(pieces("f'{f\"{x}\"}'"), [field("f\"{x}\"", 3)]);
}

#[test]
fn format_specs() {
    assert_eq!(pieces("f'{x:>10}'"), [spec(field("x", 3), vec![lit(">10")])]);
    assert_eq!(pieces("f'{x:}'"), [spec(field("x", 3), vec![])]);
    assert_eq!(
        pieces("f'{x:{w}.{p}f}'"),
        [spec(field("x", 3), vec![field("w", 6), lit("."), field("p", 10), lit("f")])]
    );
    assert_eq!(
        pieces("f'{x!r:>{w}}'"),
        [conv(spec(field("x", 3), vec![lit(">"), field("w", 9)]), 'r')]
    );
    // Nested fields may have a conversion and an (empty) spec, but no deeper fields.
    assert_eq!(
        pieces("f'{a:{b!r:}}'"),
        [spec(field("a", 3), vec![spec(conv(field("b", 6), 'r'), vec![])])]
    );
    // Escapes are processed in specs; doubled braces are not collapsed there.
    assert_eq!(pieces(r"f'{x:\x41}'"), [spec(field("x", 3), vec![lit("A")])]);
    assert_eq!(pieces("f'{a:{{}}}'"), [spec(field("a", 3), vec![field("{}", 6)])]);
    assert_eq!(pieces("f'{a:}}}'"), [spec(field("a", 3), vec![]), lit("}")]);
}

#[test]
fn self_documenting_fields() {
    // `{x=}` gets the text and, with no conversion or spec, the `!r` conversion.
    assert_eq!(pieces("f'{x=}'"), [conv(debug(field("x", 3), "x="), 'r')]);
    assert_eq!(pieces("f'{x = }'"), [conv(debug(field("x ", 3), "x = "), 'r')]);
    assert_eq!(pieces("f'{x=!s}'"), [conv(debug(field("x", 3), "x="), 's')]);
    assert_eq!(pieces("f'{x=:>5}'"), [debug(spec(field("x", 3), vec![lit(">5")]), "x=")]);
    assert_eq!(pieces("f'a{x + 1=}'"), [lit("a"), conv(debug(field("x + 1", 4), "x + 1="), 'r')]);
    assert_eq!(pieces("f'{a==b=}'"), [conv(debug(field("a==b", 3), "a==b="), 'r')]);
}

#[test]
fn raw_f_strings() {
    assert_eq!(pieces(r"rf'\n{x}\d'"), [lit(r"\n"), field("x", 6), lit(r"\d")]);
    assert_eq!(pieces(r"fR'\{x}'"), [lit("\\"), field("x", 5)]);
    assert_eq!(pieces(r"Rf'{x:\n}'"), [spec(field("x", 4), vec![lit(r"\n")])]);
}

#[test]
fn backslashes_before_braces() {
    // `\{` is an unknown escape: the backslash stays and the brace opens a field.
    assert_eq!(pieces(r"f'\{6*7}'"), [lit("\\"), field("6*7", 4)]);
    assert_eq!(pieces(r"f'\{{x'"), [lit("\\{x")]);
    // `\N{...}` braces are not fields.
    assert_eq!(pieces(r"f'\N{BULLET}{x}'"), [lit("•"), field("x", 13)]);
}
