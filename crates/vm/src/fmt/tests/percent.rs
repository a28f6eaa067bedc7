//! Literal-table tests of `%`-formatting (expected values from CPython 3.11).

use num_bigint::BigInt;

use super::super::*;
use super::Arg;

fn int(s: &str) -> BigInt {
    s.parse().expect("int")
}

fn pct(f: &str, args: &[Arg]) -> Result<String, (String, String)> {
    let refs: Vec<&dyn PercentArg> = args.iter().map(|a| a as &dyn PercentArg).collect();
    percent_format(f, &refs).map_err(|e| (e.kind.to_string(), e.msg))
}

#[test]
fn percent_table() {
    #[allow(clippy::type_complexity)]
    let cases: Vec<(&str, Vec<Arg>, Result<&str, (&str, &str)>)> = vec![
        ("%d", vec![Arg::Int(int("42"))], Ok("42")),
        ("%i", vec![Arg::Int(int("-42"))], Ok("-42")),
        ("%u", vec![Arg::Int(int("7"))], Ok("7")),
        ("%5d", vec![Arg::Int(int("42"))], Ok("   42")),
        ("%-5d|", vec![Arg::Int(int("42"))], Ok("42   |")),
        ("%05d", vec![Arg::Int(int("-42"))], Ok("-0042")),
        ("%+d", vec![Arg::Int(int("5"))], Ok("+5")),
        ("% d", vec![Arg::Int(int("5"))], Ok(" 5")),
        ("%+ d", vec![Arg::Int(int("5"))], Ok("+5")),
        ("% +d", vec![Arg::Int(int("-5"))], Ok("-5")),
        ("%.5d", vec![Arg::Int(int("-3"))], Ok("-00003")),
        ("%8.5d", vec![Arg::Int(int("-3"))], Ok("  -00003")),
        ("%-8.5d|", vec![Arg::Int(int("3"))], Ok("00003   |")),
        ("%08.5d", vec![Arg::Int(int("3"))], Ok("00000003")),
        ("%x", vec![Arg::Int(int("255"))], Ok("ff")),
        ("%X", vec![Arg::Int(int("255"))], Ok("FF")),
        ("%#x", vec![Arg::Int(int("255"))], Ok("0xff")),
        ("%#X", vec![Arg::Int(int("-255"))], Ok("-0XFF")),
        ("%#08x", vec![Arg::Int(int("255"))], Ok("0x0000ff")),
        ("%#8x", vec![Arg::Int(int("255"))], Ok("    0xff")),
        ("%-#8x|", vec![Arg::Int(int("255"))], Ok("0xff    |")),
        ("%#.5x", vec![Arg::Int(int("3"))], Ok("0x00003")),
        ("%o", vec![Arg::Int(int("8"))], Ok("10")),
        ("%#o", vec![Arg::Int(int("8"))], Ok("0o10")),
        ("%#05o", vec![Arg::Int(int("8"))], Ok("0o010")),
        ("%#5o", vec![Arg::Int(int("-8"))], Ok("-0o10")),
        ("%+#x", vec![Arg::Int(int("255"))], Ok("+0xff")),
        ("%+#010X", vec![Arg::Int(int("255"))], Ok("+0X00000FF")),
        ("% #x", vec![Arg::Int(int("-255"))], Ok("-0xff")),
        ("%d", vec![Arg::Float(3.7)], Ok("3")),
        ("%d", vec![Arg::Float(-3.7)], Ok("-3")),
        ("%d", vec![Arg::Float(1e+20)], Ok("100000000000000000000")),
        ("%d", vec![Arg::Bool(true)], Ok("1")),
        ("%s", vec![Arg::Bool(true)], Ok("True")),
        ("%x", vec![Arg::Bool(true)], Ok("1")),
        (
            "%x",
            vec![Arg::Float(3.0)],
            Err(("TypeError", "%x format: an integer is required, not float")),
        ),
        (
            "%o",
            vec![Arg::Str("a".into())],
            Err(("TypeError", "%o format: an integer is required, not str")),
        ),
        (
            "%d",
            vec![Arg::Str("x".into())],
            Err(("TypeError", "%d format: a real number is required, not str")),
        ),
        (
            "%i",
            vec![Arg::Str("x".into())],
            Err(("TypeError", "%i format: a real number is required, not str")),
        ),
        (
            "%d",
            vec![Arg::Float(f64::NAN)],
            Err(("ValueError", "cannot convert float NaN to integer")),
        ),
        (
            "%d",
            vec![Arg::Float(f64::INFINITY)],
            Err(("OverflowError", "cannot convert float infinity to integer")),
        ),
        ("%f", vec![Arg::Float(1.5)], Ok("1.500000")),
        ("%f", vec![Arg::Int(int("2"))], Ok("2.000000")),
        ("%.2f", vec![Arg::Float(2.675)], Ok("2.67")),
        ("%10.3f", vec![Arg::Float(-3.24159)], Ok("    -3.242")),
        ("%-10.3f|", vec![Arg::Float(3.24159)], Ok("3.242     |")),
        ("%010.3f", vec![Arg::Float(-3.24159)], Ok("-00003.242")),
        ("%+.1f", vec![Arg::Float(0.05)], Ok("+0.1")),
        ("% .1f", vec![Arg::Float(0.25)], Ok(" 0.2")),
        ("%F", vec![Arg::Float(f64::INFINITY)], Ok("INF")),
        ("%f", vec![Arg::Float(f64::NAN)], Ok("nan")),
        ("%05f", vec![Arg::Float(f64::INFINITY)], Ok("00inf")),
        ("%+05f", vec![Arg::Float(f64::NEG_INFINITY)], Ok("-0inf")),
        ("%e", vec![Arg::Float(12345.678)], Ok("1.234568e+04")),
        ("%E", vec![Arg::Float(1e-10)], Ok("1.000000E-10")),
        ("%.0e", vec![Arg::Float(5.5)], Ok("6e+00")),
        ("%#.0e", vec![Arg::Float(5.5)], Ok("6.e+00")),
        ("%g", vec![Arg::Float(1e-05)], Ok("1e-05")),
        ("%g", vec![Arg::Float(123456789.0)], Ok("1.23457e+08")),
        ("%G", vec![Arg::Float(1e-10)], Ok("1E-10")),
        ("%#g", vec![Arg::Float(1.0)], Ok("1.00000")),
        ("%.3g", vec![Arg::Float(10000000000.0)], Ok("1e+10")),
        ("%.0g", vec![Arg::Float(0.5)], Ok("0.5")),
        ("%10.4g|", vec![Arg::Float(3.24159)], Ok("     3.242|")),
        ("%#.0f", vec![Arg::Float(1.0)], Ok("1.")),
        ("%.0f", vec![Arg::Float(0.5)], Ok("0")),
        ("%.0f", vec![Arg::Float(1.5)], Ok("2")),
        ("%f", vec![Arg::Str("x".into())], Err(("TypeError", "must be real number, not str"))),
        ("%e", vec![Arg::Int(int("100000000000000000000"))], Ok("1.000000e+20")),
        (
            "%.50f",
            vec![Arg::Float(0.1)],
            Ok("0.10000000000000000555111512312578270211815834045410"),
        ),
        (
            "%.120e",
            vec![Arg::Float(0.1)],
            Ok(
                "1.000000000000000055511151231257827021181583404541015625000000000000000000000000000000000000000000000000000000000000000000e-01",
            ),
        ),
        (
            "%.1000f",
            vec![Arg::Float(1e-300)],
            Ok(
                "0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000250590918352087596856961468077037052499253423199004660431840514846763028121819501008949623062702782541489103114649988041308122460916061901827194266279345842755104147827870150702226392606037936139243597750940301438661414791255135908825910173416922229212204049186218220291556195418594185258832620409283163178720501540199698661694898041067655794243192165254180873224255430058507393834020333099315764646743363847906553166172481259959859490629378249375961717786188879297047653054233513471041822963756663795076749714785423658979515204489204917602528975670926176708182492472010563233775561653805064365381258305022465963115930056323650792902539887815381155401398600958797808116743280493635963",
            ),
        ),
        ("%s", vec![Arg::Str("abc".into())], Ok("abc")),
        ("%5s|", vec![Arg::Str("abc".into())], Ok("  abc|")),
        ("%-5s|", vec![Arg::Str("abc".into())], Ok("abc  |")),
        ("%.2s", vec![Arg::Str("abc".into())], Ok("ab")),
        ("%5.1s|", vec![Arg::Str("abc".into())], Ok("    a|")),
        ("%05s", vec![Arg::Str("a".into())], Ok("    a")),
        ("%+s", vec![Arg::Str("a".into())], Ok("a")),
        ("%r", vec![Arg::Str("a\n".into())], Ok("'a\\n'")),
        ("%a", vec![Arg::Str("é🎉".into())], Ok("'\\xe9\\U0001f389'")),
        ("%r", vec![Arg::Str("é".into())], Ok("'é'")),
        ("%10r", vec![Arg::Str("x".into())], Ok("       'x'")),
        ("%.3r", vec![Arg::Str("abcdef".into())], Ok("'ab")),
        ("%s", vec![Arg::Float(1.5)], Ok("1.5")),
        ("%r", vec![Arg::Float(1e+16)], Ok("1e+16")),
        ("%s", vec![Arg::Str("日本".into())], Ok("日本")),
        ("%4s|", vec![Arg::Str("日本".into())], Ok("  日本|")),
        ("%c", vec![Arg::Int(int("65"))], Ok("A")),
        ("%c", vec![Arg::Str("x".into())], Ok("x")),
        ("%c", vec![Arg::Str("ab".into())], Err(("TypeError", "%c requires int or char"))),
        ("%c", vec![Arg::Float(3.0)], Err(("TypeError", "%c requires int or char"))),
        ("%c", vec![Arg::Int(int("-1"))], Err(("OverflowError", "%c arg not in range(0x110000)"))),
        (
            "%c",
            vec![Arg::Int(int("1114112"))],
            Err(("OverflowError", "%c arg not in range(0x110000)")),
        ),
        ("%c", vec![Arg::Int(int("127881"))], Ok("🎉")),
        ("%5c", vec![Arg::Int(int("65"))], Ok("    A")),
        ("%-5c|", vec![Arg::Int(int("65"))], Ok("A    |")),
        ("%05c", vec![Arg::Int(int("65"))], Ok("    A")),
        ("%+c", vec![Arg::Int(int("65"))], Ok("A")),
        ("%%", vec![], Ok("%")),
        ("100%%", vec![], Ok("100%")),
        ("%5%", vec![], Err(("TypeError", "not enough arguments for format string"))),
        (
            "%5%",
            vec![Arg::Int(int("1"))],
            Err(("ValueError", "unsupported format character '%' (0x25) at index 2")),
        ),
        ("%", vec![], Err(("ValueError", "incomplete format"))),
        ("abc%", vec![], Err(("ValueError", "incomplete format"))),
        ("%z", vec![], Err(("TypeError", "not enough arguments for format string"))),
        (
            "%z",
            vec![Arg::Int(int("1"))],
            Err(("ValueError", "unsupported format character 'z' (0x7a) at index 1")),
        ),
        (
            "%é",
            vec![Arg::Int(int("1"))],
            Err(("ValueError", "unsupported format character '?' (0xe9) at index 1")),
        ),
        (
            "abc %\u{1}",
            vec![Arg::Int(int("1"))],
            Err(("ValueError", "unsupported format character '?' (0x1) at index 5")),
        ),
        ("%(a)s", vec![Arg::Int(int("1"))], Err(("TypeError", "format requires a mapping"))),
        ("%(a", vec![Arg::Int(int("1"))], Err(("TypeError", "format requires a mapping"))),
        ("%-", vec![], Err(("ValueError", "incomplete format"))),
        ("%5", vec![Arg::Int(int("1"))], Err(("ValueError", "incomplete format"))),
        ("%.", vec![Arg::Int(int("1"))], Err(("ValueError", "incomplete format"))),
        ("%.5", vec![Arg::Int(int("1"))], Err(("ValueError", "incomplete format"))),
        ("%*", vec![Arg::Int(int("1"))], Err(("ValueError", "incomplete format"))),
        (
            "%*d",
            vec![Arg::Int(int("5"))],
            Err(("TypeError", "not enough arguments for format string")),
        ),
        ("%*d", vec![Arg::Int(int("5")), Arg::Int(int("1"))], Ok("    1")),
        ("%*d", vec![Arg::Int(int("-5")), Arg::Int(int("1"))], Ok("1    ")),
        ("%*d|", vec![Arg::Int(int("-5")), Arg::Int(int("1"))], Ok("1    |")),
        ("%-*d|", vec![Arg::Int(int("5")), Arg::Int(int("1"))], Ok("1    |")),
        ("%.*f", vec![Arg::Int(int("2")), Arg::Float(3.24159)], Ok("3.24")),
        ("%.*f", vec![Arg::Int(int("-3")), Arg::Float(1.0)], Ok("1")),
        (
            "%*.*f|",
            vec![Arg::Int(int("10")), Arg::Int(int("2")), Arg::Float(3.24159)],
            Ok("      3.24|"),
        ),
        ("%*d", vec![Arg::Float(5.0), Arg::Int(int("1"))], Err(("TypeError", "* wants int"))),
        ("%*d", vec![Arg::Str("5".into()), Arg::Int(int("1"))], Err(("TypeError", "* wants int"))),
        ("%.*d", vec![Arg::Int(int("3")), Arg::Int(int("1"))], Ok("001")),
        (
            "%s %s",
            vec![Arg::Int(int("1"))],
            Err(("TypeError", "not enough arguments for format string")),
        ),
        (
            "%s",
            vec![Arg::Int(int("1")), Arg::Int(int("2"))],
            Err(("TypeError", "not all arguments converted during string formatting")),
        ),
        (
            "",
            vec![Arg::Int(int("1"))],
            Err(("TypeError", "not all arguments converted during string formatting")),
        ),
        ("no format", vec![], Ok("no format")),
        (
            "%s and %d and %r",
            vec![Arg::Str("a".into()), Arg::Int(int("2")), Arg::Str("c".into())],
            Ok("a and 2 and 'c'"),
        ),
        (
            "%hd %ld %Ld",
            vec![Arg::Int(int("1")), Arg::Int(int("2")), Arg::Int(int("3"))],
            Ok("1 2 3"),
        ),
        ("%h", vec![Arg::Int(int("1"))], Err(("ValueError", "incomplete format"))),
        ("%l", vec![], Err(("ValueError", "incomplete format"))),
        (
            "%lz",
            vec![Arg::Int(int("1"))],
            Err(("ValueError", "unsupported format character 'z' (0x7a) at index 2")),
        ),
        ("%5.2", vec![Arg::Int(int("1"))], Err(("ValueError", "incomplete format"))),
        (
            "%d",
            vec![Arg::Int(int("1000000000000000000000000000000"))],
            Ok("1000000000000000000000000000000"),
        ),
        (
            "%,d",
            vec![Arg::Int(int("1"))],
            Err(("ValueError", "unsupported format character ',' (0x2c) at index 1")),
        ),
        (
            "%_d",
            vec![Arg::Int(int("1"))],
            Err(("ValueError", "unsupported format character '_' (0x5f) at index 1")),
        ),
        ("%99999999999999999999d", vec![Arg::Int(int("1"))], Err(("ValueError", "width too big"))),
        (
            "%.99999999999999999999f",
            vec![Arg::Float(1.0)],
            Err(("ValueError", "precision too big")),
        ),
        ("%.2147483648f", vec![Arg::Float(1.0)], Err(("ValueError", "precision too big"))),
        ("%0-5d|", vec![Arg::Int(int("3"))], Ok("3    |")),
        ("%-05d|", vec![Arg::Int(int("3"))], Ok("3    |")),
        ("%-+05d|", vec![Arg::Int(int("3"))], Ok("+3   |")),
        ("%010s|", vec![Arg::Str("ab".into())], Ok("        ab|")),
        ("%#5.3o", vec![Arg::Int(int("8"))], Ok("0o010")),
        ("%#x", vec![Arg::Int(int("0"))], Ok("0x0")),
        ("%#o", vec![Arg::Int(int("0"))], Ok("0o0")),
        ("%#.0x", vec![Arg::Int(int("0"))], Ok("0x0")),
        ("%.0d", vec![Arg::Int(int("0"))], Ok("0")),
        ("%s", vec![Arg::Str("".into())], Ok("")),
        ("%.0s|", vec![Arg::Str("abc".into())], Ok("|")),
        ("%3c", vec![Arg::Str("日".into())], Ok("  日")),
        ("%a", vec![Arg::Str("\u{0}\u{2028}".into())], Ok("'\\x00\\u2028'")),
        ("%r", vec![Arg::Str("🎉".into())], Ok("'🎉'")),
        ("%#X", vec![Arg::Int(int("2748"))], Ok("0XABC")),
        ("%x", vec![Arg::Int(int("-2748"))], Ok("-abc")),
        ("%08.3e", vec![Arg::Float(-1.5)], Ok("-1.500e+00")),
        ("% 08.3f", vec![Arg::Float(1.5)], Ok(" 001.500")),
        ("%+08.3g", vec![Arg::Float(1e-09)], Ok("+001e-09")),
        ("%#08x", vec![Arg::Int(int("-255"))], Ok("-0x000ff")),
        ("% #8o", vec![Arg::Int(int("8"))], Ok("    0o10")),
    ];
    for (f, args, expected) in cases {
        let expected =
            expected.map(str::to_string).map_err(|(k, m)| (k.to_string(), m.to_string()));
        assert_eq!(pct(f, &args), expected, "{f:?}");
    }
}

#[test]
fn percent_digit_limit() {
    let big = Arg::Int(BigInt::from(10).pow(5000));
    let err = pct("%d", std::slice::from_ref(&big)).expect_err("limit");
    assert_eq!(err.0, "ValueError");
    assert!(err.1.starts_with("Exceeds the limit (4300 digits)"));
    assert_eq!(pct("%x", &[big]).map(|s| s.len()), Ok(4153));
}

#[test]
fn percent_arg_errors_pass_through() {
    struct Failing;
    impl PercentArg for Failing {
        fn as_int(&self) -> Result<BigInt, String> {
            Err("boom".into())
        }
        fn as_float(&self) -> Result<f64, String> {
            Err("boom".into())
        }
        fn to_str(&self) -> Result<String, String> {
            Err("str failed".into())
        }
        fn to_repr(&self) -> Result<String, String> {
            Err("repr failed".into())
        }
        fn type_name(&self) -> String {
            "Thing".into()
        }
    }
    let f: &dyn PercentArg = &Failing;
    let e = percent_format("%s", &[f]).expect_err("fails");
    assert_eq!((e.kind, e.msg.as_str()), (ARG_ERROR, "str failed"));
    let e = percent_format("%r", &[f]).expect_err("fails");
    assert_eq!((e.kind, e.msg.as_str()), (ARG_ERROR, "repr failed"));
    let e = percent_format("%f", &[f]).expect_err("fails");
    assert_eq!((e.kind, e.msg.as_str()), ("TypeError", "must be real number, not Thing"));
    let e = percent_format("%d", &[f]).expect_err("fails");
    assert_eq!(e.msg, "%d format: a real number is required, not Thing");
}

#[test]
fn huge_width_is_an_error_not_an_abort() {
    let e = pct("%01000000000000000000d", &[Arg::Int(int("5"))]).expect_err("too wide");
    assert_eq!(e.0, "MemoryError");
}
