//! `gillab compare --suite pyperformance` end to end on a tiny suite made here: one benchmark
//! that runs, one that fails on a missing module, one whose result differs between runtimes
//! (it returns the interpreter's version string), and one that times out. The records, the
//! report's pyperformance section, and the other records of the results folder (kept) are
//! checked. Every child is bounded in time.

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

fn bench(root: &Path, name: &str, body: &str) {
    let dir = root.join(format!("bm_{name}"));
    std::fs::create_dir_all(&dir).unwrap();
    let toml =
        format!("[project]\nname = \"bm_{name}\"\n\n[tool.pyperformance]\nname = \"{name}\"\n");
    std::fs::write(dir.join("pyproject.toml"), toml).unwrap();
    std::fs::write(dir.join("run_benchmark.py"), body).unwrap();
}

fn cpython_here() -> bool {
    std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn pyperformance_suite_reports_success_failure_difference_and_timeout() {
    let root = scratch("suite");
    let suite = root.join("pyperformance").join("data-files").join("benchmarks");
    bench(
        &suite,
        "tiny",
        "import pyperf\n\ndef work(n):\n    return sum(range(n))\n\nif __name__ == '__main__':\n    runner = pyperf.Runner()\n    runner.argparser.add_argument('--n', type=int, default=200)\n    args = runner.parse_args()\n    runner.metadata['description'] = 'tiny'\n    runner.bench_func('tiny', work, args.n)\n",
    );
    bench(&suite, "broken", "import pyperf\nimport no_such_module_anywhere\n");
    bench(
        &suite,
        "version",
        "import sys\nimport pyperf\n\nif __name__ == '__main__':\n    pyperf.Runner().bench_func('version', lambda: sys.version)\n",
    );
    bench(&suite, "forever", "import pyperf\nwhile True:\n    pass\n");
    let out = root.join("results");
    std::fs::create_dir_all(&out).unwrap();
    // A record of another kind already in the folder stays.
    let other = "{\"workload\":\"countdown\",\"backend\":\"gil\",\"policy\":\"interval\",\"threads\":1,\"size\":10,\"ops\":10,\"samples\":[0.5],\"median\":0.5,\"min\":0.5,\"max\":0.5,\"correct\":true,\"machine\":\"m\",\"commit\":\"c\",\"date\":\"d\",\"source\":\"compare\",\"error\":null}\n";
    std::fs::write(out.join("records.jsonl"), other).unwrap();
    let o = gillab_within(
        &[
            "compare",
            "--suite",
            "pyperformance",
            root.to_str().unwrap(),
            "--bench",
            "all",
            "-b",
            "gil",
            "--values",
            "2",
            "--warmups",
            "0",
            "--timeout",
            "10",
            "--out",
            out.to_str().unwrap(),
        ],
        &root,
        Duration::from_secs(300),
    )
    .expect("gillab compare --suite timed out");
    let stdout = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}\n{stdout}");
    let recs = gillab_report::record::read_records(&out.join("records.jsonl")).unwrap();
    assert!(recs.iter().any(|r| r.workload == "countdown" && r.suite.is_none()), "kept");
    let find = |name: &str, backend: &str| {
        recs.iter()
            .find(|r| r.workload == name && r.backend == backend && r.suite.is_some())
            .unwrap_or_else(|| panic!("no record of {name} on {backend}: {stderr}"))
    };
    let tiny = find("tiny", "gil");
    assert!(tiny.ok() && tiny.samples.len() == 2, "{tiny:?}");
    let check = tiny.suite.as_ref().unwrap().check.clone().unwrap();
    assert!(check.starts_with("int:5:"), "{check}");
    let broken = find("broken", "gil");
    assert_eq!(
        broken.error.as_deref(),
        Some("ModuleNotFoundError: No module named 'no_such_module_anywhere'")
    );
    let forever = find("forever", "gil");
    assert_eq!(forever.error.as_deref(), Some("timed out after 10 s"));
    let md = std::fs::read_to_string(out.join("REPORT.md")).unwrap();
    assert!(md.contains("## pyperformance"), "{md}");
    let why = "ModuleNotFoundError: No module named 'no_such_module_anywhere' |";
    assert!(
        md.contains(&format!("| broken | gil | {why}"))
            || md.contains(&format!("| broken | cpython, gil | {why}")),
        "{md}"
    );
    assert!(md.contains("gil | timed out after 10 s |"), "{md}");
    if cpython_here() {
        // The same pyperf module ran on CPython: same result, same digest.
        let c = find("tiny", "cpython");
        assert_eq!(c.suite.as_ref().unwrap().check.as_deref(), Some(check.as_str()));
        assert!(md.contains("| gil | 2 of 4 | 1 |"), "{md}");
        assert!(md.contains("| version | gil | output differs from CPython (str:"), "{md}");
        assert!(stderr.contains("tiny gil: tiny") && stderr.contains("(output as CPython's)"));
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    assert!(json["pyperformance"]["rows"].as_array().is_some_and(|r| r.len() == 4), "{json}");
    // A second suite run replaces its own records only.
    let again = gillab_within(
        &[
            "compare",
            "--suite",
            "pyperformance",
            root.to_str().unwrap(),
            "--bench",
            "tiny",
            "-b",
            "gil",
            "--no-cpython",
            "--values",
            "1",
            "--out",
            out.to_str().unwrap(),
        ],
        &root,
        Duration::from_secs(120),
    )
    .expect("second run timed out");
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
    let recs = gillab_report::record::read_records(&out.join("records.jsonl")).unwrap();
    assert_eq!(recs.len(), 2, "{recs:?}");
    assert!(recs.iter().any(|r| r.workload == "countdown"));
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn suite_errors_are_clear() {
    let root = scratch("suite-errors");
    let run = |args: &[&str]| {
        gillab_within(args, &root, Duration::from_secs(60)).expect("gillab timed out")
    };
    let o = run(&["compare", "--suite", "pyperformance", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no pyperformance benchmarks"));
    let o = run(&["compare", "--suite", "ftscalingbench", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no ftscalingbench.py"));
    // PATH without --suite, and suite options without it, are refused.
    let o = run(&["compare", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["compare", "--values", "3", "--no-cpython"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--suite pyperformance"));
    let _ = std::fs::remove_dir_all(&root);
}

/// The program the pyperf test runs on both runtimes.
const PYPERF_PROGRAM: &str = r#"import pyperf

class Obj:
    pass

values = [19900, "text", [1, (2, 3.5), {"k": {3, 1, 2}}], {"b", "a"}, None, (1,), Obj(),
          [Obj(), Obj()], b"\x00\xff", "\u00e9\n"]
for v in values:
    print(pyperf.result_digest(v))

runner = pyperf.Runner()
runner.argparser.add_argument("--n", type=int, default=5)
args = runner.parse_args()
print(args.n, args.values, args.loops, args.warmups, args.output is not None)
runner.metadata["description"] = "two benchmarks"

def work(n):
    return list(range(n))

def timed(loops):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        pass
    return pyperf.perf_counter() - t0

runner.bench_func("work", work, args.n)
runner.bench_time_func("timed", timed, inner_loops=10)
"#;

#[test]
fn pyperf_module_behaves_the_same_on_gillab_and_cpython() {
    let dir = scratch("pyperf");
    std::fs::write(dir.join("prog.py"), PYPERF_PROGRAM).unwrap();
    let lib = dir.join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::write(lib.join("pyperf.py"), gillab_stdlib::pyperf::SOURCE).unwrap();
    let args = ["--n", "7", "--values", "3", "--loops", "4", "--warmups", "2", "-o"];
    let o = gillab_within(
        &[&["run", "prog.py"], &args[..], &["gillab.json"]].concat(),
        &dir,
        Duration::from_secs(120),
    )
    .expect("gillab timed out");
    let stdout = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // The digest of 19900: its repr's bytes read as a little-endian number, modulo 2**61 - 1.
    assert!(stdout.starts_with("int:5:0000003030393931\n"), "{stdout}");
    assert!(stdout.contains("\n7 3 4 2 True\n"), "{stdout}");
    assert!(stdout.contains("work: Mean +- std dev: ") && stdout.contains("timed: Mean"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gillab.json")).unwrap()).unwrap();
    let benches = json["benchmarks"].as_array().unwrap();
    assert_eq!(benches.len(), 2);
    let work = &benches[0];
    assert_eq!(work["metadata"]["name"], "work");
    assert_eq!(work["metadata"]["loops"], 4);
    assert_eq!(work["metadata"]["description"], "two benchmarks");
    assert_eq!(work["runs"][0]["values"].as_array().unwrap().len(), 3);
    assert_eq!(work["runs"][0]["warmups"].as_array().unwrap().len(), 2);
    assert!(work["metadata"]["gillab_check"].as_str().unwrap().starts_with("list:21:"));
    assert_eq!(benches[1]["metadata"]["inner_loops"], 10);
    assert!(benches[1]["metadata"].get("gillab_check").is_none());
    // An existing output file is refused, as pyperf refuses it.
    let again = gillab_within(
        &[&["run", "prog.py"], &args[..], &["gillab.json"]].concat(),
        &dir,
        Duration::from_secs(120),
    )
    .expect("gillab timed out");
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let bad = gillab_within(&["run", "prog.py", "--values", "0"], &dir, Duration::from_secs(60))
        .expect("gillab timed out");
    assert_eq!(bad.status.code(), Some(2));
    let bad_err = String::from_utf8_lossy(&bad.stderr).into_owned();
    assert!(bad_err.ends_with("prog.py: error: argument -n/--values: value must be > 0, got 0\n"));
    if !cpython_here() {
        return;
    }
    // CPython, with the same module on its path, prints the same apart from the times.
    let run_cpython = |extra: &[&str]| {
        std::process::Command::new("python3")
            .arg("prog.py")
            .args(extra)
            .env("PYTHONPATH", &lib)
            .current_dir(&dir)
            .output()
            .unwrap()
    };
    let c = run_cpython(&[&args[..], &["cpython.json"]].concat());
    assert!(c.status.success(), "{}", String::from_utf8_lossy(&c.stderr));
    let untimed = |s: &str| -> Vec<String> {
        s.lines().filter(|l| !l.contains("Mean +- std dev")).map(str::to_string).collect()
    };
    assert_eq!(untimed(&String::from_utf8_lossy(&c.stdout)), untimed(&stdout));
    let cjson: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("cpython.json")).unwrap()).unwrap();
    assert_eq!(
        cjson["benchmarks"][0]["metadata"]["gillab_check"],
        work["metadata"]["gillab_check"]
    );
    assert_eq!(cjson["metadata"]["python_implementation"], "cpython");
    assert_eq!(json["metadata"]["python_implementation"], "gillab");
    let c = run_cpython(&["--values", "0"]);
    assert_eq!(String::from_utf8_lossy(&c.stderr), bad_err);
    let help = |o: std::process::Output| String::from_utf8_lossy(&o.stdout).into_owned();
    let g = gillab_within(&["run", "prog.py", "-h"], &dir, Duration::from_secs(60)).unwrap();
    let g_help = help(g);
    assert!(g_help.contains("-n VALUES, --values VALUES"), "{g_help}");
    assert_eq!(
        help(run_cpython(&["-h"])).split_once('\n').map(|x| x.1),
        g_help.split_once('\n').map(|x| x.1)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
