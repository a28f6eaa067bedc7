//! The machine a measurement ran on: CPU model, cores, memory, OS, rustc, commit and date, read
//! from `/proc`, `uname`, `rustc -V` and `git` where they exist ("unknown" where they do not).

use serde::{Deserialize, Serialize};
use std::path::Path;
use std::process::Command;

/// Where the records were measured (saved as `machine.json` next to `records.jsonl`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Machine {
    /// Short name for file paths: `<cores>core-<cpu>` (e.g. `2core-xeon-8488c`).
    pub label: String,
    /// CPU model name.
    pub cpu: String,
    /// Logical cores available to the process.
    pub cores: usize,
    /// Total memory in GiB.
    pub memory_gib: f64,
    /// Operating system and kernel.
    pub os: String,
    /// `rustc -V`.
    pub rustc: String,
    /// `python3 --version`, if CPython was measured.
    #[serde(default)]
    pub cpython: Option<String>,
    /// Commit of the measured build (`git rev-parse --short HEAD`, `+dirty` if modified).
    pub commit: String,
    /// When the measurement started (UTC, RFC 3339).
    pub date: String,
    /// Load average (1, 5, 15 minutes) when the measurement started: other work on the
    /// machine inflates times and hides scaling.
    #[serde(default)]
    pub load: Option<String>,
}

impl Machine {
    /// Describes this machine, with `repo` as the folder whose git commit is recorded.
    pub fn detect(repo: &Path) -> Machine {
        let cpu = cpu_model().unwrap_or_else(|| "unknown CPU".to_string());
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let label = label(cores, &cpu);
        Machine {
            label,
            cpu,
            cores,
            memory_gib: memory_gib().unwrap_or(0.0),
            os: os_name(),
            rustc: command_line("rustc", &["-V"], None).unwrap_or_else(|| "unknown".into()),
            cpython: None,
            commit: commit(repo),
            date: now_rfc3339(),
            load: std::fs::read_to_string("/proc/loadavg")
                .ok()
                .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" ")),
        }
    }
}

/// `<cores>core-<short cpu name>`: lower case, vendor words and frequencies dropped.
pub fn label(cores: usize, cpu: &str) -> String {
    let drop = ["intel(r)", "amd", "core(tm)", "cpu", "processor", "(r)", "(tm)", "@", "with"];
    let words: Vec<String> = cpu
        .split_whitespace()
        .map(str::to_lowercase)
        .filter(|w| !drop.contains(&w.as_str()) && !w.ends_with("ghz") && !w.contains("-core"))
        .map(|w| w.replace("(r)", "").replace("(tm)", ""))
        .map(|w| w.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect::<String>())
        .filter(|w| !w.is_empty())
        .take(3)
        .collect();
    let name = if words.is_empty() { "cpu".to_string() } else { words.join("-") };
    format!("{cores}core-{name}")
}

fn cpu_model() -> Option<String> {
    let info = std::fs::read_to_string("/proc/cpuinfo").ok()?;
    info.lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_string())
}

fn memory_gib() -> Option<f64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let kb: f64 = info
        .lines()
        .find(|l| l.starts_with("MemTotal:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some((kb / 1024.0 / 1024.0 * 10.0).round() / 10.0)
}

fn os_name() -> String {
    let pretty = std::fs::read_to_string("/etc/os-release").ok().and_then(|s| {
        s.lines()
            .find_map(|l| l.strip_prefix("PRETTY_NAME="))
            .map(|v| v.trim_matches('"').to_string())
    });
    let kernel = command_line("uname", &["-sr"], None);
    match (pretty, kernel) {
        (Some(p), Some(k)) => format!("{p} ({k})"),
        (Some(p), None) => p,
        (None, Some(k)) => k,
        (None, None) => std::env::consts::OS.to_string(),
    }
}

fn commit(repo: &Path) -> String {
    let Some(hash) = command_line("git", &["rev-parse", "--short", "HEAD"], Some(repo)) else {
        return "unknown".into();
    };
    let dirty = Command::new("git")
        .args(["status", "--porcelain", "--untracked-files=no"])
        .current_dir(repo)
        .output()
        .is_ok_and(|o| o.status.success() && !o.stdout.is_empty());
    if dirty { format!("{hash}+dirty") } else { hash }
}

/// Runs `program args` and returns its first line of output, if it succeeds.
pub fn command_line(program: &str, args: &[&str], dir: Option<&Path>) -> Option<String> {
    let mut cmd = Command::new(program);
    cmd.args(args);
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let out = cmd.output().ok().filter(|o| o.status.success())?;
    let text = if out.stdout.is_empty() { out.stderr } else { out.stdout };
    String::from_utf8_lossy(&text).lines().next().map(|l| l.trim().to_string())
}

/// The current time as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    rfc3339(secs)
}

/// Formats seconds since the Unix epoch as `YYYY-MM-DDTHH:MM:SSZ` (proleptic Gregorian, UTC).
pub fn rfc3339(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dates() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_795_912_217), "2026-11-29T00:30:17Z");
    }

    #[test]
    fn labels_are_short_and_path_safe() {
        assert_eq!(
            label(2, "Intel(R) Xeon(R) Platinum 8488C CPU @ 2.40GHz"),
            "2core-xeon-platinum-8488c"
        );
        assert_eq!(label(16, "AMD EPYC 7R13 Processor"), "16core-epyc-7r13");
        assert_eq!(label(1, ""), "1core-cpu");
    }

    #[test]
    fn detects_something() {
        let m = Machine::detect(Path::new("."));
        assert!(m.cores >= 1);
        assert!(m.label.starts_with(&format!("{}core-", m.cores)));
        assert!(m.date.ends_with('Z'));
    }
}
