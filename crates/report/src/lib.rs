//! gil-lab's benchmark reports.
//!
//! `gillab compare` and `cargo bench` measure workloads and write [`Record`]s, one JSON line
//! per workload × backend × GIL policy × threads, to `records.jsonl`; this crate turns a
//! record set into `REPORT.md` (machine header, tables, the ftscalingbench-style scaling table,
//! SVG plots, backend counters and the literature's claims checked against the data) and
//! `report.json` with the same numbers.
//!
//! The report is pure over its inputs: records, the machine description, and what the caller
//! says about the workloads ([`WorkloadInfo`]: the order they are reported in, one line about
//! each, the unit of an operation). The workload catalog itself belongs to the `gillab`
//! package, which owns the workload files (`benches/workloads/`) and passes its entries into
//! [`write_report`], [`regenerate`] and [`summary`]; this crate depends on nothing that runs.

#![forbid(unsafe_code)]

pub mod analysis;
pub mod claims;
pub mod machine;
pub mod markdown;
pub mod plots;
pub mod record;
pub mod scaling;
pub mod suites;

pub use analysis::{BackendInfo, Data, Described, Family, PolicyInfo, WorkloadInfo};
pub use machine::Machine;
pub use record::{Config, Provenance, Record, Sample, SuiteRun};

use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What can go wrong reading records or writing a report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Output or a record was not what was expected.
    #[error("{0}")]
    Parse(String),
    /// plotters failed to draw.
    #[error("drawing a plot: {0}")]
    Plot(String),
    /// There is nothing to report.
    #[error("{0}")]
    Empty(String),
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: &Path, source: std::io::Error) -> Error {
        Error::Io { path: path.to_path_buf(), source }
    }
}

/// `report.json`: the numbers of `REPORT.md`, for programs.
#[derive(Debug, Serialize)]
pub struct ReportJson<'a> {
    /// The machine.
    pub machine: &'a Machine,
    /// Per workload, its table rows.
    pub workloads: BTreeMap<String, Vec<analysis::Row>>,
    /// "Scaling, ftscalingbench style": speedup at N threads per workload and runtime.
    pub scaling: Vec<scaling::Cell>,
    /// Claims checked.
    pub claims: &'a [claims::Claim],
    /// Configurations that failed, with their errors.
    pub failed: &'a [Record],
    /// The pyperformance section's table, if measured.
    pub pyperformance: Option<suites::Pyperformance>,
    /// The ftscalingbench section's cells.
    pub ftscalingbench: Vec<suites::ScalingCell>,
}

/// The files a report consists of.
#[derive(Debug, Clone)]
pub struct Written {
    /// `REPORT.md`.
    pub markdown: PathBuf,
    /// `report.json`.
    pub json: PathBuf,
    /// The SVG plots.
    pub plots: Vec<PathBuf>,
}

/// The machine file next to the records.
pub const MACHINE_FILE: &str = "machine.json";
/// The records file.
pub const RECORDS_FILE: &str = "records.jsonl";

/// Reads `dir/machine.json`; without one, describes the machine from the records' labels.
pub fn read_machine(dir: &Path, records: &[Record]) -> Result<Machine, Error> {
    let path = dir.join(MACHINE_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text)
            .map_err(|e| Error::Parse(format!("{}: {e}", path.display()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let first = records.first();
            Ok(Machine {
                label: first.map_or_else(|| "unknown".into(), |r| r.machine.clone()),
                cpu: "unknown (no machine.json)".into(),
                cores: 0,
                memory_gib: 0.0,
                os: "unknown".into(),
                rustc: "unknown".into(),
                cpython: None,
                commit: first.map_or_else(|| "unknown".into(), |r| r.commit.clone()),
                date: first.map_or_else(|| "unknown".into(), |r| r.date.clone()),
                load: None,
            })
        }
        Err(e) => Err(Error::io(&path, e)),
    }
}

/// Writes `REPORT.md`, `report.json` and the plots into `dir` from `records`, reporting the
/// workloads `workloads` describes in that order (any others after them, by name).
pub fn write_report(
    dir: &Path,
    machine: &Machine,
    described: &Described,
    records: Vec<Record>,
) -> Result<Written, Error> {
    let count = records.len();
    let d = Data::new(records).describe(described);
    if d.records.is_empty() && d.failed.is_empty() && d.suites.is_empty() {
        return Err(Error::Empty("no benchmark records to report on".into()));
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut plots = BTreeMap::new();
    let mut files = Vec::new();
    let mut save = |key: String, name: String, svg: Option<String>| -> Result<(), Error> {
        if let Some(svg) = svg {
            let path = dir.join(&name);
            std::fs::write(&path, svg).map_err(|e| Error::io(&path, e))?;
            plots.insert(key, name);
            files.push(path);
        }
        Ok(())
    };
    for w in d.workloads() {
        if !is_echo_server(&w) {
            save(w.clone(), format!("speedup-{w}.svg"), plots::speedup(&d, &w)?)?;
        }
    }
    save("convoy".into(), "convoy.svg".into(), plots::convoy(&d, "convoy")?)?;
    save("async_echo".into(), "async_echo.svg".into(), plots::convoy(&d, "async_echo")?)?;
    save("overhead".into(), "overhead.svg".into(), plots::overhead(&d)?)?;
    let claims = claims::check_all(&d);
    let md = markdown::render(
        &d,
        &markdown::Parts { machine, claims: &claims, plots: &plots, record_count: count },
    );
    let markdown = dir.join("REPORT.md");
    std::fs::write(&markdown, md).map_err(|e| Error::io(&markdown, e))?;
    let json = ReportJson {
        machine,
        workloads: d.workloads().into_iter().map(|w| (w.clone(), d.rows(&w))).collect(),
        scaling: scaling::cells(&d),
        claims: &claims,
        failed: &d.failed,
        pyperformance: suites::pyperformance(&d),
        ftscalingbench: suites::ftscalingbench(&d),
    };
    let json_path = dir.join("report.json");
    let text = serde_json::to_string_pretty(&json).map_err(|e| Error::Parse(e.to_string()))?;
    std::fs::write(&json_path, text + "\n").map_err(|e| Error::io(&json_path, e))?;
    Ok(Written { markdown, json: json_path, plots: files })
}

/// Regenerates the report in `dir` from `records` (default `dir/records.jsonl`), with the
/// workloads described as for [`write_report`].
pub fn regenerate(
    dir: &Path,
    records: Option<&Path>,
    described: &Described,
) -> Result<Written, Error> {
    let path = records.map_or_else(|| dir.join(RECORDS_FILE), Path::to_path_buf);
    if !path.is_file() {
        return Err(Error::Empty(format!(
            "{}: no records (run `gillab compare` first, or pass --records FILE)",
            path.display()
        )));
    }
    let recs = record::read_records(&path)?;
    let machine = read_machine(path.parent().unwrap_or(dir), &recs)?;
    write_report(dir, &machine, described, recs)
}

/// A plain-text summary for the terminal: per workload and backend, the median at 1 thread
/// and the speedup at the most threads measured; workloads in the order `workloads` gives.
pub fn summary(records: &[Record], described: &Described) -> String {
    let d = Data::new(records.to_vec()).describe(described);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<12} {:<22} {:>11} {:>9} {:>10}",
        "workload", "backend", "1 thread", "speedup", "vs gil@1"
    );
    for w in d.workloads() {
        let top = d.threads(&w).into_iter().max().unwrap_or(1);
        for v in d.variants(&w) {
            let base = if is_echo_server(&w) { 0 } else { 1 };
            let one = d.get(&w, &v, base);
            let t1 = one.map_or_else(|| "–".into(), |r| markdown::time(r.median));
            let sp = if is_echo_server(&w) {
                let rps = |t| d.get(&w, &v, t).and_then(|r| r.metrics.get("rps").copied());
                match (rps(0), rps(top)) {
                    (Some(a), Some(b)) if top > 0 => format!("{:.0}→{:.0}/s", a, b),
                    _ => "–".into(),
                }
            } else {
                d.speedup(&w, &v, top).map_or_else(|| "–".into(), |x| format!("{x:.2}x@{top}"))
            };
            let rel =
                one.and_then(|r| d.vs_gil_1(r)).map_or_else(|| "–".into(), |x| format!("{x:.2}x"));
            let _ = writeln!(s, "{w:<12} {v:<22} {t1:>11} {sp:>9} {rel:>10}");
        }
    }
    for r in &d.failed {
        let _ = writeln!(
            s,
            "{:<12} {:<22} FAILED at {} threads: {}",
            r.workload,
            r.variant(),
            r.threads,
            r.error.as_deref().unwrap_or("no samples")
        );
    }
    s
}

/// Whether `w` is one of the echo-server workloads (`convoy`, `async_echo`), whose "threads"
/// are CPU-bound load beside the server (0 is the idle baseline) and whose figures are
/// requests per second and latencies rather than a speedup.
pub fn is_echo_server(w: &str) -> bool {
    matches!(w, "convoy" | "async_echo")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests::rec;

    #[test]
    fn writes_a_report_from_records() {
        let dir = std::env::temp_dir().join(format!("gillab-report-lib-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut recs = vec![
            rec("countdown", "gil/interval", 1, 1.0, 100),
            rec("countdown", "gil/interval", 2, 1.3, 100),
            rec("countdown", "atomic", 1, 1.5, 100),
            rec("countdown", "atomic", 2, 0.8, 100),
        ];
        let mut failed = rec("spawn", "atomic", 2, 0.0, 0);
        failed.error = Some("exit status 1: boom".into());
        recs.push(failed);
        for r in &recs {
            record::append_record(&dir.join(RECORDS_FILE), r).unwrap();
        }
        let described = Described {
            workloads: vec![WorkloadInfo {
                name: "countdown".into(),
                about: "Counts down.".into(),
                unit: "iterations".into(),
            }],
            backends: crate::analysis::tests::backends(),
        };
        let written = regenerate(&dir, None, &described).unwrap();
        let md = std::fs::read_to_string(&written.markdown).unwrap();
        assert!(md.contains("## countdown\n\nCounts down. Operations: iterations.\n"), "{md}");
        assert!(md.contains("## Claims checked"));
        assert!(md.contains("| Two CPU-bound threads can take longer than one thread doing the same work. | **confirmed**"), "{md}");
        assert!(md.contains("![countdown](speedup-countdown.svg)"));
        assert!(md.contains("boom"));
        assert!(dir.join("speedup-countdown.svg").is_file());
        assert!(dir.join("overhead.svg").is_file());
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&written.json).unwrap()).unwrap();
        assert_eq!(json["workloads"]["countdown"].as_array().unwrap().len(), 4);
        assert_eq!(json["claims"][1]["verdict"], "confirmed");
        let s = summary(&recs, &described);
        assert!(s.contains("atomic") && s.contains("1.88x@2") && s.contains("FAILED"), "{s}");
        // Undescribed, a workload still gets its section, with no line and a generic unit.
        let undescribed =
            Described { workloads: Vec::new(), backends: crate::analysis::tests::backends() };
        let written = regenerate(&dir, None, &undescribed).unwrap();
        let md = std::fs::read_to_string(&written.markdown).unwrap();
        assert!(md.contains("## countdown\n\n Operations: operations.\n"), "{md}");
        assert!(regenerate(&dir.join("nothing"), None, &described).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
