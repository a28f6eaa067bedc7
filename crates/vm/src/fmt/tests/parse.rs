//! Literal-table tests of int/float parsing and int rendering (expected
//! values from CPython 3.11).

use num_bigint::BigInt;

use super::super::*;

#[test]
fn parse_int_table() {
    let cases: &[(&str, u32, Result<&str, &str>)] = &[
        ("0", 10, Ok("0")),
        ("-0", 10, Ok("0")),
        ("  42  ", 10, Ok("42")),
        ("\t\n42\u{b}\u{c}", 10, Ok("42")),
        ("1_000", 10, Ok("1000")),
        ("1__0", 10, Err("invalid literal for int() with base 10: '1__0'")),
        ("_1", 10, Err("invalid literal for int() with base 10: '_1'")),
        ("1_", 10, Err("invalid literal for int() with base 10: '1_'")),
        ("0x1f", 16, Ok("31")),
        ("0X1F", 0, Ok("31")),
        ("0o17", 0, Ok("15")),
        ("0b101", 0, Ok("5")),
        ("0b_1", 0, Ok("1")),
        ("0x_1f", 16, Ok("31")),
        ("0x__1", 16, Err("invalid literal for int() with base 16: '0x__1'")),
        ("010", 0, Err("invalid literal for int() with base 0: '010'")),
        ("00", 0, Ok("0")),
        ("0_0", 0, Ok("0")),
        ("0_", 0, Err("invalid literal for int() with base 0: '0_'")),
        ("abc", 10, Err("invalid literal for int() with base 10: 'abc'")),
        ("zz", 36, Ok("1295")),
        ("ZZ", 36, Ok("1295")),
        ("", 10, Err("invalid literal for int() with base 10: ''")),
        (" ", 10, Err("invalid literal for int() with base 10: ' '")),
        ("+-1", 10, Err("invalid literal for int() with base 10: '+-1'")),
        ("- 1", 10, Err("invalid literal for int() with base 10: '- 1'")),
        ("12a", 0, Err("invalid literal for int() with base 0: '12a'")),
        ("١٢٣", 10, Ok("123")),
        ("\u{2003} 12 \u{3000}", 10, Ok("12")),
        (" 12 \u{1c}", 10, Err("invalid literal for int() with base 10: ' 12 \\x1c'")),
        ("1\u{0}", 10, Err("invalid literal for int() with base 10: '1\\x00'")),
        ("12é", 10, Err("invalid literal for int() with base 10: '12é'")),
        ("-999999999999999999999999999999", 10, Ok("-999999999999999999999999999999")),
        ("0x", 16, Err("invalid literal for int() with base 16: '0x'")),
        ("0b2", 2, Err("invalid literal for int() with base 2: '0b2'")),
        ("1.5", 10, Err("invalid literal for int() with base 10: '1.5'")),
        ("7", 7, Err("invalid literal for int() with base 7: '7'")),
        ("1", 1, Err("int() base must be >= 2 and <= 36, or 0")),
        ("1", 37, Err("int() base must be >= 2 and <= 36, or 0")),
        (
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            10,
            Err(
                "invalid literal for int() with base 10: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            ),
        ),
        ("٣_٤", 10, Ok("34")),
        ("ff", 16, Ok("255")),
        ("-0o777", 8, Ok("-511")),
        ("0o777", 16, Err("invalid literal for int() with base 16: '0o777'")),
    ];
    for &(s, base, expected) in cases {
        let expected = expected.map(str::to_string).map_err(str::to_string);
        assert_eq!(parse_int(s, base).map(|v| v.to_string()), expected, "int({s:?}, {base})");
    }
}

#[test]
fn parse_float_table() {
    let cases: &[(&str, Result<&str, &str>)] = &[
        ("0", Ok("0.0")),
        ("-0", Ok("-0.0")),
        ("1.5", Ok("1.5")),
        (" 1.5\n", Ok("1.5")),
        (".5", Ok("0.5")),
        ("5.", Ok("5.0")),
        (".", Err("could not convert string to float: '.'")),
        ("1e5", Ok("100000.0")),
        ("1E+05", Ok("100000.0")),
        ("1e", Err("could not convert string to float: '1e'")),
        ("e5", Err("could not convert string to float: 'e5'")),
        ("-.5e-3", Ok("-0.0005")),
        ("inf", Ok("inf")),
        ("-Infinity", Ok("-inf")),
        ("iNfInItY", Ok("inf")),
        ("infinit", Err("could not convert string to float: 'infinit'")),
        ("nan", Ok("nan")),
        ("-nan", Ok("nan")),
        ("nan_", Err("could not convert string to float: 'nan_'")),
        ("1_0", Ok("10.0")),
        ("1__0", Err("could not convert string to float: '1__0'")),
        ("_1", Err("could not convert string to float: '_1'")),
        ("1_", Err("could not convert string to float: '1_'")),
        ("1_.5", Err("could not convert string to float: '1_.5'")),
        ("1._5", Err("could not convert string to float: '1._5'")),
        ("1.5_5", Ok("1.55")),
        ("1e1_0", Ok("10000000000.0")),
        ("", Err("could not convert string to float: ''")),
        (" ", Err("could not convert string to float: ' '")),
        ("0x10", Err("could not convert string to float: '0x10'")),
        ("1\u{0}", Err("could not convert string to float: '1\\x00'")),
        ("١.٥", Ok("1.5")),
        ("\u{2003}1.5\u{3000}", Ok("1.5")),
        ("1e999", Ok("inf")),
        ("-1e-999", Ok("-0.0")),
        ("2.4703282292062327e-324", Ok("0.0")),
        ("2.4703282292062328e-324", Ok("5e-324")),
        ("9007199254740993", Ok("9007199254740992.0")),
        ("abc", Err("could not convert string to float: 'abc'")),
        ("00012.50", Ok("12.5")),
    ];
    for &(s, expected) in cases {
        let expected = expected.map(str::to_string).map_err(str::to_string);
        assert_eq!(parse_float(s).map(float_repr), expected, "float({s:?})");
    }
}

#[test]
fn int_to_base_table() {
    let cases: &[(&str, u32, &str)] = &[
        ("0", 2, "0b0"),
        ("0", 8, "0o0"),
        ("0", 10, "0"),
        ("0", 16, "0x0"),
        ("1", 2, "0b1"),
        ("1", 8, "0o1"),
        ("1", 10, "1"),
        ("1", 16, "0x1"),
        ("-1", 2, "-0b1"),
        ("-1", 8, "-0o1"),
        ("-1", 10, "-1"),
        ("-1", 16, "-0x1"),
        ("31", 2, "0b11111"),
        ("31", 8, "0o37"),
        ("31", 10, "31"),
        ("31", 16, "0x1f"),
        ("-31", 2, "-0b11111"),
        ("-31", 8, "-0o37"),
        ("-31", 10, "-31"),
        ("-31", 16, "-0x1f"),
        ("255", 2, "0b11111111"),
        ("255", 8, "0o377"),
        ("255", 10, "255"),
        ("255", 16, "0xff"),
        (
            "1267650600228229401496703205376",
            2,
            "0b10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
        ),
        ("1267650600228229401496703205376", 8, "0o2000000000000000000000000000000000"),
        ("1267650600228229401496703205376", 10, "1267650600228229401496703205376"),
        ("1267650600228229401496703205376", 16, "0x10000000000000000000000000"),
        (
            "-1267650600228229401496703205376",
            2,
            "-0b10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
        ),
        ("-1267650600228229401496703205376", 8, "-0o2000000000000000000000000000000000"),
        ("-1267650600228229401496703205376", 10, "-1267650600228229401496703205376"),
        ("-1267650600228229401496703205376", 16, "-0x10000000000000000000000000"),
    ];
    for &(v, base, expected) in cases {
        let v: BigInt = v.parse().expect("int");
        assert_eq!(int_to_base(&v, base), expected);
    }
    assert_eq!(int_to_base(&BigInt::from(35), 36), "z");
    assert_eq!(int_to_base(&BigInt::from(-35), 99), "-35");
}

#[test]
fn digit_limits() {
    let ok = "1".repeat(4300);
    assert_eq!(parse_int(&ok, 10).map(|v| v.to_string()), Ok(ok.clone()));
    let err = "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; \
               use sys.set_int_max_str_digits() to increase the limit";
    assert_eq!(parse_int(&"1".repeat(4301), 10), Err(err.to_string()));
    assert_eq!(parse_int(&format!("{}x", "1_".repeat(4300) + "1"), 0), Err(err.to_string()));
    assert!(parse_int(&"f".repeat(5000), 16).is_ok());
    assert!(parse_int(&"1".repeat(5000), 2).is_ok());
    let big = BigInt::from(10).pow(4299);
    assert_eq!(int_to_str(&-&big).map(|s| s.len()), Ok(4301));
    let err = "Exceeds the limit (4300 digits) for integer string conversion; \
               use sys.set_int_max_str_digits() to increase the limit";
    assert_eq!(int_to_str(&(&big * 10)), Err(err.to_string()));
    assert_eq!(int_to_str(&BigInt::from(2).pow(100_000)), Err(err.to_string()));
    assert_eq!(INT_MAX_STR_DIGITS, 4300);
}
