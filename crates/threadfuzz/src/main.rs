//! `gillab-threadfuzz`: the concurrency fuzzer's command line (see `docs/testing.md`).

use anyhow::{Context, bail};
use clap::Parser;
use gillab_threadfuzz::fuzz::{self, Config};
use gillab_threadfuzz::ops::Group;
use gillab_threadfuzz::program::{self, GenOptions};
use gillab_threadfuzz::{allow, runner};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Generates random multi-threaded Python programs over shared lists, dicts, sets, an instance
/// and globals, runs each on every gil-lab backend many times, and checks for crashes, hangs,
/// leaks, broken invariants and exceptions CPython could not raise.
#[derive(Parser, Debug)]
#[command(name = "gillab-threadfuzz", version, about)]
struct Cli {
    /// The gillab binary [default: `gillab` next to this executable].
    #[arg(long)]
    gillab: Option<PathBuf>,
    /// Comma-separated backends [default: all that `gillab backends` lists].
    #[arg(long, value_delimiter = ',')]
    backends: Option<Vec<String>>,
    /// Stop starting runs after this many seconds [default: 60 unless --programs is given].
    #[arg(long)]
    seconds: Option<f64>,
    /// Stop after this many programs.
    #[arg(long)]
    programs: Option<u64>,
    /// Runs of each program on each backend.
    #[arg(long, default_value_t = 8)]
    runs_per_program: usize,
    /// Seed of the first program (program i gets seed + i) [default: from the clock].
    #[arg(long)]
    seed: Option<u64>,
    /// Most threads per program (each program has 2..=N).
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u64).range(2..=program::MAX_THREADS as u64))]
    threads: u64,
    /// Comma-separated op groups to use [default: a random few per program]: list, queue,
    /// dict, dictqueue, set, setqueue, instance, global.
    #[arg(long, value_delimiter = ',')]
    groups: Option<Vec<String>>,
    /// Where failing programs and their output are saved [default: $TMPDIR/gillab-threadfuzz].
    #[arg(long)]
    out: Option<PathBuf>,
    /// Programs run at once [default: the number of CPUs].
    #[arg(long)]
    jobs: Option<usize>,
    /// Hang guard: seconds one run may take.
    #[arg(long, default_value_t = 60.0)]
    timeout: f64,
    /// Also run each program once under python3 (which must then be installed) and check it
    /// the same way.
    #[arg(long)]
    cpython: bool,
    /// Stop at the first failure.
    #[arg(long)]
    fail_fast: bool,
    /// Print the program of --seed (with --threads and --groups) and exit.
    #[arg(long)]
    print_program: bool,
    /// Check the exception allow-list: run each entry's witness under python3 (if installed)
    /// and under gillab on each backend, and report every disagreement.
    #[arg(long)]
    verify_allowlist: bool,
}

fn main() {
    match real_main() {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("gillab-threadfuzz: {e:#}");
            std::process::exit(2);
        }
    }
}

fn groups(names: &Option<Vec<String>>) -> anyhow::Result<Option<Vec<Group>>> {
    let Some(names) = names else { return Ok(None) };
    names
        .iter()
        .map(|n| {
            Group::ALL.into_iter().find(|g| g.name() == n).with_context(|| {
                let all: Vec<_> = Group::ALL.iter().map(|g| g.name()).collect();
                format!("unknown group '{n}' (choose from: {})", all.join(", "))
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()
        .map(Some)
}

fn default_gillab() -> anyhow::Result<PathBuf> {
    let me = std::env::current_exe().context("cannot find this executable")?;
    let dir = me.parent().context("this executable has no directory")?;
    Ok(dir.join("gillab"))
}

fn python3() -> Option<PathBuf> {
    let ok = std::process::Command::new("python3").arg("--version").output().ok()?;
    ok.status.success().then(|| PathBuf::from("python3"))
}

fn real_main() -> anyhow::Result<i32> {
    let cli = Cli::parse();
    let generator = GenOptions { max_threads: cli.threads as usize, groups: groups(&cli.groups)? };
    let seed = cli.seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_secs())
    });
    if cli.print_program {
        print!("{}", program::generate(seed, &generator).source);
        return Ok(0);
    }
    let gillab = match cli.gillab {
        Some(p) => p,
        None => default_gillab()?,
    };
    if !gillab.is_file() {
        bail!(
            "no gillab binary at {} (build it: cargo build --bin gillab; or pass --gillab PATH)",
            gillab.display()
        );
    }
    // Runs start in a scratch directory: the binary must not be named relative to this one.
    let gillab = std::fs::canonicalize(&gillab)?;
    let all = runner::backends(&gillab)?;
    let backends = match cli.backends {
        Some(b) => {
            if let Some(x) = b.iter().find(|x| !all.contains(x)) {
                bail!("unknown backend '{x}' (choose from: {})", all.join(", "));
            }
            b
        }
        None => all,
    };
    if cli.verify_allowlist {
        return verify_allowlist(&gillab, &backends);
    }
    let cpython = if cli.cpython {
        Some(python3().context("--cpython needs python3 on PATH")?)
    } else {
        None
    };
    let cfg = Config {
        gillab,
        backends,
        seconds: cli.seconds.or(if cli.programs.is_none() { Some(60.0) } else { None }),
        programs: cli.programs,
        runs: cli.runs_per_program.max(1),
        seed,
        generator,
        out: cli.out.unwrap_or_else(|| std::env::temp_dir().join("gillab-threadfuzz")),
        jobs: cli
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get())),
        timeout: Duration::from_secs_f64(cli.timeout.max(0.1)),
        cpython,
        fail_fast: cli.fail_fast,
    };
    println!(
        "threadfuzz: seed {}, backends {}, {} runs per program, {}, {} jobs, {} s hang guard, failures to {}",
        cfg.seed,
        cfg.backends.join(",") + if cfg.cpython.is_some() { ",cpython" } else { "" },
        cfg.runs,
        match (cfg.seconds, cfg.programs) {
            (Some(s), Some(p)) => format!("{s} s or {p} programs"),
            (Some(s), None) => format!("{s} s"),
            (None, Some(p)) => format!("{p} programs"),
            (None, None) => unreachable!("one budget is always set"),
        },
        cfg.jobs,
        cfg.timeout.as_secs_f64(),
        cfg.out.display()
    );
    let summary = fuzz::fuzz(cfg.clone(), &|line| println!("{line}"))?;
    print!("{}", fuzz::render_summary(&cfg, &summary));
    Ok(if summary.failures.is_empty() { 0 } else { 1 })
}

fn verify_allowlist(gillab: &Path, backends: &[String]) -> anyhow::Result<i32> {
    let dir = tempfile::tempdir()?;
    std::fs::write(dir.path().join("witness.py"), allow::witness_program())?;
    let timeout = Duration::from_secs(60);
    let args = |pre: &[&str]| -> Vec<String> {
        pre.iter().map(|s| s.to_string()).chain(["witness.py".to_string()]).collect()
    };
    let mut status = 0;
    let mut runs: Vec<(String, Vec<Option<String>>)> = Vec::new();
    match python3() {
        Some(py) => {
            let out = runner::run(&py, &args(&[]), dir.path(), timeout)?;
            runs.push(("cpython".into(), allow::parse_witness_output(&out.stdout)));
        }
        None => println!("python3 not found: the allow-list is checked against gillab only"),
    }
    for b in backends {
        let out = runner::run(gillab, &args(&["run", "--backend", b]), dir.path(), timeout)?;
        runs.push((b.clone(), allow::parse_witness_output(&out.stdout)));
    }
    for (who, results) in &runs {
        let bad = allow::check_witnesses(results);
        if bad.is_empty() {
            println!("{who:<8} all {} witnesses raise what the allow-list says", allow::ALL.len());
        }
        for line in bad {
            println!("{who:<8} DIFFERS {line}");
            status = 1;
        }
    }
    Ok(status)
}
