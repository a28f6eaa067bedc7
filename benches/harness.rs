//! The glue between criterion and `gillab::workloads`: which runners, thread counts and sizes
//! to measure (environment overrides below), one criterion group per workload, and our own
//! JSONL record of every configuration (criterion's JSON is private and may change).
//!
//! Environment:
//! - `GILLAB_BENCH_THREADS=1,2`: thread counts (default 1, 2, 4, ... up to the cores);
//! - `GILLAB_BENCH_BACKENDS=gil,atomic`: backends (default every registered one);
//! - `GILLAB_BENCH_CPYTHON=0`: leave out the CPython reference row;
//! - `GILLAB_BENCH_FULL=1`: the full `gillab compare` sizes (default: the `--quick` sizes,
//!   since criterion repeats every configuration at least 10 times anyway);
//! - `GILLAB_BENCH_RECORDS=FILE`: where records go (default
//!   `<target>/gillab-bench/records.jsonl`, with `machine.json` next to it).

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use gillab::workloads::catalog::{self, Workload};
use gillab::workloads::{
    Harness, Runner, WorkloadDir, cpython_version, default_threads, parse_threads, runners_for,
    threads_for,
};
use gillab_report::{Machine, Provenance, Record, Sample};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

/// Everything the groups share, set up once per `cargo bench` process.
pub struct Setup {
    harness: Harness,
    _dir: WorkloadDir,
    backends: Vec<&'static gillab::Entry>,
    cpython: bool,
    threads: Vec<u32>,
    quick: bool,
    records: PathBuf,
    by: Provenance,
}

fn records_path() -> PathBuf {
    if let Ok(p) = std::env::var("GILLAB_BENCH_RECORDS") {
        return PathBuf::from(p);
    }
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("gillab-bench").join(gillab_report::RECORDS_FILE)
}

fn setup() -> Result<Setup, String> {
    let dir = WorkloadDir::create()?;
    let harness = Harness {
        exe: PathBuf::from(env!("CARGO_BIN_EXE_gillab")),
        dir: dir.path().to_path_buf(),
        timeout: Duration::from_secs(300),
    };
    let names: Vec<String> = match std::env::var("GILLAB_BENCH_BACKENDS") {
        Ok(v) => v.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
        Err(_) => gillab::backends().iter().map(|e| e.name.to_string()).collect(),
    };
    let backends = gillab::workloads::entries(&names)?;
    let version = cpython_version();
    let cpython =
        version.is_some() && std::env::var("GILLAB_BENCH_CPYTHON").map_or(true, |v| v != "0");
    let threads = match std::env::var("GILLAB_BENCH_THREADS") {
        Ok(v) => parse_threads(&v)?,
        Err(_) => default_threads(),
    };
    let quick = !std::env::var("GILLAB_BENCH_FULL").is_ok_and(|v| v != "0");
    let mut machine = Machine::detect(Path::new(env!("CARGO_MANIFEST_DIR")));
    machine.cpython = if cpython { version } else { None };
    let records = records_path();
    if let Some(parent) = records.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        let text = serde_json::to_string_pretty(&machine).map_err(|e| e.to_string())?;
        let path = parent.join(gillab_report::MACHINE_FILE);
        std::fs::write(&path, text + "\n").map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let by = Provenance {
        machine: machine.label,
        commit: machine.commit,
        date: machine.date,
        source: "criterion".into(),
    };
    Ok(Setup { harness, _dir: dir, backends, cpython, threads, quick, records, by })
}

/// The name filter given on the command line (`cargo bench --bench main -- FILTER`), read the
/// way criterion reads it, so that configurations criterion will skip are not pre-run either.
fn filter() -> Option<String> {
    const WITH_VALUE: &[&str] = &[
        "--save-baseline",
        "-s",
        "--baseline",
        "-b",
        "--baseline-lenient",
        "--load-baseline",
        "--sample-size",
        "--warm-up-time",
        "--measurement-time",
        "--nresamples",
        "--noise-threshold",
        "--confidence-level",
        "--significance-level",
        "--profile-time",
        "--output-format",
        "--color",
        "-c",
        "--plotting-backend",
        "--format",
    ];
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if WITH_VALUE.contains(&a.as_str()) {
            args.next();
        } else if !a.starts_with('-') {
            return Some(a);
        }
    }
    None
}

fn shared() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(|| setup().unwrap_or_else(|e| panic!("benchmark setup: {e}")))
}

/// `<workload>/<backend[/policy]>/<threads>`: criterion times the work region the workload
/// reports itself (thread start-up and interpreter start-up excluded where the workload
/// allows), one run per iteration; every run also lands in the JSONL records.
pub fn group(c: &mut Criterion, name: &str) {
    let s = shared();
    let w: &Workload = catalog::find(name).unwrap_or_else(|| panic!("no workload {name}"));
    let size = if s.quick { w.quick_size } else { w.size };
    let (runners, _) = runners_for(w, &s.backends, None, s.cpython);
    let mut g = c.benchmark_group(name);
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for runner in &runners {
        for threads in threads_for(w, &s.threads) {
            measure(&mut g, s, w, runner, size, threads);
        }
    }
    g.finish();
}

fn measure(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    s: &Setup,
    w: &Workload,
    runner: &Runner,
    size: u64,
    threads: u32,
) {
    let config = gillab_report::Config {
        workload: w.name.to_string(),
        backend: runner.backend().to_string(),
        policy: runner.policy_name(),
        threads,
        size,
    };
    let id = format!("{}/{}/{threads}", w.name, runner.label());
    if filter().is_some_and(|f| !id.contains(&f)) {
        return;
    }
    // A configuration that fails (a backend without some feature) is recorded, not benched.
    let first = match s.harness.run_once(runner, w, size, threads) {
        Ok(sample) => sample,
        Err(e) => {
            eprintln!("{}/{}/{threads}: skipped: {e}", w.name, runner.label());
            save(s, &Record::new(&config, &[], Some(e), &s.by));
            return;
        }
    };
    g.throughput(Throughput::Elements(first.ops.max(1)));
    let samples: RefCell<Vec<Sample>> = RefCell::new(vec![first]);
    g.bench_with_input(BenchmarkId::new(runner.label(), threads), &threads, |b, &threads| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let sample = s
                    .harness
                    .run_once(runner, w, size, threads)
                    .unwrap_or_else(|e| panic!("{}/{}/{threads}: {e}", w.name, runner.label()));
                total += Duration::from_secs_f64(sample.elapsed);
                samples.borrow_mut().push(sample);
            }
            total
        })
    });
    save(s, &Record::new(&config, &samples.borrow(), None, &s.by));
}

fn save(s: &Setup, r: &Record) {
    if let Err(e) = gillab_report::record::append_record(&s.records, r) {
        eprintln!("gillab bench: cannot write a record: {e}");
    }
}
