//! Literal-table tests of str/bytes repr, ascii() escaping and printability (expected values
//! from CPython 3.11).

use super::*;

#[test]
fn str_repr_table() {
    let cases: &[(&str, &str)] = &[
        ("", "''"),
        ("a", "'a'"),
        ("it's", "\"it's\""),
        ("say \"hi\"", "'say \"hi\"'"),
        ("both ' and \"", "'both \\' and \"'"),
        ("\\", "'\\\\'"),
        ("\t\n\r", "'\\t\\n\\r'"),
        ("\u{0}\u{1}\u{1f}\u{7f}", "'\\x00\\x01\\x1f\\x7f'"),
        ("\u{80}\u{9f}\u{a0}©\u{ad}", "'\\x80\\x9f\\xa0©\\xad'"),
        ("héllo", "'héllo'"),
        ("日本語", "'日本語'"),
        ("\u{2028}\u{2029}", "'\\u2028\\u2029'"),
        ("\u{200b}\u{200e}\u{feff}", "'\\u200b\\u200e\\ufeff'"),
        ("\u{e000}", "'\\ue000'"),
        ("🎉", "'🎉'"),
        ("\u{e0001}", "'\\U000e0001'"),
        ("\u{10ffff}", "'\\U0010ffff'"),
        ("\u{378}", "'\\u0378'"),
        ("\u{3000} \u{a0}", "'\\u3000 \\xa0'"),
        ("ᅟ", "'ᅟ'"),
        ("😀̀", "'😀̀'"),
        ("󠄀", "'󠄀'"),
        ("🯰", "'🯰'"),
        ("ࣉ", "'ࣉ'"),
        ("a'b", "\"a'b\""),
        ("a'b\"", "'a\\'b\"'"),
        ("tab\there\n", "'tab\\there\\n'"),
        ("\u{1}é\u{a0}", "'\\x01é\\xa0'"),
    ];
    for &(s, expected) in cases {
        assert_eq!(str_repr(s), expected, "repr({s:?})");
    }
}

#[test]
fn bytes_repr_table() {
    let cases: &[(&[u8], &str)] = &[
        (&[], "b''"),
        (&[97, 98, 99], "b'abc'"),
        (&[105, 116, 39, 115], "b\"it's\""),
        (&[34], "b'\"'"),
        (&[39, 34], "b'\\'\"'"),
        (&[92], "b'\\\\'"),
        (&[9, 10, 13, 0, 127, 128, 255], "b'\\t\\n\\r\\x00\\x7f\\x80\\xff'"),
        (&[32, 126], "b' ~'"),
        (b"a\x00'", "b\"a\\x00'\""),
        (b"\xff\\", "b'\\xff\\\\'"),
    ];
    for &(b, expected) in cases {
        assert_eq!(bytes_repr(b), expected, "repr({b:?})");
    }
    let all: Vec<u8> = (0..=255).collect();
    let r = bytes_repr(&all);
    assert!(r.starts_with("b'\\x00\\x01"));
    assert!(r.ends_with("\\xfe\\xff'"));
}

#[test]
fn ascii_escape_table() {
    let cases: &[(&str, &str)] = &[
        ("'é🎉'", "'\\xe9\\U0001f389'"),
        ("'\\x00'", "'\\x00'"),
        ("abc", "abc"),
        ("日\u{2028}", "\\u65e5\\u2028"),
    ];
    for &(s, expected) in cases {
        assert_eq!(ascii_escape(s), expected);
    }
}

#[test]
fn is_printable_table() {
    let cases: &[(u32, bool)] = &[
        (0x20, true),
        (0x7e, true),
        (0x7f, false),
        (0x80, false),
        (0xa0, false),
        (0xa1, true),
        (0xad, false),
        (0x378, false),
        (0x37a, true),
        (0x2028, false),
        (0x3000, false),
        (0xe000, false),
        (0xfffd, true),
        (0xffff, false),
        (0x1f389, true),
        (0xe0001, false),
        (0x10ffff, false),
        (0x1160, true),
        (0x115f, true),
        (0x61c, false),
        (0x180e, false),
    ];
    for &(c, expected) in cases {
        let ch = char::from_u32(c).expect("char");
        assert_eq!(is_printable(ch), expected, "U+{c:04X}");
    }
}
