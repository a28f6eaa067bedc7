//! The literature's programs in `examples/` run under `gillab` and print what CPython prints,
//! timing values excepted (every decimal number is masked on both sides). The arguments
//! (`examples/expected/ARGS`) keep each run short; `examples/expected/regen.sh` regenerates
//! CPython's outputs.
//!
//! Not run here: `countdown_two_processes.py`, `parallel_sum_pool.py` and
//! `parallel_sum_fork.py`, which need `multiprocessing`/`os.fork` (process sharding).

use std::path::Path;

mod common;

/// Replaces every number written with a decimal point or an exponent by `<t>`.
fn mask(text: &str) -> String {
    let mut out = String::new();
    for word in text.split_inclusive(|c: char| c.is_whitespace()) {
        let trimmed = word.trim_end();
        let is_decimal = trimmed.starts_with(|c: char| c.is_ascii_digit())
            && (trimmed.contains('.') || trimmed.contains('e'))
            && trimmed.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '-' | '+'));
        if is_decimal {
            out.push_str("<t>");
            out.push_str(&word[trimmed.len()..]);
        } else {
            out.push_str(word);
        }
    }
    out
}

#[test]
fn mask_hides_timings_only() {
    assert_eq!(mask("took 0.25 s, 1e-05 x 3 of 3\n"), "took <t> s, <t> x 3 of 3\n");
}

#[test]
fn examples_print_what_cpython_prints() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let list = std::fs::read_to_string(dir.join("expected/ARGS")).expect("ARGS");
    let mut checked = 0;
    for line in list.lines().filter(|l| !l.trim().is_empty()) {
        let mut parts = line.split_whitespace();
        let name = parts.next().expect("file");
        let args: Vec<&str> = parts.collect();
        let mut cmd = vec!["run", name];
        cmd.extend(&args);
        let out = common::gillab(&cmd, &dir);
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let want = std::fs::read_to_string(dir.join("expected").join(name.replace(".py", ".txt")))
            .expect("expected output");
        assert_eq!(mask(&String::from_utf8_lossy(&out.stdout)), mask(&want), "{name}");
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} examples checked");
}
