//! The fuzzing loop: programs from consecutive seeds, each run several times on every backend
//! (optionally once under python3), by a few worker threads, until a time or program budget is
//! spent; failures are logged as they happen, saved with their output, and summarised.

use crate::oracle::{self, Finding};
use crate::program::{self, GenOptions, Program};
use crate::runner;
use rand::SeedableRng;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// `sys.setswitchinterval` of the python3 runs.
pub const CPYTHON_SWITCH_INTERVAL: &str = "0.000005";

/// What to fuzz and for how long.
#[derive(Debug, Clone)]
pub struct Config {
    /// The `gillab` binary.
    pub gillab: PathBuf,
    /// Backends to run every program on.
    pub backends: Vec<String>,
    /// Stop starting runs after this long.
    pub seconds: Option<f64>,
    /// Stop after this many programs.
    pub programs: Option<u64>,
    /// Runs of each program on each backend.
    pub runs: usize,
    /// Seed of the first program; program i has seed `seed + i`.
    pub seed: u64,
    /// Generator options.
    pub generator: GenOptions,
    /// Where failing programs and their output are saved.
    pub out: PathBuf,
    /// Programs run at once.
    pub jobs: usize,
    /// Hang guard of one run.
    pub timeout: Duration,
    /// Also run each program once under this python3 and check it the same way.
    pub cpython: Option<PathBuf>,
    /// Stop at the first failure.
    pub fail_fast: bool,
}

/// One failed run.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The program's seed.
    pub seed: u64,
    /// Its thread count.
    pub threads: usize,
    /// The backend (`cpython` for python3).
    pub backend: String,
    /// Which run of that program on that backend (0-based).
    pub run: usize,
    /// The extra flags of that run.
    pub flags: Vec<String>,
    /// What was wrong.
    pub findings: Vec<Finding>,
    /// Seconds since the fuzzer started.
    pub at: f64,
    /// The saved program.
    pub program: PathBuf,
    /// The saved output and findings.
    pub log: PathBuf,
}

/// What a fuzzing session did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Programs started.
    pub programs: u64,
    /// Runs done (python3 runs included).
    pub runs: u64,
    /// Runs that failed (each distinct failure of a program on a backend is recorded once).
    pub failed_runs: u64,
    /// Seconds taken.
    pub seconds: f64,
    /// Every recorded failure (the first of each distinct kind per program and backend).
    pub failures: Vec<Failure>,
}

struct Shared {
    cfg: Config,
    start: Instant,
    next: AtomicU64,
    stop: AtomicBool,
    runs: AtomicU64,
    failed_runs: AtomicU64,
    programs: AtomicU64,
    failures: Mutex<Vec<Failure>>,
    /// (backend, signature) of every failure logged so far: later ones of a kind are saved
    /// and counted, not logged.
    kinds: Mutex<Vec<(String, String)>>,
    /// What may be varied on each backend (from `gillab backends --json`).
    knobs: Vec<(String, runner::Knobs)>,
}

impl Shared {
    fn out_of_time(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
            || self.cfg.seconds.is_some_and(|s| self.start.elapsed().as_secs_f64() >= s)
    }
}

/// Runs the session; `log` gets a line for the first failure of each kind (backend and
/// signature of its first finding) as it is found.
pub fn fuzz(cfg: Config, log: &(dyn Fn(&str) + Sync)) -> anyhow::Result<Summary> {
    std::fs::create_dir_all(&cfg.out)?;
    let scratch = tempfile::tempdir()?;
    let jobs = cfg.jobs.max(1);
    let knobs = runner::backend_knobs(&cfg.gillab)?;
    let shared = Arc::new(Shared {
        knobs,
        cfg,
        start: Instant::now(),
        next: AtomicU64::new(0),
        stop: AtomicBool::new(false),
        runs: AtomicU64::new(0),
        failed_runs: AtomicU64::new(0),
        programs: AtomicU64::new(0),
        failures: Mutex::new(Vec::new()),
        kinds: Mutex::new(Vec::new()),
    });
    let errors: Mutex<Vec<anyhow::Error>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for j in 0..jobs {
            let shared = &shared;
            let errors = &errors;
            let dir = scratch.path().join(format!("job{j}"));
            s.spawn(move || {
                if let Err(e) = std::fs::create_dir_all(&dir)
                    .map_err(anyhow::Error::from)
                    .and_then(|_| worker(shared, &dir, log))
                {
                    shared.stop.store(true, Ordering::Relaxed);
                    errors.lock().expect("errors").push(e);
                }
            });
        }
    });
    if let Some(e) = errors.into_inner().expect("errors").into_iter().next() {
        return Err(e);
    }
    let mut failures = std::mem::take(&mut *shared.failures.lock().expect("failures"));
    failures.sort_by(|a, b| a.at.total_cmp(&b.at));
    Ok(Summary {
        programs: shared.programs.load(Ordering::Relaxed),
        runs: shared.runs.load(Ordering::Relaxed),
        failed_runs: shared.failed_runs.load(Ordering::Relaxed),
        seconds: shared.start.elapsed().as_secs_f64(),
        failures,
    })
}

fn worker(sh: &Shared, dir: &Path, log: &(dyn Fn(&str) + Sync)) -> anyhow::Result<()> {
    let cfg = &sh.cfg;
    loop {
        if sh.out_of_time() {
            return Ok(());
        }
        let i = sh.next.fetch_add(1, Ordering::Relaxed);
        if cfg.programs.is_some_and(|n| i >= n) {
            return Ok(());
        }
        sh.programs.fetch_add(1, Ordering::Relaxed);
        let seed = cfg.seed.wrapping_add(i);
        let prog = program::generate(seed, &cfg.generator);
        let file = dir.join("prog.py");
        std::fs::write(&file, &prog.source)?;
        let mut rng = crate::Rng::seed_from_u64(seed ^ 0x5eed_f1a6);
        // Signatures already recorded for this program, per backend: a run that fails only in
        // ways already recorded is counted but not recorded again.
        let mut seen: Vec<(String, String)> = Vec::new();
        if let Some(py) = &cfg.cpython {
            // A switch interval of 5 µs: CPython's threads then interleave about as finely as
            // gil-lab's free-threaded ones.
            let args = vec!["prog.py".to_string(), CPYTHON_SWITCH_INTERVAL.to_string()];
            let out = runner::run(py, &args, dir, cfg.timeout)?;
            sh.runs.fetch_add(1, Ordering::Relaxed);
            record(sh, &prog, "cpython", 0, &[], &out, &mut seen, log)?;
        }
        for r in 0..cfg.runs {
            for backend in &cfg.backends {
                if sh.out_of_time() {
                    return Ok(());
                }
                let knobs = sh.knobs.iter().find(|(n, _)| n == backend).map(|(_, k)| *k);
                let flags = runner::variant_flags(knobs.unwrap_or_default(), &mut rng);
                let mut args = vec!["run".to_string(), "--backend".to_string(), backend.clone()];
                args.extend(flags.iter().cloned());
                args.extend(["--check-leaks".to_string(), "prog.py".to_string()]);
                let out = runner::run(&cfg.gillab, &args, dir, cfg.timeout)?;
                sh.runs.fetch_add(1, Ordering::Relaxed);
                record(sh, &prog, backend, r, &flags, &out, &mut seen, log)?;
            }
        }
    }
}

/// Checks one run; a failure with a finding not yet recorded for this program and backend is
/// saved, logged and kept.
#[allow(clippy::too_many_arguments)]
fn record(
    sh: &Shared,
    prog: &Program,
    backend: &str,
    run: usize,
    flags: &[String],
    out: &oracle::Outcome,
    seen: &mut Vec<(String, String)>,
    log: &(dyn Fn(&str) + Sync),
) -> anyhow::Result<()> {
    let findings = oracle::check(prog.threads, out);
    if findings.is_empty() {
        return Ok(());
    }
    sh.failed_runs.fetch_add(1, Ordering::Relaxed);
    let mut new = false;
    for f in &findings {
        let key = (backend.to_string(), f.signature());
        if !seen.contains(&key) {
            seen.push(key);
            new = true;
        }
    }
    if !new {
        return Ok(());
    }
    let cfg = &sh.cfg;
    let at = sh.start.elapsed().as_secs_f64();
    let program = cfg.out.join(format!("seed-{}.py", prog.seed));
    std::fs::write(&program, &prog.source)?;
    let logf = cfg.out.join(format!("seed-{}-{backend}-run{run}.txt", prog.seed));
    let f = Failure {
        seed: prog.seed,
        threads: prog.threads,
        backend: backend.to_string(),
        run,
        flags: flags.to_vec(),
        findings,
        at,
        program,
        log: logf.clone(),
    };
    let mut text = format!("{}\n\nfindings:\n", reproduce(cfg, &f).join("\n"));
    for x in &f.findings {
        text.push_str(&format!("  {x}\n"));
    }
    text.push_str(&format!(
        "\nexit status: {:?}, signal: {:?}, timed out: {}, killed after a panic: {}\n\n--- stdout ---\n{}\n--- stderr ---\n{}",
        out.code, out.signal, out.timed_out, out.killed_after_panic, out.stdout, out.stderr
    ));
    std::fs::write(&logf, text)?;
    let first_of_kind = {
        let key = (f.backend.clone(), f.findings[0].signature());
        let mut kinds = sh.kinds.lock().expect("kinds");
        let new = !kinds.contains(&key);
        if new {
            kinds.push(key);
        }
        new
    };
    if first_of_kind {
        log(&format!(
            "FAIL at {at:.1}s: seed {} on {backend} (run {} of {}{}): {}",
            f.seed,
            run + 1,
            cfg.runs,
            if flags.is_empty() { String::new() } else { format!(", {}", flags.join(" ")) },
            f.findings[0]
        ));
    }
    if cfg.fail_fast {
        sh.stop.store(true, Ordering::Relaxed);
    }
    sh.failures.lock().expect("failures").push(f);
    Ok(())
}

/// Commands that reproduce a failure: the fuzzer on that one program, and the saved program
/// run directly.
pub fn reproduce(cfg: &Config, f: &Failure) -> Vec<String> {
    let mut fuzzer = format!(
        "gillab-threadfuzz --gillab {} --backends {} --seed {} --programs 1 --runs-per-program {} --threads {}",
        cfg.gillab.display(),
        f.backend,
        f.seed,
        cfg.runs.max(200),
        cfg.generator.max_threads
    );
    if let Some(g) = &cfg.generator.groups {
        fuzzer.push_str(&format!(
            " --groups {}",
            g.iter().map(|g| g.name()).collect::<Vec<_>>().join(",")
        ));
    }
    if f.backend == "cpython" {
        fuzzer.push_str(" --cpython");
    }
    let direct = if f.backend == "cpython" {
        format!("python3 {} {CPYTHON_SWITCH_INTERVAL}", f.program.display())
    } else {
        let flags: String = f.flags.iter().map(|x| format!("{x} ")).collect();
        format!(
            "{} run --backend {} {flags}--check-leaks {}",
            cfg.gillab.display(),
            f.backend,
            f.program.display()
        )
    };
    vec![format!("reproduce: {fuzzer}"), format!("or run it: {direct}")]
}

/// The summary: one line of totals, failures grouped by backend and signature, and the first
/// failures with their reproduction commands.
pub fn render_summary(cfg: &Config, s: &Summary) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "threadfuzz: {} programs x {} backends x {} runs per program{}: {} runs in {:.1}s (seeds {}..{}), {} failed ({} distinct failures recorded)\n",
        s.programs,
        cfg.backends.len(),
        cfg.runs,
        if cfg.cpython.is_some() { " (+1 python3 run each)" } else { "" },
        s.runs,
        s.seconds,
        cfg.seed,
        cfg.seed.wrapping_add(s.programs),
        s.failed_runs,
        s.failures.len()
    ));
    if s.failures.is_empty() {
        return out;
    }
    let mut groups: Vec<(String, String, Vec<&Failure>)> = Vec::new();
    for f in &s.failures {
        let sig = f.findings[0].signature();
        match groups.iter_mut().find(|(b, g, _)| *b == f.backend && *g == sig) {
            Some(g) => g.2.push(f),
            None => groups.push((f.backend.clone(), sig, vec![f])),
        }
    }
    out.push_str("failures by backend and kind (first seed, first seen at):\n");
    for (b, sig, fs) in &groups {
        out.push_str(&format!(
            "  {b:<8} x{:<4} {sig}  (seed {}, {:.1}s)\n",
            fs.len(),
            fs[0].seed,
            fs[0].at
        ));
    }
    out.push_str("the first failure of each kind:\n");
    for (_, _, fs) in groups.iter().take(20) {
        let f = fs[0];
        out.push_str(&format!(
            "- seed {} on {} (run {}), at {:.1}s\n",
            f.seed,
            f.backend,
            f.run + 1,
            f.at
        ));
        for x in f.findings.iter().take(4) {
            out.push_str(&format!("    {x}\n"));
        }
        for line in reproduce(cfg, f) {
            out.push_str(&format!("    {line}\n"));
        }
        out.push_str(&format!("    output: {}\n", f.log.display()));
    }
    out.push_str(&format!("every failing program and its output: {}\n", cfg.out.display()));
    out
}
