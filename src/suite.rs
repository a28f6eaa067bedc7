//! `gillab compare --suite NAME PATH`: run an outside suite, unchanged, on the backends and on
//! CPython, and add its records to the results folder's `records.jsonl` (replacing that
//! suite's earlier records, keeping everything else) and its section to the report.
//!
//! - [`pyperformance`]: pyperformance's `bm_*/run_benchmark.py` files, run with gil-lab's
//!   built-in `pyperf` module, and on CPython with the same module (`gillab_stdlib::pyperf`)
//!   written to a temporary folder on `PYTHONPATH`.
//! - [`ftscalingbench`]: CPython's `Tools/ftscalingbench/ftscalingbench.py` with `-t N`.
//!
//! Each run is a child process with a time limit; one that fails is recorded with the first
//! line of its error (or "timed out after N s") and the suite goes on.

pub mod ftscalingbench;
pub mod pyperformance;

use crate::compare::CompareArgs;
use crate::workloads::{Runner, cpython_version};
use gillab_report::{MACHINE_FILE, Machine, Provenance, RECORDS_FILE, Record};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// The outside suites `--suite` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Suite {
    /// pyperformance's benchmark files (PATH: a checkout or an unpacked wheel).
    Pyperformance,
    /// CPython's ftscalingbench.py (PATH: the file, or a CPython checkout).
    Ftscalingbench,
}

impl Suite {
    /// The name its records carry.
    pub fn name(self) -> &'static str {
        match self {
            Suite::Pyperformance => gillab_report::suites::PYPERFORMANCE,
            Suite::Ftscalingbench => gillab_report::suites::FTSCALINGBENCH,
        }
    }
}

/// What every run of a suite shares.
pub struct Setup {
    /// The `gillab` binary.
    pub exe: PathBuf,
    /// Time limit of one run.
    pub timeout: Duration,
    /// The runtimes: the backends, then CPython if measured.
    pub runners: Vec<Runner>,
    /// Who measured.
    pub by: Provenance,
    /// A scratch folder (removed when dropped).
    pub scratch: Scratch,
}

impl Setup {
    /// The command that runs a script under `runner` (`gillab run --backend B` or `python3`
    /// with the scratch folder, holding `pyperf.py`, first on `PYTHONPATH`).
    pub fn command(&self, runner: &Runner) -> Command {
        match runner {
            Runner::Backend { name, .. } => {
                let mut c = Command::new(&self.exe);
                c.args(["run", "--backend", name]);
                c
            }
            Runner::CPython => {
                let mut c = Command::new("python3");
                let mut path = self.scratch.path().as_os_str().to_os_string();
                if let Some(old) = std::env::var_os("PYTHONPATH").filter(|p| !p.is_empty()) {
                    path.push(":");
                    path.push(old);
                }
                c.env("PYTHONPATH", path);
                c
            }
        }
    }
}

/// A temporary folder holding `pyperf.py` (for CPython) and the runs' JSON files.
#[derive(Debug)]
pub struct Scratch {
    path: PathBuf,
}

impl Scratch {
    /// Creates the folder and writes `pyperf.py` into it.
    pub fn create() -> Result<Scratch, String> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path =
            std::env::temp_dir().join(format!("gillab-suite-{}-{nanos}", std::process::id()));
        let write = || -> std::io::Result<()> {
            std::fs::create_dir_all(&path)?;
            std::fs::write(path.join("pyperf.py"), gillab_stdlib::pyperf::SOURCE)
        };
        write().map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Scratch { path })
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// The line that says why a run failed: a panic's message, else the last unindented line of
/// stderr that is not known noise (a traceback's exception line, argparse's "prog: error:"),
/// else the exit status.
pub fn error_line(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().collect();
    if let Some(i) = lines.iter().position(|l| l.contains("' panicked at ")) {
        let message = lines.get(i + 1).map_or("", |l| l.trim());
        return format!("gillab panicked: {message}");
    }
    let noise = |l: &str| {
        l.starts_with("Traceback (most recent call last)")
            || l.starts_with("During handling of the above exception")
            || l.starts_with("The above exception was the direct cause")
            || l.starts_with("expected to be run with the")
            || l.starts_with('{')
    };
    lines
        .iter()
        .rev()
        .map(|l| l.trim_end())
        .find(|l| !l.is_empty() && !l.starts_with(char::is_whitespace) && !noise(l))
        .map_or_else(|| "exited with an error (no message on stderr)".into(), str::to_string)
}

/// Runs `cmd` in `dir` within `timeout`: `Ok(stdout)` on success, else the error line (or
/// "timed out after N s"), with whatever stdout it printed.
pub fn run_in(mut cmd: Command, dir: &Path, timeout: Duration) -> Result<String, (String, String)> {
    cmd.current_dir(dir);
    match crate::workloads::run_bounded(cmd, timeout) {
        Ok((true, out, _)) => Ok(out),
        Ok((false, out, err)) => Err((error_line(&err), out)),
        Err(e) => Err((e, String::new())),
    }
}

/// `gillab compare --suite`.
pub fn run(args: &CompareArgs, suite: Suite) -> Result<i32, String> {
    let path = args.path.clone().ok_or("--suite needs the PATH of the suite's files")?;
    if !args.workloads.is_empty() || args.samples.is_some() || args.gil_policy.is_some() {
        return Err("--workloads, --samples and --gil-policy do not apply to --suite".into());
    }
    let cpy_version = cpython_version();
    let cpython = match (args.cpython, args.no_cpython) {
        (_, true) => false,
        (true, false) if cpy_version.is_none() => {
            return Err("--cpython: python3 was not found".into());
        }
        _ => cpy_version.is_some(),
    };
    let names: Vec<String> = if args.backends.is_empty() {
        crate::backends()
            .iter()
            .filter(|e| e.threads_share_memory())
            .map(|e| e.name.to_string())
            .collect()
    } else {
        args.backends.iter().map(|b| b.trim().to_string()).collect()
    };
    let mut runners: Vec<Runner> = crate::workloads::entries(&names)?
        .into_iter()
        .map(|e| Runner::Backend { name: e.name.to_string(), policy: None })
        .collect();
    if cpython {
        // CPython runs first, so that each backend's output can be compared with it.
        runners.insert(0, Runner::CPython);
    }
    let exe =
        std::env::current_exe().map_err(|e| format!("cannot find the gillab executable: {e}"))?;
    let mut machine = Machine::detect(Path::new("."));
    machine.cpython = if cpython { cpy_version } else { None };
    let out = args.out.clone().unwrap_or_else(|| Path::new("results").join(&machine.label));
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let by = Provenance {
        machine: machine.label.clone(),
        commit: machine.commit.clone(),
        date: machine.date.clone(),
        source: "compare".into(),
    };
    let setup = Setup {
        exe,
        timeout: Duration::from_secs(args.timeout.max(1)),
        runners,
        by,
        scratch: Scratch::create()?,
    };
    let records_path = out.join(RECORDS_FILE);
    let kept = keep_others(&records_path, suite)?;
    let machine_path = out.join(MACHINE_FILE);
    let text = serde_json::to_string_pretty(&machine).map_err(|e| e.to_string())?;
    std::fs::write(&machine_path, text + "\n")
        .map_err(|e| format!("{}: {e}", machine_path.display()))?;
    let mut save = |r: &Record| {
        gillab_report::record::append_record(&records_path, r).map_err(|e| e.to_string())
    };
    let records = match suite {
        Suite::Pyperformance => pyperformance::run(args, &path, &setup, &mut save)?,
        Suite::Ftscalingbench => ftscalingbench::run(args, &path, &setup, &mut save)?,
    };
    drop(setup);
    let all: Vec<Record> = kept.into_iter().chain(records.iter().cloned()).collect();
    let described = crate::described();
    let d = gillab_report::Data::new(records.clone()).describe(&described);
    let mut section = String::new();
    gillab_report::suites::render_pyperformance(&mut section, &d);
    gillab_report::suites::render_ftscalingbench(&mut section, &d);
    println!("{section}");
    let written =
        gillab_report::write_report(&out, &machine, &described, all).map_err(|e| e.to_string())?;
    println!("wrote {} and {}", written.markdown.display(), written.json.display());
    let ran = records.iter().any(|r| r.error.is_none());
    Ok(if ran { 0 } else { 1 })
}

/// Rewrites `path` without `suite`'s records and returns the records kept.
fn keep_others(path: &Path, suite: Suite) -> Result<Vec<Record>, String> {
    if !path.is_file() {
        return Ok(Vec::new());
    }
    let kept: Vec<Record> = gillab_report::record::read_records(path)
        .map_err(|e| format!("{e} (move the file away to start afresh)"))?
        .into_iter()
        .filter(|r| r.suite.as_ref().is_none_or(|s| s.suite != suite.name()))
        .collect();
    std::fs::remove_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
    for r in &kept {
        gillab_report::record::append_record(path, r).map_err(|e| e.to_string())?;
    }
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_lines_name_the_exception() {
        let tb = "Traceback (most recent call last):\n  File \"run_benchmark.py\", line 7, in <module>\n    import random\nModuleNotFoundError: No module named 'random'\n";
        assert_eq!(error_line(tb), "ModuleNotFoundError: No module named 'random'");
        let syntax =
            "  File \"x.py\", line 3\n    foo(\n       ^\nSyntaxError: '(' was never closed\n";
        assert_eq!(error_line(syntax), "SyntaxError: '(' was never closed");
        let usage =
            "usage: run_benchmark.py [-h]\nrun_benchmark.py: error: unrecognized arguments: -x\n";
        assert_eq!(error_line(usage), "run_benchmark.py: error: unrecognized arguments: -x");
        let noisy = "expected to be run with the  GIL disabled\nTraceback (most recent call last):\n  File \"f.py\", line 1\nAttributeError: no\n{\"backend\": \"gil\"}\n";
        assert_eq!(error_line(noisy), "AttributeError: no");
        let panic = "thread 'MainThread' panicked at crates/vm/src/x.rs:1:2:\nindex out of bounds\nnote: run with `RUST_BACKTRACE=1`\n";
        assert_eq!(error_line(panic), "gillab panicked: index out of bounds");
        assert!(error_line("").contains("no message"));
    }

    #[test]
    fn scratch_holds_pyperf_and_is_removed() {
        let s = Scratch::create().unwrap();
        let p = s.path().to_path_buf();
        let text = std::fs::read_to_string(p.join("pyperf.py")).unwrap();
        assert!(text.contains("class Runner"));
        drop(s);
        assert!(!p.exists());
    }
}
