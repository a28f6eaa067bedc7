//! Tests of the fmt module against outputs generated with CPython 3.11.
//!
//! The bulk tables live in `data/*.txt` (written by `data/generate.py`,
//! which runs the same cases through python3 3.11); each line is a command,
//! its arguments, `=>`, and either `OK <result>` or `ERR <type> <message>`.
//! The per-area modules hold smaller hand-picked literal tables.

mod float;
mod format;
mod parse;
mod percent;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::*;

/// Undoes the escaping of the data files: `\\`, `\t`, `\n`, `\r`, `\u{hex}`.
pub(super) fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('u') => {
                let hex: String = it.by_ref().skip(1).take_while(|&c| c != '}').collect();
                let n = u32::from_str_radix(&hex, 16).expect("bad \\u escape");
                out.push(char::from_u32(n).expect("bad code point"));
            }
            Some(c) => out.push(c),
            None => out.push('\\'),
        }
    }
    out
}

/// A `%`-format argument for tests.
pub(super) enum Arg {
    Int(BigInt),
    Bool(bool),
    Float(f64),
    Str(String),
}

impl PercentArg for Arg {
    fn as_int(&self) -> Result<BigInt, String> {
        match self {
            Arg::Int(v) => Ok(v.clone()),
            Arg::Bool(b) => Ok(BigInt::from(u8::from(*b))),
            _ => Err("not an int".into()),
        }
    }
    fn as_float(&self) -> Result<f64, String> {
        match self {
            Arg::Int(v) => v
                .to_f64()
                .filter(|x| x.is_finite())
                .ok_or_else(|| "int too large to convert to float".into()),
            Arg::Bool(b) => Ok(f64::from(u8::from(*b))),
            Arg::Float(x) => Ok(*x),
            Arg::Str(_) => Err("not a number".into()),
        }
    }
    fn to_str(&self) -> Result<String, String> {
        Ok(match self {
            Arg::Int(v) => v.to_string(),
            Arg::Bool(b) => if *b { "True" } else { "False" }.to_string(),
            Arg::Float(x) => float_repr(*x),
            Arg::Str(s) => s.clone(),
        })
    }
    fn to_repr(&self) -> Result<String, String> {
        match self {
            Arg::Str(s) => Ok(str_repr(s)),
            _ => self.to_str(),
        }
    }
    fn type_name(&self) -> String {
        match self {
            Arg::Int(_) => "int",
            Arg::Bool(_) => "bool",
            Arg::Float(_) => "float",
            Arg::Str(_) => "str",
        }
        .to_string()
    }
}

/// Parses a data-file argument: `i:5`, `b:1`, `f:1.5`, `s:text`.
pub(super) fn parse_arg(a: &str) -> Arg {
    let (kind, v) = a.split_at(2);
    match kind {
        "i:" => Arg::Int(v.parse().expect("int arg")),
        "b:" => Arg::Bool(v == "1"),
        "f:" => Arg::Float(v.parse().expect("float arg")),
        _ => Arg::Str(unescape(v)),
    }
}

/// An expected or actual outcome: `OK result` or `ERR type message`.
type Outcome = Vec<String>;

fn ok(s: String) -> Outcome {
    vec!["OK".into(), s]
}

fn fmt_outcome(r: Result<String, String>) -> Outcome {
    match r {
        Ok(s) => ok(s),
        Err(e) => vec!["ERR".into(), format_error_kind(&e).into(), e],
    }
}

fn hex_bytes(s: &str) -> Vec<u8> {
    (0..s.len() / 2).map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex")).collect()
}

/// Runs one data-file command.
fn run(cmd: &str, a: &[String]) -> Outcome {
    let int = |s: &str| s.parse::<BigInt>().expect("int");
    let float = |s: &str| s.parse::<f64>().expect("float");
    match cmd {
        "repr" => ok(float_repr(float(&a[0]))),
        "fi" => fmt_outcome(parse_spec_for(&a[1], "int").and_then(|s| format_int(&int(&a[0]), &s))),
        "ff" => {
            fmt_outcome(parse_spec_for(&a[1], "float").and_then(|s| format_float(float(&a[0]), &s)))
        }
        "fs" => fmt_outcome(parse_spec_for(&a[1], "str").and_then(|s| format_str(&a[0], &s))),
        "int" => fmt_outcome(parse_int(&a[0], a[1].parse().expect("base")).map(|v| v.to_string())),
        "float" => fmt_outcome(parse_float(&a[0]).map(float_repr)),
        "srepr" => ok(str_repr(&a[0])),
        "brepr" => ok(bytes_repr(&hex_bytes(&a[0]))),
        "base" => ok(int_to_base(&int(&a[0]), a[1].parse().expect("base"))),
        "istr" => fmt_outcome(int_to_str(&int(&a[0]))),
        "pct" => {
            let args: Vec<Arg> = a[1..].iter().map(|s| parse_arg(s)).collect();
            let refs: Vec<&dyn PercentArg> = args.iter().map(|x| x as &dyn PercentArg).collect();
            match percent_format(&a[0], &refs) {
                Ok(s) => ok(s),
                Err(e) => vec!["ERR".into(), e.kind.into(), e.msg],
            }
        }
        _ => panic!("unknown command {cmd}"),
    }
}

/// Runs every case of a data file and fails listing the mismatches.
pub(super) fn check_data_file(text: &str, min_cases: usize) {
    let mut failures = Vec::new();
    let mut count = 0;
    for line in text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let fields: Vec<String> = line.split('\t').map(unescape).collect();
        let arrow = fields.iter().position(|f| f == "=>").expect("missing =>");
        let got = run(&fields[0], &fields[1..arrow]);
        let expected = &fields[arrow + 1..];
        count += 1;
        if got != expected {
            failures.push(format!("{line}\n    got: {got:?}"));
        }
    }
    assert!(count >= min_cases, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.iter().take(30).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn data_float_repr() {
    check_data_file(include_str!("data/float_repr.txt"), 2000);
}

#[test]
fn data_format() {
    check_data_file(include_str!("data/format.txt"), 6000);
}

#[test]
fn data_percent() {
    check_data_file(include_str!("data/percent.txt"), 1000);
}

#[test]
fn data_parse() {
    check_data_file(include_str!("data/parse.txt"), 450);
}

#[test]
fn data_repr() {
    check_data_file(include_str!("data/repr.txt"), 150);
}

/// Random inputs must produce `Ok` or `Err`, never a panic.
#[test]
fn no_panics_on_random_input() {
    const ALPHABET: &[char] = &[
        '%', '(', ')', '*', '.', '-', '+', ' ', '#', '0', '1', '9', '<', '>', '=', '^', ',', '_',
        'z', 'd', 'i', 'x', 'X', 'o', 'c', 'e', 'f', 'g', 'G', 'n', 's', 'r', 'a', 'b', 'h', 'l',
        'é', '🎉', '\0', '\u{7f}', 'q', 'Z', '\u{2003}', '٣',
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let args = [
        Arg::Int(BigInt::from(-65)),
        Arg::Int(BigInt::from(65)),
        Arg::Float(-1.5e300),
        Arg::Float(f64::NAN),
        Arg::Str("é".into()),
        Arg::Bool(true),
    ];
    for _ in 0..20_000 {
        let len = next(9);
        let s: String = (0..len).map(|_| ALPHABET[next(ALPHABET.len())]).collect();
        let refs: Vec<&dyn PercentArg> =
            (0..next(4)).map(|_| &args[next(args.len())] as &dyn PercentArg).collect();
        let _ = percent_format(&s, &refs);
        if let Ok(spec) = parse_spec(&s) {
            let _ = format_int(&BigInt::from(-1234567), &spec);
            let _ = format_int(&BigInt::from(0x1F389), &spec);
            let _ = format_float(-0.0, &spec);
            let _ = format_float(12345.678, &spec);
            let _ = format_float(f64::INFINITY, &spec);
            let _ = format_str("héllo", &spec);
        }
        for base in [0, 2, 10, 16, 36] {
            let _ = parse_int(&s, base);
        }
        let _ = parse_float(&s);
        let _ = str_repr(&s);
    }
}
