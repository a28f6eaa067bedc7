//! Literal-table tests of the format-spec mini-language (expected values
//! from CPython 3.11).

use num_bigint::BigInt;

use super::super::*;

fn fmt_int(v: &str, spec: &str) -> Result<String, String> {
    let v: BigInt = v.parse().expect("int");
    format_int(&v, &parse_spec_for(spec, "int")?)
}

#[test]
fn format_int_table() {
    let cases: &[(&str, &str, Result<&str, &str>)] = &[
        ("0", "", Ok("0")),
        ("42", "", Ok("42")),
        ("-42", "", Ok("-42")),
        ("255", "x", Ok("ff")),
        ("255", "#x", Ok("0xff")),
        ("255", "#X", Ok("0XFF")),
        ("255", "#010x", Ok("0x000000ff")),
        ("-255", "#010x", Ok("-0x00000ff")),
        ("255", "b", Ok("11111111")),
        ("255", "_b", Ok("1111_1111")),
        ("255", "#_b", Ok("0b1111_1111")),
        ("8", "o", Ok("10")),
        ("8", "#o", Ok("0o10")),
        ("1234567", ",", Ok("1,234,567")),
        ("1234567", "_", Ok("1_234_567")),
        ("-1234567", "020,", Ok("-000,000,001,234,567")),
        ("1234567", "0=20,", Ok("0,000,000,001,234,567")),
        ("1234", "0=+12_", Ok("+000_001_234")),
        ("-1234", "x=+12,", Ok("-xxxxxx1,234")),
        ("3735928559", "_X", Ok("DEAD_BEEF")),
        ("65", "c", Ok("A")),
        ("127881", "c", Ok("🎉")),
        ("65", "^5c", Ok("  A  ")),
        ("42", "+", Ok("+42")),
        ("42", " ", Ok(" 42")),
        ("42", "-", Ok("42")),
        ("42", "<6", Ok("42    ")),
        ("42", "^6", Ok("  42  ")),
        ("42", "^7", Ok("  42   ")),
        ("42", "*>6", Ok("****42")),
        ("42", "06", Ok("000042")),
        ("-42", "06", Ok("-00042")),
        ("42", "0<6", Ok("420000")),
        ("42", "🎉^8", Ok("🎉🎉🎉42🎉🎉🎉")),
        ("42", "n", Ok("42")),
        ("1234567", "n", Ok("1234567")),
        ("42", "e", Ok("4.200000e+01")),
        ("42", ".2f", Ok("42.00")),
        ("42", "%", Ok("4200.000000%")),
        ("42", ".1%", Ok("4200.0%")),
        ("100000000000000000000", "g", Ok("1e+20")),
        ("12345", ",.2f", Ok("12,345.00")),
        (
            "179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216",
            "f",
            Err("int too large to convert to float"),
        ),
        (
            "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "e",
            Err("int too large to convert to float"),
        ),
        ("42", ".2", Err("Precision not allowed in integer format specifier")),
        ("42", "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        ("65", "-c", Err("Sign not allowed with integer format specifier 'c'")),
        ("65", "#c", Err("Alternate form (#) not allowed with integer format specifier 'c'")),
        ("-1", "c", Err("%c arg not in range(0x110000)")),
        ("1180591620717411303424", "c", Err("Python int too large to convert to C long")),
        ("1", "q", Err("Unknown format code 'q' for object of type 'int'")),
        ("1", "é", Err("Unknown format code '\\xe9' for object of type 'int'")),
        ("1", "\u{1}", Err("Unknown format code '\\x1' for object of type 'int'")),
        ("1", "xx", Err("Invalid format specifier 'xx' for object of type 'int'")),
        ("1", ".", Err("Format specifier missing precision")),
        ("1", ",_", Err("Cannot specify both ',' and '_'.")),
        ("1", "_,", Err("Cannot specify both ',' and '_'.")),
        ("1", ",,", Err("Cannot specify ',' with ','.")),
        ("1", "_c", Err("Cannot specify '_' with 'c'.")),
        ("1", ",x", Err("Cannot specify ',' with 'x'.")),
        ("1", ",n", Err("Cannot specify ',' with 'n'.")),
        ("1", "99999999999999999999", Err("Too many decimal digits in format string")),
        ("1", ".99999999999999999999", Err("Too many decimal digits in format string")),
    ];
    for &(v, spec, expected) in cases {
        let expected = expected.map(str::to_string).map_err(str::to_string);
        assert_eq!(fmt_int(v, spec), expected, "format({v}, {spec:?})");
    }
}

#[test]
fn format_float_table() {
    let cases: &[(f64, &str, Result<&str, &str>)] = &[
        (1.5, ".0", Ok("2e+00")),
        (2.5, ".0f", Ok("2")),
        (0.125, ".2f", Ok("0.12")),
        (0.375, ".2f", Ok("0.38")),
        (2.675, ".2f", Ok("2.67")),
        (1.0, "", Ok("1.0")),
        (1e+16, "", Ok("1e+16")),
        (1.0, ".1", Ok("1e+00")),
        (1.0, ".3", Ok("1.0")),
        (123456.0, ".3", Ok("1.23e+05")),
        (0.0001, ".3", Ok("0.0001")),
        (1e-05, ".3", Ok("1e-05")),
        (1.0, "g", Ok("1")),
        (1e+16, "g", Ok("1e+16")),
        (1e-05, "g", Ok("1e-05")),
        (1.0, "#g", Ok("1.00000")),
        (1.0, "#.0f", Ok("1.")),
        (1.0, "#.0e", Ok("1.e+00")),
        (1.0, "#", Ok("1.0")),
        (1234.5, "e", Ok("1.234500e+03")),
        (1234.5, "E", Ok("1.234500E+03")),
        (1234.5, ".2e", Ok("1.23e+03")),
        (1e-10, "G", Ok("1E-10")),
        (f64::INFINITY, "F", Ok("INF")),
        (f64::NAN, "E", Ok("NAN")),
        (f64::NAN, "+", Ok("+nan")),
        (f64::INFINITY, "010", Ok("0000000inf")),
        (f64::NEG_INFINITY, "=+10", Ok("-      inf")),
        (0.25, "%", Ok("25.000000%")),
        (0.25, ".0%", Ok("25%")),
        (1234567.891, ",", Ok("1,234,567.891")),
        (1234567.891, "_.2f", Ok("1_234_567.89")),
        (1234567.0, "0=20,", Ok("00,000,001,234,567.0")),
        (-1234567.891, "020,.1f", Ok("-0,000,001,234,567.9")),
        (1234.5, "n", Ok("1234.5")),
        (-0.0, "", Ok("-0.0")),
        (-0.0, "z", Ok("0.0")),
        (-0.0001, "z.2f", Ok("0.00")),
        (-0.0001, ".2f", Ok("-0.00")),
        (-0.4, "z.0f", Ok("0")),
        (-1e-300, "z.3e", Ok("-1.000e-300")),
        (3.24159, "+.3f", Ok("+3.242")),
        (3.24159, " .3f", Ok(" 3.242")),
        (3.24159, "*^12.2f", Ok("****3.24****")),
        (3.24159, "<10", Ok("3.24159   ")),
        (0.1, ".20f", Ok("0.10000000000000000555")),
        (0.1, ".30e", Ok("1.000000000000000055511151231258e-01")),
        (
            5e-324,
            ".400g",
            Ok(
                "4.94065645841246544176568792868221372365059802614324764425585682500675507270208751865299836361635992379796564695445717730926656710355939796398774796010781878126300713190311404527845817167848982103688718636056998730723050006387409153564984387312473397273169615140031715385398074126238565591171026658556686768187039560310624931945271591492455329305456544401127480129709999541931989409080416563324524757",
            ),
        ),
        (1.5, "d", Err("Unknown format code 'd' for object of type 'float'")),
        (1.5, "x", Err("Unknown format code 'x' for object of type 'float'")),
        (1.5, ",n", Err("Cannot specify ',' with 'n'.")),
        (1.0, ".3000000000f", Err("precision too big")),
        (1.0, "z.2147483648f", Err("precision too big")),
    ];
    for &(v, spec, expected) in cases {
        let got = parse_spec_for(spec, "float").and_then(|s| format_float(v, &s));
        let got = got.map(|s| s.chars().take(400).collect::<String>());
        let expected = expected.map(str::to_string).map_err(str::to_string);
        assert_eq!(got, expected, "format({v:e}, {spec:?})");
    }
}

#[test]
fn format_str_table() {
    let cases: &[(&str, &str, Result<&str, &str>)] = &[
        ("abc", "", Ok("abc")),
        ("abc", "5", Ok("abc  ")),
        ("abc", ">5", Ok("  abc")),
        ("abc", "^6", Ok(" abc  ")),
        ("abc", "*^7", Ok("**abc**")),
        ("abc", "05", Ok("abc00")),
        ("abc", ".2", Ok("ab")),
        ("abc", ">5.1", Ok("    a")),
        ("日本語", "^7", Ok("  日本語  ")),
        ("🎉x", ".1", Ok("🎉")),
        ("abc", "=5", Err("'=' alignment not allowed in string format specifier")),
        ("abc", "+", Err("Sign not allowed in string format specifier")),
        ("abc", " ", Err("Space not allowed in string format specifier")),
        ("abc", "#", Err("Alternate form (#) not allowed in string format specifier")),
        ("abc", "z", Err("Negative zero coercion (z) not allowed in string format specifier")),
        ("abc", ",", Err("Cannot specify ',' with 's'.")),
        ("abc", "d", Err("Unknown format code 'd' for object of type 'str'")),
        ("abc", "ss", Err("Invalid format specifier 'ss' for object of type 'str'")),
        ("abc", ",d", Err("Unknown format code 'd' for object of type 'str'")),
    ];
    for &(v, spec, expected) in cases {
        let got = parse_spec_for(spec, "str").and_then(|s| format_str(v, &s));
        let expected = expected.map(str::to_string).map_err(str::to_string);
        assert_eq!(got, expected, "format({v:?}, {spec:?})");
    }
}

#[test]
fn parse_spec_fields() {
    let s = parse_spec_for("*^+z#012_.3f", "float").expect("valid");
    let expected = FormatSpec {
        fill: '*',
        align: Some('^'),
        sign: Some('+'),
        no_neg_zero: true,
        alternate: true,
        zero: false,
        width: Some(12),
        grouping: Some('_'),
        precision: Some(3),
        ty: Some('f'),
    };
    assert_eq!(s, FormatSpec { fill: '*', zero: false, ..expected.clone() });
    assert_eq!(parse_spec("").expect("empty"), FormatSpec::default());
    let z = parse_spec("08").expect("zero flag");
    assert_eq!((z.fill, z.zero, z.align, z.width), ('0', true, None, Some(8)));
    assert_eq!(
        parse_spec("xx"),
        Err("Invalid format specifier 'xx' for object of type 'object'".to_string())
    );
}

#[test]
fn default_spec_is_str() {
    let spec = FormatSpec::default();
    assert_eq!(format_int(&BigInt::from(-7), &spec).as_deref(), Ok("-7"));
    assert_eq!(format_float(0.1, &spec).as_deref(), Ok("0.1"));
    assert_eq!(format_str("x", &spec).as_deref(), Ok("x"));
}

#[test]
fn int_digit_limit() {
    let big: BigInt = BigInt::from(10).pow(4299);
    assert_eq!(format_int(&big, &FormatSpec::default()).map(|s| s.len()), Ok(4300));
    let too_big = &big * 10;
    let err = "Exceeds the limit (4300 digits) for integer string conversion; \
               use sys.set_int_max_str_digits() to increase the limit";
    assert_eq!(format_int(&too_big, &FormatSpec::default()), Err(err.to_string()));
    assert_eq!(format_int(&-&big, &parse_spec("020,").expect("spec")).map(|s| s.len()), Ok(5734));
    let hex = parse_spec("x").expect("spec");
    assert!(format_int(&too_big, &hex).is_ok());
}

#[test]
fn huge_width_is_an_error_not_an_abort() {
    for spec in ["0=1000000000000000000", ">1000000000000000000"] {
        let s = parse_spec(spec).expect("spec");
        assert_eq!(format_int(&BigInt::from(1), &s), Err("MemoryError".to_string()));
        assert_eq!(format_error_kind("MemoryError"), "MemoryError");
    }
    assert_eq!(format_error_kind("int too large to convert to float"), "OverflowError");
    assert_eq!(format_error_kind("Invalid format specifier"), "ValueError");
}
