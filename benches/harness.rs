//! Running a workload under a backend or CPython and reading its self-reported time.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

/// Where a workload runs.
#[derive(Debug, Clone)]
pub enum Runner {
    /// `gillab run --backend NAME`.
    Backend(&'static str),
    /// `python3`.
    CPython,
}

impl Runner {
    /// Every registered backend, then CPython if `python3` is on the PATH.
    pub fn all() -> Vec<Runner> {
        let mut out: Vec<Runner> =
            gillab::backends().into_iter().map(|(n, _)| Runner::Backend(n)).collect();
        if Command::new("python3").arg("-c").arg("pass").status().is_ok_and(|s| s.success()) {
            out.push(Runner::CPython);
        }
        out
    }

    /// The name used in benchmark ids.
    pub fn name(&self) -> &'static str {
        match self {
            Runner::Backend(n) => n,
            Runner::CPython => "cpython",
        }
    }

    /// Runs `workload` with `args` once and returns the elapsed time it reports.
    pub fn run(&self, workload: &str, args: &[String]) -> Duration {
        let file =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/workloads").join(workload);
        let mut cmd = match self {
            Runner::Backend(n) => {
                let mut c = Command::new(env!("CARGO_BIN_EXE_gillab"));
                c.args(["run", "--backend", n]);
                c
            }
            Runner::CPython => Command::new("python3"),
        };
        let out = cmd.arg(&file).args(args).output().expect("run workload");
        assert!(
            out.status.success(),
            "{workload} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        let line = text.lines().last().unwrap_or("");
        let v: serde_json::Value =
            serde_json::from_str(line).expect("workload prints one JSON line");
        assert_eq!(v["correct"], serde_json::Value::Bool(true), "{workload}: wrong result: {line}");
        Duration::from_secs_f64(v["elapsed"].as_f64().unwrap_or(0.0))
    }
}
