//! `gillab compare --suite pyperformance PATH`: find the benchmark files of a pyperformance
//! checkout or unpacked wheel, run each on CPython and on every selected backend with
//! `--values`, `--warmups` and `-o FILE`, and turn the pyperf JSON they write into records.
//!
//! A benchmark is a `bm_*` folder holding `run_benchmark.py`; its name and `extra_opts` come
//! from `[tool.pyperformance]` in its `pyproject.toml`, and each `bm_*.toml` beside it is a
//! variant (another name, other `extra_opts`), as pyperformance's manifest describes them.
//! Each runs with the folder as its working directory. One file may hold several pyperf
//! benchmarks (`deepcopy`, `deepcopy_reduce`, `deepcopy_memo`): each gets its own record,
//! all with the file's name as their group.

use super::{Setup, run_in};
use crate::compare::{CompareArgs, Progress};
use crate::workloads::Runner;
use gillab_report::{Record, SuiteRun};
use std::path::{Path, PathBuf};

/// The benchmarks run by default: the pure-Python ones issue 15 tracks.
pub const DEFAULT: &[&str] = &[
    "barnes_hut",
    "chaos",
    "comprehensions",
    "coroutines",
    "deepcopy",
    "deltablue",
    "fannkuch",
    "float",
    "generators",
    "go",
    "hexiom",
    "json_dumps",
    "meteor_contest",
    "nbody",
    "nqueens",
    "pidigits",
    "pprint",
    "raytrace",
    "richards",
    "richards_super",
    "spectral_norm",
    "unpack_sequence",
];

/// One benchmark file with its options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bench {
    /// pyperformance's name for it.
    pub name: String,
    /// The `bm_*` folder (the working directory of its runs).
    pub dir: PathBuf,
    /// The script, relative to `dir`.
    pub script: String,
    /// Arguments pyperformance passes it (`extra_opts`).
    pub extra: Vec<String>,
}

/// The folder holding the `bm_*` folders under `path`: `path` itself, or its `benchmarks/`,
/// `data-files/benchmarks/` or `pyperformance/data-files/benchmarks/`.
pub fn find_root(path: &Path) -> Result<PathBuf, String> {
    let candidates = [
        path.to_path_buf(),
        path.join("benchmarks"),
        path.join("data-files").join("benchmarks"),
        path.join("pyperformance").join("data-files").join("benchmarks"),
        path.join("pyperformance").join("benchmarks"),
    ];
    for c in &candidates {
        let has_bench = std::fs::read_dir(c).is_ok_and(|entries| {
            entries.flatten().any(|e| {
                e.file_name().to_string_lossy().starts_with("bm_")
                    && e.path().join("run_benchmark.py").is_file()
            })
        });
        if has_bench {
            return Ok(c.clone());
        }
    }
    Err(format!(
        "{}: no pyperformance benchmarks (bm_*/run_benchmark.py) here or under benchmarks/, \
         data-files/benchmarks/ or pyperformance/data-files/benchmarks/ (docs/benchmarking.md \
         says how to get them)",
        path.display()
    ))
}

/// The value of `key = "..."` in TOML `text`'s `[tool.pyperformance]` table.
fn toml_string(text: &str, key: &str) -> Option<String> {
    let value = toml_value(text, key)?;
    let v = value.trim();
    let v = v.strip_prefix('"').and_then(|v| v.strip_suffix('"'))?;
    Some(v.to_string())
}

/// The strings of `key = ["...", ...]` in TOML `text`'s `[tool.pyperformance]` table.
fn toml_list(text: &str, key: &str) -> Option<Vec<String>> {
    let value = toml_value(text, key)?;
    let inner = value.trim().strip_prefix('[')?.strip_suffix(']')?;
    Some(
        inner
            .split(',')
            .map(|s| s.trim().trim_matches('"').to_string())
            .filter(|s| !s.is_empty())
            .collect(),
    )
}

fn toml_value<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    let mut in_table = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') && !line.contains('=') {
            in_table = line == "[tool.pyperformance]";
            continue;
        }
        if !in_table {
            continue;
        }
        if let Some((k, v)) = line.split_once('=')
            && k.trim() == key
        {
            return Some(v);
        }
    }
    None
}

/// Every benchmark under `root`, in folder order, each folder's variants after it.
pub fn discover(root: &Path) -> Vec<Bench> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .map(|r| r.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    dirs.sort();
    let mut out = Vec::new();
    for dir in dirs {
        let Some(folder) = dir.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        let Some(short) = folder.strip_prefix("bm_") else { continue };
        let main = std::fs::read_to_string(dir.join("pyproject.toml")).unwrap_or_default();
        let script = toml_string(&main, "runscript").unwrap_or_else(|| "run_benchmark.py".into());
        if !dir.join(&script).is_file() {
            continue;
        }
        out.push(Bench {
            name: toml_string(&main, "name").unwrap_or_else(|| short.to_string()),
            dir: dir.clone(),
            script: script.clone(),
            extra: toml_list(&main, "extra_opts").unwrap_or_default(),
        });
        let mut variants: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|r| r.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        variants.retain(|p| {
            let n = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            n.starts_with("bm_") && n.ends_with(".toml")
        });
        variants.sort();
        for v in variants {
            let text = std::fs::read_to_string(&v).unwrap_or_default();
            let Some(name) = toml_string(&text, "name") else { continue };
            out.push(Bench {
                name,
                dir: dir.clone(),
                script: toml_string(&text, "runscript").unwrap_or_else(|| script.clone()),
                extra: toml_list(&text, "extra_opts").unwrap_or_default(),
            });
        }
    }
    out
}

/// The benchmarks `wanted` names (`all` for every one; empty for [`DEFAULT`], skipping those
/// this copy of the suite lacks).
pub fn select(all: &[Bench], wanted: &[String]) -> Result<Vec<Bench>, String> {
    if wanted.iter().any(|w| w.trim() == "all") {
        return Ok(all.to_vec());
    }
    if wanted.is_empty() {
        return Ok(DEFAULT
            .iter()
            .filter_map(|n| all.iter().find(|b| b.name == *n).cloned())
            .collect());
    }
    wanted
        .iter()
        .map(|w| {
            all.iter().find(|b| b.name == w.trim()).cloned().ok_or_else(|| {
                format!("--bench: no benchmark '{}' in this copy of pyperformance", w.trim())
            })
        })
        .collect()
}

/// One pyperf benchmark as its JSON file reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    /// pyperf's name.
    pub name: String,
    /// Seconds per loop of each value.
    pub values: Vec<f64>,
    /// The digest of what the function returned (`gillab_check`), if recorded.
    pub check: Option<String>,
}

/// Reads the benchmarks of a pyperf JSON file (pyperf's layout: `benchmarks[].metadata.name`
/// and `benchmarks[].runs[].values`).
pub fn parse_results(text: &str) -> Result<Vec<Measured>, String> {
    let v: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("bad pyperf JSON: {e}"))?;
    let benches = v
        .get("benchmarks")
        .and_then(|b| b.as_array())
        .ok_or("pyperf JSON without \"benchmarks\"")?;
    let mut out = Vec::new();
    for b in benches {
        let meta = b.get("metadata");
        let name = meta
            .and_then(|m| m.get("name"))
            .and_then(|n| n.as_str())
            .ok_or("a pyperf benchmark without a name")?;
        let check =
            meta.and_then(|m| m.get("gillab_check")).and_then(|c| c.as_str()).map(str::to_string);
        let values: Vec<f64> = b
            .get("runs")
            .and_then(|r| r.as_array())
            .into_iter()
            .flatten()
            .filter_map(|run| run.get("values").and_then(|v| v.as_array()))
            .flatten()
            .filter_map(serde_json::Value::as_f64)
            .collect();
        out.push(Measured { name: name.to_string(), values, check });
    }
    Ok(out)
}

/// The records of one run: its measured benchmarks, and if it failed, a failed record for
/// each benchmark of the file it did not reach (named after CPython's run of the file when
/// known, else after the file).
pub fn records_of(
    bench: &Bench,
    runner: &Runner,
    measured: &[Measured],
    error: Option<&str>,
    known: &[String],
    by: &gillab_report::Provenance,
) -> Vec<Record> {
    let run = |check: Option<String>| SuiteRun {
        suite: gillab_report::suites::PYPERFORMANCE.into(),
        group: bench.name.clone(),
        check,
    };
    let backend = runner.backend();
    let mut out: Vec<Record> = measured
        .iter()
        .map(|m| Record::of_suite(run(m.check.clone()), &m.name, backend, 1, &m.values, None, by))
        .collect();
    if let Some(e) = error {
        let done = |n: &str| measured.iter().any(|m| m.name == n);
        let mut missing: Vec<String> = known.iter().filter(|n| !done(n)).cloned().collect();
        if missing.is_empty() {
            missing.push(if done(&bench.name) {
                format!("{} (after its last result)", bench.name)
            } else {
                bench.name.clone()
            });
        }
        for name in missing {
            out.push(Record::of_suite(run(None), &name, backend, 1, &[], Some(e.to_string()), by));
        }
    }
    out
}

/// Runs the selected benchmarks on every runtime; `save` gets each record as it is made.
pub fn run(
    args: &CompareArgs,
    path: &Path,
    setup: &Setup,
    save: &mut dyn FnMut(&Record) -> Result<(), String>,
) -> Result<Vec<Record>, String> {
    if args.threads.is_some() || args.size.is_some() {
        return Err("--threads and --size do not apply to --suite pyperformance".into());
    }
    let root = find_root(path)?;
    let benches = select(&discover(&root), &args.bench)?;
    if benches.is_empty() {
        return Err(format!("{}: none of the default benchmarks is here", root.display()));
    }
    let values = args.values.unwrap_or(if args.quick { 3 } else { 5 }).max(1);
    let warmups = args.warmups.unwrap_or(1);
    eprintln!(
        "gillab compare: pyperformance from {}: {} benchmarks × {} runtimes, --values {values} --warmups {warmups}",
        root.display(),
        benches.len(),
        setup.runners.len()
    );
    let progress = Progress::new((benches.len() * setup.runners.len()) as u64);
    let mut records = Vec::new();
    for bench in &benches {
        let mut known: Vec<String> = vec![bench.name.clone()];
        let mut reference: Vec<Measured> = Vec::new();
        for runner in &setup.runners {
            let what = format!("{} {}", bench.name, runner.label());
            progress.start(&what);
            let json =
                setup.scratch.path().join(format!("{}-{}.json", bench.name, runner.backend()));
            let _ = std::fs::remove_file(&json);
            let mut cmd = setup.command(runner);
            cmd.arg(&bench.script).args(&bench.extra);
            cmd.args(["--values", &values.to_string(), "--warmups", &warmups.to_string()]);
            cmd.arg("-o").arg(&json);
            let result = run_in(cmd, &bench.dir, setup.timeout);
            let measured = match std::fs::read_to_string(&json) {
                Ok(text) => parse_results(&text),
                Err(_) => Ok(Vec::new()),
            };
            let (measured, error) = match (result, measured) {
                (Ok(_), Ok(m)) if m.is_empty() => {
                    (m, Some("finished without writing pyperf results".to_string()))
                }
                (Ok(_), Ok(m)) => (m, None),
                (Ok(_), Err(e)) => (Vec::new(), Some(e)),
                (Err((e, _)), m) => (m.unwrap_or_default(), Some(e)),
            };
            if *runner == Runner::CPython && error.is_none() {
                known = measured.iter().map(|m| m.name.clone()).collect();
                reference = measured.clone();
            }
            let line = summary_line(&measured, error.as_deref(), &reference, runner);
            progress.tick();
            progress.done(&format!("{what}: {line}"));
            for r in records_of(bench, runner, &measured, error.as_deref(), &known, &setup.by) {
                save(&r)?;
                records.push(r);
            }
        }
    }
    progress.finish();
    Ok(records)
}

fn summary_line(
    measured: &[Measured],
    error: Option<&str>,
    reference: &[Measured],
    runner: &Runner,
) -> String {
    let mut parts: Vec<String> = measured
        .iter()
        .map(|m| {
            let (median, _, _) = gillab_report::record::spread(&m.values);
            let mut s = format!("{} {}", m.name, gillab_report::markdown::time(median));
            let theirs = reference.iter().find(|c| c.name == m.name);
            if *runner != Runner::CPython
                && let (Some(a), Some(b)) = (&m.check, theirs.and_then(|c| c.check.as_ref()))
            {
                s.push_str(if a == b { " (output as CPython's)" } else { " (OUTPUT DIFFERS)" });
            }
            s
        })
        .collect();
    if let Some(e) = error {
        parts.push(format!("FAILED: {e}"));
    }
    parts.join(", ")
}

#[cfg(test)]
#[path = "pyperformance_tests.rs"]
mod tests;
