//! The outside suites' sections of the report, computed from their records alone
//! ([`Data::suites`]).
//!
//! - **pyperformance**, in the shape of `pyperf compare_to --table`: one row per benchmark,
//!   one column per runtime (CPython first, as the reference), each cell the median of the
//!   benchmark's values and its ratio to CPython ("1.23x slower", "1.10x faster"), then the
//!   geometric mean of the ratios; above it, how many benchmark files ran on each runtime and
//!   how many with output identical to CPython's; below it, every benchmark that could not run,
//!   with why (the first error line, a time-out, or an output that differs from CPython's:
//!   the digest of what `bench_func`'s function returned).
//! - **ftscalingbench**: CPython's `Tools/ftscalingbench/ftscalingbench.py` speedups ("1.9x
//!   faster" at N threads) per benchmark, one column per runtime with CPython beside them, per
//!   thread count, and the runtimes where it could not run.

use crate::analysis::Data;
use crate::markdown::time;
use crate::record::{CPYTHON, Record};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The `suite` of pyperformance's records.
pub const PYPERFORMANCE: &str = "pyperformance";
/// The `suite` of ftscalingbench's records.
pub const FTSCALINGBENCH: &str = "ftscalingbench";

/// How one run of a suite's benchmark went.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    /// It ran; the median of its values in seconds.
    Ran {
        /// Median seconds per loop.
        median: f64,
    },
    /// It ran, but what it returned differs from what CPython's run returned.
    Differs {
        /// Median seconds per loop.
        median: f64,
        /// This run's digest.
        check: String,
        /// CPython's digest.
        cpython: String,
    },
    /// It stopped with an error (the first line of the error).
    Failed {
        /// Why.
        why: String,
    },
    /// It was killed at the time limit.
    TimedOut {
        /// The limit, as the record says it.
        why: String,
    },
}

impl Outcome {
    /// The median, for a run that produced values.
    pub fn median(&self) -> Option<f64> {
        match self {
            Outcome::Ran { median } | Outcome::Differs { median, .. } => Some(*median),
            _ => None,
        }
    }

    /// Why it could not be counted as a clean run, if it could not.
    pub fn problem(&self) -> Option<String> {
        match self {
            Outcome::Ran { .. } => None,
            Outcome::Differs { check, cpython, .. } => {
                Some(format!("output differs from CPython ({check} vs {cpython})"))
            }
            Outcome::Failed { why } | Outcome::TimedOut { why } => Some(why.clone()),
        }
    }
}

/// Classifies `r`, comparing what it returned with `cpython` (CPython's record of the same
/// benchmark) when both carry a digest.
pub fn outcome(r: &Record, cpython: Option<&Record>) -> Outcome {
    if let Some(e) = &r.error {
        return if e.starts_with("timed out") {
            Outcome::TimedOut { why: e.clone() }
        } else {
            Outcome::Failed { why: e.clone() }
        };
    }
    let mine = r.suite.as_ref().and_then(|s| s.check.clone());
    let theirs =
        cpython.filter(|c| c.error.is_none()).and_then(|c| c.suite.as_ref()?.check.clone());
    match (mine, theirs) {
        (Some(check), Some(cpython)) if check != cpython && r.backend != CPYTHON => {
            Outcome::Differs { median: r.median, check, cpython }
        }
        _ => Outcome::Ran { median: r.median },
    }
}

/// A ratio as `pyperf compare_to` prints it: "1.23x slower" (time / reference at 1 or
/// more), "1.10x faster" (reference / time) below 1.
pub fn compare_phrase(ratio: f64) -> String {
    if ratio >= 1.0 { format!("{ratio:.2}x slower") } else { format!("{:.2}x faster", 1.0 / ratio) }
}

fn of_suite<'a>(d: &'a Data, suite: &'a str) -> impl Iterator<Item = &'a Record> + 'a {
    d.suites.iter().filter(move |r| r.suite.as_ref().is_some_and(|s| s.suite == suite))
}

/// The runtimes of `suite`'s records: described backends in the caller's order, others by
/// name, then CPython (`cpython_first` puts it first instead, as the reference column).
pub fn runtimes(d: &Data, suite: &str, cpython_first: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in of_suite(d, suite) {
        if !out.contains(&r.backend) {
            out.push(r.backend.clone());
        }
    }
    let known = d.backends.len();
    out.sort_by_key(|b| {
        let position = d.backends.iter().position(|i| i.name == *b).unwrap_or(known);
        let cpython = b == CPYTHON;
        (if cpython_first { !cpython } else { cpython }, position, b.clone())
    });
    out
}

/// One benchmark's row of the pyperformance table.
#[derive(Debug, Clone, Serialize)]
pub struct BenchRow {
    /// The benchmark (pyperf's name).
    pub benchmark: String,
    /// Its file (the `bm_*` folder's benchmark name).
    pub group: String,
    /// Per runtime: how it went and the ratio of its median to CPython's.
    pub cells: BTreeMap<String, BenchCell>,
}

/// One cell of the pyperformance table.
#[derive(Debug, Clone, Serialize)]
pub struct BenchCell {
    /// How the run went.
    pub outcome: Outcome,
    /// Median / CPython's median, when both ran.
    pub vs_cpython: Option<f64>,
}

/// Per runtime, how many benchmark files ran and how many gave CPython's output.
#[derive(Debug, Clone, Serialize)]
pub struct FileCount {
    /// The runtime.
    pub runtime: String,
    /// Files with a record on this runtime.
    pub files: usize,
    /// Files all of whose benchmarks ran.
    pub ran: usize,
    /// Of those, files whose every checked result equals CPython's (CPython having run the
    /// file); `None` for CPython itself.
    pub identical: Option<usize>,
}

/// The pyperformance section's numbers (also in `report.json`).
#[derive(Debug, Clone, Serialize)]
pub struct Pyperformance {
    /// Columns: CPython first, then the backends.
    pub columns: Vec<String>,
    /// One row per benchmark, in the order measured.
    pub rows: Vec<BenchRow>,
    /// Per runtime: the geometric mean of its ratios to CPython and how many benchmarks it is
    /// over (runs whose output differs are left out).
    pub geomean: BTreeMap<String, (f64, usize)>,
    /// Per runtime, the files that ran.
    pub files: Vec<FileCount>,
}

/// The pyperformance section, if there are pyperformance records.
pub fn pyperformance(d: &Data) -> Option<Pyperformance> {
    let records: Vec<&Record> = of_suite(d, PYPERFORMANCE).collect();
    if records.is_empty() {
        return None;
    }
    let columns = runtimes(d, PYPERFORMANCE, true);
    let mut names: Vec<(String, String)> = Vec::new();
    for r in &records {
        let group = r.suite.as_ref().map_or_else(String::new, |s| s.group.clone());
        if !names.iter().any(|(n, _)| *n == r.workload) {
            names.push((r.workload.clone(), group));
        }
    }
    let find = |name: &str, runtime: &str| {
        records.iter().copied().find(|r| r.workload == name && r.backend == runtime)
    };
    let mut rows = Vec::new();
    let mut ratios: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for (name, group) in &names {
        let reference = find(name, CPYTHON);
        let ref_median = reference.map(|c| outcome(c, None)).and_then(|o| o.median());
        let mut cells = BTreeMap::new();
        for runtime in &columns {
            let Some(r) = find(name, runtime) else { continue };
            let o = outcome(r, reference);
            let vs = match (o.median(), ref_median) {
                (Some(m), Some(c)) if c > 0.0 && m > 0.0 => Some(m / c),
                _ => None,
            };
            if let (Some(x), Outcome::Ran { .. }) = (vs, &o)
                && runtime != CPYTHON
            {
                ratios.entry(runtime.clone()).or_default().push(x);
            }
            cells.insert(runtime.clone(), BenchCell { outcome: o, vs_cpython: vs });
        }
        rows.push(BenchRow { benchmark: name.clone(), group: group.clone(), cells });
    }
    let geomean = ratios
        .into_iter()
        .filter_map(|(k, v)| crate::analysis::geomean(&v).map(|g| (k, (g, v.len()))))
        .collect();
    let files = file_counts(&rows, &columns);
    Some(Pyperformance { columns, rows, geomean, files })
}

fn file_counts(rows: &[BenchRow], columns: &[String]) -> Vec<FileCount> {
    let mut groups: Vec<&str> = Vec::new();
    for r in rows {
        if !groups.contains(&r.group.as_str()) {
            groups.push(&r.group);
        }
    }
    let clean = |g: &str, runtime: &str| -> Option<bool> {
        let cells: Vec<&BenchCell> =
            rows.iter().filter(|r| r.group == g).filter_map(|r| r.cells.get(runtime)).collect();
        if cells.is_empty() {
            return None;
        }
        Some(cells.iter().all(|c| c.outcome.median().is_some()))
    };
    columns
        .iter()
        .map(|runtime| {
            let mut files = 0;
            let mut ran = 0;
            let mut identical = 0;
            for g in &groups {
                let Some(ok) = clean(g, runtime) else { continue };
                files += 1;
                if !ok {
                    continue;
                }
                ran += 1;
                let differs = rows
                    .iter()
                    .filter(|r| r.group == *g)
                    .filter_map(|r| r.cells.get(runtime))
                    .any(|c| matches!(c.outcome, Outcome::Differs { .. }));
                if !differs && clean(g, CPYTHON) == Some(true) {
                    identical += 1;
                }
            }
            let identical = (runtime != CPYTHON).then_some(identical);
            FileCount { runtime: runtime.clone(), files, ran, identical }
        })
        .collect()
}

/// Writes the pyperformance section, if there are pyperformance records.
pub fn render_pyperformance(s: &mut String, d: &Data) {
    let Some(p) = pyperformance(d) else { return };
    let _ = writeln!(
        s,
        "## pyperformance\n\n`gillab compare --suite pyperformance`: pyperformance's benchmark files, unchanged, with gil-lab's built-in `pyperf` module (CPython runs the same module, put on its path). A cell is the median of the benchmark's values (time per loop, calibrated to at least 100 ms per value) and its ratio to CPython, as `pyperf compare_to` prints it. A file counts as identical to CPython when every result it checks (what `bench_func`'s function returned) equals CPython's; `bench_time_func` benchmarks return only a time and check their own answers.\n"
    );
    let _ = writeln!(
        s,
        "| runtime | benchmark files that ran | of those, output identical to CPython |\n|---|---|---|"
    );
    for f in &p.files {
        let same = f.identical.map_or_else(|| "(reference)".into(), |n| n.to_string());
        let _ = writeln!(s, "| {} | {} of {} | {same} |", f.runtime, f.ran, f.files);
    }
    let _ = writeln!(s, "\n| Benchmark | {} |", p.columns.join(" | "));
    let _ = writeln!(s, "|---|{}", "---|".repeat(p.columns.len()));
    for row in &p.rows {
        let cells: Vec<String> = p
            .columns
            .iter()
            .map(|c| row.cells.get(c).map_or_else(|| "–".into(), |cell| cell_text(c, cell)))
            .collect();
        let _ = writeln!(s, "| {} | {} |", row.benchmark, cells.join(" | "));
    }
    let geo: Vec<String> = p
        .columns
        .iter()
        .map(|c| match p.geomean.get(c) {
            _ if c == CPYTHON => "(reference)".into(),
            Some((g, n)) => format!("{} (over {n})", compare_phrase(*g)),
            None => "–".into(),
        })
        .collect();
    let _ = writeln!(s, "| Geometric mean | {} |\n", geo.join(" | "));
    could_not_run(s, &p);
}

fn cell_text(runtime: &str, cell: &BenchCell) -> String {
    let Some(median) = cell.outcome.median() else {
        return match cell.outcome {
            Outcome::TimedOut { .. } => "timed out".into(),
            _ => "failed".into(),
        };
    };
    let mut text = time(median);
    if let Some(x) = cell.vs_cpython.filter(|_| runtime != CPYTHON) {
        let _ = write!(text, ": {}", compare_phrase(x));
    }
    if matches!(cell.outcome, Outcome::Differs { .. }) {
        text.push_str(" (output differs)");
    }
    text
}

fn could_not_run(s: &mut String, p: &Pyperformance) {
    let mut problems: Vec<(String, String, Vec<String>)> = Vec::new();
    for row in &p.rows {
        for runtime in &p.columns {
            let Some(why) = row.cells.get(runtime).and_then(|c| c.outcome.problem()) else {
                continue;
            };
            let why = why.replace('|', "\\|").replace('\n', " ");
            match problems.iter_mut().find(|(b, w, _)| *b == row.benchmark && *w == why) {
                Some((_, _, who)) => who.push(runtime.clone()),
                None => problems.push((row.benchmark.clone(), why, vec![runtime.clone()])),
            }
        }
    }
    if problems.is_empty() {
        let _ = writeln!(s, "Every benchmark ran on every runtime.\n");
        return;
    }
    let _ = writeln!(
        s,
        "Benchmarks that could not run, or whose output differs from CPython's:\n\n| benchmark | runtimes | why |\n|---|---|---|"
    );
    for (bench, why, who) in problems {
        let _ = writeln!(s, "| {bench} | {} | {why} |", who.join(", "));
    }
    s.push('\n');
}

/// One ftscalingbench result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScalingCell {
    /// The benchmark function.
    pub benchmark: String,
    /// The runtime.
    pub runtime: String,
    /// Threads.
    pub threads: u32,
    /// N × time(1 thread) / time(N threads), as ftscalingbench printed it.
    pub speedup: f64,
    /// As ftscalingbench prints it.
    pub text: String,
}

/// Every ftscalingbench result in the records, in the order measured.
pub fn ftscalingbench(d: &Data) -> Vec<ScalingCell> {
    of_suite(d, FTSCALINGBENCH)
        .filter(|r| r.error.is_none())
        .filter_map(|r| {
            let speedup = *r.metrics.get("speedup")?;
            Some(ScalingCell {
                benchmark: r.workload.clone(),
                runtime: r.backend.clone(),
                threads: r.threads,
                speedup,
                text: crate::scaling::phrase(speedup),
            })
        })
        .collect()
}

/// Writes the ftscalingbench section, if there are ftscalingbench records.
pub fn render_ftscalingbench(s: &mut String, d: &Data) {
    let failed: Vec<&Record> = of_suite(d, FTSCALINGBENCH).filter(|r| r.error.is_some()).collect();
    let cells = ftscalingbench(d);
    if cells.is_empty() && failed.is_empty() {
        return;
    }
    let columns = runtimes(d, FTSCALINGBENCH, false);
    let _ = writeln!(
        s,
        "## ftscalingbench\n\nCPython's `Tools/ftscalingbench/ftscalingbench.py`, unchanged (`gillab compare --suite ftscalingbench`): each benchmark runs once on one thread, then on N threads each doing the same work; the cell is N × time(1 thread) / time(N threads) as the script prints it (ideal: \"N.0x faster\"; a global lock gives about \"1.0x\").\n"
    );
    let mut threads: Vec<u32> = cells.iter().map(|c| c.threads).collect();
    threads.sort_unstable();
    threads.dedup();
    for n in threads {
        let here: Vec<&ScalingCell> = cells.iter().filter(|c| c.threads == n).collect();
        let shown: Vec<&String> =
            columns.iter().filter(|c| here.iter().any(|h| h.runtime == **c)).collect();
        let mut names: Vec<&str> = Vec::new();
        for c in &here {
            if !names.contains(&c.benchmark.as_str()) {
                names.push(&c.benchmark);
            }
        }
        let titles: Vec<&str> = shown.iter().map(|c| c.as_str()).collect();
        let _ = writeln!(s, "### {n} threads\n\n| benchmark | {} |", titles.join(" | "));
        let _ = writeln!(s, "|---|{}", "---|".repeat(shown.len()));
        for name in names {
            let row: Vec<String> = shown
                .iter()
                .map(|rt| {
                    here.iter()
                        .find(|c| c.benchmark == name && c.runtime == **rt)
                        .map_or_else(|| "–".into(), |c| c.text.clone())
                })
                .collect();
            let _ = writeln!(s, "| {name} | {} |", row.join(" | "));
        }
        s.push('\n');
    }
    if !failed.is_empty() {
        let _ = writeln!(s, "Runs that stopped:\n\n| runtime | threads | why |\n|---|---|---|");
        for r in failed {
            let why = r.error.as_deref().unwrap_or("").replace('|', "\\|").replace('\n', " ");
            let _ = writeln!(s, "| {} | {} | {why} |", r.backend, r.threads);
        }
        s.push('\n');
    }
}

#[cfg(test)]
#[path = "suites/tests.rs"]
mod tests;
