//! The suite sections on synthetic records: classification, ratios, the geometric mean, the
//! file counts, the failures list, and the whole Markdown of both sections (golden text).

use super::*;
use crate::analysis::tests::data;
use crate::record::{Provenance, SuiteRun};

fn by() -> Provenance {
    Provenance {
        machine: "test".into(),
        commit: "abc".into(),
        date: "2026-01-01T00:00:00Z".into(),
        source: "compare".into(),
    }
}

fn pyperf(
    group: &str,
    name: &str,
    runtime: &str,
    values: &[f64],
    check: Option<&str>,
    error: Option<&str>,
) -> Record {
    let run = SuiteRun {
        suite: PYPERFORMANCE.into(),
        group: group.into(),
        check: check.map(str::to_string),
    };
    Record::of_suite(run, name, runtime, 1, values, error.map(str::to_string), &by())
}

fn ft(
    name: &str,
    runtime: &str,
    threads: u32,
    speedup: Option<f64>,
    error: Option<&str>,
) -> Record {
    let run = SuiteRun { suite: FTSCALINGBENCH.into(), group: FTSCALINGBENCH.into(), check: None };
    let mut r =
        Record::of_suite(run, name, runtime, threads, &[], error.map(str::to_string), &by());
    if let Some(x) = speedup {
        r.metrics.insert("speedup".into(), x);
    }
    r
}

fn sample() -> Vec<Record> {
    vec![
        pyperf("nbody", "nbody", CPYTHON, &[0.1, 0.1, 0.1], None, None),
        pyperf("nbody", "nbody", "gil", &[0.2, 0.2, 0.3], None, None),
        pyperf("nbody", "nbody", "atomic", &[0.05], None, None),
        pyperf("fannkuch", "fannkuch", CPYTHON, &[1.0], Some("int:2:30"), None),
        pyperf("fannkuch", "fannkuch", "gil", &[2.0], Some("int:2:30"), None),
        pyperf("fannkuch", "fannkuch", "atomic", &[4.0], Some("int:2:31"), None),
        pyperf("deepcopy", "deepcopy", CPYTHON, &[0.01], None, None),
        pyperf("deepcopy", "deepcopy_memo", CPYTHON, &[0.02], None, None),
        pyperf("deepcopy", "deepcopy", "gil", &[0.04], None, None),
        pyperf(
            "deepcopy",
            "deepcopy_memo",
            "gil",
            &[],
            None,
            Some("ModuleNotFoundError: No module named 'copy'"),
        ),
        pyperf(
            "deepcopy",
            "deepcopy",
            "atomic",
            &[],
            None,
            Some("ModuleNotFoundError: No module named 'copy'"),
        ),
        pyperf(
            "deepcopy",
            "deepcopy_memo",
            "atomic",
            &[],
            None,
            Some("ModuleNotFoundError: No module named 'copy'"),
        ),
        pyperf("chaos", "chaos", CPYTHON, &[0.5], None, None),
        pyperf("chaos", "chaos", "gil", &[], None, Some("timed out after 60 s")),
        ft("object_cfunction", "gil", 2, Some(1.0 / 1.3), None),
        ft("object_cfunction", "atomic", 2, Some(1.9), None),
        ft("object_cfunction", CPYTHON, 2, Some(1.0), None),
        ft("generator", "gil", 2, Some(1.0), None),
        ft(
            "ftscalingbench",
            "objlock",
            2,
            None,
            Some("AttributeError: module 'threading' has no attribute 'local'"),
        ),
    ]
}

#[test]
fn outcomes_classify_errors_timeouts_and_digests() {
    let c = pyperf("f", "f", CPYTHON, &[1.0], Some("int:2:30"), None);
    let same = pyperf("f", "f", "gil", &[2.0], Some("int:2:30"), None);
    let other = pyperf("f", "f", "gil", &[2.0], Some("int:2:31"), None);
    assert_eq!(outcome(&same, Some(&c)), Outcome::Ran { median: 2.0 });
    assert!(matches!(outcome(&other, Some(&c)), Outcome::Differs { .. }));
    // Without CPython's digest nothing can differ.
    assert_eq!(outcome(&other, None), Outcome::Ran { median: 2.0 });
    let t = pyperf("f", "f", "gil", &[], None, Some("timed out after 9 s"));
    assert!(matches!(outcome(&t, Some(&c)), Outcome::TimedOut { .. }));
    let e = pyperf("f", "f", "gil", &[], None, Some("NameError: name 'x' is not defined"));
    assert_eq!(
        outcome(&e, Some(&c)).problem().as_deref(),
        Some("NameError: name 'x' is not defined")
    );
    assert_eq!(compare_phrase(1.234), "1.23x slower");
    assert_eq!(compare_phrase(0.5), "2.00x faster");
}

#[test]
fn pyperformance_table_ratios_geomean_and_file_counts() {
    let d = data(sample());
    let p = pyperformance(&d).unwrap();
    assert_eq!(p.columns, [CPYTHON, "gil", "atomic"]);
    assert_eq!(p.rows.len(), 5);
    // gil: nbody 2x, fannkuch 2x, deepcopy 4x -> geometric mean 2.52x over 3.
    let (g, n) = p.geomean["gil"];
    assert!((g - 16f64.cbrt()).abs() < 1e-9 && n == 3, "{g} {n}");
    // atomic's fannkuch output differs: left out of its mean.
    assert_eq!(p.geomean["atomic"], (0.5, 1));
    let files: Vec<(String, usize, usize, Option<usize>)> =
        p.files.iter().map(|f| (f.runtime.clone(), f.files, f.ran, f.identical)).collect();
    assert_eq!(
        files,
        [
            (CPYTHON.to_string(), 4, 4, None),
            ("gil".to_string(), 4, 2, Some(2)),
            ("atomic".to_string(), 3, 2, Some(1)),
        ]
    );
}

const GOLDEN_PYPERFORMANCE: &str = "## pyperformance

`gillab compare --suite pyperformance`: pyperformance's benchmark files, unchanged, with gil-lab's built-in `pyperf` module (CPython runs the same module, put on its path). A cell is the median of the benchmark's values (time per loop, calibrated to at least 100 ms per value) and its ratio to CPython, as `pyperf compare_to` prints it. A file counts as identical to CPython when every result it checks (what `bench_func`'s function returned) equals CPython's; `bench_time_func` benchmarks return only a time and check their own answers.

| runtime | benchmark files that ran | of those, output identical to CPython |
|---|---|---|
| cpython | 4 of 4 | (reference) |
| gil | 2 of 4 | 2 |
| atomic | 2 of 3 | 1 |

| Benchmark | cpython | gil | atomic |
|---|---|---|---|
| nbody | 100.0 ms | 200.0 ms: 2.00x slower | 50.0 ms: 2.00x faster |
| fannkuch | 1.00 s | 2.00 s: 2.00x slower | 4.00 s: 4.00x slower (output differs) |
| deepcopy | 10.0 ms | 40.0 ms: 4.00x slower | failed |
| deepcopy_memo | 20.0 ms | failed | failed |
| chaos | 500.0 ms | timed out | – |
| Geometric mean | (reference) | 2.52x slower (over 3) | 2.00x faster (over 1) |

Benchmarks that could not run, or whose output differs from CPython's:

| benchmark | runtimes | why |
|---|---|---|
| fannkuch | atomic | output differs from CPython (int:2:31 vs int:2:30) |
| deepcopy | atomic | ModuleNotFoundError: No module named 'copy' |
| deepcopy_memo | gil, atomic | ModuleNotFoundError: No module named 'copy' |
| chaos | gil | timed out after 60 s |

";

const GOLDEN_FTSCALINGBENCH: &str = "## ftscalingbench

CPython's `Tools/ftscalingbench/ftscalingbench.py`, unchanged (`gillab compare --suite ftscalingbench`): each benchmark runs once on one thread, then on N threads each doing the same work; the cell is N × time(1 thread) / time(N threads) as the script prints it (ideal: \"N.0x faster\"; a global lock gives about \"1.0x\").

### 2 threads

| benchmark | gil | atomic | cpython |
|---|---|---|---|
| object_cfunction | 1.3x slower | 1.9x faster | 1.0x faster |
| generator | 1.0x faster | – | – |

Runs that stopped:

| runtime | threads | why |
|---|---|---|
| objlock | 2 | AttributeError: module 'threading' has no attribute 'local' |

";

#[test]
fn sections_render_as_golden_text() {
    let d = data(sample());
    let mut s = String::new();
    render_pyperformance(&mut s, &d);
    assert_eq!(s, GOLDEN_PYPERFORMANCE, "\n{s}");
    let mut s = String::new();
    render_ftscalingbench(&mut s, &d);
    assert_eq!(s, GOLDEN_FTSCALINGBENCH, "\n{s}");
    // Without suite records there are no sections.
    let mut s = String::new();
    let none = data(Vec::new());
    render_pyperformance(&mut s, &none);
    render_ftscalingbench(&mut s, &none);
    assert!(s.is_empty());
}

#[test]
fn suite_records_stay_out_of_the_workload_tables_and_round_trip() {
    let d = data(sample());
    assert!(d.records.is_empty() && d.failed.is_empty());
    assert_eq!(d.suites.len(), sample().len());
    let cells = ftscalingbench(&d);
    assert_eq!(cells.len(), 4);
    assert_eq!(cells[0].text, "1.3x slower");
    let line = serde_json::to_string(&sample()[4]).unwrap();
    assert!(line.contains("\"suite\":{\"suite\":\"pyperformance\",\"group\":\"fannkuch\""));
    let back: Record = serde_json::from_str(&line).unwrap();
    assert_eq!(back, sample()[4]);
}
