//! Reading a source file's bytes as CPython does (PEP 3120, PEP 263): UTF-8 unless the first
//! or second line declares an encoding (`# -*- coding: latin-1 -*-`), a UTF-8 byte-order mark
//! skipped, and CPython's `SyntaxError` reports for what cannot be decoded.
//!
//! The declared encodings gil-lab decodes are UTF-8, Latin-1 and ASCII (under any of their
//! aliases); any other declaration is an "encoding problem", as an unknown one is in CPython.

use crate::builtins::methods::str::{Codec, lookup_codec};

/// Where the source comes from: the script (decoded by CPython's tokenizer) or an imported
/// module (decoded by `importlib`, whose messages differ).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The program given on the command line.
    Script,
    /// A module found by `import`.
    Import,
}

/// Why a script could not be read as source.
#[derive(Debug)]
pub enum ScriptError {
    /// The file could not be read (CPython: "can't open file", status 2).
    Unreadable(std::io::Error),
    /// It is not text in its declared encoding: the complete `SyntaxError` report (status 1).
    Undecodable(String),
}

/// Reads and decodes the script at `path` (CPython's tokenizer rules), as `run`, `dis` and a
/// worker process read the program.
pub fn read_script(path: &std::path::Path) -> Result<String, ScriptError> {
    let bytes = std::fs::read(path).map_err(ScriptError::Unreadable)?;
    decode(&bytes, &path.to_string_lossy(), Origin::Script).map_err(ScriptError::Undecodable)
}

/// Decodes `bytes`, the contents of `filename`. The error is the complete report CPython
/// prints (ending in `SyntaxError: ...` and a newline).
pub fn decode(bytes: &[u8], filename: &str, origin: Origin) -> Result<String, String> {
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let Some(declared) = declaration(body) else {
        return std::str::from_utf8(body).map(str::to_string).map_err(|e| match origin {
            Origin::Script => {
                let at = e.valid_up_to();
                format!(
                    "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on \
                     line {}, but no encoding declared; see https://peps.python.org/pep-0263/ \
                     for details\n",
                    body[at],
                    line_of(body, at)
                )
            }
            Origin::Import => unicode_error(body, &e, filename),
        });
    };
    let normal = normal_name(&declared);
    if bom && normal != "utf-8" {
        return Err(format!("SyntaxError: encoding problem: {normal} with BOM\n"));
    }
    let problem = || match origin {
        Origin::Script => format!("SyntaxError: encoding problem: {declared}\n"),
        Origin::Import => format!("SyntaxError: unknown encoding: {declared}\n"),
    };
    match lookup_codec(&declared) {
        Some(Codec::Utf8) => std::str::from_utf8(body)
            .map(str::to_string)
            .map_err(|e| unicode_error(body, &e, filename)),
        Some(Codec::Latin1) => Ok(body.iter().map(|&b| b as char).collect()),
        Some(Codec::Ascii) if body.is_ascii() => {
            Ok(std::str::from_utf8(body).map(str::to_string).unwrap_or_default())
        }
        _ => Err(problem()),
    }
}

/// The encoding declared on line 1, or on line 2 when line 1 is blank or a comment
/// (CPython's `check_coding_spec`: `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`).
fn declaration(src: &[u8]) -> Option<String> {
    let mut lines = src.split(|&b| b == b'\n');
    let first = lines.next()?;
    if let Some(name) = coding_spec(first) {
        return Some(name);
    }
    let trimmed = trim_start(first);
    if trimmed.is_empty() || trimmed == b"\r" || trimmed.starts_with(b"#") {
        return lines.next().and_then(coding_spec);
    }
    None
}

fn trim_start(line: &[u8]) -> &[u8] {
    let n = line.iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\x0c')).count();
    &line[n..]
}

fn coding_spec(line: &[u8]) -> Option<String> {
    let comment = trim_start(line).strip_prefix(b"#")?;
    let mut from = 0;
    while let Some(i) = find(&comment[from..], b"coding") {
        let after = &comment[from + i + b"coding".len()..];
        if let Some(rest) = after.strip_prefix(b":").or_else(|| after.strip_prefix(b"=")) {
            let rest = &rest[rest.iter().take_while(|b| matches!(b, b' ' | b'\t')).count()..];
            let n = rest
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
                .count();
            if n > 0 {
                return Some(String::from_utf8_lossy(&rest[..n]).into_owned());
            }
        }
        from += i + 1;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// CPython's `get_normal_name`: `utf-8` and `iso-8859-1` for their common spellings.
fn normal_name(name: &str) -> String {
    let low: String = name
        .chars()
        .take(12)
        .map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() })
        .collect();
    let is = |base: &str| low == base || low.starts_with(&format!("{base}-"));
    if is("utf-8") {
        "utf-8".into()
    } else if is("latin-1") || is("iso-8859-1") || is("iso-latin-1") {
        "iso-8859-1".into()
    } else {
        name.to_string()
    }
}

/// The 1-based line of byte offset `at`.
fn line_of(src: &[u8], at: usize) -> usize {
    src[..at].iter().filter(|&&b| b == b'\n').count() + 1
}

/// CPython's report for undecodable UTF-8 found while compiling: the line, a caret under the
/// bad byte, and `SyntaxError: (unicode error) 'utf-8' codec can't decode ...`.
fn unicode_error(src: &[u8], e: &std::str::Utf8Error, filename: &str) -> String {
    let at = e.valid_up_to();
    let start = src[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let end = src[at..].iter().position(|&b| b == b'\n').map_or(src.len(), |i| at + i);
    let line = &src[start..end];
    let pos = at - start;
    let byte = src[at];
    let reason = match e.error_len() {
        None => "unexpected end of data",
        Some(_) if matches!(byte, 0xc2..=0xf4) => "invalid continuation byte",
        Some(_) => "invalid start byte",
    };
    let indent = line.iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\x0c')).count();
    let shown = String::from_utf8_lossy(&line[indent..]);
    let shown = shown.trim_end_matches('\r');
    let col = String::from_utf8_lossy(&line[indent..pos.max(indent)]).chars().count();
    format!(
        "  File \"{filename}\", line {}\n    {shown}\n    {}^\nSyntaxError: (unicode error) \
         'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: {reason}\n",
        line_of(src, at),
        " ".repeat(col)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_on_the_first_two_lines_only() {
        assert_eq!(declaration(b"# -*- coding: latin-1 -*-\nx"), Some("latin-1".into()));
        assert_eq!(declaration(b"#!/bin/sh\n#coding=utf8\n"), Some("utf8".into()));
        assert_eq!(declaration(b"\n# vim: fileencoding=ascii\n"), Some("ascii".into()));
        assert_eq!(declaration(b"x = 1\n# coding: latin-1\n"), None);
        assert_eq!(declaration(b"\n\n# coding: latin-1\n"), None);
        assert_eq!(declaration(b"# no coding here\n"), None);
    }

    #[test]
    fn names_are_normalised_as_cpython_does() {
        assert_eq!(normal_name("Latin_1"), "iso-8859-1");
        assert_eq!(normal_name("UTF-8-sig"), "utf-8");
        assert_eq!(normal_name("cp1252"), "cp1252");
    }

    #[test]
    fn reports() {
        let e = decode(b"print(1)\n\xff\n", "x.py", Origin::Script).unwrap_err();
        assert!(e.starts_with(
            "SyntaxError: Non-UTF-8 code starting with '\\xff' in file x.py on line 2"
        ));
        let e = decode(b"# coding: utf-8\nx\xff = 1\n", "x.py", Origin::Script).unwrap_err();
        assert_eq!(
            e,
            "  File \"x.py\", line 2\n    x\u{fffd} = 1\n     ^\nSyntaxError: (unicode error) \
             'utf-8' codec can't decode byte 0xff in position 1: invalid start byte\n"
        );
        assert_eq!(
            decode(b"# coding: latin-1\n\xe9", "x.py", Origin::Script).unwrap(),
            "# coding: latin-1\n\u{e9}"
        );
        assert_eq!(decode(b"\xef\xbb\xbfx", "x.py", Origin::Script).unwrap(), "x");
    }
}
