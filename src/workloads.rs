//! Running the benchmark workloads (`benches/workloads/*.py`, embedded in [`catalog`]) as
//! child processes — `gillab run --backend NAME --stats` or
//! `python3` — and turning their self-reported JSON lines into records. Shared by
//! `gillab compare` and the criterion benches (`cargo bench`).

pub mod catalog;

use crate::Policy;
use catalog::Workload;
use gillab_report::record::CPYTHON;
use gillab_report::{Config, Provenance, Record, Sample};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What runs a workload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Runner {
    /// `gillab run --backend NAME`, with a GIL policy for backends that have one.
    Backend {
        /// Backend name.
        name: String,
        /// `--gil-policy`, if any.
        policy: Option<Policy>,
    },
    /// `python3`.
    CPython,
}

impl Runner {
    /// The backend name in records (`cpython` for CPython).
    pub fn backend(&self) -> &str {
        match self {
            Runner::Backend { name, .. } => name,
            Runner::CPython => CPYTHON,
        }
    }

    /// The policy asked for, if any.
    pub fn policy(&self) -> Option<Policy> {
        match self {
            Runner::Backend { policy, .. } => *policy,
            Runner::CPython => None,
        }
    }

    /// The policy's name as records store it.
    pub fn policy_name(&self) -> Option<String> {
        self.policy().map(|p| p.name().to_string())
    }

    /// `backend` or `backend/policy`.
    pub fn label(&self) -> String {
        match self.policy() {
            Some(p) => format!("{}/{p}", self.backend()),
            None => self.backend().to_string(),
        }
    }
}

/// One configuration to measure.
#[derive(Debug, Clone)]
pub struct Job {
    /// The workload.
    pub workload: &'static Workload,
    /// What runs it.
    pub runner: Runner,
    /// Threads (for `convoy`: CPU-bound threads).
    pub threads: u32,
    /// Size argument.
    pub size: u64,
}

/// How to run workloads: the `gillab` executable, the folder holding the workload files, and
/// a time limit per run.
#[derive(Debug, Clone)]
pub struct Harness {
    /// The `gillab` binary.
    pub exe: PathBuf,
    /// Folder with `<workload>.py` files.
    pub dir: PathBuf,
    /// A run taking longer is killed and reported as failed.
    pub timeout: Duration,
}

/// The registry entries named `names`, in that order.
pub fn entries(names: &[String]) -> Result<Vec<&'static crate::Entry>, String> {
    names.iter().map(|n| crate::entry(n).ok_or(format!("unknown backend '{n}'"))).collect()
}

/// The runners of workload `w`: each backend (the [baseline](crate::baseline) under every
/// policy it has when the workload compares policies, others under `only_policy` if they take
/// it, or their default), then CPython when `cpython` and the workload runs there. Backends
/// whose threads are processes are left out of workloads that need shared memory; their names
/// come back in the second list.
pub fn runners_for(
    w: &Workload,
    backends: &[&'static crate::Entry],
    only_policy: Option<Policy>,
    cpython: bool,
) -> (Vec<Runner>, Vec<String>) {
    let mut runners = Vec::new();
    let mut skipped = Vec::new();
    for b in backends {
        if w.shared_memory && !b.threads_share_memory() {
            skipped.push(b.name.to_string());
            continue;
        }
        let chosen: Vec<Option<Policy>> = match (b.default_policy(), only_policy) {
            (None, _) => vec![None],
            (Some(_), Some(p)) if b.facts.takes_policy(p) => vec![Some(p)],
            (Some(_), None) if w.all_policies && b.name == crate::baseline().name => {
                b.policies().iter().copied().map(Some).collect()
            }
            (Some(default), _) => vec![Some(default)],
        };
        runners.extend(
            chosen.into_iter().map(|policy| Runner::Backend { name: b.name.to_string(), policy }),
        );
    }
    if cpython && w.cpython {
        runners.push(Runner::CPython);
    }
    (runners, skipped)
}

/// The thread counts to run `w` at: `threads`, with 0 added for workloads where 0 means "no
/// background load" and removed elsewhere.
pub fn threads_for(w: &Workload, threads: &[u32]) -> Vec<u32> {
    if w.one_point {
        return vec![1];
    }
    let mut ts: Vec<u32> = threads.iter().copied().filter(|t| *t > 0).collect();
    if w.zero_threads {
        ts.insert(0, 0);
    }
    ts
}

/// Whether `python3` runs here; its `--version` line if so.
pub fn cpython_version() -> Option<String> {
    gillab_report::machine::command_line("python3", &["--version"], None)
        .filter(|v| v.starts_with("Python 3"))
}

/// Thread counts 1, 2, 4, ... up to the machine's cores (and the cores themselves when they
/// are not a power of two).
pub fn default_threads() -> Vec<u32> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as u32;
    let mut out = vec![1];
    while out[out.len() - 1] * 2 <= cores {
        out.push(out[out.len() - 1] * 2);
    }
    if out[out.len() - 1] != cores {
        out.push(cores);
    }
    out
}

/// Parses a comma-separated list of thread counts (`1,2,4`).
pub fn parse_threads(text: &str) -> Result<Vec<u32>, String> {
    let t: Result<Vec<u32>, String> = text
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.trim().parse::<u32>().map_err(|_| format!("bad thread count '{}'", s.trim())))
        .collect();
    match t {
        Ok(v) if v.is_empty() => Err("no thread counts given".into()),
        other => other,
    }
}

impl Harness {
    /// Runs `w` once with `size` and `threads` under `runner`.
    pub fn run_once(
        &self,
        runner: &Runner,
        w: &Workload,
        size: u64,
        threads: u32,
    ) -> Result<Sample, String> {
        let file = self.dir.join(w.file());
        let mut cmd = match runner {
            Runner::Backend { name, policy } => {
                let mut c = Command::new(&self.exe);
                c.args(["run", "--backend", name, "--stats"]);
                if let Some(p) = policy {
                    c.args(["--gil-policy", p.name()]);
                }
                c
            }
            Runner::CPython => Command::new("python3"),
        };
        cmd.arg(&file).arg(size.to_string()).arg(threads.to_string());
        if w.name == "io_file" {
            cmd.arg(&self.dir);
        }
        let (ok, out, err) = run_bounded(cmd, self.timeout)?;
        if !ok {
            return Err(format!("exited with an error: {}", last_lines(&err)));
        }
        let stats = matches!(runner, Runner::Backend { .. }).then_some(err.as_str());
        let sample = Sample::parse(&out, stats).map_err(|e| e.to_string())?;
        if !sample.correct {
            return Err(format!("wrong result: {}", last_lines(&out)));
        }
        Ok(sample)
    }

    /// Runs `w` `samples` times and aggregates the runs into a record; the first failure
    /// stops the configuration and is recorded as its error.
    pub fn measure(
        &self,
        job: &Job,
        samples: usize,
        by: &Provenance,
        mut after_each: impl FnMut(),
    ) -> Record {
        let Job { workload: w, runner, threads, size } = job;
        let (threads, size) = (*threads, *size);
        let config = Config {
            workload: w.name.to_string(),
            backend: runner.backend().to_string(),
            policy: runner.policy_name(),
            threads,
            size,
        };
        let mut got = Vec::new();
        let mut error = None;
        for _ in 0..samples.max(1) {
            let r = self.run_once(runner, w, size, threads);
            after_each();
            match r {
                Ok(s) => got.push(s),
                Err(e) => {
                    error = Some(e);
                    break;
                }
            }
        }
        Record::new(&config, &got, error, by)
    }
}

fn last_lines(text: &str) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let tail = &lines[lines.len().saturating_sub(3)..];
    if tail.is_empty() { "(no output)".into() } else { tail.join(" / ") }
}

/// Runs `cmd` with piped output, killing it after `timeout`. Returns (success, stdout, stderr).
pub(crate) fn run_bounded(
    mut cmd: Command,
    timeout: Duration,
) -> Result<(bool, String, String), String> {
    let program = cmd.get_program().to_string_lossy().into_owned();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    let reader = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let out = reader(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let err = reader(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if start.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                let _ = (out.join(), err.join());
                return Err(format!("timed out after {} s", timeout.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(e) => return Err(format!("waiting for {program}: {e}")),
        }
    };
    let out = out.join().unwrap_or_default();
    let err = err.join().unwrap_or_default();
    Ok((status.success(), out, err))
}

/// A folder holding the embedded workload files, removed when dropped.
#[derive(Debug)]
pub struct WorkloadDir {
    path: PathBuf,
}

impl WorkloadDir {
    /// Writes every workload into a fresh folder under the system's temporary folder.
    pub fn create() -> Result<WorkloadDir, String> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path =
            std::env::temp_dir().join(format!("gillab-workloads-{}-{nanos}", std::process::id()));
        catalog::materialize(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(WorkloadDir { path })
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for WorkloadDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_lists() {
        let d = default_threads();
        assert_eq!(d[0], 1);
        assert!(d.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(parse_threads("1, 2,4").unwrap(), vec![1, 2, 4]);
        assert!(parse_threads("1,x").unwrap_err().contains("'x'"));
        assert!(parse_threads("").is_err());
    }

    #[test]
    fn bounded_runs_time_out_and_report_failure() {
        let mut c = Command::new("sh");
        c.args(["-c", "echo out; echo err >&2; exit 3"]);
        let (ok, out, err) = run_bounded(c, Duration::from_secs(10)).unwrap();
        assert!(!ok && out == "out\n" && err == "err\n");
        let mut c = Command::new("sleep");
        c.arg("5");
        assert!(run_bounded(c, Duration::from_millis(50)).unwrap_err().contains("timed out"));
    }

    #[test]
    fn workload_dir_holds_every_workload_and_is_removed() {
        let d = WorkloadDir::create().unwrap();
        let p = d.path().to_path_buf();
        for w in catalog::CATALOG {
            assert!(p.join(w.file()).is_file());
        }
        drop(d);
        assert!(!p.exists());
    }
}
