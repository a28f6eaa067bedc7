//! The CPython conformance suite: every `tests/conformance/<area>__<case>.py` runs under every
//! registered backend (`gillab run --backend NAME --check-leaks`), and its stdout, stderr and
//! exit status must equal what CPython 3.11 produced (the committed `.stdout`, `.stderr`,
//! `.exit` files; see `tests/conformance/README.md`). Tests are named `BACKEND::FIXTURE`.
//!
//! `tests/conformance/cycles.txt` lists fixtures that build reference cycles; they run without
//! the leak check until gil-lab has a cycle collector.
//!
//! `tests/conformance/expected_failures.txt` lists `backend fixture  # reason` pairs that are
//! known not to pass yet; those tests assert that the fixture still fails, so fixing one
//! without removing its line also fails the suite.

use std::path::Path;
use std::time::Duration;

mod common;

const TIMEOUT: Duration = Duration::from_secs(60);

fn expected_failure(backend: &str, fixture: &str) -> bool {
    let list = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/expected_failures.txt"),
    )
    .unwrap_or_default();
    list.lines().any(|l| {
        let l = l.split('#').next().unwrap_or("");
        let mut parts = l.split_whitespace();
        matches!((parts.next(), parts.next()), (Some(b), Some(f)) if (b == backend || b == "*") && f == fixture)
    })
}

/// Fixtures whose programs build reference cycles: gil-lab has no cycle collector yet, so they
/// run without the leak check (`tests/conformance/cycles.txt`).
fn makes_cycles(fixture: &str) -> bool {
    let list = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance/cycles.txt"),
    )
    .unwrap_or_default();
    list.lines().any(|l| l.split('#').next().unwrap_or("").trim() == fixture)
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_default()
}

/// Runs one fixture on one backend, in both eval-loop modes (every fast path on, and every
/// one off: `--no-rc-elision --no-attr-cache`), and compares with CPython's recorded
/// behaviour.
pub fn run_fixture(backend: &str, fixture: &str) {
    run_fixture_mode(backend, fixture, &[]);
    run_fixture_mode(
        backend,
        fixture,
        &["--no-rc-elision", "--no-attr-cache", "--no-global-cache"],
    );
}

fn run_fixture_mode(backend: &str, fixture: &str, mode: &[&str]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let file = format!("{fixture}.py");
    let mut args = vec!["run", "--backend", backend];
    args.extend(mode);
    if !makes_cycles(fixture) {
        args.push("--check-leaks");
    }
    args.push(&file);
    let out = common::gillab_within(&args, &dir, TIMEOUT)
        .unwrap_or_else(|| panic!("{backend}::{fixture}: timed out after {TIMEOUT:?}"));
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let want_out = read(&dir, &format!("{fixture}.stdout"));
    let want_err = read(&dir, &format!("{fixture}.stderr"));
    let want_code: i32 = read(&dir, &format!("{fixture}.exit")).trim().parse().unwrap_or(0);
    let code = out.status.code();
    let ok = code == Some(want_code) && stdout == want_out && stderr == want_err;
    let xfail = expected_failure(backend, fixture);
    if xfail {
        assert!(!ok, "{backend}::{fixture} passes now: remove it from expected_failures.txt");
        return;
    }
    if !ok {
        let first_diff = |a: &str, b: &str| {
            a.lines()
                .zip(b.lines())
                .enumerate()
                .find(|(_, (x, y))| x != y)
                .map(|(i, (x, y))| format!("line {}: got {x:?}, want {y:?}", i + 1))
                .unwrap_or_else(|| {
                    format!(
                        "lengths differ: got {} lines, want {}",
                        a.lines().count(),
                        b.lines().count()
                    )
                })
        };
        panic!(
            "{backend}::{fixture} {mode:?}: exit {code:?} (want {want_code})\nstdout: {}\nstderr: {}\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}",
            if stdout == want_out { "ok".into() } else { first_diff(&stdout, &want_out) },
            if stderr == want_err { "ok".into() } else { first_diff(&stderr, &want_err) },
        );
    }
}

macro_rules! backend_suites {
    ($($name:ident: $ty:ty = $exec:ident,)*) => {
        $(
            #[allow(non_snake_case)]
            mod $name {
                const BACKEND: &str = stringify!($name);
                include!(concat!(env!("OUT_DIR"), "/fixtures.rs"));
            }
        )*
    };
}

gillab::for_each_backend!(backend_suites);
