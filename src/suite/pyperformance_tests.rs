//! Discovery of a suite tree, selection, pyperf JSON parsing and the records of a run.

use super::*;

fn tree() -> PathBuf {
    let root = std::env::temp_dir()
        .join(format!("gillab-pyperformance-test-{}", std::process::id()))
        .join("pyperformance")
        .join("data-files")
        .join("benchmarks");
    let _ = std::fs::remove_dir_all(&root);
    let mk = |dir: &str, files: &[(&str, &str)]| {
        let d = root.join(dir);
        std::fs::create_dir_all(&d).unwrap();
        for (name, text) in files {
            std::fs::write(d.join(name), text).unwrap();
        }
    };
    mk(
        "bm_nbody",
        &[
            ("run_benchmark.py", "pass\n"),
            (
                "pyproject.toml",
                "[project]\nname = \"x\"\n\n[tool.pyperformance]\nname = \"nbody\"\n",
            ),
        ],
    );
    mk(
        "bm_pickle",
        &[
            ("run_benchmark.py", "pass\n"),
            (
                "pyproject.toml",
                "[tool.pyperformance]\nname = \"pickle\"\nextra_opts = [\"pickle\"]\n",
            ),
            (
                "bm_pickle_dict.toml",
                "[tool.pyperformance]\nname = \"pickle_dict\"\nextra_opts = [\"pickle_dict\", \"--x\"]\n",
            ),
        ],
    );
    mk("bm_nofile", &[("pyproject.toml", "[tool.pyperformance]\nname = \"nofile\"\n")]);
    mk("bm_plain", &[("run_benchmark.py", "pass\n")]);
    root
}

#[test]
fn finds_and_selects_benchmarks() {
    let root = tree();
    let top = root.parent().unwrap().parent().unwrap().parent().unwrap();
    assert_eq!(find_root(top).unwrap(), root);
    assert_eq!(find_root(&root).unwrap(), root);
    assert!(find_root(&root.join("bm_nbody")).unwrap_err().contains("no pyperformance"));
    let all = discover(&root);
    let names: Vec<&str> = all.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["nbody", "pickle", "pickle_dict", "plain"]);
    assert_eq!(all[2].extra, ["pickle_dict", "--x"]);
    assert_eq!(all[2].dir, root.join("bm_pickle"));
    assert_eq!(all[0].script, "run_benchmark.py");
    // The default list keeps the ones present, in its own order.
    let d: Vec<String> = select(&all, &[]).unwrap().into_iter().map(|b| b.name).collect();
    assert_eq!(d, ["nbody"]);
    assert_eq!(select(&all, &["all".into()]).unwrap().len(), 4);
    assert_eq!(select(&all, &["pickle_dict".into()]).unwrap()[0].extra[0], "pickle_dict");
    assert!(select(&all, &["nope".into()]).unwrap_err().contains("'nope'"));
    let _ = std::fs::remove_dir_all(top);
}

#[test]
fn parses_pyperf_json() {
    let text = r#"{"version": "1.0", "metadata": {}, "benchmarks": [
        {"metadata": {"name": "deepcopy", "gillab_check": "int:1:1"},
         "runs": [{"metadata": {}, "warmups": [[1, 0.5]], "values": [0.25, 0.5]}]},
        {"metadata": {"name": "deepcopy_memo"}, "runs": [{"values": [1e-3]}]}]}"#;
    let m = parse_results(text).unwrap();
    assert_eq!(m.len(), 2);
    assert_eq!(m[0].values, [0.25, 0.5]);
    assert_eq!(m[0].check.as_deref(), Some("int:1:1"));
    assert_eq!(m[1].check, None);
    assert!(parse_results("{}").is_err());
    assert!(parse_results("not json").is_err());
}

#[test]
fn a_failed_run_records_each_benchmark_it_did_not_reach() {
    let by = gillab_report::Provenance {
        machine: "m".into(),
        commit: "c".into(),
        date: "d".into(),
        source: "compare".into(),
    };
    let bench = Bench {
        name: "deepcopy".into(),
        dir: PathBuf::from("."),
        script: "run_benchmark.py".into(),
        extra: Vec::new(),
    };
    let gil = Runner::Backend { name: "gil".into(), policy: None };
    let known: Vec<String> =
        ["deepcopy", "deepcopy_reduce", "deepcopy_memo"].map(String::from).to_vec();
    let done = [Measured { name: "deepcopy".into(), values: vec![0.1, 0.3], check: None }];
    let recs = records_of(&bench, &gil, &done, Some("KeyError: 'x'"), &known, &by);
    let names: Vec<&str> = recs.iter().map(|r| r.workload.as_str()).collect();
    assert_eq!(names, ["deepcopy", "deepcopy_reduce", "deepcopy_memo"]);
    assert!(recs[0].ok() && recs[0].median == 0.2 && recs[0].backend == "gil");
    assert_eq!(recs[1].error.as_deref(), Some("KeyError: 'x'"));
    assert!(recs.iter().all(|r| r.suite.as_ref().unwrap().group == "deepcopy"));
    // Nothing known about the file: one record under its name.
    let recs = records_of(&bench, &gil, &[], Some("timed out after 5 s"), &[], &by);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0].workload, "deepcopy");
    let recs = records_of(&bench, &gil, &done, None, &known, &by);
    assert_eq!(recs.len(), 1);
}
