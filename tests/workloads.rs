//! Every benchmark workload runs at a tiny size on every registered backend (and on CPython
//! when `python3` is installed) and prints a correct JSON line; the catalog matches the files
//! in `benches/workloads/`.

mod common;

use gillab::workloads::catalog::{self, CATALOG, Workload};
use gillab::workloads::{Harness, Runner, WorkloadDir, cpython_version};
use std::path::Path;
use std::time::Duration;

/// Sizes small enough for a debug build: each run takes milliseconds.
fn tiny(w: &Workload) -> u64 {
    match w.name {
        "countdown" => 2_000,
        "shared_read" => 4_000,
        "counter" => 1_000,
        "io_sleep" => 4,
        "io_file" => 8,
        "convoy" => 5,
        "async_sleep" => 4,
        "async_echo" => 5,
        "many_waiters" => 20,
        "native" => 10_000,
        "spawn" => 3,
        "sharing" => 50,
        "create_object" => 1_000,
        "method_call" => 2_000,
        "module_function" => 2_000,
        "attr_read" => 2_000,
        "dict_read" => 4_000,
        "closure_create" => 2_000,
        "tuple_const" => 2_000,
        "local_read" => 4_000,
        other => panic!("no tiny size for workload {other}: add one here"),
    }
}

fn harness(dir: &WorkloadDir) -> Harness {
    Harness {
        exe: env!("CARGO_BIN_EXE_gillab").into(),
        dir: dir.path().to_path_buf(),
        timeout: Duration::from_secs(60),
    }
}

#[test]
fn catalog_matches_the_workload_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/workloads");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".py").map(str::to_string))
        .collect();
    files.sort();
    let mut names: Vec<String> = CATALOG.iter().map(|w| w.name.to_string()).collect();
    names.sort();
    assert_eq!(files, names, "every benches/workloads/*.py must be in the catalog");
    for w in CATALOG {
        let on_disk = std::fs::read_to_string(dir.join(w.file())).unwrap();
        assert_eq!(on_disk, w.source, "{}: the embedded source is stale", w.name);
    }
}

#[test]
fn every_workload_runs_on_every_backend() {
    let dir = WorkloadDir::create().unwrap();
    let h = harness(&dir);
    let mut failures = Vec::new();
    let mut runs = 0;
    for entry in gillab::backends() {
        let backend = entry.name;
        let runner = Runner::Backend { name: backend.to_string(), policy: entry.default_policy() };
        for w in CATALOG {
            if w.shared_memory && !entry.threads_share_memory() {
                continue;
            }
            let threads = if w.zero_threads { 1 } else { 2 };
            runs += 1;
            match h.run_once(&runner, w, tiny(w), threads) {
                Ok(s) => {
                    assert!(s.ops > 0 && s.elapsed > 0.0, "{} on {backend}: {s:?}", w.name);
                    assert!(
                        s.stats.contains_key("refcount_ops"),
                        "{} on {backend}: no --stats line",
                        w.name
                    );
                }
                Err(e) => failures.push(format!("{} on {backend}: {e}", w.name)),
            }
        }
    }
    assert!(runs >= CATALOG.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_workload_runs_on_cpython_unchanged() {
    if cpython_version().is_none() {
        eprintln!("python3 not found: skipping");
        return;
    }
    let dir = WorkloadDir::create().unwrap();
    let h = harness(&dir);
    for w in CATALOG {
        let size = if w.name == "native" { 1_000 } else { tiny(w) };
        let threads = if w.zero_threads { 1 } else { 2 };
        let s = h
            .run_once(&Runner::CPython, w, size, threads)
            .unwrap_or_else(|e| panic!("{} on CPython: {e}", w.name));
        assert!(s.ops > 0, "{}: {s:?}", w.name);
        assert!(s.stats.is_empty());
    }
}

#[test]
fn counter_measures_its_phases_and_lost_updates() {
    let dir = WorkloadDir::create().unwrap();
    let h = harness(&dir);
    let w = catalog::find("counter").unwrap();
    let s = h.run_once(&Runner::Backend { name: "gil".into(), policy: None }, w, 1_000, 2).unwrap();
    for k in ["locked_s", "unlocked_s", "lost_updates"] {
        assert!(s.metrics.contains_key(k), "{k} missing: {s:?}");
    }
    assert_eq!(s.ops, 2_000);
    assert!(s.metrics["lost_updates"] >= 0.0 && s.metrics["lost_updates"] < 1_000.0);
}

#[test]
fn a_failing_workload_is_reported_not_hidden() {
    let dir = WorkloadDir::create().unwrap();
    let h = harness(&dir);
    // Overwrite a workload with one that prints a wrong result, then one that crashes.
    let w = catalog::find("countdown").unwrap();
    let path = dir.path().join(w.file());
    std::fs::write(&path, "print('{\"workload\": \"countdown\", \"elapsed\": 0.1, \"ops\": 1, \"correct\": false}')\n").unwrap();
    let r = Runner::Backend { name: "gil".into(), policy: None };
    assert!(h.run_once(&r, w, 1, 1).unwrap_err().contains("wrong result"));
    std::fs::write(&path, "raise ValueError('broken workload')\n").unwrap();
    let e = h.run_once(&r, w, 1, 1).unwrap_err();
    assert!(e.contains("broken workload"), "{e}");
}
