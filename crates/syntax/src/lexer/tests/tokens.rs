//! Token kinds: keywords, names, operators and delimiters, spans, and `tokenize_expr`.

use super::super::tokenize_expr;
use super::{int, kinds, lex, name, single, string, values};
use crate::span::Span;
use crate::token::TokenKind::{self, *};

#[test]
fn every_keyword() {
    let words = [
        ("False", False),
        ("None", TokenKind::None),
        ("True", True),
        ("and", And),
        ("as", As),
        ("assert", Assert),
        ("async", Async),
        ("await", Await),
        ("break", Break),
        ("class", Class),
        ("continue", Continue),
        ("def", Def),
        ("del", Del),
        ("elif", Elif),
        ("else", Else),
        ("except", Except),
        ("finally", Finally),
        ("for", For),
        ("from", From),
        ("global", Global),
        ("if", If),
        ("import", Import),
        ("in", In),
        ("is", Is),
        ("lambda", Lambda),
        ("nonlocal", Nonlocal),
        ("not", Not),
        ("or", Or),
        ("pass", Pass),
        ("raise", Raise),
        ("return", Return),
        ("try", Try),
        ("while", While),
        ("with", With),
        ("yield", Yield),
    ];
    for (word, kind) in words {
        assert_eq!(single(word), kind, "{word}");
    }
    // Soft keywords and near-misses are names.
    for word in ["match", "case", "_", "type", "print", "Import", "iff", "none", "self"] {
        assert_eq!(single(word), name(word));
    }
}

#[test]
fn names() {
    assert_eq!(
        values("abc _x x1 __init__ A_b2"),
        [name("abc"), name("_x"), name("x1"), name("__init__"), name("A_b2")]
    );
    // Unicode identifiers, including combining marks and letter-like numbers.
    assert_eq!(values("été = π"), [name("été"), Assign, name("π")]);
    assert_eq!(single("e\u{301}"), name("e\u{301}"));
    assert_eq!(single("变量"), name("变量"));
    assert_eq!(single("x٣"), name("x٣"));
    // String prefixes followed by something other than a quote are names.
    assert_eq!(
        values("r b f u rb br fr rf bu ur"),
        [
            name("r"),
            name("b"),
            name("f"),
            name("u"),
            name("rb"),
            name("br"),
            name("fr"),
            name("rf"),
            name("bu"),
            name("ur")
        ]
    );
    // `ur'x'` is not a prefix: a name followed by a string.
    assert_eq!(values("ur'x'"), [name("ur"), string("x")]);
}

#[test]
fn every_operator_and_delimiter() {
    let ops = [
        ("(", LParen),
        (")", RParen),
        ("[", LBracket),
        ("]", RBracket),
        ("{", LBrace),
        ("}", RBrace),
        (",", Comma),
        (":", Colon),
        (";", Semi),
        (".", Dot),
        ("...", Ellipsis),
        ("->", Arrow),
        ("@", At),
        ("=", Assign),
        (":=", Walrus),
        ("+", Plus),
        ("-", Minus),
        ("*", Star),
        ("**", DoubleStar),
        ("/", Slash),
        ("//", DoubleSlash),
        ("%", Percent),
        ("&", Amper),
        ("|", Pipe),
        ("^", Caret),
        ("~", Tilde),
        ("<<", LShift),
        (">>", RShift),
        ("<", Less),
        (">", Greater),
        ("<=", LessEqual),
        (">=", GreaterEqual),
        ("==", EqEqual),
        ("!=", NotEqual),
        ("+=", PlusEqual),
        ("-=", MinusEqual),
        ("*=", StarEqual),
        ("/=", SlashEqual),
        ("//=", DoubleSlashEqual),
        ("%=", PercentEqual),
        ("**=", DoubleStarEqual),
        ("&=", AmperEqual),
        ("|=", PipeEqual),
        ("^=", CaretEqual),
        ("<<=", LShiftEqual),
        (">>=", RShiftEqual),
        ("@=", AtEqual),
    ];
    for (text, kind) in ops {
        // Brackets must balance, so wrap the closing ones.
        let src = match text {
            ")" => "()".to_string(),
            "]" => "[]".to_string(),
            "}" => "{}".to_string(),
            "(" | "[" | "{" => continue,
            _ => text.to_string(),
        };
        let v = values(&src);
        if text.len() == 1 && ")]}".contains(text) {
            assert_eq!(v[1], kind, "{text}");
        } else {
            assert_eq!(v, [kind], "{text}");
        }
    }
}

#[test]
fn longest_match() {
    assert_eq!(
        values("a**=b//=c>>=d<<=e"),
        [
            name("a"),
            DoubleStarEqual,
            name("b"),
            DoubleSlashEqual,
            name("c"),
            RShiftEqual,
            name("d"),
            LShiftEqual,
            name("e")
        ]
    );
    assert_eq!(values("..."), [Ellipsis]);
    assert_eq!(values("...."), [Ellipsis, Dot]);
    assert_eq!(values("x.."), [name("x"), Dot, Dot]);
    assert_eq!(values("a->b"), [name("a"), Arrow, name("b")]);
    assert_eq!(values("a-->b"), [name("a"), Minus, Arrow, name("b")]);
    assert_eq!(values("(y:=1)"), [LParen, name("y"), Walrus, int(1), RParen]);
    assert_eq!(values("a<>b"), [name("a"), Less, Greater, name("b")]);
    assert_eq!(values("a===b"), [name("a"), EqEqual, Assign, name("b")]);
    assert_eq!(values("a!=b"), [name("a"), NotEqual, name("b")]);
    assert_eq!(values("x.y"), [name("x"), Dot, name("y")]);
    assert_eq!(values("1 .real"), [int(1), Dot, name("real")]);
    assert_eq!(values("@f"), [At, name("f")]);
}

#[test]
fn spans() {
    let src = "x  = 'ab' + 0x1F # c\n";
    let spans: Vec<(usize, usize)> =
        lex(src).iter().map(|t| (t.span.start as usize, t.span.end as usize)).collect();
    assert_eq!(spans, [(0, 1), (3, 4), (5, 9), (10, 11), (12, 16), (17, 21), (21, 21)]);
    // Non-ASCII: spans are byte offsets.
    let tokens = lex("é = 'ü'\n");
    assert_eq!(tokens[0].span, Span::new(0, 2));
    assert_eq!(tokens[2].span, Span::new(5, 9));
}

#[test]
fn byte_order_mark_is_skipped() {
    let tokens = lex("\u{feff}x = 1\n");
    assert_eq!(tokens[0].kind, name("x"));
    assert_eq!(tokens[0].span, Span::new(3, 4));
    assert_eq!(kinds("\u{feff}"), [EndOfFile]);
}

#[test]
fn expression_fragments() {
    // The expression of `f'{a +\n b}'` as the parser would re-lex it.
    let src = "f'''{a +\n b[1]}'''";
    let tokens = tokenize_expr(src, 5, 14).unwrap();
    let kinds: Vec<TokenKind> = tokens.iter().map(|t| t.kind.clone()).collect();
    assert_eq!(kinds, [name("a"), Plus, name("b"), LBracket, int(1), RBracket, EndOfFile]);
    assert_eq!(tokens[2].span, Span::new(10, 11));
    assert_eq!(tokens.last().unwrap().span, Span::new(14, 14));
    // Errors are positioned in the whole source.
    let err = tokenize_expr("f'{1abc}'", 3, 7).unwrap_err();
    assert_eq!(err.msg, "invalid decimal literal");
    assert_eq!(err.span, Span::new(3, 3));
    // Bad ranges do not panic.
    assert!(tokenize_expr("é", 1, 2).is_err());
    assert!(tokenize_expr("abc", 2, 99).is_err());
    assert_eq!(tokenize_expr("abc", 3, 1).unwrap().len(), 1);
}
