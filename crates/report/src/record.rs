//! The benchmark record: one JSON line per measured configuration (workload × backend × GIL
//! policy × threads), written by `gillab compare` and by `cargo bench`, and read back by the
//! report. criterion's own JSON is private and may change; this format is ours.
//!
//! Runs of an outside suite (`gillab compare --suite pyperformance|ftscalingbench`) are records
//! too, marked by [`Record::suite`] ([`SuiteRun`]): the workload is the suite's benchmark name,
//! the samples its values, and the suite fields say which file it came from and what it returned.

use crate::Error;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;

/// The backend name used for the CPython reference rows.
pub const CPYTHON: &str = "cpython";

/// One run of a workload, as the workload itself reported it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sample {
    /// Seconds spent in the work region (`time.perf_counter()` inside the workload).
    pub elapsed: f64,
    /// Operations done (the workload's own unit: iterations, visits, requests, ...).
    pub ops: u64,
    /// Whether the workload's correctness check passed.
    pub correct: bool,
    /// Every other numeric field of the workload's JSON line (`rps`, `p99_ms`, `lost_updates`).
    pub metrics: BTreeMap<String, f64>,
    /// The numeric counters of the backend's `--stats` line (empty for CPython).
    pub stats: BTreeMap<String, f64>,
    /// The GIL policy the backend reported in its `--stats` line, if it has one.
    pub policy: Option<String>,
}

impl Sample {
    /// Parses a workload's stdout (the last line that is a JSON object) and, if given, the
    /// backend's stderr (the last line that is a JSON object with a `backend` key).
    pub fn parse(stdout: &str, stderr: Option<&str>) -> Result<Sample, Error> {
        let line = last_json_object(stdout, |_| true).ok_or_else(|| {
            Error::Parse(format!("no JSON line in the workload's output: {:?}", tail(stdout)))
        })?;
        let elapsed = line
            .get("elapsed")
            .and_then(serde_json::Value::as_f64)
            .filter(|e| e.is_finite() && *e >= 0.0)
            .ok_or_else(|| Error::Parse(format!("missing or bad \"elapsed\" in {line:?}")))?;
        let ops = line
            .get("ops")
            .and_then(serde_json::Value::as_u64)
            .ok_or_else(|| Error::Parse(format!("missing or bad \"ops\" in {line:?}")))?;
        let correct = line.get("correct").and_then(serde_json::Value::as_bool).unwrap_or(false);
        let skip = ["elapsed", "ops", "threads", "correct"];
        let metrics = numbers(&line, &skip);
        let (stats, policy) =
            match stderr.and_then(|e| last_json_object(e, |o| o.contains_key("backend"))) {
                Some(s) => {
                    let policy = s.get("gil_policy").and_then(|p| p.as_str()).map(str::to_string);
                    (numbers(&s, &[]), policy)
                }
                None => (BTreeMap::new(), None),
            };
        Ok(Sample { elapsed, ops, correct, metrics, stats, policy })
    }
}

fn tail(s: &str) -> String {
    let t: String = s.chars().rev().take(200).collect();
    t.chars().rev().collect()
}

type Object = serde_json::Map<String, serde_json::Value>;

fn last_json_object(text: &str, keep: impl Fn(&Object) -> bool) -> Option<Object> {
    text.lines().rev().find_map(|l| match serde_json::from_str::<serde_json::Value>(l.trim()) {
        Ok(serde_json::Value::Object(o)) if keep(&o) => Some(o),
        _ => None,
    })
}

fn numbers(o: &Object, skip: &[&str]) -> BTreeMap<String, f64> {
    o.iter()
        .filter(|(k, _)| !skip.contains(&k.as_str()))
        .filter_map(|(k, v)| v.as_f64().map(|n| (k.clone(), n)))
        .collect()
}

/// One measured configuration: every sample of one workload × backend × policy × threads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The workload (`countdown`, `convoy`, ...).
    pub workload: String,
    /// The backend (`gil`, `atomic`, ...) or [`CPYTHON`].
    pub backend: String,
    /// The GIL hand-off policy, for backends that have one.
    #[serde(default)]
    pub policy: Option<String>,
    /// Threads (for `convoy`: CPU-bound threads next to the echo server).
    pub threads: u32,
    /// The size argument given to the workload.
    pub size: u64,
    /// Operations per sample, as the workload reported them.
    pub ops: u64,
    /// Seconds of each sample's work region.
    pub samples: Vec<f64>,
    /// Median of `samples` (0 when there are none).
    pub median: f64,
    /// Fastest sample.
    pub min: f64,
    /// Slowest sample.
    pub max: f64,
    /// Whether every sample passed its correctness check.
    pub correct: bool,
    /// Median of each extra numeric field over the samples.
    #[serde(default)]
    pub metrics: BTreeMap<String, f64>,
    /// Largest value of each extra numeric field over the samples.
    #[serde(default)]
    pub metrics_max: BTreeMap<String, f64>,
    /// Median of each backend counter over the samples.
    #[serde(default)]
    pub stats: BTreeMap<String, f64>,
    /// The machine label (see [`crate::Machine::label`]).
    pub machine: String,
    /// `git rev-parse --short HEAD` of the measured build.
    pub commit: String,
    /// When the record was made (UTC, RFC 3339).
    pub date: String,
    /// Who measured it: `compare` or `criterion`.
    pub source: String,
    /// Why the configuration could not be measured, if it could not.
    #[serde(default)]
    pub error: Option<String>,
    /// Set on the records of an outside suite's benchmarks (absent from the workloads').
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suite: Option<SuiteRun>,
}

/// What a record of an outside suite carries besides its numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuiteRun {
    /// The suite: `pyperformance` or `ftscalingbench`.
    pub suite: String,
    /// The file the benchmark is in (pyperformance: the `bm_*` folder's benchmark name, which
    /// may hold several benchmarks, e.g. `deepcopy`; ftscalingbench: `ftscalingbench`).
    pub group: String,
    /// A digest of what the benchmarked function returned (pyperf's `bench_func`), to compare
    /// with CPython's; `None` when the benchmark returns only a time or did not run.
    #[serde(default)]
    pub check: Option<String>,
}

/// What a record is about, before it is measured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The workload.
    pub workload: String,
    /// The backend or [`CPYTHON`].
    pub backend: String,
    /// The GIL policy, if the backend has one.
    pub policy: Option<String>,
    /// Threads.
    pub threads: u32,
    /// Size argument.
    pub size: u64,
}

/// Where and by whom a record was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// Machine label.
    pub machine: String,
    /// Commit.
    pub commit: String,
    /// Date (UTC, RFC 3339).
    pub date: String,
    /// `compare` or `criterion`.
    pub source: String,
}

impl Record {
    /// Aggregates `samples` of `config` into one record; `error` marks a configuration that
    /// failed (its samples so far are kept).
    pub fn new(
        config: &Config,
        samples: &[Sample],
        error: Option<String>,
        by: &Provenance,
    ) -> Record {
        let times: Vec<f64> = samples.iter().map(|s| s.elapsed).collect();
        let (median, min, max) = spread(&times);
        let mut metrics = BTreeMap::new();
        let mut metrics_max = BTreeMap::new();
        let keys: std::collections::BTreeSet<&String> =
            samples.iter().flat_map(|s| s.metrics.keys()).collect();
        for k in keys {
            let v: Vec<f64> = samples.iter().filter_map(|s| s.metrics.get(k).copied()).collect();
            let (m, _, hi) = spread(&v);
            metrics.insert(k.clone(), m);
            metrics_max.insert(k.clone(), hi);
        }
        let mut stats = BTreeMap::new();
        let keys: std::collections::BTreeSet<&String> =
            samples.iter().flat_map(|s| s.stats.keys()).collect();
        for k in keys {
            let v: Vec<f64> = samples.iter().filter_map(|s| s.stats.get(k).copied()).collect();
            stats.insert(k.clone(), spread(&v).0);
        }
        let policy =
            samples.iter().find_map(|s| s.policy.clone()).or_else(|| config.policy.clone());
        Record {
            workload: config.workload.clone(),
            backend: config.backend.clone(),
            policy,
            threads: config.threads,
            size: config.size,
            ops: samples.first().map_or(0, |s| s.ops),
            samples: times,
            median,
            min,
            max,
            correct: !samples.is_empty() && samples.iter().all(|s| s.correct),
            metrics,
            metrics_max,
            stats,
            machine: by.machine.clone(),
            commit: by.commit.clone(),
            date: by.date.clone(),
            source: by.source.clone(),
            error,
            suite: None,
        }
    }

    /// A record of an outside suite's benchmark `name` on `backend` (with `threads`): its
    /// values in seconds (one operation each), or `error` if it could not run.
    pub fn of_suite(
        run: SuiteRun,
        name: &str,
        backend: &str,
        threads: u32,
        values: &[f64],
        error: Option<String>,
        by: &Provenance,
    ) -> Record {
        let config = Config {
            workload: name.to_string(),
            backend: backend.to_string(),
            policy: None,
            threads,
            size: 0,
        };
        let samples: Vec<Sample> = values
            .iter()
            .map(|v| Sample { elapsed: *v, ops: 1, correct: true, ..Sample::default() })
            .collect();
        let mut r = Record::new(&config, &samples, error, by);
        r.correct = r.error.is_none();
        r.suite = Some(run);
        r
    }

    /// Whether the record holds a usable measurement.
    pub fn ok(&self) -> bool {
        self.error.is_none() && !self.samples.is_empty() && self.median > 0.0
    }

    /// `backend` or `backend/policy`: the row label in tables and plots.
    pub fn variant(&self) -> String {
        match &self.policy {
            Some(p) => format!("{}/{p}", self.backend),
            None => self.backend.clone(),
        }
    }

    /// Relative spread of the samples: `(max - min) / median`.
    pub fn spread(&self) -> f64 {
        if self.median > 0.0 { (self.max - self.min) / self.median } else { 0.0 }
    }
}

/// Median, minimum and maximum of `v` (zeros when empty).
pub fn spread(v: &[f64]) -> (f64, f64, f64) {
    if v.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let n = s.len();
    let median = if n % 2 == 1 { s[n / 2] } else { (s[n / 2 - 1] + s[n / 2]) / 2.0 };
    (median, s[0], s[n - 1])
}

/// Reads a JSONL file of records; blank lines are skipped, a bad line is an error naming it.
pub fn read_records(path: &Path) -> Result<Vec<Record>, Error> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut out = Vec::new();
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| Error::io(path, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let r: Record = serde_json::from_str(&line).map_err(|e| {
            Error::Parse(format!("{}:{}: not a benchmark record: {e}", path.display(), i + 1))
        })?;
        out.push(r);
    }
    Ok(out)
}

/// Appends `record` as one JSON line to `path`, creating the file and its folder if needed.
pub fn append_record(path: &Path, record: &Record) -> Result<(), Error> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| Error::io(path, e))?;
    let line = serde_json::to_string(record).map_err(|e| Error::Parse(e.to_string()))?;
    writeln!(f, "{line}").map_err(|e| Error::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_workload_and_stats_lines() {
        let out = "noise\n{\"workload\": \"counter\", \"elapsed\": 0.5, \"ops\": 10, \"threads\": 2, \"lost_updates\": 3, \"correct\": true}\n";
        let err = "warning\n{\"backend\":\"gil\",\"gil_policy\":\"ticks\",\"gil_switches\":7}\n";
        let s = Sample::parse(out, Some(err)).unwrap();
        assert_eq!(s.elapsed, 0.5);
        assert_eq!(s.ops, 10);
        assert!(s.correct);
        assert_eq!(s.metrics.get("lost_updates"), Some(&3.0));
        assert!(!s.metrics.contains_key("threads"));
        assert_eq!(s.stats.get("gil_switches"), Some(&7.0));
        assert_eq!(s.policy.as_deref(), Some("ticks"));
    }

    #[test]
    fn rejects_output_without_elapsed() {
        assert!(Sample::parse("{\"ops\": 1}", None).is_err());
        assert!(Sample::parse("Traceback ...", None).is_err());
        assert!(Sample::parse("{\"elapsed\": -1, \"ops\": 1}", None).is_err());
    }

    #[test]
    fn aggregates_median_and_spread() {
        assert_eq!(spread(&[3.0, 1.0, 2.0]), (2.0, 1.0, 3.0));
        assert_eq!(spread(&[4.0, 1.0]), (2.5, 1.0, 4.0));
        let s = |e: f64, lost: f64| Sample {
            elapsed: e,
            ops: 4,
            correct: true,
            metrics: [("lost_updates".to_string(), lost)].into(),
            ..Sample::default()
        };
        let cfg = Config {
            workload: "counter".into(),
            backend: "gil".into(),
            policy: None,
            threads: 2,
            size: 4,
        };
        let by = Provenance {
            machine: "m".into(),
            commit: "c".into(),
            date: "d".into(),
            source: "compare".into(),
        };
        let r = Record::new(&cfg, &[s(1.0, 0.0), s(3.0, 0.0), s(2.0, 5.0)], None, &by);
        assert_eq!((r.median, r.min, r.max), (2.0, 1.0, 3.0));
        assert_eq!(r.metrics["lost_updates"], 0.0);
        assert_eq!(r.metrics_max["lost_updates"], 5.0);
        assert!(r.ok() && r.correct);
        let dir = std::env::temp_dir().join(format!("gillab-report-rec-{}", std::process::id()));
        let path = dir.join("records.jsonl");
        append_record(&path, &r).unwrap();
        append_record(&path, &r).unwrap();
        assert_eq!(read_records(&path).unwrap(), vec![r.clone(), r]);
        std::fs::write(&path, "{not json}\n").unwrap();
        let e = read_records(&path).unwrap_err().to_string();
        assert!(e.contains("records.jsonl:1"), "{e}");
        let _ = std::fs::remove_dir_all(dir);
    }
}
