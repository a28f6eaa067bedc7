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
    // The pipes are drained while the child runs: a child that writes more than a pipe holds
    // (64 KiB) would otherwise block on its write and look like a hang.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let out = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let err = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    Some(Output { status, stdout, stderr })
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
