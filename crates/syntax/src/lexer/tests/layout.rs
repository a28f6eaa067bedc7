//! Logical lines, `Newline`, `Indent` and `Dedent`.

use super::{int, kinds, lex, name};
use crate::span::Span;
use crate::token::TokenKind::*;

#[test]
fn empty_and_blank_sources() {
    for src in
        ["", "\n", "\n\n\n", "   ", "  \n\t\n", "# only a comment", "# c\n   # d\n", "\x0c\n"]
    {
        assert_eq!(kinds(src), [EndOfFile], "{src:?}");
    }
}

#[test]
fn newline_at_end_of_file() {
    assert_eq!(kinds("x"), [name("x"), Newline, EndOfFile]);
    assert_eq!(kinds("x\n"), [name("x"), Newline, EndOfFile]);
    assert_eq!(kinds("x # c"), [name("x"), Newline, EndOfFile]);
    let tokens = lex("x");
    assert_eq!(tokens[1].span, Span::new(1, 1));
    assert_eq!(tokens[2].span, Span::new(1, 1));
}

#[test]
fn newline_spans() {
    // The Newline covers the terminator, starting at a trailing comment like CPython's NEWLINE.
    let tokens = lex("a\nb  # note\r\nc\rd");
    let newlines: Vec<Span> = tokens.iter().filter(|t| t.kind == Newline).map(|t| t.span).collect();
    assert_eq!(newlines, [Span::new(1, 2), Span::new(5, 13), Span::new(14, 15), Span::new(16, 16)]);
    let tokens = lex("a # end");
    assert_eq!(tokens[1].span, Span::new(2, 7));
}

#[test]
fn line_endings() {
    let expected = [name("a"), Newline, name("b"), Newline, name("c"), Newline, EndOfFile];
    assert_eq!(kinds("a\nb\nc\n"), expected);
    assert_eq!(kinds("a\r\nb\r\nc\r\n"), expected);
    assert_eq!(kinds("a\rb\rc\r"), expected);
    assert_eq!(kinds("a\r\n\r\nb\rc"), expected);
}

#[test]
fn blank_and_comment_lines_produce_nothing() {
    let src = "a\n\n   \n# comment\n    # indented comment\n\t\nb\n";
    assert_eq!(kinds(src), [name("a"), Newline, name("b"), Newline, EndOfFile]);
}

#[test]
fn indent_and_dedent() {
    let src = "if x:\n    y\nz\n";
    assert_eq!(
        kinds(src),
        [
            If,
            name("x"),
            Colon,
            Newline,
            Indent,
            name("y"),
            Newline,
            Dedent,
            name("z"),
            Newline,
            EndOfFile
        ]
    );
    // The Indent covers the first character of the line; the Dedent is empty, at the first token.
    let tokens = lex(src);
    assert_eq!(tokens[4].span, Span::new(10, 11));
    assert_eq!(tokens[7].span, Span::new(12, 12));
    let tokens = lex("if x:\n  é\n");
    assert_eq!(tokens[4].span, Span::new(8, 10));
}

#[test]
fn nested_blocks_and_multi_level_dedent() {
    let src = "a:\n  b:\n    c:\n      d\n  e\nf\n";
    let k: Vec<_> = kinds(src).into_iter().filter(|k| matches!(k, Indent | Dedent)).collect();
    assert_eq!(k, [Indent, Indent, Indent, Dedent, Dedent, Dedent]);
    let all = kinds(src);
    let e = all.iter().position(|k| *k == name("e")).unwrap();
    assert_eq!(all[e - 2..e], [Dedent, Dedent]);
    // Dedents at end of input.
    let k = kinds("a:\n  b:\n    c");
    assert_eq!(k[k.len() - 5..], [name("c"), Newline, Dedent, Dedent, EndOfFile]);
}

#[test]
fn blank_lines_and_comments_inside_blocks() {
    let src = "def f():\n    a\n\n# at column 0\n  # odd column\n    b\n\n\nc\n";
    let k: Vec<_> = kinds(src).into_iter().filter(|k| matches!(k, Indent | Dedent)).collect();
    assert_eq!(k, [Indent, Dedent]);
    assert_eq!(kinds("if x:\n    a\n    \n")[4..], [Indent, name("a"), Newline, Dedent, EndOfFile]);
}

#[test]
fn tabs() {
    // A tab advances to column 8: "\t" and 8 spaces are the same level both ways only if the
    // comparison with tab size 1 agrees, which it does not; but a tab then a tab is consistent.
    assert_eq!(kinds("if x:\n\ta\n\tb\n").iter().filter(|k| matches!(k, Indent)).count(), 1);
    assert_eq!(
        kinds("if x:\n\tif y:\n\t\ta\n\tb\n").iter().filter(|k| matches!(k, Indent)).count(),
        2
    );
    // Spaces then a tab: column 8 with tab size 8, column 3 with tab size 1, consistently.
    assert_eq!(kinds("if x:\n  \ta\n  \tb\n").iter().filter(|k| matches!(k, Indent)).count(), 1);
    // A form feed resets the column.
    assert_eq!(kinds("if x:\n  a\n\x0c  b\n").iter().filter(|k| matches!(k, Indent)).count(), 1);
    assert_eq!(kinds("x\n  \x0cy\n"), [name("x"), Newline, name("y"), Newline, EndOfFile]);
}

#[test]
fn implicit_line_joining() {
    let src = "x = (1,\n  2,\n\n  # comment\n     3)\ny\n";
    assert_eq!(
        kinds(src),
        [
            name("x"),
            Assign,
            LParen,
            int(1),
            Comma,
            int(2),
            Comma,
            int(3),
            RParen,
            Newline,
            name("y"),
            Newline,
            EndOfFile
        ]
    );
    assert_eq!(kinds("[\n]\n{\n}")[..4], [LBracket, RBracket, Newline, LBrace]);
    // Indentation inside brackets does not matter.
    let src = "if x:\n    f(a,\nb,\n            c)\n    d\n";
    assert_eq!(kinds(src).iter().filter(|k| matches!(k, Indent | Dedent)).count(), 2);
}

#[test]
fn explicit_line_joining() {
    assert_eq!(
        kinds("x = 1 + \\\n    2\n"),
        [name("x"), Assign, int(1), Plus, int(2), Newline, EndOfFile]
    );
    assert_eq!(kinds("x = \\\r\n1\n")[..3], [name("x"), Assign, int(1)]);
    assert_eq!(kinds("if x:\n    a = \\\n1\n    b\n").iter().filter(|k| **k == Dedent).count(), 1);
    // A continued line that is then empty ends the logical line there.
    assert_eq!(kinds("x \\\n\ny\n"), [name("x"), Newline, name("y"), Newline, EndOfFile]);
    // A backslash in the indentation: the first one fixes the indentation (CPython 3.11).
    assert_eq!(kinds("if x:\n    \\\n  a\n")[4..6], [Indent, name("a")]);
    assert_eq!(kinds("if x:\n\\\n    a\n")[4..6], [Indent, name("a")]);
    // A backslash-only line is nothing.
    assert_eq!(kinds("\\\nx\n"), [name("x"), Newline, EndOfFile]);
}

#[test]
fn semicolons_and_compound_lines() {
    assert_eq!(kinds("a; b;\n"), [name("a"), Semi, name("b"), Semi, Newline, EndOfFile]);
    assert_eq!(kinds("if x: y\n"), [If, name("x"), Colon, name("y"), Newline, EndOfFile]);
}

#[test]
fn deep_nesting() {
    // 99 indentation levels are allowed.
    let mut src = String::new();
    for i in 0..99 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(99));
    src.push_str("pass\n");
    let k = kinds(&src);
    assert_eq!(k.iter().filter(|k| **k == Indent).count(), 99);
    assert_eq!(k.iter().filter(|k| **k == Dedent).count(), 99);
    // 200 nested brackets are allowed.
    let src = format!("{}1{}", "(".repeat(200), ")".repeat(200));
    assert_eq!(kinds(&src).len(), 403);
}
