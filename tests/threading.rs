//! `threading` behaviour that a conformance fixture cannot pin down because it depends on
//! timing or on how threads interleave: each check runs many times on every backend, bounded
//! in time. The programs are in `tests/threading/`.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/threading")
}

fn run(backend: &str, file: &str) -> (String, String) {
    let out = common::gillab_within(
        &["run", "--backend", backend, "--check-leaks", file],
        &dir(),
        Duration::from_secs(60),
    )
    .unwrap_or_else(|| panic!("{file} on {backend} did not finish within 60 s"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{backend}: {file} failed:\n{stdout}{stderr}");
    (stdout, stderr)
}

/// `sys.getrefcount(x)` after the threads that churned references to `x` were joined is
/// CPython's 2 on every run: `join()` returns only once the thread has released everything
/// and detached (on `atomic`/`biased`, once its deferred frees can be settled), and
/// `getrefcount` settles them. Before, `atomic` printed 10 to 137 in about a third of the runs
/// and `objlock`/`biased` often 3 or 4 (the thread object, with its argument tuple, was still
/// held when `join()` returned).
#[test]
fn getrefcount_after_join_matches_cpython_every_time() {
    const CPYTHON: &str = "2\n";
    for backend in gillab::backends().iter().map(|e| e.name) {
        let mut seen = Vec::new();
        for _ in 0..20 {
            let (stdout, _) = run(backend, "refcount_after_join.py");
            seen.push(stdout.trim_end().to_string());
        }
        assert!(
            seen.iter().all(|s| format!("{s}\n") == CPYTHON),
            "{backend}: sys.getrefcount(x) printed {seen:?}, CPython prints {}",
            CPYTHON.trim_end()
        );
    }
}

/// Immortal objects (PEP 683): on `atomic` and `biased`, the functions and classes a module
/// body makes, with their methods, report CPython 3.12's immortal count, while a function made
/// inside a function and data stay mortal and count normally; `gil` and `objlock` keep every
/// count. Two threads share all of them first, and the leak check (`run`) proves teardown
/// frees the immortals.
#[test]
fn module_level_functions_and_classes_are_immortal_where_counts_are_shared() {
    const IMMORTAL: &str = "4294967295";
    for backend in gillab::backends().iter().map(|e| e.name) {
        let (stdout, _) = run(backend, "immortal_objects.py");
        let mut lines = stdout.lines();
        assert_eq!(lines.next(), Some("True"), "{backend}: {stdout}");
        let counts: Vec<(&str, &str)> = lines.filter_map(|l| l.split_once(' ')).collect::<Vec<_>>();
        assert_eq!(counts.len(), 6, "{backend}: {stdout}");
        let immortal_here = matches!(backend, "atomic" | "biased");
        for (name, count) in counts {
            let should = immortal_here && matches!(name, "f" | "C" | "C.m");
            assert_eq!(count == IMMORTAL, should, "{backend}: {name} has count {count}");
            if !should {
                let n: u32 = count.parse().unwrap_or(u32::MAX);
                assert!(n < 100, "{backend}: {name} has count {count}");
            }
        }
    }
}
