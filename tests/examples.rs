//! The literature's programs in `examples/` run under `gillab`, on every backend, and print
//! what CPython prints, timing values excepted (every decimal number is masked on both sides).
//! The arguments (`examples/expected/ARGS`) keep each run short; `examples/expected/regen.sh`
//! regenerates CPython's outputs.
//!
//! Two exceptions, both the point of the program rather than a defect:
//! - `counter_unlocked.py` loses updates without a GIL (and on `shard` each process counts its
//!   own copy), so off `gil` only its exit status is checked;
//! - on `shard`, whose threads are worker processes, programs that start threads without the
//!   `if __name__ == "__main__":` guard must fail with CPython's bootstrapping `RuntimeError`
//!   (checked) instead of running.
//!
//! Not run: `parallel_sum_fork.py`, which needs `os.fork`.

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

/// Programs whose printed result depends on lost updates when there is no GIL.
const RACY: &[&str] = &["counter_unlocked.py"];

#[test]
fn examples_print_what_cpython_prints() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let list = std::fs::read_to_string(dir.join("expected/ARGS")).expect("ARGS");
    let mut checked = 0;
    for entry in gillab::backends() {
        let backend = entry.name;
        let shares_memory = entry.threads_share_memory();
        for line in list.lines().filter(|l| !l.trim().is_empty()) {
            let mut parts = line.split_whitespace();
            let name = parts.next().expect("file");
            let args: Vec<&str> = parts.collect();
            let mut cmd = vec!["run", "--backend", backend, name];
            cmd.extend(&args);
            let out = common::gillab(&cmd, &dir);
            let stderr = String::from_utf8_lossy(&out.stderr);
            let source = std::fs::read_to_string(dir.join(name)).expect("example source");
            if !shares_memory
                && source.contains("threading")
                && !source.contains("__name__ == \"__main__\"")
            {
                assert!(
                    !out.status.success() && stderr.contains("bootstrapping phase"),
                    "{backend}: {name} should refuse to start threads without the guard: {stderr}"
                );
                continue;
            }
            assert!(out.status.success(), "{backend}: {name}: {stderr}");
            if backend != "gil" && RACY.contains(&name) {
                continue;
            }
            let want =
                std::fs::read_to_string(dir.join("expected").join(name.replace(".py", ".txt")))
                    .expect("expected output");
            assert_eq!(
                mask(&String::from_utf8_lossy(&out.stdout)),
                mask(&want),
                "{backend}: {name}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 10 * gillab::backends().len() / 2, "only {checked} runs checked");
}
