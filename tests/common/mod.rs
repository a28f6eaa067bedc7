//! Running the `gillab` binary from integration tests: every child is bounded by a timeout, so
//! a hang fails the test instead of hanging CI.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs `gillab ARGS` in `dir`, killing it (and failing) after `timeout`. `None` if it was
/// killed for taking too long.
pub fn gillab_within(args: &[&str], dir: &Path, timeout: Duration) -> Option<Output> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gillab"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn gillab");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return Some(child.wait_with_output().expect("output"));
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Runs `gillab ARGS` in `dir` with a two-minute limit; panics on a timeout.
#[allow(dead_code)]
pub fn gillab(args: &[&str], dir: &Path) -> Output {
    gillab_within(args, dir, Duration::from_secs(120))
        .unwrap_or_else(|| panic!("gillab {args:?} timed out"))
}

/// Runs `gillab ARGS` from the repository root and returns stdout; panics unless it succeeds.
#[allow(dead_code)]
pub fn gillab_ok(args: &[&str]) -> String {
    let out = gillab(args, Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}
