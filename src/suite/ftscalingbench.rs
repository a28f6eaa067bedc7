//! `gillab compare --suite ftscalingbench PATH`: run CPython's
//! `Tools/ftscalingbench/ftscalingbench.py`, unchanged, with `-t N` (each of `--threads`,
//! default 2) and `--scale S` (`--size`; default the script's 100, 25 with `--quick`) on every
//! selected backend and on CPython, and record each line it prints
//! (`object_cfunction    1.9x faster`) as a speedup.

use super::{Setup, run_in};
use crate::compare::{CompareArgs, Progress};
use crate::workloads::{Runner, parse_threads};
use gillab_report::{Record, SuiteRun};
use std::path::{Path, PathBuf};

/// The script: `path` itself, or `ftscalingbench.py` or `Tools/ftscalingbench/ftscalingbench.py`
/// under it.
pub fn find_script(path: &Path) -> Result<PathBuf, String> {
    let candidates = [
        path.to_path_buf(),
        path.join("ftscalingbench.py"),
        path.join("Tools").join("ftscalingbench").join("ftscalingbench.py"),
    ];
    candidates.into_iter().find(|c| c.is_file()).ok_or_else(|| {
        format!(
            "{}: no ftscalingbench.py here (give the file or a CPython checkout; \
             docs/benchmarking.md says how to get it)",
            path.display()
        )
    })
}

/// A result line: the benchmark and its speedup (N × time(1) / time(N)); colour codes, which
/// the script prints on a terminal, are skipped.
pub fn parse_line(line: &str) -> Option<(String, f64)> {
    let mut plain = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for e in chars.by_ref() {
                if e.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    let words: Vec<&str> = plain.split_whitespace().collect();
    let [name, factor, direction] = words.as_slice() else { return None };
    let factor: f64 = factor.strip_suffix('x')?.parse().ok().filter(|f: &f64| *f > 0.0)?;
    match *direction {
        "faster" => Some((name.to_string(), factor)),
        "slower" => Some((name.to_string(), 1.0 / factor)),
        _ => None,
    }
}

/// The records of one run at `threads`: one per result line, and a failed one named
/// `ftscalingbench` if the run stopped.
pub fn records_of(
    stdout: &str,
    error: Option<&str>,
    runner: &Runner,
    threads: u32,
    by: &gillab_report::Provenance,
) -> Vec<Record> {
    let run = || SuiteRun {
        suite: gillab_report::suites::FTSCALINGBENCH.into(),
        group: gillab_report::suites::FTSCALINGBENCH.into(),
        check: None,
    };
    let mut out: Vec<Record> = stdout
        .lines()
        .filter_map(parse_line)
        .map(|(name, speedup)| {
            let mut r = Record::of_suite(run(), &name, runner.backend(), threads, &[], None, by);
            r.metrics.insert("speedup".into(), speedup);
            r
        })
        .collect();
    let error = match (error, out.is_empty()) {
        (Some(e), _) => Some(e.to_string()),
        (None, true) => Some("printed no results".to_string()),
        (None, false) => None,
    };
    if let Some(e) = error {
        let name = gillab_report::suites::FTSCALINGBENCH;
        out.push(Record::of_suite(run(), name, runner.backend(), threads, &[], Some(e), by));
    }
    out
}

/// Runs the script on every runtime at every thread count; `save` gets each record.
pub fn run(
    args: &CompareArgs,
    path: &Path,
    setup: &Setup,
    save: &mut dyn FnMut(&Record) -> Result<(), String>,
) -> Result<Vec<Record>, String> {
    if !args.bench.is_empty() || args.values.is_some() || args.warmups.is_some() {
        return Err("--bench, --values and --warmups apply to --suite pyperformance".into());
    }
    let script = find_script(path)?;
    let dir = script.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let file = script.file_name().map(PathBuf::from).ok_or("no file name")?;
    let threads = match &args.threads {
        Some(t) => parse_threads(t)?,
        None => vec![2],
    };
    let scale = match &args.size {
        Some(s) => s
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| format!("--size: '{s}' is not a positive integer (the --scale)"))?,
        None if args.quick => 25,
        None => 100,
    };
    let progress = Progress::new((threads.len() * setup.runners.len()) as u64);
    let mut records = Vec::new();
    for &t in &threads {
        for runner in &setup.runners {
            let what = format!("ftscalingbench {} -t {t}", runner.label());
            progress.start(&what);
            let mut cmd = setup.command(runner);
            cmd.arg(&file).args(["-t", &t.to_string(), "--scale", &scale.to_string()]);
            let (out, error) = match run_in(cmd, &dir, setup.timeout) {
                Ok(out) => (out, None),
                Err((e, out)) => (out, Some(e)),
            };
            let recs = records_of(&out, error.as_deref(), runner, t, &setup.by);
            let ok = recs.iter().filter(|r| r.error.is_none()).count();
            let line = match recs.iter().find_map(|r| r.error.as_deref()) {
                Some(e) => format!("{ok} results, FAILED: {e}"),
                None => format!("{ok} results"),
            };
            progress.tick();
            progress.done(&format!("{what}: {line}"));
            for r in recs {
                save(&r)?;
                records.push(r);
            }
        }
    }
    progress.finish();
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_result_lines() {
        assert_eq!(
            parse_line("object_cfunction    1.9x faster"),
            Some(("object_cfunction".into(), 1.9))
        );
        let (n, s) = parse_line("\u{1b}[31mgenerator           1.3x slower\u{1b}[0m").unwrap();
        assert_eq!(n, "generator");
        assert!((s - 1.0 / 1.3).abs() < 1e-12);
        assert_eq!(parse_line("Running benchmarks with 2 threads"), None);
        assert_eq!(parse_line("pymethod 12.0 ms"), None);
        assert_eq!(parse_line("x 0x faster"), None);
    }

    #[test]
    fn records_carry_speedups_and_failures() {
        let by = gillab_report::Provenance {
            machine: "m".into(),
            commit: "c".into(),
            date: "d".into(),
            source: "compare".into(),
        };
        let out = "Running benchmarks with 2 threads\nobject_cfunction    1.9x faster\ngenerator 1.0x slower\n";
        let recs = records_of(out, None, &Runner::CPython, 2, &by);
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].metrics["speedup"], 1.9);
        assert_eq!((recs[1].backend.as_str(), recs[1].threads), ("cpython", 2));
        let gil = Runner::Backend { name: "gil".into(), policy: None };
        let recs = records_of("", Some("AttributeError: x"), &gil, 4, &by);
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0].workload, "ftscalingbench");
        assert_eq!(recs[0].error.as_deref(), Some("AttributeError: x"));
        let recs = records_of("nothing useful\n", None, &gil, 2, &by);
        assert_eq!(recs[0].error.as_deref(), Some("printed no results"));
    }

    #[test]
    fn finds_the_script() {
        let dir = std::env::temp_dir().join(format!("gillab-fts-{}", std::process::id()));
        let tools = dir.join("Tools").join("ftscalingbench");
        std::fs::create_dir_all(&tools).unwrap();
        std::fs::write(tools.join("ftscalingbench.py"), "pass\n").unwrap();
        assert_eq!(find_script(&dir).unwrap(), tools.join("ftscalingbench.py"));
        assert_eq!(find_script(&tools).unwrap(), tools.join("ftscalingbench.py"));
        assert!(find_script(&dir.join("nope")).is_err());
        let _ = std::fs::remove_dir_all(dir);
    }
}
