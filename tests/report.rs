//! `gillab compare` and `gillab report` end to end, bounded in time: a tiny matrix writes
//! records, `machine.json`, `REPORT.md` (with the claims section), `report.json` and SVG plots;
//! `gillab report` regenerates them from the records; bad input gives clear errors.

mod common;

use common::gillab_within;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("gillab-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn compare_then_report() {
    let out = scratch("compare");
    let out_s = out.to_str().unwrap();
    let o = gillab_within(
        &[
            "compare",
            "--quick",
            "--workloads",
            "countdown,io_sleep",
            "--backends",
            "gil",
            "--threads",
            "1,2",
            "--size",
            "countdown=20000,io_sleep=4",
            "--samples",
            "2",
            "--no-cpython",
            "--out",
            out_s,
        ],
        root(),
        Duration::from_secs(240),
    )
    .expect("gillab compare timed out");
    let stderr = String::from_utf8_lossy(&o.stderr);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{stderr}\n{stdout}");
    // Not a terminal: plain progress lines, one per configuration.
    assert!(stderr.contains("countdown gil/ticks 2t:"), "{stderr}");
    assert!(stdout.contains("speedup"), "{stdout}");
    let records = std::fs::read_to_string(out.join("records.jsonl")).unwrap();
    // countdown: every GIL policy × 2 thread counts; io_sleep: the default policy × 2.
    assert_eq!(records.lines().count(), 3 * 2 + 2, "{records}");
    let recs = gillab_report::record::read_records(&out.join("records.jsonl")).unwrap();
    assert!(recs.iter().all(|r| r.ok() && r.samples.len() == 2 && r.source == "compare"));
    assert!(recs.iter().all(|r| r.stats.contains_key("gil_switches")));
    let md = std::fs::read_to_string(out.join("REPORT.md")).unwrap();
    for needle in [
        "## Machine",
        "## Claims checked",
        "## countdown",
        "## io_sleep",
        "## Scaling, ftscalingbench style",
        "| countdown | 2 | ",
        "speedup-countdown.svg",
        "gil_switches",
    ] {
        assert!(md.contains(needle), "REPORT.md lacks {needle}:\n{md}");
    }
    for svg in ["speedup-countdown.svg", "speedup-io_sleep.svg", "overhead.svg"] {
        let text = std::fs::read_to_string(out.join(svg)).unwrap();
        assert!(text.starts_with("<svg"), "{svg}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    assert_eq!(json["claims"].as_array().unwrap().len(), 11);
    // countdown at 2 threads under the default policy only (the other policies get no column).
    let scaling = json["scaling"].as_array().unwrap();
    assert_eq!(scaling.len(), 1, "{scaling:?}");
    assert_eq!(scaling[0]["variant"], "gil/interval");
    let text = scaling[0]["text"].as_str().unwrap();
    assert!(text.ends_with("x faster") || text.ends_with("x slower"), "{text}");
    // Regenerate from the records alone.
    for f in ["REPORT.md", "report.json", "overhead.svg"] {
        std::fs::remove_file(out.join(f)).unwrap();
    }
    let o = gillab_within(&["report", "--out", out_s], root(), Duration::from_secs(60)).unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(std::fs::read_to_string(out.join("REPORT.md")).unwrap(), md);
    assert!(out.join("report.json").is_file() && out.join("overhead.svg").is_file());
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn bad_input_gives_clear_errors() {
    let out = scratch("bad");
    let out_s = out.to_str().unwrap();
    let run = |args: &[&str]| gillab_within(args, root(), Duration::from_secs(60)).unwrap();
    let o = run(&["compare", "--workloads", "nope", "--out", out_s, "--no-cpython"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown workload 'nope'"));
    let o = run(&["compare", "--backends", "nope", "--out", out_s, "--no-cpython"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown backend 'nope'"));
    let o = run(&["compare", "--threads", "1,x", "--out", out_s, "--no-cpython"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad thread count 'x'"));
    let o = run(&["report", "--out", out.join("empty").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no records"));
    std::fs::write(out.join("records.jsonl"), "{\"workload\": 1}\n").unwrap();
    let o = run(&["report", "--out", out_s]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("records.jsonl:1"));
    let _ = std::fs::remove_dir_all(&out);
}
