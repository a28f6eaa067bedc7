//! Running one program: `gillab run --backend B [flags] --check-leaks prog.py` (or `python3
//! prog.py`) in a process group of its own, with stdout and stderr in files, killed with its
//! whole group (the `shard` backend's workers included) when it outlives its timeout.

use crate::oracle::Outcome;
use rand::RngExt;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use wait_timeout::ChildExt;

/// How long a process may go on after a thread of it panicked (a panicked Python thread never
/// finishes, so the main thread's `join` may wait for it forever).
pub const AFTER_PANIC: Duration = Duration::from_secs(3);

/// Runs `exe args...` in `dir` (with `RUST_BACKTRACE=1`, so that a panic names the VM's
/// frame), giving up after `timeout`, or [`AFTER_PANIC`] after it reports a panic on stderr.
pub fn run(exe: &Path, args: &[String], dir: &Path, timeout: Duration) -> std::io::Result<Outcome> {
    let out_path = dir.join("stdout");
    let err_path = dir.join("stderr");
    let mut child = Command::new(exe)
        .args(args)
        .current_dir(dir)
        .env("RUST_BACKTRACE", "1")
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path)?)
        .stderr(std::fs::File::create(&err_path)?)
        .process_group(0)
        .spawn()?;
    let start = Instant::now();
    let mut panicked_at: Option<Instant> = None;
    let mut checked_len = 0;
    let (status, timed_out, killed_after_panic) = loop {
        let step =
            Duration::from_millis(if start.elapsed() < Duration::from_secs(1) { 10 } else { 100 });
        if let Some(s) = child.wait_timeout(step)? {
            break (Some(s), false, false);
        }
        if panicked_at.is_none() {
            let len = std::fs::metadata(&err_path).map_or(0, |m| m.len());
            if len != checked_len {
                checked_len = len;
                let err = std::fs::read(&err_path).unwrap_or_default();
                if String::from_utf8_lossy(&err).contains("panicked at ") {
                    panicked_at = Some(Instant::now());
                }
            }
        }
        let after_panic = panicked_at.is_some_and(|t| t.elapsed() >= AFTER_PANIC);
        if after_panic || start.elapsed() >= timeout {
            kill_group(child.id());
            let _ = child.kill();
            break (child.wait().ok(), !after_panic, after_panic);
        }
    };
    let killed = timed_out || killed_after_panic;
    let read =
        |p: &Path| String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned();
    Ok(Outcome {
        code: if killed { None } else { status.and_then(|s| s.code()) },
        signal: if killed { None } else { status.and_then(|s| s.signal()) },
        timed_out,
        killed_after_panic,
        stdout: read(&out_path),
        stderr: read(&err_path),
    })
}

/// SIGKILL to the process group the child leads (it was started with `process_group(0)`), so
/// that worker processes it started go too.
fn kill_group(pid: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pid}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// What the fuzzer may vary on a backend, from the facts `gillab backends --json` prints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Knobs {
    /// It has a GIL (so a switch interval).
    pub gil: bool,
    /// It takes `--gil-policy ticks` and its threads share memory (where switches between
    /// any two instructions matter).
    pub ticks: bool,
}

/// Extra `gillab run` flags for one run, varied from run to run: the reference-count elision
/// of the fused int paths on or off, the GIL's switch interval, and (where `knobs.ticks`) the
/// Python 2 tick policy with a small check interval.
pub fn variant_flags(knobs: Knobs, rng: &mut crate::Rng) -> Vec<String> {
    let mut flags = Vec::new();
    if rng.random_bool(0.25) {
        flags.push("--no-rc-elision".to_string());
    }
    if knobs.ticks && rng.random_bool(0.3) {
        let n = ["1", "7", "50"][rng.random_range(0..3)];
        flags.extend(["--gil-policy", "ticks", "--check-interval", n].map(String::from));
    } else if knobs.gil {
        let s = ["0.005", "0.001", "0.0001", "0.00002"][rng.random_range(0..4)];
        if s != "0.005" {
            flags.extend(["--switch-interval".to_string(), s.to_string()]);
        }
    }
    flags
}

/// The backends `gillab backends --json` lists, with what the fuzzer may vary on each.
pub fn backend_knobs(gillab: &Path) -> anyhow::Result<Vec<(String, Knobs)>> {
    let out = Command::new(gillab).args(["backends", "--json"]).output()?;
    anyhow::ensure!(out.status.success(), "`{} backends --json` failed", gillab.display());
    let mut all = Vec::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let e: serde_json::Value = serde_json::from_str(line)?;
        let name = e["name"].as_str().ok_or_else(|| anyhow::anyhow!("no name in {line}"))?;
        let policies = e["gil_policies"].as_array().cloned().unwrap_or_default();
        let shares = e["threads_share_memory"].as_bool().unwrap_or(true);
        let knobs = Knobs {
            gil: !policies.is_empty(),
            ticks: shares && policies.iter().any(|p| p == "ticks"),
        };
        all.push((name.to_string(), knobs));
    }
    anyhow::ensure!(!all.is_empty(), "`{} backends --json` listed none", gillab.display());
    Ok(all)
}

/// The backends `gillab backends` lists.
pub fn backends(gillab: &Path) -> anyhow::Result<Vec<String>> {
    Ok(backend_knobs(gillab)?.into_iter().map(|(n, _)| n).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn a_run_reports_status_output_and_timeout() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sh = Path::new("/bin/sh");
        let args = |s: &str| vec!["-c".to_string(), s.to_string()];
        let o =
            run(sh, &args("echo out; echo err >&2; exit 3"), dir.path(), Duration::from_secs(20))
                .unwrap();
        assert_eq!((o.code, o.signal, o.timed_out), (Some(3), None, false));
        assert_eq!((o.stdout.as_str(), o.stderr.as_str()), ("out\n", "err\n"));
        let o = run(sh, &args("kill -SEGV $$"), dir.path(), Duration::from_secs(20)).unwrap();
        assert_eq!((o.code, o.signal), (None, Some(11)));
        // A hang (with a child of its own) is killed with its group at the timeout.
        let o =
            run(sh, &args("sleep 30 & sleep 30"), dir.path(), Duration::from_millis(300)).unwrap();
        assert!(o.timed_out);
        // A process that goes on after a panic is killed soon after it.
        let o = run(
            sh,
            &args("echo \"thread 'x' panicked at a.rs:1:2:\" >&2; sleep 30"),
            dir.path(),
            Duration::from_secs(20),
        )
        .unwrap();
        assert!(o.killed_after_panic && !o.timed_out);
    }

    #[test]
    fn flags_vary_and_fit_the_backend() {
        let mut rng = crate::Rng::seed_from_u64(1);
        let gil = Knobs { gil: true, ticks: true };
        let all: Vec<Vec<String>> = (0..200).map(|_| variant_flags(gil, &mut rng)).collect();
        assert!(all.iter().any(|f| f.contains(&"ticks".to_string())));
        assert!(all.iter().any(|f| f.contains(&"--no-rc-elision".to_string())));
        assert!(all.iter().any(|f| f.is_empty()));
        for _ in 0..100 {
            let f = variant_flags(Knobs::default(), &mut rng);
            assert!(f.iter().all(|x| x == "--no-rc-elision"), "{f:?}");
        }
    }
}
