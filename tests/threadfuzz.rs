//! The concurrency fuzzer end to end (`crates/threadfuzz`, `docs/testing.md`): a few fixed
//! generated programs run on this build's `gillab` through the fuzzer's own loop and oracle, on
//! every registered backend; each run is bounded by the fuzzer's hang guard. The longer,
//! time-bounded run with fresh seeds is `.ci/threadfuzz`, after the tests.

use gillab_threadfuzz::fuzz::{self, Config};
use std::path::PathBuf;
use std::time::Duration;

#[test]
fn generated_programs_pass_the_oracle_on_every_backend() {
    let out = std::env::temp_dir().join(format!("gillab-threadfuzz-test-{}", std::process::id()));
    let cfg = Config {
        gillab: PathBuf::from(env!("CARGO_BIN_EXE_gillab")),
        backends: gillab::backends().iter().map(|e| e.name.to_string()).collect(),
        seconds: None,
        programs: Some(6),
        runs: 2,
        seed: 1,
        generator: Default::default(),
        out: out.clone(),
        jobs: 2,
        timeout: Duration::from_secs(120),
        cpython: None,
        fail_fast: false,
    };
    let summary = fuzz::fuzz(cfg.clone(), &|line| eprintln!("{line}")).expect("fuzzer ran");
    let text = fuzz::render_summary(&cfg, &summary);
    assert_eq!(summary.runs, 6 * 2 * cfg.backends.len() as u64, "{text}");
    assert!(summary.failures.is_empty(), "{text}");
    let _ = std::fs::remove_dir_all(out);
}
