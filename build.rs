//! Generates one test function per conformance fixture (`tests/conformance/*.py`); the test
//! file `tests/conformance.rs` instantiates them once per registered backend.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new("tests/conformance");
    println!("cargo:rerun-if-changed=tests/conformance");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter_map(|n| n.strip_suffix(".py").map(str::to_string))
                .filter(|n| {
                    n.contains("__") && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::new();
    for n in &names {
        writeln!(out, "#[test]\nfn {n}() {{ crate::run_fixture(BACKEND, \"{n}\"); }}").unwrap();
    }
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("fixtures.rs");
    std::fs::write(dest, out).unwrap();
}
