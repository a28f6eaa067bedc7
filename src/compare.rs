//! `gillab compare` and `gillab report`: run the workload × backend × threads matrix (with
//! CPython as a reference row), write `records.jsonl` and `machine.json`, and generate
//! `REPORT.md`, `report.json` and the SVG plots with [`gillab_report`]. With `--suite`,
//! `compare` runs an outside suite instead ([`crate::suite`]); each kind of run replaces only
//! its own records in the results folder, so workloads and suites share one report.

use crate::workloads::catalog::{self, CATALOG, Workload};
use crate::workloads::{
    Harness, Job, WorkloadDir, cpython_version, default_threads, parse_threads, runners_for,
    threads_for,
};
use crate::{Policy, backends};
use gillab_report::{MACHINE_FILE, Machine, Provenance, RECORDS_FILE};
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Arguments of `gillab compare`.
#[derive(clap::Args, Debug)]
pub struct CompareArgs {
    /// Smaller sizes and 3 samples (2 for the ftscalingbench-style workloads): the whole matrix
    /// in about 3 minutes on 2 cores.
    #[arg(long)]
    pub quick: bool,
    /// Workloads to run, comma-separated (default: all).
    #[arg(long, value_delimiter = ',')]
    pub workloads: Vec<String>,
    /// Backends to run, comma-separated (default: every registered backend; with --suite,
    /// every backend whose threads share memory).
    #[arg(long, short = 'b', value_delimiter = ',')]
    pub backends: Vec<String>,
    /// Thread counts, comma-separated (default: 1, 2, 4, ... up to the cores).
    #[arg(long)]
    pub threads: Option<String>,
    /// Workload size: `N` for every selected workload, or `name=N,...` per workload.
    #[arg(long)]
    pub size: Option<String>,
    /// Only this GIL policy for backends that have one (default: every policy on `countdown`,
    /// `counter` and `convoy`, the default policy elsewhere).
    #[arg(long)]
    pub gil_policy: Option<Policy>,
    /// Samples per configuration (default 5; with --quick, 3, or 2 for the
    /// ftscalingbench-style workloads).
    #[arg(long)]
    pub samples: Option<usize>,
    /// Where to write records and the report (default `results/<machine-label>/`).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Add CPython (`python3`) as a reference row (the default when `python3` is found).
    #[arg(long, conflicts_with = "no_cpython")]
    pub cpython: bool,
    /// Leave CPython out.
    #[arg(long)]
    pub no_cpython: bool,
    /// Seconds before one run is killed and its configuration marked failed.
    #[arg(long, default_value_t = 120)]
    pub timeout: u64,
    /// Run an outside suite instead of the workloads: `pyperformance` (PATH: a pyperformance
    /// checkout or unpacked wheel) or `ftscalingbench` (PATH: CPython's ftscalingbench.py).
    #[arg(long, value_enum, requires = "path")]
    pub suite: Option<crate::suite::Suite>,
    /// The suite's files (with --suite).
    #[arg(requires = "suite")]
    pub path: Option<PathBuf>,
    /// With --suite pyperformance: benchmarks to run, comma-separated, or `all` (default: the
    /// 22 pure-Python benchmarks the project tracks).
    #[arg(long, value_delimiter = ',')]
    pub bench: Vec<String>,
    /// With --suite pyperformance: timed values per benchmark (pyperf's --values; default 5,
    /// or 3 with --quick).
    #[arg(long)]
    pub values: Option<u32>,
    /// With --suite pyperformance: warm-up values per benchmark (pyperf's --warmups; default 1).
    #[arg(long)]
    pub warmups: Option<u32>,
}

/// Arguments of `gillab report`.
#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    /// The results folder (default `results/<machine-label>/`); the report is written there.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Records to read (default `<out>/records.jsonl`; e.g. `target/gillab-bench/records.jsonl`).
    #[arg(long)]
    pub records: Option<PathBuf>,
}

fn default_out() -> PathBuf {
    Path::new("results").join(Machine::detect(Path::new(".")).label)
}

/// `gillab report`.
pub fn report(args: ReportArgs) -> i32 {
    let out = args.out.unwrap_or_else(default_out);
    match gillab_report::regenerate(&out, args.records.as_deref(), &crate::described()) {
        Ok(w) => {
            println!(
                "wrote {} ({} plots) and {}",
                w.markdown.display(),
                w.plots.len(),
                w.json.display()
            );
            0
        }
        Err(e) => {
            eprintln!("gillab report: {e}");
            1
        }
    }
}

fn parse_sizes(
    text: &str,
    selected: &[&'static Workload],
) -> Result<BTreeMap<&'static str, u64>, String> {
    let mut out = BTreeMap::new();
    for part in text.split(',').filter(|p| !p.trim().is_empty()) {
        let (names, value): (Vec<&'static Workload>, &str) = match part.split_once('=') {
            Some((n, v)) => {
                let w = catalog::find(n.trim()).ok_or_else(|| {
                    format!(
                        "--size: unknown workload '{}' (choose from: {})",
                        n.trim(),
                        catalog::names()
                    )
                })?;
                (vec![w], v)
            }
            None => (selected.to_vec(), part),
        };
        let n: u64 = value
            .trim()
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| format!("--size: '{}' is not a positive integer", value.trim()))?;
        for w in names {
            out.insert(w.name, n);
        }
    }
    Ok(out)
}

fn plan(args: &CompareArgs, cpython: bool) -> Result<Vec<Job>, String> {
    let selected: Vec<&'static Workload> = if args.workloads.is_empty() {
        CATALOG.iter().collect()
    } else {
        args.workloads
            .iter()
            .map(|n| {
                catalog::find(n.trim()).ok_or_else(|| {
                    format!("unknown workload '{}' (choose from: {})", n.trim(), catalog::names())
                })
            })
            .collect::<Result<_, _>>()?
    };
    let registered: Vec<&str> = backends().iter().map(|e| e.name).collect();
    let chosen: Vec<String> = if args.backends.is_empty() {
        registered.iter().map(|s| s.to_string()).collect()
    } else {
        for b in &args.backends {
            if !registered.contains(&b.trim()) {
                return Err(format!(
                    "unknown backend '{}' (choose from: {})",
                    b.trim(),
                    registered.join(", ")
                ));
            }
        }
        args.backends.iter().map(|b| b.trim().to_string()).collect()
    };
    let threads = match &args.threads {
        Some(t) => parse_threads(t)?,
        None => default_threads(),
    };
    let sizes = match &args.size {
        Some(s) => parse_sizes(s, &selected)?,
        None => BTreeMap::new(),
    };
    let infos = crate::workloads::entries(&chosen)?;
    let only = args.gil_policy;
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for w in selected {
        let size =
            sizes.get(w.name).copied().unwrap_or(if args.quick { w.quick_size } else { w.size });
        let (runners, skip) = runners_for(w, &infos, only, cpython);
        skipped.extend(skip.into_iter().map(|b| format!("{} on {b}", w.name)));
        for runner in runners {
            for t in threads_for(w, &threads) {
                out.push(Job { workload: w, runner: runner.clone(), threads: t, size });
            }
        }
    }
    if !skipped.is_empty() {
        eprintln!(
            "gillab compare: skipping {} (threads are worker processes there: no shared memory)",
            skipped.join(", ")
        );
    }
    Ok(out)
}

/// A progress bar on a terminal, plain lines on stderr otherwise.
pub(crate) enum Progress {
    Bar(indicatif::ProgressBar),
    Plain,
}

impl Progress {
    pub(crate) fn new(total: u64) -> Progress {
        if std::io::stderr().is_terminal() {
            let bar = indicatif::ProgressBar::new(total);
            let style = indicatif::ProgressStyle::with_template(
                "{elapsed_precise} [{bar:40}] {pos}/{len} runs  {msg}",
            )
            .map(|s| s.progress_chars("=> "));
            if let Ok(s) = style {
                bar.set_style(s);
            }
            Progress::Bar(bar)
        } else {
            Progress::Plain
        }
    }

    pub(crate) fn start(&self, what: &str) {
        if let Progress::Bar(b) = self {
            b.set_message(what.to_string());
        }
    }

    pub(crate) fn tick(&self) {
        if let Progress::Bar(b) = self {
            b.inc(1);
        }
    }

    pub(crate) fn done(&self, line: &str) {
        match self {
            Progress::Bar(b) => b.println(line),
            Progress::Plain => eprintln!("{line}"),
        }
    }

    pub(crate) fn finish(&self) {
        if let Progress::Bar(b) = self {
            b.finish_and_clear();
        }
    }
}

/// `gillab compare`.
pub fn compare(args: CompareArgs) -> i32 {
    match compare_inner(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("gillab compare: {e}");
            2
        }
    }
}

/// The outside suites' records in `path`: what a run of the workloads keeps when it measures
/// them afresh. An unreadable file keeps nothing.
fn kept_suite_records(path: &Path) -> Vec<gillab_report::Record> {
    if !path.is_file() {
        return Vec::new();
    }
    gillab_report::record::read_records(path)
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.suite.is_some())
        .collect()
}

fn compare_inner(args: &CompareArgs) -> Result<i32, String> {
    if let Some(suite) = args.suite {
        return crate::suite::run(args, suite);
    }
    if !args.bench.is_empty() || args.values.is_some() || args.warmups.is_some() {
        return Err("--bench, --values and --warmups apply to --suite pyperformance".into());
    }
    let cpy_version = cpython_version();
    let cpython = match (args.cpython, args.no_cpython) {
        (_, true) => false,
        (true, false) if cpy_version.is_none() => {
            return Err("--cpython: python3 was not found".into());
        }
        _ => cpy_version.is_some(),
    };
    let exe =
        std::env::current_exe().map_err(|e| format!("cannot find the gillab executable: {e}"))?;
    let dir = WorkloadDir::create()?;
    let harness = Harness {
        exe,
        dir: dir.path().to_path_buf(),
        timeout: Duration::from_secs(args.timeout.max(1)),
    };
    let plans = plan(args, cpython)?;
    let samples_of = |p: &Job| {
        args.samples.unwrap_or(if args.quick { p.workload.quick_samples } else { 5 }).max(1)
    };
    let runs: usize = plans.iter().map(samples_of).sum();
    let mut machine = Machine::detect(Path::new("."));
    machine.cpython = if cpython { cpy_version } else { None };
    let out = args.out.clone().unwrap_or_else(|| Path::new("results").join(&machine.label));
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let records_path = out.join(RECORDS_FILE);
    // The suites' records stay; the workloads' are measured afresh.
    let kept = kept_suite_records(&records_path);
    if records_path.exists() {
        std::fs::remove_file(&records_path)
            .map_err(|e| format!("{}: {e}", records_path.display()))?;
    }
    for r in &kept {
        gillab_report::record::append_record(&records_path, r).map_err(|e| e.to_string())?;
    }
    let machine_path = out.join(MACHINE_FILE);
    let text = serde_json::to_string_pretty(&machine).map_err(|e| e.to_string())?;
    std::fs::write(&machine_path, text + "\n")
        .map_err(|e| format!("{}: {e}", machine_path.display()))?;
    let by = Provenance {
        machine: machine.label.clone(),
        commit: machine.commit.clone(),
        date: machine.date.clone(),
        source: "compare".into(),
    };
    eprintln!(
        "gillab compare: {} configurations, {runs} runs on {} ({} cores), writing {}",
        plans.len(),
        machine.label,
        machine.cores,
        out.display()
    );
    let started = Instant::now();
    let progress = Progress::new(runs as u64);
    let mut records = Vec::new();
    let mut failures = 0;
    for p in &plans {
        let what = format!("{} {} {}t", p.workload.name, p.runner.label(), p.threads);
        progress.start(&what);
        let samples = samples_of(p);
        let r = harness.measure(p, samples, &by, || progress.tick());
        // Runs cut short by a failure still count toward the bar's total.
        for _ in r.samples.len() + usize::from(r.error.is_some())..samples {
            progress.tick();
        }
        let line = match &r.error {
            Some(e) => {
                failures += 1;
                format!("{what}: FAILED: {e}")
            }
            None => format!(
                "{what}: {} (median of {})",
                gillab_report::markdown::time(r.median),
                r.samples.len()
            ),
        };
        progress.done(&line);
        gillab_report::record::append_record(&records_path, &r).map_err(|e| e.to_string())?;
        records.push(r);
    }
    progress.finish();
    drop(dir);
    let described = crate::described();
    println!("{}", gillab_report::summary(&records, &described));
    let all: Vec<gillab_report::Record> = kept.into_iter().chain(records).collect();
    let written =
        gillab_report::write_report(&out, &machine, &described, all).map_err(|e| e.to_string())?;
    println!(
        "{} configurations in {:.0} s ({failures} failed); wrote {}, {} and {} plots",
        plans.len(),
        started.elapsed().as_secs_f64(),
        written.markdown.display(),
        written.json.display(),
        written.plots.len()
    );
    Ok(if failures == plans.len() { 1 } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_globally_and_per_workload() {
        let sel: Vec<&'static Workload> = CATALOG.iter().take(2).collect();
        let s = parse_sizes("1000", &sel).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s["countdown"], 1000);
        let s = parse_sizes("io_sleep=20,countdown=5", &sel).unwrap();
        assert_eq!((s["io_sleep"], s["countdown"]), (20, 5));
        assert!(parse_sizes("nope=3", &sel).unwrap_err().contains("unknown workload"));
        assert!(parse_sizes("0", &sel).unwrap_err().contains("positive"));
        assert!(parse_sizes("x", &sel).is_err());
    }
}
