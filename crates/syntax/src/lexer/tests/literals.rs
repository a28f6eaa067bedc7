//! Number, string and bytes literals.

use super::{int, name, single, string, values};
use crate::token::IntLit;
use crate::token::TokenKind::{self, *};
use num_bigint::BigInt;

/// A `Float` token.
fn float(v: f64) -> TokenKind {
    Float(v)
}

/// A `Bytes` token.
fn bytes(v: &[u8]) -> TokenKind {
    Bytes(v.to_vec())
}

#[test]
fn integers() {
    let cases = [
        ("0", 0),
        ("00", 0),
        ("0_0", 0),
        ("7", 7),
        ("1_000_000", 1_000_000),
        ("0x1F", 31),
        ("0XfF", 255),
        ("0x_1f", 31),
        ("0x1_f", 31),
        ("0o17", 15),
        ("0O_7", 7),
        ("0b101", 5),
        ("0B_1_0", 2),
        ("9223372036854775807", i64::MAX),
        ("0x7fffffffffffffff", i64::MAX),
    ];
    for (src, v) in cases {
        assert_eq!(single(src), int(v), "{src}");
    }
}

#[test]
fn big_integers() {
    let big =
        |s: &str, radix: u32| Int(IntLit::Big(BigInt::parse_bytes(s.as_bytes(), radix).unwrap()));
    assert_eq!(single("9223372036854775808"), big("9223372036854775808", 10));
    assert_eq!(single("99_999_999_999_999_999_999"), big("99999999999999999999", 10));
    assert_eq!(single("0xffffffffffffffff"), big("ffffffffffffffff", 16));
    assert_eq!(single("0o7777777777777777777777"), big("7777777777777777777777", 8));
    assert_eq!(single(&format!("0b{}", "1".repeat(70))), big(&"1".repeat(70), 2));
}

#[test]
fn floats() {
    let cases = [
        ("1.", 1.0),
        (".5", 0.5),
        ("1.5", 1.5),
        ("1e10", 1e10),
        ("1E+3", 1000.0),
        ("2e-3", 0.002),
        ("1.e5", 1e5),
        ("1_000.5e-3", 1.0005),
        ("1_0.0_1", 10.01),
        ("1e1_0", 1e10),
        ("00.5", 0.5),
        ("09.5", 9.5),
        ("09e1", 90.0),
        ("012.", 12.0),
        ("0e5", 0.0),
        ("0.0", 0.0),
        ("1e999", f64::INFINITY),
    ];
    for (src, v) in cases {
        assert_eq!(single(src), float(v), "{src}");
    }
}

#[test]
fn numbers_followed_by_keywords() {
    // CPython only warns here.
    assert_eq!(values("1if x else 2"), [int(1), If, name("x"), Else, int(2)]);
    assert_eq!(values("0x1for"), [int(0x1f), Or]);
    assert_eq!(values("1in y"), [int(1), In, name("y")]);
    assert_eq!(values("1is y"), [int(1), Is, name("y")]);
    assert_eq!(values("1or 2"), [int(1), Or, int(2)]);
    assert_eq!(values("1and 2"), [int(1), And, int(2)]);
    assert_eq!(values("1not in y"), [int(1), Not, In, name("y")]);
    assert_eq!(values("1else"), [int(1), Else]);
    assert_eq!(values("1.5if x else 2"), [float(1.5), If, name("x"), Else, int(2)]);
    assert_eq!(values("0b1if x else 2")[..2], [int(1), If]);
    // A non-ASCII character after a number ends it (CPython then reports "invalid syntax").
    assert_eq!(values("1é"), [int(1), name("é")]);
    assert_eq!(values("1.2.3"), [float(1.2), float(0.3)]);
    assert_eq!(values("1..real"), [float(1.0), Dot, name("real")]);
}

#[test]
fn string_forms() {
    let cases = [
        ("'a'", "a"),
        ("\"b\"", "b"),
        ("''", ""),
        ("\"\"", ""),
        ("''''''", ""),
        ("'''t\nq'''", "t\nq"),
        ("\"\"\"a \"quoted\" ''word''\"\"\"", "a \"quoted\" ''word''"),
        ("'it\"s'", "it\"s"),
        ("u'x'", "x"),
        ("U\"x\"", "x"),
        ("'é€😀'", "é€😀"),
        ("'''a\r\nb\rc'''", "a\nb\nc"),
    ];
    for (src, v) in cases {
        assert_eq!(single(src), string(v), "{src}");
    }
    assert_eq!(values("'a' \"b\""), [string("a"), string("b")]);
}

#[test]
fn escapes() {
    let cases = [
        (r"'\\'", "\\"),
        (r"'\''", "'"),
        (r#"'\"'"#, "\""),
        (r"'\n\r\t'", "\n\r\t"),
        (r"'\a\b\f\v'", "\x07\x08\x0c\x0b"),
        (r"'\0'", "\0"),
        (r"'\7'", "\x07"),
        (r"'\101\60'", "A0"),
        (r"'\1234'", "S4"),
        (r"'\777'", "\u{1ff}"),
        (r"'\x41\x7a'", "Az"),
        (r"'\u00e9\u20AC'", "é€"),
        (r"'\U0001F600'", "😀"),
        (r"'\N{BULLET}\N{latin small letter a}'", "•a"),
        (r"'\N{LF}\N{NBSP}\N{EM DASH}'", "\n\u{a0}—"),
        (r"'\N{GREEK SMALL LETTER ALPHA}\N{SNAKE}\N{GRINNING FACE}'", "α🐍😀"),
        (r"'\N{CJK UNIFIED IDEOGRAPH-4E00}'", "一"),
        (r"'\N{HANGUL SYLLABLE GA}\N{HANGUL SYLLABLE GAG}\N{HANGUL SYLLABLE HIH}'", "가각힣"),
        (r"'\N{HANGUL SYLLABLE A}'", "아"),
        ("'a\\\nb'", "ab"),
        ("'''a\\\nb'''", "ab"),
        ("'a\\\r\nb'", "ab"),
        // Unknown escapes keep their backslash (CPython 3.11 only warns).
        (r"'\q\8\9\ \{'", r"\q\8\9\ \{"),
        (r"'\é'", "\\é"),
    ];
    for (src, v) in cases {
        assert_eq!(single(src), string(v), "{src}");
    }
}

#[test]
fn raw_strings() {
    let cases = [
        (r"r'\n'", r"\n"),
        (r"R'\d+'", r"\d+"),
        (r"r'\''", r"\'"),
        (r#"r"\"""#, r#"\""#),
        (r"r'\\'", r"\\"),
        ("r'a\\\nb'", "a\\\nb"),
        (r"r'''\N{x}'''", r"\N{x}"),
    ];
    for (src, v) in cases {
        assert_eq!(single(src), string(v), "{src}");
    }
}

#[test]
fn bytes_literals() {
    let cases: [(&str, &[u8]); 14] = [
        ("b'abc'", b"abc"),
        ("B\"abc\"", b"abc"),
        ("b''", b""),
        (r"b'\x41\x7f\xff'", b"A\x7f\xff"),
        (r"b'\101\0\7'", b"A\0\x07"),
        (r"b'\777'", b"\xff"),
        (r#"b'\n\r\t\a\b\f\v\\\'\"'"#, b"\n\r\t\x07\x08\x0c\x0b\\'\""),
        (r"b'\u0041\N{x}\q'", br"\u0041\N{x}\q"),
        ("b'a\\\nb'", b"ab"),
        ("b'''a\r\nb'''", b"a\nb"),
        (r"rb'\x41'", br"\x41"),
        (r"Rb'\n'", br"\n"),
        (r"bR'\n'", br"\n"),
        (r"BR'\\'", br"\\"),
    ];
    for (src, v) in cases {
        assert_eq!(single(src), bytes(v), "{src}");
    }
    assert_eq!(single(r"br'\d'"), bytes(br"\d"));
}
